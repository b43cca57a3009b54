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


async def until(pilot, check, seconds: float = 30.0) -> None:
    for _ in range(int(seconds / 0.05)):
        if check():
            return
        await pilot.pause(0.05)
    raise AssertionError("timed out waiting")


def tui_config(tmp_path, account):
    path = write_config(tmp_path, account).read_text().replace(
        "[settings]\n", "[settings]\nrefresh_minutes = 0\nfulltext = false\n")
    (tmp_path / "feeds.toml").write_text(path)
    return load_config(tmp_path / "feeds.toml")


async def test_a_subscribes_on_the_server_and_d_unsubscribes(miniflux, server, account,
                                                             tmp_path) -> None:
    from textual.widgets import Checkbox, Input

    url = server.add("/planet.xml", body=rss("Planet", items(3)))
    config = tui_config(tmp_path, account)
    store = Store(config.db_path)
    app = make_app(config, store)
    async with app.run_test(size=(140, 30)) as pilot:
        await pilot.press("a")
        await pilot.pause()
        tick = app.screen.query_one("#feed-server", Checkbox)
        assert tick.value and "127.0.0.1" in str(tick.label)  # the server by default
        app.screen.query_one("#feed-tags", Input).value = "Science"
        app.screen.query_one("#feed-url", Input).focus()
        app.screen.query_one("#feed-url", Input).value = url
        await pilot.press("enter")
        pane = app.screen.query_one(FeedList)
        # Subscribed on the server, listed as synced, then the sync it starts brings its items.
        await until(pilot, lambda: any(e.title == "Planet" for e in pane.entries))
        await until(pilot, lambda: store.count_articles() == 3 and not app.refreshing)
        assert [(f["feed_url"], f["category"]["title"]) for f in miniflux.rest("GET", "/feeds")
                ] == [(url, "Science")]
        planet = next(e for e in pane.entries if e.title == "Planet")
        assert planet.feed.origin == account.service
        assert "[[feeds]]" not in (tmp_path / "feeds.toml").read_text()
        pane.focus()
        pane.select_key(planet.key)
        await pilot.pause()
        await pilot.press("E")  # a synced feed is edited on the server: no editor
        await pilot.pause()
        assert not app.screen.query("#feed-url")
        await pilot.press("D")
        await pilot.pause()
        question = str(app.screen.query(Static).first().render())
        assert question.startswith("Unsubscribe from Planet on "), question
        await pilot.press("y")
        await until(pilot, lambda: not any(e.title == "Planet" for e in pane.entries))
        assert miniflux.rest("GET", "/feeds") == []
        assert store.count_articles() == 3  # kept in the cache
    store.close()


async def test_a_unticked_keeps_the_feed_in_feeds_toml(miniflux, server, account,
                                                       tmp_path) -> None:
    from textual.widgets import Checkbox, Input

    url = server.add("/local.xml", body=rss("Local", items(2)))
    config = tui_config(tmp_path, account)
    store = Store(config.db_path)
    app = make_app(config, store)
    async with app.run_test(size=(140, 30)) as pilot:
        await pilot.press("a")
        await pilot.pause()
        app.screen.query_one("#feed-server", Checkbox).value = False
        app.screen.query_one("#feed-url", Input).focus()
        app.screen.query_one("#feed-url", Input).value = url
        await pilot.press("enter")
        await until(pilot, lambda: not app.screen.query("#feed-url"))
        await until(pilot, lambda: store.count_articles() == 2 and not app.refreshing)
    store.close()
    assert f'url = "{url}"' in (tmp_path / "feeds.toml").read_text()
    assert miniflux.rest("GET", "/feeds") == []


async def test_a_feed_the_server_has_is_refused_in_the_dialog(miniflux, server, account,
                                                              tmp_path) -> None:
    from textual.widgets import Input

    url = server.add("/world.xml", body=rss("World", items(2)))
    miniflux.add_feed(url)
    config = tui_config(tmp_path, account)
    store = Store(config.db_path)
    app = make_app(config, store)
    async with app.run_test(size=(140, 30)) as pilot:
        await refreshed(app, pilot)
        await pilot.press("a")
        await pilot.pause()
        app.screen.query_one("#feed-url", Input).focus()
        app.screen.query_one("#feed-url", Input).value = url
        await pilot.press("enter")
        await until(pilot, lambda: "already subscribed" in str(
            app.screen.query_one("#feed-error", Static).render()))
        assert "on the sync server as 'World'" in str(
            app.screen.query_one("#feed-error", Static).render())
    store.close()
