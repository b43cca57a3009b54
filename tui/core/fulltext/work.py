"""What the worker processes run: a page read into its article text and analysed, a batch of texts
analysed. The parent only stores what comes back (the same functions run inline for one page)."""

from __future__ import annotations

import contextlib
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from tui.core.models import Analysis
    from tui.core.settings import Settings
    from tui.core.store import Store

# Extracted text shorter than this many characters is not worth preferring over the summary.
MIN_ARTICLE_CHARS = 200


@dataclass(frozen=True)
class PageReading:
    """One page, read: the article text to store (controls stripped) with its analysis, or None
    and whether the page looked paywalled."""

    text: str | None
    author: str | None = None
    paywalled: bool = False
    analysis: Analysis | None = None


def read_page(html: bytes, url: str | None, analyse: bool = True) -> PageReading:
    """Extract a page's article; when it is long enough, find its actors and quotes in exactly the
    text that will be stored. Never raises on a bad page (extract_html and analyse do not)."""
    from tui.core.fulltext.article import extract_html
    from tui.core.fulltext.sniff import decode_html, detect_paywall
    from tui.core.text import strip_controls

    extracted = extract_html(html, url)
    if extracted is None or len(extracted.text) < MIN_ARTICLE_CHARS:
        return PageReading(None, paywalled=detect_paywall(decode_html(html)))
    text = strip_controls(extracted.text)
    return PageReading(text, extracted.author, analysis=analyse_text(text) if analyse else None)


def analyse_text(text: str) -> Analysis:
    from tui.core.quotes.extractor import analyse

    return analyse(text)


def analyse_texts(texts: Sequence[str]) -> list[Analysis]:
    """Actors and quotes of each text, in order (a batch: one round trip to a worker)."""
    return [analyse_text(text) for text in texts]


def group_stories(cache: str | Store, settings: Settings, analysed: bool = False) -> int:
    """Group the cache's new articles into stories, then give their names the full names their
    stories now give (a short name's full name is first sought in its story); in a worker,
    `cache` is the cache's path and the worker opens a connection of its own."""
    from tui.core.quotes.people import resolve_cache
    from tui.core.store import Store
    from tui.core.stories.pending import group_pending

    store = Store(cache) if isinstance(cache, str) else cache
    try:
        grouped = group_pending(store, settings.story_window_hours, settings.followed_story_days)
        if grouped or analysed:  # new stories, or names stored without the cache-wide pass
            resolve_cache(store)
        return grouped
    finally:
        if store is not cache:
            store.close()


# Workers yield the cores to the process that started them: in the TUI, a key pressed during a
# refresh is handled first and the parsing and analysis wait (issue 25: keys within two frames
# mid-refresh). Niceness only matters when the cores are busy, so a refresh alone is not slower.
WORKER_NICENESS = 10


def warm(fulltext: bool, parent: int | None = None) -> None:
    """Import what the tasks will need, once per worker (a no-op when the fork server preloaded),
    lower the worker's priority, and end the worker when `parent`, the process that started the
    pool, is gone."""
    import os

    with contextlib.suppress(AttributeError, OSError):  # no os.nice on Windows
        os.nice(WORKER_NICENESS)
    import tui.core.feeds.parse  # noqa: F401
    import tui.core.quotes.extractor  # noqa: F401

    if fulltext:
        import tui.core.fulltext.preload  # noqa: F401
    if parent is not None:
        import threading

        threading.Thread(target=_exit_after, args=(parent,), name="byline-parent-watch",
                         daemon=True).start()


def _exit_after(parent: int) -> None:
    """Wait for `parent` to end, then end this worker. A parent killed outright (SIGKILL, a closed
    terminal) never closes the pool's queues, and every worker holds a copy of their write ends:
    without this, the workers, the fork server and the resource tracker would wait forever."""
    import os
    import select
    import time

    try:
        watched = os.pidfd_open(parent)  # Linux: readable once the process has ended
    except (AttributeError, OSError):
        watched = None
    if watched is not None:
        select.select([watched], [], [])
    else:
        while True:
            try:
                os.kill(parent, 0)
            except ProcessLookupError:
                break
            except PermissionError:
                pass  # alive, and not ours to signal
            time.sleep(1.0)
    os._exit(0)


def preload_modules(fulltext: bool) -> list[str]:
    """Modules worth importing once in the fork server, so every worker starts with them."""
    modules = ["tui.core.fulltext.work", "tui.core.quotes.extractor", "tui.core.feeds.parse",
               "tui.core.stories.engine"]
    if fulltext:
        modules += ["tui.core.fulltext.sniff", "tui.core.fulltext.article", "tui.core.fulltext.preload"]
    return modules
