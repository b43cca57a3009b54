"""Pane widths: titles legible while browsing, a reader column of at least 60 characters while
reading, no pane below its minimum, one pane at a time below 100 columns."""

from __future__ import annotations

from pathlib import Path

import pytest
from feedserver import FeedServer, rss

from tui.app import make_app
from tui.config import load_config
from tui.core.refresh import refresh
from tui.core.store import Store
from tui.screens import main_layout
from tui.widgets.article_list import ArticleList
from tui.widgets.reader import Reader
from tui.widgets.side_panel import SidePanel

LONG_TITLE = ("Armenia and Azerbaijan sign a protocol fixing fourteen kilometres of their shared "
              "border after decades of war, talks and broken promises on both sides")
LONG_OUTLET = "The Armenian Mirror-Spectator International Edition"
TITLE_AT_LEAST = {100: 40, 140: 60, 200: 80}


@pytest.mark.parametrize("width", [100, 120, 140, 160, 200, 240])
def test_reading_keeps_the_text_column_at_least_60_wide(width: int) -> None:
    for toggled in (False, True):
        panes = main_layout.reading(width, reader_width=84, panel_toggled=toggled,
                                    list_wanted=True)
        assert panes.reader - main_layout.READER_CHROME >= 60
        assert panes.articles in (0,) or panes.articles >= main_layout.MIN_LIST
        assert panes.panel in (0,) or panes.panel >= main_layout.MIN_PANEL
        assert panes.articles + panes.reader + panes.panel == width


@pytest.mark.parametrize("width", [60, 80, 99])
def test_below_100_columns_one_pane_at_a_time(width: int) -> None:
    assert main_layout.browsing(width, feeds_toggled=False, longest_label=20).articles == width
    assert main_layout.browsing(width, feeds_toggled=True, longest_label=20).feeds == width
    reading = main_layout.reading(width, reader_width=84, panel_toggled=False, list_wanted=True)
    assert reading == main_layout.Panes(reader=width)
    panel = main_layout.reading(width, reader_width=84, panel_toggled=True, list_wanted=True)
    assert panel == main_layout.Panes(panel=width)


@pytest.fixture
def long_names(tmp_path: Path):
    with FeedServer() as server:
        url = server.add("/f", body=rss("F", [{"title": LONG_TITLE, "guid": "1",
                                               "link": "http://e.org/1",
                                               "description": "Short. " * 200}]))
        path = tmp_path / "feeds.toml"
        path.write_text(f'[settings]\nrefresh_minutes = 0\nfulltext = false\n'
                        f'[[feeds]]\nname = "{LONG_OUTLET}"\nurl = "{url}"\n', encoding="utf-8")
        config = load_config(path)
        store = Store(config.db_path)
        import asyncio

        asyncio.run(refresh(store, config.feeds, config.settings))
        yield config, store
        store.close()


@pytest.mark.parametrize("width,height", [(100, 30), (140, 40), (200, 50)])
async def test_titles_legible_and_reader_wide_enough(long_names, width: int,
                                                     height: int) -> None:
    config, store = long_names
    app = make_app(config, store)
    async with app.run_test(size=(width, height)) as pilot:
        await pilot.pause()
        articles = app.screen.query_one(ArticleList)
        row = "".join(segment.text for segment in articles.render_line(0))
        shown = row[row.index("Armenia"):].split("…")[0]
        assert LONG_TITLE.startswith(shown.rstrip())
        assert len(shown) >= TITLE_AT_LEAST[width], row
        await pilot.press("enter")
        await pilot.pause()
        reader = app.screen.query_one(Reader)
        assert reader.display and reader._column()[1] >= 60
        panel = app.screen.query_one(SidePanel)
        assert not panel.display or panel.size.width >= main_layout.MIN_PANEL


@pytest.mark.parametrize("width", [80, 120])
def test_a_screen_without_a_side_panel_reads_at_every_width(width: int) -> None:
    panes = main_layout.reading(width, reader_width=84, panel_toggled=False, list_wanted=True,
                                has_panel=False)
    assert panes.panel == 0 and panes.reader - main_layout.READER_CHROME >= 60
    assert panes.articles + panes.reader == width
