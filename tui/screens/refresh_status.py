"""The status line between refreshes: what is current (unread articles, how long ago the last
refresh was, when the next one comes), not what the last refresh brought (a toast says that once)."""

from __future__ import annotations

import math
import time
from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

from tui.core.text import counted

if TYPE_CHECKING:
    from tui.core.refresh import RefreshSummary
    from tui.core.sync.model import SyncSummary

TICK_SECONDS = 60.0  # the line is drawn again each minute, so "5 min ago" moves on


def now() -> float:
    """The wall clock, in seconds (one place, so a test can move it on)."""
    return time.time()


def ago(seconds: float) -> str:
    """'just now', '5 min ago', '3 h ago', '2 days ago'."""
    minutes = int(max(seconds, 0) // 60)
    if minutes < 1:
        return "just now"
    if minutes < 60:
        return f"{minutes} min ago"
    hours = minutes // 60
    if hours < 48:
        return f"{hours} h ago"
    return f"{hours // 24} days ago"


def within(seconds: float) -> str:
    """'in 25 min', 'in 2 h' (rounded up: 'in 1 min' until it starts)."""
    minutes = max(math.ceil(seconds / 60), 1)
    if minutes < 120:
        return f"in {minutes} min"
    return f"in {minutes // 60} h"


@dataclass
class RefreshClock:
    """When the last refresh ended and the next one is due (seconds since the epoch), and what
    is still wrong since (failed feeds, a failed sync), if anything."""

    period: float  # seconds between automatic refreshes; 0: none
    last: float | None = None
    next_at: float | None = None
    note: str = ""

    def refreshed(self, at: float, note: str = "", *, succeeded: bool = True) -> None:
        if succeeded:
            self.last = at
        self.note = note
        self.next_at = at + self.period if self.period else None

    def line(self, unread: int, at: float) -> str:
        """'24 unread · refreshed 5 min ago · next in 25 min', and the note."""
        parts = [f"{unread} unread"]
        if self.last is not None:
            parts.append(f"refreshed {ago(at - self.last)}")
        if self.next_at is not None:
            parts.append(f"next {within(self.next_at - at)}")
        if self.note:
            parts.append(self.note)
        return " · ".join(parts)


@dataclass(frozen=True)
class RefreshOutcome:
    """What a refresh that ended says: on the status line and in a toast (`text`), what stays
    on the line as still wrong (`note`), and how loud the toast is."""

    text: str
    note: str
    succeeded: bool
    severity: Literal["information", "warning", "error"]


def refresh_outcome(summary: RefreshSummary | None, error: str | None,
                    synced: SyncSummary | None) -> RefreshOutcome:
    """'3 new articles', 'Sync: … · 2 new articles, 1 feed failed (…)', 'Refresh failed: …'."""
    if summary is None:
        text = f"Refresh failed: {error}"
        return RefreshOutcome(text, "last refresh failed", False, "error")
    failed = len(summary.failed)
    text = counted(summary.new_articles, "new article")
    if failed:
        text += f", {counted(failed, 'feed')} failed (marked ! in the feed list)"
    if summary.cancelled:
        text = "Refresh cancelled: " + text
    if synced is not None and synced.cancelled:
        text = f"Sync cancelled: {synced.line()}"
    elif synced is not None:
        text = (f"Sync failed: {synced.error.removeprefix('sync: ')} · " if synced.error
                else f"Sync: {synced.line()} · ") + text
    # Then the status line shows what is current, and what is still wrong.
    went_wrong = failed or summary.cancelled or (synced is not None and (
        synced.error or synced.cancelled))
    severity: Literal["information", "warning", "error"] = (
        "error" if synced is not None and synced.error else
        "warning" if failed else "information")
    return RefreshOutcome(text, text if went_wrong else "", True, severity)
