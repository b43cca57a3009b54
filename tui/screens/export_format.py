"""The export prompt of quote lookup: Markdown, CSV or JSON, one key each; enter takes the format
used last time."""

from __future__ import annotations

from pathlib import Path

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Static

from tui import bindings
from tui.core.text import counted

# The formats of tui/core/share/export.py, as the prompt offers them: key, name, what for.
CHOICES = (("m", "md", "Markdown", "a table to paste into notes"),
           ("c", "csv", "CSV", "for a spreadsheet"),
           ("j", "json", "JSON", "for a program"))
NAMES = {fmt: name for _, fmt, name, _ in CHOICES}


def home_relative(folder: str) -> str:
    """~/Documents/byline rather than /home/someone/Documents/byline."""
    home = str(Path.home())
    if folder == home or folder.startswith(home.rstrip("/") + "/"):
        return "~" + folder[len(home.rstrip("/")):]
    return folder


class ExportFormatScreen(ModalScreen[str | None]):
    """Ask which format to export `count` quotes in; returns "md", "csv", "json" or None."""

    DEFAULT_CSS = """
    ExportFormatScreen { align: center middle; }
    ExportFormatScreen > Vertical { width: 60; height: auto; border: round $accent;
                                    background: $surface; padding: 1 2; }
    ExportFormatScreen #export-where { color: $text-muted; margin-top: 1; }
    """
    BINDINGS = bindings.EXPORT_FORMAT

    def __init__(self, count: int, folder: str, last: str | None = None) -> None:
        super().__init__()
        self.count = count
        self.folder = folder
        self.repeat = last in NAMES  # enter repeats the last export's format, else Markdown
        self.last = last if last is not None and last in NAMES else "md"

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static(Text(f"Export {counted(self.count, 'quote')} as:"))
            lines = Text()
            for key, fmt, name, purpose in CHOICES:
                lines.append(f"\n  {key}  ", style="bold")
                lines.append(f"{name} (.{fmt})", style="bold" if fmt == self.last else "")
                lines.append(f"  {purpose}", style="dim")
            yield Static(lines, id="export-choices")
            yield Static(Text(f"into {home_relative(self.folder)}\n"
                              f"enter: {NAMES[self.last]}"
                              f"{' (as last time)' if self.repeat else ''}   esc: cancel"),
                         id="export-where")

    def on_mount(self) -> None:
        self.query_one(Vertical).border_title = "Export quotes"

    def action_choose(self, fmt: str) -> None:
        self.dismiss(fmt)

    def action_choose_last(self) -> None:
        self.dismiss(self.last)
