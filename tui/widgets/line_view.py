"""A scrolling widget drawn line by line: its own style worked out once per repaint, and a
content size that changes with a repaint, not a layout of the screen."""

from __future__ import annotations

from typing import Self

from rich.style import Style
from textual.geometry import Region, Size
from textual.scroll_view import ScrollView
from textual.widget import Widget


def _shows(overflow: str, needed: bool) -> bool:
    return overflow == "scroll" or (overflow == "auto" and needed)


class LineView(ScrollView):
    """Base of the lists and the reader. Subclasses draw in `render_line`, using `base_style()`
    under every line and `set_virtual_size()` when their content grows or shrinks."""

    _base_style: Style | None = None

    def base_style(self) -> Style:
        """The widget's own Rich style, worked out once per repaint instead of once per line
        (`rich_style` walks every ancestor's styles)."""
        if self._base_style is None:
            self._base_style = self.rich_style
        return self._base_style

    def refresh(self, *regions: Region, repaint: bool = True, layout: bool = False,
                recompose: bool = False) -> Self:
        if repaint:
            self._base_style = None  # as Textual forgets its own styles on a repaint
        return super().refresh(*regions, repaint=repaint, layout=layout, recompose=recompose)

    def notify_style_update(self) -> None:
        super().notify_style_update()
        self._base_style = None

    def set_virtual_size(self, size: Size) -> None:
        """Change the content size with a repaint of this widget. Setting `virtual_size` lays
        out the whole screen on every change; a layout is needed only when a scrollbar
        appears or goes."""
        if self.virtual_size == size:
            return
        self.set_reactive(Widget.virtual_size, size)
        if not self.container_size:
            self.refresh()  # not laid out yet: its first layout places the scrollbars
            return
        vertical, horizontal = self.scrollbars_for(size)
        if (vertical, horizontal) != self.scrollbars_enabled:
            # Shown or hidden before the layout, so that it makes room for them: one layout.
            if vertical != self.show_vertical_scrollbar:
                self.show_vertical_scrollbar = vertical
                self.vertical_scrollbar.display = vertical
            if horizontal != self.show_horizontal_scrollbar:
                self.show_horizontal_scrollbar = horizontal
                self.horizontal_scrollbar.display = horizontal
            self.refresh(layout=True)
            return
        width, height = self.container_size
        if vertical:
            bar = self.vertical_scrollbar
            bar.window_virtual_size = size.height
            bar.window_size = height - self.scrollbar_size_horizontal
        if horizontal:
            bar = self.horizontal_scrollbar
            bar.window_virtual_size = size.width
            bar.window_size = width - self.scrollbar_size_vertical
        self.scroll_x = min(self.scroll_x, self.max_scroll_x)
        self.scroll_y = min(self.scroll_y, self.max_scroll_y)
        self.refresh()

    def scrollbars_for(self, size: Size) -> tuple[bool, bool]:
        """(vertical, horizontal): the scrollbars content of this size needs in the current
        container, by the widget's `overflow` styles."""
        styles = self.styles
        width, height = self.container_size
        vertical = _shows(styles.overflow_y, size.height > height)
        horizontal = _shows(styles.overflow_x, size.width > width)
        # One bar takes room from the other direction.
        if vertical and not horizontal:
            horizontal = _shows(styles.overflow_x,
                                size.width > width - styles.scrollbar_size_vertical)
        if horizontal and not vertical:
            vertical = _shows(styles.overflow_y,
                              size.height > height - styles.scrollbar_size_horizontal)
        return vertical, horizontal
