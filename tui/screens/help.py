"""The help screen: every key, generated from the bindings table, grouped by where it works."""

from __future__ import annotations

from dataclasses import dataclass

from rich.segment import Segment
from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import ModalScreen

from tui.bindings import display_keys, key_table
from tui.core.text import kind_word
from tui.widgets.virtual_list import VirtualList, fit

KEYS_WIDTH = 16
ID_WIDTH = 22
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
    """One line per key: keys, what it does, and the id to remap it in [keymap]."""

    def __init__(self, lines: list[HelpLine], *, id: str | None = None) -> None:
        super().__init__(item_height=1, id=id)
        self.lines = lines

    def on_mount(self) -> None:
        self.set_count(len(self.lines), cursor=1)
        self.call_after_refresh(self.scroll_home, animate=False)  # show the first heading too

    def render_item_line(self, index: int, line: int, width: int) -> list[Segment]:
        item = self.lines[index]
        if item.is_heading:
            return [Segment(fit(item.action, width), self.style_of("accent"))]
        id_width = ID_WIDTH if width >= 100 else 0   # ids are for [keymap] editors; descriptions come first
        action_width = max(width - KEYS_WIDTH - id_width - 2, 10)
        segments = [Segment(" " + fit(item.keys, KEYS_WIDTH - 1), self.style_of("strong")),
                    Segment(fit(item.action, action_width) + " ")]
        if id_width:
            segments.append(Segment(fit(item.binding_id, id_width), self.style_of("dim")))
        return segments

    def selectable(self, index: int) -> bool:
        return not self.lines[index].is_heading


class HelpScreen(ModalScreen[None]):
    """Every key; escape, q or ? closes it."""

    BINDINGS = [Binding("escape,q,question_mark", "dismiss", "Close", show=False)]
    DEFAULT_CSS = """
    HelpScreen { align: center middle; }
    HelpScreen HelpList { width: 90%; max-width: 120; height: 85%; border: round $accent; }
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
