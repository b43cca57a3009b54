"""The feed pane: All, Stories, Starred, tags and feeds, each with its unread count on its line,
and a mark on feeds whose last refresh went wrong."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace

from rich.cells import cell_len
from rich.segment import Segment

from tui.core.models import FeedInfo
from tui.core.store import ArticleFilter
from tui.widgets.virtual_list import VirtualList, fit


@dataclass(frozen=True)
class FeedChoice:
    """One line of the feed pane and what selecting it shows. A heading (`filter` None) only
    labels the lines under it."""

    key: str
    title: str
    filter: ArticleFilter | None
    count: int = 0
    feed: FeedInfo | None = None
    label: str = ""  # what the pane shows, when it differs from the title

    @property
    def is_heading(self) -> bool:
        return self.filter is None


def feed_mark(feed: FeedInfo) -> str:
    """"!" for a feed whose last refresh failed, "?" for a warning or an empty feed."""
    if feed.last_error:
        return "!"
    if feed.last_warning:
        return "?"
    return " "


class FeedList(VirtualList):
    """Feeds grouped by tag under All, Stories and Starred; counts never wrap."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(item_height=1, id=id)
        self.entries: list[FeedChoice] = []
        self.feeds: list[FeedInfo] = []
        self.starred = 0
        self.total_unread = 0

    @property
    def choices(self) -> dict[str, FeedChoice]:
        return {entry.key: entry for entry in self.entries}

    def set_feeds(self, feeds: list[FeedInfo], total_unread: int, starred: int) -> None:
        """Rebuild the entries, keeping the cursor on the same key."""
        keep = self.highlighted_choice.key if self.highlighted_choice else "all"
        self.feeds = feeds
        self.starred = starred
        self.total_unread = total_unread
        entries = [
            FeedChoice("all", "All articles", ArticleFilter(), total_unread),
            FeedChoice("stories", "Stories", ArticleFilter(), label="◆ Stories (S)"),
            FeedChoice("starred", "Starred", ArticleFilter(starred_only=True), starred,
                       label="★ Starred"),
        ]
        tags = sorted({t for f in feeds for t in f.tags}, key=str.casefold)
        for tag in tags:
            unread = sum(f.unread_count for f in feeds if tag in f.tags)
            entries.append(FeedChoice(f"tag:{tag}", f"#{tag}", ArticleFilter(tag=tag), unread))
        for feed in sorted(feeds, key=lambda f: f.name.casefold()):
            entries.append(FeedChoice(f"feed:{feed.id}", feed.name, ArticleFilter(feed_id=feed.id),
                                      feed.unread_count, feed, label=feed.name))
        self.entries = entries
        index = next((i for i, e in enumerate(entries) if e.key == keep), 0)
        with self.prevent(VirtualList.Highlighted):
            self.set_count(len(entries), cursor=index)

    def apply_unread_deltas(self, deltas: Mapping[int, int], starred_delta: int = 0) -> None:
        """Read-state changes: adjust the counts without asking the cache."""
        feeds = [replace(f, unread_count=max(f.unread_count + deltas.get(f.id, 0), 0))
                 for f in self.feeds]
        self.set_feeds(feeds, max(self.total_unread + sum(deltas.values()), 0),
                       self.starred + starred_delta)

    @property
    def highlighted_choice(self) -> FeedChoice | None:
        if 0 <= self.cursor < len(self.entries):
            return self.entries[self.cursor]
        return None

    def select_key(self, key: str) -> None:
        for index, entry in enumerate(self.entries):
            if entry.key == key:
                self.cursor = index
                return

    # -- drawing -------------------------------------------------------------------------
    def render_item_line(self, index: int, line: int, width: int) -> list[Segment]:
        entry = self.entries[index]
        count = str(entry.count) if entry.count else ""
        if entry.is_heading:
            return [Segment(fit(entry.title, width), self.style_of("dim"))]
        lead = ""
        lead_style = None
        if entry.feed is not None:
            lead = f"{feed_mark(entry.feed)} "
            lead_style = self.style_of("error" if entry.feed.last_error else "warning")
        label = entry.label or entry.title
        name_width = max(width - cell_len(lead) - cell_len(count) - 2, 1)
        name_style = self.style_of("error") if entry.feed and entry.feed.last_error else None
        return [Segment(lead, lead_style), Segment(fit(label, name_width) + " ", name_style),
                Segment(count + " ", self.style_of("strong"))]

    # -- cursor ------------------------------------------------------------------------------
    def action_cursor_down(self) -> None:
        self._move(1)

    def action_cursor_up(self) -> None:
        self._move(-1)

    def _move(self, step: int) -> None:
        index = self.cursor + step
        while 0 <= index < len(self.entries) and self.entries[index].is_heading:
            index += step
        if 0 <= index < len(self.entries):
            self.cursor = index
