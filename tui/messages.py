"""The one channel: what changed, as messages. The refresh worker posts its news to the app;
ReadingState broadcasts every change (a refresh's, a sync's, the user's) to every open screen,
and each screen handles what concerns it with `@on`. None bubbles: a screen's copy must not
reach the app, which would hand it on again. Progress coalesces so a flood stays cheap."""

from __future__ import annotations

from dataclasses import dataclass, field

from textual.message import Message

from tui.core.models import NewsItem, Progress
from tui.core.refresh import RefreshSummary
from tui.core.sync.model import SyncSummary


@dataclass
class RefreshProgress(Message, bubble=False):
    """A refresh (or the sync it starts with) made progress: to the app, each step; to the
    screens, the step worth showing (feeds until they are all in, then pages, analysis, ...)."""

    progress: Progress

    def can_replace(self, message: Message) -> bool:
        return isinstance(message, RefreshProgress)


@dataclass
class RefreshCancelling(Message, bubble=False):
    """The user asked the running refresh to stop (`c`); it stops between requests."""


@dataclass
class ArticlesStored(Message, bubble=False):
    """A feed's new articles are stored: lists can show them while the refresh goes on."""

    def can_replace(self, message: Message) -> bool:
        return isinstance(message, ArticlesStored)


@dataclass
class PagesStored(Message, bubble=False):
    """Full texts of articles were stored: a reader showing one still pending can swap it in."""

    def can_replace(self, message: Message) -> bool:
        return isinstance(message, PagesStored)


@dataclass
class AnalysesStored(Message, bubble=False):
    """Actors and quotes of these articles were stored (by a refresh, or a page fetched again):
    a reader showing one can show them."""

    article_ids: frozenset[int]


@dataclass
class RefreshFinished(Message, bubble=False):
    """A refresh ended (completed, cancelled or failed); `sync`: the sync that ran first."""

    summary: RefreshSummary | None
    error: str | None = None
    sync: SyncSummary | None = None


@dataclass
class ArticlesChanged(Message, bubble=False):
    """Read or starred state changed (anywhere): every view shows it at once."""

    article_ids: frozenset[int]
    read: bool | None = None
    starred: bool | None = None
    unread_deltas: dict[int, int] = field(default_factory=dict)  # feed id -> change in unread
    starred_delta: int = 0


@dataclass
class StoriesChanged(Message, bubble=False):
    """Stories were followed, unfollowed or seen (their new articles looked at): every view
    showing them updates them."""

    story_ids: frozenset[int]
    followed: bool | None = None  # None: only seen


@dataclass
class LibraryChanged(Message, bubble=False):
    """Feeds, articles or stories changed wholesale (a refresh, a sync, a subscription edit,
    "mark all read"): views re-read what they show."""


@dataclass
class NewsArrived(Message, bubble=False):
    """A refresh brought articles to followed stories, people or watchlists."""

    items: list[NewsItem]
