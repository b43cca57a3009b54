"""Quote lookup (Q): type words of a quote or a speaker's name, typos are fine; enter opens the
article at the quote, ctrl+y copies it with its attribution and link, ctrl+f follows its
speaker, ctrl+s exports the list."""

from __future__ import annotations

import re

from rich.cells import cell_len
from rich.segment import Segment
from rich.style import Style

from tui import bindings
from tui.core.models import QuoteHit
from tui.core.quotes.lookup import QuoteIndex, fold
from tui.core.store import Store
from tui.core.text import counted, kind_word, one_line, shown_quote
from tui.screens.quote_actions import QuoteActions
from tui.screens.type_ahead import ResultList, TypeAheadScreen
from tui.widgets.virtual_list import fit

WORD = re.compile(r"\w+")
CONTEXT_WORDS = 4  # words kept before the first match when the quote is cut to show it
MATCH_STYLE = Style(bold=True, underline=True)
PHRASE_MARKS = re.compile(r"[“”„\"«»‘]")  # not ’ nor ': apostrophes ("Armenia's") open nothing


def matched_spans(body: str, terms: frozenset[str]) -> list[tuple[int, int]]:
    """(start, end) of each word of `body` that the query matched."""
    return [m.span() for m in WORD.finditer(body) if fold(m.group()) in terms]


def windowed(text: str, kind: str, terms: frozenset[str], width: int) -> str:
    """The quote as shown in `width` cells, cut with "…": from its start when the first
    matched word fits, else from a few words before it (unless that would cut a quoted phrase
    open), so the words typed are on screen."""
    head = shown_quote(text, kind, limit=width)
    words = one_line(text)
    spans = matched_spans(words, terms)
    if not spans or cell_len(words[:spans[0][1]]) + 3 <= width or spans[0][1] > len(words):
        return head
    starts = [m.start() for m in WORD.finditer(words[:spans[0][0]])]
    start = starts[-CONTEXT_WORDS] if len(starts) >= CONTEXT_WORDS else 0
    if start == 0 or PHRASE_MARKS.search(words[:start]):
        return head
    return shown_quote("…" + words[start:], kind, limit=width)


def highlighted(body: str, terms: frozenset[str]) -> list[Segment]:
    """The body in segments, the matched words in MATCH_STYLE."""
    segments, done = [], 0
    for start, end in matched_spans(body, terms):
        segments += [Segment(body[done:start]), Segment(body[start:end], MATCH_STYLE)]
        done = end
    return [*segments, Segment(body[done:])]


def citation(hit: QuoteHit) -> str:
    """The quote as one would paste it: the words as shown, who and how (said, in part, reported),
    outlet, date and link."""
    speaker = hit.speaker or "Unattributed"
    link = f" {hit.url}" if hit.url else ""
    return (f"{shown_quote(hit.text, hit.kind)} — {speaker} ({kind_word(hit.kind)}), {hit.feed_name}, "
            f"{hit.time:%d %b %Y}{link}")


class QuoteLookupScreen(QuoteActions, TypeAheadScreen[QuoteHit, QuoteHit]):
    """Search every stored quote as you type."""

    BINDINGS = bindings.QUOTE_LOOKUP
    TITLE_TEXT = "Quote lookup"
    PLACEHOLDER = "Words of a quote or a speaker's name (typos are fine)…  ctrl+y copies"
    LIMIT = 60

    def __init__(self, store: Store, index: QuoteIndex | None = None) -> None:
        super().__init__()
        self.store = store
        self.index = index or QuoteIndex(store)
        self._terms: dict[str, frozenset[str]] = {}  # per query: the words to highlight

    def lookup(self, query: str) -> list[QuoteHit]:
        if len(self._terms) > 16:
            self._terms.clear()
        self._terms[query] = self.index.matched_terms(query)
        return self.index.search(query, limit=self.LIMIT)

    def count_label(self, query: str, hits: list[QuoteHit]) -> str:
        return counted(len(hits), "quote") if query.strip() else "Newest quotes"

    def draw_hit(self, hit: QuoteHit, line: int, width: int, list_: ResultList) -> list[Segment]:
        if line == 0:
            speaker = hit.speaker or "(unattributed)"
            kind = f" · {kind_word(hit.kind)}: "
            rest = max(width - len(speaker) - len(kind), 8)
            terms = self._terms.get(self._answered or "", frozenset())
            body = fit(windowed(hit.text, hit.kind, terms, rest), rest)
            return [Segment(speaker, list_.style_of("strong")),
                    Segment(kind, list_.style_of("dim")), *highlighted(body, terms)]
        meta = f"   {hit.feed_name} · {hit.time:%d %b %Y} · {hit.title}"
        return [Segment(fit(meta, width), list_.style_of("dim"))]

    def result_for(self, hit: QuoteHit, query: str) -> QuoteHit:
        return hit

    def action_copy_quote(self) -> None:
        hit = self.current
        if hit is None:
            return
        self.app.copy_to_clipboard(citation(hit))
        self.notify("Copied the quote with its attribution.", timeout=2)
