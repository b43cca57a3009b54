"""One name per person kept in the cache: each article's names stored with its analysis, the one
name shown for each resolved across the cache after, and an older cache filled once."""

from __future__ import annotations

from collections.abc import Sequence

from tui.core.models import Actor, Quote
from tui.core.quotes.identity import article_names, cache_names
from tui.core.store import Store

# Bump when the rules of identity.py change: every cache fills its names again, once.
NAMES_VERSION = 1
_STATE_KEY = "names_version"
BATCH = 500

AnalysedRow = tuple[int, Sequence[Actor], Sequence[Quote]]


def names_of(rows: Sequence[AnalysedRow]) -> dict[int, list[tuple[str, str, str]]]:
    """Each article's names (alias, full, kind), as `Store.save_analyses` takes them."""
    return {article_id: article_names(actors, quotes) for article_id, actors, quotes in rows}


def resolve_cache(store: Store) -> int:
    """Give every name of the cache its one shown name (a short name's full name from its story
    or the cache); returns how many changed. Run after analyses are saved and stories grouped."""
    return store.save_shown_names(cache_names(store.name_uses()))


def backfill_names(store: Store) -> bool:
    """Fill the names of a cache analysed before they were kept (or under older rules), once;
    True when it ran. The TUI and the CLI call it on opening the cache."""
    if store.get_state(_STATE_KEY) == str(NAMES_VERSION):
        return False
    after = 0
    while batch := store.analysed_articles(after, BATCH):
        store.save_names({aid: article_names(store.actors_of(aid, 0.0, written=True),
                                             store.quotes_of(aid, 0.0, written=True))
                          for aid in batch})
        after = batch[-1]
    resolve_cache(store)
    store.set_state(_STATE_KEY, str(NAMES_VERSION))
    return True
