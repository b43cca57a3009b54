"""The editor of a saved query (a watchlist here, a mute in mute_dialog.py): a name and a query,
the query checked as you type with the mistake shown in place (a caret under the character) and
how many articles it matches, nothing saved until it reads."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Generic, TypeVar

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, Static

from tui.core.query import Node, QueryError, parse
from tui.core.text import counted

QUERY_HELP = ('words, "phrases", feed: tag: speaker: actor: story: after: before: unread '
              "starred, AND OR NOT ( )")

FormT = TypeVar("FormT")
# How many articles a query matches (run in a worker thread: a count can take a moment).
Counter = Callable[[Node], int]


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


class QueryEditor(ModalScreen[FormT | None], Generic[FormT]):
    """A name and a query. Subclasses say what they edit (the words, whether a name is needed)
    and what a save returns."""

    DEFAULT_CSS = """
    QueryEditor { align: center middle; }
    QueryEditor > Vertical { width: 80; height: auto; border: round $accent;
                             background: $surface; padding: 1 2; }
    QueryEditor Input { margin-bottom: 1; }
    QueryEditor #query-caret { color: $error; height: 1; padding: 0 3; }  /* under the text */
    QueryEditor #query-error { color: $error; height: auto; }
    QueryEditor #query-error.-ok { color: $success; }
    QueryEditor #query-count { color: $text-muted; height: auto; }
    QueryEditor #query-help { color: $text-muted; height: auto; margin-top: 1; }
    QueryEditor Horizontal { height: auto; align-horizontal: right; }
    """
    BINDINGS = [Binding("escape", "dismiss(None)", "Cancel", show=False)]

    KIND = "query"
    NAME_LABEL = "Name"
    PLACEHOLDER = ""
    HELP = QUERY_HELP
    COUNT_WORDS = "{articles} match"

    def __init__(self, name: str = "", query: str = "", *, editing: bool = False,
                 counter: Counter | None = None) -> None:
        super().__init__()
        self.initial_name = name
        self.initial_query = query
        self.editing = editing
        self.counter = counter

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Label(self.NAME_LABEL)
            yield Input(self.initial_name, id="query-name")
            yield Label("Query")
            # Typing extends a filled-in query rather than replacing it.
            yield Input(self.initial_query, placeholder=self.PLACEHOLDER, id="query-text",
                        select_on_focus=False)
            yield Static(Text(""), id="query-caret")
            yield Static(Text(""), id="query-error")
            yield Static(Text(""), id="query-count")
            yield Static(Text(self.HELP), id="query-help")
            with Horizontal():
                yield Button("Cancel", id="cancel")
                yield Button("Save", variant="primary", id="save")

    def on_mount(self) -> None:
        self.query_one(Vertical).border_title = (f"Edit {self.KIND}" if self.editing
                                                 else f"New {self.KIND}")
        # Every editor starts in the query, what users type first; a missing name is asked for
        # when they save (and the name field focused then).
        self.query_one("#query-text", Input).focus()
        self.check()

    @on(Input.Changed, "#query-text")
    def check(self) -> bool:
        """Show whether the query reads; the caret points at the mistake."""
        text = self.query_one("#query-text", Input).value
        caret = self.query_one("#query-caret", Static)
        error = self.query_one("#query-error", Static)
        if not text.strip():
            caret.update(Text(""))
            error.update(Text(""))
            self.query_one("#query-count", Static).update(Text(""))
            return False
        message, position = query_problem(text)
        if position is None:
            caret.update(Text(""))
            error.update(Text("The query reads."))
            error.add_class("-ok")
            self._count(text)
            return True
        # The Input scrolls a long query; the caret is right while it fits (the message says
        # the character either way).
        caret.update(Text(" " * position + "^"))
        error.update(Text(f"Query: {message}"))
        error.remove_class("-ok")
        self.query_one("#query-count", Static).update(Text(""))
        return False

    def _count(self, text: str) -> None:
        if self.counter is not None:
            self.query_one("#query-count", Static).update(Text("Counting…"))
            self._count_in_thread(text)

    @work(thread=True, exclusive=True, group="query-count", exit_on_error=False)
    def _count_in_thread(self, text: str) -> None:
        assert self.counter is not None
        count = self.counter(parse(text))
        self.app.call_from_thread(self._show_count, text, count)

    def _show_count(self, text: str, count: int) -> None:
        if self.is_attached and self.query_one("#query-text", Input).value == text:
            self.query_one("#query-count", Static).update(
                Text(self.COUNT_WORDS.format(articles=counted(count, "article"))))

    def _fail(self, message: str) -> None:
        error = self.query_one("#query-error", Static)
        error.update(Text(message))
        error.remove_class("-ok")

    @on(Button.Pressed, "#cancel")
    def _cancel(self) -> None:
        self.dismiss(None)

    @on(Button.Pressed, "#save")
    @on(Input.Submitted)
    def _save(self) -> None:
        name = " ".join(self.query_one("#query-name", Input).value.split())
        query = self.query_one("#query-text", Input).value.strip()
        if not query:
            self._fail(f"A {self.KIND} needs a query.")
            return
        if not self.check():
            return
        problem = self.name_problem(name)  # asked for once the query, typed first, reads
        if problem:
            self._fail(problem)
            self.query_one("#query-name", Input).focus()
            return
        self.dismiss(self.form(name, query))

    def name_problem(self, name: str) -> str:
        """Why this name will not do ("" when it will)."""
        return ""

    def form(self, name: str, query: str) -> FormT:
        raise NotImplementedError


class WatchEditor(QueryEditor[WatchForm]):
    """New or edited watchlist; `taken` are the names of the others (case is ignored)."""

    KIND = "watchlist"
    NAME_LABEL = "Name (shown in the feed pane)"
    PLACEHOLDER = '"CSTO" AND tag:caucasus'

    def __init__(self, name: str = "", query: str = "", original: str | None = None,
                 taken: tuple[str, ...] = (), counter: Counter | None = None) -> None:
        super().__init__(name, query, editing=original is not None, counter=counter)
        self.original = original
        self.taken = {t.casefold() for t in taken}

    def name_problem(self, name: str) -> str:
        if not name:
            return "A watchlist needs a name."
        if name.casefold() in self.taken:
            return f"There is already a watchlist named {name!r}."
        return ""

    def form(self, name: str, query: str) -> WatchForm:
        return WatchForm(name, query, self.original)
