"""The feed pane: All, Stories, Starred, watchlists, followed people, mutes, tags and feeds, each
with its unread count (new quotes for a person, articles hidden for a mute) on its line, and a
mark on feeds whose last refresh went wrong."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace

from rich.cells import cell_len
from rich.segment import Segment

from tui.core.models import FeedInfo, PersonInfo
from tui.core.query import Field, SavedQuery
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
    watch: SavedQuery | None = None
    person: PersonInfo | None = None
    mute: SavedQuery | None = None
    mute_index: int = -1  # its place among the [[mute]] tables

    @property
    def is_heading(self) -> bool:
        return self.filter is None


def feed_mark(feed: FeedInfo) -> str:
    """"!" for a feed whose last refresh failed, "?" for a warning or an empty feed, "⇅" for
    one the sync server keeps (its subscriptions sit beside feeds.toml's)."""
    if feed.last_error:
        return "!"
    if feed.last_warning:
        return "?"
    return SYNCED_MARK if feed.synced else " "


SYNCED_MARK = "⇅"


WATCH_MARK = "⌕ "
PERSON_MARK = "@ "
MUTE_MARK = "⊘ "


def watch_key(name: str) -> str:
    return f"watch:{name.casefold()}"


def person_key(name: str) -> str:
    return f"person:{name}"


def mute_key(index: int) -> str:
    return f"mute:{index}"


class FeedList(VirtualList):
    """Feeds grouped by tag under All, Stories, Starred, watchlists, people and mutes; counts
    never wrap."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(item_height=1, id=id)
        self.entries: list[FeedChoice] = []
        self.feeds: list[FeedInfo] = []
        self.starred = 0
        self.total_unread = 0
        self.watches: list[tuple[SavedQuery, int]] = []
        self.people: list[PersonInfo] = []
        self.mutes: list[tuple[SavedQuery, int]] = []

    @property
    def choices(self) -> dict[str, FeedChoice]:
        return {entry.key: entry for entry in self.entries}

    def set_feeds(self, feeds: list[FeedInfo], total_unread: int, starred: int,
                  watches: Sequence[tuple[SavedQuery, int]] | None = None,
                  people: Sequence[PersonInfo] | None = None,
                  mutes: Sequence[tuple[SavedQuery, int]] | None = None) -> None:
        """Rebuild the entries, keeping the cursor on the same key. Watchlists come with their
        unread counts, mutes with how many articles each hides; None keeps those shown."""
        keep = self.highlighted_choice.key if self.highlighted_choice else "all"
        self.feeds = feeds
        self.starred = starred
        self.total_unread = total_unread
        if watches is not None:
            self.watches = list(watches)
        if people is not None:
            self.people = list(people)
        if mutes is not None:
            self.mutes = list(mutes)
        entries = [
            FeedChoice("all", "All articles", ArticleFilter(), total_unread),
            FeedChoice("stories", "Stories", ArticleFilter(), label="◆ Stories (S)"),
            FeedChoice("starred", "Starred", ArticleFilter(starred_only=True), starred,
                       label="★ Starred"),
        ]
        if self.watches:
            entries.append(FeedChoice("heading:watch", "Watchlists", None))
            entries += [FeedChoice(watch_key(w.name), w.name, ArticleFilter(query=w.query), count,
                                   label=WATCH_MARK + w.name, watch=w) for w, count in self.watches]
        if self.people:
            entries.append(FeedChoice("heading:people", "People", None))
            # Highlighted, a person lists the articles that quote them; chosen, their quotes.
            entries += [FeedChoice(person_key(p.name), p.name,
                                   ArticleFilter(query=Field("speaker", p.name)), p.new_quotes,
                                   label=PERSON_MARK + p.name, person=p) for p in self.people]
        if self.mutes:
            entries.append(FeedChoice("heading:mutes", "Mutes", None))
            # Highlighted, a mute lists what it hides (shown whatever M says).
            entries += [FeedChoice(mute_key(i), m.name,
                                   ArticleFilter(query=m.query, include_muted=True), count,
                                   label=MUTE_MARK + m.name, mute=m, mute_index=i)
                        for i, (m, count) in enumerate(self.mutes)]
        if self.watches or self.people or self.mutes:
            entries.append(FeedChoice("heading:feeds", "Feeds", None))
        tags = sorted({t for f in feeds for t in f.tags}, key=str.casefold)
        for tag in tags:
            unread = sum(f.unread_count for f in feeds if tag in f.tags)
            entries.append(FeedChoice(f"tag:{tag}", f"#{tag}", ArticleFilter(tag=tag), unread))
        for feed in sorted(feeds, key=lambda f: f.name.casefold()):
            entries.append(FeedChoice(f"feed:{feed.id}", feed.name, ArticleFilter(feed_id=feed.id),
                                      feed.unread_count, feed, label=feed.name))
        self.entries = entries
        index = next((i for i, e in enumerate(entries) if e.key == keep), 0)
        if entries[index].is_heading:  # the entry it was on went: the line below it
            index = min(index + 1, len(entries) - 1)
        with self.prevent(VirtualList.Highlighted):
            self.set_count(len(entries), cursor=index)

    def apply_unread_deltas(self, deltas: Mapping[int, int], starred_delta: int = 0,
                            watch_counts: Mapping[str, int] | None = None) -> None:
        """Read-state changes: adjust the counts in place, without asking the cache or
        rebuilding the pane (hundreds of feeds). Watchlists come with their new counts, by
        name (the screen works them out)."""
        self.total_unread = max(self.total_unread + sum(deltas.values()), 0)
        self.starred += starred_delta
        changed = {f.id for f in self.feeds if deltas.get(f.id)}
        self.feeds = [replace(f, unread_count=max(f.unread_count + deltas[f.id], 0))
                      if f.id in changed else f for f in self.feeds]
        by_id = {f.id: f for f in self.feeds if f.id in changed}
        tags = {t for f in by_id.values() for t in f.tags}
        counts = watch_counts or {}
        self.watches = [(w, max(counts.get(w.name, n), 0)) for w, n in self.watches]
        for index, entry in enumerate(self.entries):
            if entry.key == "all":
                self.entries[index] = replace(entry, count=self.total_unread)
            elif entry.key == "starred":
                self.entries[index] = replace(entry, count=self.starred)
            elif entry.feed is not None and entry.feed.id in by_id:
                feed = by_id[entry.feed.id]
                self.entries[index] = replace(entry, count=feed.unread_count, feed=feed)
            elif entry.key.startswith("tag:") and entry.key[4:] in tags:
                tag = entry.key[4:]
                count = sum(f.unread_count for f in self.feeds if tag in f.tags)
                self.entries[index] = replace(entry, count=count)
            elif entry.watch is not None and entry.watch.name in counts:
                self.entries[index] = replace(entry, count=max(counts[entry.watch.name], 0))
        self.invalidate()

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
        if entry.is_heading:  # a section title on a rule: "Watchlists ────"
            title = f"{entry.title} "
            return [Segment(fit(title + "─" * max(width - cell_len(title), 0), width),
                            self.style_of("dim"))]
        lead = ""
        lead_style = None
        if entry.feed is not None:
            lead = f"{feed_mark(entry.feed)} "
            lead_style = self.style_of("error" if entry.feed.last_error else
                                       "dim" if lead == f"{SYNCED_MARK} " else "warning")
        label = entry.label or entry.title
        name_width = max(width - cell_len(lead) - cell_len(count) - 2, 1)
        name_style = self.style_of("error") if entry.feed and entry.feed.last_error else None
        # A mute's count is of hidden articles, not unread ones: it stays quiet.
        count_style = self.style_of("dim" if entry.mute is not None else "strong")
        return [Segment(lead, lead_style), Segment(fit(label, name_width) + " ", name_style),
                Segment(count + " ", count_style)]

    def selectable(self, index: int) -> bool:
        return not self.entries[index].is_heading
