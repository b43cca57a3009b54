"""One sync, start to end: send the queued local changes, take the server's subscriptions, then
its new items and their read and starred state. Each step is one transaction in the cache, so
a sync cut at any point (a crash, SIGKILL, the server going away) loses nothing, and a sync
repeated at once changes nothing."""

from __future__ import annotations

import asyncio
import sqlite3
import threading
import time
from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import Any, Protocol

from tui.core.models import ItemState, LocalChange, Progress, RemoteFeed, RemoteItem, SyncMoves
from tui.core.settings import FetchLimits, Settings
from tui.core.store import Store
from tui.core.sync.account import SyncAccount
from tui.core.sync.model import SyncError, SyncSummary
from tui.core.sync.sink import SyncSink

# Without a Retry-After, a busy server is left alone this long before the next try.
BUSY_BACKOFF_SECONDS = 300
QUEUE_PAGE = 500

ProgressCallback = Callable[[Progress], None]


class SyncClient(Protocol):
    """What every service's client does (greader.py, miniflux.py)."""

    async def __aenter__(self) -> Any: ...
    async def __aexit__(self, *exc: Any) -> None: ...
    async def login(self) -> None: ...
    async def feeds(self) -> list[RemoteFeed]: ...
    async def pull(self, sink: SyncSink) -> None: ...
    async def states(self, server_ids: Sequence[str], since: float) -> dict[str, ItemState]: ...
    async def send(self, field: str, value: bool, server_ids: Sequence[str]) -> None: ...
    async def subscribe(self, url: str, title: str | None, folder: str | None) -> None: ...
    async def unsubscribe(self, server_id: str) -> None: ...


def make_client(account: SyncAccount, password: str, limits: FetchLimits,
                cancel: threading.Event | None = None) -> SyncClient:
    """The account's client; a set `cancel` stops it before its next request (or during one)."""
    if account.service == "miniflux":
        from tui.core.sync.miniflux import MinifluxClient

        return MinifluxClient(account.url, account.username, password, limits, cancel)
    from tui.core.sync.greader import GReaderClient

    return GReaderClient(account.url, account.username, password, limits, cancel)


async def sync(store: Store, account: SyncAccount, settings: Settings, *,
               keep_urls: Iterable[str] = (), progress: ProgressCallback | None = None,
               force: bool = False, client: SyncClient | None = None,
               cancel: threading.Event | None = None) -> SyncSummary:
    """Sync the cache with the account's server; never raises for server or network trouble:
    the summary's `error` says what stopped it, in one line, and the queue is kept. A set
    `cancel` (`c` in the reader) stops it before its next request, or during one: every page
    stored so far stays, with its cursor, and so do the changes not yet sent."""
    summary = SyncSummary()
    started = time.monotonic()
    try:
        await _sync(store, account, settings, summary, list(keep_urls),
                    progress or (lambda _p: None), force, client, cancel)
        await asyncio.to_thread(store.set_sync_values, {
            "last_success": str(int(time.time())), "last_error": None, "retry_at": None})
    except SyncError as exc:
        if exc.kind == "cancelled":
            summary.cancelled = True  # not a failure: the last sync's outcome stands
        else:
            summary.error = str(exc)
            await asyncio.to_thread(_record_failure, store, exc)
    except sqlite3.Error as exc:
        summary.error = f"sync: cannot write to the cache: {exc}"
    summary.queued = await asyncio.to_thread(store.queued_count)
    summary.seconds = time.monotonic() - started
    return summary


def run_sync(store: Store, account: SyncAccount, settings: Settings, *,
             keep_urls: Iterable[str] = (), progress: ProgressCallback | None = None,
             force: bool = False, cancel: threading.Event | None = None) -> SyncSummary:
    """Synchronous wrapper for the CLI and for worker threads."""
    return asyncio.run(sync(store, account, settings, keep_urls=keep_urls, progress=progress,
                            force=force, cancel=cancel))


def _record_failure(store: Store, error: SyncError) -> None:
    values: dict[str, str | None] = {"last_error": str(error)}
    if error.kind == "busy":
        wait = error.retry_after if error.retry_after is not None else BUSY_BACKOFF_SECONDS
        values["retry_at"] = str(int(time.time() + min(max(wait, 1), 24 * 3600)))
    try:
        store.set_sync_values(values)
    except sqlite3.Error:
        pass  # the cache is the trouble; the summary says so


async def _sync(store: Store, account: SyncAccount, settings: Settings, summary: SyncSummary,
                keep_urls: list[str], report: ProgressCallback, force: bool,
                client: SyncClient | None, cancel: threading.Event | None) -> None:
    waiting: str | None = await asyncio.to_thread(store.sync_value, "retry_at")
    retry_at = float(waiting or 0)
    if retry_at > time.time() and not force:
        minutes = int(retry_at - time.time()) // 60 + 1
        raise SyncError("busy", f"sync: the server asked Byline to wait; next try in {minutes} "
                                "min (byline sync --force tries now); local changes stay queued")
    if client is None:
        password = await asyncio.to_thread(account.password)
        client = make_client(account, password, settings.fetch_limits(), cancel)
    await asyncio.to_thread(store.begin_account, account.key)
    async with client:
        report(Progress("sync", 0, 3, "signing in"))
        await client.login()
        report(Progress("sync", 0, 3, "sending local changes"))
        await _push(store, client, summary)
        report(Progress("sync", 1, 3, "subscriptions"))
        feeds = await client.feeds()
        summary.feeds = len(feeds)
        feed_ids = await asyncio.to_thread(store.apply_remote_feeds, account.origin, feeds,
                                           keep_urls)
        sink = _StoreSink(store, account, client, feed_ids, keep_urls, summary, report)
        try:
            await client.pull(sink)
        finally:
            await sink.settle()  # the last page's write, whatever stopped the pull
        report(Progress("sync", 3, 3, summary.line()))


async def _push(store: Store, client: SyncClient, summary: SyncSummary) -> None:
    """Send the queued changes a page at a time: each is compared with the item on the server
    first (the later change wins; one the server already has is not sent again)."""
    seen: set[tuple[int, str, float]] = set()
    while True:
        changes = [c for c in await asyncio.to_thread(store.pending_changes, QUEUE_PAGE)
                   if (c.article_id, c.field, c.at) not in seen]
        if not changes:
            return
        seen.update((c.article_id, c.field, c.at) for c in changes)
        states = await client.states(sorted({c.server_id for c in changes}),
                                     min(c.at for c in changes))
        outgoing, server_won = _decide(changes, states)
        for (field, value), server_ids in outgoing.items():
            await client.send(field, value, server_ids)
            summary.sent += len(server_ids)
        await asyncio.to_thread(store.drop_changes, changes)
        if server_won:
            summary.add(await asyncio.to_thread(store.apply_item_states, server_won))


def _decide(changes: Sequence[LocalChange], states: Mapping[str, ItemState]
            ) -> tuple[dict[tuple[str, bool], list[str]], dict[str, ItemState]]:
    """Which changes go to the server (by field and value), and the server's state of the items
    where the server changed later than Byline did (the later change wins)."""
    outgoing: dict[tuple[str, bool], list[str]] = defaultdict(list)
    server_won: dict[str, ItemState] = {}
    for change in changes:
        state = states.get(change.server_id)
        if state is None:
            continue  # gone from the server: nothing to send it to
        current = state.read if change.field == "read" else state.starred
        if current == change.value:
            continue  # the server has it already
        if state.changed is not None and state.changed > change.at:
            server_won[change.server_id] = state
            continue
        outgoing[(change.field, change.value)].append(change.server_id)
    return outgoing, server_won


class _StoreSink:
    """The cache as a client's pull step writes it (SyncSink), counting what moved.

    A page of items is written while the client goes on (the next page's texts are prepared
    meanwhile, which is most of storing that is not SQLite's); every other call, and `settle`,
    waits for that write first, so the cache sees the calls in order, each one transaction."""

    def __init__(self, store: Store, account: SyncAccount, client: SyncClient,
                 feed_ids: dict[str, int], keep_urls: list[str], summary: SyncSummary,
                 report: ProgressCallback) -> None:
        self.store = store
        self.account = account
        self.client = client
        self.feed_ids = feed_ids
        self.keep_urls = keep_urls
        self.summary = summary
        self.report = report
        self.label = ""
        self._writing: asyncio.Future[SyncMoves] | None = None

    async def settle(self) -> None:
        """Wait for the page being written, and count what it moved."""
        writing, self._writing = self._writing, None
        if writing is not None:
            self.summary.add(await writing)
            self.report(Progress("sync", 2, 3, f"{self.label}: {self.summary.new} new"))

    async def value(self, key: str) -> str | None:
        await self.settle()
        return await asyncio.to_thread(self.store.sync_value, key)

    async def known(self, server_ids: Sequence[str]) -> set[str]:
        await self.settle()
        return await asyncio.to_thread(self.store.known_server_ids, server_ids)

    async def items(self, items: Sequence[RemoteItem],
                    cursor: Mapping[str, str | None] | None = None) -> None:
        texts = await asyncio.to_thread(self.store.prepare_remote_items, items)
        await self.settle()
        if any(item.feed_server_id not in self.feed_ids for item in items):
            # Subscribed on the server since the list was read: read it again.
            feeds = await self.client.feeds()
            self.feed_ids = await asyncio.to_thread(
                self.store.apply_remote_feeds, self.account.origin, feeds, self.keep_urls)
        self._writing = asyncio.ensure_future(asyncio.to_thread(
            self.store.store_remote_items, items, dict(self.feed_ids), cursor, texts))

    async def states(self, states: Mapping[str, ItemState],
                     cursor: Mapping[str, str | None] | None = None) -> None:
        await self.settle()
        self.summary.add(await asyncio.to_thread(self.store.apply_item_states, states, cursor))

    async def state_sets(self, unread: set[str], starred: set[str]) -> None:
        await self.settle()
        self.summary.add(await asyncio.to_thread(self.store.apply_state_sets, self.account.origin,
                                                 unread, starred))

    async def cursor(self, values: Mapping[str, str | None]) -> None:
        await self.settle()
        await asyncio.to_thread(self.store.set_sync_values, values)

    def progress(self, label: str) -> None:
        self.label = label
        self.report(Progress("sync", 2, 3, label))
