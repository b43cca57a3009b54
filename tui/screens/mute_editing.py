"""Mute editing from the main screen: new (X, filled in from what is in front of the reader: the
article's outlet, the highlighted feed or tag, an actor or a speaker), edit (E) and delete (D)
[[mute]] tables, written back to feeds.toml and checked as a whole config first. A component of
the main screen, like watchlist editing."""

from __future__ import annotations

from typing import TYPE_CHECKING

from tui.core.query import Field, Node, SavedQuery, describe, parse
from tui.core.store import ArticleFilter
from tui.core.text import counted
from tui.screens.feed_editing import edit_config
from tui.screens.feed_editor import ConfirmScreen
from tui.screens.mute_editor import MuteEditor, MuteForm

if TYPE_CHECKING:
    from tui.core.feeds.feeds_file import FeedsFile
    from tui.screens.component_host import MuteEditingHost
    from tui.widgets.feed_list import FeedChoice


def field_query(name: str, value: str) -> str:
    """`feed:"Circuit Policy"`: a field written back as the query language reads it."""
    return describe(Field(name, value))  # type: ignore[arg-type]  # callers pass a field name


class MuteEditing:
    """New, edit and delete mutes; what each hides is counted as the query is typed."""

    def __init__(self, screen: MuteEditingHost) -> None:
        self.screen = screen

    def hidden_by(self, query: Node) -> int:
        """How many articles a mute's query catches (muted by it or another, shown or not)."""
        return self.screen.store.count_articles(ArticleFilter(query=query, include_muted=True))

    def counted(self) -> list[tuple[SavedQuery, int]]:
        """The mutes with what each hides, for the feed pane."""
        return [(mute, self.hidden_by(mute.query)) for mute in self.screen.config.mutes]

    def suggestion(self) -> str:
        """What X mutes when pressed here: the highlighted feed, tag or person in the feed pane
        when it has the focus, else the current article's outlet."""
        from tui.widgets.feed_list import FeedList

        feeds = self.screen.query_one(FeedList)
        choice = feeds.highlighted_choice if feeds.has_focus else None
        if choice is not None:
            if choice.feed is not None:
                return field_query("feed", choice.feed.name)
            if choice.key.startswith("tag:"):
                return field_query("tag", choice.key[4:])
            if choice.person is not None:
                return field_query("speaker", choice.person.name)
        article = self.screen.target_article()
        return field_query("feed", article.feed_name) if article is not None else ""

    def add(self, query: str = "") -> None:
        editor = MuteEditor(query=query, counter=self.hidden_by)
        self.screen.app.push_screen(editor, self._apply)

    def edit(self, choice: FeedChoice) -> bool:
        """E on a mute in the feed pane; False when the choice is not a mute."""
        if choice.mute is None:
            return False
        editor = MuteEditor(choice.mute.name, choice.mute.text, index=choice.mute_index,
                            counter=self.hidden_by)
        self.screen.app.push_screen(editor, self._apply)
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

                edit_config(self.screen, change)

        label = mute.text if mute.name == mute.text else f"{mute.name} ({mute.text})"
        self.screen.app.push_screen(ConfirmScreen(
            f"Remove the mute {label}? The {counted(choice.count, 'article')} it hides show again."),
            confirmed)
        return True

    def _unmute(self, index: int, query: str, label: str) -> None:
        from tui.core.feeds.watch_tables import remove_mute

        def change(feeds: FeedsFile) -> str:
            remove_mute(feeds, index, query)
            return f"Unmuted {label}: its articles show again"

        edit_config(self.screen, change)

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

        config = edit_config(self.screen, change)
        if config is None:
            return
        if form.index is None:  # a new mute: U removes it again
            added = len(config.mutes) - 1
            self.screen.state.remember(f"Muted {label}",
                                       lambda: self._unmute(added, form.query, label))
        from tui.widgets.feed_list import FeedList, mute_key

        feeds = self.screen.query_one(FeedList)
        if form.index is not None or feeds.has_focus:
            # After the feed pane has re-read (the change was broadcast before this runs).
            index = form.index if form.index is not None else len(config.mutes) - 1
            self.screen.call_later(feeds.select_key, mute_key(index))
