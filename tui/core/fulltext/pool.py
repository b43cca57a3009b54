"""`ExtractionPool`: the worker processes that run a refresh's CPU work (page extraction, the
analysis of text: what they run is tui.core.fulltext.work) off the event loop, and the fork server
and resource tracker they start from."""

from __future__ import annotations

import asyncio
import contextlib
import logging
import os
import sys
import threading
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import TYPE_CHECKING, Any, TypeVar

from tui.core.fulltext.article import Extracted, extract_html

if TYPE_CHECKING:
    from types import TracebackType

LOG = logging.getLogger(__name__)
T = TypeVar("T")
U = TypeVar("U")


def default_workers() -> int:
    """The number of cores this process may run on."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except (AttributeError, OSError):  # not on Linux
        return max(1, os.cpu_count() or 1)


def _extract_pair(page: tuple[bytes | str, str | None]) -> Extracted | None:
    html, url = page
    return extract_html(html, url)


class WorkerLost(Exception):
    """A worker process died (killed, or a crash in native code) before answering."""


def prepare_forkserver(modules: Sequence[str]) -> None:
    """Have the fork server import these once, so each worker forked from it starts with them
    (it counts only before the server starts; after that, workers import on first use)."""
    from multiprocessing import forkserver

    forkserver.set_forkserver_preload(list(modules))


def start_process_helpers(fulltext: bool) -> None:
    """Start multiprocessing's fork server (preloading what workers need) and resource tracker,
    if they are not running yet. The first pool does this itself when it starts; the TUI starts
    nothing up front, so a refresh pays for it, not start-up."""
    if sys.platform != "linux":
        return
    from multiprocessing import forkserver, resource_tracker

    from tui.core.fulltext.work import preload_modules

    prepare_forkserver(preload_modules(fulltext))
    with _lent_stderr():
        resource_tracker.ensure_running()
        forkserver.ensure_running()


_HELPERS_LOCK = threading.Lock()


@contextlib.contextmanager
def _lent_stderr() -> Iterator[None]:
    """Under Textual, sys.stderr is a stand-in whose fileno() is -1, which the resource tracker
    would hand its child process ("bad value(s) in fds_to_keep", found in a real terminal):
    while the helpers start, lend it /dev/null, which also keeps their output off the screen."""
    try:
        usable = sys.stderr.fileno() >= 0
    except (AttributeError, OSError, ValueError):
        usable = True  # the tracker skips a stream without a descriptor
    if usable:
        yield
        return
    with _HELPERS_LOCK, open(os.devnull, "w") as devnull:
        stand_in, sys.stderr = sys.stderr, devnull
        try:
            yield
        finally:
            sys.stderr = stand_in


class ExtractionPool:
    """A process pool sized to the machine's cores for CPU-bound work: page extraction, and the
    analysis of text (tui.core.fulltext.work).

    `fulltext` says whether pages will be extracted: without it, workers never import trafilatura.
    """

    def __init__(self, workers: int | None = None, start_method: str | None = None, *,
                 fulltext: bool = True) -> None:
        self.workers = workers or default_workers()
        self._start_method = start_method
        self._fulltext = fulltext
        self._executor: ProcessPoolExecutor | None = None
        self._closed = False
        self._in_flight: set[Future[Any]] = set()
        self.inline = False  # True once workers proved unable to start
        self._answered = False  # the current executor's workers completed a call
        self._failed_starts = 0
        self._starting: asyncio.Future[None] | None = None  # workers being started, in a thread
        self._started_for: ProcessPoolExecutor | None = None  # the executor they were started for
        # A shut-down executor must outlive close(): if it is garbage-collected first, its manager
        # thread never sees the request to cancel pending work.
        self._retired: list[ProcessPoolExecutor] = []

    def _pool(self) -> ProcessPoolExecutor:
        if self._closed:
            raise RuntimeError("ExtractionPool is closed")
        if self._executor is None:
            import functools
            import multiprocessing

            from tui.core.fulltext.work import warm

            if self._start_method == "forkserver":
                start_process_helpers(self._fulltext)
            elif self._start_method == "spawn":
                from multiprocessing import resource_tracker

                with _lent_stderr():
                    resource_tracker.ensure_running()
            context = multiprocessing.get_context(self._start_method) if self._start_method else None
            self._executor = ProcessPoolExecutor(self.workers, mp_context=context,
                                                 initializer=functools.partial(warm, self._fulltext, os.getpid()))
        return self._executor

    async def _ready(self) -> ProcessPoolExecutor:
        """The executor with its workers started. From the fork server, starting a worker waits
        until the server has imported what it preloads (a few hundred ms the first time): that
        happens in a thread, so an event loop that fetches and stores never waits for it."""
        if self._start_method != "forkserver":
            return self._pool()
        if self._executor is None or self._started_for is not self._executor:
            if self._starting is None or self._starting.done():
                self._starting = asyncio.ensure_future(asyncio.to_thread(self._start_workers))
            await asyncio.shield(self._starting)
        return self._pool()

    def _start_workers(self) -> None:
        executor = self._pool()
        with contextlib.suppress(BrokenProcessPool, RuntimeError, OSError):
            for _ in range(self.workers):  # each submission finding no idle worker starts one
                executor.submit(os.getpid)
        self._started_for = executor

    async def warm_up(self) -> None:
        """Start every worker; returns once each has answered (errors are left to later calls)."""
        try:
            await asyncio.gather(*(self.run(os.getpid) for _ in range(self.workers)))
        except (WorkerLost, RuntimeError, OSError):
            pass

    async def run(self, fn: Callable[..., T], *args: Any) -> T:
        """fn(*args) in a worker; cancelling the awaiting task drops it if not yet started.
        Raises WorkerLost when a worker died (the pool starts afresh for the next call). When
        workers die twice in a row before answering anything, they cannot start here: from
        then on calls run in a thread of this process instead."""
        if self.inline:
            return await asyncio.to_thread(fn, *args)
        executor = await self._ready()
        try:
            future = executor.submit(fn, *args)
            self._in_flight.add(future)
            future.add_done_callback(self._in_flight.discard)
            result = await asyncio.wrap_future(future)
        except BrokenProcessPool as exc:
            self._broken(executor)
            raise WorkerLost(str(exc)) from exc
        if executor is self._executor:
            self._answered, self._failed_starts = True, 0
        return result

    def _broken(self, executor: ProcessPoolExecutor) -> None:
        if executor is not self._executor:
            return  # another call already saw this executor break
        if not self._answered:
            self._failed_starts += 1
            if self._failed_starts >= 2:
                LOG.warning("worker processes cannot start; running their work in threads")
                self.inline = True
        self._discard_broken_pool()

    async def extract(self, html: bytes, url: str | None) -> Extracted | None:
        """Extract one page in a worker process; None when a worker died on it."""
        try:
            return await self.run(extract_html, html, url)
        except WorkerLost:
            return None

    def map(self, pages: Iterable[tuple[bytes, str | None]], chunksize: int = 4) -> Iterator[Extracted | None]:
        """Extract a batch in the workers; results come back in input order."""
        return self._pool().map(_extract_pair, pages, chunksize=chunksize)

    def map_each(self, fn: Callable[[U], T], items: Iterable[U], chunksize: int = 1) -> Iterator[T]:
        """fn for each item in the workers; results come back in input order."""
        return self._pool().map(fn, items, chunksize=chunksize)

    def _discard_broken_pool(self) -> None:
        executor, self._executor = self._executor, None
        self._answered = False
        if executor is not None:
            self._retired.append(executor)
            executor.shutdown(wait=False, cancel_futures=True)

    def close(self, cancel: bool = False) -> None:
        """Stop the workers; with cancel, pending pages are dropped and running ones are not waited for."""
        self._closed = True
        if cancel:
            for future in list(self._in_flight):
                future.cancel()  # only succeeds for pages no worker has started: exactly what we want
        executor, self._executor = self._executor, None
        if executor is not None:
            self._retired.append(executor)
            executor.shutdown(wait=not cancel, cancel_futures=cancel)

    def __enter__(self) -> ExtractionPool:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.close(cancel=exc_type is not None)
