"""Full-text search in the cache: articles by title and text, quotes by words and speaker."""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Sequence
from datetime import UTC, datetime

from tui.core.models import SHOWN_CONFIDENCE, QuoteHit, SearchHit
from tui.core.store.watch import WatchTable

# Snippet highlight markers: control characters never survive ingest, so they cannot collide
# with article text.
HIT_START = "\x02"
HIT_END = "\x03"
_TOKEN = re.compile(r'"([^"]*)"|(\S+)')
_WORD = re.compile(r"\w+", re.UNICODE)
__all__ = ["HIT_END", "HIT_START", "SearchIndex", "fts_query", "plain"]


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


def plain(marked: str) -> str:
    return marked.replace(HIT_START, "").replace(HIT_END, "")


class SearchIndex(WatchTable):
    """The FTS5 indexes over articles and quotes (muted articles left out)."""

    def search(self, text: str, limit: int = 50) -> list[SearchHit]:
        """Best matches first (bm25, titles weighted ten times the body)."""
        query = fts_query(text)
        if query is None:
            return []
        hidden, params = self.visible()
        try:
            rows = self.conn().execute(
                "SELECT a.id, f.name, a.title, a.sort_time, "
                f"snippet(articles_fts, 1, '{HIT_START}', '{HIT_END}', '…', 16), "
                f"highlight(articles_fts, 0, '{HIT_START}', '{HIT_END}') "
                "FROM articles_fts JOIN articles a ON a.id = articles_fts.rowid "
                "JOIN feeds f ON f.id = a.feed_id "
                f"WHERE articles_fts MATCH ?{hidden} ORDER BY bm25(articles_fts, 10.0, 1.0) LIMIT ?",
                (query, *params, limit),
            ).fetchall()
        except sqlite3.OperationalError:
            return []  # a query FTS5 still cannot take is "no results", never a crash
        return [SearchHit(r[0], r[1], r[2], datetime.fromtimestamp(r[3], tz=UTC),
                          " ".join(r[4].split()), r[5]) for r in rows]

    # -- quotes ------------------------------------------------------------------------------
    def quotes_stamp(self) -> int | None:
        """Changes whenever quotes are added (the highest rowid: O(1))."""
        value = self.conn().execute("SELECT max(id) FROM quotes").fetchone()[0]
        return None if value is None else int(value)

    def quote_terms(self) -> list[str]:
        """Every term of the quote index, sorted."""
        return sorted(r[0] for r in self.conn().execute("SELECT term FROM quotes_vocab"))

    def quote_speakers(self) -> list[str]:
        """The one name of everyone quotes are credited to (store/names.py)."""
        return [r[0] for r in self.conn().execute(
            "SELECT DISTINCT person FROM quotes WHERE person IS NOT NULL")]

    def quote_hits(self, match: str | None, speakers: Sequence[str] | None = None,
                   limit: int = 50, *, since: int | None = None,
                   story_id: int | None = None) -> list[QuoteHit]:
        """Quotes matching an FTS5 query (best first), or the newest when `match` is None;
        only those of `speakers`, in articles listed at or after `since` (a timestamp), or of a
        story, when given; never those of muted articles."""
        where, params = self._quote_filter(speakers, since, story_id)
        # A date or a story may leave out most of the best-ranked: rank them all then.
        narrowed = since is not None or story_id is not None
        select = ("SELECT q.id, q.article_id, coalesce(q.person, q.speaker), q.text, q.kind, q.start, q.end, f.name, "
                  "a.title, a.url, a.sort_time FROM ")
        joins = "JOIN articles a ON a.id = q.article_id JOIN feeds f ON f.id = a.feed_id "
        if match is None:
            sql = (select + "quotes q " + joins + "WHERE " + where
                   + " ORDER BY a.sort_time DESC, q.start LIMIT ?")
        else:
            # Rank inside the index first; join only the best rows (a one-letter prefix can
            # match tens of thousands of quotes).
            ranked = ("(SELECT rowid, bm25(quotes_fts, 4.0, 1.0) AS score FROM quotes_fts "
                      "WHERE quotes_fts MATCH ? ORDER BY score LIMIT ?) m ")
            sql = (select + ranked + "JOIN quotes q ON q.id = m.rowid " + joins + "WHERE "
                   + where + " ORDER BY m.score, a.sort_time DESC LIMIT ?")
            params[:0] = [match, -1 if narrowed else limit * 4]
        try:
            rows = self.conn().execute(sql, (*params, limit)).fetchall()
        except sqlite3.OperationalError:
            return []
        return [QuoteHit(r[0], r[1], r[2], r[3], r[4], r[5], r[6], r[7], r[8], r[9],
                         datetime.fromtimestamp(r[10], tz=UTC)) for r in rows]

    def count_quote_hits(self, match: str | None, speakers: Sequence[str] | None = None, *,
                         since: int | None = None, story_id: int | None = None) -> int:
        """How many quotes `quote_hits` would find with no limit."""
        where, params = self._quote_filter(speakers, since, story_id)
        article = "JOIN articles a ON a.id = q.article_id "
        if match is None:
            sql = f"SELECT count(*) FROM quotes q {article}WHERE {where}"
        else:
            sql = ("SELECT count(*) FROM quotes_fts JOIN quotes q ON q.id = quotes_fts.rowid "
                   f"{article}WHERE quotes_fts MATCH ? AND {where}")
            params[:0] = [match]
        try:
            return int(self.conn().execute(sql, params).fetchone()[0])
        except sqlite3.OperationalError:
            return 0

    def _quote_filter(self, speakers: Sequence[str] | None, since: int | None = None,
                      story_id: int | None = None) -> tuple[str, list[object]]:
        """The conditions on quotes `q` (and their articles `a`) every quote list shares."""
        where = ["q.confidence >= ?"]
        params: list[object] = [SHOWN_CONFIDENCE]
        if speakers is not None:
            where.append(f"q.person IN ({','.join('?' * len(speakers))})")
            params.extend(speakers)
        if since is not None:
            where.append("a.sort_time >= ?")
            params.append(since)
        if story_id is not None:
            where.append("a.story_id = ?")
            params.append(story_id)
        hidden, hidden_params = self.visible(joiner="")
        if hidden:
            where.append(hidden)
            params.extend(hidden_params)
        return " AND ".join(where), params
