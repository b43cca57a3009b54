"""While a refresh runs, each feed's articles are listed as soon as it lands, and an open
article's actors and quotes fill in when their analysis is stored."""

from __future__ import annotations

from pathlib import Path

import pytest
from feedserver import FeedServer, rss

from tui.app import make_app
from tui.config import load_config
from tui.core.store import Store
from tui.widgets.article_list import ArticleList
from tui.widgets.side_panel import SidePanel

QUOTED = ("“We will not accept this deal,” Foreign Minister Ara Petrosyan told reporters in "
          "Yerevan on Monday, adding that talks would resume next week.")


def write_config(tmp_path: Path, server: FeedServer) -> Path:
    path = tmp_path / "feeds.toml"
    path.write_text(
        "[settings]\nrefresh_minutes = 0\nfulltext = false\nread_timeout = 10\n"
        "total_timeout = 20\n"
        f'[[feeds]]\nname = "Fast"\nurl = "{server.url("/fast")}"\n'
        f'[[feeds]]\nname = "Slow"\nurl = "{server.url("/slow")}"\n', encoding="utf-8")
    return path


async def test_articles_listed_before_the_refresh_ends(tmp_path: Path, server) -> None:
    server.add("/fast", body=rss("Fast", [
        {"title": "Talks stall", "guid": "f1", "link": "http://example.org/1",
         "description": QUOTED, "pubDate": "Mon, 16 Nov 2026 08:00:00 GMT"}]))
    server.add("/slow", body=rss("Slow", [
        {"title": "Late story", "guid": "s1", "link": "http://example.org/2",
         "description": "Nothing quoted here.", "pubDate": "Mon, 16 Nov 2026 07:00:00 GMT"}]),
        delay=4.0)
    config = load_config(write_config(tmp_path, server))
    store = Store(config.db_path)
    app = make_app(config, store)
    async with app.run_test(size=(160, 40)) as pilot:
        articles = app.screen.query_one(ArticleList)
        for _ in range(100):  # the app refreshes at start: no feed was ever fetched
            if articles.count:
                break
            await pilot.pause(0.05)
        assert articles.count == 1 and articles.current.title == "Talks stall"
        assert app.refreshing  # the slow feed is still on its way
        await pilot.press("enter")
        panel = app.screen.query_one(SidePanel)
        for _ in range(100):
            await pilot.pause(0.05)
            if any("accept this deal" in quote.text for quote in panel.quotes):
                break
        else:
            raise AssertionError("the open article's quotes never filled in")
        assert app.refreshing
        for _ in range(200):
            if not app.refreshing:
                break
            await pilot.pause(0.05)
        await pilot.pause()
        assert articles.count == 2
    store.close()


async def _first_listed(app, pilot):
    """The article list once the fast feed's older article is in."""
    articles = app.screen.query_one(ArticleList)
    for _ in range(100):
        if articles.count:
            break
        await pilot.pause(0.05)
    assert articles.count == 1 and articles.current.title == "Older story"
    return articles


async def _until_refreshed(app, pilot) -> None:
    for _ in range(200):
        if not app.refreshing:
            break
        await pilot.pause(0.05)
    await pilot.pause()


def _older_fast_newer_slow(server: FeedServer) -> None:
    server.add("/fast", body=rss("Fast", [
        {"title": "Older story", "guid": "f1", "link": "http://example.org/1",
         "description": "Old.", "pubDate": "Mon, 16 Nov 2026 07:00:00 GMT"}]))
    server.add("/slow", body=rss("Slow", [
        {"title": "Newer story", "guid": "s1", "link": "http://example.org/2",
         "description": "New.", "pubDate": "Mon, 16 Nov 2026 09:00:00 GMT"}]), delay=2.0)


@pytest.mark.parametrize(("keys", "cursor", "title"), [
    ((), 0, "Newer story"),           # untouched: the cursor stays on the newest, at the top
    (("enter",), 1, "Older story"),   # an article chosen: the cursor stays on it as others arrive above
])
async def test_the_cursor_as_articles_arrive(tmp_path: Path, server, keys: tuple[str, ...], cursor: int,
                                             title: str) -> None:
    _older_fast_newer_slow(server)
    config = load_config(write_config(tmp_path, server))
    store = Store(config.db_path)
    app = make_app(config, store)
    async with app.run_test(size=(160, 40)) as pilot:
        articles = await _first_listed(app, pilot)
        await pilot.press(*keys)
        await _until_refreshed(app, pilot)
        assert articles.count == 2
        assert articles.cursor == cursor and articles.current.title == title
    store.close()


async def test_the_lists_are_read_off_the_ui_thread_while_a_refresh_writes(tmp_path: Path,
                                                                          server) -> None:
    """Reads of the cache are slow while a refresh writes: the lists are read in a worker and
    only swapped in on the UI thread, so a key is never stuck behind them (issue 25)."""
    import threading

    _older_fast_newer_slow(server)
    config = load_config(write_config(tmp_path, server))
    store = Store(config.db_path)
    threads: list[str] = []
    counting = store.count_articles

    def count_articles(*args, **kwargs):  # type: ignore[no-untyped-def]
        threads.append(threading.current_thread().name)
        return counting(*args, **kwargs)

    store.count_articles = count_articles  # type: ignore[method-assign]
    app = make_app(config, store)
    async with app.run_test(size=(160, 40)) as pilot:
        await _first_listed(app, pilot)
        assert app.refreshing  # listed while the slow feed is on its way
        during = list(threads)
        await _until_refreshed(app, pilot)
        assert app.screen.query_one(ArticleList).count == 2
    store.close()
    main = threading.main_thread().name
    # The start-up read happens on the UI thread (nothing writes yet); once the refresh began,
    # the reload that listed the fast feed's article counted on a worker thread.
    assert any(name != main for name in during), during
    assert during[-1] != main, during
