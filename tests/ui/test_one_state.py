"""One state: what is read, starred, renamed or removed in one view shows in every view at once;
and keys that cannot do what was asked say so."""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest
from byline_demo import copy_seeds, main_screen

from tui.app import BylineApp, make_app
from tui.config import load_config
from tui.core.refresh import refresh
from tui.core.store import ArticleFilter, Store
from tui.widgets.article_list import ArticleList
from tui.widgets.feed_list import FeedList
from tui.widgets.reader import Reader


@pytest.fixture
def editable_demo(tmp_path: Path) -> tuple[BylineApp, Store, Path]:
    """The offline demo in a writable copy (feeds.toml is edited by some tests)."""
    config = load_config(copy_seeds(tmp_path / "seeds"))
    store = Store(config.db_path)
    asyncio.run(refresh(store, config.feeds, config.settings, fulltext=False))
    yield make_app(config, store), store, tmp_path / "seeds" / "feeds.toml"
    store.close()


def unread_rows(app: BylineApp) -> dict[int, bool]:
    articles = main_screen(app).query_one(ArticleList)
    return {row.id: not row.read for i in range(articles.count) if (row := articles.row(i))}


async def test_reading_in_the_stories_view_shows_on_the_main_list(editable_demo) -> None:
    app, store, _ = editable_demo
    async with app.run_test(size=(140, 40)) as pilot:
        total = main_screen(app).query_one(FeedList).total_unread
        await pilot.press("S", "enter", "enter")  # a story, its first article
        await pilot.pause()
        opened = app.screen.query_one(Reader).article
        await pilot.press("n")  # the next outlet's version
        await pilot.pause()
        second = app.screen.query_one(Reader).article
        await pilot.press("escape", "escape")
        await pilot.pause()
        rows = unread_rows(app)
        assert not rows[opened.id] and not rows[second.id]
        assert main_screen(app).query_one(FeedList).total_unread == total - 2
        assert store.count_articles(ArticleFilter(unread_only=True)) == total - 2


async def test_star_in_reader_and_renamed_feed_show_everywhere(editable_demo) -> None:
    app, store, config_path = editable_demo
    async with app.run_test(size=(140, 40)) as pilot:
        feed_list = main_screen(app).query_one(FeedList)
        feed_list.focus()
        feed_list.select_key(f"feed:{store.feeds()[0].id}")
        await pilot.pause()
        old_name = store.feeds()[0].name
        await pilot.press("E")
        await pilot.pause()
        editor = app.screen
        editor.query_one("#feed-name").value = "Renamed Outlet"
        await pilot.press("enter")
        await pilot.pause()
        assert "Renamed Outlet" in main_screen(app).query_one("#list-pane").border_title
        articles = main_screen(app).query_one(ArticleList)
        assert {articles.row(i).feed_name for i in range(articles.count)} == {"Renamed Outlet"}
        assert "Renamed Outlet" in [f.name for f in feed_list.feeds]
        assert old_name not in config_path.read_text()


async def test_unsubscribing_keeps_the_articles_in_all(editable_demo) -> None:
    app, store, config_path = editable_demo
    async with app.run_test(size=(140, 40)) as pilot:
        before = store.count_articles()
        gone = store.feeds()[0]
        feed_list = main_screen(app).query_one(FeedList)
        feed_list.focus()
        feed_list.select_key(f"feed:{gone.id}")
        await pilot.pause()
        await pilot.press("D")
        await pilot.pause()
        assert "stay in the cache" in str(app.screen.query_one("Static").render())
        await pilot.press("y")
        await pilot.pause()
        assert gone.name not in [f.name for f in feed_list.feeds]
        feed_list.select_key("all")
        await pilot.pause()
        assert main_screen(app).query_one(ArticleList).count == before  # nothing dropped out of All
        assert gone.url not in config_path.read_text()


async def test_keys_that_cannot_act_say_so(editable_demo, monkeypatch) -> None:
    app, _, _ = editable_demo
    for name in ("DISPLAY", "WAYLAND_DISPLAY", "BROWSER"):
        monkeypatch.delenv(name, raising=False)
    copied: list[str] = []
    monkeypatch.setattr(BylineApp, "copy_to_clipboard", lambda self, text: copied.append(text))
    async with app.run_test(size=(140, 40)) as pilot:
        await pilot.press("c")
        await pilot.pause()
        messages = [n.message for n in app._notifications]
        assert "No refresh running." in messages
        await pilot.press("enter")  # an article with an https link
        article = main_screen(app).query_one(Reader).article
        main_screen(app).store.conn().execute("UPDATE articles SET url = 'https://example.org/a' "
                                      "WHERE id = ?", (article.id,))
        await pilot.press("o")
        await pilot.pause()
        messages = [n.message for n in app._notifications]
        assert any("No graphical web browser" in m and "copied" in m for m in messages)
        assert copied == ["https://example.org/a"]
