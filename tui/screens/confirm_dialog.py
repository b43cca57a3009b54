"""The yes/no dialog: a question, y or enter confirms, n or escape declines."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Static


class ConfirmScreen(ModalScreen[bool]):
    """Ask a yes/no question; y/enter confirms, n/escape declines."""

    DEFAULT_CSS = """
    ConfirmScreen > Vertical { width: 64; height: auto; border: round $warning;
                               background: $surface; padding: 1 2; }
    """
    BINDINGS = [Binding("y,enter", "answer(True)", "Yes", show=False),
                Binding("n,escape", "answer(False)", "No", show=False)]

    def __init__(self, question: str) -> None:
        super().__init__()
        self.question = question

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static(Text(self.question))
            yield Static(Text("y: yes   n: no", style="dim"))

    def action_answer(self, answer: bool) -> None:
        self.dismiss(answer)
