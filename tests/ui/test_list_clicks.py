"""A click on a list puts the cursor on the row under the pointer, inside the list's border: the
feed list, the story list and both side-panel lists, first row and last."""

from __future__ import annotations

from pathlib import Path

import pytest
from byline_demo import demo_copy

from tui.app import make_app
from tui.core.store import Store
from tui.screens.stories import StoriesScreen, StoryList
from tui.widgets.feed_list import FeedList
from tui.widgets.side_panel import ActorList, QuoteList
from tui.widgets.virtual_list import VirtualList


@pytest.fixture
def demo_with_store(fetched_demo, tmp_path: Path):  # type: ignore[no-untyped-def]
    config = demo_copy(fetched_demo, tmp_path / "cache")
    store = Store(config.db_path)
    yield config, store
    store.close()


def last_line_of(listing: VirtualList, index: int) -> int:
    first, height = listing._span(index)
    return first + height - 1


def last_whole_item(listing: VirtualList) -> int:
    """The last item wholly on screen (the list may be longer than its pane)."""
    shown = listing.scrollable_content_region.height
    return max(i for i in range(listing.count) if last_line_of(listing, i) < shown)


async def click_line(pilot, listing: VirtualList, line: int) -> None:  # type: ignore[no-untyped-def]
    """Click a line of the list's content, counted from the first line inside its border."""
    inside = listing.content_region.offset - listing.region.offset
    await pilot.click(listing, offset=(inside.x + 3, inside.y + line))
    await pilot.pause()


async def check_first_and_last(pilot, listing: VirtualList) -> None:  # type: ignore[no-untyped-def]
    """Click the bottom line of the first item, then of the last one on screen: a click one
    line off lands on the next item, or on none."""
    name = type(listing).__name__
    assert listing.content_region.y > listing.region.y, f"{name} is expected to have a border"
    last = last_whole_item(listing)
    assert last > 0
    listing.cursor = 0
    await pilot.pause()
    assert listing.scroll_offset.y == 0
    await click_line(pilot, listing, last_line_of(listing, last))
    assert listing.cursor == last, f"{name}: the last row clicked"
    await click_line(pilot, listing, last_line_of(listing, 0))
    assert listing.cursor == 0, f"{name}: the first row clicked"


async def test_clicks_on_the_feed_list_and_the_side_panel_lists(demo_with_store) -> None:
    config, store = demo_with_store
    border = int(store.conn().execute(
        "SELECT id FROM articles WHERE title LIKE 'Armenia and Azerbaijan sign%'").fetchone()[0])
    app = make_app(config, store)
    async with app.run_test(size=(170, 40)) as pilot:
        await pilot.pause()
        await check_first_and_last(pilot, app.screen.query_one(FeedList))

        app.screen.open_article(border)
        await pilot.pause()
        quotes = app.screen.query_one(QuoteList)
        assert quotes.count > 2
        await check_first_and_last(pilot, quotes)
        actors = app.screen.query_one(ActorList)
        assert actors.count > 2
        await check_first_and_last(pilot, actors)


async def test_clicks_on_the_story_list(demo_with_store) -> None:
    config, store = demo_with_store
    app = make_app(config, store)
    async with app.run_test(size=(160, 40)) as pilot:
        await pilot.press("S")
        await pilot.pause()
        assert isinstance(app.screen, StoriesScreen)
        stories = app.screen.query_one(StoryList)
        assert stories.count > 1
        await check_first_and_last(pilot, stories)
