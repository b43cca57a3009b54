"""Actors and quotes of articles whose text is settled, found in the worker pool while a
refresh goes on: this process reads texts and stores results, the workers analyse."""

from __future__ import annotations

import asyncio
import sqlite3
import threading
import time
from collections import OrderedDict, deque
from collections.abc import Callable, Iterable, Sequence
from typing import TYPE_CHECKING

from tui.core.quotes.pending import save_analyses
from tui.core.store import Store
from tui.core.text import counted

if TYPE_CHECKING:
    from tui.core.fulltext.pool import ExtractionPool
    from tui.core.models import Analysis

# A batch for one worker round trip: enough text that the trip costs little beside the work, small
# enough that both workers stay busy and results land steadily.
WORKER_BATCH_TEXTS = 48
WORKER_BATCH_CHARS = 60_000
# Texts read from the cache at a time (the queue never holds a whole backlog in memory).
READ_CHUNK = 400
# Results stored per transaction, at most; fewer when the workers are idle.
STORE_ROWS = 400
# While feeds come in, the cache is looked at for new articles at most this often (unless the
# workers run out of work).
SCAN_SECONDS = 0.2
# Copies of one text (wire copy) are analysed once per refresh; only short texts are remembered.
# The newest few thousand are kept (a feed's summary analysis takes a few KB).
REMEMBER_CHARS = 4_000
REMEMBER_TEXTS = 5_000


class PendingAnalysis:
    """Actors and quotes of articles whose text is settled, found in the worker pool as the
    refresh goes on; this process only reads texts and stores results.

    `scan()` takes the articles the cache marks unanalysed (new ones while feeds come in),
    `add()` takes given ones; `close()` makes a last scan of every article and lets `run()`
    return once everything taken is stored. A text that
    appears in several articles (wire copy in several feeds) is analysed once. Cancelled, it
    stores what came back and leaves the rest marked unanalysed, for the next refresh.
    """

    def __init__(self, store: Store, pool: ExtractionPool, *,
                 progress: Callable[[int, int, Sequence[int]], None] | None = None,
                 cancel: threading.Event | None = None,
                 parsing: Callable[[], int] = lambda: 0) -> None:
        self.store = store
        self.parsing = parsing  # how many feeds are being parsed in the same workers now
        self.pool = pool
        self.progress = progress
        self.cancel = cancel or threading.Event()
        self.total = 0  # articles taken
        self.stored = 0  # articles whose analysis is stored
        self.errors: list[str] = []
        self.rule_failures = 0  # texts the quote rules failed on
        self._taken: set[int] = set()
        self._ids: deque[int] = deque()  # taken, text not read yet
        self._queue: dict[str, list[int]] = {}  # text -> articles, waiting for a worker
        self._working: dict[str, list[int]] = {}  # text -> articles, in a worker now
        self._known: OrderedDict[str, Analysis] = OrderedDict()
        self._results: list[tuple[int, Analysis]] = []
        self._batches: set[asyncio.Task[None]] = set()
        self._wake = asyncio.Event()
        self._scan_wanted = False
        self._closing = False
        self._stopped = False
        self._highest = 0  # the highest article id a scan has seen
        self._scanned = 0.0
        self._workers = pool.workers

    @property
    def _limit(self) -> int:
        """Batches out at once: two a worker, so a worker never waits for this process to send
        the next. While feeds wait to be parsed in the same workers, one worker's worth fewer, so
        a feed finds a worker free instead of queueing behind analyses (every article listed
        first, issue 25; a batch takes a few tens of ms)."""
        if not self._closing and self.parsing():
            return max(1, self._workers - 1)
        return 2 * self._workers

    # -- what to analyse ------------------------------------------------------------------
    def scan(self) -> None:
        """Take every article the cache marks unanalysed (soon, in run())."""
        self._scan_wanted = True
        self._wake.set()

    def add(self, article_ids: Iterable[int]) -> None:
        """Take these articles (their text is read when a worker is about to need it)."""
        for article_id in article_ids:
            if article_id not in self._taken:
                self._taken.add(article_id)
                self._ids.append(article_id)
                self.total += 1
        self._wake.set()

    def close(self) -> None:
        """No more work is coming: a last scan, then run() returns when all is stored."""
        self._closing = True
        self.scan()

    def stop(self) -> None:
        """Stop soon, as if cancelled: what came back is stored, the rest stays unanalysed."""
        self._stopped = True
        self._wake.set()

    @property
    def idle(self) -> bool:
        return not (self._ids or self._queue or self._batches or self._results
                    or self._scan_wanted)

    # -- the loop ---------------------------------------------------------------------------
    async def run(self) -> None:
        """Read texts, send batches to the workers, store results; until closed and done."""
        try:
            while not (self._closing and self.idle):
                try:
                    await asyncio.wait_for(self._wake.wait(), timeout=0.1)
                except TimeoutError:
                    pass  # look at the cancel flag now and then
                self._wake.clear()
                if self.cancel.is_set() or self._stopped:
                    break
                if self._scan_wanted and (self._closing or not self._ids or
                                          time.monotonic() - self._scanned > SCAN_SECONDS):
                    self._scan_wanted = False
                    await self._scan()
                await self._dispatch()
                if self._results and (len(self._results) >= STORE_ROWS or not self._batches
                                      or not self._ids and not self._queue):
                    await self._store()
        finally:
            for task in self._batches:
                task.cancel()
            await asyncio.gather(*self._batches, return_exceptions=True)
            if self._results:  # what came back is valid: keep it
                await self._store()

    async def _scan(self) -> None:
        # While feeds come in, only new articles (higher ids) are looked for; the last scan
        # looks at every article, for those whose text changed.
        after = 0 if self._closing else self._highest
        ids = await asyncio.to_thread(self.store.unanalysed, after)
        if ids:
            self._highest = max(self._highest, ids[-1])
        self.add(i for i in ids if i not in self._taken)
        self._scanned = time.monotonic()

    async def _dispatch(self) -> None:
        while len(self._batches) < self._limit and (self._queue or self._ids):
            if len(self._queue) < WORKER_BATCH_TEXTS and self._ids:
                await self._read_texts()
                continue
            self._send_batch()

    async def _read_texts(self) -> None:
        chunk = [self._ids.popleft() for _ in range(min(READ_CHUNK, len(self._ids)))]
        texts = await asyncio.to_thread(self.store.texts, chunk)
        for article_id, text in texts:
            text = text or ""
            if (known := self._known.get(text)) is not None:
                self._known.move_to_end(text)
                self._results.append((article_id, known))
            elif text in self._working:
                self._working[text].append(article_id)
            else:
                self._queue.setdefault(text, []).append(article_id)
        self._wake.set()

    def _send_batch(self) -> None:
        texts: list[str] = []
        chars = 0
        while self._queue and len(texts) < WORKER_BATCH_TEXTS and \
                (not texts or chars < WORKER_BATCH_CHARS):
            text = next(iter(self._queue))
            self._working[text] = self._queue.pop(text)
            texts.append(text)
            chars += len(text)
        task = asyncio.create_task(self._analyse(texts))
        self._batches.add(task)
        task.add_done_callback(self._batch_done)

    def _batch_done(self, task: asyncio.Task[None]) -> None:
        self._batches.discard(task)
        self._wake.set()

    async def _analyse(self, texts: list[str]) -> None:
        from tui.core.fulltext.pool import WorkerLost
        from tui.core.fulltext.work import analyse_texts

        try:
            analyses = await self.pool.run(analyse_texts, texts)
        except (WorkerLost, RuntimeError, OSError) as exc:
            # These stay unanalysed: the next refresh tries them again.
            reason = "a worker process died" if isinstance(exc, WorkerLost) else \
                f"the worker processes could not run ({type(exc).__name__}: {exc})"
            self.errors.append(f"{reason}; {counted(len(texts), 'article')} left for the next refresh")
            for text in texts:
                self._working.pop(text, None)
            return
        for text, analysis in zip(texts, analyses, strict=True):
            if analysis.error:
                self.rule_failures += 1
            for article_id in self._working.pop(text, ()):
                self._results.append((article_id, analysis))
            if len(text) <= REMEMBER_CHARS:
                self._known[text] = analysis
                if len(self._known) > REMEMBER_TEXTS:
                    self._known.popitem(last=False)

    async def _store(self) -> None:
        results, self._results = self._results, []
        rows = [(article_id, a.actors, a.quotes) for article_id, a in results]
        try:
            await asyncio.to_thread(save_analyses, self.store, rows, False)  # the refresh resolves names once
        except sqlite3.Error as exc:  # e.g. a full disk: they stay unanalysed
            self.errors.append(f"cannot write to the cache: {exc}")
            return
        self.stored += len(rows)
        if self.progress:
            self.progress(self.stored, self.total, [article_id for article_id, _ in results])
