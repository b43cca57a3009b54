"""Sizes worked out before Textual lays a widget out: a pane shown for the first time can then
fit its text to the width it is about to get, once, instead of to no width and again after."""

from __future__ import annotations

from textual.widget import Widget


def content_width(outer: int, *widgets: Widget) -> int:
    """The width left for text in the last of `widgets` (each inside the one before) when the
    first is laid out `outer` cells wide: borders, padding and always-shown vertical scrollbars
    taken off."""
    for widget in widgets:
        styles = widget.styles
        outer -= styles.gutter.width
        if styles.overflow_y == "scroll":
            outer -= styles.scrollbar_size_vertical
    return max(outer, 0)
