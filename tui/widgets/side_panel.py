"""Who said what, beside the reader: the article's actors, then its quotes, each quote whole
under its speaker with the kind in words."""

from __future__ import annotations

import textwrap
from dataclasses import dataclass

from rich.segment import Segment
from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.message import Message
from textual.widget import Widget
from textual.widgets import Label, OptionList
from textual.widgets.option_list import Option

from tui.core.models import Actor, Quote
from tui.widgets.vim_option_list import VimOptionList
from tui.widgets.virtual_list import VirtualList, fit

# How a quote relates to its speaker's words, in the words the panel shows.
KIND_WORDS = {"direct": "said", "partial": "in part", "indirect": "reported"}
LEGEND = "said: their words · in part: a phrase of theirs · reported: paraphrased"
INDENT = "  "
KIND_NAMES = {"person": "person", "organisation": "org", "place": "place"}


def actor_line(actor: Actor) -> str:
    role = f", {actor.role}" if actor.role else ""
    return f"{actor.name}{role}"


def quote_prompt(quote: Quote, width: int) -> Text:
    """The speaker and the kind on one line, the quote whole below with a hanging indent."""
    text = Text(quote.speaker or "(unattributed)", style="bold" if quote.speaker else "dim")
    text.append(f" · {KIND_WORDS.get(quote.kind, quote.kind)}", style="dim")
    body = " ".join(quote.text.split())
    if quote.kind != "indirect":
        body = f"“{body}”"
    lines = textwrap.wrap(body, max(width - len(INDENT), 12), break_long_words=True,
                          break_on_hyphens=False)
    for line in lines:
        text.append("\n" + INDENT)
        text.append(line, style="italic" if quote.kind == "indirect" else "")
    return text


class ActorList(VirtualList):
    """One line per actor: name and role, kind and mentions in fixed columns."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(item_height=1, id=id)
        self.actors: list[Actor] = []

    def set_actors(self, actors: list[Actor]) -> None:
        self.actors = actors
        self.set_count(len(actors), cursor=0)

    def render_item_line(self, index: int, line: int, width: int) -> list[Segment]:
        actor = self.actors[index]
        right = f" {KIND_NAMES.get(actor.kind, actor.kind):<6} ×{actor.mentions:<2}"
        return [Segment(fit(actor_line(actor), max(width - len(right), 4)), self.style_of("strong")),
                Segment(right, self.style_of("dim"))]


class SidePanel(Vertical):
    """Actors and quotes of the open article; enter on either posts a message to the screen."""

    DEFAULT_CSS = """
    SidePanel { border: round $panel-lighten-2; }
    SidePanel:focus-within { border: round $accent; }
    SidePanel > Label { color: $text-muted; padding: 0 1; width: 100%; }
    SidePanel > #side-legend { color: $text-muted; text-style: italic; height: auto; }
    SidePanel > #side-actors { height: auto; max-height: 35%; }
    SidePanel > #side-quotes { height: 1fr; border: none; }
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
        self._wrapped_at = 0

    def compose(self) -> ComposeResult:
        yield Label("Actors", id="side-actors-label")
        yield ActorList(id="side-actors")
        yield Label("Quotes", id="side-quotes-label")
        yield Label(LEGEND, id="side-legend")
        yield VimOptionList(id="side-quotes", markup=False)

    def on_mount(self) -> None:
        self.border_title = "Who said what"

    def show(self, actors: list[Actor], quotes: list[Quote]) -> None:
        self.actors, self.quotes, self.actor_filter = actors, quotes, None
        self.query_one(ActorList).set_actors(actors)
        self.query_one("#side-actors-label", Label).update(Text(f"Actors ({len(actors)})"))
        self._show_quotes(quotes)

    def _quote_width(self) -> int:
        return max(self.query_one("#side-quotes", OptionList).scrollable_content_region.width, 20)

    def _show_quotes(self, quotes: list[Quote]) -> None:
        self.shown_quotes = quotes
        quote_list = self.query_one("#side-quotes", OptionList)
        width = self._quote_width()
        self._wrapped_at = width
        highlighted = quote_list.highlighted
        quote_list.clear_options()
        quote_list.add_options([Option(quote_prompt(q, width)) for q in quotes])
        if quotes:
            quote_list.highlighted = min(highlighted or 0, len(quotes) - 1)
        label = f"Quotes ({len(quotes)})"
        if self.actor_filter is not None:
            label += f" by {self.actor_filter.name} (enter on the actor again: all)"
        self.query_one("#side-quotes-label", Label).update(Text(label))
        self.query_one("#side-legend", Label).display = bool(quotes)

    def on_resize(self) -> None:
        if self.shown_quotes and self._quote_width() != self._wrapped_at:
            self._show_quotes(self.shown_quotes)

    def filter_to(self, actor: Actor | None) -> None:
        self.actor_filter = actor
        if actor is None:
            self._show_quotes(self.quotes)
            return
        names = {actor.name, *actor.aliases}
        self._show_quotes([q for q in self.quotes if q.speaker in names])

    def focus_target(self) -> Widget:
        return self.query_one("#side-quotes", OptionList)

    def focus_actors(self) -> None:
        self.query_one(ActorList).focus()

    def focus_quotes(self) -> None:
        self.query_one("#side-quotes", OptionList).focus()

    @on(VirtualList.Selected, "#side-actors")
    def _actor_selected(self, event: VirtualList.Selected) -> None:
        event.stop()
        actor = self.actors[event.index]
        chosen = None if self.actor_filter == actor else actor
        self.filter_to(chosen)
        self.post_message(self.ActorChosen(chosen))

    @on(OptionList.OptionSelected, "#side-quotes")
    def _quote_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.post_message(self.QuoteChosen(self.shown_quotes[event.option_index]))
