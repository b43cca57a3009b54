"""The mute editor: the watchlist editor's query checking, with an optional name, saying how many
articles the mute would hide."""

from __future__ import annotations

from dataclasses import dataclass

from tui.screens.watch_dialog import QUERY_HELP, Counter, QueryEditor


@dataclass(frozen=True)
class MuteForm:
    """What the user entered; `index` and `was` say which mute is edited (None when new): its
    place among the [[mute]] tables and its query then."""

    name: str
    query: str
    index: int | None = None
    was: str = ""


class MuteEditor(QueryEditor[MuteForm]):
    """New or edited mute. A name is optional: without one the query names it."""

    KIND = "mute"
    NAME_LABEL = "Name (optional: the query names it)"
    PLACEHOLDER = 'feed:"Circuit Policy"   speaker:"A Name"   crypto* OR bitcoin'
    HELP = ("Muted articles leave every list, count, search and story (M shows them).\n"
            + QUERY_HELP)
    COUNT_WORDS = "Hides {articles} now."

    def __init__(self, name: str = "", query: str = "", *, index: int | None = None,
                 counter: Counter | None = None) -> None:
        super().__init__(name if name != query else "", query, editing=index is not None,
                         counter=counter)
        self.index = index
        self.was = query

    def form(self, name: str, query: str) -> MuteForm:
        return MuteForm(name, query, self.index, self.was)
