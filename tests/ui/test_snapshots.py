"""Screenshots of the real app on the offline demo, compared with accepted SVGs: what a reader
sees at each size, in each mode and theme. Accept a change only after looking at it
(`pytest tests/ui/test_snapshots.py --snapshot-update`, then view the SVGs in __snapshots__)."""

from __future__ import annotations

import asyncio

import pytest
from byline_demo import main_screen
from textual.pilot import Pilot
from textual.theme import BUILTIN_THEMES

from tui.app import BylineApp
from tui.widgets.feed_list import FeedList


async def settle(pilot: Pilot) -> None:
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


async def answered(pilot: Pilot) -> None:
    """Wait until a type-ahead screen shows the answer to what is typed (not a fixed sleep:
    a loaded machine answers late)."""
    screen = pilot.app.screen
    for _ in range(200):
        await settle(pilot)
        if getattr(screen, "_answered", None) == screen.query_text:
            return
        await asyncio.sleep(0.05)
    raise AssertionError("the lookup never answered")


@pytest.mark.parametrize("size", [(80, 24), (100, 30), (140, 40), (200, 50)])
def test_browsing(snap_compare, demo_app: BylineApp, size: tuple[int, int]) -> None:
    assert snap_compare(demo_app, terminal_size=size, press=["j", "j"])


@pytest.mark.parametrize("size", [(80, 24), (100, 30), (140, 40), (200, 50)])
def test_reading_with_who_said_what(snap_compare, demo_app: BylineApp,
                                    size: tuple[int, int]) -> None:
    """The border-deal article: three outlets, actors and quotes beside the text."""
    assert snap_compare(demo_app, terminal_size=size, press=["j"] * 6 + ["enter"])


def test_reading_narrow_shows_the_panel_instead_of_the_text(snap_compare,
                                                            demo_app: BylineApp) -> None:
    assert snap_compare(demo_app, terminal_size=(80, 24), press=["j"] * 6 + ["enter", "P"])


def test_stories_view(snap_compare, demo_app: BylineApp) -> None:
    assert snap_compare(demo_app, terminal_size=(140, 40), press=["S", "j"])


def test_story_reader(snap_compare, demo_app: BylineApp) -> None:
    assert snap_compare(demo_app, terminal_size=(140, 40), press=["S", "j", "enter", "enter"])


def test_quote_lookup_with_results(snap_compare, demo_app: BylineApp) -> None:
    async def lookup(pilot: Pilot) -> None:
        await pilot.press("Q", *"karapetyan border")
        await answered(pilot)

    assert snap_compare(demo_app, terminal_size=(120, 30), run_before=lookup)


def test_quote_lookup_shows_the_words_typed(snap_compare, demo_app: BylineApp) -> None:
    """Narrow: each row is cut around the words typed, which are highlighted (issue 23)."""
    async def lookup(pilot: Pilot) -> None:
        await pilot.press("Q", *"slow work")
        await answered(pilot)

    assert snap_compare(demo_app, terminal_size=(80, 24), run_before=lookup)


def test_search(snap_compare, demo_app: BylineApp) -> None:
    async def search(pilot: Pilot) -> None:
        await pilot.press("slash", *"toktogul")
        await answered(pilot)

    assert snap_compare(demo_app, terminal_size=(120, 30), run_before=search)


def test_help(snap_compare, demo_app: BylineApp) -> None:
    assert snap_compare(demo_app, terminal_size=(120, 40), press=["question_mark"])


def test_help_wide(snap_compare, demo_app: BylineApp) -> None:
    """At 200 columns every description shows whole, keys and description apart (issue 23)."""
    assert snap_compare(demo_app, terminal_size=(200, 50), press=["question_mark"])


def test_help_narrow(snap_compare, demo_app: BylineApp) -> None:
    """At 100 columns the help gives its width to the descriptions, not to the binding ids."""
    assert snap_compare(demo_app, terminal_size=(100, 30), press=["question_mark"])


def test_feed_editor(snap_compare, demo_app: BylineApp) -> None:
    assert snap_compare(demo_app, terminal_size=(100, 30), press=["a"])


def test_mute_editor_filled_in_from_the_article(snap_compare, demo_app: BylineApp) -> None:
    """X on the list: the mute editor with the article's outlet, and what it would hide."""
    async def mute(pilot: Pilot) -> None:
        await pilot.press("X")
        await settle(pilot)

    assert snap_compare(demo_app, terminal_size=(100, 30), run_before=mute)


def test_mute_editor_points_at_the_mistake(snap_compare, demo_app: BylineApp) -> None:
    async def mistake(pilot: Pilot) -> None:
        await pilot.press("X", *" OR (kovra")
        await settle(pilot)

    assert snap_compare(demo_app, terminal_size=(100, 30), run_before=mistake)


def test_quote_export_prompt(snap_compare, demo_app: BylineApp) -> None:
    async def export(pilot: Pilot) -> None:
        await pilot.press("Q", *"karapetyan")
        await answered(pilot)
        await pilot.press("ctrl+s")
        await settle(pilot)

    assert snap_compare(demo_app, terminal_size=(100, 30), run_before=export)


@pytest.mark.parametrize("theme", sorted(BUILTIN_THEMES))
def test_cursor_in_every_theme(snap_compare, demo_app: BylineApp, theme: str) -> None:
    """The list cursor focused (articles) and unfocused (feeds), in each built-in theme."""
    async def themed(pilot: Pilot) -> None:
        pilot.app.theme = theme
        await pilot.press("j", "j")
        await settle(pilot)

    assert snap_compare(demo_app, terminal_size=(110, 9), run_before=themed)


async def choose(pilot: Pilot, title: str) -> None:
    """Highlight the feed-pane entry with this title, the feed pane focused."""
    feeds = main_screen(pilot.app).query_one(FeedList)  # type: ignore[arg-type]
    feeds.focus()
    feeds.select_key(next(key for key, choice in feeds.choices.items() if choice.title == title))
    await settle(pilot)


def test_person_quotes(snap_compare, demo_app: BylineApp) -> None:
    """Enter on a followed person under People: their quotes across outlets, newest first."""
    demo_app.state.store.follow_person("Anna Karapetyan")

    async def person(pilot: Pilot) -> None:
        await settle(pilot)
        await choose(pilot, "Anna Karapetyan")
        await pilot.press("enter")
        await settle(pilot)

    assert snap_compare(demo_app, terminal_size=(120, 30), run_before=person)


def test_watch_editor_counts_what_the_query_matches(snap_compare, demo_app: BylineApp) -> None:
    async def watch(pilot: Pilot) -> None:
        await pilot.press("W", *'"border" AND tag:caucasus')
        await settle(pilot)

    assert snap_compare(demo_app, terminal_size=(100, 30), run_before=watch)


def test_unsubscribe_asks_first(snap_compare, demo_app: BylineApp) -> None:
    """D on a feed: the confirm dialog says what stays in the cache."""
    async def unsubscribe(pilot: Pilot) -> None:
        await settle(pilot)
        await choose(pilot, "Caucasus Ledger")
        await pilot.press("D")
        await settle(pilot)

    assert snap_compare(demo_app, terminal_size=(100, 30), run_before=unsubscribe)
