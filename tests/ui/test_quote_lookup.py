"""Quote lookup on the demo: the words typed are on screen and highlighted in every row, the
command palette comes back to the lookup with its query, and an opened quote is the one under
the side panel's cursor."""

from __future__ import annotations

import asyncio

from tui.app import make_app
from tui.core.store import Store
from tui.screens.quote_lookup import MATCH_STYLE, QuoteLookupScreen
from tui.screens.type_ahead import ResultList
from tui.widgets.side_panel import QuoteList, SidePanel


async def answered(pilot, screen) -> None:  # type: ignore[no-untyped-def]
    for _ in range(200):
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()
        if screen._answered == screen.query_text:
            return
        await asyncio.sleep(0.05)
    raise AssertionError("the lookup never answered")


async def test_rows_show_the_typed_words_highlighted(demo) -> None:  # type: ignore[no-untyped-def]
    store = Store(demo.db_path)
    app = make_app(demo, store)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("Q", *"slow work")
        lookup = app.screen
        assert isinstance(lookup, QuoteLookupScreen)
        await answered(pilot, lookup)
        results = lookup.query_one(ResultList)
        assert lookup.hits
        for index in range(len(lookup.hits)):
            segments = results.render_item_line(index, 0, results.size.width - 1)
            marked = [s.text.casefold() for s in segments if s.style == MATCH_STYLE]
            assert "slow" in marked and "work" in marked, [s.text for s in segments]
    store.close()


async def test_command_palette_keeps_the_query(demo) -> None:  # type: ignore[no-untyped-def]
    store = Store(demo.db_path)
    app = make_app(demo, store)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("Q", *"slow work")
        lookup = app.screen
        await answered(pilot, lookup)
        found = list(lookup.hits)
        await pilot.press("ctrl+p")
        await pilot.pause()
        assert app.screen is not lookup
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is lookup
        await answered(pilot, lookup)
        assert lookup.query_text == "slow work" and lookup.hits == found
        await pilot.press("escape")  # closed, then opened again: a fresh start
        await pilot.press("Q")
        await pilot.pause()
        assert app.screen.query_text == ""
    store.close()


async def test_an_opened_quote_is_under_the_side_panel_cursor(demo) -> None:  # type: ignore[no-untyped-def]
    store = Store(demo.db_path)
    app = make_app(demo, store)
    async with app.run_test(size=(160, 40)) as pilot:
        await pilot.press("Q", *"Constitutional Court before a vote")
        lookup = app.screen
        await answered(pilot, lookup)
        hit = lookup.hits[0]
        await pilot.press("enter")
        await pilot.pause()
        panel = app.screen.query_one(SidePanel)
        cursor = panel.query_one(QuoteList).cursor
        assert cursor > 0  # not the first quote of the article
        shown = panel.shown_quotes[cursor]
        assert (shown.start, shown.end) == (hit.start, hit.end)
    store.close()
