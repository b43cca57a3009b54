"""Command palette providers: jump to a feed or tag."""

from __future__ import annotations

from functools import partial

from rich.text import Text
from textual.command import DiscoveryHit, Hit, Hits, Provider


class FeedCommands(Provider):
    """Jump to any feed or tag of the feed pane."""

    def _entries(self) -> list[tuple[str, str]]:
        from tui.screens.main import MainScreen
        from tui.widgets.feed_list import FeedList

        main = next((s for s in self.app.screen_stack if isinstance(s, MainScreen)), None)
        if main is None:
            return []
        feed_list = main.query_one(FeedList)
        return [(key, choice.title) for key, choice in feed_list.choices.items()]

    def _jump(self, key: str) -> None:
        from tui.screens.main import MainScreen
        from tui.widgets.feed_list import FeedList

        main = next(s for s in self.app.screen_stack if isinstance(s, MainScreen))
        main.query_one(FeedList).select_key(key)

    async def discover(self) -> Hits:
        for key, title in self._entries():
            yield DiscoveryHit(Text(f"Go to {title}"), partial(self._jump, key),
                               help="Show this feed's articles")

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for key, title in self._entries():
            label = f"Go to {title}"
            score = matcher.match(label)
            if score > 0:
                yield Hit(score, matcher.highlight(label), partial(self._jump, key),
                          help="Show this feed's articles")
