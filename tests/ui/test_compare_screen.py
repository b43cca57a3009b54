"""The compare view on the demo through Pilot: from a story and from an article, enter opens the article
at the line's place; and a snapshot of how it looks."""

from __future__ import annotations

from tui.app import make_app
from tui.core.store import Store
from tui.screens.compare import CompareList, CompareScreen
from tui.screens.stories import StoriesScreen
from tui.widgets.reader import Reader


def _border_story(store: Store) -> int:
    return next(s.id for s in store.stories(min_outlets=2) if "Azerbaijan" in s.headline)


async def _compare_ready(pilot, app) -> CompareScreen:  # type: ignore[no-untyped-def]
    await app.workers.wait_for_complete()
    await pilot.pause()
    screen = app.screen
    assert isinstance(screen, CompareScreen)
    assert screen.comparison is not None
    return screen


async def test_compare_from_a_story_and_enter_opens_the_number_in_its_article(demo) -> None:  # type: ignore[no-untyped-def]
    store = Store(demo.db_path)
    border = _border_story(store)
    app = make_app(demo, store)
    async with app.run_test(size=(160, 45)) as pilot:
        await pilot.press("S")
        await pilot.pause()
        stories = app.screen
        assert isinstance(stories, StoriesScreen)
        story_list = stories.query_one("#story-list")
        story_list.cursor = next(i for i, s in enumerate(stories.items) if s.id == border)  # type: ignore[attr-defined]
        await pilot.pause()
        await pilot.press("C")
        screen = await _compare_ready(pilot, app)
        listing = screen.query_one(CompareList)
        texts = [entry.text for entry in listing.entries]
        assert sum(1 for e in listing.entries if e.outlet) == 3, "each outlet in turn"
        assert "Numbers that differ" in texts
        assert "border (km)" in texts, "what the numbers count, in its words: never a stem"
        assert any("Gevorg Avetisyan" in t and t.startswith("Only here") for t in texts)
        # Walk to the Meridian Wire number that differs and open it.
        wire = next(i for i, e in enumerate(listing.entries)
                    if e.text.startswith("Meridian Wire: 15 km"))
        listing.cursor = next(i for i, row in enumerate(listing.rows) if row.entry == wire)
        await pilot.press("enter")
        await pilot.pause()
        reader = screen.query_one(Reader)
        assert reader.display and reader.article is not None
        assert reader.article.feed_name == "Meridian Wire"
        [(start, end, kind)] = reader.highlights
        assert reader.article.text[start:end] == "15 km" and kind == "mention"
        assert store.article(reader.article.id).read  # type: ignore[union-attr]
        await pilot.press("escape")
        assert not reader.display, "esc closes the article first"
        await pilot.press("escape")
        assert app.screen is stories, "then goes back to the stories"
    store.close()


async def test_compare_from_an_article_starts_at_its_outlet(demo) -> None:  # type: ignore[no-untyped-def]
    store = Store(demo.db_path)
    border = _border_story(store)
    business = next(a for a in store.story_articles(border) if a.outlet == "Eurasia Business Daily")
    app = make_app(demo, store)
    async with app.run_test(size=(160, 45)) as pilot:
        app.screen.open_article(business.article_id)  # type: ignore[attr-defined]
        await pilot.pause()
        await pilot.press("C")
        screen = await _compare_ready(pilot, app)
        listing = screen.query_one(CompareList)
        entry = listing.entry_at_cursor()
        assert entry is not None and entry.outlet == "Eurasia Business Daily"
        await pilot.press("n")
        assert listing.entry_at_cursor() is entry, "no outlet after the last one"
        await pilot.press("p")
        moved = listing.entry_at_cursor()
        assert moved is not None and moved.outlet == "Meridian Wire"
    store.close()


def test_compare_view_snapshot(demo, snap_compare) -> None:  # type: ignore[no-untyped-def]
    store = Store(demo.db_path)
    border = _border_story(store)
    app = make_app(demo, store)

    async def open_compare(pilot) -> None:  # type: ignore[no-untyped-def]
        await pilot.pause()
        app.push_screen(CompareScreen(app.state, border))
        await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.pause()

    try:
        assert snap_compare(app, terminal_size=(120, 40), run_before=open_compare)
    finally:
        store.close()


async def test_j_and_k_step_line_by_line_past_blanks_and_wrapped_rows(demo) -> None:  # type: ignore[no-untyped-def]
    store = Store(demo.db_path)
    app = make_app(demo, store)
    async with app.run_test(size=(70, 40)) as pilot:
        app.push_screen(CompareScreen(app.state, _border_story(store)))
        screen = await _compare_ready(pilot, app)
        listing = screen.query_one(CompareList)
        assert len(listing.rows) > len(listing.entries), "narrow: long lines wrap"
        seen = []
        for _ in range(12):
            await pilot.press("j")
            seen.append(listing.entry_at_cursor())
        assert all(entry is not None and entry.text for entry in seen), "never a blank line"
        assert len(set(map(id, seen))) == len(seen), "every j reaches a new line of the comparison"
    store.close()
