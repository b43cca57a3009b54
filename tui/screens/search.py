"""Full-text search: type, results update as you type, enter opens the article at the first hit."""

from __future__ import annotations

from dataclasses import dataclass

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option

from tui import bindings
from tui.core.models import SearchHit
from tui.core.store import HIT_END, HIT_START, Store
from tui.widgets.article_list import age


@dataclass(frozen=True)
class SearchChoice:
    """The article the user picked and the query, to scroll to the first hit."""

    article_id: int
    query: str


def marked_text(marked: str, style: str = "bold reverse") -> Text:
    """Text with the snippet's hit markers turned into highlight styles (never markup)."""
    text = Text()
    highlighted = False
    for part in marked.replace(HIT_END, HIT_START).split(HIT_START):
        text.append(part, style=style if highlighted else "")
        highlighted = not highlighted
    return text


class SearchScreen(ModalScreen[SearchChoice | None]):
    """Search every cached article by its title and text."""

    BINDINGS = bindings.SEARCH

    def __init__(self, store: Store, query: str = "") -> None:
        super().__init__()
        self.store = store
        self.initial = query
        self.hits: list[SearchHit] = []

    def compose(self) -> ComposeResult:
        with Vertical(id="search-box"):
            yield Input(value=self.initial, placeholder="Search titles and text…",
                        id="search-input")
            yield Static(Text(""), id="search-count")
            yield OptionList(id="search-results", markup=False)

    def on_mount(self) -> None:
        self.query_one("#search-box").border_title = "Search articles"
        if self.initial:
            self.run_search(self.initial)

    @on(Input.Changed, "#search-input")
    def _changed(self, event: Input.Changed) -> None:
        self.run_search(event.value)

    @work(thread=True, exclusive=True, group="search", exit_on_error=False)
    def run_search(self, query: str) -> None:
        hits = self.store.search(query, limit=100)
        self.app.call_from_thread(self._show, query, hits)

    def _show(self, query: str, hits: list[SearchHit]) -> None:
        if query != self.query_one("#search-input", Input).value:
            return  # a newer keystroke is already being answered
        self.hits = hits
        results = self.query_one("#search-results", OptionList)
        results.clear_options()
        for hit in hits:
            line = marked_text(hit.title_marked, "bold underline")
            line.append(f"  {hit.feed_name} · {age(hit.time)}\n", style="dim")
            line.append_text(marked_text(hit.snippet))
            results.add_option(Option(line))
        if hits:
            results.highlighted = 0
        count = f"{len(hits)}{'+' if len(hits) == 100 else ''} result(s)" if query.strip() else ""
        self.query_one("#search-count", Static).update(Text(count, style="dim"))

    @on(Input.Submitted, "#search-input")
    def _submitted(self) -> None:
        self._choose(self.query_one("#search-results", OptionList).highlighted)

    @on(OptionList.OptionSelected, "#search-results")
    def _selected(self, event: OptionList.OptionSelected) -> None:
        self._choose(event.option_index)

    def _choose(self, index: int | None) -> None:
        if index is not None and 0 <= index < len(self.hits):
            query = self.query_one("#search-input", Input).value
            self.dismiss(SearchChoice(self.hits[index].article_id, query))

    def action_results_down(self) -> None:
        self.query_one("#search-results", OptionList).action_cursor_down()

    def action_results_up(self) -> None:
        self.query_one("#search-results", OptionList).action_cursor_up()
