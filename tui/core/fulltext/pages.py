"""Fetch article pages with the shared client; a worker process extracts each page's text and
analyses it; results are stored in batches."""

from __future__ import annotations

import asyncio
import sqlite3
import sys
import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Protocol, TypeVar

from tui.core.feeds.fetch import Fetcher, FetchResponse
from tui.core.fulltext.work import MIN_ARTICLE_CHARS, PageReading, read_page
from tui.core.models import Progress, TextStatus
from tui.core.store import Store

if TYPE_CHECKING:
    from tui.core.fulltext.analysis import PendingAnalysis
    from tui.core.fulltext.pool import ExtractionPool
    from tui.core.models import Analysis
    from tui.core.settings import Settings

__all__ = ["MIN_ARTICLE_CHARS", "FullTextStats", "PageOutcome", "extract_one", "fetch_full_texts",
           "judge_page"]

T = TypeVar("T")
PAGE_ACCEPT = "text/html, application/xhtml+xml;q=0.9, */*;q=0.3"
# Outcomes stored per transaction, at most; fewer when pages come slowly.
STORE_ROWS = 64
STORE_SECONDS = 0.25


@dataclass
class FullTextStats:
    """How a full-text pass went."""

    pages: int = 0
    full: int = 0
    fallback: int = 0
    failed: int = 0
    cancelled: bool = False
    error: str | None = None
    rule_failures: int = 0  # pages whose text the quote rules failed on


@dataclass(frozen=True)
class PageOutcome:
    """What to store for one article: status, optional new body and the reason; with a body, the
    actors and quotes found in it."""

    status: TextStatus
    body: str | None = None
    note: str | None = None
    author: str | None = None
    analysis: Analysis | None = None


class Runner(Protocol):
    """Where page work runs: the ExtractionPool's workers, or a thread of this process."""

    async def run(self, fn: Callable[..., T], *args: Any) -> T: ...


async def fetch_full_texts(
    store: Store, fetcher: Fetcher, feed_ids: Sequence[int] | None, settings: Settings, *,
    progress: Callable[[Any], None] | None = None, cancel: threading.Event | None = None,
    pool: ExtractionPool | None = None, analyser: PendingAnalysis | None = None,
) -> FullTextStats:
    """Fetch, extract and analyse every article still pending; each article is done at most once.
    Pages that yield no article text leave the article on its summary, which `analyser` (when
    given) analyses instead; without one they stay marked unanalysed."""
    from tui.core.fulltext.pool import ExtractionPool

    pending = await asyncio.to_thread(store.articles_needing_text, feed_ids)
    stats = FullTextStats(pages=len(pending))
    if not pending:
        return stats
    own_pool = pool is None
    # forkserver: worker processes start clean, not as copies of a process with live threads
    # (the TUI's workers, SQLite connections), which plain fork would duplicate mid-state.
    pool = pool or ExtractionPool(start_method="forkserver" if sys.platform == "linux" else None)
    cancel = cancel or threading.Event()
    writer = _OutcomeWriter(store, analyser)
    tasks = [asyncio.create_task(_one_page(fetcher, pool, aid, url, settings))
             for aid, url in pending]
    try:
        for done, finished in enumerate(asyncio.as_completed(tasks), start=1):
            article_id, outcome = await finished
            _count(stats, outcome.status)
            if outcome.analysis is not None and outcome.analysis.error:
                stats.rule_failures += 1
            await writer.add(article_id, outcome)
            if progress:
                progress(Progress("pages", done, len(tasks), outcome.status.value))
            if cancel.is_set():
                stats.cancelled = True
                break
    finally:
        for task in tasks:
            task.cancel()
        await asyncio.gather(*tasks, return_exceptions=True)
        await writer.flush()  # what finished is kept, even when cancelled
        stats.error = writer.error
        if own_pool:
            pool.close(cancel=stats.cancelled)
    return stats


class _OutcomeWriter:
    """Stores page outcomes in batches: text and status, then the analyses found with them; the
    articles left on their summary go to the analyser once stored."""

    def __init__(self, store: Store, analyser: PendingAnalysis | None) -> None:
        self.store = store
        self.analyser = analyser
        self.error: str | None = None
        self._rows: list[tuple[int, PageOutcome]] = []
        self._last = time.monotonic()

    async def add(self, article_id: int, outcome: PageOutcome) -> None:
        self._rows.append((article_id, outcome))
        if len(self._rows) >= STORE_ROWS or time.monotonic() - self._last > STORE_SECONDS:
            await self.flush()

    async def flush(self) -> None:
        rows, self._rows = self._rows, []
        self._last = time.monotonic()
        if not rows:
            return
        try:
            await asyncio.to_thread(_store_outcomes, self.store, rows, False)
        except sqlite3.Error as exc:  # e.g. a full disk: these articles stay pending
            self.error = f"cannot write to the cache: {exc}"
            return
        if self.analyser is not None:
            self.analyser.add(article_id for article_id, outcome in rows
                              if outcome.analysis is None)


def _store_outcomes(store: Store, rows: Sequence[tuple[int, PageOutcome]],
                    resolve_names: bool = True) -> None:
    from tui.core.quotes.pending import save_analyses

    store.store_texts([(article_id, o.status, o.body, o.note, o.author) for article_id, o in rows])
    analysed = [(article_id, o.analysis.actors, o.analysis.quotes) for article_id, o in rows
                if o.analysis is not None]
    if analysed:
        save_analyses(store, analysed, resolve=resolve_names)


def _count(stats: FullTextStats, status: TextStatus) -> None:
    if status is TextStatus.FULL:
        stats.full += 1
    elif status is TextStatus.SUMMARY:
        stats.fallback += 1
    else:
        stats.failed += 1


async def _one_page(fetcher: Fetcher, runner: Runner, article_id: int, url: str,
                    settings: Settings) -> tuple[int, PageOutcome]:
    try:
        response = await fetcher.get(url, accept=PAGE_ACCEPT, max_bytes=settings.max_page_bytes)
        outcome = await judge_page(runner, response, url)
    except asyncio.CancelledError:
        raise
    except Exception as exc:  # an extractor bug must cost one article, not the refresh
        outcome = PageOutcome(TextStatus.FAILED, note=f"extraction failed: {type(exc).__name__}")
    return article_id, outcome


class InlineExtractor:
    """Page work in a thread of this process: for one page, a process pool is not worth it."""

    async def run(self, fn: Callable[..., T], *args: Any) -> T:
        return await asyncio.to_thread(fn, *args)


async def extract_one(store: Store, article_id: int, settings: Settings) -> PageOutcome:
    """Fetch, extract and analyse one article again, on demand (the reader's `e`)."""
    article = await asyncio.to_thread(store.article, article_id)
    if article is None or not article.url:
        return PageOutcome(TextStatus.SUMMARY, note="no link to fetch")
    async with Fetcher(settings.fetch_limits(settings.max_page_bytes)) as fetcher:
        _, outcome = await _one_page(fetcher, InlineExtractor(), article_id, article.url,
                                     settings)
    try:
        await asyncio.to_thread(_store_outcomes, store, [(article_id, outcome)])
        if outcome.analysis is None:  # on its summary: analyse that, as a refresh would
            await asyncio.to_thread(_analyse_stored, store, article_id)
    except sqlite3.Error as exc:  # e.g. a full disk: the article keeps what it had
        return PageOutcome(TextStatus.FAILED, note=f"cannot write to the cache: {exc}")
    return outcome


def _analyse_stored(store: Store, article_id: int) -> None:
    from tui.core.fulltext.work import analyse_text
    from tui.core.quotes.pending import save_analyses

    save_analyses(store, [(aid, a.actors, a.quotes) for aid, text in store.texts([article_id])
                          for a in (analyse_text(text),)])


async def judge_page(runner: Runner, response: FetchResponse, url: str) -> PageOutcome:
    """Decide between full text and the feed's summary, with the reason."""
    from tui.core.fulltext.pool import WorkerLost
    from tui.core.fulltext.sniff import looks_like_html

    if response.error_kind == "too large":
        return PageOutcome(TextStatus.SUMMARY, note="page too large")
    if response.error_kind is not None:
        return PageOutcome(TextStatus.SUMMARY, note=response.error or response.error_kind)
    content_type = response.headers.get("content-type")
    if not response.body.strip():
        return PageOutcome(TextStatus.SUMMARY, note="empty page")
    if not looks_like_html(response.body, content_type):
        kind = (content_type or "unknown type").split(";")[0].strip()
        return PageOutcome(TextStatus.SUMMARY, note=f"not HTML ({kind})")
    try:
        reading: PageReading = await runner.run(read_page, response.body,
                                                response.final_url or url)
    except WorkerLost:
        return PageOutcome(TextStatus.SUMMARY, note="extraction failed: a worker process died")
    if reading.text is None:
        return PageOutcome(TextStatus.SUMMARY, note="paywall" if reading.paywalled
                           else "no article text found on the page")
    return PageOutcome(TextStatus.FULL, body=reading.text, author=reading.author,
                       analysis=reading.analysis)
