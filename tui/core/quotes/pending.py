"""Analyse the cache's new text in this process: run the extractor on every article not yet
analysed (a refresh does the same in its worker processes: tui.core.fulltext.analysis)."""

from __future__ import annotations

import threading
from collections.abc import Callable, Sequence

from tui.core.models import Actor, Quote
from tui.core.quotes.people import names_of, resolve_cache
from tui.core.store import Store

# Bump when the extractor changes enough that stored results should be recomputed (a migration
# then resets articles.analysed to 0).
ANALYSIS_VERSION = 12
BATCH = 200


def analyse_pending(store: Store, *, cancel: threading.Event | None = None,
                    progress: Callable[[int, int], None] | None = None) -> int:
    """Analyse every article whose text is settled and not analysed yet; returns how many."""
    from tui.core.quotes.extractor import analyse

    # Articles without full text are analysed from their feed text; storing a full text later
    # marks them unanalysed again.
    pending = store.unanalysed()
    done = 0
    for start in range(0, len(pending), BATCH):
        if cancel is not None and cancel.is_set():
            break
        results = []
        for article_id, text in store.texts(pending[start:start + BATCH]):
            analysis = analyse(text)
            results.append((article_id, analysis.actors, analysis.quotes))
        store.save_analyses(results, ANALYSIS_VERSION, names_of(results))
        done += len(results)
        if progress:
            progress(done, len(pending))
    if done:
        resolve_cache(store)
    return done


def save_analyses(store: Store, rows: Sequence[tuple[int, Sequence[Actor], Sequence[Quote]]],
                  resolve: bool = True) -> None:
    """Store analyses under the current ANALYSIS_VERSION (read here, so a bump applies), with
    their names, and give every name of the cache its one shown name again. A refresh passes
    resolve=False for each of its batches: that pass reads every name of the cache, so the
    refresh runs it once, when its stories are grouped."""
    store.save_analyses(rows, ANALYSIS_VERSION, names_of(rows))
    if resolve:
        resolve_cache(store)
