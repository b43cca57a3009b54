"""The type-ahead modal that search (/) and quote lookup (Q) share: type, results follow as
fast as the screen can paint (keystrokes that come faster are coalesced), enter chooses."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Generic, TypeVar

from rich.segment import Segment
from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Static

from tui import bindings
from tui.widgets.virtual_list import VirtualList

Hit = TypeVar("Hit")
Result = TypeVar("Result")

LineRenderer = Callable[[int, int, int], list[Segment]]


class ResultList(VirtualList):
    """Two lines per hit, drawn by the screen that owns the list."""

    def __init__(self, draw: LineRenderer, *, id: str | None = None) -> None:
        super().__init__(item_height=2, id=id)
        self.draw = draw

    def render_item_line(self, index: int, line: int, width: int) -> list[Segment]:
        return self.draw(index, line, width)


class TypeAheadScreen(ModalScreen[Result | None], Generic[Hit, Result]):
    """Subclasses say how to look up (in a worker thread), draw and choose a hit."""

    BINDINGS = bindings.TYPE_AHEAD
    DEFAULT_CSS = """
    TypeAheadScreen { align: center middle; }
    TypeAheadScreen > Vertical { width: 90%; height: 85%; border: round $accent;
                                 background: $surface; padding: 0 1; }
    TypeAheadScreen #type-ahead-count { height: 1; width: 1fr; color: $text-muted; }
    TypeAheadScreen ResultList { height: 1fr; }
    """
    TITLE_TEXT = "Look up"
    PLACEHOLDER = "Type…"
    LIMIT = 100

    def __init__(self, query: str = "") -> None:
        super().__init__()
        self.initial = query
        self.hits: list[Hit] = []
        self._lookup_running = False
        self._answered: str | None = None
        self._prompting = False  # a prompt of its own is open over it (the export format)
        self._covered = False  # another screen (the command palette) is over it, not closed

    # -- subclass hooks ----------------------------------------------------------------------
    def lookup(self, query: str) -> list[Hit]:
        raise NotImplementedError

    def draw_hit(self, hit: Hit, line: int, width: int, list_: ResultList) -> list[Segment]:
        raise NotImplementedError

    def result_for(self, hit: Hit, query: str) -> Result:
        raise NotImplementedError

    def count_label(self, query: str, hits: list[Hit]) -> str:
        more = "+" if len(hits) >= self.LIMIT else ""
        return f"{len(hits)}{more} {'result' if len(hits) == 1 and not more else 'results'}" if query.strip() else ""

    # -- the screen --------------------------------------------------------------------------
    def compose(self) -> ComposeResult:
        with Vertical():
            yield Input(value=self.initial, placeholder=self.PLACEHOLDER, id="type-ahead-input")
            yield Static(Text(""), id="type-ahead-count")
            yield ResultList(self._draw, id="type-ahead-results")

    def on_mount(self) -> None:
        if not self.query(Vertical):  # the app closed while this screen was built ahead
            return
        self.query_one(Vertical).border_title = self.TITLE_TEXT
        if not self.is_active:  # built ahead of time: laid out with its first results in place
            self._ask()

    def prompt(self, screen: ModalScreen[Any], callback: Callable[[Any], None]) -> None:
        """Ask something over the results; back from it, the query and results stay."""
        self._prompting = True
        self.app.push_screen(screen, callback)

    def on_screen_resume(self) -> None:
        """Opened (again: the screen is kept between uses): start from an empty query. Back
        from a prompt of its own, nothing changes."""
        if self._prompting or self._covered:
            self._prompting = self._covered = False
            return
        field = self.query_one("#type-ahead-input", Input)
        field.focus()
        if field.value:
            field.value = ""  # the change asks again
        else:
            self._ask()

    def on_screen_suspend(self) -> None:
        # Still on the stack: covered (ctrl+p), to come back to with its query; else closed.
        self._covered = self in self.app.screen_stack

    @property
    def query_text(self) -> str:
        return self.query_one("#type-ahead-input", Input).value

    def _draw(self, index: int, line: int, width: int) -> list[Segment]:
        if index >= len(self.hits):
            return []
        return self.draw_hit(self.hits[index], line, width, self.query_one(ResultList))

    @on(Input.Changed, "#type-ahead-input")
    def _changed(self) -> None:
        self._ask()

    def _ask(self) -> None:
        """Look up the current text, unless a lookup is running: then it is asked once that
        one lands, so a burst of keystrokes costs one lookup and one paint, not one each."""
        if not self._lookup_running:
            self._lookup_running = True
            query = self.query_text
            self.run_worker(lambda: self._lookup_thread(query), thread=True,
                            group="type-ahead", exit_on_error=False)

    def _lookup_thread(self, query: str) -> None:
        try:
            hits = self.lookup(query)
        except Exception:  # a failed lookup shows no results; the modal stays usable  # noqa: BLE001
            hits = []
        self.app.call_from_thread(self._show, query, hits)

    def _show(self, query: str, hits: list[Hit]) -> None:
        self._lookup_running = False
        self._answered = query
        self.hits = hits
        self.query_one(ResultList).set_count(len(hits), cursor=0)
        # One line of fixed size: a new count repaints it, it lays nothing out.
        self.query_one("#type-ahead-count", Static).update(Text(self.count_label(query, hits)),
                                                           layout=False)
        if query != self.query_text:
            self._ask()

    @on(Input.Submitted, "#type-ahead-input")
    def _submitted(self) -> None:
        self._choose(self.query_one(ResultList).cursor)

    @on(VirtualList.Selected, "#type-ahead-results")
    def _selected(self, event: VirtualList.Selected) -> None:
        self._choose(event.index)

    def _choose(self, index: int) -> None:
        if 0 <= index < len(self.hits):
            self.dismiss(self.result_for(self.hits[index], self.query_text))

    @property
    def current(self) -> Hit | None:
        index = self.query_one(ResultList).cursor
        return self.hits[index] if 0 <= index < len(self.hits) else None

    def action_move(self, step: int) -> None:
        results = self.query_one(ResultList)
        results.action_cursor_down() if step > 0 else results.action_cursor_up()

    def action_move_page(self, step: int) -> None:
        results = self.query_one(ResultList)
        results.action_page_down() if step > 0 else results.action_page_up()
