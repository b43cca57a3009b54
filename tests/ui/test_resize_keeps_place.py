"""Resizing the terminal while reading keeps the paragraph at the top of the reader at the top."""

from __future__ import annotations

import asyncio
from html import escape
from pathlib import Path

import pytest
from feedserver import FeedServer, rss

from tui.app import make_app
from tui.config import load_config
from tui.core.refresh import refresh
from tui.core.store import Store
from tui.widgets.reader import Reader

WORDS = ("steering wheel border river quarry lantern orchard harbour ledger meadow "
         "compass furnace").split()


def paragraph(number: int) -> str:
    """A paragraph of several lines whose first words say which paragraph it is."""
    words = " ".join(WORDS[(number + i) % len(WORDS)] for i in range(40))
    return f"Paragraph {number} opens here. {words}."


@pytest.fixture
def long_article(tmp_path: Path):
    body = "".join(f"<p>{paragraph(n)}</p>" for n in range(60))
    with FeedServer() as server:
        url = server.add("/f", body=rss("F", [{"title": "A long read", "guid": "1",
                                               "link": "http://e.org/1",
                                               "description": escape(body)}]))
        path = tmp_path / "feeds.toml"
        path.write_text(f'[settings]\nrefresh_minutes = 0\nfulltext = false\n'
                        f'[[feeds]]\nname = "F"\nurl = "{url}"\n', encoding="utf-8")
        config = load_config(path)
        store = Store(config.db_path)
        asyncio.run(refresh(store, config.feeds, config.settings))
        yield config, store
        store.close()


def top_line(reader: Reader) -> str:
    return "".join(segment.text for segment in reader.render_line(0)).strip()


@pytest.mark.parametrize("size", [(100, 30), (200, 50), (80, 24)])
async def test_resizing_keeps_the_paragraph_at_the_top(long_article, size) -> None:
    config, store = long_article
    app = make_app(config, store)
    async with app.run_test(size=(140, 40)) as pilot:
        await pilot.press("enter")
        await pilot.pause()
        reader = app.screen.query_one(Reader)
        reader.scroll_to_offset(reader.article.text.index("Paragraph 30 "))
        await pilot.pause()
        await pilot.press("down", "down")  # the paragraph's first line at the top
        await pilot.pause()
        assert top_line(reader).startswith("Paragraph 30 opens here.")
        width = reader.scrollable_content_region.width
        await pilot.resize_terminal(*size)
        await pilot.pause()
        await pilot.pause()
        assert reader.scrollable_content_region.width != width  # the text was rewrapped
        assert top_line(reader).startswith("Paragraph 30 opens here.")
        await pilot.resize_terminal(140, 40)
        await pilot.pause()
        await pilot.pause()
        assert top_line(reader).startswith("Paragraph 30 opens here.")
