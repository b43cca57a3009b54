"""What sync clients and the sync engine exchange: feeds, items, item states, errors, totals."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime


class SyncError(Exception):
    """A sync that could not go on; `str()` is one line for the status line or the terminal.

    `kind` says what went wrong: "auth" (wrong password, API off), "busy" (429 or 5xx: back
    off), "timeout", "network", "protocol" (an answer that is not what the API promises),
    "cache" (the local cache could not be written)."""

    def __init__(self, kind: str, message: str, retry_after: float | None = None) -> None:
        super().__init__(message)
        self.kind = kind
        self.retry_after = retry_after


@dataclass(frozen=True)
class RemoteFeed:
    """A subscription on the server; its folders or labels become tags."""

    server_id: str
    url: str
    title: str
    tags: tuple[str, ...] = ()


@dataclass(frozen=True)
class RemoteItem:
    """An item (an entry) on the server, with its read and starred state."""

    server_id: str
    feed_server_id: str
    url: str | None
    title: str
    author: str | None
    published: datetime | None
    content: str
    read: bool
    starred: bool
    changed: float | None = None  # the server's time of its last change (seconds), if it says


@dataclass(frozen=True)
class ItemState:
    """Read and starred state of one item on the server, and when it last changed there."""

    read: bool
    starred: bool
    changed: float | None = None


@dataclass(frozen=True)
class LocalChange:
    """A change made in Byline and not yet sent: `field` is "read" or "starred"."""

    article_id: int
    server_id: str
    field: str
    value: bool
    at: float  # when it was made (seconds since the epoch)


@dataclass
class SyncSummary:
    """What a sync moved, for `byline sync` and the status line."""

    feeds: int = 0
    new: int = 0
    marked_read: int = 0
    marked_unread: int = 0
    starred: int = 0
    unstarred: int = 0
    sent: int = 0
    queued: int = 0  # local changes still waiting (the server did not take them yet)
    error: str | None = None
    seconds: float = 0.0
    errors: list[str] = field(default_factory=list)

    def line(self) -> str:
        """"12 new, 30 marked read, 2 starred; 1 change queued"."""
        moved = [f"{self.new} new"]
        for count, words in ((self.marked_read, "marked read"), (self.marked_unread, "marked unread"),
                             (self.starred, "starred"), (self.unstarred, "unstarred"),
                             (self.sent, "sent")):
            if count:
                moved.append(f"{count} {words}")
        text = ", ".join(moved)
        if self.queued:
            text += f"; {self.queued} change{'s' if self.queued != 1 else ''} queued"
        return text
