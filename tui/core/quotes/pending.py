"""Actors and quotes of cached articles: run the extractor on new text and store the results."""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from tui.core.store.database import Store

# Bump when the extractor changes enough that stored results should be recomputed.
ANALYSIS_VERSION = 1
BATCH = 200


@dataclass(frozen=True)
class StoredActor:
    """An actor of one article, as stored."""

    id: int
    article_id: int
    name: str
    kind: str
    role: str | None
    aliases: tuple[str, ...]
    mentions: int
    first_offset: int
    spans: tuple[tuple[int, int], ...]


@dataclass(frozen=True)
class StoredQuote:
    """A quote of one article, as stored; start/end index the article's text."""

    id: int
    article_id: int
    speaker: str | None
    text: str
    kind: str
    cue: str | None
    start: int
    end: int
    confidence: float


def analyse_pending(store: Store, *, cancel: threading.Event | None = None,
                    progress: Callable[[int, int], None] | None = None) -> int:
    """Analyse every article whose text is settled and not analysed yet; returns how many."""
    from tui.core.quotes.extractor import analyse

    # analysed = 0 (not < version) so the partial index answers; a version bump resets the
    # column to 0 in a migration. Articles without full text are analysed from their feed text;
    # storing a full text later sets analysed back to 0.
    pending = [r[0] for r in store.conn().execute(
        "SELECT id FROM articles WHERE analysed = 0 ORDER BY id")]
    done = 0
    for start in range(0, len(pending), BATCH):
        if cancel is not None and cancel.is_set():
            break
        batch = pending[start:start + BATCH]
        texts = store.conn().execute(
            f"SELECT id, CASE WHEN body = '' THEN summary ELSE body END FROM articles "
            f"WHERE id IN ({','.join('?' * len(batch))})", batch).fetchall()
        results = [(article_id, analyse(text)) for article_id, text in texts]
        with store.write() as tx:
            for article_id, analysis in results:
                _replace(tx, article_id, analysis)
        done += len(batch)
        if progress:
            progress(done, len(pending))
    return done


def _replace(tx: sqlite3.Connection, article_id: int, analysis) -> None:  # type: ignore[no-untyped-def]
    tx.execute("DELETE FROM actors WHERE article_id = ?", (article_id,))
    tx.execute("DELETE FROM quotes WHERE article_id = ?", (article_id,))
    tx.executemany(
        "INSERT INTO actors (article_id, name, kind, role, aliases, mentions, first_offset, spans) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        [(article_id, a.name, a.kind, a.role, "\n".join(a.aliases), a.mentions, a.first_offset,
          ";".join(f"{s},{e}" for s, e in a.spans)) for a in analysis.actors])
    tx.executemany(
        "INSERT INTO quotes (article_id, speaker, text, kind, cue, start, end, confidence) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        [(article_id, q.speaker, q.text, q.kind, q.cue, q.start, q.end, q.confidence)
         for q in analysis.quotes])
    tx.execute("UPDATE articles SET analysed = ? WHERE id = ?", (ANALYSIS_VERSION, article_id))


def actors_of(store: Store, article_id: int) -> list[StoredActor]:
    rows = store.conn().execute(
        "SELECT id, article_id, name, kind, role, aliases, mentions, first_offset, spans "
        "FROM actors WHERE article_id = ? ORDER BY "
        "CASE kind WHEN 'person' THEN 0 WHEN 'organisation' THEN 1 ELSE 2 END, "
        "mentions DESC, first_offset", (article_id,))
    return [StoredActor(r[0], r[1], r[2], r[3], r[4], tuple(a for a in r[5].split("\n") if a),
                        r[6], r[7], _spans(r[8])) for r in rows]


# Below this the extractor's attributions are guesses (attitudes, "wants", "believes"): kept in
# the cache, not shown.
SHOWN_CONFIDENCE = 0.5


def quotes_of(store: Store, article_id: int,
              min_confidence: float = SHOWN_CONFIDENCE) -> list[StoredQuote]:
    rows = store.conn().execute(
        "SELECT id, article_id, speaker, text, kind, cue, start, end, confidence FROM quotes "
        "WHERE article_id = ? AND confidence >= ? ORDER BY start", (article_id, min_confidence))
    return [StoredQuote(*r) for r in rows]


def quotes_by_ids(store: Store, ids: Sequence[int]) -> list[StoredQuote]:
    if not ids:
        return []
    rows = store.conn().execute(
        "SELECT id, article_id, speaker, text, kind, cue, start, end, confidence FROM quotes "
        f"WHERE id IN ({','.join('?' * len(ids))})", list(ids))
    found = {r[0]: StoredQuote(*r) for r in rows}
    return [found[i] for i in ids if i in found]


def _spans(value: str) -> tuple[tuple[int, int], ...]:
    spans = []
    for pair in value.split(";"):
        if "," in pair:
            start, end = pair.split(",", 1)
            spans.append((int(start), int(end)))
    return tuple(spans)
