"""The status line says what is current: unread articles, how long ago the last refresh was
and when the next comes, drawn again each minute; what a refresh brought is said once."""

from __future__ import annotations

from pathlib import Path

import pytest
from feedserver import FeedServer, rss
from textual.widgets import Static

from tui.app import BylineApp, make_app
from tui.config import load_config
from tui.core.store import Store
from tui.screens import refresh_status

TICK = 0.05


def items(count: int) -> list[dict[str, str]]:
    return [{"title": f"Item {n}", "guid": f"g{n}", "link": f"http://example.org/{n}",
             "description": f"Body {n}.", "pubDate": f"Mon, {10 + n:02d} Nov 2026 08:00:00 GMT"}
            for n in range(count)]


@pytest.fixture
def clock(monkeypatch: pytest.MonkeyPatch) -> list[float]:
    """The status line's wall clock, moved on by the test; its minute tick made short."""
    moment = [1_800_000_000.0]
    monkeypatch.setattr(refresh_status, "now", lambda: moment[0])
    monkeypatch.setattr(refresh_status, "TICK_SECONDS", TICK)
    return moment


def app_with(tmp_path: Path, server: FeedServer, minutes: int) -> tuple[BylineApp, Store]:
    url = server.add("/f", body=rss("F", items(3)))
    path = tmp_path / "feeds.toml"
    path.write_text(f"[settings]\nrefresh_minutes = {minutes}\nfulltext = false\n"
                    f'[[feeds]]\nname = "F"\nurl = "{url}"\n', encoding="utf-8")
    config = load_config(path)
    store = Store(config.db_path)
    return make_app(config, store), store


def status(app: BylineApp) -> str:
    return str(app.screen.query_one("#status", Static).render())


async def wait_for(pilot, check) -> None:  # type: ignore[no-untyped-def]
    for _ in range(200):
        if check():
            return
        await pilot.pause(TICK)
    raise AssertionError(f"timed out waiting: {status(pilot.app)!r}")


async def test_status_line_shows_unread_last_and_next_refresh(tmp_path, clock) -> None:  # type: ignore[no-untyped-def]
    with FeedServer() as server:
        app, store = app_with(tmp_path, server, minutes=30)
        async with app.run_test(size=(120, 30)) as pilot:
            await wait_for(pilot, lambda: status(app) == "3 new articles")  # the first refresh
            said = [n.message for n in app._notifications]  # run_test draws no toasts
            assert said.count("3 new articles") == 1  # said once
            await wait_for(pilot, lambda: status(app) != "3 new articles")  # once, then current
            assert status(app) == "3 unread · refreshed just now · next in 30 min"
            clock[0] += 5 * 60
            await wait_for(pilot, lambda: "5 min" in status(app))
            assert status(app) == "3 unread · refreshed 5 min ago · next in 25 min"
            await pilot.press("enter")  # reading one
            await wait_for(pilot, lambda: status(app).startswith("2 unread"))
            clock[0] += 3 * 3600
            await wait_for(pilot, lambda: "3 h ago" in status(app))
            assert status(app) == "2 unread · refreshed 3 h ago · next in 1 min"
            assert [n.message for n in app._notifications].count("3 new articles") <= 1
        store.close()


async def test_no_next_refresh_without_a_period(tmp_path, clock) -> None:  # type: ignore[no-untyped-def]
    with FeedServer() as server:
        app, store = app_with(tmp_path, server, minutes=0)
        async with app.run_test(size=(120, 30)) as pilot:
            await wait_for(pilot, lambda: status(app) == "3 new articles")
            await wait_for(pilot, lambda: status(app) != "3 new articles")
            assert status(app) == "3 unread · refreshed just now"
        store.close()
