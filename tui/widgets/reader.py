"""The reader: an article's header and text, wrapped to a readable column and drawn line by
line, so a 10,000-word article opens as fast as a short one. All text is inert (never markup)."""

from __future__ import annotations

import bisect
from urllib.parse import unquote, urlsplit

from rich.cells import cell_len
from rich.console import Console
from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual.cache import LRUCache
from textual.geometry import Size
from textual.strip import Strip

from tui import bindings
from tui.core.models import Article, TextStatus
from tui.core.text import counted, first_hit_offset
from tui.widgets.line_view import LineView

WORDS_PER_MINUTE = 230
PLACEHOLDER = "Select an article and press enter."
MIN_LAYOUT_WIDTH = 10  # narrower, the reader is hidden or not laid out yet
HIGHLIGHT_STYLES = {"quote": Style(reverse=True), "mention": Style(bold=True, underline=True),
                    "hit": Style(reverse=True)}

Highlights = tuple[tuple[int, int, str], ...]


def reading_stats(text: str) -> tuple[int, int]:
    words = len(text.split())
    return words, max(1, round(words / WORDS_PER_MINUTE)) if words else 0


def shown_link(url: str) -> str:
    """A link as the header shows it: web links whole, local files by name only (a path of
    this machine means nothing to a reader)."""
    parts = urlsplit(url)
    if parts.scheme.lower() == "file":
        return "local file: " + unquote(parts.path.rsplit("/", 1)[-1])
    return url


def header_text(article: Article, note: str | None = None, width: int = 0) -> Text:
    """The article's header as inert text; the link is cut to one line of `width` when given."""
    header = Text()
    header.append(article.title, style="bold")
    header.append("\n")
    meta = [article.feed_name]
    if article.author:
        meta.append(f"by {article.author}")
    meta.append(article.time.strftime("%a %d %b %Y %H:%M UTC"))
    words, minutes = reading_stats(article.text)
    meta.append(f"{counted(words, 'word')}, {minutes} min read")
    header.append(" · ".join(meta), style="italic")
    header.append("\n")
    if article.text_status is TextStatus.FULL:
        header.append(" FULL TEXT ", style="reverse green")
    elif article.text_status is TextStatus.PENDING:
        header.append(" SUMMARY · full text not fetched yet ", style="reverse yellow")
    else:
        reason = article.text_note or article.text_status.value
        header.append(f" SUMMARY ONLY: {reason} ", style="reverse yellow")
    if article.url:
        link = shown_link(article.url)
        status = header.plain.rsplit("\n", 1)[-1]
        if width and cell_len(status) + 2 + cell_len(link) > width:
            header.append("\n")
            link = link if cell_len(link) <= width else link[: max(width - 1, 1)] + "…"
        else:
            header.append("  ")
        header.append(link, style="underline dim")
    if note:
        header.append("\n")
        header.append(note, style="dim italic")
    return header


def wrap_offsets(text: str, width: int) -> list[tuple[int, int]]:
    """Greedy word wrap of plain text into (start, end) offsets per line, a blank line between
    paragraphs; words longer than the line are cut. Cheap enough for any article."""
    lines: list[tuple[int, int]] = []
    position = 0
    for paragraph in text.split("\n"):
        start_of_paragraph = position
        position += len(paragraph) + 1
        if not paragraph.strip():
            if lines and lines[-1] != (start_of_paragraph, start_of_paragraph):
                lines.append((start_of_paragraph, start_of_paragraph))
            continue
        if lines and lines[-1][0] != lines[-1][1]:
            lines.append((start_of_paragraph, start_of_paragraph))  # blank line between
        _wrap_paragraph(paragraph, start_of_paragraph, width, lines)
    return lines


def _wrap_paragraph(paragraph: str, offset: int, width: int,
                    lines: list[tuple[int, int]]) -> None:
    line_start: int | None = None
    line_end = 0
    used = 0
    index = 0
    size = len(paragraph)
    while index < size:
        while index < size and paragraph[index] == " ":
            index += 1
        if index >= size:
            break
        end = paragraph.find(" ", index)
        end = size if end < 0 else end
        word = paragraph[index:end]
        cells = cell_len(word)
        if line_start is not None and used + 1 + cells <= width:
            used += 1 + cells
            line_end = end
        else:
            if line_start is not None:
                lines.append((offset + line_start, offset + line_end))
            while cells > width:  # a word wider than the column: cut it
                cut = _cut(word, width)
                lines.append((offset + index, offset + index + cut))
                index += cut
                word = word[cut:]
                cells = cell_len(word)
            line_start, line_end, used = index, end, cells
        index = end
    if line_start is not None:
        lines.append((offset + line_start, offset + line_end))


def _cut(word: str, width: int) -> int:
    used = 0
    for position, char in enumerate(word):
        used += cell_len(char)
        if used > width:
            return max(position, 1)
    return len(word)


class Reader(LineView, can_focus=True):
    """Shows one article: its header, then the text in a column at most `text_width` wide."""

    BINDINGS = bindings.READER
    DEFAULT_CSS = """
    /* The scrollbar always shows: one appearing or going would move the text (and cost a
       layout of the screen) each time another article opens. */
    Reader { background: $surface; scrollbar-size-vertical: 1; overflow-y: scroll; }
    """

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.article: Article | None = None
        self.note: str | None = None
        self.highlights: Highlights = ()
        self.text_width = 84
        self.centered = False
        self._layout_width = -1
        self._expected_width = 0  # the text width once laid out, when known before that
        self._header: list[Strip] = []
        self._lines: list[tuple[int, int]] = []
        self._starts: list[int] = []
        self._pending_offset: int | None = None
        self._pending_context = 2  # lines shown above the pending offset's line
        self._strips: LRUCache[tuple[int, int, int], Strip] = LRUCache(1024)
        self._version = 0  # bumped whenever what a line shows may change

    def set_text_width(self, width: int, *, centered: bool = False) -> None:
        self.text_width = max(width, 20)
        self.centered = centered
        self._relayout()

    # -- content -----------------------------------------------------------------------------
    def show(self, article: Article, *, keep_scroll: bool = False, note: str | None = None,
             highlights: Highlights = ()) -> None:
        """Display an article; keep_scroll keeps the position when the same article is updated."""
        same = self.article is not None and self.article.id == article.id
        self.article = article
        self.note = note
        self.highlights = highlights
        self._relayout()
        if not (same and keep_scroll):
            self._pending_offset = None
            self.scroll_home(animate=False)

    def highlight(self, highlights: Highlights) -> None:
        """Redraw the text with these ranges highlighted (no ranges: plain)."""
        self.highlights = highlights
        self._version += 1
        self.refresh()

    def clear(self) -> None:
        self.article = None
        self._relayout()

    # -- layout ------------------------------------------------------------------------------
    def expect_width(self, width: int) -> None:
        """The width the text will have at the next layout. A reader never laid out yet (the
        first article opened) then wraps its text once, for that width, not for no width and
        again once its size is known."""
        self._expected_width = width

    def _available(self) -> int:
        width = self.scrollable_content_region.width
        if width < MIN_LAYOUT_WIDTH and self._expected_width >= MIN_LAYOUT_WIDTH:
            return self._expected_width
        return width

    def _column(self) -> tuple[int, int]:
        """(left margin, width) of the text column inside the pane."""
        available = max(self._available(), 1)
        width = min(self.text_width, available)
        margin = (available - width) // 2 if self.centered else 0
        return margin, width

    def _relayout(self) -> None:
        self._version += 1
        margin, width = self._column()
        self._layout_width = self._available()
        console = Console(width=width, legacy_windows=False, color_system=None)
        if self.article is None:
            header = Text(PLACEHOLDER, style="dim")
            self._lines = []
        else:
            header = header_text(self.article, self.note, width)
            text = self.article.text
            self._lines = wrap_offsets(text, width) if text else []
        self._header = [Strip(line) for line in console.render_lines(
            header, console.options.update_width(width), pad=False)] + [Strip([])]
        self._starts = [start for start, _ in self._lines]
        body = len(self._lines) if self._lines or self.article is None else 1
        self.set_virtual_size(Size(margin + width, len(self._header) + body))
        self.refresh()
        if self._pending_offset is not None:
            self.call_after_refresh(self._scroll_to_pending)

    def on_resize(self) -> None:
        if self._available() != self._layout_width:
            # Rewrapping moves every line: keep the words at the top where they were.
            top = self.top_offset() if self._pending_offset is None else None
            self._relayout()
            if top is not None:
                self._pending_offset, self._pending_context = top, 0
                self.call_after_refresh(self._scroll_to_pending)
        elif self._pending_offset is not None:  # wrapped already; waiting to be laid out
            self.call_after_refresh(self._scroll_to_pending)

    def render_line(self, y: int) -> Strip:
        index = self.scroll_offset.y + y
        full = self.scrollable_content_region.width
        key = (index, full, self._version)
        strip = self._strips.get(key)
        if strip is None:
            strip = self._strips[key] = self._draw_line(index, full)
        return strip

    def notify_style_update(self) -> None:
        super().notify_style_update()
        self._strips.clear()

    def _draw_line(self, index: int, full: int) -> Strip:
        margin, _width = self._column()
        base = self.base_style()
        if index < len(self._header):
            strip = self._header[index]
        else:
            strip = self._body_line(index - len(self._header), base)
        pad = [Segment(" " * margin, base)] if margin else []
        return Strip([*pad, *strip.apply_style(base)]).adjust_cell_length(full, base)

    def _body_line(self, number: int, base: Style) -> Strip:
        if self.article is None:
            return Strip([])
        if not self._lines:
            if number == 0:
                return Strip([Segment("(This article has no text in the feed.)",
                                      Style(dim=True))])
            return Strip([])
        if number >= len(self._lines):
            return Strip([])
        start, end = self._lines[number]
        text = self.article.text
        cuts = {start, end}
        for h_start, h_end, _ in self.highlights:
            if h_start < end and h_end > start:
                cuts.update(p for p in (h_start, h_end) if start < p < end)
        points = sorted(cuts)
        segments = []
        for left, right in zip(points, points[1:], strict=False):
            style = None
            for h_start, h_end, kind in self.highlights:
                if h_start <= left and right <= h_end:
                    style = HIGHLIGHT_STYLES.get(kind, Style(reverse=True))
            segments.append(Segment(text[left:right], style))
        return Strip(segments)

    # -- positions ---------------------------------------------------------------------------
    def line_of_offset(self, offset: int) -> int:
        """The display line (within the body) where a character offset of the text lands."""
        return max(bisect.bisect_right(self._starts, offset) - 1, 0)

    def scroll_to_offset(self, offset: int) -> None:
        """Bring the line holding a character offset near the top, once the reader has its
        width (it may have only just been shown)."""
        self._pending_offset, self._pending_context = offset, 2
        self.call_after_refresh(self._scroll_to_pending)

    def top_offset(self) -> int | None:
        """The character offset of the text at the top line, None while the header shows there."""
        number = round(self.scroll_y) - len(self._header)
        if self.article is None or not 0 <= number < len(self._lines):
            return None
        return self._lines[number][0]

    def _scroll_to_pending(self) -> None:
        if self._pending_offset is None or \
                self.scrollable_content_region.width < MIN_LAYOUT_WIDTH:
            return
        line = len(self._header) + self.line_of_offset(self._pending_offset)
        self._pending_offset = None
        self.scroll_to(y=max(line - self._pending_context, 0), animate=False, immediate=True)

    def scroll_to_text(self, query: str) -> None:
        """Scroll so the first word of the query found in the text is near the top."""
        if self.article is None:
            return
        offset = first_hit_offset(self.article.text, query)
        if offset is not None:
            self.scroll_to_offset(offset)

    def visible_text(self) -> str:
        """What the reader shows, as plain lines (for tests and copying)."""
        lines = ["".join(s.text for s in strip) for strip in self._header]
        if self.article is not None:
            lines += [self.article.text[a:b] for a, b in self._lines]
        return "\n".join(line.rstrip() for line in lines)
