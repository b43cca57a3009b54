"""Quote lookup: FTS5 over quotes and speakers, widened by a fuzzy match on the vocabulary so a
misspelt word still finds its quote."""

from __future__ import annotations

import bisect
import re
import sqlite3
import unicodedata
from dataclasses import dataclass
from datetime import UTC, datetime

from tui.core.store.database import Store

_WORD = re.compile(r"\w+", re.UNICODE)
FUZZY_CUTOFF = 72.0
FUZZY_CHOICES = 6
FUZZY_MARGIN = 5.0
PREFIX_CHOICES = 30


@dataclass(frozen=True)
class QuoteHit:
    """A quote with where it came from."""

    quote_id: int
    article_id: int
    speaker: str | None
    text: str
    kind: str
    start: int
    end: int
    feed_name: str
    title: str
    url: str | None
    time: datetime


def fold(text: str) -> str:
    """Lower case without diacritics, as the FTS5 tokenizer stores terms."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


class QuoteIndex:
    """Searches stored quotes; keeps the term vocabulary in memory between keystrokes."""

    def __init__(self, store: Store) -> None:
        self.store = store
        self._terms: list[str] = []
        self._term_set: set[str] = set()
        self._speakers: list[str] = []
        self._stamp: int | None = -1

    def load(self) -> None:
        """Read the vocabulary and speakers once, and again only when quotes changed (cheap to
        call before every search; call it early in a worker so the first search is quick)."""
        conn = self.store.conn()
        stamp = conn.execute("SELECT max(id) FROM quotes").fetchone()[0]  # O(1) on the rowid
        if stamp == self._stamp:
            return
        self._terms = sorted(r[0] for r in conn.execute("SELECT term FROM quotes_vocab"))
        self._term_set = set(self._terms)
        self._speakers = [r[0] for r in conn.execute(
            "SELECT DISTINCT speaker FROM quotes WHERE speaker IS NOT NULL")]
        self._stamp = stamp  # type: ignore[assignment]

    def expand(self, word: str, prefix: bool) -> list[str]:
        """The vocabulary terms a typed word may mean: itself, completions, near spellings."""
        from rapidfuzz import fuzz, process

        found: list[str] = []
        if word in self._term_set:
            found.append(word)
        if prefix:
            start = bisect.bisect_left(self._terms, word)
            for term in self._terms[start:start + PREFIX_CHOICES]:
                if not term.startswith(word):
                    break
                found.append(term)
        if len(word) >= 4 and not found:
            matches = process.extract(word, self._terms, scorer=fuzz.ratio,
                                      score_cutoff=FUZZY_CUTOFF, limit=FUZZY_CHOICES)
            if matches:  # only the nearest spellings: "mediaters" means mediators, not matters
                best = matches[0][1]
                found.extend(term for term, score, _ in matches if score >= best - FUZZY_MARGIN)
        return list(dict.fromkeys(found))

    def match_query(self, text: str) -> str | None:
        """An FTS5 query: every word must match one of its expansions. None if nothing to ask."""
        words = _WORD.findall(fold(text))
        if not words:
            return None
        clauses = []
        for index, word in enumerate(words):
            terms = self.expand(word, prefix=index == len(words) - 1 and not text.endswith(" "))
            if not terms:
                return ""  # a word with no possible match: no results
            clauses.append("(" + " OR ".join(f'"{t}"' for t in terms) + ")")
        return " AND ".join(clauses)

    def speakers_like(self, name: str) -> list[str]:
        from rapidfuzz import fuzz, process

        matches = process.extract(name, self._speakers, scorer=fuzz.WRatio, score_cutoff=80,
                                  limit=20, processor=fold)
        return [speaker for speaker, _, _ in matches]

    def search(self, text: str, speaker: str | None = None, limit: int = 50) -> list[QuoteHit]:
        """Best matches first; with no words, the newest quotes (of the speaker, if given)."""
        self.load()
        query = self.match_query(text)
        if query == "":
            return []
        from tui.core.quotes.pending import SHOWN_CONFIDENCE

        where: list[str] = ["q.confidence >= ?"]
        params: list[object] = [SHOWN_CONFIDENCE]
        if speaker:
            names = self.speakers_like(speaker)
            if not names:
                return []
            where.append(f"q.speaker IN ({','.join('?' * len(names))})")
            params.extend(names)
        select = ("SELECT q.id, q.article_id, q.speaker, q.text, q.kind, q.start, q.end, f.name, "
                  "a.title, a.url, a.sort_time FROM ")
        joins = "JOIN articles a ON a.id = q.article_id JOIN feeds f ON f.id = a.feed_id "
        if query is None:
            sql = (select + "quotes q " + joins + "WHERE " + " AND ".join(where)
                   + " ORDER BY a.sort_time DESC, q.start LIMIT ?")
        else:
            # Rank inside the index first; join only the best rows (a one-letter prefix can
            # match tens of thousands of quotes).
            ranked = ("(SELECT rowid, bm25(quotes_fts, 4.0, 1.0) AS score FROM quotes_fts "
                      "WHERE quotes_fts MATCH ? ORDER BY score LIMIT ?) m ")
            sql = (select + ranked + "JOIN quotes q ON q.id = m.rowid " + joins + "WHERE "
                   + " AND ".join(where) + " ORDER BY m.score, a.sort_time DESC LIMIT ?")
            params[:0] = [query, limit * 4]
        try:
            rows = self.store.conn().execute(sql, (*params, limit)).fetchall()
        except sqlite3.OperationalError:
            return []
        return [QuoteHit(r[0], r[1], r[2], r[3], r[4], r[5], r[6], r[7], r[8], r[9],
                         datetime.fromtimestamp(r[10], tz=UTC)) for r in rows]
