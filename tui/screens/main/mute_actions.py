"""The main screen's mute actions: new (X, filled in from what is in front of the reader: the
article's outlet, the highlighted feed or tag, an actor or a speaker), edit (E) and delete (D)
[[mute]] tables, written back to feeds.toml and checked as a whole config first, like the
watchlist actions."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from tui.core.query import Field, Node, describe, parse
from tui.core.store import ArticleFilter
from tui.core.text import counted
from tui.screens.confirm_dialog import ConfirmScreen
from tui.screens.main.config_change import edit_config
from tui.screens.mute_dialog import MuteEditor, MuteForm

if TYPE_CHECKING:
    from tui.core.feeds.feeds_file import FeedsFile
    from tui.core.models import Article
    from tui.state import ReadingState
    from tui.widgets.feed_list import FeedChoice


def field_query(name: str, value: str) -> str:
    """`feed:"Circuit Policy"`: a field written back as the query language reads it."""
    return describe(Field(name, value))  # type: ignore[arg-type]  # callers pass a field name


def suggestion(choice: FeedChoice | None, article: Article | None) -> str:
    """What X mutes when pressed here: the feed, tag or person highlighted in the feed pane
    (`choice`, when the pane has the focus), else the current article's outlet."""
    if choice is not None:
        if choice.feed is not None:
            return field_query("feed", choice.feed.name)
        if choice.key.startswith("tag:"):
            return field_query("tag", choice.key[4:])
        if choice.person is not None:
            return field_query("speaker", choice.person.name)
    return field_query("feed", article.feed_name) if article is not None else ""


class MuteActions:
    """New, edit and delete mutes; what each hides is counted as the query is typed.
    `select_entry` moves the feed pane onto an entry (by its key) once the pane has re-read,
    wanted for a new mute only while the pane has the focus (`feed_pane_focused`)."""

    def __init__(self, state: ReadingState, select_entry: Callable[[str], None],
                 feed_pane_focused: Callable[[], bool]) -> None:
        self.state = state
        self.select_entry = select_entry
        self.feed_pane_focused = feed_pane_focused

    def hidden_by(self, query: Node) -> int:
        """How many articles a mute's query catches (muted by it or another, shown or not)."""
        return self.state.store.count_articles(ArticleFilter(query=query, include_muted=True))

    def add(self, query: str = "") -> None:
        editor = MuteEditor(query=query, counter=self.hidden_by)
        self.state.app.push_screen(editor, self._apply)

    def edit(self, choice: FeedChoice) -> bool:
        """E on a mute in the feed pane; False when the choice is not a mute."""
        if choice.mute is None:
            return False
        editor = MuteEditor(choice.mute.name, choice.mute.text, index=choice.mute_index,
                            counter=self.hidden_by)
        self.state.app.push_screen(editor, self._apply)
        return True

    def remove(self, choice: FeedChoice) -> bool:
        """D on a mute in the feed pane (after asking); False when the choice is not a mute."""
        from tui.core.feeds.watch_tables import remove_mute

        mute, index = choice.mute, choice.mute_index
        if mute is None:
            return False

        def confirmed(answer: bool | None) -> None:
            if answer:
                def change(feeds: FeedsFile) -> str:
                    remove_mute(feeds, index, mute.text)
                    return f"Removed the mute {mute.name}: its articles show again"

                edit_config(self.state, change)

        label = mute.text if mute.name == mute.text else f"{mute.name} ({mute.text})"
        self.state.app.push_screen(ConfirmScreen(
            f"Remove the mute {label}? The {counted(choice.count, 'article')} it hides show again."),
            confirmed)
        return True

    def _unmute(self, index: int, query: str, label: str) -> None:
        from tui.core.feeds.watch_tables import remove_mute

        def change(feeds: FeedsFile) -> str:
            remove_mute(feeds, index, query)
            return f"Unmuted {label}: its articles show again"

        edit_config(self.state, change)

    def _apply(self, form: MuteForm | None) -> None:
        from tui.core.feeds.watch_tables import add_mute, update_mute

        if form is None:
            return
        hidden = self.hidden_by(parse(form.query))
        label = form.name or form.query

        def change(feeds: FeedsFile) -> str:
            if form.index is None:
                add_mute(feeds, form.name, form.query)
            else:
                update_mute(feeds, form.index, form.was, form.name, form.query)
            return f"Muted {label}: {counted(hidden, 'article')} hidden (M shows them)"

        config = edit_config(self.state, change)
        if config is None:
            return
        if form.index is None:  # a new mute: U removes it again
            added = len(config.mutes) - 1
            self.state.remember(f"Muted {label}", lambda: self._unmute(added, form.query, label))
        from tui.widgets.feed_list import mute_key

        if form.index is not None or self.feed_pane_focused():
            index = form.index if form.index is not None else len(config.mutes) - 1
            self.select_entry(mute_key(index))
