"""Sync in the TUI: synced feeds marked in the feed pane, a sync error on the status line (both
as snapshots), and `m`/`s` on a synced article queued for the server through ReadingState."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from byline_demo import demo_copy
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
    from byline_demo import FROZEN_NOW

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


SYNC_ERROR = ("sync: 127.0.0.1:8080 refused the login (HTTP 401): wrong username or password, "
              "or the API is not enabled for this user")


def failed_sync_store(config) -> tuple[Store, int]:  # type: ignore[no-untyped-def]
    """The demo's cache with two feeds from a server whose last sync failed; returns the store
    and the cache id of the first synced feed."""
    from datetime import UTC, datetime

    store = Store(config.db_path)
    store.begin_account("miniflux http://127.0.0.1:8080 me")
    feed_ids = store.apply_remote_feeds("miniflux", [
        RemoteFeed("1", "http://127.0.0.1:9000/world.xml", "World Desk", ("wire",)),
        RemoteFeed("2", "http://127.0.0.1:9000/science.xml", "Science Daily", ("wire",))])
    store.store_remote_items([
        RemoteItem(str(i), "1" if i < 4 else "2", f"http://127.0.0.1:9000/story/{i}",
                   title, None, datetime(2026, 11, 28, 6 + i, 0, tzinfo=UTC),
                   f"<p>{title}.</p>", i == 1, False)
        for i, title in enumerate(["Harbour strike enters its second week",
                                   "Grain corridor talks resume in Istanbul",
                                   "Flooding closes the river road",
                                   "Ceasefire monitors report calm night",
                                   "Probe finds ice beneath the crater floor"])], feed_ids)
    store.set_sync_values({"last_error": SYNC_ERROR})
    return store, feed_ids["1"]


class FailedSyncApp(App[None]):
    """The feed pane and the line above the article list, styled as in the app, over a real
    cache: the demo's local feeds beside two synced ones whose last sync failed."""

    CSS_PATH = FeedPaneApp.CSS_PATH

    def __init__(self, feeds: list, chosen: int) -> None:  # type: ignore[type-arg]
        super().__init__()
        self.feeds = feeds
        self.chosen = chosen

    def compose(self) -> ComposeResult:
        from textual.containers import Horizontal

        from tui.widgets.list_status import ListStatus

        with Horizontal():
            yield FeedList(id="feeds")
            yield ListStatus(id="list-status")

    def on_mount(self) -> None:
        from tui.widgets.list_status import ListStatus

        pane = self.query_one(FeedList)
        pane.border_title = "Feeds"
        pane.styles.width = 34
        pane.set_feeds(self.feeds, sum(f.unread_count for f in self.feeds), 0)
        pane.focus()
        pane.select_key(f"feed:{self.chosen}")
        status = self.query_one(ListStatus)
        status.styles.width = "1fr"
        status.show(pane.highlighted_choice, self.feeds, 3, False)


def test_a_failed_sync_marks_the_synced_feeds(snap_compare, fetched_demo, tmp_path: Path  # type: ignore[no-untyped-def]
                                              ) -> None:
    """Every synced feed is marked ! while the sync fails; chosen, one says why above its list
    (as a local feed that failed does)."""
    config = demo_copy(fetched_demo, tmp_path)
    store, world = failed_sync_store(config)
    feeds = store.feeds()
    store.close()
    assert [(f.name, feed_mark(f)) for f in feeds if f.synced] == [
        ("World Desk", "!"), ("Science Daily", "!")]
    assert snap_compare(FailedSyncApp(feeds, world), terminal_size=(110, 19))


async def test_all_says_a_failed_sync_once(fetched_demo, tmp_path: Path) -> None:
    from tui.widgets.list_status import ListStatus

    config = demo_copy(fetched_demo, tmp_path)
    store, _ = failed_sync_store(config)
    app = make_app(config, store)
    async with app.run_test(size=(140, 30)) as pilot:
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()
        line = str(app.screen.query_one(ListStatus).render())
        assert line == ("! 2 synced feeds marked: sync failed: 127.0.0.1:8080 refused the login "
                        "(HTTP 401): wrong username or password, or the API is not enabled for "
                        "this user")
        store.set_sync_values({"last_error": None})  # the next sync went through
        app.state.library_changed()
        await pilot.pause()
        assert not app.screen.query_one(ListStatus).display
    store.close()
