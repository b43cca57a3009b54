"""Full-text search over cached articles: safe FTS5 queries, ranking, highlighted snippets."""

from __future__ import annotations

import re
import sqlite3
from dataclasses import dataclass
from datetime import UTC, datetime

# Snippet highlight markers: control characters never survive ingest, so they cannot collide
# with article text.
HIT_START = "\x02"
HIT_END = "\x03"
_TOKEN = re.compile(r'"([^"]*)"|(\S+)')
_WORD = re.compile(r"\w+", re.UNICODE)


@dataclass(frozen=True)
class SearchHit:
    """One article matching a search, with a snippet whose hits are between the markers."""

    article_id: int
    feed_name: str
    title: str
    time: datetime
    snippet: str
    title_marked: str


def fts_query(text: str, prefix_last: bool = True) -> str | None:
    """Turn what a user types into a safe FTS5 query: words ANDed, "phrases" kept, last word a
    prefix so results update as you type. None when there is nothing to search for."""
    terms: list[str] = []
    for match in _TOKEN.finditer(text):
        phrase, word = match.groups()
        words = _WORD.findall(phrase if phrase is not None else word)
        if not words:
            continue
        if phrase is not None:
            terms.append('"' + " ".join(words) + '"')
        else:
            terms.extend(f'"{w}"' for w in words)
    if not terms:
        return None
    if prefix_last and not text.rstrip().endswith('"'):
        terms[-1] = terms[-1] + "*"
    return " ".join(terms)


def search(conn: sqlite3.Connection, text: str, limit: int = 50) -> list[SearchHit]:
    """Best matches first (bm25, titles weighted ten times the body)."""
    query = fts_query(text)
    if query is None:
        return []
    try:
        rows = conn.execute(
            "SELECT a.id, f.name, a.title, a.sort_time, "
            f"snippet(articles_fts, 1, '{HIT_START}', '{HIT_END}', '…', 16), "
            f"highlight(articles_fts, 0, '{HIT_START}', '{HIT_END}') "
            "FROM articles_fts JOIN articles a ON a.id = articles_fts.rowid "
            "JOIN feeds f ON f.id = a.feed_id "
            "WHERE articles_fts MATCH ? ORDER BY bm25(articles_fts, 10.0, 1.0) LIMIT ?",
            (query, limit),
        ).fetchall()
    except sqlite3.OperationalError:
        return []  # a query FTS5 still cannot take is "no results", never a crash
    return [SearchHit(r[0], r[1], r[2], datetime.fromtimestamp(r[3], tz=UTC),
                      " ".join(r[4].split()), r[5]) for r in rows]


def first_hit_offset(text: str, query: str) -> int | None:
    """Character offset of the first query word in the text (case-insensitive), for scrolling."""
    words = [w.casefold() for w in _WORD.findall(query)]
    if not words:
        return None
    folded = text.casefold()
    positions = [p for w in words if (p := _word_position(folded, w)) is not None]
    return min(positions) if positions else None


def _word_position(folded: str, word: str) -> int | None:
    match = re.search(r"\b" + re.escape(word), folded)
    return match.start() if match else None


def plain(marked: str) -> str:
    return marked.replace(HIT_START, "").replace(HIT_END, "")
