"""How much the app repaints and builds, counted rather than timed: opening an article repaints
what changed, once; the kept screens are built ahead of time while the app is idle."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from feedserver import FeedServer, rss
from textual._compositor import Compositor

import tui.screens.main.screen
from tui.app import make_app
from tui.config import load_config
from tui.core.refresh import refresh
from tui.core.store import Store
from tui.screens.main import MainScreen
from tui.screens.main.navigator import KEPT_SCREENS
from tui.screens.stories import StoriesScreen
from tui.widgets.article_list import ArticleList
from tui.widgets.reader import Reader
from tui.widgets.side_panel import QuoteList
from tui.widgets.virtual_list import VirtualList

LONG = " ".join(f"Sentence number {i} says something about the matter at hand." for i in range(80))


def item(n: int) -> dict[str, str]:
    return {"title": f"Story number {n}", "guid": f"g{n}", "link": f"http://example.org/{n}",
            "description": f"{LONG} Story {n} ends here.",
            "pubDate": f"Mon, {10 + n:02d} Nov 2026 08:00:00 GMT"}


@pytest.fixture
def setup(tmp_path: Path):
    with FeedServer() as server:
        server.add("/daily", body=rss("Daily", [item(n) for n in range(1, 13)]))
        path = tmp_path / "feeds.toml"
        path.write_text("[settings]\nrefresh_minutes = 0\nfulltext = false\n"
                        f'[[feeds]]\nname = "Daily"\nurl = "{server.url("/daily")}"\n',
                        encoding="utf-8")
        config = load_config(path)
        store = Store(config.db_path)
        import asyncio

        asyncio.run(refresh(store, config.feeds, config.settings))
        yield config, store
        store.close()


class Counter:
    """Counts calls of a method while installed."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch, owner: type, name: str) -> None:
        self.calls: list[object] = []
        original = getattr(owner, name)

        def counted(instance, *args, **kwargs):  # type: ignore[no-untyped-def]
            self.calls.append(instance)
            return original(instance, *args, **kwargs)

        monkeypatch.setattr(owner, name, counted)


async def test_opening_articles_repaints_only_what_changed(setup, monkeypatch) -> None:
    config, store = setup
    app = make_app(config, store)
    async with app.run_test(size=(160, 45)) as pilot:
        articles = app.screen.query_one(ArticleList)
        await pilot.press("enter")  # the first opening switches to reading: laid out then
        await pilot.pause()
        full = Counter(monkeypatch, Compositor, "render_full_update")
        drawn = Counter(monkeypatch, VirtualList, "_draw_line")
        for target in (3, 7, 5):
            articles.focus()
            articles.cursor = target
            await pilot.pause()
            drawn.calls.clear()
            await pilot.press("enter")
            await pilot.pause()
            reader = app.screen.query_one(Reader)
            assert reader.article.title == articles.row(target).title
            assert app.focused is reader
            assert store.article(reader.article.id).read
            list_rows = [w for w in drawn.calls if isinstance(w, ArticleList)]
            # The opened row (now read, its cursor blurred) is drawn again; the others come
            # from the line cache though the focus left the list.
            assert 1 <= len(list_rows) <= 2
        # Moving the focus and marking read never repaint the whole terminal: Textual's
        # empty base screen is told nothing, and the focus change repaints no more than the
        # widgets whose look depends on it.
        assert full.calls == []


async def test_a_row_marked_read_is_drawn_read(setup) -> None:
    config, store = setup
    app = make_app(config, store)
    async with app.run_test(size=(160, 45)) as pilot:
        articles = app.screen.query_one(ArticleList)
        await pilot.pause()
        line = "".join(s.text for s in articles.render_line(2))
        assert "●" in line  # unread
        app.state.set_read([articles.row(2).id], True)
        await pilot.pause()
        assert "●" not in "".join(s.text for s in articles.render_line(2))
        assert "●" in "".join(s.text for s in articles.render_line(3))


async def test_a_theme_change_redraws_list_rows(setup) -> None:
    config, store = setup
    app = make_app(config, store)
    async with app.run_test(size=(160, 45)) as pilot:
        articles = app.screen.query_one(ArticleList)
        await pilot.pause()
        before = articles.render_line(0)
        app.theme = "textual-light" if app.theme != "textual-light" else "nord"
        await pilot.pause()
        assert articles.render_line(0) != before  # not kept from the line cache


async def test_first_opened_article_is_wrapped_once_for_its_width(setup, monkeypatch) -> None:
    config, store = setup
    app = make_app(config, store)
    async with app.run_test(size=(160, 45)) as pilot:
        reader = app.screen.query_one(Reader)
        wraps = Counter(monkeypatch, Reader, "_relayout")
        quote_wraps = Counter(monkeypatch, QuoteList, "_wrap")
        await pilot.press("enter")
        await pilot.pause()
        assert reader.scrollable_content_region.width > 60
        assert len(wraps.calls) == 1  # not once for no width, then again once laid out
        assert len(quote_wraps.calls) == 1
        body = [line for line in reader.visible_text().splitlines() if line.startswith("Sent")]
        assert len(body[0]) > 50 and all(len(line) <= reader.text_width for line in body)


async def test_kept_screens_are_built_while_idle_and_not_shown(setup, monkeypatch) -> None:
    monkeypatch.setattr(tui.screens.main.screen, "PREBUILD_START", 0.05)
    monkeypatch.setattr(tui.screens.main.screen, "PREBUILD_IDLE", 0.05)
    config, store = setup
    app = make_app(config, store)
    async with app.run_test(size=(160, 45)) as pilot:
        deadline = time.monotonic() + 10
        while not all(app.is_screen_installed(name) and app.get_screen(name).is_mounted
                      for name in KEPT_SCREENS) and time.monotonic() < deadline:
            await pilot.pause(0.05)
        await pilot.pause(0.5)  # the layouts done ahead of time
        assert isinstance(app.screen, MainScreen)  # built, never shown
        assert len(app.screen_stack) == 2
        stories = app.get_screen("stories")
        assert stories.query_one("#story-list").size.width > 0  # laid out ahead of time
        await pilot.press("S")
        await pilot.pause()
        assert app.screen is stories and isinstance(stories, StoriesScreen)


async def test_kept_screens_wait_while_keys_come(setup, monkeypatch) -> None:
    config, store = setup
    app = make_app(config, store)
    async with app.run_test(size=(160, 45)) as pilot:
        app._last_input = time.monotonic() + 60  # as if a key had just been pressed
        main = app.screen
        assert isinstance(main, MainScreen)
        main._prebuild_when_idle()
        await pilot.pause()
        assert not any(app.is_screen_installed(name) for name in KEPT_SCREENS)
