"""The Google Reader API (FreshRSS, Miniflux, The Old Reader, BazQux, ...): ClientLogin, the
subscription list, item ids by stream with continuation, item contents, edit-tag."""

from __future__ import annotations

import asyncio
import json
import threading
import time
from collections.abc import AsyncIterator, Sequence
from datetime import UTC, datetime
from typing import Any

from tui.core.models import ItemState, RemoteFeed, RemoteItem
from tui.core.settings import FetchLimits
from tui.core.sync.http import ApiClient
from tui.core.sync.model import SyncError
from tui.core.sync.sink import SyncSink

READING_LIST = "user/-/state/com.google/reading-list"
READ = "user/-/state/com.google/read"
STARRED = "user/-/state/com.google/starred"
ITEM_PREFIX = "tag:google.com,2005:reader/item/"
# Where servers keep the API under the address a user gives: Miniflux at the root, FreshRSS
# under api/greader.php.
API_PATHS = ("", "/api/greader.php")
IDS_PAGE = 10_000
CONTENTS_PAGE = 250
AHEAD = 2  # contents requests in flight while a page is stored


def item_id(value: str) -> str:
    """An item id in one form (decimal): the long form is hexadecimal, the short one decimal."""
    text = str(value)
    if text.startswith(ITEM_PREFIX):
        return str(int(text[len(ITEM_PREFIX):], 16))
    if text.lstrip("-").isdigit():
        return text
    raise SyncError("protocol", f"sync: the server sent an item id Byline cannot read: {text!r}")


def long_id(server_id: str) -> str:
    return f"{ITEM_PREFIX}{int(server_id) & 0xFFFFFFFFFFFFFFFF:016x}"


# New items are asked for since the last sync less this much: servers filter by publication
# time, which a feed may set a little in the past.
SINCE_SLACK_SECONDS = 86_400


class GReaderClient:
    """One session with a Google Reader API server."""

    def __init__(self, url: str, username: str, password: str, limits: FetchLimits,
                 cancel: threading.Event | None = None) -> None:
        self.url = url.rstrip("/")
        self.username = username
        self._password = password
        self.api = ApiClient(self.url, limits)
        self.api.cancel = cancel
        self._prefix = ""
        self._token: str | None = None
        self._token_lock = asyncio.Lock()  # contents requests run side by side: ask once

    async def __aenter__(self) -> GReaderClient:
        await self.api.__aenter__()
        return self

    async def __aexit__(self, *exc: Any) -> None:
        await self.api.__aexit__(*exc)

    async def login(self) -> None:
        """ClientLogin, finding where the API lives when the address does not say."""
        paths = ("",) if self.url.endswith(("/api/greader.php", "/reader/api/0")) else API_PATHS
        for prefix in paths:
            body = await self.api.call("POST", f"{prefix}/accounts/ClientLogin", ok=(404,),
                                       data={"Email": self.username, "Passwd": self._password})
            fields = dict(line.split("=", 1) for line in body.decode("utf-8", "replace")
                          .splitlines() if "=" in line)
            if "Auth" in fields:
                self._prefix = prefix
                self.api.headers["Authorization"] = f"GoogleLogin auth={fields['Auth'].strip()}"
                return
        raise SyncError("protocol", f"sync: no Google Reader API at {self.url} (tried "
                                    f"{', '.join(p + '/accounts/ClientLogin' for p in paths)})")

    def _path(self, path: str) -> str:
        return f"{self._prefix}/reader/api/0{path}"

    async def _get(self, path: str, **params: Any) -> Any:
        answer = await self.api.json("GET", self._path(path), params={**params, "output": "json"})
        if not isinstance(answer, dict):
            raise SyncError("protocol", f"sync: {self.api.host} sent an unexpected answer for "
                                        f"{path}")
        return answer

    async def _post(self, path: str, data: list[tuple[str, str]],
                    ok: tuple[int, ...] = (), change: bool = False) -> bytes:
        """A POST with the session's action token (T), which POSTs need; a `change` says a
        refusal in the server's words (a feed already there, one it cannot fetch)."""
        async with self._token_lock:
            if self._token is None:
                self._token = (await self.api.text("GET", self._path("/token"))).strip()
        send = self.api.change if change else self.api.call
        return await send("POST", self._path(path), ok=ok, data=[("T", self._token), *data])

    async def subscribe(self, url: str, title: str | None, folder: str | None) -> None:
        """Subscribe to a feed (the server fetches it), in a folder when given."""
        data = [("ac", "subscribe"), ("s", f"feed/{url}")]
        if title:
            data.append(("t", title))
        if folder:
            data.append(("a", f"user/-/label/{folder}"))
        await self._post("/subscription/edit", data, change=True)

    async def unsubscribe(self, server_id: str) -> None:
        """Unsubscribe from a feed by its stream id (feed/...); its items go with it there."""
        await self._post("/subscription/edit", [("ac", "unsubscribe"), ("s", server_id)],
                         change=True)

    async def feeds(self) -> list[RemoteFeed]:
        answer = await self._get("/subscription/list")
        found = []
        for sub in _list(answer, "subscriptions"):
            tags = tuple(str(c.get("label") or "") for c in sub.get("categories") or []
                         if isinstance(c, dict) and c.get("label"))
            url = str(sub.get("url") or sub.get("htmlUrl") or "")
            if sub.get("id") and url:
                found.append(RemoteFeed(str(sub["id"]), url, str(sub.get("title") or url), tags))
        return found

    async def ids(self, stream: str, exclude: str | None = None,
                  since: int | None = None) -> AsyncIterator[list[str]]:
        """The item ids of a stream, a page at a time (continuation tokens)."""
        params: dict[str, Any] = {"s": stream, "n": IDS_PAGE}
        if exclude:
            params["xt"] = exclude
        if since:
            params["ot"] = since
        continuation: str | None = None
        while True:
            answer = await self._get("/stream/items/ids", **params,
                                     **({"c": continuation} if continuation else {}))
            refs = _list(answer, "itemRefs")
            yield [item_id(str(ref.get("id"))) for ref in refs if isinstance(ref, dict)]
            following = answer.get("continuation")
            if not following or not refs or str(following) == continuation:
                return
            continuation = str(following)

    async def items(self, server_ids: Sequence[str]) -> list[RemoteItem]:
        """The items of these ids (those the server still has)."""
        found: list[RemoteItem] = []
        for start in range(0, len(server_ids), CONTENTS_PAGE):
            chunk = server_ids[start:start + CONTENTS_PAGE]
            # Miniflux answers 400 when none of the ids is left; others an empty list.
            body = await self._post("/stream/items/contents", [
                ("output", "json"), *(("i", long_id(i)) for i in chunk)], ok=(400,))
            answer = self._decode(body, "/stream/items/contents")
            found += [_item(raw) for raw in _list(answer, "items") if isinstance(raw, dict)]
        return found

    def _decode(self, body: bytes, path: str) -> Any:
        try:
            answer = json.loads(body)
        except ValueError:
            raise SyncError("protocol", f"sync: {self.api.host} sent malformed JSON for "
                                        f"{path}") from None
        if isinstance(answer, dict) and "error_message" in answer:
            return {"items": []}
        if not isinstance(answer, dict):
            raise SyncError("protocol", f"sync: {self.api.host} sent an unexpected answer for "
                                        f"{path}")
        return answer

    async def pull(self, sink: SyncSink) -> None:
        """New items (those published since the last sync, then any unread or starred item the
        cache lacks), then the complete unread and starred lists as the state of every item.
        The first sync takes the whole reading list with each item's state, and no lists."""
        started = int(time.time())
        since = sink_int(await sink.value("greader.since"))
        sink.progress("new items")
        async for page in self.ids(READING_LIST, since=since - SINCE_SLACK_SECONDS
                                   if since else None):
            await self._take_unknown(sink, page)
        if since is None:
            # The first sync took the whole reading list, each item with its state.
            await sink.cursor({"greader.since": str(started)})
            return
        unread: set[str] = set()
        starred: set[str] = set()
        for stream, exclude, found in ((READING_LIST, READ, unread), (STARRED, None, starred)):
            sink.progress("unread items" if found is unread else "starred items")
            async for page in self.ids(stream, exclude=exclude):
                found.update(page)
                await self._take_unknown(sink, page)
        await sink.state_sets(unread, starred)
        await sink.cursor({"greader.since": str(started)})

    async def _take_unknown(self, sink: SyncSink, page: Sequence[str]) -> None:
        """Fetch and store the items of a page of ids the cache lacks; the next batches are
        asked for while this one is stored (AHEAD requests in flight)."""
        unknown = sorted(set(page) - await sink.known(page), key=int)
        batches = [unknown[i:i + CONTENTS_PAGE] for i in range(0, len(unknown), CONTENTS_PAGE)]
        pending = [asyncio.ensure_future(self.items(b)) for b in batches[:AHEAD]]
        try:
            for index in range(len(batches)):
                found = await pending.pop(0)
                if index + AHEAD < len(batches):
                    pending.append(asyncio.ensure_future(self.items(batches[index + AHEAD])))
                await sink.items(found)
        finally:
            for request in pending:
                request.cancel()
            await asyncio.gather(*pending, return_exceptions=True)

    async def states(self, server_ids: Sequence[str], since: float) -> dict[str, ItemState]:
        return {item.server_id: ItemState(item.read, item.starred, item.changed)
                for item in await self.items(server_ids)}

    async def send(self, field: str, value: bool, server_ids: Sequence[str]) -> None:
        """Set read or starred on the server; only ever for items whose state differs there
        (Miniflux toggles an item given a state it already has)."""
        tag = READ if field == "read" else STARRED
        for start in range(0, len(server_ids), CONTENTS_PAGE):
            chunk = server_ids[start:start + CONTENTS_PAGE]
            await self._post("/edit-tag", [("a" if value else "r", tag),
                                           *(("i", long_id(i)) for i in chunk)])


def sink_int(value: str | None) -> int | None:
    return int(value) if value and value.isdigit() else None


def _list(answer: Any, key: str) -> list[Any]:
    value = answer.get(key) if isinstance(answer, dict) else None
    if value is None:
        return []
    if not isinstance(value, list):
        raise SyncError("protocol", f"sync: the server's '{key}' is not a list")
    return value


def _item(raw: dict[str, Any]) -> RemoteItem:
    categories = [str(c) for c in raw.get("categories") or []]
    link = next((str(a.get("href")) for key in ("canonical", "alternate")
                 for a in raw.get(key) or [] if isinstance(a, dict) and a.get("href")), None)
    body = raw.get("content") or raw.get("summary") or {}
    published = raw.get("published")
    origin = raw.get("origin") or {}
    return RemoteItem(
        server_id=item_id(str(raw.get("id"))),
        feed_server_id=str(origin.get("streamId") or ""),
        url=link, title=str(raw.get("title") or ""), author=str(raw.get("author") or "") or None,
        published=datetime.fromtimestamp(float(published), UTC)
        if published is not None and _number(published) else None,
        content=str(body.get("content") or "") if isinstance(body, dict) else "",
        read=any(c.endswith("/state/com.google/read") for c in categories),
        starred=any(c.endswith("/state/com.google/starred") for c in categories),
        changed=float(raw["updated"]) if _number(raw.get("updated")) else None,
    )


def _number(value: Any) -> bool:
    try:
        float(value)
    except (TypeError, ValueError):
        return False
    return True
