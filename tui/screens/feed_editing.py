"""Feed editing from the main screen: add (after checking the URL), edit and remove feeds,
written back to feeds.toml. A component: the main screen owns it and delegates `a`, `E`, `D`."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from tui.core.feeds.subscriptions import Subscription
from tui.core.text import counted
from tui.screens.feed_editor import ConfirmScreen, FeedEditor, FeedForm

if TYPE_CHECKING:
    from tui.config import Config
    from tui.core.feeds.feeds_file import FeedsFile
    from tui.screens.main import MainScreen
    from tui.widgets.feed_list import FeedChoice


class FeedEditing:
    """Subscribe, edit and unsubscribe; every change is validated as a whole config first."""

    def __init__(self, screen: MainScreen) -> None:
        self.screen = screen

    def add(self) -> None:
        editor = FeedEditor(settings=self.screen.config.settings, base=self._config_dir(),
                            save=self._write)
        self.screen.app.push_screen(editor)

    def edit(self, choice: FeedChoice | None) -> None:
        feed = choice.feed if choice is not None else None
        if feed is None:
            self.screen.notify("Select a feed in the feed list first.", severity="warning")
            return
        editor = FeedEditor(feed.name, feed.url, feed.tags, original=feed.url,
                            settings=self.screen.config.settings, base=self._config_dir(),
                            save=self._write)
        self.screen.app.push_screen(editor)

    def remove(self, choice: FeedChoice | None) -> None:
        feed = choice.feed if choice is not None else None
        if feed is None:
            self.screen.notify("Select a feed in the feed list first.", severity="warning")
            return

        def confirmed(answer: bool | None) -> None:
            if answer:
                edit_config(self.screen, lambda feeds: f"Removed {feeds.remove(feed.url).name}")

        count = feed.article_count
        self.screen.app.push_screen(ConfirmScreen(
            f"Unsubscribe from {feed.name}? Its {counted(count, 'article')} stay in the cache: in All "
            "articles, search and stories (byline prune removes old ones)."), confirmed)

    def _config_dir(self) -> str | None:
        path = self.screen.config.path
        return str(path.resolve().parent) if path else None

    def _write(self, form: FeedForm) -> str:
        """Write the editor's form to feeds.toml; why it was refused ("" when written)."""
        names: list[str] = []
        refusals: list[str] = []

        def change(feeds: FeedsFile) -> str:
            entry = Subscription.create(form.url, form.name or None, form.tags)
            names.append(entry.name)
            if form.original is None:
                feeds.add(entry)
                return f"Added {entry.name}"
            return f"Saved {feeds.update(form.original, entry).name}"  # in place, comments kept

        saved = edit_config(self.screen, change, refused=refusals.append)
        if saved is not None and form.original != form.url:  # a new or re-pointed feed
            self.screen.state.request_refresh([f.url for f in saved.feeds if f.name in names])
        return refusals[0] if refusals else ""


def edit_config(screen: MainScreen, change: Callable[[FeedsFile], str], *,
                refused: Callable[[str], None] | None = None) -> Config | None:
    """Apply a change to feeds.toml (validated as a whole config first) and tell every view;
    a refusal is one line on screen (or given to `refused`, for a dialog to show) and nothing
    is written. Returns the new config."""
    from tui.config_edit import EditError, edit_feeds

    try:
        message, config = edit_feeds(screen.config, change)
    except EditError as exc:
        if refused is not None:
            refused(str(exc))
        else:
            screen.notify(str(exc), severity="error", markup=False, timeout=8)
        return None
    screen.state.config_changed(config)
    screen.notify(message, markup=False, timeout=3)
    return config
