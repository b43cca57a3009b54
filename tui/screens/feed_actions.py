"""Feed editing from the main screen: add, edit and remove feeds through small modals."""

from __future__ import annotations

from typing import TYPE_CHECKING

from tui.widgets.feed_list import FeedList

if TYPE_CHECKING:
    from tui.config import Config
    from tui.core.store import Store


class FeedEditingActions:
    """Mixed into MainScreen: the `a`, `E` and `D` actions, written back to feeds.toml."""

    config: Config
    store: Store

    def _selected_feed(self):  # type: ignore[no-untyped-def]
        choice = self.query_one(FeedList).highlighted_choice
        return choice.feed if choice is not None else None

    def action_add_feed(self) -> None:
        from tui.screens.feed_editor import FeedEditor

        self.app.push_screen(FeedEditor(), self._apply_feed_form)

    def action_edit_feed(self) -> None:
        from tui.screens.feed_editor import FeedEditor

        feed = self._selected_feed()
        if feed is None:
            self.notify("Select a feed in the feed list first.", severity="warning")
            return
        self.app.push_screen(FeedEditor(feed.name, feed.url, feed.tags, original=feed.url),
                             self._apply_feed_form)

    def action_remove_feed(self) -> None:
        from tui.screens.feed_editor import ConfirmScreen

        feed = self._selected_feed()
        if feed is None:
            self.notify("Select a feed in the feed list first.", severity="warning")
            return

        def confirmed(answer: bool | None) -> None:
            if answer:
                self._edit_config(lambda feeds: f"Removed {feeds.remove(feed.url).name}")

        self.app.push_screen(ConfirmScreen(f"Unsubscribe from {feed.name}? Its articles stay "
                                           "in the cache."), confirmed)

    def _apply_feed_form(self, form) -> None:  # type: ignore[no-untyped-def]
        if form is None:
            return
        from tui.core.feeds.subscriptions import Subscription

        def change(feeds):  # type: ignore[no-untyped-def]
            entry = Subscription.create(form.url, form.name or None, form.tags)
            if form.original is None:
                feeds.add(entry)
                return f"Added {entry.name}"
            feeds.remove(form.original)
            feeds.add(entry)
            return f"Saved {entry.name}"

        self._edit_config(change)

    def _edit_config(self, change) -> None:  # type: ignore[no-untyped-def]
        from tui.config_edit import EditError, edit_feeds

        try:
            message, config = edit_feeds(self.config, change)
        except EditError as exc:
            self.notify(str(exc), severity="error", markup=False, timeout=8)
            return
        self.config = config
        self.app.config = config  # type: ignore[attr-defined]
        self.store.sync_feeds((f.url, f.name, f.tags) for f in config.feeds)
        self.reload_feeds()
        self.notify(message, markup=False, timeout=3)
