"""The feed pane: All, Starred, tags and feeds with unread counts and error markers."""

from __future__ import annotations

from dataclasses import dataclass

from rich.cells import cell_len, set_cell_size
from rich.text import Text
from textual.message import Message
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from tui.core.models import FeedInfo
from tui.core.store import ArticleFilter
from tui.widgets.vim_option_list import VimOptionList


@dataclass(frozen=True)
class FeedChoice:
    """What selecting an entry of the feed pane shows."""

    key: str
    title: str
    filter: ArticleFilter
    feed: FeedInfo | None = None


class FeedList(VimOptionList):
    """Feeds grouped by tag, with an All entry on top; failing feeds are marked with '!'."""

    @dataclass
    class Chosen(Message):
        """The highlighted entry changed (selected: the user pressed enter or clicked it)."""

        choice: FeedChoice
        selected: bool = False

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id, markup=False)
        self.choices: dict[str, FeedChoice] = {}
        self.feeds: list[FeedInfo] = []
        self._prompts: list[object] = []
        self.total_unread = 0
        self.starred = 0

    def bump_unread(self, feed_id: int, delta: int) -> None:
        """One article changed its read state: adjust the counts without asking the cache."""
        from dataclasses import replace

        feeds = [replace(f, unread_count=max(f.unread_count + delta, 0)) if f.id == feed_id else f
                 for f in self.feeds]
        self.set_feeds(feeds, max(self.total_unread + delta, 0), self.starred)

    def set_feeds(self, feeds: list[FeedInfo], total_unread: int, starred: int) -> None:
        """Rebuild the entries, keeping the highlighted one."""
        keep = self.highlighted_choice.key if self.highlighted_choice else "all"
        self.feeds = feeds
        self.total_unread, self.starred = total_unread, starred
        width = max(self.size.width - 2, 18)
        choices = [
            FeedChoice("all", "All articles", ArticleFilter()),
            FeedChoice("stories", "Stories", ArticleFilter()),
            FeedChoice("starred", "Starred", ArticleFilter(starred_only=True)),
        ]
        options = [self._option("all", "All articles", total_unread, width),
                   self._option("stories", "◆ Stories (S)", 0, width),
                   self._option("starred", "★ Starred", starred, width, count_style="yellow")]
        for tag in sorted({t for f in feeds for t in f.tags}, key=str.casefold):
            unread = sum(f.unread_count for f in feeds if tag in f.tags)
            choices.append(FeedChoice(f"tag:{tag}", f"#{tag}", ArticleFilter(tag=tag)))
            options.append(self._option(f"tag:{tag}", f"#{tag}", unread, width))
        for feed in sorted(feeds, key=lambda f: f.name.casefold()):
            key = f"feed:{feed.id}"
            choices.append(FeedChoice(key, feed.name, ArticleFilter(feed_id=feed.id), feed))
            label = ("! " if feed.failing else "  ") + feed.name
            options.append(self._option(key, label, feed.unread_count, width,
                                        failing=feed.failing))
        if list(self.choices) == [c.key for c in choices] and self.option_count == len(options):
            self._update_in_place(choices, options)
            return
        self.choices = {c.key: c for c in choices}
        self._prompts = [option.prompt for option in options]
        with self.prevent(OptionList.OptionHighlighted):
            self.clear_options()
            self.add_options(options)
            index = next((i for i, c in enumerate(choices) if c.key == keep), 0)
            self.highlighted = index

    def _update_in_place(self, choices: list[FeedChoice], options: list[Option]) -> None:
        """Same entries as before (a read-state change): replace only the prompts that differ,
        instead of re-measuring hundreds of options."""
        self.choices = {c.key: c for c in choices}
        for index, option in enumerate(options):
            if self._prompts[index] != option.prompt:
                self._prompts[index] = option.prompt
                self.replace_option_prompt_at_index(index, option.prompt)

    @staticmethod
    def _option(key: str, label: str, count: int, width: int, *, failing: bool = False,
                count_style: str = "bold") -> Option:
        number = str(count) if count else ""
        name = set_cell_size(label, max(width - cell_len(number) - 1, 4))
        text = Text(name, style="red" if failing else "")
        text.append(" " + number, style=count_style)
        return Option(text, id=key)

    @property
    def highlighted_choice(self) -> FeedChoice | None:
        if self.highlighted is None or not self.option_count:
            return None
        option = self.get_option_at_index(self.highlighted)
        return self.choices.get(option.id or "")

    def select_key(self, key: str) -> None:
        for index in range(self.option_count):
            if self.get_option_at_index(index).id == key:
                self.highlighted = index
                return

    def on_option_list_option_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        event.stop()
        choice = self.highlighted_choice
        if choice is not None:
            self.post_message(self.Chosen(choice))

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        choice = self.highlighted_choice
        if choice is not None:
            self.post_message(self.Chosen(choice, selected=True))
            if choice.key != "stories":
                self.screen.focus_next()

