"""Names from feeds and articles shown in border titles are text, never Textual markup."""

from __future__ import annotations

from pathlib import Path

from feedserver import FeedServer, rss

from tui.app import make_app
from tui.config import load_config
from tui.core.refresh import refresh
from tui.core.store import Store

HOSTILE = "[bold]Daily[/bold] [@click=app.quit]x[/]"


def hostile_headlines(server: FeedServer, tmp_path: Path) -> Path:
    """Two outlets run the same story under a headline full of markup; one's name is markup too."""
    for path in ("/a", "/b"):
        server.add(path, body=rss("Feed", [{
            "title": f"{HOSTILE} Tavush border protocol signed by Karapetyan and Mammadli",
            "guid": f"{path}1", "link": f"http://example.org{path}/1",
            "description": "Anna Karapetyan and Elchin Mammadli signed the Tavush border protocol.",
            "pubDate": "Tue, 24 Nov 2026 10:00:00 GMT"}]))
    config_path = tmp_path / "feeds.toml"
    config_path.write_text(
        "[settings]\nrefresh_minutes = 0\nfulltext = false\n"
        f"[[feeds]]\nname = '{HOSTILE}'\nurl = \"{server.url('/a')}\"\n"
        f"[[feeds]]\nname = \"Wire\"\nurl = \"{server.url('/b')}\"\n", encoding="utf-8")
    return config_path


async def test_list_and_coverage_titles_show_names_as_written(tmp_path: Path, server: FeedServer) -> None:
    config = load_config(hostile_headlines(server, tmp_path))
    store = Store(config.db_path)
    await refresh(store, config.feeds, config.settings)
    app = make_app(config, store)
    async with app.run_test(size=(200, 40)) as pilot:
        await pilot.press("tab")  # the feed list: down to the hostile feed
        for _ in range(8):
            if app.screen.choice is not None and app.screen.choice.title == HOSTILE:
                break
            await pilot.press("j")
            await pilot.pause()
        assert app.screen.choice.title == HOSTILE
        await pilot.pause()
        shown = app.export_screenshot().replace("&#160;", " ")
        assert "[bold]Daily[/bold]" in shown and "[@click=app.quit]x[/]" in shown
        await pilot.press("S")
        await pilot.pause()
        shown = app.export_screenshot().replace("&#160;", " ")
        assert "Coverage: [bold]Daily[/bold]" in shown
        assert app.is_running
    store.close()
