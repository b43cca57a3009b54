"""E on a feed edits its [[feeds]] entry where it stands (bug 9): on the offline demo, a tag
added to Caucasus Ledger changes only its tags line; the entry keeps its place, its comment and
its relative url."""

from __future__ import annotations

from pathlib import Path

from byline_demo import copy_seeds
from textual.widgets import Input, Static

from tui.app import make_app
from tui.config import load_config
from tui.core.store import Store
from tui.screens.feed_dialog import FeedEditor
from tui.widgets.feed_list import FeedList

LEDGER_TAGS = 'tags = ["caucasus", "central-asia", "demo"]'


async def test_a_tag_added_with_e_changes_only_the_tags_line(tmp_path: Path) -> None:
    path = copy_seeds(tmp_path / "seeds")
    original = path.read_text(encoding="utf-8")
    config = load_config(path, str(tmp_path / "cache"))
    store = Store(config.db_path)
    app = make_app(config, store)
    async with app.run_test(size=(140, 40)) as pilot:
        feeds = app.screen.query_one(FeedList)
        feeds.focus()
        feeds.select_key(next(key for key, choice in feeds.choices.items()
                              if choice.title == "Caucasus Ledger"))
        await pilot.pause()
        await pilot.press("E")
        await pilot.pause()
        tags = app.screen.query_one("#feed-tags", Input)
        assert app.screen.query_one("#feed-url", Input).value.startswith("file:///")
        tags.value += ", ledger"
        await pilot.press("enter")
        await pilot.pause()
        assert not app.screen.query("#feed-tags")  # the editor closed: saved
    store.close()
    assert path.read_text(encoding="utf-8") == original.replace(
        LEDGER_TAGS, LEDGER_TAGS[:-1] + ', "ledger"]')


async def test_a_url_already_subscribed_keeps_the_add_dialog_open_with_the_error(
        tmp_path: Path) -> None:
    path = copy_seeds(tmp_path / "seeds")
    original = path.read_text(encoding="utf-8")
    config = load_config(path, str(tmp_path / "cache"))
    ledger = next(feed for feed in config.feeds if feed.name == "Caucasus Ledger")
    store = Store(config.db_path)
    app = make_app(config, store)
    async with app.run_test(size=(140, 40)) as pilot:
        await pilot.press("a")
        await pilot.pause()
        editor = app.screen
        assert isinstance(editor, FeedEditor)
        editor.query_one("#feed-url", Input).value = ledger.url
        await pilot.press("enter")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert app.screen is editor  # still open: the next keys go to the dialog
        error = str(editor.query_one("#feed-error", Static).render())
        assert error.startswith("Not saved: ") and "already subscribed as 'Caucasus Ledger'" in error
        await pilot.press("escape")
        await pilot.pause()
        assert not isinstance(app.screen, FeedEditor)
    store.close()
    assert path.read_text(encoding="utf-8") == original
