"""The Stories view: stories ranked by recency and breadth; open one to read every outlet's
version in time order, step between outlets with n/p, follow it with f."""

from __future__ import annotations

from dataclasses import replace

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.screen import Screen
from textual.widgets import Footer, OptionList, Static
from textual.widgets.option_list import Option

from tui import bindings
from tui.config import Config
from tui.core.models import StoryArticle, StoryInfo
from tui.core.store import Store
from tui.widgets.article_list import age
from tui.widgets.reader import Reader
from tui.widgets.vim_option_list import VimOptionList

STORY_LIMIT = 100
FIRST_SCREENFUL = 25


def story_prompt(info: StoryInfo) -> Text:
    text = Text("★ " if info.followed else "  ", style="yellow")
    text.append(info.headline, style="bold" if info.new_since_read else "")
    text.append(f"\n   {info.outlet_count} outlet(s) · {info.article_count} article(s) · "
                f"{age(info.last_updated)}", style="dim")
    if info.followed and info.new_since_read:
        text.append(f" · {info.new_since_read} new", style="bold yellow")
    return text


class StoriesScreen(Screen[None]):
    """Stories on the left, the open story's articles in the middle, the reader on the right."""

    BINDINGS = bindings.STORIES

    def __init__(self, config: Config, store: Store) -> None:
        super().__init__()
        self.config = config
        self.store = store
        self.min_outlets = 2
        self.items: list[StoryInfo] = []
        self.current: StoryInfo | None = None
        self.articles: list[StoryArticle] = []
        self.reading: int | None = None
        self._generation = 0

    def compose(self) -> ComposeResult:
        with Horizontal(id="story-panes"):
            yield VimOptionList(id="story-list", markup=False)
            with Vertical(id="story-detail"):
                yield VimOptionList(id="story-articles", markup=False)
                yield Static(Text(""), id="story-people")
            yield Reader(id="story-reader")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#story-list").border_title = "Stories"
        self.query_one("#story-detail").border_title = "Coverage"
        self.query_one("#story-reader").border_title = "Reader"
        self.reload()
        self.query_one("#story-list").focus()

    def reload(self) -> None:
        keep = self.current.id if self.current else None
        self.items = self.store.stories(min_outlets=self.min_outlets, limit=STORY_LIMIT)
        story_list = self.query_one("#story-list", OptionList)
        story_list.clear_options()
        index = next((i for i, s in enumerate(self.items) if s.id == keep), 0)
        # A screenful first, the rest once it is painted: each option is measured as it is
        # added, and nobody reads story 90 in the first 50 ms.
        first = max(FIRST_SCREENFUL, index + 1)
        story_list.add_options([Option(story_prompt(s)) for s in self.items[:first]])
        self._generation += 1
        if len(self.items) > first:
            rest = [Option(story_prompt(s)) for s in self.items[first:]]
            self.call_after_refresh(self._add_rest, self._generation, rest)
        story_list.border_title = (f"Stories ({len(self.items)}"
                                   f"{', 2+ outlets' if self.min_outlets > 1 else ''})")
        if self.items:
            story_list.highlighted = index

    def _add_rest(self, generation: int, rest: list[Option]) -> None:
        if generation == self._generation:  # not when a newer reload has rebuilt the list
            self.query_one("#story-list", OptionList).add_options(rest)

    @on(OptionList.OptionHighlighted, "#story-list")
    def _story_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        self.show_story(self.items[event.option_index])

    @on(OptionList.OptionSelected, "#story-list")
    def _story_selected(self, event: OptionList.OptionSelected) -> None:
        self.show_story(self.items[event.option_index])
        self.query_one("#story-articles").focus()

    def show_story(self, info: StoryInfo) -> None:
        self.current = info
        self.articles = self.store.story_articles(info.id)
        listing = self.query_one("#story-articles", OptionList)
        listing.clear_options()
        options = []
        for item in self.articles:
            text = Text(f"{item.time:%d %b %H:%M} ", style="dim")
            text.append(item.outlet, style="bold cyan")
            text.append("\n   ")
            text.append(item.title, style="" if item.read else "bold")
            options.append(Option(text))
        listing.add_options(options)  # one call: each add_option re-measures the whole list
        if self.articles:
            listing.highlighted = 0
        self.reading = None
        self.query_one("#story-detail").border_title = f"Coverage: {info.headline}"
        self.query_one("#story-people", Static).update(self._people(info.id))

    def _people(self, story_id: int) -> Text:
        """Who is quoted in the story, and by which outlets."""
        text = Text("Quoted in this story\n", style="bold")
        people = self.store.quoted_people(story_id)
        if not people:
            text.append("(no attributed quotes)", style="dim")
        for person in people:
            text.append(person.speaker, style="bold")
            text.append(f" ×{person.quotes} — {', '.join(person.outlets)}\n", style="dim")
        return text

    @on(OptionList.OptionSelected, "#story-articles")
    def _article_selected(self, event: OptionList.OptionSelected) -> None:
        self.read_article(event.option_index)

    def read_article(self, index: int) -> None:
        if not 0 <= index < len(self.articles):
            return
        article_id = self.articles[index].article_id
        article = self.store.article(article_id)
        if article is None:
            return
        if not article.read:
            self.store.set_read([article_id])
            article = replace(article, read=True)
        self.reading = index
        self.query_one("#story-articles", OptionList).highlighted = index
        self.query_one("#story-reader", Reader).show(article)
        if self.current is not None:
            self.store.mark_story_seen(self.current.id)

    def action_step_outlet(self, step: int) -> None:
        """The next article (in time order) from a different outlet than the one being read."""
        if not self.articles:
            return
        start = self.reading if self.reading is not None else -1
        outlet = self.articles[start].outlet if start >= 0 else None
        index = start + step
        while 0 <= index < len(self.articles):
            if self.articles[index].outlet != outlet:
                self.read_article(index)
                return
            index += step
        self.notify("No other outlet's version that way.", timeout=2)

    def action_follow(self) -> None:
        if self.current is None:
            return
        self.store.set_followed(self.current.id, not self.current.followed)
        self.notify(("Following: " if not self.current.followed else "Unfollowed: ")
                    + self.current.headline, markup=False, timeout=2)
        self.current = replace(self.current, followed=not self.current.followed)
        self.reload()

    def action_mark_story_read(self) -> None:
        if self.current is None:
            return
        changed = self.store.mark_story_read(self.current.id)
        self.notify(f"Marked {changed} article(s) of the story read.", timeout=2)
        self.show_story(self.current)

    def action_toggle_multi(self) -> None:
        self.min_outlets = 1 if self.min_outlets > 1 else 2
        self.reload()
