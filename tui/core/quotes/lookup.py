"""Quote lookup: the FTS5 index over quotes and speakers, widened by a fuzzy match on its
vocabulary so a misspelt word still finds its quote."""

from __future__ import annotations

import bisect
import re
import unicodedata

from tui.core.models import QuoteHit
from tui.core.store import Store

_WORD = re.compile(r"\w+", re.UNICODE)
FUZZY_CUTOFF = 72.0
FUZZY_CHOICES = 6
FUZZY_MARGIN = 5.0
PREFIX_CHOICES = 30
_NEVER_LOADED = object()


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
        self._named: dict[str, set[str]] = {}   # any form of a name -> the names shown for it
        self._stamp: object = _NEVER_LOADED

    def load(self) -> None:
        """Read the vocabulary and speakers once, and again only when quotes changed (cheap to
        call before every search; call it early in a worker so the first search is quick)."""
        stamp = self.store.quotes_stamp()
        if stamp == self._stamp:
            return
        self._terms = self.store.quote_terms()
        self._term_set = set(self._terms)
        self._speakers = self.store.quote_speakers()
        self._named = {name: {name} for name in self._speakers}
        for alias, name in self.store.name_index():
            self._named.setdefault(alias, set()).add(name)
        self._stamp = stamp

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

    def matched_terms(self, text: str) -> frozenset[str]:
        """The folded words a query's words match (themselves, completions, near spellings):
        what to highlight in the quotes found."""
        self.load()
        words = _WORD.findall(fold(text))
        last = len(words) - 1
        return frozenset(term for index, word in enumerate(words)
                         for term in self.expand(word, prefix=index == last and not text.endswith(" ")))

    def speakers_like(self, name: str) -> list[str]:
        """The names shown for a speaker typed by any form of their name ("Trump", "Mr. Trump"
        or "Donald Trump"), typos and all."""
        from rapidfuzz import fuzz, process

        matches = process.extract(name, list(self._named), scorer=fuzz.WRatio, score_cutoff=80,
                                  limit=20, processor=fold)
        return list(dict.fromkeys(shown for form, _, _ in matches for shown in sorted(self._named[form])))

    def search(self, text: str, speaker: str | None = None, limit: int = 50, *,
               since: int | None = None, story_id: int | None = None) -> list[QuoteHit]:
        """Best matches first; with no words, the newest quotes (of the speaker, if given; in
        articles listed since a timestamp, or of a story, if given)."""
        asked = self._ask(text, speaker)
        return [] if asked is None else self.store.quote_hits(
            *asked, limit=limit, since=since, story_id=story_id)

    def count(self, text: str, speaker: str | None = None, *, since: int | None = None,
              story_id: int | None = None) -> int:
        """How many quotes `search` finds without a limit."""
        asked = self._ask(text, speaker)
        return 0 if asked is None else self.store.count_quote_hits(
            *asked, since=since, story_id=story_id)

    def _ask(self, text: str, speaker: str | None) -> tuple[str | None, list[str] | None] | None:
        """(FTS5 query, speakers) for the store; None when nothing can match."""
        self.load()
        query = self.match_query(text)
        if query == "":
            return None
        speakers = None
        if speaker:
            speakers = self.speakers_like(speaker)
            if not speakers:
                return None
        return query, speakers
