"""The help screen: every key, generated from the bindings table, grouped by where it works."""

from __future__ import annotations

import textwrap
from dataclasses import dataclass

from rich.cells import cell_len
from rich.segment import Segment
from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import ModalScreen

from tui.bindings import display_keys, key_table
from tui.core.text import kind_word
from tui.widgets.virtual_list import VirtualList, fit

GAP = 2  # columns between keys, description and id
SHOW_IDS = 100  # narrower, the ids go: they are for [keymap] editors, descriptions come first
MIN_ACTION = 20
KIND_MEANINGS = {"direct": "Their own words, in quotation marks",
                 "partial": "A paraphrase holding a phrase of theirs in quotation marks",
                 "indirect": "A paraphrase of what they said, without quotation marks"}


@dataclass(frozen=True)
class HelpLine:
    """A scope heading (keys empty) or one binding."""

    keys: str
    action: str
    binding_id: str = ""

    @property
    def is_heading(self) -> bool:
        return not self.keys


def help_lines(overrides: dict[str, str]) -> list[HelpLine]:
    lines: list[HelpLine] = []
    scope = None
    for info in key_table(overrides):
        if info.scope != scope:
            scope = info.scope
            lines.append(HelpLine("", scope))
        lines.append(HelpLine(display_keys(info.keys), info.tooltip or info.description,
                              info.id or ""))
    lines.append(HelpLine("", "Anywhere"))
    lines.append(HelpLine("ctrl+p", "Command palette: jump to a feed, change the theme"))
    lines.append(HelpLine("", "Quote kinds (who said what)"))
    lines.extend(HelpLine(kind_word(kind), meaning) for kind, meaning in KIND_MEANINGS.items())
    return lines


class HelpList(VirtualList):
    """One binding per item: keys, what it does (wrapped, never cut), and the id to remap it
    in [keymap], each in its own column with a gap between."""

    def __init__(self, lines: list[HelpLine], *, id: str | None = None) -> None:
        super().__init__(item_height=1, id=id)
        self.lines = lines
        self.keys_width = max((cell_len(line.keys) for line in lines), default=0) + GAP
        self.id_width = max((cell_len(line.binding_id) for line in lines), default=0) + GAP
        self._wrapped: list[list[str]] = []
        self._wrapped_at = -1

    def on_mount(self) -> None:
        self._wrap(cursor=1)
        self.call_after_refresh(self.scroll_home, animate=False)  # show the first heading too

    def on_resize(self) -> None:
        if self._action_width() != self._wrapped_at:
            self._wrap()
        super().on_resize()

    def _columns(self) -> tuple[int, int]:
        """(id column, description column) widths: ids only where descriptions keep room."""
        width = self.scrollable_content_region.width - 2  # the cursor gutter, the indent
        id_width = self.id_width if width >= SHOW_IDS else 0
        return id_width, max(width - self.keys_width - id_width, MIN_ACTION)

    def _action_width(self) -> int:
        return self._columns()[1]

    def _wrap(self, cursor: int | None = None) -> None:
        width = self._wrapped_at = self._action_width()
        self._wrapped = [[line.action] if line.is_heading else
                         textwrap.wrap(line.action, width - GAP) or [""] for line in self.lines]
        self.set_count(len(self.lines), cursor=cursor, heights=[len(w) for w in self._wrapped])

    def render_item_line(self, index: int, line: int, width: int) -> list[Segment]:
        item = self.lines[index]
        if item.is_heading:
            return [Segment(fit(item.action, width), self.style_of("accent"))]
        id_width, action_width = self._columns()
        keys = item.keys if line == 0 else ""
        segments = [Segment(" " + fit(keys, self.keys_width), self.style_of("strong")),
                    Segment(fit(self._wrapped[index][line], action_width))]
        if id_width and line == 0:
            segments.append(Segment(fit(item.binding_id, id_width), self.style_of("dim")))
        return segments

    def selectable(self, index: int) -> bool:
        return not self.lines[index].is_heading


class HelpScreen(ModalScreen[None]):
    """Every key; escape, q or ? closes it."""

    BINDINGS = [Binding("escape,q,question_mark", "dismiss", "Close", show=False)]
    DEFAULT_CSS = """
    HelpScreen { align: center middle; }
    HelpScreen HelpList { width: 95%; max-width: 190; height: 90%; border: round $accent; }
    """

    def __init__(self, overrides: dict[str, str]) -> None:
        super().__init__()
        self.overrides = overrides

    def compose(self) -> ComposeResult:
        yield HelpList(help_lines(self.overrides), id="help-list")

    def on_mount(self) -> None:
        help_list = self.query_one(HelpList)
        help_list.border_title = "Byline keys (j/k to move, esc to close)"
        help_list.focus()
