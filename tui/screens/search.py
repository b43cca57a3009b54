"""Full-text search (/): results follow the typing; enter opens the article at the first hit."""

from __future__ import annotations

from dataclasses import dataclass

from rich.segment import Segment
from rich.style import Style

from tui.core.models import SearchHit
from tui.core.store import HIT_END, HIT_START, Store
from tui.screens.type_ahead import ResultList, TypeAheadScreen
from tui.widgets.ages import age


@dataclass(frozen=True)
class SearchChoice:
    """The article the user picked and the query, to scroll to the first hit."""

    article_id: int
    query: str


def marked_segments(marked: str, width: int, style: Style | None, hit: Style) -> list[Segment]:
    """Segments of text whose hits sit between the markers, cut to `width` cells."""
    segments: list[Segment] = []
    used = 0
    highlighted = False
    for part in marked.replace(HIT_END, HIT_START).split(HIT_START):
        if used >= width:
            break
        piece = part[: width - used]
        segments.append(Segment(piece, (style + hit) if highlighted and style else
                                hit if highlighted else style))
        used += len(piece)
        highlighted = not highlighted
    return segments


class SearchScreen(TypeAheadScreen[SearchHit, SearchChoice]):
    """Search every cached article by its title and text."""

    TITLE_TEXT = "Search articles"
    PLACEHOLDER = "Search titles and text…  (\"a phrase\" in quotes; enter opens)"

    def __init__(self, store: Store, query: str = "") -> None:
        super().__init__(query)
        self.store = store

    def lookup(self, query: str) -> list[SearchHit]:
        return self.store.search(query, limit=self.LIMIT)

    def draw_hit(self, hit: SearchHit, line: int, width: int,
                 list_: ResultList) -> list[Segment]:
        mark = Style(reverse=True)
        if line == 0:
            meta = f"  {hit.feed_name} · {age(hit.time)}"
            title = marked_segments(hit.title_marked, max(width - len(meta), 8),
                                    list_.style_of("strong"), mark)
            return [*title, Segment(meta, list_.style_of("dim"))]
        snippet = " ".join(hit.snippet.split())
        return [Segment("   "), *marked_segments(snippet, width - 3, None, mark)]

    def result_for(self, hit: SearchHit, query: str) -> SearchChoice:
        return SearchChoice(hit.article_id, query)



