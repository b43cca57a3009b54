"""A list that draws only what is on screen, with a cursor you can see focused or not."""

from __future__ import annotations

from dataclasses import dataclass

from rich.cells import cell_len, set_cell_size
from rich.segment import Segment
from rich.style import Style
from textual.events import Click
from textual.geometry import Region, Size
from textual.message import Message
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip

from tui import bindings

# The gutter mark beside the cursor row: visible even where a theme's blurred cursor is faint.
CURSOR_MARK = "▌"
ELLIPSIS = "…"


def fit(text: str, width: int) -> str:
    """Text padded or cut to exactly `width` cells, cut text ending in an ellipsis."""
    if width <= 0:
        return ""
    if cell_len(text) <= width:
        return set_cell_size(text, width)
    return set_cell_size(text, width - 1) + ELLIPSIS


class VirtualList(ScrollView, can_focus=True):
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

    # -- subclass hooks ----------------------------------------------------------------------
    def render_item_line(self, index: int, line: int, width: int) -> list[Segment]:
        """Segments for line `line` of item `index` (plain styles; the cursor is added here)."""
        raise NotImplementedError

    # -- content -----------------------------------------------------------------------------
    def set_count(self, count: int, cursor: int | None = None) -> None:
        """Change how many items there are; keep (or move) the cursor and redraw."""
        self.count = count
        self.virtual_size = Size(0, count * self.item_height)  # width: never a horizontal bar
        target = self.cursor if cursor is None else cursor
        self.cursor = min(max(target, 0), max(count - 1, 0))
        self.refresh()

    def style_of(self, name: str) -> Style:
        return self.get_component_rich_style(f"virtual-list--{name}", partial=True)

    # -- drawing -----------------------------------------------------------------------------
    def render_line(self, y: int) -> Strip:
        position = self.scroll_offset.y + y
        index, line = divmod(position, self.item_height)
        width = self.scrollable_content_region.width
        base = self.rich_style
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
        self.refresh()

    def on_resize(self) -> None:
        self.virtual_size = Size(0, self.count * self.item_height)

    # -- cursor ------------------------------------------------------------------------------
    def watch_cursor(self, _old: int, new: int) -> None:
        if self.count == 0:
            return
        clamped = min(max(new, 0), self.count - 1)
        if clamped != new:
            self.cursor = clamped
            return
        top = new * self.item_height
        self.scroll_to_region(Region(0, top, 1, self.item_height), animate=False, force=True)
        self.refresh()
        self.post_message(self.Highlighted(self, new))

    def _page(self) -> int:
        return max(self.size.height // self.item_height - 1, 1)

    def action_cursor_down(self) -> None:
        self.cursor = min(self.cursor + 1, max(self.count - 1, 0))

    def action_cursor_up(self) -> None:
        self.cursor = max(self.cursor - 1, 0)

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
        index = (self.scroll_offset.y + event.y) // self.item_height
        if 0 <= index < self.count:
            self.cursor = index
            self.action_select()
