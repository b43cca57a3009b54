"""Why two articles belong to one story, in words a reader uses: the people both quote, the places and
names both give ("both quote Anna Karapetyan; both name Lachin corridor"), never tokens or a score."""

from __future__ import annotations

from tui.core.models import SHOWN_CONFIDENCE, Actor, Quote
from tui.core.store import Store

MOST_NAMES = 3  # names per part of the reason: enough to recognise the story


def why_together(store: Store, article_id: int, other_id: int) -> str | None:
    """The reason two stored articles are one story, or None when they share no person, place or name."""
    return reason(store.actors_of(article_id), store.quotes_of(article_id),
                  store.actors_of(other_id), store.quotes_of(other_id))


def reason(actors: list[Actor], quotes: list[Quote], other_actors: list[Actor],
           other_quotes: list[Quote]) -> str | None:
    """"both quote A; both name B, C": the people both quote, then the people, places and organisations
    both name (shown actors only, the most mentioned first)."""
    quoted = _common(_speakers(quotes), _speakers(other_quotes))
    told = {name.casefold() for name in quoted}
    named = [name for name in _common(_names(actors), _names(other_actors)) if name.casefold() not in told]
    parts = []
    if quoted:
        parts.append("both quote " + ", ".join(quoted[:MOST_NAMES]))
    if named:
        parts.append("both name " + ", ".join(named[:MOST_NAMES]))
    return "; ".join(parts) or None


def _speakers(quotes: list[Quote]) -> list[str]:
    return [q.speaker for q in quotes if q.speaker and not q.unnamed and q.confidence >= SHOWN_CONFIDENCE]


def _names(actors: list[Actor]) -> list[str]:
    shown = sorted((a for a in actors if a.confidence >= SHOWN_CONFIDENCE), key=lambda a: a.sort_key)
    return [a.name for a in shown]


def _common(first: list[str], second: list[str]) -> list[str]:
    """Names in both lists, in the first list's order, each once (case aside)."""
    others = {name.casefold() for name in second}
    return list(dict.fromkeys(name for name in first if name.casefold() in others))
