"""The JSON client both sync services use: one httpx.AsyncClient set up as feeds/fetch.py sets
up its own (timeouts, user agent, no proxies from the environment), answers capped in size, and
every failure turned into a one-line `SyncError`."""

from __future__ import annotations

import asyncio
import json
import threading
from collections.abc import Coroutine, Mapping
from types import TracebackType
from typing import Any
from urllib.parse import urlsplit

import httpx

from tui.core.feeds.fetch import USER_AGENT
from tui.core.settings import FetchLimits
from tui.core.sync.model import SyncError

# An answer may hold a page of items with their whole text: more room than one feed gets.
ANSWER_BYTES_FACTOR = 4
# How often a request in flight looks whether the sync was cancelled (`c` in the reader).
CANCEL_POLL_SECONDS = 0.05
CANCELLED = "sync cancelled; what it stored is kept, local changes stay queued"


class ApiClient:
    """Requests to one server; use as `async with ApiClient(base, limits) as api:`."""

    def __init__(self, base: str, limits: FetchLimits,
                 auth: tuple[str, str] | None = None) -> None:
        self.base = base.rstrip("/")
        self.host = urlsplit(self.base).netloc or self.base
        self.limits = limits
        self.headers: dict[str, str] = {}
        self._auth = auth
        self._client: httpx.AsyncClient | None = None
        self.server_time: float | None = None  # the Date of the first answer, by its clock
        # Set (by `c` in the reader): no request starts, one in flight is dropped, and the
        # caller gets SyncError("cancelled"); whatever was stored before stays.
        self.cancel: threading.Event | None = None

    async def __aenter__(self) -> ApiClient:
        limits = self.limits
        self._client = httpx.AsyncClient(
            headers={"User-Agent": USER_AGENT, "Accept-Encoding": "gzip, deflate"},
            timeout=httpx.Timeout(connect=limits.connect_timeout, read=limits.read_timeout,
                                  write=limits.read_timeout, pool=limits.total_timeout),
            follow_redirects=True, max_redirects=limits.max_redirects, auth=self._auth,
            limits=httpx.Limits(max_connections=limits.per_host,
                                max_keepalive_connections=limits.per_host),
            trust_env=False,
        )
        return self

    async def __aexit__(self, exc_type: type[BaseException] | None,
                        exc: BaseException | None, tb: TracebackType | None) -> None:
        if self._client is not None:
            await self._client.aclose()
            self._client = None

    async def json(self, method: str, path: str, **kwargs: Any) -> Any:
        """The JSON of an answer; malformed JSON is a SyncError naming the request."""
        body = await self.call(method, path, **kwargs)
        try:
            return json.loads(body)
        except (ValueError, UnicodeDecodeError) as exc:
            detail = exc.msg if isinstance(exc, json.JSONDecodeError) else "not UTF-8"
            raise SyncError("protocol", f"sync: {self.host} sent malformed JSON for "
                                        f"{_path(path)} ({detail})") from None

    async def text(self, method: str, path: str, **kwargs: Any) -> str:
        return (await self.call(method, path, **kwargs)).decode("utf-8", "replace")

    async def call(self, method: str, path: str, *, params: Any = None,
                   data: Mapping[str, Any] | list[tuple[str, str]] | None = None,
                   json_body: Any = None, ok: tuple[int, ...] = ()) -> bytes:
        """One request; the body of a 2xx answer (or of a status in `ok`)."""
        status, headers, body = await self._request(method, path, params, data, json_body)
        if 200 <= status < 300 or status in ok:
            return body
        raise _status_error(self.host, path, status, headers)

    async def change(self, method: str, path: str, *, params: Any = None,
                     data: Mapping[str, Any] | list[tuple[str, str]] | None = None,
                     json_body: Any = None, ok: tuple[int, ...] = ()) -> bytes:
        """A request that changes the server (subscribe, unsubscribe): a refusal the server
        explains (`{"error_message": ...}`, which Miniflux sends with 400 or 500) is a
        SyncError of kind "refused" in the server's words."""
        status, headers, body = await self._request(method, path, params, data, json_body)
        if 200 <= status < 300 or status in ok:
            return body
        reason = _error_message(body)
        if reason and status not in (401, 403, 429):
            raise SyncError("refused", f"sync: {self.host} refused: {reason}")
        raise _status_error(self.host, path, status, headers)

    async def _request(self, method: str, path: str, params: Any, data: Any,
                       json_body: Any) -> tuple[int, httpx.Headers, bytes]:
        assert self._client is not None, "use ApiClient as an async context manager"
        if self.cancel is not None and self.cancel.is_set():
            raise SyncError("cancelled", CANCELLED)
        url = path if path.startswith("http") else self.base + path
        try:
            async with asyncio.timeout(self.limits.total_timeout):
                status, headers, body = await self._watched(
                    self._send(method, url, params, data, json_body))
        except (TimeoutError, httpx.TimeoutException):
            raise SyncError("timeout", f"sync: {self.host} did not answer {_path(path)} in time "
                                       f"({self._timeouts()}); nothing was lost") from None
        except httpx.HTTPError as exc:
            raise SyncError("network", f"sync: cannot reach {self.host}: {_network(exc)}") from None
        if self.server_time is None:
            self.server_time = _date(headers.get("date"))
        return status, headers, body

    async def _watched(self, request: Coroutine[Any, Any, tuple[int, httpx.Headers, bytes]]
                       ) -> tuple[int, httpx.Headers, bytes]:
        """The request's answer, unless the sync is cancelled while it is in flight: then the
        request is dropped (a page not yet stored is simply asked for again next time)."""
        if self.cancel is None:
            return await request
        task = asyncio.ensure_future(request)
        try:
            while True:
                done, _ = await asyncio.wait({task}, timeout=CANCEL_POLL_SECONDS)
                if done:
                    return task.result()
                if self.cancel.is_set():
                    raise SyncError("cancelled", CANCELLED)
        finally:
            if not task.done():
                task.cancel()
                await asyncio.gather(task, return_exceptions=True)

    async def _send(self, method: str, url: str, params: Any, data: Any,
                    json_body: Any) -> tuple[int, httpx.Headers, bytes]:
        assert self._client is not None
        cap = self.limits.max_bytes * ANSWER_BYTES_FACTOR
        if isinstance(data, list):  # repeated keys (i=1&i=2): httpx takes a dict of lists
            grouped: dict[str, list[str]] = {}
            for key, value in data:
                grouped.setdefault(key, []).append(value)
            data = grouped
        request = self._client.build_request(method, url, params=params, data=data,
                                             json=json_body, headers=self.headers)
        response = await self._client.send(request, stream=True)
        try:
            chunks: list[bytes] = []
            size = 0
            async for chunk in response.aiter_bytes():
                size += len(chunk)
                if size > cap:
                    raise SyncError("protocol", f"sync: {self.host} sent more than "
                                                f"{cap // 1_000_000} MB for {_path(url)}")
                chunks.append(chunk)
        finally:
            await response.aclose()
        return response.status_code, response.headers, b"".join(chunks)

    def _timeouts(self) -> str:
        limits = self.limits
        return (f"limits: connect {limits.connect_timeout:g} s, read {limits.read_timeout:g} s, "
                f"total {limits.total_timeout:g} s")


def _path(url: str) -> str:
    return urlsplit(url).path or url


def _status_error(host: str, path: str, status: int, headers: httpx.Headers) -> SyncError:
    if status in (401, 403):
        return SyncError("auth", f"sync: {host} refused the login (HTTP {status}): wrong "
                                 "username or password, or the API is not enabled for this user")
    if status == 429 or status >= 500:
        wait = _retry_after(headers.get("retry-after"))
        why = "too many requests" if status == 429 else "server error"
        return SyncError("busy", f"sync: {host} answered HTTP {status} ({why}); local changes "
                                 "stay queued for the next sync", retry_after=wait)
    return SyncError("protocol", f"sync: {host} answered HTTP {status} for {_path(path)}")


def _error_message(body: bytes) -> str | None:
    """The reason in a JSON error answer ({"error_message": "This feed already exists."})."""
    try:
        answer = json.loads(body)
    except (ValueError, UnicodeDecodeError):
        return None
    reason = answer.get("error_message") if isinstance(answer, dict) else None
    return " ".join(str(reason).split()) or None if reason else None


def _date(value: str | None) -> float | None:
    from email.utils import parsedate_to_datetime

    try:
        return parsedate_to_datetime(value).timestamp() if value else None
    except (TypeError, ValueError):
        return None


def _retry_after(value: str | None) -> float | None:
    if value and value.strip().isdigit():
        return float(value.strip())
    return None


def _refused(exc: BaseException) -> bool:
    """Whether a connection was refused, somewhere down the chain of causes."""
    seen: BaseException | None = exc
    for _ in range(8):
        if seen is None:
            return False
        if isinstance(seen, ConnectionRefusedError):
            return True
        if isinstance(seen, ExceptionGroup) and any(_refused(e) for e in seen.exceptions):
            return True
        seen = seen.__cause__ or seen.__context__
    return False


def _network(exc: httpx.HTTPError) -> str:
    text = str(exc) or type(exc).__name__
    if isinstance(exc, httpx.ConnectError) and (_refused(exc) or "refused" in text.lower()):
        return "connection refused (is the server running?)"
    if isinstance(exc, httpx.RemoteProtocolError):
        return f"connection broken ({text})"
    return text.splitlines()[0]
