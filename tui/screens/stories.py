"""The Stories view: stories ranked by recency and breadth; open one to read every outlet's
version in time order, step between outlets with n/p, follow it with f."""

from __future__ import annotations

from dataclasses import replace

from rich.segment import Segment
from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.reactive import Reactive
from textual.screen import Screen
from textual.widget import Widget

from tui import bindings
from tui.core.models import StoryArticle, StoryInfo
from tui.core.sparkline import RECENT_DAYS, day_span, recent_days, sparkline
from tui.core.text import counted
from tui.messages import ArticlesChanged, LibraryChanged, StoriesChanged
from tui.screens import main_layout
from tui.state import ReadingState
from tui.widgets import ages
from tui.widgets.ages import age
from tui.widgets.geometry import content_width
from tui.widgets.key_bar import KeyBar
from tui.widgets.reader import Reader
from tui.widgets.text_box import TextBox
from tui.widgets.virtual_list import VirtualList, fit

STORY_LIMIT = 500


def story_prompt(info: StoryInfo) -> Text:
    """Two lines: the headline, then breadth and age (kept for tests and the palette)."""
    text = Text("★ " if info.followed else "  ", style="yellow")
    text.append(info.headline, style="bold" if info.new_since_read else "")
    text.append(f"\n   {story_meta(info)}", style="dim")
    return text


def story_meta(info: StoryInfo) -> str:
    meta = f"{counted(info.outlet_count, 'outlet')} · {counted(info.article_count, 'article')} · " \
        f"{age(info.last_updated)}"
    if info.followed and info.new_since_read:
        meta += f" · {info.new_since_read} new"
    return meta


class StoryList(VirtualList):
    """Two lines per story: the headline (bold while it has news), then breadth and age, with
    its articles per day over the last 14 days at the right where the row has room."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(item_height=2, id=id)
        self.items: list[StoryInfo] = []
        self.days: dict[int, list[int]] = {}  # story id -> articles per day, last 14 days

    def set_items(self, items: list[StoryInfo], keep: int | None) -> None:
        self.items = items
        index = next((i for i, s in enumerate(items) if s.id == keep), 0)
        self.set_count(len(items), cursor=index)

    def render_item_line(self, index: int, line: int, width: int) -> list[Segment]:
        info = self.items[index]
        if line == 0:
            star = "★ " if info.followed else "  "
            style = self.style_of("strong") if info.new_since_read else None
            return [Segment(star, self.style_of("accent")),
                    Segment(fit(info.headline, width - 2), style)]
        meta = story_meta(info)
        bars = sparkline(self.days.get(info.id, [0] * RECENT_DAYS))
        if len(meta) + len(bars) + 5 > width:  # no room for both: the words are kept
            return [Segment("   " + fit(meta, width - 3), self.style_of("dim"))]
        gap = " " * (width - 3 - len(meta) - len(bars))
        return [Segment(f"   {meta}{gap}", self.style_of("dim")), Segment(bars, self.style_of("dim"))]


class CoverageList(VirtualList):
    """Two lines per article of a story: time and outlet, then the title (bold while unread)."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(item_height=2, id=id)
        self.articles: list[StoryArticle] = []

    def set_articles(self, articles: list[StoryArticle]) -> None:
        self.articles = articles
        self.set_count(len(articles), cursor=0)

    def render_item_line(self, index: int, line: int, width: int) -> list[Segment]:
        item = self.articles[index]
        if line == 0:
            when = f"{item.time:%d %b %H:%M} "
            return [Segment(when, self.style_of("dim")),
                    Segment(fit(item.outlet, width - len(when)), self.style_of("strong"))]
        style = self.style_of("dim") if item.read else self.style_of("strong")
        return [Segment("   " + fit(item.title, width - 3), style)]


class StoriesScreen(Screen[None]):
    """Stories and an open story's coverage while browsing; coverage and the reader while
    reading (esc goes back, then back to the feeds)."""

    BINDINGS = bindings.STORIES
    # As on the main screen: the widgets whose look depends on focus repaint themselves, so
    # Textual's whole-screen repaint on every focus move is not wanted.
    focused: Reactive[Widget | None] = Reactive(None, repaint=False)

    def __init__(self, state: ReadingState) -> None:
        super().__init__()
        self.state = state
        self.store = state.store
        self.min_outlets = 2
        self.current: StoryInfo | None = None
        self.reading: int | None = None

    @property
    def items(self) -> list[StoryInfo]:
        return self.query_one(StoryList).items

    @property
    def articles(self) -> list[StoryArticle]:
        return self.query_one(CoverageList).articles

    def compose(self) -> ComposeResult:
        with Horizontal(id="story-panes"):
            yield StoryList(id="story-list")
            with Vertical(id="story-detail"):
                yield CoverageList(id="story-articles")
                yield TextBox(id="story-people")
            yield Reader(id="story-reader")
        yield KeyBar()

    def on_mount(self) -> None:
        if not self.query("#story-list"):  # the app closed while this screen was built ahead
            return
        self.query_one("#story-list").border_title = "Stories"
        self.query_one("#story-detail").border_title = "Coverage"
        reader = self.query_one(Reader)
        reader.border_title = "Reader"
        settings = self.state.config.settings
        reader.set_text_width(settings.reader_width, centered=settings.reader_align == "center")
        if not self.is_active:  # built ahead of time: laid out with the stories in place
            self.reload()

    def on_screen_resume(self) -> None:
        """Opened (again: the screen is kept between uses): the stories as they are now."""
        self.reading = None
        self.reload()
        self.arrange_panes()
        self.query_one(StoryList).focus()

    # -- layout ------------------------------------------------------------------------------
    def on_resize(self) -> None:
        self.arrange_panes()

    def arrange_panes(self, coverage: bool | None = None) -> None:
        """Lay out the list, the coverage and the reader; ``coverage`` says which of the first two a narrow
        screen shows (by default the focused one: a focus asked for just now is not the focused one yet)."""
        width = self.size.width
        story_list, detail, reader = (self.query_one(StoryList), self.query_one("#story-detail"),
                                      self.query_one(Reader))
        if coverage is None:
            coverage = self.focused is self.query_one(CoverageList)
        if self.reading is None:
            if width < main_layout.SINGLE_PANE:
                sizes = (0, width, 0) if coverage else (width, 0, 0)
            else:
                sizes = (width // 2, width - width // 2, 0)
        else:
            panes = main_layout.reading(width, reader_width=self.state.config.settings.reader_width,
                                        panel_toggled=False, list_wanted=True,
                                        has_panel=False)
            sizes = (0, panes.articles, panes.reader)
        for widget, size in zip((story_list, detail, reader), sizes, strict=True):
            main_layout.set_width(widget, size)
        if sizes[2]:
            reader.expect_width(content_width(sizes[2], reader))

    def action_back(self) -> None:
        """esc: from the reader back to the stories, from the stories back to the feeds."""
        if self.reading is not None:
            self.reading = None
            self.arrange_panes(coverage=True)
            self.query_one(CoverageList).focus()
            return
        if self.size.width < main_layout.SINGLE_PANE and self.focused is self.query_one(
                CoverageList):
            self.query_one(StoryList).focus()
            self.arrange_panes(coverage=False)
            return
        self.app.pop_screen()

    # -- data --------------------------------------------------------------------------------
    def reload(self) -> None:
        keep = self.current.id if self.current else None
        items = self.store.stories(min_outlets=self.min_outlets, limit=STORY_LIMIT)
        story_list = self.query_one(StoryList)
        first, last = recent_days(ages.utc_now())
        story_list.days = self.store.story_days(first, last)
        story_list.border_subtitle = Text(f"▁▃█ articles a day, last {RECENT_DAYS} days "
                                          f"({day_span(first, last)})", style="dim")
        story_list.set_items(items, keep)
        story_list.border_title = (f"Stories ({len(items)}"
                                   f"{', 2+ outlets' if self.min_outlets > 1 else ''})")
        if items:
            self.show_story(items[story_list.cursor], keep_cursor=True)

    @on(LibraryChanged)
    def _library_changed(self) -> None:
        self.reload()

    @on(StoriesChanged)
    def _stories_changed(self, event: StoriesChanged) -> None:
        if event.followed is not None:  # followed stories are pinned first: the order changes
            self.reload()
            return
        story_list = self.query_one(StoryList)
        changed = [index for index, info in enumerate(story_list.items)
                   if info.id in event.story_ids and info.new_since_read]
        for index in changed:
            info = story_list.items[index]
            story_list.items[index] = replace(info, read_count=info.article_count)
        story_list.invalidate_items(changed)
        if self.current is not None and self.current.id in event.story_ids:
            self.current = replace(self.current, read_count=self.current.article_count)

    @on(ArticlesChanged)
    def _articles_changed(self, event: ArticlesChanged) -> None:
        if event.read is None or self.current is None:
            return
        coverage = self.query_one(CoverageList)
        coverage.articles = [replace(a, read=event.read) if a.article_id in event.article_ids
                             else a for a in coverage.articles]
        coverage.invalidate()

    @on(VirtualList.Highlighted, "#story-list")
    def _story_highlighted(self, event: VirtualList.Highlighted) -> None:
        info = self.items[event.index]
        if self.current is None or info != self.current:  # not shown already (by reload)
            self.show_story(info)

    @on(VirtualList.Selected, "#story-list")
    def _story_selected(self, event: VirtualList.Selected) -> None:
        self.show_story(self.items[event.index])
        self.query_one(CoverageList).focus()
        self.arrange_panes(coverage=True)

    def show_story(self, info: StoryInfo, *, keep_cursor: bool = False) -> None:
        same = self.current is not None and self.current.id == info.id
        self.current = info
        coverage = self.query_one(CoverageList)
        cursor = coverage.cursor
        coverage.set_articles(self.store.story_articles(info.id))
        if keep_cursor and same:
            coverage.cursor = min(cursor, max(coverage.count - 1, 0))
        else:
            self.reading = None if self.reading is not None and not same else self.reading
        self.query_one("#story-detail").border_title = Text(f"Coverage: {info.headline}")
        self.query_one("#story-people", TextBox).set_text(self._people(info.id))

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

    @on(VirtualList.Selected, "#story-articles")
    def _article_selected(self, event: VirtualList.Selected) -> None:
        self.read_article(event.index)

    def read_article(self, index: int) -> None:
        if not 0 <= index < len(self.articles):
            return
        article = self.store.article(self.articles[index].article_id)
        if article is None:
            return
        if not article.read:
            self.state.set_read([article.id], True)
            article = replace(article, read=True)
        self.reading = index
        self.query_one(CoverageList).cursor = index
        self.arrange_panes()
        reader = self.query_one(Reader)
        reader.show(article)
        reader.focus()
        if self.current is not None:
            self.state.story_seen(self.current.id)

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
        self.notify(("Following: " if not self.current.followed else "Unfollowed: ")
                    + self.current.headline, markup=False, timeout=2)
        self.current = replace(self.current, followed=not self.current.followed)
        self.state.set_story_followed(self.current.id, self.current.followed)

    def action_mark_story_read(self) -> None:
        if self.current is None:
            return
        changed = self.state.mark_story_read(self.current.id)
        self.notify(f"Marked {counted(changed, 'article')} of the story read"
                    f"{' (U undoes it)' if changed else ''}.", timeout=2)

    def action_undo(self) -> None:
        """U: take back the latest mark read, star or mute, as on the main screen."""
        done = self.state.undo()
        self.notify(f"Undone: {done}." if done else "Nothing to undo.", markup=False, timeout=3)

    def action_compare(self) -> None:
        """How each outlet covered the story under the cursor."""
        from tui.screens.compare import CompareScreen

        if self.current is not None:
            article = self.articles[self.reading].article_id if self.reading is not None else None
            self.app.push_screen(CompareScreen(self.state, self.current.id, article))

    def action_toggle_multi(self) -> None:
        self.min_outlets = 1 if self.min_outlets > 1 else 2
        self.reload()
