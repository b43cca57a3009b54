"""The help screen: every key, generated from the bindings themselves."""

from __future__ import annotations

from rich.table import Table
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

from tui.bindings import display_keys, key_table


class HelpScreen(ModalScreen[None]):
    """A table of keys; escape, q or ? closes it."""

    BINDINGS = [Binding("escape,q,question_mark", "dismiss", "Close", show=False)]

    def __init__(self, overrides: dict[str, str]) -> None:
        super().__init__()
        self.overrides = overrides

    def compose(self) -> ComposeResult:
        table = Table(title="Byline keys", expand=True, show_edge=False)
        table.add_column("Where", style="dim")
        table.add_column("Keys", style="bold")
        table.add_column("Action")
        table.add_column("Binding id", style="dim")
        for info in key_table(self.overrides):
            table.add_row(info.scope, display_keys(info.keys), info.tooltip or info.description,
                          info.id or "")
        table.add_row("Global", "ctrl+p", "Command palette: jump to a feed, change theme", "")
        with VerticalScroll(id="help-body"):
            yield Static(table)
