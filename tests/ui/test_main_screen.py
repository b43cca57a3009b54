"""The real app driven by Pilot: cached articles at start, navigation, refresh, failed feeds."""

from __future__ import annotations

import asyncio
import sys
import threading
from pathlib import Path

from feedserver import FeedServer, rss

from tui.app import make_app
from tui.config import Config, load_config
from tui.core.refresh import refresh
from tui.core.store import Store
from tui.screens.main import MainScreen
from tui.widgets.article_list import ArticleList
from tui.widgets.feed_list import FeedList
from tui.widgets.reader import Reader


def item(n: int, title: str | None = None) -> dict[str, str]:
    return {"title": title or f"Story number {n}", "guid": f"g{n}",
            "link": f"http://example.org/{n}", "description": f"Summary of story {n}.",
            "pubDate": f"Mon, {10 + n:02d} Nov 2026 08:00:00 GMT"}


def make_config(tmp_path: Path, server: FeedServer) -> Path:
    path = tmp_path / "feeds.toml"
    path.write_text(
        "[settings]\nrefresh_minutes = 0\nfulltext = false\nread_timeout = 1.0\n"
        "total_timeout = 2.0\n"
        f'[[feeds]]\nname = "Daily"\nurl = "{server.url("/daily")}"\ntags = ["news"]\n'
        f'[[feeds]]\nname = "Broken"\nurl = "{server.url("/broken")}"\n',
        encoding="utf-8",
    )
    return path


async def test_start_navigate_open_refresh_and_see_errors(tmp_path: Path, server) -> None:
    server.add("/daily", body=rss("Daily", [item(1), item(2)]))
    config = load_config(make_config(tmp_path, server))
    store = Store(config.db_path)
    await refresh(store, config.feeds, config.settings)  # a cache from an earlier session
    server.add("/daily", body=rss("Daily", [item(1), item(2), item(3, "Fresh headline")]))

    app = make_app(config, store)
    async with app.run_test(size=(140, 40)) as pilot:
        articles = app.screen.query_one(ArticleList)
        assert articles.count == 2  # cached articles show before any network
        assert articles.current.title == "Story number 2"
        await pilot.press("j")
        assert articles.current.title == "Story number 1"
        await pilot.press("enter")
        await pilot.pause()
        reader = app.screen.query_one(Reader)
        assert reader.article.title == "Story number 1"
        assert store.article(reader.article.id).read
        counts = app.screen.query_one(FeedList)
        assert counts.total_unread == 1  # updated in place, without a re-count
        assert [f.unread_count for f in counts.feeds if f.name == "Daily"] == [1]
        await pilot.press("m")
        assert counts.total_unread == 2 and not store.article(reader.article.id).read
        await pilot.press("m")
        await pilot.press("s")
        assert store.article(reader.article.id).starred

        await pilot.press("r")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert articles.count == 3
        assert articles.current.title == "Story number 1"  # the cursor did not jump
        titles = {articles.row(i).title for i in range(articles.count)}
        assert "Fresh headline" in titles

        feeds = app.screen.query_one(FeedList)
        feeds.focus()
        feeds.select_key(f"feed:{store.feed_id(server.url('/broken'))}")
        await pilot.pause()
        status = app.screen.query_one("#list-status")
        assert "404" in str(status.render())
        assert status.display
    store.close()


async def test_tab_cycles_panes_and_help_lists_bindings(tmp_path: Path, server) -> None:
    server.add("/daily", body=rss("Daily", [item(1)]))
    config = load_config(make_config(tmp_path, server))
    store = Store(config.db_path)
    app = make_app(config, store)
    async with app.run_test(size=(140, 40)) as pilot:
        assert isinstance(app.focused, ArticleList)
        await pilot.press("tab")  # browsing: the feed pane and the list
        assert isinstance(app.focused, FeedList)
        await pilot.press("tab")
        assert isinstance(app.focused, ArticleList)
        await pilot.press("enter")  # reading: the list, the reader and who said what
        await pilot.pause()
        assert isinstance(app.focused, Reader)
        await pilot.press("tab")
        assert app.focused.id == "side-quotes"
        await pilot.press("tab")
        assert isinstance(app.focused, ArticleList)
        await pilot.press("escape")  # back to browsing
        await pilot.pause()
        assert not app.screen.query_one(Reader).display
        await pilot.press("question_mark")
        await pilot.pause()
        from tui.screens.help import HelpScreen

        assert isinstance(app.screen, HelpScreen)
        await pilot.press("escape")
        assert not isinstance(app.screen, HelpScreen)
    store.close()


async def test_untrusted_text_is_inert(tmp_path: Path, server) -> None:
    hostile = "[@click=app.quit]Click[/] [bold]me[/bold] \x1b[2J\x1b]0;pwned\x07 \u202eevil"
    server.add("/daily", body=rss("Daily", [
        {**item(1), "title": hostile.replace("&", "&amp;").replace("<", "&lt;"),
         "description": "\x1b]52;c;ZWNobyBoaQ==\x07 text [link=http://x]y[/link]"}]))
    config = load_config(make_config(tmp_path, server))
    store = Store(config.db_path)
    await refresh(store, config.feeds, config.settings)
    app = make_app(config, store)
    async with app.run_test(size=(140, 40)) as pilot:
        await pilot.press("enter")
        await pilot.pause()
        reader = app.screen.query_one(Reader)
        header, _, body = reader.visible_text().partition("\n\n")
        assert "[@click=app.quit]Click[/]" in header and "[bold]me[/bold]" in header
        assert "\x1b" not in header + body and "\u202e" not in header
        assert "[link=http://x]y[/link]" in body
        await pilot.click(ArticleList, offset=(10, 0))
        await pilot.pause()
        assert app.is_running and reader.article is not None
    store.close()


def test_refresh_keeps_one_worker(tmp_path: Path, server) -> None:
    server.add("/daily", body=rss("Daily", [item(1)]), delay=0.5)
    config = load_config(make_config(tmp_path, server))
    store = Store(config.db_path)
    app = make_app(config, store)

    async def scenario() -> None:
        async with app.run_test(size=(140, 40)) as pilot:
            await pilot.pause()
            assert app.refreshing  # a feed never fetched: the app refreshes at start
            await pilot.press("r")
            await pilot.press("r")
            running = [w for w in app.workers if w.group == "refresh" and w.is_running]
            assert len(running) == 1
            for _ in range(100):
                if not app.refreshing:
                    break
                await pilot.pause(0.05)
            await pilot.pause()
            assert app.screen.query_one(ArticleList).count == 1

    asyncio.run(scenario())
    assert server.requests["/daily"] == 1
    store.close()


async def test_command_palette_jumps_to_a_feed(tmp_path: Path, server) -> None:
    server.add("/daily", body=rss("Daily", [item(1)]))
    server.add("/broken", body=rss("Other", [item(2, "Other story")]))
    config = load_config(make_config(tmp_path, server))
    store = Store(config.db_path)
    await refresh(store, config.feeds, config.settings)
    app = make_app(config, store)
    async with app.run_test(size=(140, 40)) as pilot:
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*"Go to Broken")
        await pilot.pause(0.5)
        await pilot.press("enter")
        await pilot.pause(0.3)
        articles = app.screen.query_one(ArticleList)
        assert articles.filter.feed_id == store.feed_id(server.url("/broken"))
        assert articles.current.title == "Other story"
    store.close()


async def test_the_quote_index_is_built_once_whichever_threads_ask(tmp_path: Path) -> None:
    """The warming worker and a lookup ask for the index from different threads at once; both
    get the same one, so what the warming read is what the lookup searches."""
    store = Store(tmp_path / "byline.db")
    app = make_app(Config(path=None, feeds=(), cache_dir=tmp_path), store)
    switch = sys.getswitchinterval()
    sys.setswitchinterval(1e-6)  # threads change hands as often as they can
    try:
        for _ in range(150):
            screen = MainScreen(app.state)
            start = threading.Barrier(8)
            seen: list[object] = []

            def ask(screen: MainScreen = screen, start: threading.Barrier = start,
                    seen: list[object] = seen) -> None:
                start.wait()
                seen.append(screen.quote_index())

            threads = [threading.Thread(target=ask) for _ in range(8)]
            for thread in threads:
                thread.start()
            for thread in threads:
                thread.join()
            assert len({id(index) for index in seen}) == 1
    finally:
        sys.setswitchinterval(switch)
        store.close()


async def test_command_palette_says_what_each_entry_shows(tmp_path: Path, server) -> None:
    """Each "Go to" entry has its own description (not "this feed's articles" for Starred), and
    the feed pane's section titles are not offered."""
    from textual.command import CommandPalette
    from textual.widgets import OptionList

    server.add("/daily", body=rss("Daily", [item(1)]))
    path = make_config(tmp_path, server)
    with path.open("a", encoding="utf-8") as text:
        text.write('\n[[watch]]\nname = "Mornings"\nquery = "story"\n')
    config = load_config(path)
    store = Store(config.db_path)
    await refresh(store, config.feeds, config.settings)
    app = make_app(config, store)
    async with app.run_test(size=(140, 40)) as pilot:
        await pilot.press("ctrl+p")
        await pilot.pause(0.5)
        palette = app.screen
        assert isinstance(palette, CommandPalette)
        shown = palette.query_one(OptionList)
        lines = [str(shown.get_option_at_index(i).prompt) for i in range(shown.option_count)]
        described = {line.split("\n")[0]: line.split("\n")[-1] for line in lines
                     if line.startswith("Go to ")}
        assert described["Go to Starred"] == "Show the articles you starred"
        assert described["Go to Stories"].startswith("Show the stories")
        assert described["Go to All articles"] == "Show every article"
        assert described["Go to Daily"] == "Show this feed's articles"
        assert described["Go to Mornings"] == "Show the articles this watchlist matches"
        assert "Go to Feeds" not in described  # a section title, nowhere to go
        assert "Go to Watchlists" not in described
    store.close()


async def test_unsubscribing_from_a_feed_of_one_article_says_it_stays(tmp_path: Path,
                                                                       server) -> None:
    server.add("/daily", body=rss("Daily", [item(1)]))
    config = load_config(make_config(tmp_path, server))
    store = Store(config.db_path)
    await refresh(store, config.feeds, config.settings)
    app = make_app(config, store)
    async with app.run_test(size=(140, 40)) as pilot:
        feeds = app.screen.query_one(FeedList)
        feeds.focus()
        feeds.select_key(f"feed:{store.feed_id(server.url('/daily'))}")
        await pilot.pause()
        await pilot.press("D")
        await pilot.pause()
        question = str(app.screen.query_one("Static").render())
        assert question.startswith("Unsubscribe from Daily? Its 1 article stays in the cache")
        await pilot.press("n")
    store.close()
