"""A virtual article list: only the rows on screen are read from the cache and drawn."""

from __future__ import annotations

from collections import OrderedDict
from dataclasses import dataclass
from datetime import UTC, datetime

from rich.cells import cell_len, set_cell_size
from rich.segment import Segment
from textual.events import Click
from textual.geometry import Region, Size
from textual.message import Message
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip

from tui import bindings
from tui.core.models import ArticleRow
from tui.core.store import ArticleFilter, Store

PAGE_SIZE = 100
MAX_CACHED_PAGES = 24


def age(when: datetime, now: datetime | None = None) -> str:
    """Compact age: 45s, 12m, 3h, 5d, 7w, 2y."""
    seconds = max(0, int(((now or datetime.now(UTC)) - when).total_seconds()))
    for unit, size in (("y", 365 * 86400), ("w", 7 * 86400), ("d", 86400), ("h", 3600),
                       ("m", 60)):
        if seconds >= size:
            return f"{seconds // size}{unit}"
    return f"{seconds}s"


class ArticleList(ScrollView, can_focus=True):
    """Articles of the current filter, newest first, loaded a page at a time."""

    BINDINGS = bindings.ARTICLE_LIST
    COMPONENT_CLASSES = {
        "article-list--cursor", "article-list--unread", "article-list--read",
        "article-list--meta", "article-list--badge",
    }
    DEFAULT_CSS = """
    ArticleList > .article-list--cursor { background: $accent 40%; }
    ArticleList:focus > .article-list--cursor { background: $accent; color: $text; }
    ArticleList > .article-list--unread { text-style: bold; }
    ArticleList > .article-list--read { color: $text-muted; }
    ArticleList > .article-list--meta { color: $text-muted; }
    ArticleList > .article-list--badge { color: $warning; text-style: bold; }
    """

    cursor: reactive[int] = reactive(0, always_update=True)

    @dataclass
    class Highlighted(Message):
        """The cursor moved to an article."""

        article_id: int

    @dataclass
    class Opened(Message):
        """The user asked to open an article."""

        article_id: int

    def __init__(self, store: Store, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.store = store
        self.filter = ArticleFilter()
        self.count = 0
        self._pages: OrderedDict[int, list[ArticleRow]] = OrderedDict()

    # -- data ----------------------------------------------------------------------------
    def show(self, flt: ArticleFilter, keep_article: int | None = None) -> None:
        """Switch to a filter; keep the cursor on `keep_article` when it is still listed."""
        self.filter = flt
        self.reload(keep_article)

    def reload(self, keep_article: int | None = None) -> None:
        self._pages.clear()
        self.count = self.store.count_articles(self.filter)
        self.virtual_size = Size(self.size.width, self.count)
        index = self.store.row_index(self.filter, keep_article) if keep_article else None
        self.cursor = index if index is not None else 0
        self.refresh()

    def row(self, index: int) -> ArticleRow | None:
        if not 0 <= index < self.count:
            return None
        page_number = index // PAGE_SIZE
        page = self._pages.get(page_number)
        if page is None:
            page = self.store.article_rows(self.filter, page_number * PAGE_SIZE, PAGE_SIZE)
            self._pages[page_number] = page
            while len(self._pages) > MAX_CACHED_PAGES:
                self._pages.popitem(last=False)
        else:
            self._pages.move_to_end(page_number)
        offset = index - page_number * PAGE_SIZE
        return page[offset] if offset < len(page) else None

    @property
    def current(self) -> ArticleRow | None:
        return self.row(self.cursor)

    def update_row(self, article_id: int, *, read: bool | None = None,
                   starred: bool | None = None) -> None:
        """Change a cached row in place after the store changed it (no reload, no jump)."""
        from dataclasses import replace

        for page in self._pages.values():
            for i, row in enumerate(page):
                if row.id == article_id:
                    page[i] = replace(row, read=row.read if read is None else read,
                                      starred=row.starred if starred is None else starred)
        self.refresh()

    # -- drawing -------------------------------------------------------------------------
    def render_line(self, y: int) -> Strip:
        index = self.scroll_offset.y + y
        width = self.scrollable_content_region.width
        row = self.row(index)
        if row is None:
            return Strip.blank(width, self.rich_style)
        return self._row_strip(row, index == self.cursor, width)

    def _row_strip(self, row: ArticleRow, selected: bool, width: int) -> Strip:
        base = self.rich_style
        title_style = self.get_component_rich_style(
            "article-list--unread" if not row.read else "article-list--read")
        meta_style = self.get_component_rich_style("article-list--meta")
        badge_style = self.get_component_rich_style("article-list--badge")
        mark = "●" if not row.read else " "
        star = "★" if row.starred else " "
        badge = f"+{row.story_outlets - 1} " if row.story_outlets > 1 else ""
        outlet_width = 16 if width >= 70 else 10
        right = f" {set_cell_size(row.feed_name, outlet_width)} {age(row.time):>4}"
        title_width = max(0, width - 4 - cell_len(badge) - cell_len(right))
        segments = [
            Segment(f" {mark}{star} ", base + title_style),
            Segment(badge, base + badge_style),
            Segment(set_cell_size(row.title, title_width), base + title_style),
            Segment(right, base + meta_style),
        ]
        strip = Strip(segments).adjust_cell_length(width, base)
        if selected:
            strip = strip.apply_style(self.get_component_rich_style("article-list--cursor"))
        return strip.simplify()

    # -- cursor --------------------------------------------------------------------------
    def watch_cursor(self, old: int, new: int) -> None:
        if self.count == 0:
            return
        clamped = min(max(new, 0), self.count - 1)
        if clamped != new:
            self.cursor = clamped
            return
        self.scroll_to_region(Region(0, new, 1, 1), animate=False, force=True)
        self.refresh()
        row = self.current
        if row is not None:
            self.post_message(self.Highlighted(row.id))

    def action_cursor_down(self) -> None:
        self.cursor = min(self.cursor + 1, max(self.count - 1, 0))

    def action_cursor_up(self) -> None:
        self.cursor = max(self.cursor - 1, 0)

    def action_page_down(self) -> None:
        self.cursor = min(self.cursor + max(self.size.height - 1, 1), max(self.count - 1, 0))

    def action_page_up(self) -> None:
        self.cursor = max(self.cursor - max(self.size.height - 1, 1), 0)

    def action_first(self) -> None:
        self.cursor = 0

    def action_last(self) -> None:
        self.cursor = max(self.count - 1, 0)

    def action_open(self) -> None:
        row = self.current
        if row is not None:
            self.post_message(self.Opened(row.id))

    def on_click(self, event: Click) -> None:
        index = self.scroll_offset.y + event.y
        if 0 <= index < self.count:
            self.cursor = index
            self.action_open()

    def on_resize(self) -> None:
        self.virtual_size = Size(self.size.width, self.count)
