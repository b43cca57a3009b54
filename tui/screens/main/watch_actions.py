"""The main screen's watchlist actions: new (W), edit (E) and delete (D) [[watch]] tables,
written back to feeds.toml and checked as a whole config first, like the feed actions."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from tui.screens.confirm_dialog import ConfirmScreen
from tui.screens.main.config_change import edit_config
from tui.screens.watch_dialog import WatchEditor, WatchForm

if TYPE_CHECKING:
    from tui.core.feeds.feeds_file import FeedsFile
    from tui.core.query import Node, SavedQuery
    from tui.state import ReadingState


class WatchActions:
    """New, edit and delete watchlists; `select_entry` moves the feed pane onto one (by its
    key) once the pane has re-read."""

    def __init__(self, state: ReadingState, select_entry: Callable[[str], None]) -> None:
        self.state = state
        self.select_entry = select_entry

    def _names(self, but: str | None = None) -> tuple[str, ...]:
        return tuple(w.name for w in self.state.config.watches
                     if but is None or w.name.casefold() != but.casefold())

    def matching(self, query: Node) -> int:
        """How many listed articles a query matches (what the watchlist will show)."""
        from tui.core.store import ArticleFilter

        return self.state.store.count_articles(ArticleFilter(query=query))

    def add(self) -> None:
        self.state.app.push_screen(WatchEditor(taken=self._names(), counter=self.matching),
                                    self._apply)

    def edit(self, watch: SavedQuery) -> None:
        editor = WatchEditor(watch.name, watch.text, original=watch.name,
                             taken=self._names(but=watch.name), counter=self.matching)
        self.state.app.push_screen(editor, self._apply)

    def remove(self, watch: SavedQuery) -> None:
        from tui.core.feeds.watch_tables import remove_watch

        def confirmed(answer: bool | None) -> None:
            if answer:
                def change(feeds: FeedsFile) -> str:
                    remove_watch(feeds, watch.name)
                    return f"Deleted the watchlist {watch.name}"

                edit_config(self.state, change)

        self.state.app.push_screen(ConfirmScreen(
            f"Delete the watchlist {watch.name!r} ({watch.text})? Its articles stay where "
            "they are."), confirmed)

    def _apply(self, form: WatchForm | None) -> None:
        from tui.core.feeds.watch_tables import add_watch, update_watch

        if form is None:
            return

        def change(feeds: FeedsFile) -> str:
            if form.original is None:
                add_watch(feeds, form.name, form.query)
                return f"Added the watchlist {form.name}"
            update_watch(feeds, form.original, form.name, form.query)
            return f"Saved the watchlist {form.name}"

        if edit_config(self.state, change) is not None:
            from tui.widgets.feed_list import watch_key

            self.select_entry(watch_key(form.name))
