"""The watchlist editor: a name and a query, the query checked as you type with the mistake
shown in place (a caret under the character), nothing saved until it reads."""

from __future__ import annotations

from dataclasses import dataclass

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, Static

from tui.core.query import QueryError, parse

QUERY_HELP = ('words, "phrases", feed: tag: speaker: actor: story: after: before: unread '
              "starred, AND OR NOT ( )")


@dataclass(frozen=True)
class WatchForm:
    """What the user entered; `original` names the watchlist being edited (None when new)."""

    name: str
    query: str
    original: str | None = None


def query_problem(text: str) -> tuple[str, int | None]:
    """("", None) when the query reads, else the message and the 0-based character."""
    try:
        parse(text)
    except QueryError as exc:
        return str(exc), exc.position
    return "", None


class WatchEditor(ModalScreen[WatchForm | None]):
    """New or edited watchlist; `taken` are the names of the others (case is ignored)."""

    DEFAULT_CSS = """
    WatchEditor { align: center middle; }
    WatchEditor > Vertical { width: 80; height: auto; border: round $accent;
                             background: $surface; padding: 1 2; }
    WatchEditor Input { margin-bottom: 1; }
    WatchEditor #watch-caret { color: $error; height: 1; padding: 0 3; }  /* under the text */
    WatchEditor #watch-error { color: $error; height: auto; }
    WatchEditor #watch-error.-ok { color: $success; }
    WatchEditor #watch-help { color: $text-muted; height: auto; }
    WatchEditor Horizontal { height: auto; align-horizontal: right; }
    """
    BINDINGS = [Binding("escape", "dismiss(None)", "Cancel", show=False)]

    def __init__(self, name: str = "", query: str = "", original: str | None = None,
                 taken: tuple[str, ...] = ()) -> None:
        super().__init__()
        self.initial = WatchForm(name, query, original)
        self.taken = {t.casefold() for t in taken}

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Label("Name (shown in the feed pane)")
            yield Input(self.initial.name, id="watch-name")
            yield Label("Query")
            yield Input(self.initial.query, placeholder='"CSTO" AND tag:caucasus',
                        id="watch-query")
            yield Static(Text(""), id="watch-caret")
            yield Static(Text(""), id="watch-error")
            yield Static(Text(QUERY_HELP), id="watch-help")
            with Horizontal():
                yield Button("Cancel", id="cancel")
                yield Button("Save", variant="primary", id="save")

    def on_mount(self) -> None:
        self.query_one(Vertical).border_title = ("Edit watchlist" if self.initial.original
                                                 else "New watchlist")
        self.check()

    @on(Input.Changed, "#watch-query")
    def check(self) -> bool:
        """Show whether the query reads; the caret points at the mistake."""
        text = self.query_one("#watch-query", Input).value
        caret = self.query_one("#watch-caret", Static)
        error = self.query_one("#watch-error", Static)
        if not text.strip():
            caret.update(Text(""))
            error.update(Text(""))
            return False
        message, position = query_problem(text)
        if position is None:
            caret.update(Text(""))
            error.update(Text("The query reads."))
            error.add_class("-ok")
            return True
        # The Input scrolls a long query; the caret is right while it fits (the message says
        # the character either way).
        caret.update(Text(" " * position + "^"))
        error.update(Text(f"Query: {message}"))
        error.remove_class("-ok")
        return False

    def _fail(self, message: str) -> None:
        error = self.query_one("#watch-error", Static)
        error.update(Text(message))
        error.remove_class("-ok")

    @on(Button.Pressed, "#cancel")
    def _cancel(self) -> None:
        self.dismiss(None)

    @on(Button.Pressed, "#save")
    @on(Input.Submitted)
    def _save(self) -> None:
        name = " ".join(self.query_one("#watch-name", Input).value.split())
        query = self.query_one("#watch-query", Input).value.strip()
        if not name:
            self._fail("A watchlist needs a name.")
            return
        if name.casefold() in self.taken:
            self._fail(f"There is already a watchlist named {name!r}.")
            return
        if not query:
            self._fail("A watchlist needs a query.")
            return
        if not self.check():
            return
        self.dismiss(WatchForm(name, query, self.initial.original))
