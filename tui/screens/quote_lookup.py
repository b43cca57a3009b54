"""Quote lookup (Q): type words of a quote or a speaker's name, typos are fine; enter opens the
article at the quote, ctrl+y copies it with its attribution and link, ctrl+f follows its
speaker, ctrl+s exports the list."""

from __future__ import annotations

from rich.segment import Segment

from tui import bindings
from tui.core.models import QuoteHit
from tui.core.quotes.lookup import QuoteIndex
from tui.core.store import Store
from tui.core.text import counted, kind_word, shown_quote
from tui.screens.quote_actions import QuoteActions
from tui.screens.type_ahead import ResultList, TypeAheadScreen
from tui.widgets.virtual_list import fit


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

    def lookup(self, query: str) -> list[QuoteHit]:
        return self.index.search(query, limit=self.LIMIT)

    def count_label(self, query: str, hits: list[QuoteHit]) -> str:
        return counted(len(hits), "quote") if query.strip() else "Newest quotes"

    def draw_hit(self, hit: QuoteHit, line: int, width: int, list_: ResultList) -> list[Segment]:
        if line == 0:
            speaker = hit.speaker or "(unattributed)"
            kind = f" · {kind_word(hit.kind)}: "
            rest = max(width - len(speaker) - len(kind), 8)
            body = shown_quote(hit.text, hit.kind, limit=rest)
            return [Segment(speaker, list_.style_of("strong")),
                    Segment(kind, list_.style_of("dim")), Segment(fit(body, rest))]
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
