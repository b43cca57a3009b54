"""Messages the refresh worker posts to the app; progress coalesces so a flood stays cheap."""

from __future__ import annotations

from dataclasses import dataclass, field

from textual.message import Message

from tui.core.models import NewsItem, Progress
from tui.core.refresh import RefreshSummary
from tui.core.sync.model import SyncSummary


@dataclass
class RefreshProgress(Message):
    """A refresh made progress."""

    progress: Progress

    def can_replace(self, message: Message) -> bool:
        return isinstance(message, RefreshProgress)


@dataclass
class ArticlesStored(Message):
    """A feed's new articles are stored: lists can show them while the refresh goes on."""

    def can_replace(self, message: Message) -> bool:
        return isinstance(message, ArticlesStored)


@dataclass
class AnalysesStored(Message):
    """Actors and quotes of these articles were stored: a reader showing one can show them."""

    article_ids: frozenset[int]


@dataclass
class RefreshFinished(Message):
    """A refresh ended (completed, cancelled or failed); `sync`: the sync that ran first."""

    summary: RefreshSummary | None
    error: str | None = None
    sync: SyncSummary | None = None


@dataclass
class ArticlesChanged(Message):
    """Read or starred state changed (anywhere): every view shows it at once."""

    article_ids: frozenset[int]
    read: bool | None = None
    starred: bool | None = None
    unread_deltas: dict[int, int] = field(default_factory=dict)  # feed id -> change in unread
    starred_delta: int = 0


@dataclass
class StoriesChanged(Message):
    """Stories were followed, unfollowed or seen (their new articles looked at): every view
    showing them updates them."""

    story_ids: frozenset[int]
    followed: bool | None = None  # None: only seen


@dataclass
class LibraryChanged(Message):
    """Feeds, articles or stories changed wholesale (a refresh, a subscription edit, "mark all
    read"): views re-read what they show."""


@dataclass
class NewsArrived(Message):
    """A refresh brought articles to followed stories, people or watchlists."""

    items: list[NewsItem]
