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
    """A refresh ended (completed, cancelled or failed)."""

    summary: RefreshSummary | None
    error: str | None = None
