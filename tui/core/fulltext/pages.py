"""Fetch article pages with the shared client and extract their text in a process pool."""

from __future__ import annotations

import asyncio
import sqlite3
import sys
import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from tui.core.feeds.fetch import Fetcher, FetchResponse
from tui.core.models import Progress, TextStatus
from tui.core.store import Store

if TYPE_CHECKING:
    from tui.core.fulltext.extract import ExtractionPool
    from tui.core.settings import Settings

PAGE_ACCEPT = "text/html, application/xhtml+xml;q=0.9, */*;q=0.3"
# Extracted text shorter than this many characters is not worth preferring over the summary.
MIN_ARTICLE_CHARS = 200


@dataclass
class FullTextStats:
    """How a full-text pass went."""

    pages: int = 0
    full: int = 0
    fallback: int = 0
    failed: int = 0
    cancelled: bool = False


@dataclass(frozen=True)
class PageOutcome:
    """What to store for one article: status, optional new body and the reason."""

    status: TextStatus
    body: str | None = None
    note: str | None = None
    author: str | None = None


async def fetch_full_texts(
    store: Store, fetcher: Fetcher, feed_ids: Sequence[int] | None, settings: Settings, *,
    progress: Callable[[Any], None] | None = None, cancel: threading.Event | None = None,
    pool: ExtractionPool | None = None,
) -> FullTextStats:
    """Fetch and extract every article still pending; each article is done at most once."""
    from tui.core.fulltext.extract import ExtractionPool

    pending = await asyncio.to_thread(store.articles_needing_text, feed_ids)
    stats = FullTextStats(pages=len(pending))
    if not pending:
        return stats
    own_pool = pool is None
    # forkserver: worker processes start clean, not as copies of a process with live threads
    # (the TUI's workers, SQLite connections), which plain fork would duplicate mid-state.
    pool = pool or ExtractionPool(start_method="forkserver" if sys.platform == "linux" else None)
    cancel = cancel or threading.Event()
    try:
        tasks = [asyncio.create_task(_one_page(store, fetcher, pool, aid, url, settings))
                 for aid, url in pending]
        for done, finished in enumerate(asyncio.as_completed(tasks), start=1):
            outcome = await finished
            _count(stats, outcome.status)
            if progress:
                progress(Progress("pages", done, len(tasks), outcome.status.value))
            if cancel.is_set():
                stats.cancelled = True
                for task in tasks:
                    task.cancel()
                await asyncio.gather(*tasks, return_exceptions=True)
                break
    finally:
        if own_pool:
            pool.close(cancel=stats.cancelled)
    return stats


def _count(stats: FullTextStats, status: TextStatus) -> None:
    if status is TextStatus.FULL:
        stats.full += 1
    elif status is TextStatus.SUMMARY:
        stats.fallback += 1
    else:
        stats.failed += 1


async def _one_page(store: Store, fetcher: Fetcher, pool: ExtractionPool, article_id: int,
                    url: str, settings: Settings) -> PageOutcome:
    try:
        response = await fetcher.get(url, accept=PAGE_ACCEPT, max_bytes=settings.max_page_bytes)
        outcome = await judge_page(pool, response, url)
    except asyncio.CancelledError:
        raise
    except Exception as exc:  # an extractor bug must cost one article, not the refresh
        outcome = PageOutcome(TextStatus.FAILED, note=f"extraction failed: {type(exc).__name__}")
    try:
        await asyncio.to_thread(store.store_text, article_id, outcome.status, outcome.body,
                                outcome.note, outcome.author)
    except sqlite3.Error as exc:  # e.g. a full disk: this article stays pending for next time
        return PageOutcome(TextStatus.FAILED, note=f"cannot write to the cache: {exc}")
    return outcome


class InlineExtractor:
    """Extraction in a thread of this process: for one page, a process pool is not worth it."""

    async def extract(self, html: bytes, url: str | None):  # type: ignore[no-untyped-def]
        from tui.core.fulltext.extract import extract_html

        return await asyncio.to_thread(extract_html, html, url)


async def extract_one(store: Store, article_id: int, settings: Settings) -> PageOutcome:
    """Fetch and extract one article again, on demand (the reader's `e`)."""
    article = await asyncio.to_thread(store.article, article_id)
    if article is None or not article.url:
        return PageOutcome(TextStatus.SUMMARY, note="no link to fetch")
    async with Fetcher(settings.fetch_limits(settings.max_page_bytes)) as fetcher:
        return await _one_page(store, fetcher, InlineExtractor(), article_id, article.url,
                               settings)  # type: ignore[arg-type]


async def judge_page(pool: ExtractionPool, response: FetchResponse, url: str) -> PageOutcome:
    """Decide between full text and the feed's summary, with the reason."""
    from tui.core.fulltext.extract import decode_html, detect_paywall, looks_like_html

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
    extracted = await pool.extract(response.body, response.final_url or url)
    if extracted is None or len(extracted.text) < MIN_ARTICLE_CHARS:
        paywalled = await asyncio.to_thread(
            lambda: detect_paywall(decode_html(response.body)))
        return PageOutcome(TextStatus.SUMMARY,
                           note="paywall" if paywalled else "no article text found on the page")
    from tui.core.text import strip_controls

    return PageOutcome(TextStatus.FULL, body=strip_controls(extracted.text),
                       author=extracted.author)
