"""Miniflux's REST API (/v1): basic auth, feeds with their categories, entries after an entry id
(new items) and changed after a time (state), status set by id, bookmarks toggled."""

from __future__ import annotations

import asyncio
import json
import threading
import time
from collections.abc import AsyncIterator, Sequence
from datetime import datetime
from typing import Any

from tui.core.models import ItemState, RemoteFeed, RemoteItem
from tui.core.settings import FetchLimits
from tui.core.sync.http import ApiClient
from tui.core.sync.model import SyncError
from tui.core.sync.sink import SyncSink

PAGE = 500


class MinifluxClient:
    """One session with a Miniflux server, as a user (HTTP basic auth)."""

    def __init__(self, url: str, username: str, password: str, limits: FetchLimits,
                 cancel: threading.Event | None = None) -> None:
        self.api = ApiClient(url.rstrip("/"), limits, auth=(username, password))
        self.api.cancel = cancel

    async def __aenter__(self) -> MinifluxClient:
        await self.api.__aenter__()
        return self

    async def __aexit__(self, *exc: Any) -> None:
        await self.api.__aexit__(*exc)

    async def login(self) -> None:
        me = await self.api.json("GET", "/v1/me")
        if not isinstance(me, dict) or "id" not in me:
            raise SyncError("protocol", f"sync: no Miniflux API at {self.api.base} (/v1/me)")

    async def feeds(self) -> list[RemoteFeed]:
        answer = await self.api.json("GET", "/v1/feeds")
        if not isinstance(answer, list):
            raise SyncError("protocol", f"sync: {self.api.host} sent an unexpected answer for "
                                        "/v1/feeds")
        found = []
        for feed in answer:
            if not isinstance(feed, dict) or not feed.get("feed_url"):
                continue
            category = (feed.get("category") or {}).get("title")
            found.append(RemoteFeed(str(feed["id"]), str(feed["feed_url"]),
                                    str(feed.get("title") or feed["feed_url"]),
                                    (str(category),) if category else ()))
        return found

    async def subscribe(self, url: str, title: str | None, folder: str | None) -> None:
        """Create the feed (Miniflux fetches it at once) in the category named `folder`, made
        when missing, else in the user's first category: creating a feed needs one."""
        category = await self._category(folder)
        answer = await self.api.change("POST", "/v1/feeds",
                                       json_body={"feed_url": url, "category_id": category})
        feed_id = _decode_id(answer, "feed_id")
        if title and feed_id is not None:
            await self.api.change("PUT", f"/v1/feeds/{feed_id}", json_body={"title": title})

    async def unsubscribe(self, server_id: str) -> None:
        """Delete the feed (its entries go with it on the server); one already gone is fine."""
        await self.api.change("DELETE", f"/v1/feeds/{int(server_id)}", ok=(404,))

    async def _category(self, title: str | None) -> int:
        answer = await self.api.json("GET", "/v1/categories")
        categories = [c for c in answer if isinstance(c, dict) and "id" in c] \
            if isinstance(answer, list) else []
        if title:
            found = next((c for c in categories
                          if str(c.get("title", "")).casefold() == title.casefold()), None)
            if found is not None:
                return int(found["id"])
            made = _decode_id(await self.api.change("POST", "/v1/categories",
                                                    json_body={"title": title}), "id")
            if made is not None:
                return made
        if not categories:
            raise SyncError("protocol", f"sync: {self.api.host} has no category to put a feed "
                                        "in (/v1/categories)")
        return int(categories[0]["id"])

    async def entries(self, **params: Any) -> AsyncIterator[list[dict[str, Any]]]:
        """Entries a page at a time, in id order: after an entry id when given (each page then
        starts after the last), else by offset. The next page is asked for while the caller
        stores this one."""
        offset = 0
        request = asyncio.ensure_future(self._page(params, offset))
        try:
            while True:
                page = await request
                more = len(page) >= PAGE
                if more:
                    offset += len(page)
                    if "after_entry_id" in params:
                        params = {**params, "after_entry_id": page[-1]["id"]}
                    request = asyncio.ensure_future(self._page(params, offset))
                yield page
                if not more:
                    return
        finally:
            if not request.done():
                request.cancel()
                await asyncio.gather(request, return_exceptions=True)

    async def _page(self, params: dict[str, Any], offset: int) -> list[dict[str, Any]]:
        query = {"order": "id", "direction": "asc", "limit": PAGE, **params}
        if "after_entry_id" not in params:
            query["offset"] = offset
        answer = await self.api.json("GET", "/v1/entries", params=query)
        page = answer.get("entries") if isinstance(answer, dict) else None
        if not isinstance(page, list):
            raise SyncError("protocol", f"sync: {self.api.host} sent an unexpected answer for "
                                        "/v1/entries")
        return [e for e in page if isinstance(e, dict) and "id" in e]

    async def pull(self, sink: SyncSink) -> None:
        """The state of known entries changed since the last sync, then the entries after the
        last one seen, each page stored with the id after it. The next sync asks for changes
        since this one began, by the server's clock (its Date header)."""
        after = int(await sink.value("miniflux.after") or 0)
        changed = await sink.value("miniflux.changed")
        began = self.api.server_time or time.time()
        if changed and after:
            sink.progress("read and starred")
            async for page in self.entries(changed_after=int(float(changed)) - 1,
                                           before_entry_id=after + 1):
                await sink.states({i.server_id: ItemState(i.read, i.starred, i.changed)
                                   for i in map(_item, page)})
        sink.progress("new items")
        # The first page fixes where the next sync's changes start, should this one be cut.
        cursor: dict[str, str | None] = {} if changed else {"miniflux.changed": str(began)}
        async for page in self.entries(after_entry_id=after):
            if page:
                await sink.items([_item(e) for e in page],
                                 {**cursor, "miniflux.after": str(page[-1]["id"])})
                cursor = {}
        await sink.cursor({"miniflux.changed": str(began)})

    async def states(self, server_ids: Sequence[str], since: float) -> dict[str, ItemState]:
        """The state of these entries where it changed since `since`; the starred state of
        every one (bookmarks are toggled, so it must be known)."""
        wanted = set(server_ids)
        found: dict[str, ItemState] = {}
        async for page in self.entries(changed_after=int(since) - 1):
            for entry in page:
                if str(entry["id"]) in wanted:
                    item = _item(entry)
                    found[item.server_id] = ItemState(item.read, item.starred, item.changed)
        starred: set[str] = set()
        async for page in self.entries(starred="true"):
            starred.update(str(e["id"]) for e in page)
        return {i: found.get(i) or ItemState(None, i in starred, None) for i in wanted}

    async def send(self, field: str, value: bool, server_ids: Sequence[str]) -> None:
        if field == "read":
            for start in range(0, len(server_ids), PAGE):
                chunk = [int(i) for i in server_ids[start:start + PAGE]]
                await self.api.call("PUT", "/v1/entries", json_body={
                    "entry_ids": chunk, "status": "read" if value else "unread"})
            return
        for server_id in server_ids:  # a toggle: only sent for entries whose state differs
            await self.api.call("PUT", f"/v1/entries/{int(server_id)}/bookmark")


def _item(entry: dict[str, Any]) -> RemoteItem:
    return RemoteItem(
        server_id=str(entry["id"]), feed_server_id=str(entry.get("feed_id")),
        url=str(entry.get("url") or "") or None, title=str(entry.get("title") or ""),
        author=str(entry.get("author") or "") or None, published=_time(entry.get("published_at")),
        content=str(entry.get("content") or ""), read=entry.get("status") == "read",
        starred=bool(entry.get("starred")),
        changed=stamp.timestamp() if (stamp := _time(entry.get("changed_at"))) else None,
    )


def _decode_id(body: bytes, key: str) -> int | None:
    try:
        answer = json.loads(body)
    except (ValueError, UnicodeDecodeError):
        return None
    value = answer.get(key) if isinstance(answer, dict) else None
    return value if isinstance(value, int) else None


def _time(value: Any) -> datetime | None:
    if not isinstance(value, str) or value.startswith("0001-"):
        return None
    try:
        return datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return None
