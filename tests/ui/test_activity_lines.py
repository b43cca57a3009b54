"""Articles and quotes per day as a line of blocks (issue 23, item 12), through Pilot: on each
story's row in the Stories list, in Compare's timeline and on a person's quotes screen, named by
their days and drawn from the counts."""

from __future__ import annotations

from collections import Counter
from datetime import UTC, date
from pathlib import Path

import pytest
from byline_demo import FROZEN_NOW
from feedserver import FeedServer
from test_stories_screen import BORDER, BORDER_2, feed, ledger_and_wire
from textual.widgets import Static

from tui.app import BylineApp, make_app
from tui.core.sparkline import BARS
from tui.screens.compare import CompareList, CompareScreen
from tui.screens.person_quotes import PersonQuotesScreen
from tui.screens.stories import StoriesScreen, StoryList


def drawn(story_list: StoryList, index: int, width: int) -> str:
    return "".join(segment.text for segment in story_list.render_item_line(index, 1, width))


async def test_a_story_on_two_days_shows_two_bars_in_its_row(tmp_path: Path,
                                                             monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("tui.widgets.ages.utc_now", lambda: FROZEN_NOW)  # 28 Nov 2026
    with FeedServer() as server:
        config, store = await ledger_and_wire(server, tmp_path, feed("a", [BORDER], 24),
                                              feed("b", [BORDER_2], 26))
    [border] = store.stories(min_outlets=2)
    app = make_app(config, store)
    async with app.run_test(size=(140, 30)) as pilot:
        await pilot.press("S")
        await pilot.pause()
        assert isinstance(app.screen, StoriesScreen)
        story_list = app.screen.query_one(StoryList)
        assert "▁▃█ articles a day, last 14 days (15 Nov – 28 Nov)" in str(story_list.border_subtitle)
        line = drawn(story_list, 0, 60)
        assert line.startswith("   2 outlets · 2 articles · 2d")
        #            15 Nov ... 24 Nov   25    26 Nov ... 28 Nov
        assert line.endswith("▁" * 9 + "█" + "▁" + "█" + "▁" * 2)
        assert story_list.days == {border.id: [0] * 9 + [1, 0, 1, 0, 0]}
        # too narrow for both: the words are kept, the picture goes
        assert drawn(story_list, 0, 36).rstrip() == "   2 outlets · 2 articles · 2d"
    store.close()


async def test_compare_s_timeline_draws_its_articles_per_day(demo_app: BylineApp) -> None:
    async with demo_app.run_test(size=(120, 40)) as pilot:
        store = demo_app.state.store
        border = next(s.id for s in store.stories(min_outlets=2) if "Azerbaijan" in s.headline)
        demo_app.push_screen(CompareScreen(demo_app.state, border))
        await pilot.pause()
        await demo_app.workers.wait_for_complete()
        await pilot.pause()
        screen = demo_app.screen
        assert isinstance(screen, CompareScreen) and screen.comparison is not None
        entries = screen.query_one(CompareList).entries
        heading = next(i for i, e in enumerate(entries) if e.text == "Timeline")
        line = entries[heading + 1]
        assert line.style == "dim"
        days = Counter(item.article.time.astimezone(UTC).date() for item in screen.comparison.timeline)
        first, last = min(days), max(days)
        assert line.text.startswith(f"Articles a day, {first:%d %b} – {last:%d %b}: ")
        bars = line.text.rsplit(": ", 1)[1]
        assert len(bars) == (last - first).days + 1
        assert sum(bar != BARS[0] for bar in bars) == len(days) >= 2
        busiest = max(days, key=lambda d: days[d])
        assert bars[(busiest - first).days] == "█"


async def test_a_person_s_quotes_per_day_over_the_last_fourteen_days(demo_app: BylineApp) -> None:
    async with demo_app.run_test(size=(120, 40)) as pilot:
        store = demo_app.state.store
        speakers = Counter(hit.speaker for hit in store.quote_hits(None, None, 500) if hit.speaker)
        person = speakers.most_common(1)[0][0]
        demo_app.push_screen(PersonQuotesScreen(store, None, person))
        for _ in range(100):
            await demo_app.workers.wait_for_complete()
            await pilot.pause(0.05)
            if demo_app.screen.hits:
                break
        screen = demo_app.screen
        assert isinstance(screen, PersonQuotesScreen) and screen.hits
        text = str(screen.query_one("#type-ahead-count", Static).render())
        assert "quotes a day, last 14 days (15 Nov – 28 Nov): " in text
        bars = text.rsplit(": ", 1)[1]
        days = {hit.time.astimezone(UTC).date() for hit in screen.hits}
        assert len(bars) == 14
        assert [bar != BARS[0] for bar in bars] == [
            date(2026, 11, day) in days for day in range(15, 29)]
