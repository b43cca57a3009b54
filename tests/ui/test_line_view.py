"""Lists and the reader change their content size through Textual's public API: the scrollbar
appears and goes as the content grows past the pane and shrinks back, its thumb follows the
content, and the scroll position stays in range."""

from __future__ import annotations

from pathlib import Path

from feedserver import FeedServer, rss

from tui.app import make_app
from tui.config import load_config
from tui.core.refresh import refresh
from tui.core.store import Store
from tui.widgets.article_list import ArticleList
from tui.widgets.feed_list import FeedList
from tui.widgets.reader import Reader

SIZES = {"Few": 3, "Many": 80, "Some": 50}
SENTENCE = "Words about the matter. "


def items(feed: str, count: int) -> list[dict[str, str]]:
    # Texts of different lengths, for the reader: 1 to 5 screens.
    return [{"title": f"{feed} story {n}", "guid": f"{feed}{n}",
             "link": f"http://example.org/{feed}/{n}",
             "description": SENTENCE * (150 * (n % 5 + 1)),
             "pubDate": f"Mon, {1 + n % 28:02d} Nov 2026 08:{n % 60:02d}:00 GMT"}
            for n in range(count)]


def check_scrollbar(view: ArticleList | Reader, shown: bool) -> None:
    assert view.show_vertical_scrollbar is shown
    inside = view.content_region.width
    assert view.scrollable_content_region.width == inside - (1 if shown else 0)
    if shown:
        bar = view.vertical_scrollbar
        assert bar.display and bar.region.width == 1
        assert bar.window_virtual_size == view.virtual_size.height
        assert bar.window_size == view.scrollable_content_region.height
    assert 0 <= view.scroll_y <= view.max_scroll_y


async def make_config(tmp_path: Path):  # type: ignore[no-untyped-def]
    with FeedServer() as server:
        text = "[settings]\nrefresh_minutes = 0\nfulltext = false\n"
        for name, count in SIZES.items():
            server.add(f"/{name}", body=rss(name, items(name, count)))
            text += f'[[feeds]]\nname = "{name}"\nurl = "{server.url("/" + name)}"\n'
        (tmp_path / "feeds.toml").write_text(text, encoding="utf-8")
        config = load_config(tmp_path / "feeds.toml")
        store = Store(config.db_path)
        await refresh(store, config.feeds, config.settings)
        store.close()
    return config


async def test_list_scrollbar_follows_the_content_size(tmp_path: Path) -> None:
    config = await make_config(tmp_path)
    store = Store(config.db_path)
    app = make_app(config, store)
    async with app.run_test(size=(160, 45)) as pilot:
        feeds = app.screen.query_one(FeedList)
        articles = app.screen.query_one(ArticleList)

        async def show(name: str) -> None:
            feeds.select_key(f"feed:{next(f.id for f in feeds.feeds if f.name == name)}")
            await pilot.pause()
            assert articles.count == SIZES[name]

        await show("Few")
        check_scrollbar(articles, shown=False)
        await show("Many")
        check_scrollbar(articles, shown=True)
        articles.action_last()
        await pilot.pause()
        assert articles.scroll_y == articles.max_scroll_y > 0
        await show("Some")  # shorter, still past the pane: the bar stays, the scroll is in range
        check_scrollbar(articles, shown=True)
        await show("Few")
        check_scrollbar(articles, shown=False)
        assert articles.scroll_y == 0
    store.close()


async def test_reader_scrollbar_follows_each_article(tmp_path: Path) -> None:
    """Opening another article changes the reader's content size with no layout of the screen
    (tests/ui/test_repaint_work.py), nor a scroll when it was at the top: the scrollbar's thumb
    must follow all the same."""
    config = await make_config(tmp_path)
    store = Store(config.db_path)
    app = make_app(config, store)
    async with app.run_test(size=(160, 45)) as pilot:
        articles = app.screen.query_one(ArticleList)
        reader = app.screen.query_one(Reader)
        heights = set()
        for index in (0, 1, 4, 2):
            articles.focus()
            articles.cursor = index
            await pilot.press("enter")
            await pilot.pause()
            assert reader.article.title == articles.row(index).title
            check_scrollbar(reader, shown=True)  # overflow-y: scroll, always shown
            heights.add(reader.virtual_size.height)
        assert len(heights) > 2
        reader.scroll_end(animate=False)
        await pilot.pause()
        assert reader.scroll_y == reader.max_scroll_y > 0
    store.close()
