"""The article list: one line per article, read from the cache a page at a time as it scrolls."""

from __future__ import annotations

import time
from collections import OrderedDict
from collections.abc import Collection
from dataclasses import replace

from rich.cells import cell_len
from rich.segment import Segment

from tui import bindings
from tui.core.models import ArticleRow
from tui.core.store import ArticleFilter, Store
from tui.widgets.ages import age
from tui.widgets.virtual_list import VirtualList, fit

PAGE_SIZE = 100
MAX_CACHED_PAGES = 24
BADGE_WIDTH = 4  # "+12 ": other outlets covering the same story
AGE_WIDTH = 4
OUTLET_MIN, OUTLET_MAX = 20, 32  # the outlet column of a list 110 columns wide and more


def outlet_width(width: int) -> int:
    """The outlet column: wide enough to tell outlets apart, never at the title's expense; a
    fifth of a wide list, so that long outlet names show whole where there is room."""
    if width >= 110:
        return min(max(width // 5, OUTLET_MIN), OUTLET_MAX)
    if width >= 70:
        return 16
    return 0 if width < 48 else 10


class ArticleList(VirtualList):
    """Articles of the current filter, newest first: unread bold with ●, starred ★, the story
    badge, then the title (cut with "…"), outlet and age in fixed columns."""

    BINDINGS = bindings.ARTICLE_LIST
    DEFAULT_CSS = """
    ArticleList > .virtual-list--dim { color: $text-muted; }
    """

    def __init__(self, store: Store, *, id: str | None = None) -> None:
        super().__init__(item_height=1, id=id)
        self.store = store
        self.filter = ArticleFilter()
        self._pages: OrderedDict[int, list[ArticleRow]] = OrderedDict()

    # -- data ----------------------------------------------------------------------------
    def show(self, flt: ArticleFilter, keep_article: int | None = None) -> None:
        """Switch to a filter; keep the cursor on `keep_article` when it is still listed."""
        self.filter = flt
        self.reload(keep_article)

    def reload(self, keep_article: int | None = None) -> None:
        """Re-read from the cache (after a refresh or an edit); the cursor stays on the same
        article when it is still listed, else at the same position."""
        self._pages.clear()
        index = self.store.row_index(self.filter, keep_article) if keep_article else None
        self.set_count(self.store.count_articles(self.filter),
                       cursor=index if index is not None else (self.cursor if keep_article else 0))

    def swap_in(self, flt: ArticleFilter, count: int, pages: dict[int, list[ArticleRow]],
                cursor: int) -> None:
        """Take a count and rows read elsewhere (a worker thread, while a refresh writes), so
        this thread does no reading to redraw."""
        self.filter = flt
        self._pages = OrderedDict(sorted(pages.items()))
        self.set_count(count, cursor=cursor)

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

    def update_rows(self, article_ids: Collection[int], *, read: bool | None = None,
                    starred: bool | None = None) -> None:
        """Change cached rows in place after the store changed them (no reload, no jump)."""
        wanted = set(article_ids)
        changed = []
        for number, page in self._pages.items():
            for i, row in enumerate(page):
                if row.id in wanted:
                    page[i] = replace(row, read=row.read if read is None else read,
                                      starred=row.starred if starred is None else starred)
                    changed.append(number * PAGE_SIZE + i)
        if len(changed) == len(wanted):
            self.invalidate_items(changed)  # the other rows are drawn from the cache as they are
        else:  # a row not in a cached page may still be drawn from the line cache
            self.invalidate()

    # -- drawing -------------------------------------------------------------------------
    def cache_salt(self) -> object:
        return int(time.time() // 60)  # ages ("12m") move on each minute

    def render_item_line(self, index: int, line: int, width: int) -> list[Segment]:
        row = self.row(index)
        if row is None:
            return []
        title_style = self.style_of("strong") if not row.read else self.style_of("dim")
        dim = self.style_of("dim")
        mark = "●" if not row.read else " "
        star = "★" if row.starred else " "
        badge = f"+{row.story_outlets - 1}" if row.story_outlets > 1 else ""
        outlets = outlet_width(width)
        right = (f" {fit(row.feed_name, outlets)}" if outlets else "") + \
            f" {age(row.time):>{AGE_WIDTH}} "
        title_width = max(width - 3 - BADGE_WIDTH - cell_len(right), 1)
        return [
            Segment(f"{mark}{star} ", title_style),
            Segment(f"{badge:<{BADGE_WIDTH - 1}} ", self.style_of("accent")),
            Segment(fit(row.title, title_width), title_style),
            Segment(right, dim),
        ]
