"""A sync's error and its totals (the records clients and the store exchange are in
core/models.py: RemoteFeed, RemoteItem, ItemState, LocalChange, SyncMoves)."""

from __future__ import annotations

from dataclasses import dataclass, field

from tui.core.models import SyncMoves


class SyncError(Exception):
    """A sync that could not go on; `str()` is one line for the status line or the terminal.

    `kind` says what went wrong: "auth" (wrong password, API off), "busy" (429 or 5xx: back
    off), "timeout", "network", "protocol" (an answer that is not what the API promises),
    "cache" (the local cache could not be written), "refused" (the server would not make a
    change asked of it, in its own words), "cancelled" (`c` in the reader: no failure)."""

    def __init__(self, kind: str, message: str, retry_after: float | None = None) -> None:
        super().__init__(message)
        self.kind = kind
        self.retry_after = retry_after


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
    cancelled: bool = False  # stopped by `c`: what was stored stays, the queue too
    seconds: float = 0.0
    errors: list[str] = field(default_factory=list)

    def add(self, moves: SyncMoves) -> None:
        """Count what one step of the sync changed in the cache."""
        self.new += moves.new
        self.marked_read += moves.marked_read
        self.marked_unread += moves.marked_unread
        self.starred += moves.starred
        self.unstarred += moves.unstarred

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
