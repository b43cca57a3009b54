"""Who said what, beside the reader: the article's actors, then its quotes, each quote whole
under its speaker with the kind in words."""

from __future__ import annotations

import textwrap
from dataclasses import dataclass

from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.message import Message
from textual.widget import Widget

from tui import bindings
from tui.core.models import Actor, Quote
from tui.core.text import kind_word, shown_quote
from tui.widgets.geometry import content_width
from tui.widgets.virtual_list import VirtualList, fit

# What a kind means, for the kinds whose look does not say it: "said" is in quotation marks.
# Help (`?`) explains every kind.
KIND_GLOSSES = {"partial": "a phrase of theirs", "indirect": "paraphrase"}
INDENT = "  "
KIND_NAMES = {"person": "person", "organisation": "org", "place": "place"}
MIN_WRAP = 20  # quotes are never wrapped narrower (nor for a panel not laid out yet)


def actor_line(actor: Actor) -> str:
    role = f", {actor.role}" if actor.role else ""
    return f"{actor.name}{role}"


def quote_lines(quote: Quote, width: int) -> list[tuple[str, str]]:
    """(text, style name) per line: the speaker and the kind, then the quote whole with a
    hanging indent."""
    speaker = quote.speaker or "(unattributed)"
    lines = [(f"{speaker} · {kind_word(quote.kind)}", "head" if quote.speaker else "dim")]
    body = shown_quote(quote.text, quote.kind)
    for line in textwrap.wrap(body, max(width - len(INDENT), 12), break_long_words=True,
                              break_on_hyphens=False):
        lines.append((INDENT + line, "reported" if quote.kind == "indirect" else "said"))
    return lines


def legend(quotes: list[Quote]) -> str:
    """What the kinds among these quotes mean, on one line; empty when only "said" shows."""
    kinds = {quote.kind for quote in quotes}
    return " · ".join(f"{kind_word(kind)}: {gloss}" for kind, gloss in KIND_GLOSSES.items()
                      if kind in kinds)


def quote_prompt(quote: Quote, width: int) -> Text:
    """The quote as the panel shows it, as one Text (for tests and copying)."""
    return Text("\n".join(line for line, _ in quote_lines(quote, width)))


class QuoteList(VirtualList):
    """The quotes, each as tall as it needs: speaker and kind, then the words."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(item_height=1, id=id)
        self.quotes: list[Quote] = []
        self._lines: list[list[tuple[str, str]]] = []
        self._wrapped_at = 0
        self.expected_width = 0  # the content width once laid out, when known before that

    def set_quotes(self, quotes: list[Quote]) -> None:
        self.quotes = quotes
        self._wrap(cursor=0)

    def _wrap_width(self) -> int:
        width = self.scrollable_content_region.width
        if width < MIN_WRAP and self.expected_width >= MIN_WRAP:
            width = self.expected_width  # not laid out yet: wrap once, for the coming width
        return max(width - 1, MIN_WRAP)

    def _wrap(self, cursor: int | None = None) -> None:
        width = self._wrap_width()
        self._wrapped_at = width
        self._lines = [quote_lines(q, width) for q in self.quotes]
        self.set_count(len(self.quotes), cursor=cursor, heights=[len(x) for x in self._lines])

    def on_resize(self) -> None:
        if self.quotes and self._wrap_width() != self._wrapped_at:
            self._wrap()
        super().on_resize()

    def render_item_line(self, index: int, line: int, width: int) -> list[Segment]:
        text, kind = self._lines[index][line]
        style = {"head": self.style_of("strong"), "dim": self.style_of("dim"),
                 "reported": Style(italic=True)}.get(kind)
        return [Segment(fit(text, width), style)]


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
    """Actors and quotes of the open article; enter on either posts a message to the screen,
    and so does f (follow the actor, or the quote's speaker). Nothing here changes size when
    another article opens: only the lists' contents change."""

    BINDINGS = bindings.SIDE_PANEL

    DEFAULT_CSS = """
    SidePanel { border: round $panel-lighten-2; }
    SidePanel:focus-within { border: round $accent; }
    SidePanel > #side-actors { height: 30%; min-height: 4; border-top: solid $panel-lighten-2;
                               overflow-y: scroll; }
    SidePanel > #side-quotes { height: 1fr; border-top: solid $panel-lighten-2;
                               overflow-y: scroll; }
    """

    @dataclass
    class QuoteChosen(Message):
        quote: Quote

    @dataclass
    class ActorChosen(Message):
        actor: Actor | None

    @dataclass
    class FollowRequested(Message):
        name: str

    @dataclass
    class MuteRequested(Message):
        """Open the mute editor with this query (actor:"…" or speaker:"…")."""

        query: str

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.actors: list[Actor] = []
        self.quotes: list[Quote] = []
        self.actor_filter: Actor | None = None

    @property
    def shown_quotes(self) -> list[Quote]:
        return self.query_one(QuoteList).quotes

    def compose(self) -> ComposeResult:
        yield ActorList(id="side-actors")
        yield QuoteList(id="side-quotes")

    def on_mount(self) -> None:
        self.border_title = "Who said what"

    def show(self, actors: list[Actor], quotes: list[Quote]) -> None:
        self.actors, self.quotes, self.actor_filter = actors, quotes, None
        actor_list = self.query_one(ActorList)
        actor_list.set_actors(actors)
        actor_list.border_title = f"Actors ({len(actors)})"
        self._show_quotes(quotes)

    def _show_quotes(self, quotes: list[Quote]) -> None:
        quote_list = self.query_one(QuoteList)
        quote_list.set_quotes(quotes)
        title = f"Quotes ({len(quotes)})"
        if self.actor_filter is not None:
            title += f" by {self.actor_filter.name} (enter again: all)"
        quote_list.border_title = Text(title)  # an actor's name is the article's text, not markup
        self.border_subtitle = legend(quotes)  # on the border: no line of the panel spent on it

    def filter_to(self, actor: Actor | None) -> None:
        self.actor_filter = actor
        if actor is None:
            self._show_quotes(self.quotes)
            return
        names = {actor.name, *actor.aliases}
        self._show_quotes([q for q in self.quotes if q.speaker in names])

    def expect_width(self, width: int) -> None:
        """The panel's width at the next layout: shown for the first time, it wraps its quotes
        once, for that width, not for no width and again once its size is known."""
        quote_list = self.query_one(QuoteList)
        quote_list.expected_width = content_width(width, self, quote_list)

    def point_at_quote(self, start: int, end: int) -> None:
        """Put the quotes' cursor on the quote spanning these offsets (one opened from lookup)."""
        index = next((i for i, quote in enumerate(self.shown_quotes)
                      if (quote.start, quote.end) == (start, end)), None)
        if index is not None:
            self.query_one(QuoteList).cursor = index

    def focus_target(self) -> Widget:
        return self.query_one(QuoteList)

    def focus_actors(self) -> None:
        self.query_one(ActorList).focus()

    def focus_quotes(self) -> None:
        self.query_one(QuoteList).focus()

    def highlighted_person(self) -> tuple[str, str] | None:
        """("actor", name) of the highlighted actor, or ("speaker", name) of the highlighted
        quote's speaker, whichever list has the focus."""
        actors = self.query_one(ActorList)
        quotes = self.query_one(QuoteList)
        if actors.has_focus and 0 <= actors.cursor < len(self.actors):
            return "actor", self.actors[actors.cursor].name
        if quotes.has_focus and 0 <= quotes.cursor < len(self.shown_quotes):
            speaker = self.shown_quotes[quotes.cursor].speaker
            return ("speaker", speaker) if speaker else None
        return None

    def action_follow(self) -> None:
        """f: follow (or stop following) the highlighted actor or quote's speaker."""
        person = self.highlighted_person()
        if person:
            self.post_message(self.FollowRequested(person[1]))
        else:
            self.notify("Highlight an actor, or a quote with a speaker, to follow them.",
                        timeout=3)

    def action_mute(self) -> None:
        """X: mute the articles naming the highlighted actor, or quoting the quote's speaker
        (the mute editor opens filled in)."""
        from tui.core.query import Field, describe

        person = self.highlighted_person()
        if person:
            self.post_message(self.MuteRequested(describe(Field(*person))))  # type: ignore[arg-type]
        else:
            self.notify("Highlight an actor, or a quote with a speaker, to mute them.",
                        timeout=3)

    @on(VirtualList.Selected, "#side-actors")
    def _actor_selected(self, event: VirtualList.Selected) -> None:
        event.stop()
        actor = self.actors[event.index]
        chosen = None if self.actor_filter == actor else actor
        self.filter_to(chosen)
        self.post_message(self.ActorChosen(chosen))

    @on(VirtualList.Selected, "#side-quotes")
    def _quote_selected(self, event: VirtualList.Selected) -> None:
        event.stop()
        self.post_message(self.QuoteChosen(self.shown_quotes[event.index]))
