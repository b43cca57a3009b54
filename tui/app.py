"""BylineApp: stylesheet, global bindings, the command palette and the refresh worker, whose
news it hands to ReadingState for every screen to hear."""

from __future__ import annotations

import asyncio
import gc
import threading
import time
from collections.abc import Sequence

from textual import events, on, work
from textual.app import App
from textual.theme import Theme
from textual.timer import Timer
from textual.worker import Worker, WorkerState

from tui import bindings
from tui.config import Config
from tui.core.feeds.subscriptions import Subscription
from tui.core.models import Progress
from tui.core.store import Store
from tui.messages import (
    AnalysesStored,
    ArticlesStored,
    NewsArrived,
    RefreshFinished,
    RefreshProgress,
)
from tui.palette import FeedCommands
from tui.screens.help import HelpScreen
from tui.screens.main import MainScreen
from tui.state import ReadingState

# A refresh's progress is passed to the screens a few times a second: each one drawn costs a
# layout on the UI thread.
PROGRESS_INTERVAL = 0.15


def settle_memory() -> None:
    """Move what start-up and a refresh built into the permanent generation: the collector then
    stops re-scanning hundreds of thousands of long-lived objects, whose full collections paused
    keystrokes for 100-240 ms (bench/results/scale.md)."""
    gc.collect()
    gc.freeze()
    gc.set_threshold(10_000, 20, 20)


class BylineApp(App[None]):
    """The Byline reader. It starts the refresh (and sync) worker and owns no screen's logic:
    what the worker reports goes through ReadingState to every screen."""

    CSS_PATH = "app.tcss"
    TITLE = "Byline"
    COMMANDS = App.COMMANDS | {FeedCommands}
    BINDINGS = bindings.GLOBAL

    def __init__(self, config: Config, store: Store, startup_message: str | None = None) -> None:
        super().__init__()
        self.store = store
        self.state = ReadingState(self, store, config, self.refresh_feeds, self.sync_now)
        self.startup_message = startup_message
        self._cancel_refresh = threading.Event()
        self._last_progress = 0.0
        self._phase_progress: dict[str, Progress] = {}
        self._queued: list[str] = []  # feed URLs to fetch once the running refresh ends
        self._auto_refresh_timer: Timer | None = None
        self._sync_queued = False  # sync once the running refresh ends
        self.refreshing = False
        self._last_input = 0.0

    @property
    def config(self) -> Config:
        return self.state.config

    def on_mount(self) -> None:
        if self.config.keymap:
            self.set_keymap(self.config.keymap)
        if self.config.feeds:  # the feed pane lists every subscription, fetched or not
            self.store.sync_feeds((f.url, f.name, f.tags) for f in self.config.feeds)
        saved_theme = self.store.get_state("theme")
        if saved_theme in self.available_themes:
            self.theme = saved_theme
        self.theme_changed_signal.subscribe(self, self._remember_theme)
        self.push_screen(MainScreen(self.state, self.idle_seconds))
        if self.startup_message:
            self.notify(self.startup_message, severity="warning", markup=False, timeout=10)
        if not self.config.feeds:
            self.notify("No feeds configured: add [[feeds]] to feeds.toml or use --config.",
                        severity="warning", timeout=10)
        minutes = self.config.settings.refresh_minutes
        if minutes > 0:
            self._auto_refresh_timer = self.set_interval(minutes * 60, self.action_refresh,
                                                   name="auto-refresh")
        if self._refresh_due(minutes):
            self.call_after_refresh(self.action_refresh)
        self.set_timer(1.5, settle_memory)

    async def on_event(self, event: events.Event) -> None:
        if isinstance(event, events.InputEvent):
            self._last_input = time.monotonic()
        await super().on_event(event)

    def idle_seconds(self) -> float:
        """How long since the last key or click."""
        return time.monotonic() - self._last_input

    def _refresh_due(self, minutes: int) -> bool:
        """Refresh at start when a feed was never fetched, the last refresh is overdue, or the
        last sync (with a [sync] server) is."""
        if self.config.sync is not None and minutes > 0:
            last = self.store.sync_value("last_success")
            if last is None or time.time() - float(last) > minutes * 60:
                return True
        if not self.config.feeds:
            return False
        never, oldest = self.store.fetch_ages()
        if never:
            return True
        if minutes <= 0 or oldest is None:
            return False
        from datetime import UTC, datetime, timedelta

        return datetime.now(UTC) - oldest > timedelta(minutes=minutes)

    # -- refresh -------------------------------------------------------------------------
    def action_refresh(self) -> None:
        if self.refreshing:
            self.notify("A refresh is already running.", timeout=2)
            return
        if not self.config.feeds and self.config.sync is None:
            self.notify("No feeds to refresh.", severity="warning")
            return
        self._start_refresh(self.config.feeds, sync=self.config.sync is not None)

    def refresh_feeds(self, urls: Sequence[str]) -> None:
        """Fetch these feeds now (a feed just added), or as soon as the running refresh ends."""
        if self.refreshing:
            self._queued.extend(urls)
            return
        feeds = tuple(f for f in self.config.feeds if f.url in set(urls))
        if feeds:
            self._start_refresh(feeds)

    def sync_now(self) -> None:
        """Sync alone, now or as soon as the running refresh ends (a feed just subscribed on
        the server brings its items)."""
        if self.config.sync is None:
            return
        if self.refreshing:
            self._sync_queued = True
            return
        self._start_refresh((), sync=True)

    def _start_refresh(self, feeds: Sequence[Subscription], sync: bool = False) -> None:
        self.refreshing = True
        self._cancel_refresh.clear()
        self.state.refresh_progress(Progress("sync" if sync else "feeds", 0, len(feeds)))
        self.run_refresh(tuple(feeds), sync)

    def action_cancel_refresh(self) -> None:
        if not self.refreshing:
            self.notify("No refresh running.", timeout=2)
            return
        self._cancel_refresh.set()
        self.state.refresh_cancelling()

    @work(thread=True, exclusive=True, exit_on_error=False, group="refresh")
    def run_refresh(self, feeds: tuple[Subscription, ...], sync: bool = False) -> None:
        """Sync with the [sync] server first (a whole refresh, `r`), then fetch the feeds."""
        from tui.core.news import collect_news, mark_news
        from tui.core.refresh import RefreshSummary, refresh
        from tui.core.sync.engine import sync as sync_with_server

        mark = mark_news(self.store)

        def report(progress: Progress) -> None:
            self.post_message(RefreshProgress(progress))
            if progress.result is not None and progress.result.new_articles:
                self.post_message(ArticlesStored())
            if progress.articles:
                self.post_message(AnalysesStored(frozenset(progress.articles)))

        synced = None
        account = self.config.sync
        if sync and account is not None:
            synced = asyncio.run(sync_with_server(
                self.store, account, self.config.settings, progress=report,
                keep_urls=[f.url for f in self.config.feeds], cancel=self._cancel_refresh))
            if synced.new:
                self.post_message(ArticlesStored())
            if synced.cancelled:  # `c`: the feeds are not fetched either
                self.post_message(RefreshFinished(RefreshSummary(cancelled=True), sync=synced))
                return
        summary = asyncio.run(refresh(self.store, feeds, self.config.settings,
                                      progress=report, cancel=self._cancel_refresh,
                                      synced=self.store.synced_feed_ids() if sync else ()))
        self.post_message(RefreshFinished(summary, sync=synced))
        news = collect_news(self.store, mark, self.config.watches)
        if news:
            self.post_message(NewsArrived(news))

    # The worker's news, handed on to every screen (the worker posts to the app: a message
    # crosses from its thread safely, and a flood of progress coalesces here first).
    @on(RefreshProgress)
    def _on_progress(self, message: RefreshProgress) -> None:
        progress = message.progress
        self._phase_progress[progress.phase] = progress
        now = time.monotonic()
        if now - self._last_progress < PROGRESS_INTERVAL and progress.done < progress.total:
            return
        self._last_progress = now
        self.state.refresh_progress(self._shown_progress())
        if progress.phase == "pages":
            self.state.pages_stored()

    def _shown_progress(self) -> Progress:
        """Feeds until they are all in; then pages, analysis and stories, whichever is on."""
        phases = self._phase_progress
        for phase in ("sync", "feeds", "pages", "analysis"):
            step = phases.get(phase)
            if step is not None and step.done < step.total:
                return step
        return phases.get("stories") or next(reversed(phases.values()))

    @on(ArticlesStored)
    def _on_articles_stored(self) -> None:
        self.state.articles_stored()

    @on(AnalysesStored)
    def _on_analyses_stored(self, message: AnalysesStored) -> None:
        self.state.analyses_stored(message.article_ids)

    @on(RefreshFinished)
    def _on_refresh_finished(self, message: RefreshFinished) -> None:
        self.refreshing = False
        self._phase_progress.clear()
        if not self.is_running:  # a refresh ending as the app closes: nobody to tell
            return
        if self._auto_refresh_timer is not None:
            self._auto_refresh_timer.reset()  # the next one a whole period after this one
        self.state.refresh_finished(message.summary, message.error, message.sync)
        settle_memory()
        if self._queued:
            queued, self._queued = self._queued, []
            self.call_later(self.refresh_feeds, queued)
        elif self._sync_queued:
            self._sync_queued = False
            self.call_later(self.sync_now)

    @on(NewsArrived)
    def _on_news(self, message: NewsArrived) -> None:
        """What a refresh brought to followed stories, people and watchlists, as a toast."""
        from tui.core.news import describe_item

        self.notify("\n".join(describe_item(item) for item in message.items), title="News",
                    markup=False, timeout=12)

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        if event.worker.group == "refresh" and event.state is WorkerState.ERROR:
            error = event.worker.error
            self.post_message(RefreshFinished(None, f"{type(error).__name__}: {error}"))

    def _remember_theme(self, theme: Theme) -> None:
        self.store.set_state("theme", theme.name)

    # -- other ---------------------------------------------------------------------------
    def deliver_screenshot(self, filename: str | None = None, path: str | None = None,
                           time_format: str | None = None) -> str | None:
        """The palette's Screenshot, saved in the pictures folder (made when missing) rather than
        Textual's ~/Downloads, which a fresh account may not have; the notice says where."""
        from tui.core.share.screenshots import screenshot_dir

        return super().deliver_screenshot(filename, path or str(screenshot_dir()), time_format)

    def action_help(self) -> None:
        self.push_screen(HelpScreen(self.keymap_overrides()))

    def keymap_overrides(self) -> dict[str, str]:
        return dict(self.config.keymap)


def make_app(config: Config, store: Store, startup_message: str | None = None) -> BylineApp:
    """Build the app the way the CLI does; tests use this too."""
    return BylineApp(config, store, startup_message)
