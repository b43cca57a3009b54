"""Subscribe and unsubscribe on the sync server (`a` and `D` in the reader, `byline feeds add`
and `remove`): the change is made on the server, then its subscription list is taken into the
cache at once, as a sync takes it; the feed's items come with the next sync."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Iterable
from contextlib import asynccontextmanager
from urllib.parse import urlsplit

from tui.core.feeds.subscriptions import feed_url_key
from tui.core.models import RemoteFeed
from tui.core.settings import Settings
from tui.core.store import Store
from tui.core.sync.account import SyncAccount
from tui.core.sync.engine import SyncClient, make_client


def server_label(account: SyncAccount) -> str:
    """How the reader and the CLI name the server: "miniflux at 127.0.0.1:8080"."""
    host = urlsplit(account.url).netloc or account.url
    service = "Google Reader API" if account.service == "greader" else account.service
    return f"{service} at {host}"


async def subscribe(store: Store, account: SyncAccount, settings: Settings, url: str, *,
                    title: str | None = None, tags: Iterable[str] = (),
                    keep_urls: Iterable[str] = (),
                    client: SyncClient | None = None) -> RemoteFeed | None:
    """Subscribe to a feed on the server, in the folder of its first tag (a server keeps one
    folder a feed), and take the server's subscriptions into the cache. Returns the feed as
    the server lists it (None if the list does not show it yet). Raises SyncError."""
    folder = next(iter(tags), None)
    async with _session(store, account, settings, client) as session:
        await session.subscribe(url, title or None, folder)
        feeds = await _take_feeds(store, account, session, keep_urls)
    key = feed_url_key(url)
    return next((f for f in feeds if feed_url_key(f.url) == key), None)


async def unsubscribe(store: Store, account: SyncAccount, settings: Settings, feed_id: int, *,
                      keep_urls: Iterable[str] = (), client: SyncClient | None = None) -> None:
    """Unsubscribe from a synced feed (by its id in the cache) on the server, and take the
    server's subscriptions into the cache: the feed leaves the feed pane, its articles stay
    (a feed feeds.toml also has stays, as a local feed). Raises SyncError."""
    server_id = await asyncio.to_thread(store.feed_server_id, feed_id)
    async with _session(store, account, settings, client) as session:
        if server_id is not None:
            await session.unsubscribe(server_id)
        await _take_feeds(store, account, session, keep_urls)


def run_subscribe(store: Store, account: SyncAccount, settings: Settings, url: str, *,
                  title: str | None = None, tags: Iterable[str] = (),
                  keep_urls: Iterable[str] = ()) -> RemoteFeed | None:
    """Synchronous `subscribe`, for the CLI."""
    return asyncio.run(subscribe(store, account, settings, url, title=title, tags=tags,
                                 keep_urls=keep_urls))


def run_unsubscribe(store: Store, account: SyncAccount, settings: Settings, feed_id: int, *,
                    keep_urls: Iterable[str] = ()) -> None:
    """Synchronous `unsubscribe`, for the CLI."""
    asyncio.run(unsubscribe(store, account, settings, feed_id, keep_urls=keep_urls))


@asynccontextmanager
async def _session(store: Store, account: SyncAccount, settings: Settings,
                   client: SyncClient | None) -> AsyncIterator[SyncClient]:
    if client is None:
        password = await asyncio.to_thread(account.password)
        client = make_client(account, password, settings.fetch_limits())
    await asyncio.to_thread(store.begin_account, account.key)
    async with client:
        await client.login()
        yield client


async def _take_feeds(store: Store, account: SyncAccount, client: SyncClient,
                      keep_urls: Iterable[str]) -> list[RemoteFeed]:
    feeds = await client.feeds()
    await asyncio.to_thread(store.apply_remote_feeds, account.origin, feeds, list(keep_urls))
    return feeds
