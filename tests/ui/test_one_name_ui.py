"""One person, one name in the real app (Pilot, issue 21 item 3): quote lookup finds a person by a
short form of their name and shows the one name; following from there follows the one name, and
People and their quotes gather every quote credited to any form of it."""

from __future__ import annotations

import asyncio
from pathlib import Path

from feedserver import rss

from tui.app import make_app
from tui.cli.main import main
from tui.config import load_config
from tui.core.store import Store
from tui.screens.person_quotes import PersonQuotesScreen
from tui.screens.quote_lookup import QuoteLookupScreen
from tui.widgets.feed_list import FeedList
from tui.widgets.side_panel import SidePanel

ITEMS = [
    ("Uma Thurman speaks out", "Actress Uma Thurman spoke out on Monday about the film. “I was angry for a "
     "long time,” Uma Thurman said in an interview. “It took me years to speak,” Thurman said."),
    ("Festival opens with a premiere", "The film festival opened on Friday. “The work is finished and I am "
     "proud of it,” Thurman told reporters at the premiere. The festival runs until Sunday."),
]


async def test_lookup_by_a_short_name_then_follow_gathers_every_quote(tmp_path: Path, server) -> None:  # type: ignore[no-untyped-def]
    items = [{"title": title, "guid": str(n), "link": f"http://127.0.0.1:9/{n}", "description": text,
              "pubDate": f"Mon, 0{n + 1} Dec 2026 10:00:00 GMT"} for n, (title, text) in enumerate(ITEMS)]
    server.add("/wire", body=rss("Wire", items))
    path = tmp_path / "feeds.toml"
    path.write_text(f'[settings]\nrefresh_minutes = 0\nfulltext = false\n'
                    f'[[feeds]]\nname = "Wire"\nurl = "{server.url("/wire")}"\n', "utf-8")
    assert await asyncio.to_thread(main, ["--config", str(path), "fetch", "-q"]) == 0
    config = load_config(path)
    store = Store(config.db_path)
    app = make_app(config, store)
    async with app.run_test(size=(150, 40)) as pilot:
        await pilot.press("Q")
        await pilot.press(*"Thurman")
        await pilot.pause(0.3)
        await app.workers.wait_for_complete()
        await pilot.pause()
        lookup = app.screen
        assert isinstance(lookup, QuoteLookupScreen)
        assert len(lookup.hits) == 3 and {h.speaker for h in lookup.hits} == {"Uma Thurman"}
        festival = next(h for h in lookup.hits if h.title.startswith("Festival"))
        lookup.query_one("#type-ahead-results").cursor = lookup.hits.index(festival)  # "Thurman told reporters"
        await pilot.press("ctrl+f")
        await pilot.pause()
        assert store.is_followed("Uma Thurman") and store.is_followed("Thurman")
        await pilot.press("escape")
        await pilot.pause()
        feeds = app.screen.query_one(FeedList)
        assert "person:Uma Thurman" in feeds.choices and "person:Thurman" not in feeds.choices

        feeds.focus()
        feeds.select_key("person:Uma Thurman")
        await pilot.press("enter")
        await pilot.pause(0.3)
        await app.workers.wait_for_complete()
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, PersonQuotesScreen)
        assert screen.TITLE_TEXT == "Quotes by Uma Thurman (also Thurman)"
        assert len(screen.hits) == 3

        await pilot.press("enter")      # the article: its side panel credits the one name too
        await pilot.pause()
        panel = app.screen.query_one(SidePanel)
        assert {q.speaker for q in panel.quotes} == {"Uma Thurman"}
    store.close()
