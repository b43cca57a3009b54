"""A followed person's quotes (chosen under People): newest first across outlets, narrowed by
typing words, with their quotes per day over the last 14 days; enter opens the article at the
quote."""

from __future__ import annotations

from tui.core.models import QuoteHit
from tui.core.quotes.lookup import QuoteIndex
from tui.core.sparkline import RECENT_DAYS, day_span, per_day, recent_days, sparkline
from tui.core.store import Store
from tui.core.text import counted
from tui.screens.quote_lookup import QuoteLookupScreen
from tui.widgets import ages


def activity(hits: list[QuoteHit]) -> str:
    """The hits per day over the last 14 days, as blocks with the days named."""
    first, last = recent_days(ages.utc_now())
    bars = sparkline(per_day((hit.time for hit in hits), first, last))
    return f"quotes a day, last {RECENT_DAYS} days ({day_span(first, last)}): {bars}"


class PersonQuotesScreen(QuoteLookupScreen):
    """Quote lookup held to one person: every quote credited to any form of their one name."""

    PLACEHOLDER = "Words of their quotes (typos are fine)…  ctrl+s exports"
    LIMIT = 500

    def __init__(self, store: Store, index: QuoteIndex | None, name: str) -> None:
        super().__init__(store, index)
        self.person = name
        aliases = store.aliases_of(name)
        # the other forms articles write for them, where the title has room for a few
        self.TITLE_TEXT = f"Quotes by {name}" + (f" (also {', '.join(aliases[:3])})" if aliases else "")

    def lookup(self, query: str) -> list[QuoteHit]:
        match = None
        if query.strip():
            self.index.load()
            match = self.index.match_query(query)
            if match == "":
                return []
        return self.store.quote_hits(match, [self.person], self.LIMIT)

    def count_label(self, query: str, hits: list[QuoteHit]) -> str:
        outlets = len({hit.feed_name for hit in hits})
        order = "best first" if query.strip() else "newest first"
        return f"{counted(len(hits), 'quote')} from {counted(outlets, 'outlet')}, {order} · {activity(hits)}"

    def export_label(self) -> str:
        return f"{self.person} {self.query_text}".strip()
