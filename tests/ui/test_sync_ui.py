"""Sync in the TUI: synced feeds marked in the feed pane, a sync error on the status line (both
as snapshots), and `m`/`s` on a synced article queued for the server through ReadingState."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from conftest import demo_copy
from test_feed_pane_snapshots import FEEDS, FeedPaneApp
from textual.app import App, ComposeResult
from textual.pilot import Pilot

from tui.app import make_app
from tui.core.models import RemoteFeed, RemoteItem
from tui.core.refresh import RefreshSummary
from tui.core.store import Store
from tui.core.sync.model import SyncSummary
from tui.messages import RefreshFinished
from tui.widgets.article_list import ArticleList
from tui.widgets.feed_list import FeedList, feed_mark

SYNCED = [replace(FEEDS[0], origin="miniflux"), FEEDS[1],
          replace(FEEDS[2], origin="miniflux"), FEEDS[3]]


class SyncedPaneApp(App[None]):
    """The feed pane alone, styled as in the app, with two feeds from the sync server."""

    CSS_PATH = FeedPaneApp.CSS_PATH

    def compose(self) -> ComposeResult:
        yield FeedList(id="feeds")

    def on_mount(self) -> None:
        pane = self.query_one(FeedList)
        pane.border_title = "Feeds"
        pane.styles.width = 34
        pane.set_feeds(SYNCED, 19, 1)
        pane.focus()


def test_synced_feeds_are_marked() -> None:
    assert [feed_mark(f) for f in SYNCED] == ["⇅", " ", "⇅", "!"]


def test_feed_pane_with_synced_feeds(snap_compare) -> None:  # type: ignore[no-untyped-def]
    assert snap_compare(SyncedPaneApp(), terminal_size=(40, 20))


def test_a_sync_error_on_the_status_line(snap_compare, fetched_demo, tmp_path: Path,  # type: ignore[no-untyped-def]
                                         monkeypatch) -> None:
    from test_snapshots import FROZEN_NOW

    monkeypatch.setattr("tui.widgets.ages.utc_now", lambda: FROZEN_NOW)
    config = demo_copy(fetched_demo, tmp_path)
    app = make_app(config, Store(config.db_path))
    error = ("sync: 127.0.0.1:8080 refused the login (HTTP 401): wrong username or password, or "
             "the API is not enabled for this user")

    async def finished(pilot: Pilot) -> None:
        await pilot.app.workers.wait_for_complete()
        pilot.app.post_message(RefreshFinished(RefreshSummary(), sync=SyncSummary(
            queued=2, error=error)))
        await pilot.pause()
        await pilot.pause()

    assert snap_compare(app, terminal_size=(140, 30), run_before=finished)


async def test_m_and_s_on_a_synced_article_are_queued(fetched_demo, tmp_path: Path) -> None:
    config = demo_copy(fetched_demo, tmp_path)
    store = Store(config.db_path)
    app = make_app(config, store)
    async with app.run_test(size=(140, 40)) as pilot:
        await pilot.app.workers.wait_for_complete()
        articles = app.screen.query_one(ArticleList)
        articles.focus()
        current = store.article(articles.current.id)
        feed = next(f for f in store.feeds() if f.id == current.feed_id)
        # The demo's feed is also on the server: a sync matches its article by URL.
        feed_ids = store.apply_remote_feeds("miniflux", [RemoteFeed("7", feed.url, feed.name)],
                                            keep_urls=[feed.url])
        store.store_remote_items([RemoteItem("42", "7", current.url, current.title, None, None,
                                             "", False, False)], feed_ids)
        assert store.queued_count() == 0
        await pilot.press("m")
        await pilot.press("s")
        await pilot.pause()
        assert {(c.field, c.value) for c in store.pending_changes()} == {
            ("read", True), ("starred", True)}
        assert store.article(current.id).read and store.article(current.id).starred
    store.close()
