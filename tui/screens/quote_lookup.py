"""Quote lookup: type words or a speaker's name, fuzzy enough for typos; enter opens the article
at the quote, y copies it with its attribution and link."""

from __future__ import annotations

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option

from tui import bindings
from tui.core.quotes.lookup import QuoteHit, QuoteIndex
from tui.core.store import Store

FIRST_SCREENFUL = 12


def hit_prompt(hit: QuoteHit) -> Text:
    text = Text(hit.speaker or "(unattributed)", style="bold")
    body = hit.text if len(hit.text) < 240 else hit.text[:239] + "…"
    if hit.kind == "indirect":  # reported speech: not the speaker's own words
        text.append(" (reported): ", style="dim")
        text.append(body)
    else:
        text.append(": “")
        text.append(body)
        text.append("”")
    text.append("\n")
    text.append(f"   {hit.feed_name} · {hit.time:%d %b %Y} · {hit.title}", style="dim")
    return text


def citation(hit: QuoteHit) -> str:
    """The quote as one would paste it: text, attribution, outlet, date and link."""
    speaker = hit.speaker or "Unattributed"
    link = f" {hit.url}" if hit.url else ""
    return f"“{hit.text}” — {speaker}, {hit.feed_name}, {hit.time:%d %b %Y}{link}"


class QuoteLookupScreen(ModalScreen[QuoteHit | None]):
    """Search every stored quote as you type."""

    BINDINGS = bindings.QUOTE_LOOKUP
    DEFAULT_CSS = """
    QuoteLookupScreen { align: center middle; }
    QuoteLookupScreen > Vertical { width: 90%; height: 85%; border: round $accent;
                                   background: $surface; padding: 0 1; }
    QuoteLookupScreen #quote-results { height: 1fr; }
    """

    def __init__(self, store: Store, index: QuoteIndex | None = None) -> None:
        super().__init__()
        self.store = store
        self.index = index or QuoteIndex(store)
        self.hits: list[QuoteHit] = []

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Input(placeholder="Words of a quote or a speaker's name (typos are fine)…",
                        id="quote-input")
            yield Static(Text(""), id="quote-count")
            yield OptionList(id="quote-results", markup=False)

    def on_mount(self) -> None:
        self.query_one(Vertical).border_title = "Quote lookup"
        self.run_lookup("")

    @on(Input.Changed, "#quote-input")
    def _changed(self, event: Input.Changed) -> None:
        self.run_lookup(event.value)

    @work(thread=True, exclusive=True, group="quote-lookup", exit_on_error=False)
    def run_lookup(self, query: str) -> None:
        # Thirty hits fill the screen; measuring more two-line prompts only delays the first one.
        hits = self.index.search(query, limit=30 if not query.strip() else 60)
        self.app.call_from_thread(self._show, query, hits)

    def _show(self, query: str, hits: list[QuoteHit]) -> None:
        if query != self.query_one("#quote-input", Input).value:
            return  # a newer keystroke is being answered
        self.hits = hits
        results = self.query_one("#quote-results", OptionList)
        results.clear_options()
        # A screenful at once, the rest after it is painted (each option is measured as added).
        results.add_options([Option(hit_prompt(h)) for h in hits[:FIRST_SCREENFUL]])
        if len(hits) > FIRST_SCREENFUL:
            rest = [Option(hit_prompt(h)) for h in hits[FIRST_SCREENFUL:]]
            self.call_after_refresh(self._add_rest, hits, rest)
        if hits:
            results.highlighted = 0
        label = f"{len(hits)} quote(s)" if query.strip() else "Newest quotes"
        self.query_one("#quote-count", Static).update(Text(label, style="dim"))

    def _add_rest(self, hits: list[QuoteHit], rest: list[Option]) -> None:
        if hits is self.hits:  # still the answer on screen
            self.query_one("#quote-results", OptionList).add_options(rest)

    def _current(self) -> QuoteHit | None:
        index = self.query_one("#quote-results", OptionList).highlighted
        return self.hits[index] if index is not None and index < len(self.hits) else None

    @on(Input.Submitted, "#quote-input")
    def _submitted(self) -> None:
        hit = self._current()
        if hit is not None:
            self.dismiss(hit)

    @on(OptionList.OptionSelected, "#quote-results")
    def _selected(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(self.hits[event.option_index])

    def action_move(self, step: int) -> None:
        results = self.query_one("#quote-results", OptionList)
        if step > 0:
            results.action_cursor_down()
        else:
            results.action_cursor_up()

    def action_copy_quote(self) -> None:
        hit = self._current()
        if hit is None:
            return
        self.app.copy_to_clipboard(citation(hit))
        self.notify("Copied the quote with its attribution.", timeout=2)
