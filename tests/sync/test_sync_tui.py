"""`r` in the TUI syncs first, against the real Miniflux through both APIs: the server's feed
appears in the feed pane marked as synced, its items in the list, the sync on the status line;
`m` reaches the server at the next `r`."""

from __future__ import annotations

from feedserver import rss
from textual.widgets import Static

from sync.test_sync_cli import write_config
from sync.test_sync_miniflux import items
from tui.app import make_app
from tui.config import load_config
from tui.core.store import Store
from tui.widgets.article_list import ArticleList
from tui.widgets.feed_list import FeedList


async def refreshed(app, pilot) -> None:
    await pilot.press("r")
    for _ in range(400):
        await pilot.pause(0.05)
        if not app.refreshing:
            break
    await app.workers.wait_for_complete()
    await pilot.pause()


async def test_r_syncs_first(miniflux, server, account, tmp_path) -> None:
    miniflux.add_feed(server.add("/world.xml", body=rss("World", items(3))), category="News")
    path = write_config(tmp_path, account).read_text().replace(
        "[settings]\n", "[settings]\nrefresh_minutes = 0\nfulltext = false\n")
    (tmp_path / "feeds.toml").write_text(path)
    config = load_config(tmp_path / "feeds.toml")
    store = Store(config.db_path)
    app = make_app(config, store)
    async with app.run_test(size=(140, 30)) as pilot:
        await refreshed(app, pilot)
        status = str(app.screen.query_one("#status", Static).render())
        assert status.startswith("Sync: 3 new · 0 new articles"), status
        pane = app.screen.query_one(FeedList)
        synced = [e for e in pane.entries if e.feed is not None]
        assert [(e.title, e.feed.origin) for e in synced] == [("World", account.service)]
        articles = app.screen.query_one(ArticleList)
        assert articles.count == 3
        articles.focus()
        url = store.article(articles.current.id).url
        await pilot.press("m")
        await refreshed(app, pilot)
        status = str(app.screen.query_one("#status", Static).render())
        assert status.startswith("Sync: 0 new, 1 sent"), status
    store.close()
    assert {e["url"]: e["status"] for e in miniflux.entries()}[url] == "read"
