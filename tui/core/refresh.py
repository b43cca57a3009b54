"""refresh(): fetch -> parse -> store -> full text and analysis in worker processes -> stories,
reporting progress; the one refresh path."""

from __future__ import annotations

import asyncio
import hashlib
import sqlite3
import sys
import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from tui.core.feeds.fetch import Fetcher, FetchResponse
from tui.core.feeds.subscriptions import Subscription
from tui.core.fulltext.pages import FullTextStats, fetch_full_texts
from tui.core.models import FeedResult, Outcome, ParsedFeed, Progress
from tui.core.settings import Settings
from tui.core.store import Store, now_ts
from tui.core.text import counted

if TYPE_CHECKING:
    from tui.core.fulltext.pool import ExtractionPool

FEED_ACCEPT = ("application/rss+xml, application/atom+xml, application/rdf+xml, "
               "application/xml;q=0.9, text/xml;q=0.9, */*;q=0.5")


@dataclass
class RefreshSummary:
    """What a refresh did."""

    results: list[FeedResult] = field(default_factory=list)
    fulltext: FullTextStats = field(default_factory=FullTextStats)
    analysed: int = 0
    grouped: int = 0
    errors: list[str] = field(default_factory=list)
    phase_seconds: dict[str, float] = field(default_factory=dict)
    cancelled: bool = False
    seconds: float = 0.0
    # Seconds from the command's start (set by `byline fetch`, which knows when it started):
    # every new article stored, so listed; and all the refresh's work done.
    listed_at: float | None = None
    done_at: float | None = None

    @property
    def new_articles(self) -> int:
        return sum(r.new_articles for r in self.results)

    @property
    def failed(self) -> list[FeedResult]:
        return [r for r in self.results if r.outcome.failed]

    def count(self, outcome: Outcome) -> int:
        return sum(1 for r in self.results if r.outcome is outcome)


ProgressCallback = Callable[[Progress], None]


async def refresh(
    store: Store, feeds: Sequence[Subscription], settings: Settings, *,
    fulltext: bool | None = None, progress: ProgressCallback | None = None,
    cancel: threading.Event | None = None, force: bool = False, synced: Sequence[int] = (),
) -> RefreshSummary:
    """Refresh the given feeds into the store. One bad feed never stops the others.

    Each feed's articles are stored as soon as it is parsed. Actors and quotes are found in
    worker processes while the refresh goes on: of each page, right after its extraction; of
    articles that keep their feed text (no full text wanted, or a page that failed), in batches.
    Stories are grouped once every analysis is stored. `synced`: feeds a sync just filled
    (not fetched here), whose new articles get their pages fetched like the others.
    """
    from tui.core.fulltext.analysis import PendingAnalysis
    from tui.core.fulltext.pool import ExtractionPool

    started = time.monotonic()
    cancel = cancel or threading.Event()
    report = progress or (lambda _p: None)
    if feeds:
        store.subscribe_feeds((f.url, f.name, f.tags) for f in feeds)  # others kept
    summary = RefreshSummary()
    want_text = settings.fulltext if fulltext is None else fulltext
    # forkserver: worker processes start clean, not as copies of a process with live threads
    # (the TUI's workers, SQLite connections), which plain fork would duplicate mid-state. The
    # workers start only when there is something to do.
    pool = ExtractionPool(start_method="forkserver" if sys.platform == "linux" else None,
                          fulltext=want_text)

    def analysis_progress(done: int, total: int, articles: Sequence[int]) -> None:
        report(Progress("analysis", done, total, articles=tuple(articles)))

    parser = _Parser(pool)
    analyser = PendingAnalysis(store, pool, progress=analysis_progress, cancel=cancel,
                               parsing=lambda: parser.parsing)
    analysis = asyncio.create_task(analyser.run())
    try:
        async with Fetcher(settings.fetch_limits()) as fetcher:
            # Without full text, every new article's text is settled now: analyse as they come.
            await _refresh_feeds(store, fetcher, feeds, force, summary, report, cancel,
                                 parser, analyser.scan if not want_text else None)
            await parser.close()
            summary.phase_seconds["feeds"] = time.monotonic() - started
            if want_text and not summary.cancelled:
                pages_started = time.monotonic()
                feed_ids = [fid for f in feeds if (fid := store.feed_id(f.url)) is not None]
                feed_ids += [fid for fid in synced if fid not in feed_ids]
                summary.fulltext = await fetch_full_texts(
                    store, fetcher, feed_ids, settings, progress=report, cancel=cancel,
                    pool=pool, analyser=analyser)
                summary.cancelled = summary.fulltext.cancelled
                if summary.fulltext.error:
                    summary.errors.append(summary.fulltext.error)
                summary.phase_seconds["pages"] = time.monotonic() - pages_started
        waiting = time.monotonic()
        analyser.close()
        await analysis
        summary.phase_seconds["analysis"] = time.monotonic() - waiting
    finally:
        if not analysis.done():  # an error above: stop feeding the workers, keep what landed
            analyser.stop()
            await asyncio.gather(analysis, return_exceptions=True)
        summary.analysed = analyser.stored + summary.fulltext.full
        summary.errors += analyser.errors
        failures = analyser.rule_failures + summary.fulltext.rule_failures
        if failures:
            summary.errors.append(f"the quote rules failed on {counted(failures, 'article')}, "
                                  "which show no quotes (a bug: please report it)")
        summary.cancelled = summary.cancelled or cancel.is_set()
        if summary.cancelled:
            pool.close(cancel=True)
    try:
        if not summary.cancelled:
            await _group(store, settings, summary, report, pool)
    finally:
        pool.close()
    summary.seconds = time.monotonic() - started
    return summary


class _Parser:
    """Feeds are parsed in the worker processes: the CPU work leaves this process (the TUI's),
    and a feed that crashes the parser costs a worker, not the app. While the workers start (a
    few hundred ms), feeds are parsed in a thread here, so the first ones are listed at once."""

    def __init__(self, pool: ExtractionPool) -> None:
        self.pool = pool
        self._starting: asyncio.Future[None] | None = None
        self.parsing = 0  # feeds sent to the workers and not back yet

    async def __call__(self, body: bytes, url: str, headers: dict[str, str]) -> ParsedFeed:
        # Imported here: a refresh where every feed answers 304 never parses (lxml stays out).
        from tui.core.feeds.parse import parse_feed
        from tui.core.fulltext.pool import WorkerLost

        if self._starting is None:
            self._starting = asyncio.ensure_future(self.pool.warm_up())
        if not self._starting.done():
            return await asyncio.to_thread(parse_feed, body, url, headers)
        self.parsing += 1
        try:
            return await self.pool.run(parse_feed, body, url, headers)
        except WorkerLost:
            return ParsedFeed(None, (), error="the feed crashed the parser (a worker process "
                                              "died on it)")
        finally:
            self.parsing -= 1

    async def close(self) -> None:
        if self._starting is not None:
            await asyncio.gather(self._starting, return_exceptions=True)


async def _refresh_feeds(store: Store, fetcher: Fetcher, feeds: Sequence[Subscription],
                         force: bool, summary: RefreshSummary, report: ProgressCallback,
                         cancel: threading.Event, parse: _Parser,
                         changed: Callable[[], None] | None) -> None:
    """Fetch, parse and store every feed, reporting each as it is stored."""
    tasks = [asyncio.create_task(_refresh_feed(store, fetcher, feed, force, parse))
             for feed in feeds]
    try:
        for done, finished in enumerate(asyncio.as_completed(tasks), start=1):
            result = await finished
            summary.results.append(result)
            if changed is not None and result.outcome is Outcome.OK:
                changed()
            report(Progress("feeds", done, len(tasks), result.name, result))
            if cancel.is_set():
                summary.cancelled = True
                break
    except asyncio.CancelledError:
        # Cancelled from outside (the event loop is shutting down): stop the feeds, then let
        # the cancellation go on to whoever asked for it.
        summary.cancelled = True
        await _stop(tasks)
        raise
    await _stop(tasks)


async def _stop(tasks: Sequence[asyncio.Task[FeedResult]]) -> None:
    """Cancel the feeds still running and wait for them to end."""
    for task in tasks:
        task.cancel()
    await asyncio.gather(*tasks, return_exceptions=True)


async def _group(store: Store, settings: Settings, summary: RefreshSummary,
                 report: ProgressCallback, pool: ExtractionPool) -> None:
    """Stories, once the actors they use are stored: grouped in a worker process with its own
    connection to the cache, so this process (the TUI's) neither computes nor holds them."""
    from tui.core.fulltext.pool import WorkerLost
    from tui.core.fulltext.work import group_stories

    analysed = summary.analysed > 0
    if not (await asyncio.to_thread(store.ungrouped_span))[1] and not analysed:
        return  # nothing new: no worker needed
    report(Progress("stories", 0, 1))
    started = time.monotonic()
    try:
        if store.path == ":memory:":  # a worker cannot open this one
            summary.grouped = await asyncio.to_thread(group_stories, store, settings, analysed)
        else:
            summary.grouped = await pool.run(group_stories, store.path, settings, analysed)
    except sqlite3.Error as exc:
        summary.errors.append(f"cannot write to the cache: {exc}")
    except WorkerLost:
        summary.errors.append("a worker process died grouping stories; the next refresh "
                              "groups them")
    summary.phase_seconds["stories"] = time.monotonic() - started
    report(Progress("stories", 1, 1))


async def _refresh_feed(store: Store, fetcher: Fetcher, feed: Subscription,
                        force: bool, parse: _Parser) -> FeedResult:
    started = time.monotonic()
    feed_id = store.feed_id(feed.url)
    assert feed_id is not None, "sync_feeds runs first"
    etag, last_modified, retry_after = store.validators(feed_id)
    if retry_after and retry_after > now_ts() and not force:
        wait = retry_after - now_ts()
        return FeedResult(feed.url, feed.name, Outcome.BACKING_OFF,
                          error=f"server asked us to wait; retrying in {wait // 60 + 1} min")
    response = await fetcher.get(feed.url, etag=etag, last_modified=last_modified,
                                 accept=FEED_ACCEPT)
    try:
        result = await _store_response(store, feed_id, feed, response, parse)
    except sqlite3.Error as exc:
        # The transaction rolled back: nothing of this feed was half-written.
        result = FeedResult(feed.url, feed.name, Outcome.CACHE_ERROR,
                            error=f"cannot write to the cache: {exc}")
    return FeedResult(**{**result.__dict__, "seconds": time.monotonic() - started})


async def _store_response(store: Store, feed_id: int, feed: Subscription,
                          response: FetchResponse, parse: _Parser) -> FeedResult:
    if response.error_kind is not None:
        outcome = {
            "timeout": Outcome.TIMEOUT, "too large": Outcome.TOO_LARGE, "http": Outcome.HTTP_ERROR,
            "not found": Outcome.HTTP_ERROR,
        }.get(response.error_kind, Outcome.NETWORK_ERROR)
        retry_at = _retry_at(response)
        error = response.error or outcome.value
        if retry_at:
            error += f"; server asked to retry after {int(response.retry_after or 0)} s"
        await asyncio.to_thread(store.record_feed_result, feed_id, outcome,
                                http_status=response.status, error=error, retry_after=retry_at)
        return FeedResult(feed.url, feed.name, outcome, http_status=response.status, error=error)
    if response.not_modified:
        await asyncio.to_thread(store.record_feed_result, feed_id, Outcome.NOT_MODIFIED,
                                http_status=304)
        return FeedResult(feed.url, feed.name, Outcome.NOT_MODIFIED, http_status=304)
    digest = hashlib.sha1(response.body).hexdigest()
    if digest == store.content_hash(feed_id):
        # The server ignored our validators but sent the very same bytes: nothing to parse.
        await asyncio.to_thread(store.record_feed_result, feed_id, Outcome.NOT_MODIFIED,
                                etag=response.etag, last_modified=response.last_modified,
                                http_status=response.status)
        return FeedResult(feed.url, feed.name, Outcome.NOT_MODIFIED, http_status=response.status)
    parsed = await parse(response.body, response.final_url or feed.url, dict(response.headers))
    if parsed.error:
        await asyncio.to_thread(store.record_feed_result, feed_id, Outcome.PARSE_ERROR,
                                http_status=response.status, error=parsed.error)
        return FeedResult(feed.url, feed.name, Outcome.PARSE_ERROR, http_status=response.status,
                          error=parsed.error)
    new = await asyncio.to_thread(
        store.record_feed_result, feed_id, Outcome.OK, entries=parsed.entries, title=parsed.title,
        etag=response.etag, last_modified=response.last_modified, http_status=response.status,
        warning=parsed.warning, content_hash=digest,
    )
    return FeedResult(feed.url, feed.name, Outcome.OK, new_articles=new,
                      entries=len(parsed.entries), http_status=response.status,
                      warning=parsed.warning)


def _retry_at(response: FetchResponse) -> int | None:
    if response.status in (429, 503):
        # Without Retry-After, still back off a little rather than hammer a struggling server.
        delay = response.retry_after if response.retry_after is not None else 300
        return now_ts() + int(min(max(delay, 60), 24 * 3600))
    return None


def run_refresh(store: Store, feeds: Sequence[Subscription], settings: Settings, *,
                fulltext: bool | None = None, progress: ProgressCallback | None = None,
                cancel: threading.Event | None = None, force: bool = False,
                synced: Sequence[int] = ()) -> RefreshSummary:
    """Synchronous wrapper for the CLI and for worker threads."""
    return asyncio.run(refresh(store, feeds, settings, fulltext=fulltext, progress=progress,
                               cancel=cancel, force=force, synced=synced))
