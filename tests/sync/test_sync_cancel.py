"""`c` cancels a sync as it cancels a refresh: against a slow server of the test's own (Miniflux's
REST API, every page of entries late), the sync stops at once, keeps every page it stored (with
its cursor, so the next sync goes on from there) and keeps the changes it had not sent."""

from __future__ import annotations

import time

from textual.widgets import Static

from sync.test_sync_cli import write_config
from sync.test_sync_faults import fake_miniflux
from sync.test_sync_miniflux import SETTINGS
from tui.app import make_app
from tui.config import load_config
from tui.core.store import Store
from tui.core.sync.engine import sync

ENTRIES = 5000  # ten pages of 500
PAGE_DELAY = 0.3


async def until(pilot, check, seconds: float = 30.0) -> None:
    for _ in range(int(seconds / 0.02)):
        if check():
            return
        await pilot.pause(0.02)
    raise AssertionError("timed out waiting")


def status(app) -> str:
    return str(app.screen.query_one("#status", Static).render())


async def test_c_cancels_a_sync(server, tmp_path, monkeypatch) -> None:
    monkeypatch.setenv("BYLINE_FAKE_PASSWORD", "x")
    account = fake_miniflux(server, entries=ENTRIES, delay=PAGE_DELAY)
    text = write_config(tmp_path, account).read_text().replace(
        "[settings]\n", "[settings]\nrefresh_minutes = 0\nfulltext = false\n")
    (tmp_path / "feeds.toml").write_text(text)
    config = load_config(tmp_path / "feeds.toml")
    store = Store(config.db_path)
    app = make_app(config, store)
    async with app.run_test(size=(140, 30)) as pilot:
        # Cancelled while pulling new items: the pages stored stay, with the cursor after them.
        await pilot.press("r")
        await until(pilot, lambda: store.count_articles() > 0)
        await pilot.press("c")
        pressed = time.monotonic()
        await until(pilot, lambda: not app.refreshing)
        assert time.monotonic() - pressed < 1.5, "the sync did not stop at once"
        stored = store.count_articles()
        assert 0 < stored < ENTRIES
        assert stored % 500 == 0  # whole pages only
        assert store.sync_value("miniflux.after") == str(stored)
        assert status(app) == f"Sync cancelled: {stored} new"
        assert store.sync_value("last_error") is None  # a cancel is no failure: no ! in the pane

        # Cancelled while sending a queued change (the server is asked for its state first):
        # the change stays queued.
        first = store.article_rows(limit=1)[0].id
        store.set_read([first])
        assert store.queued_count() == 1
        asked = len(server.asked)
        await pilot.press("r")
        await until(pilot, lambda: len(server.asked) > asked)
        await pilot.press("c")
        await until(pilot, lambda: not app.refreshing)
        assert store.queued_count() == 1
        assert status(app) == "Sync cancelled: 0 new; 1 change queued"
        assert store.count_articles() == stored
    # The next sync goes on where the first one stopped, and sends the change.
    summary = await sync(store, account, SETTINGS)
    assert summary.error is None and not summary.cancelled
    assert (summary.new, summary.sent, summary.queued) == (ENTRIES - stored, 1, 0)
    assert store.count_articles() == ENTRIES
    store.close()
