"""Refresh messages that arrive after the main screen has left (a refresh ending as you quit)."""

from __future__ import annotations

from pathlib import Path

from byline_demo import main_screen
from feedserver import FeedServer, rss

from tui.app import make_app
from tui.config import load_config
from tui.core.models import Progress
from tui.core.refresh import RefreshSummary
from tui.core.store import Store
from tui.messages import AnalysesStored, RefreshFinished, RefreshProgress


async def test_refresh_messages_after_quit_are_dropped_quietly(tmp_path: Path,
                                                              server: FeedServer) -> None:
    url = server.add("/feed", body=rss("News", [{"title": "One", "guid": "1",
                                                 "link": "http://example.org/1"}]))
    config_path = tmp_path / "feeds.toml"
    config_path.write_text(f'[settings]\nrefresh_minutes = 0\n[[feeds]]\nname = "News"\n'
                           f'url = "{url}"\n')
    config = load_config(config_path)
    store = Store(config.db_path)
    app = make_app(config, store)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert main_screen(app) is not None
    assert not app.screen_stack  # the stack is gone: what a late message meets
    # Each of these raised StopIteration when the main screen had left the stack.
    app.refreshing = True
    app._on_progress(RefreshProgress(Progress("pages", 3, 3)))
    app._on_articles_stored()
    app._on_analyses_stored(AnalysesStored(frozenset({1})))
    app._on_refresh_finished(RefreshFinished(RefreshSummary()))
    app._on_refresh_finished(RefreshFinished(None, "RuntimeError: boom"))
    assert app.refreshing is False
    store.close()
