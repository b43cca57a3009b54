"""The side panel beside the reader: the article's actors and its quotes (who said what)."""

from __future__ import annotations

from dataclasses import dataclass

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.message import Message
from textual.widgets import Label, OptionList
from textual.widgets.option_list import Option

from tui.core.models import Actor, Quote
from tui.widgets.vim_option_list import VimOptionList

KIND_MARK = {"direct": "“”", "partial": "‘’", "indirect": "≈"}


def actor_prompt(actor: Actor) -> Text:
    text = Text(actor.name, style="bold")
    if actor.role:
        text.append(f", {actor.role}", style="italic")
    text.append(f"  ×{actor.mentions}", style="dim")
    return text


def quote_prompt(quote: Quote, width: int = 160) -> Text:
    text = Text(quote.speaker or "(unattributed)", style="bold" if quote.speaker else "dim")
    text.append(f" {KIND_MARK.get(quote.kind, '')} ", style="dim")
    body = quote.text if len(quote.text) <= width else quote.text[:width - 1] + "…"
    text.append(body)
    return text


class SidePanel(Vertical):
    """Actors and quotes of the open article; enter on either posts a message to the screen."""

    DEFAULT_CSS = """
    SidePanel { width: 32; border: round $panel-lighten-2; }
    SidePanel:focus-within { border: round $accent; }
    SidePanel > Label { color: $text-muted; padding: 0 1; }
    SidePanel > #side-actors { height: 1fr; max-height: 40%; }
    SidePanel > #side-quotes { height: 2fr; }
    SidePanel OptionList { border: none; }
    """

    @dataclass
    class QuoteChosen(Message):
        quote: Quote

    @dataclass
    class ActorChosen(Message):
        actor: Actor | None

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.actors: list[Actor] = []
        self.quotes: list[Quote] = []
        self.shown_quotes: list[Quote] = []
        self.actor_filter: Actor | None = None

    def compose(self) -> ComposeResult:
        yield Label("Actors", id="side-actors-label")
        yield VimOptionList(id="side-actors", markup=False)
        yield Label("Quotes", id="side-quotes-label")
        yield VimOptionList(id="side-quotes", markup=False)

    def on_mount(self) -> None:
        self.border_title = "Who said what"

    def show(self, actors: list[Actor], quotes: list[Quote]) -> None:
        self.actors, self.quotes, self.actor_filter = actors, quotes, None
        actor_list = self.query_one("#side-actors", OptionList)
        actor_list.clear_options()
        actor_list.add_options([Option(actor_prompt(a)) for a in actors])
        self.query_one("#side-actors-label", Label).update(Text(f"Actors ({len(actors)})"))
        self._show_quotes(quotes)

    def _show_quotes(self, quotes: list[Quote]) -> None:
        self.shown_quotes = quotes
        quote_list = self.query_one("#side-quotes", OptionList)
        quote_list.clear_options()
        quote_list.add_options([Option(quote_prompt(q)) for q in quotes])
        label = f"Quotes ({len(quotes)})"
        if self.actor_filter is not None:
            label += f" by {self.actor_filter.name} (enter on the actor again: all)"
        self.query_one("#side-quotes-label", Label).update(Text(label))

    def filter_to(self, actor: Actor | None) -> None:
        self.actor_filter = actor
        if actor is None:
            self._show_quotes(self.quotes)
            return
        names = {actor.name, *actor.aliases}
        self._show_quotes([q for q in self.quotes if q.speaker in names])

    def focus_actors(self) -> None:
        self.query_one("#side-actors", OptionList).focus()

    def focus_quotes(self) -> None:
        self.query_one("#side-quotes", OptionList).focus()

    @on(OptionList.OptionSelected, "#side-actors")
    def _actor_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        actor = self.actors[event.option_index]
        chosen = None if self.actor_filter == actor else actor
        self.filter_to(chosen)
        self.post_message(self.ActorChosen(chosen))

    @on(OptionList.OptionSelected, "#side-quotes")
    def _quote_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.post_message(self.QuoteChosen(self.shown_quotes[event.option_index]))
