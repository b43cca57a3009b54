"""The line above the article list: why the selected feed (or any feed) is failing, or a hint
when the list is empty."""

from __future__ import annotations

from collections.abc import Sequence

from rich.text import Text
from textual.widgets import Static

from tui.core.models import FeedInfo
from tui.core.text import counted
from tui.widgets.feed_list import FeedChoice


def feed_problem(choice: FeedChoice | None, feeds: Sequence[FeedInfo]) -> str:
    """One line on what is wrong with the chosen feed, or with any feed when All is chosen."""
    if choice is None:
        return ""
    if choice.feed is not None:
        feed = next((f for f in feeds if f.id == choice.feed.id), choice.feed)
        if feed.last_error:
            return f"! {feed.name}: {_sync_failed(feed.last_error)}"
        return f"? {feed.name}: {feed.last_warning}" if feed.last_warning else ""
    failing = [f for f in feeds if f.failing]
    synced = {f.last_error for f in failing if f.synced}
    if failing and all(f.synced for f in failing) and len(synced) == 1:
        # One failed sync marks every synced feed: say it once.
        return (f"! {counted(len(failing), 'synced feed')} marked: "
                f"{_sync_failed(synced.pop() or '')}")
    if failing:
        names = ", ".join(f.name for f in failing[:3]) + ("…" if len(failing) > 3 else "")
        return f"! {counted(len(failing), 'feed')} failing: {names} (select one to see why)"
    return ""


def _sync_failed(error: str) -> str:
    """"sync: host refused the login" reads "sync failed: host refused the login"."""
    return "sync failed: " + error.removeprefix("sync: ") if error.startswith("sync: ") else error


class ListStatus(Static):
    """Shown only when it has something to say: a problem in bold, a hint in italics."""

    def show(self, choice: FeedChoice | None, feeds: Sequence[FeedInfo], count: int,
             unread_only: bool) -> None:
        message = feed_problem(choice, feeds)
        problem = bool(message)
        if choice is not None and choice.mute is not None:
            message = (f"What the mute {choice.mute.text} hides ({counted(count, 'article')}): E edits "
                       "it, D removes it, M shows muted articles everywhere")
        if not message and count == 0:
            message = ("No articles here yet: press r to refresh." if not unread_only
                       else "No unread articles here (u shows all).")
        self.update(Text(message, style="bold" if problem else "italic"))
        self.set_class(not problem, "-hint")
        self.display = bool(message)
