"""Pane widths of the main screen, from the terminal's width and what the reader is doing.

Browsing (no article open): the feed pane and the article list share the width. Reading: the
reader's text column is at least MIN_TEXT wide; the side panel sits beside it only when both
fit, the list only when all three do. Below SINGLE_PANE columns, one pane at a time.
"""

from __future__ import annotations

from dataclasses import dataclass

from textual.css.scalar import Scalar
from textual.widget import Widget

SINGLE_PANE = 100  # narrower than this: one pane at a time, as in mutt and newsboat
MIN_TEXT = 60  # the reader's text column is never narrower (at SINGLE_PANE and above)
READER_CHROME = 5  # border, padding and scrollbar around the text column
MIN_LIST = 30
PANEL = 36
MIN_PANEL = 30
WIDE_PANEL = 44  # at WIDE and above
WIDE = 180
FEEDS_MIN, FEEDS_MAX = 22, 34


@dataclass(frozen=True)
class Panes:
    """Width of each pane; 0 hides it."""

    feeds: int = 0
    articles: int = 0
    reader: int = 0
    panel: int = 0


def feeds_width(longest_label: int, width: int) -> int:
    """Wide enough for the longest feed name and a four-digit count, within limits, and never
    more than a quarter of the screen: titles are what a reader scans."""
    return max(FEEDS_MIN, min(FEEDS_MAX, longest_label + 10, width // 4))


def browsing(width: int, *, feeds_toggled: bool, longest_label: int) -> Panes:
    """`feeds_toggled` (the feed pane key): hides the feed pane when wide, shows it instead of
    the list when narrow."""
    if width < SINGLE_PANE:
        return Panes(feeds=width) if feeds_toggled else Panes(articles=width)
    feeds = 0 if feeds_toggled else feeds_width(longest_label, width)
    return Panes(feeds=feeds, articles=width - feeds)


def reading(width: int, *, reader_width: int, panel_toggled: bool, list_wanted: bool,
            has_panel: bool = True) -> Panes:
    """`panel_toggled` (the side panel key): hides the panel when wide, shows it instead of the
    reader when narrow. Screens without a side panel say `has_panel=False`."""
    if width < SINGLE_PANE:
        return Panes(panel=width) if panel_toggled and has_panel else Panes(reader=width)
    panel_wanted = has_panel and not panel_toggled
    widest_reader = max(reader_width, MIN_TEXT) + READER_CHROME
    narrowest_reader = MIN_TEXT + READER_CHROME
    panel = (WIDE_PANEL if width >= WIDE else PANEL) if panel_wanted else 0
    panel = min(panel, width - narrowest_reader)  # a little narrower beside a full reader
    if panel < MIN_PANEL:
        panel = 0
    room_for_list = list_wanted and width - panel - narrowest_reader >= MIN_LIST
    if not room_for_list:
        return Panes(reader=width - panel, panel=panel)
    reader = min(widest_reader, width - panel - MIN_LIST)
    return Panes(articles=width - panel - reader, reader=reader, panel=panel)


def set_width(widget: Widget, width: int) -> None:
    """Show a pane at a width (0 hides it), touching its styles only when they change: each
    change costs a layout of the whole screen."""
    if widget.display != (width > 0):
        widget.display = width > 0
    if width and widget.styles.width != Scalar.from_number(width):
        widget.styles.width = width
