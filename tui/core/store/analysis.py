"""Actors and quotes in the cache: which articles await analysis, and what it found."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import replace
from typing import Any

from tui.core.models import ACTOR_KIND_ORDER, SHOWN_CONFIDENCE, Actor, Quote
from tui.core.store.database import Database
from tui.core.store.names import ArticleName, save_article_names

# A quote is read with its speaker's one name (`person`, see store/names.py); `_RAW` as written.
_QUOTE_COLUMNS = "coalesce(person, speaker), text, kind, cue, start, end, confidence, id, article_id, pieces"
_RAW_QUOTE_COLUMNS = "speaker, text, kind, cue, start, end, confidence, id, article_id, pieces"
_ACTOR_ORDER = "CASE c.kind " + " ".join(
    f"WHEN '{kind}' THEN {rank}" for kind, rank in ACTOR_KIND_ORDER.items()) + " ELSE 3 END"


def _spans(value: str) -> tuple[tuple[int, int], ...]:
    spans = []
    for pair in value.split(";"):
        if "," in pair:
            start, end = pair.split(",", 1)
            spans.append((int(start), int(end)))
    return tuple(spans)


def _quote(row: tuple[Any, ...]) -> Quote:
    # the columns are _QUOTE_COLUMNS, in Quote's order
    return Quote(row[0], row[1], row[2], row[3], row[4], row[5], row[6], row[7], row[8], _spans(row[9]))


def _joined(spans: Sequence[tuple[int, int]]) -> str:
    return ";".join(f"{s},{e}" for s, e in spans)


class AnalysisTable(Database):
    """Each article's actors and quotes, and the `analysed` mark that says they are current."""

    def unanalysed(self, after: int = 0) -> list[int]:
        """Articles whose text changed since it was analysed (the partial index answers); with
        `after`, only those with a higher id (new since an earlier look)."""
        return [r[0] for r in self.conn().execute(
            "SELECT id FROM articles WHERE analysed = 0 AND id > ? ORDER BY id", (after,))]

    def texts(self, article_ids: Sequence[int]) -> list[tuple[int, str]]:
        """(id, text) of articles: the full text, or the feed's summary when there is none."""
        if not article_ids:
            return []
        return [(r[0], r[1]) for r in self.conn().execute(
            f"SELECT id, CASE WHEN body = '' THEN summary ELSE body END FROM articles "
            f"WHERE id IN ({','.join('?' * len(article_ids))})", list(article_ids))]

    def save_analyses(self, results: Iterable[tuple[int, Sequence[Actor], Sequence[Quote]]],
                      version: int, names: Mapping[int, Sequence[ArticleName]] | None = None) -> None:
        """Replace the actors and quotes of each article in one transaction; with `names`, the
        article's names too (store/names.py), and its quotes credited to the full names."""
        with self.write() as tx:
            for article_id, actors, quotes in results:
                written = (names or {}).get(article_id, ())
                _replace(tx, article_id, actors, quotes, version, {a: f for a, f, _ in written})
                if names is not None:
                    save_article_names(tx, article_id, written)

    def save_names(self, names: Mapping[int, Sequence[ArticleName]]) -> None:
        """Replace the names of articles analysed before names were kept (the backfill)."""
        with self.write() as tx:
            for article_id, written in names.items():
                save_article_names(tx, article_id, written)
                tx.executemany("UPDATE quotes SET person = ? WHERE article_id = ? AND speaker = ?",
                               [(full, article_id, alias) for alias, full, _ in written])

    def analysed_articles(self, after: int = 0, limit: int = 500) -> list[int]:
        """Articles with actors or quotes, by id after `after` (the names' backfill). Also those
        waiting to be analysed again: their old quotes are shown until then, under one name too."""
        return [r[0] for r in self.conn().execute(
            "SELECT a.id FROM articles a WHERE a.id > ? "
            "AND (EXISTS (SELECT 1 FROM actors c WHERE c.article_id = a.id) "
            "OR EXISTS (SELECT 1 FROM quotes q WHERE q.article_id = a.id)) ORDER BY a.id LIMIT ?",
            (after, limit))]

    def actors_of(self, article_id: int, min_confidence: float = SHOWN_CONFIDENCE, *,
                  written: bool = False) -> list[Actor]:
        """The article's actors a reader is shown (people, organisations, places; most mentioned
        first), each under its one name with the article's other forms as aliases, two forms of one
        name as one actor; with a lower min_confidence, the guesses too; `written`: as analysed."""
        rows = self.conn().execute(
            "SELECT c.name, c.kind, c.role, c.aliases, c.mentions, c.first_offset, c.spans, c.id, "
            "c.article_id, c.confidence, n.name FROM actors c "
            "LEFT JOIN names n ON n.article_id = c.article_id AND n.alias = c.name "
            f"WHERE c.article_id = ? AND c.confidence >= ? ORDER BY {_ACTOR_ORDER}, c.mentions DESC, "
            "c.first_offset", (article_id, min_confidence)).fetchall()
        actors = [Actor(r[0], r[1], r[2], tuple(a for a in r[3].split("\n") if a), r[4], r[5],
                        _spans(r[6]), r[7], r[8], r[9]) for r in rows]
        if written:
            return actors
        shown = {r[0]: r[10] for r in rows if r[10]}
        return one_name_each(actors, shown)

    def quotes_of(self, article_id: int, min_confidence: float = SHOWN_CONFIDENCE, *,
                  written: bool = False) -> list[Quote]:
        """The article's quotes, each credited to its speaker's one name (`written`: as analysed)."""
        rows = self.conn().execute(
            f"SELECT {_RAW_QUOTE_COLUMNS if written else _QUOTE_COLUMNS} FROM quotes "
            "WHERE article_id = ? AND confidence >= ? ORDER BY start", (article_id, min_confidence))
        return [_quote(r) for r in rows]

    def quotes_by_ids(self, ids: Sequence[int]) -> list[Quote]:
        if not ids:
            return []
        rows = self.conn().execute(
            f"SELECT {_QUOTE_COLUMNS} FROM quotes WHERE id IN ({','.join('?' * len(ids))})",
            list(ids))
        found = {r[7]: _quote(r) for r in rows}
        return [found[i] for i in ids if i in found]


def one_name_each(actors: Sequence[Actor], shown: Mapping[str, str]) -> list[Actor]:
    """Each actor under its one name (`shown`: written name -> shown name), the written name
    among its aliases; two actors of one name ("Hua", "Hua Chunying") merged into the first."""
    merged: dict[tuple[str, str], Actor] = {}
    for actor in actors:
        name = shown.get(actor.name, actor.name)
        key = (name, actor.kind if actor.kind == "place" else "")
        aliases = tuple(dict.fromkeys(a for a in (actor.name, *actor.aliases) if a != name))
        first = merged.get(key)
        if first is None:
            merged[key] = replace(actor, name=name, aliases=aliases)
            continue
        merged[key] = replace(first, aliases=tuple(dict.fromkeys((*first.aliases, *aliases))),
                              mentions=first.mentions + actor.mentions,
                              spans=tuple(sorted({*first.spans, *actor.spans})),
                              first_offset=min(first.first_offset, actor.first_offset))
    return list(merged.values())


def _replace(tx: sqlite3.Connection, article_id: int, actors: Sequence[Actor],
             quotes: Sequence[Quote], version: int, person: Mapping[str, str]) -> None:
    tx.execute("DELETE FROM actors WHERE article_id = ?", (article_id,))
    tx.execute("DELETE FROM quotes WHERE article_id = ?", (article_id,))
    tx.executemany(
        "INSERT INTO actors (article_id, name, kind, role, aliases, mentions, first_offset, spans, confidence) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [(article_id, a.name, a.kind, a.role, "\n".join(a.aliases), a.mentions, a.first_offset,
          _joined(a.spans), a.confidence) for a in actors])
    tx.executemany(
        "INSERT INTO quotes (article_id, speaker, text, kind, cue, start, end, confidence, pieces, person) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [(article_id, q.speaker, q.text, q.kind, q.cue, q.start, q.end, q.confidence,
          _joined(q.spans), person.get(q.speaker, q.speaker) if q.speaker else None) for q in quotes])
    tx.execute("UPDATE articles SET analysed = ? WHERE id = ?", (version, article_id))
