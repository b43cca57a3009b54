"""Actors and quotes in the cache: which articles await analysis, and what it found."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Sequence
from typing import Any

from tui.core.models import ACTOR_KIND_ORDER, Actor, Quote
from tui.core.store.database import Database
from tui.core.store.search import SHOWN_CONFIDENCE

_QUOTE_COLUMNS = "speaker, text, kind, cue, start, end, confidence, id, article_id, pieces"
_ACTOR_ORDER = "CASE kind " + " ".join(
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
                      version: int) -> None:
        """Replace the actors and quotes of each article in one transaction."""
        with self.write() as tx:
            for article_id, actors, quotes in results:
                _replace(tx, article_id, actors, quotes, version)

    def actors_of(self, article_id: int, min_confidence: float = SHOWN_CONFIDENCE) -> list[Actor]:
        """The article's actors a reader is shown (people, organisations, places; most mentioned
        first); with a lower min_confidence, the guesses too."""
        rows = self.conn().execute(
            "SELECT name, kind, role, aliases, mentions, first_offset, spans, id, article_id, confidence "
            f"FROM actors WHERE article_id = ? AND confidence >= ? ORDER BY {_ACTOR_ORDER}, mentions DESC, "
            "first_offset", (article_id, min_confidence))
        return [Actor(r[0], r[1], r[2], tuple(a for a in r[3].split("\n") if a), r[4], r[5],
                      _spans(r[6]), r[7], r[8], r[9]) for r in rows]

    def quotes_of(self, article_id: int, min_confidence: float = SHOWN_CONFIDENCE) -> list[Quote]:
        rows = self.conn().execute(
            f"SELECT {_QUOTE_COLUMNS} FROM quotes WHERE article_id = ? AND confidence >= ? "
            "ORDER BY start", (article_id, min_confidence))
        return [_quote(r) for r in rows]

    def quotes_by_ids(self, ids: Sequence[int]) -> list[Quote]:
        if not ids:
            return []
        rows = self.conn().execute(
            f"SELECT {_QUOTE_COLUMNS} FROM quotes WHERE id IN ({','.join('?' * len(ids))})",
            list(ids))
        found = {r[7]: _quote(r) for r in rows}
        return [found[i] for i in ids if i in found]


def _replace(tx: sqlite3.Connection, article_id: int, actors: Sequence[Actor],
             quotes: Sequence[Quote], version: int) -> None:
    tx.execute("DELETE FROM actors WHERE article_id = ?", (article_id,))
    tx.execute("DELETE FROM quotes WHERE article_id = ?", (article_id,))
    tx.executemany(
        "INSERT INTO actors (article_id, name, kind, role, aliases, mentions, first_offset, spans, confidence) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [(article_id, a.name, a.kind, a.role, "\n".join(a.aliases), a.mentions, a.first_offset,
          _joined(a.spans), a.confidence) for a in actors])
    tx.executemany(
        "INSERT INTO quotes (article_id, speaker, text, kind, cue, start, end, confidence, pieces) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [(article_id, q.speaker, q.text, q.kind, q.cue, q.start, q.end, q.confidence,
          _joined(q.spans)) for q in quotes])
    tx.execute("UPDATE articles SET analysed = ? WHERE id = ?", (version, article_id))
