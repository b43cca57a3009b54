"""A list that draws only what is on screen, with a cursor you can see focused or not."""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable
from dataclasses import dataclass
from itertools import accumulate

from rich.cells import cell_len, set_cell_size
from rich.segment import Segment
from rich.style import Style
from textual.cache import LRUCache
from textual.events import Click
from textual.geometry import Region, Size
from textual.message import Message
from textual.reactive import reactive
from textual.strip import Strip

from tui import bindings
from tui.widgets.line_view import LineView

# The gutter mark beside the cursor row: visible even where a theme's blurred cursor is faint.
CURSOR_MARK = "▌"
STRIP_CACHE = 2048
ELLIPSIS = "…"


def fit(text: str, width: int) -> str:
    """Text padded or cut to exactly `width` cells, cut text ending in an ellipsis."""
    if width <= 0:
        return ""
    if cell_len(text) <= width:
        return set_cell_size(text, width)
    return set_cell_size(text, width - 1) + ELLIPSIS


class VirtualList(LineView, can_focus=True):
    """`count` items of `item_height` lines each; subclasses draw one item line at a time in
    `render_item_line`. Cost per frame is one screenful, whatever the count."""

    BINDINGS = bindings.VIRTUAL_LIST
    COMPONENT_CLASSES = {
        "virtual-list--cursor", "virtual-list--cursor-blurred", "virtual-list--mark",
        "virtual-list--dim", "virtual-list--strong", "virtual-list--accent",
        "virtual-list--error", "virtual-list--warning",
    }
    DEFAULT_CSS = """
    VirtualList { background: $surface; scrollbar-size-vertical: 1; }
    VirtualList > .virtual-list--cursor {
        background: $block-cursor-background; color: $block-cursor-foreground;
        text-style: $block-cursor-text-style;
    }
    VirtualList > .virtual-list--cursor-blurred {
        background: $block-cursor-blurred-background; color: $block-cursor-blurred-foreground;
        text-style: $block-cursor-blurred-text-style;
    }
    VirtualList > .virtual-list--mark { color: $accent; }
    VirtualList > .virtual-list--dim { color: $text-muted; }
    VirtualList > .virtual-list--strong { text-style: bold; }
    VirtualList > .virtual-list--accent { color: $warning; text-style: bold; }
    VirtualList > .virtual-list--error { color: $error; text-style: bold; }
    VirtualList > .virtual-list--warning { color: $warning; }
    """

    cursor: reactive[int] = reactive(0, always_update=True)

    @dataclass
    class Highlighted(Message):
        """The cursor moved."""

        list: VirtualList
        index: int

        @property
        def control(self) -> VirtualList:
            return self.list

    @dataclass
    class Selected(Message):
        """The user chose the item under the cursor (enter or a click)."""

        list: VirtualList
        index: int

        @property
        def control(self) -> VirtualList:
            return self.list

    def __init__(self, item_height: int = 1, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.item_height = item_height
        self.count = 0
        # With items of different heights: the first line of each item, and the total after.
        self._starts: list[int] | None = None
        # Drawn lines, kept until the content, the width, the focus or the styles change: a
        # repaint of the screen then costs a lookup per line.
        self._strips: LRUCache[tuple[object, ...], Strip] = LRUCache(STRIP_CACHE)
        self._version = 0
        self._item_versions: dict[int, int] = {}  # items drawn again since `_version` moved
        self._styles_changed = True
        self._style_signature: tuple[Style, ...] = ()

    # -- subclass hooks ----------------------------------------------------------------------
    def render_item_line(self, index: int, line: int, width: int) -> list[Segment]:
        """Segments for line `line` of item `index` (plain styles; the cursor is added here)."""
        raise NotImplementedError

    # -- content -----------------------------------------------------------------------------
    def set_count(self, count: int, cursor: int | None = None,
                  heights: list[int] | None = None) -> None:
        """Change how many items there are (and, when they differ, each one's height); keep
        (or move) the cursor and redraw."""
        self.count = count
        self._version += 1
        self._item_versions.clear()
        self._starts = None
        if heights is not None:
            self._starts = list(accumulate(heights, initial=0))
        self.set_virtual_size(Size(0, self._total_lines()))  # width 0: no horizontal bar
        target = self.cursor if cursor is None else cursor
        self.cursor = min(max(target, 0), max(count - 1, 0))
        self.refresh()

    def invalidate(self) -> None:
        """The items' content changed: draw them again."""
        self._version += 1
        self._item_versions.clear()
        self.refresh()

    def invalidate_items(self, indices: Iterable[int]) -> None:
        """These items' content changed: draw them again, and nothing else."""
        for index in indices:
            if 0 <= index < self.count:
                self._item_versions[index] = self._item_versions.get(index, 0) + 1
                self.refresh_lines(*self._span(index))

    def cache_salt(self) -> object:
        """Part of every drawn line's cache key: override when lines change with time."""
        return None

    def notify_style_update(self) -> None:
        super().notify_style_update()
        # Checked when next drawn: most updates (the focus moving in or out changes the
        # scrollbar's colours) change nothing a row shows, and drawing every row again would
        # double the cost of opening an article.
        self._styles_changed = True

    def _check_styles(self) -> None:
        """Forget the drawn lines when a style they are drawn with changed."""
        self._styles_changed = False
        names = sorted(self.COMPONENT_CLASSES)
        signature = (self.base_style(), *(self.get_component_rich_style(name, partial=True)
                                          for name in names),
                     *(self.get_component_rich_style(name) for name in names))
        if signature != self._style_signature:
            self._style_signature = signature
            self._strips.clear()

    def _total_lines(self) -> int:
        return self._starts[-1] if self._starts else self.count * self.item_height

    def _item_at(self, position: int) -> tuple[int, int]:
        """(item, line within it) at a line of the whole list."""
        if self._starts is None:
            return divmod(position, self.item_height)
        index = bisect_right(self._starts, position) - 1
        return index, position - self._starts[max(index, 0)]

    def _span(self, index: int) -> tuple[int, int]:
        """(first line, height) of an item."""
        if self._starts is None:
            return index * self.item_height, self.item_height
        return self._starts[index], self._starts[index + 1] - self._starts[index]

    def style_of(self, name: str) -> Style:
        return self.get_component_rich_style(f"virtual-list--{name}", partial=True)

    # -- drawing -----------------------------------------------------------------------------
    def render_line(self, y: int) -> Strip:
        if self._styles_changed:
            self._check_styles()
        index, line = self._item_at(self.scroll_offset.y + y)
        width = self.scrollable_content_region.width
        # Only the cursor row looks different with the focus: 0 not the cursor, 1 the cursor
        # blurred, 2 the cursor focused.
        cursor = (1 + self.has_focus) if index == self.cursor else 0
        key = (index, line, width, cursor, self._version, self._item_versions.get(index, 0),
               self.cache_salt())
        strip = self._strips.get(key)
        if strip is None:
            strip = self._strips[key] = self._draw_line(index, line, width)
        return strip

    def _draw_line(self, index: int, line: int, width: int) -> Strip:
        base = self.base_style()
        if not 0 <= index < self.count or width < 2:
            return Strip.blank(width, base)
        selected = index == self.cursor
        segments = self.render_item_line(index, line, width - 1)
        gutter = Segment(CURSOR_MARK if selected else " ", base + self.style_of("mark"))
        strip = Strip([gutter, *(Segment(t, base + s if s else base) for t, s, _ in segments)])
        strip = strip.adjust_cell_length(width, base)
        if selected:
            # Laid over every segment (not under), so no row style can hide the cursor.
            # Not partial: the blurred cursor's translucent background is blended here.
            name = "cursor" if self.has_focus else "cursor-blurred"
            cursor = self.get_component_rich_style(f"virtual-list--{name}")
            gutter_cell, *rest = list(strip)
            strip = Strip([gutter_cell, *Segment.apply_style(rest, post_style=cursor)], width)
        return strip.simplify()

    def watch_has_focus(self, _focused: bool) -> None:
        if 0 <= self.cursor < self.count:
            self.refresh_lines(*self._span(self.cursor))  # only the cursor row changes

    def on_resize(self) -> None:
        self.set_virtual_size(Size(0, self._total_lines()))

    # -- cursor ------------------------------------------------------------------------------
    def watch_cursor(self, old: int, new: int) -> None:
        if self.count == 0:
            return
        clamped = min(max(new, 0), self.count - 1)
        if clamped != new:
            self.cursor = clamped
            return
        top, height = self._span(new)
        scrolled = self.scroll_offset.y
        self.scroll_to_region(Region(0, top, 1, height), animate=False, force=True)
        if self.scroll_offset.y == scrolled and 0 <= old < self.count:
            self.refresh_lines(*self._span(old))  # only the two rows that changed
            self.refresh_lines(top, height)
        else:
            self.refresh()
        self.post_message(self.Highlighted(self, new))

    def _page(self) -> int:
        average = self._total_lines() / self.count if self.count else self.item_height
        return max(int(self.size.height / max(average, 1)) - 1, 1)

    def selectable(self, index: int) -> bool:
        """Whether the cursor may rest on an item (headings say no)."""
        return True

    def _step(self, step: int) -> None:
        index = self.cursor + step
        while 0 <= index < self.count and not self.selectable(index):
            index += step
        if 0 <= index < self.count:
            self.cursor = index

    def action_cursor_down(self) -> None:
        self._step(1)

    def action_cursor_up(self) -> None:
        self._step(-1)

    def action_page_down(self) -> None:
        self.cursor = min(self.cursor + self._page(), max(self.count - 1, 0))

    def action_page_up(self) -> None:
        self.cursor = max(self.cursor - self._page(), 0)

    def action_first(self) -> None:
        self.cursor = 0

    def action_last(self) -> None:
        self.cursor = max(self.count - 1, 0)

    def action_select(self) -> None:
        if 0 <= self.cursor < self.count:
            self.post_message(self.Selected(self, self.cursor))

    def on_click(self, event: Click) -> None:
        offset = event.get_content_offset(self)  # inside the border and padding
        if offset is None:
            return
        index, _ = self._item_at(self.scroll_offset.y + offset.y)
        if 0 <= index < self.count:
            self.cursor = index
            self.action_select()
