"""The main screen's status line: a refresh's progress while it runs, then its outcome, then
what is current (unread, last and next refresh), and how many articles mutes hide."""

from __future__ import annotations

from collections.abc import Callable

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.timer import Timer
from textual.widgets import ProgressBar, Static

from tui.core.models import Progress
from tui.screens import refresh_status
from tui.screens.refresh_status import RefreshClock

PHASE_NAMES = {"feeds": "feeds", "pages": "article pages", "analysis": "quotes in articles",
               "stories": "stories", "sync": "from the sync server"}


class StatusLine(Horizontal):
    """One line under the panes; `unread` counts the unread articles for the current line."""

    def __init__(self, clock: RefreshClock, unread: Callable[[], int], *,
                 id: str | None = None) -> None:  # noqa: A002  # Textual's own name
        super().__init__(id=id)
        self.clock = clock
        self.unread = unread
        self.progress_shown = False
        self._text = ""
        self._timer: Timer | None = None

    def compose(self) -> ComposeResult:
        yield Static(Text(""), id="status")
        yield Static(Text(""), id="mute-status")
        yield ProgressBar(id="refresh-progress", show_eta=False)

    def on_mount(self) -> None:
        self.query_one("#refresh-progress", ProgressBar).display = False

    def start_clock(self, last: float | None) -> None:
        """The last refresh the cache remembers (every feed checked since), the next one due
        a period after start-up (the app's timer), and the line drawn again each minute."""
        clock = self.clock
        clock.last = last
        clock.next_at = refresh_status.now() + clock.period if clock.period else None
        self._timer = self.set_interval(refresh_status.TICK_SECONDS, self.show_current,
                                        name="status-clock")
        self.show_current()

    def show_progress(self, progress: Progress) -> None:
        bar = self.query_one("#refresh-progress", ProgressBar)
        bar.display = True
        self.progress_shown = True
        bar.update(total=max(progress.total, 1), progress=progress.done)
        if progress.phase == "sync":
            self.set_status(f"Syncing with the server: {progress.label or 'starting'}")
            return
        self.set_status(f"Refreshing {PHASE_NAMES.get(progress.phase, progress.phase)}: "
                        f"{progress.done}/{progress.total}  (c cancels)")

    def hide_progress(self) -> None:
        self.query_one("#refresh-progress", ProgressBar).display = False
        self.progress_shown = False

    def refreshed(self, outcome: str, note: str = "", *, succeeded: bool = True) -> None:
        """A refresh ended: its outcome (also said in a toast) shows until the next tick, then
        what is current; `note`: what is still wrong, kept on the line."""
        self.clock.refreshed(refresh_status.now(), note, succeeded=succeeded)
        self.set_status(outcome)
        if self._timer is not None:
            self._timer.reset()  # a whole minute to read it

    def show_current(self) -> None:
        """Unread, last and next refresh, unless a refresh shows progress."""
        if self.progress_shown:
            return
        self.set_status(self.clock.line(self.unread(), refresh_status.now()))

    def set_status(self, message: str) -> None:
        # The status fills the line's free width at a fixed height: a new message (several a
        # second during a refresh) repaints it and lays nothing out.
        if message != self._text:  # a minute's tick that changes nothing draws nothing
            self._text = message
            self.query_one("#status", Static).update(Text(message), layout=False)

    def show_muted(self, hidden: int, showing: bool) -> None:
        """How many articles mutes hide, and how to see them (nothing when none is)."""
        status = self.query_one("#mute-status", Static)
        status.display = bool(hidden)
        if showing:
            status.update(Text(f"showing {hidden} muted (M hides)", style="italic"))
        else:
            status.update(Text(f"{hidden} muted hidden (M shows)", style="italic"))
