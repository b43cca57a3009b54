"""Command palette providers: jump to any entry of the feed pane (a feed, tag, watchlist, ...)."""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING

from rich.text import Text
from textual.command import DiscoveryHit, Hit, Hits, Provider

if TYPE_CHECKING:
    from tui.widgets.feed_list import FeedList

# What each kind of feed-pane entry shows, by the prefix of its key (feed_list.py's keys).
DESCRIPTIONS = {
    "all": "Show every article",
    "stories": "Show the stories: articles grouped by what they report",
    "starred": "Show the articles you starred",
    "watch": "Show the articles this watchlist matches",
    "person": "Show the articles that quote this person",
    "mute": "Show the articles this mute hides",
    "tag": "Show the articles of the feeds with this tag",
    "feed": "Show this feed's articles",
}


def description(key: str) -> str:
    """The palette's line under "Go to …" for the feed-pane entry with this key."""
    return DESCRIPTIONS.get(key.partition(":")[0], "Show its articles")


class FeedCommands(Provider):
    """Jump to any feed or tag of the feed pane."""

    def _feed_list(self) -> FeedList | None:
        """The feed pane, on whichever screen of the stack has one (the main screen)."""
        from tui.widgets.feed_list import FeedList

        for screen in self.app.screen_stack:
            found = screen.query(FeedList)
            if found:
                return found.first()
        return None

    def _entries(self) -> list[tuple[str, str]]:
        feed_list = self._feed_list()
        if feed_list is None:
            return []
        return [(key, choice.title) for key, choice in feed_list.choices.items()
                if not choice.is_heading]  # a section title is not somewhere to go

    def _jump(self, key: str) -> None:
        feed_list = self._feed_list()
        if feed_list is not None:
            feed_list.select_key(key)

    async def discover(self) -> Hits:
        for key, title in self._entries():
            yield DiscoveryHit(Text(f"Go to {title}"), partial(self._jump, key),
                               help=description(key))

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for key, title in self._entries():
            label = f"Go to {title}"
            score = matcher.match(label)
            if score > 0:
                yield Hit(score, matcher.highlight(label), partial(self._jump, key),
                          help=description(key))
