"""Small modals: add or edit a feed (name, URL, tags), and confirm a removal."""

from __future__ import annotations

from dataclasses import dataclass

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, Static


@dataclass(frozen=True)
class FeedForm:
    """What the user entered; `original` names the feed being edited (None when adding)."""

    name: str
    url: str
    tags: tuple[str, ...]
    original: str | None = None


class FeedEditor(ModalScreen[FeedForm | None]):
    """Add a feed, or rename, retag and re-point an existing one."""

    DEFAULT_CSS = """
    FeedEditor > Vertical { width: 72; height: auto; border: round $accent;
                            background: $surface; padding: 1 2; }
    FeedEditor Input { margin-bottom: 1; }
    FeedEditor #feed-error { color: $error; height: auto; }
    FeedEditor Horizontal { height: auto; align-horizontal: right; }
    """
    BINDINGS = [Binding("escape", "dismiss(None)", "Cancel", show=False)]

    def __init__(self, name: str = "", url: str = "", tags: tuple[str, ...] = (),
                 original: str | None = None) -> None:
        super().__init__()
        self.initial = FeedForm(name, url, tags, original)

    def compose(self) -> ComposeResult:
        form = self.initial
        with Vertical():
            yield Label("Feed URL (http(s), file:// or a path)")
            yield Input(form.url, placeholder="https://example.org/feed.xml", id="feed-url")
            yield Label("Name (blank: the host name)")
            yield Input(form.name, id="feed-name")
            yield Label("Tags, separated by commas")
            yield Input(", ".join(form.tags), id="feed-tags")
            yield Static(Text(""), id="feed-error")
            with Horizontal():
                yield Button("Cancel", id="cancel")
                yield Button("Save", variant="primary", id="save")

    def on_mount(self) -> None:
        self.query_one(Vertical).border_title = "Edit feed" if self.initial.original else "Add feed"

    def show_error(self, message: str) -> None:
        self.query_one("#feed-error", Static).update(Text(message))

    @on(Button.Pressed, "#cancel")
    def _cancel(self) -> None:
        self.dismiss(None)

    @on(Button.Pressed, "#save")
    @on(Input.Submitted)
    def _save(self) -> None:
        url = self.query_one("#feed-url", Input).value.strip()
        if not url:
            self.show_error("A feed needs a URL.")
            return
        tags = tuple(t.strip() for t in self.query_one("#feed-tags", Input).value.split(",")
                     if t.strip())
        self.dismiss(FeedForm(self.query_one("#feed-name", Input).value.strip(), url, tags,
                              self.initial.original))


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
