"""The Textual internals Byline takes, all behind `build_screen_ahead`, are there and still do
what it needs: on failure, the message names the installed Textual version, to compare with
the pin in pyproject.toml and `CHECKED_ON`."""

from __future__ import annotations

import inspect
from pathlib import Path

from feedserver import FeedServer, rss
from textual.app import App
from textual.screen import Screen

from tui.app import make_app
from tui.config import load_config
from tui.core.refresh import refresh
from tui.core.store import Store
from tui.screens.main import MainScreen
from tui.screens.stories import StoriesScreen, StoryList
from tui.widgets.textual_internals import (
    CHECKED_ON,
    INTERNALS,
    build_screen_ahead,
    textual_version,
)

WHERE = "tui/widgets/textual_internals.py"


def changed(what: str) -> str:
    return (f"Textual {textual_version()}: {what}; {WHERE} was checked on Textual "
            f"{', '.join(CHECKED_ON)} only (see the pin in pyproject.toml)")


def test_the_installed_textual_is_a_checked_one() -> None:
    minor = ".".join(textual_version().split(".")[:2])
    assert minor in CHECKED_ON, changed("not a version these internals were checked on")


def test_the_methods_are_there() -> None:
    for owner, name in INTERNALS:
        if name == "_layout_required":
            continue  # set on each screen: checked on one below
        assert callable(getattr(owner, name, None)), changed(f"{owner.__name__}.{name} is gone")
    parameters = list(inspect.signature(App._get_screen).parameters)
    assert parameters == ["self", "screen"], changed(f"App._get_screen takes {parameters}")
    parameters = list(inspect.signature(Screen._refresh_layout).parameters)
    assert parameters[:2] == ["self", "size"], changed(f"Screen._refresh_layout takes {parameters}")


async def test_a_screen_built_ahead_is_composed_and_laid_out_not_shown(tmp_path: Path) -> None:
    with FeedServer() as server:
        server.add("/daily", body=rss("Daily", [
            {"title": f"Story {n}", "guid": f"g{n}", "link": f"http://example.org/{n}",
             "description": "Text.", "pubDate": f"Mon, {10 + n:02d} Nov 2026 08:00:00 GMT"}
            for n in range(3)]))
        path = tmp_path / "feeds.toml"
        path.write_text("[settings]\nrefresh_minutes = 0\nfulltext = false\n"
                        f'[[feeds]]\nname = "Daily"\nurl = "{server.url("/daily")}"\n',
                        encoding="utf-8")
        config = load_config(path)
        store = Store(config.db_path)
        await refresh(store, config.feeds, config.settings)
    app = make_app(config, store)
    async with app.run_test(size=(160, 45)) as pilot:
        main = app.screen
        screen = StoriesScreen(app.state)
        app.install_screen(screen, "ahead")
        assert isinstance(getattr(screen, "_layout_required", None), bool), \
            changed("Screen._layout_required is gone")
        assert build_screen_ahead(app, screen, layout=True) == "composed"
        await pilot.pause()
        assert screen.is_running and screen.is_mounted, changed("App._get_screen starts no screen")
        assert screen.query_one(StoryList).size.width == 0  # mounted, not laid out yet
        assert build_screen_ahead(app, screen, layout=True) == "laid out"
        await pilot.pause()
        assert screen.query_one(StoryList).size.width > 0, \
            changed("Screen._refresh_layout lays out no screen that is not shown")
        # Laid out once, its widgets may ask for another layout, and then no more.
        for _ in range(4):
            if build_screen_ahead(app, screen, layout=False) is None:
                break
            await pilot.pause()
        else:
            raise AssertionError(changed("Screen._layout_required stays set after layouts"))
        assert app.screen is main and isinstance(main, MainScreen) and screen not in app.screen_stack
    store.close()
