"""Messages the refresh worker posts to the app; progress coalesces so a flood stays cheap."""

from __future__ import annotations

from dataclasses import dataclass

from textual.message import Message

from tui.core.refresh import Progress, RefreshSummary


@dataclass
class RefreshProgress(Message):
    """A refresh made progress."""

    progress: Progress

    def can_replace(self, message: Message) -> bool:
        return isinstance(message, RefreshProgress)


@dataclass
class FeedsRefreshed(Message):
    """The feed phase finished: lists can show the new articles while pages are fetched."""


@dataclass
class RefreshFinished(Message):
    """A refresh ended (completed, cancelled or failed)."""

    summary: RefreshSummary | None
    error: str | None = None
