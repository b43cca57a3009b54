"""The compare view: how each outlet covered one story, in turn, then who is quoted by whom, the
numbers that differ and a timeline; enter on a line opens its article at that place."""

from __future__ import annotations

import textwrap
from dataclasses import dataclass, replace
from datetime import UTC, datetime, timedelta

from rich.segment import Segment
from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.screen import Screen

from tui import bindings
from tui.core.sparkline import day_span, per_day, sparkline
from tui.core.stories.compare import Line, StoryComparison, compare_story
from tui.core.text import counted, labelled
from tui.screens import main_layout
from tui.state import ReadingState
from tui.widgets.key_bar import KeyBar
from tui.widgets.reader import Reader
from tui.widgets.virtual_list import VirtualList, fit

LONGEST_SPAN = 60  # days of the timeline's picture: a story that ran longer shows its last ones


@dataclass(frozen=True)
class Entry:
    """One logical line of the comparison: its text, how it is drawn, and where enter goes."""

    text: str
    style: str | None = None  # a VirtualList component name: strong, dim, accent, warning
    target: Line | None = None
    indent: int = 0
    kind: str = "quote"  # how the reader highlights the target: quote or mention
    outlet: str | None = None  # the outlet whose block this line starts


@dataclass(frozen=True)
class Row:
    """A screen row: part of an entry wrapped to the list's width."""

    entry: int
    text: str


def time_span(first: datetime, last: datetime) -> str:
    """"05 Feb 11:20 – 06 Feb 13:46", or one time when both are the same minute."""
    start, end = f"{first:%d %b %H:%M}", f"{last:%d %b %H:%M}"
    return start if start == end else f"{start} – {end}"


def activity(times: list[datetime]) -> str:
    """Articles per day from the story's first day to its last (its last LONGEST_SPAN days when
    it ran longer), as blocks with the days named."""
    last = max(times).astimezone(UTC).date()
    first = max(min(times).astimezone(UTC).date(), last - timedelta(days=LONGEST_SPAN - 1))
    return f"Articles a day, {day_span(first, last)}: {sparkline(per_day(times, first, last))}"


def entries_of(comparison: StoryComparison) -> list[Entry]:
    """The comparison as lines: outlets in turn, quoted people, differing numbers, the timeline."""
    story = comparison.story
    lines = [Entry(story.headline, "strong"),
             Entry(f"{counted(story.outlet_count, 'outlet')} · {counted(story.article_count, 'article')} · "
                   f"{time_span(story.first_seen, story.last_updated)}", "dim"),
             Entry("")]
    for outlet in comparison.outlets:
        lines.append(Entry(f"{outlet.outlet}: {outlet.headline}", "accent", outlet.lead_at,
                           outlet=outlet.outlet))
        lines.append(Entry(f"{time_span(outlet.first, outlet.last)} · "
                           f"{counted(len(outlet.articles), 'article')} · {counted(outlet.words, 'word')}", "dim",
                           indent=2))
        if outlet.lead:
            lines.append(Entry(f"Lead: {outlet.lead}", None, outlet.lead_at, indent=2))
        for actor in outlet.own_actors:
            lines.append(Entry(f"Only here: {actor.name} ({actor.kind})", None, actor.at, indent=2,
                               kind="mention"))
        for quote in outlet.own_quotes:
            lines.append(Entry(f"Only here: {labelled(quote.speaker, quote.text, quote.kind)}",
                               None, quote.at, indent=2))
        lines.append(Entry(""))
    lines.append(Entry("Who is quoted by whom", "strong"))
    if not comparison.quoted:
        lines.append(Entry("(no attributed quotes)", "dim", indent=2))
    for person in comparison.quoted:
        lines.append(Entry(f"{person.speaker} ×{person.quotes}: {', '.join(person.outlets)}",
                           indent=2))
    lines.append(Entry(""))
    lines.append(Entry("Numbers that differ", "strong"))
    if not comparison.differences:
        lines.append(Entry("(the outlets agree on every number they share)", "dim", indent=2))
    for difference in comparison.differences:
        lines.append(Entry(difference.thing, "warning", indent=2))
        for number in difference.numbers:
            lines.append(Entry(f"{number.outlet}: {number.text} — {number.sentence}", None,
                               number.at, indent=4, kind="mention"))
    lines.append(Entry(""))
    lines.append(Entry("Timeline", "strong"))
    if comparison.timeline:
        lines.append(Entry(activity([item.article.time for item in comparison.timeline]), "dim",
                           indent=2))
    for item in comparison.timeline:
        article = item.article
        added = "first report" if item.first else "later"
        lines.append(Entry(f"{article.time:%d %b %H:%M} {article.outlet}: {article.title} ({added})",
                           "strong" if item.first else None, article.lead_at, indent=2))
        for actor in item.new_actors:
            lines.append(Entry(f"+ {actor.name}", "dim", actor.at, indent=6, kind="mention"))
        for quote in item.new_quotes:
            lines.append(Entry(f"+ {labelled(quote.speaker, quote.text, quote.kind)}", "dim",
                               quote.at, indent=6))
        for number in item.new_numbers:
            lines.append(Entry(f"+ {number.text}: {number.sentence}", "dim", number.at, indent=6,
                               kind="mention"))
    return lines


class CompareList(VirtualList):
    """The comparison's lines, wrapped to the width; continuation rows keep their line's target."""

    DEFAULT_CSS = "CompareList { overflow-x: hidden; }"

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(item_height=1, id=id)
        self.entries: list[Entry] = []
        self.rows: list[Row] = []
        self._wrapped_at = 0

    def set_entries(self, entries: list[Entry], cursor_entry: int = 0) -> None:
        self.entries = entries
        self._wrap(self._text_width(), cursor_entry)

    def _text_width(self) -> int:
        """Cells for text: less the cursor gutter and the scrollbar (which long comparisons get)."""
        return self.size.width - 2

    def selectable(self, index: int) -> bool:
        """j and k move line by line of the comparison: blank lines and wrapped rows are passed."""
        row = self.rows[index]
        return bool(self.entries[row.entry].text) and (index == 0 or self.rows[index - 1].entry != row.entry)

    def entry_at_cursor(self) -> Entry | None:
        if not 0 <= self.cursor < len(self.rows):
            return None
        return self.entries[self.rows[self.cursor].entry]

    def _wrap(self, width: int, cursor_entry: int) -> None:
        width = max(width, 20)
        rows: list[Row] = []
        for number, entry in enumerate(self.entries):
            for part in textwrap.wrap(entry.text, max(width - entry.indent, 10), subsequent_indent="  ") or [""]:
                rows.append(Row(number, part))
        self.rows = rows
        self._wrapped_at = width
        first = next((i for i, row in enumerate(rows) if row.entry == cursor_entry), 0)
        self.set_count(len(rows), cursor=first)

    def on_resize(self) -> None:
        super().on_resize()
        width = self._text_width()
        if self.entries and width != self._wrapped_at:
            entry = self.rows[self.cursor].entry if self.rows else 0
            self._wrap(width, entry)

    def render_item_line(self, index: int, line: int, width: int) -> list[Segment]:
        row = self.rows[index]
        entry = self.entries[row.entry]
        indent = entry.indent
        style = self.style_of(entry.style) if entry.style else None
        return [Segment(" " * indent), Segment(fit(row.text, width - indent), style)]


class CompareScreen(Screen[None]):
    """One story across its outlets; enter opens the line's article beside the list."""

    BINDINGS = bindings.COMPARE
    DEFAULT_CSS = """
    CompareScreen #compare-panes { height: 1fr; }
    CompareScreen #compare-list, CompareScreen #compare-reader {
        height: 1fr; border: round $panel-lighten-2;
    }
    CompareScreen #compare-list:focus, CompareScreen #compare-reader:focus {
        border: round $accent;
    }
    CompareScreen #compare-reader { padding: 0 1; }
    """

    def __init__(self, state: ReadingState, story_id: int, article_id: int | None = None) -> None:
        super().__init__()
        self.state = state
        self.store = state.store
        self.story_id = story_id
        self.article_id = article_id
        self.comparison: StoryComparison | None = None
        self.reading = False

    def compose(self) -> ComposeResult:
        with Horizontal(id="compare-panes"):
            yield CompareList(id="compare-list")
            yield Reader(id="compare-reader")
        yield KeyBar()

    def on_mount(self) -> None:
        self.query_one(CompareList).border_title = "Compare: reading the outlets…"
        reader = self.query_one(Reader)
        reader.border_title = "Reader"
        settings = self.state.config.settings
        reader.set_text_width(settings.reader_width, centered=settings.reader_align == "center")
        self.arrange_panes()
        self.query_one(CompareList).focus()
        self.load()

    @work(thread=True, exclusive=True)
    def load(self) -> None:
        comparison = compare_story(self.store, self.story_id)
        self.app.call_from_thread(self.show_comparison, comparison)

    def show_comparison(self, comparison: StoryComparison | None) -> None:
        listing = self.query_one(CompareList)
        if comparison is None:
            listing.border_title = "Compare"
            listing.set_entries([Entry("This story is no longer in the cache.", "dim")])
            return
        self.comparison = comparison
        entries = entries_of(comparison)
        start = 0
        if self.article_id is not None:
            outlet = next((a.outlet for a in comparison.articles if a.article_id == self.article_id), None)
            start = next((i for i, e in enumerate(entries) if outlet and e.outlet == outlet), 0)
        listing.border_title = Text(f"Compare: {comparison.story.headline}")
        listing.set_entries(entries, cursor_entry=start)

    # -- layout ------------------------------------------------------------------------------
    def on_resize(self) -> None:
        self.arrange_panes()

    def arrange_panes(self) -> None:
        width = self.size.width
        if not self.reading:
            sizes = (width, 0)
        elif width < main_layout.SINGLE_PANE:
            sizes = (0, width)
        else:
            panes = main_layout.reading(width, reader_width=self.state.config.settings.reader_width,
                                        panel_toggled=True, list_wanted=True)
            sizes = (panes.articles, panes.reader)
        for widget, size in zip((self.query_one(CompareList), self.query_one(Reader)), sizes, strict=True):
            main_layout.set_width(widget, size)

    # -- actions -----------------------------------------------------------------------------
    @on(VirtualList.Selected, "#compare-list")
    def _line_selected(self, event: VirtualList.Selected) -> None:
        entry = self.query_one(CompareList).entry_at_cursor()
        if entry is not None and entry.target is not None:
            self.open_at(entry.target, entry.kind)

    def open_at(self, target: Line, kind: str) -> None:
        """Open the target's article in the reader, that place highlighted and in view."""
        article = self.store.article(target.article_id)
        if article is None:
            self.notify("That article is no longer in the cache.", timeout=2)
            return
        if not article.read:
            self.state.set_read([article.id], True)
            article = replace(article, read=True)
        reader = self.query_one(Reader)
        reader.show(article, highlights=((target.start, target.end, kind),))
        reader.scroll_to_offset(target.start)
        self.reading = True
        self.arrange_panes()

    def action_back(self) -> None:
        """esc: close the reader, then go back to where compare was opened."""
        if self.reading:
            self.reading = False
            self.arrange_panes()
            self.query_one(CompareList).focus()
            return
        self.app.pop_screen()

    def action_step_outlet(self, step: int) -> None:
        """Move to the next (or previous) outlet's block."""
        listing = self.query_one(CompareList)
        starts = [i for i, row in enumerate(listing.rows)
                  if listing.entries[row.entry].outlet is not None
                  and (i == 0 or listing.rows[i - 1].entry != row.entry)]
        ahead = [i for i in starts if (i > listing.cursor if step > 0 else i < listing.cursor)]
        if not ahead:
            self.notify("No other outlet that way.", timeout=2)
            return
        listing.cursor = ahead[0] if step > 0 else ahead[-1]

