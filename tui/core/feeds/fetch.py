"""One async HTTP client for feeds and pages: limits, timeouts, conditional GET, size caps."""

from __future__ import annotations

import asyncio
import mimetypes
import time
from collections import defaultdict
from dataclasses import dataclass, field, replace
from email.utils import formatdate, parsedate_to_datetime
from pathlib import Path
from types import TracebackType
from urllib.parse import unquote, urlsplit
from urllib.request import url2pathname

import httpx

from tui import __version__
from tui.core.feeds.transport import PooledTransport
from tui.core.settings import FetchLimits, Settings

USER_AGENT = f"Byline/{__version__} (terminal news reader)"


@dataclass(frozen=True)
class FetchResponse:
    """What came back for one URL. `error_kind` is None on success (including 304)."""

    url: str
    status: int | None = None
    body: bytes = b""
    headers: dict[str, str] = field(default_factory=dict)
    final_url: str | None = None
    error_kind: str | None = None  # "timeout", "network", "http", "too large", "not found"
    error: str | None = None
    retry_after: float | None = None  # seconds the server asked us to wait
    seconds: float = 0.0

    @property
    def not_modified(self) -> bool:
        return self.status == 304

    @property
    def etag(self) -> str | None:
        return self.headers.get("etag")

    @property
    def last_modified(self) -> str | None:
        return self.headers.get("last-modified")


class _TooLarge(Exception):
    pass


class Fetcher:
    """An async context manager around one httpx.AsyncClient with global and per-host limits."""

    def __init__(self, limits: FetchLimits | None = None, verify: bool = True) -> None:
        self.limits = limits or Settings().fetch_limits()
        self._verify = verify
        self._client: httpx.AsyncClient | None = None
        self._global = asyncio.Semaphore(self.limits.concurrency)
        self._hosts: dict[str, asyncio.Semaphore] = defaultdict(
            lambda: asyncio.Semaphore(self.limits.per_host)
        )

    async def __aenter__(self) -> Fetcher:
        limits = self.limits
        self._client = httpx.AsyncClient(
            headers={"User-Agent": USER_AGENT, "Accept-Encoding": "gzip, deflate"},
            timeout=httpx.Timeout(
                connect=limits.connect_timeout, read=limits.read_timeout,
                write=limits.read_timeout, pool=limits.total_timeout,
            ),
            follow_redirects=True,
            max_redirects=limits.max_redirects,
            transport=PooledTransport(max_connections=limits.concurrency, verify=self._verify),
            trust_env=False,
        )
        return self

    async def __aexit__(self, exc_type: type[BaseException] | None,
                        exc: BaseException | None, tb: TracebackType | None) -> None:
        if self._client is not None:
            await self._client.aclose()
            self._client = None

    async def get(self, url: str, *, etag: str | None = None, last_modified: str | None = None,
                  accept: str | None = None, max_bytes: int | None = None) -> FetchResponse:
        """Fetch one URL; never raises for network or server trouble, only returns the outcome."""
        cap = max_bytes or self.limits.max_bytes
        started = time.monotonic()
        if urlsplit(url).scheme.lower() == "file":
            response = await asyncio.to_thread(_read_file, url, cap, last_modified)
        else:
            host = urlsplit(url).netloc.lower()
            async with self._global, self._hosts[host]:
                response = await self._get_http(url, etag, last_modified, accept, cap)
        return _with_seconds(response, time.monotonic() - started)

    async def _get_http(self, url: str, etag: str | None, last_modified: str | None,
                        accept: str | None, cap: int) -> FetchResponse:
        assert self._client is not None, "use Fetcher as an async context manager"
        headers: dict[str, str] = {}
        if etag:
            headers["If-None-Match"] = etag
        if last_modified:
            headers["If-Modified-Since"] = last_modified
        if accept:
            headers["Accept"] = accept
        try:
            async with asyncio.timeout(self.limits.total_timeout):
                return await self._stream(url, headers, cap)
        except (TimeoutError, httpx.TimeoutException):
            return FetchResponse(url, error_kind="timeout",
                                 error=f"timed out (limit {self._timeout_label()})")
        except _TooLarge:
            return FetchResponse(url, error_kind="too large",
                                 error=f"response larger than {_megabytes(cap)}, not read")
        except httpx.TooManyRedirects:
            return FetchResponse(url, error_kind="network",
                                 error=f"more than {self.limits.max_redirects} redirects")
        except httpx.DecodingError as exc:
            return FetchResponse(url, error_kind="network", error=f"bad compressed body: {exc}")
        except httpx.HTTPError as exc:
            return FetchResponse(url, error_kind="network", error=_describe_network_error(exc))
        except (OSError, ValueError) as exc:
            return FetchResponse(url, error_kind="network", error=f"{type(exc).__name__}: {exc}")

    async def _stream(self, url: str, headers: dict[str, str], cap: int) -> FetchResponse:
        assert self._client is not None
        async with self._client.stream("GET", url, headers=headers) as response:
            declared = response.headers.get("content-length", "")
            if declared.isdigit() and int(declared) > cap:
                raise _TooLarge
            chunks: list[bytes] = []
            size = 0
            async for chunk in response.aiter_bytes():
                size += len(chunk)
                if size > cap:
                    raise _TooLarge
                chunks.append(chunk)
        header_map = {k.lower(): v for k, v in response.headers.items()}
        result = FetchResponse(url, status=response.status_code, body=b"".join(chunks),
                               headers=header_map, final_url=str(response.url))
        if response.status_code == 304 or response.is_success:
            return result
        reason = response.reason_phrase or "error"
        return FetchResponse(
            url, status=response.status_code, headers=header_map, final_url=str(response.url),
            error_kind="http", error=f"HTTP {response.status_code} {reason}".strip(),
            retry_after=_retry_after(header_map.get("retry-after")),
        )

    def _timeout_label(self) -> str:
        limits = self.limits
        return (f"connect {limits.connect_timeout:g}s, read {limits.read_timeout:g}s, "
                f"total {limits.total_timeout:g}s")


def _with_seconds(response: FetchResponse, seconds: float) -> FetchResponse:
    return replace(response, seconds=seconds)


def _read_file(url: str, cap: int, last_modified: str | None) -> FetchResponse:
    """Local files behave like a server: a type from the name, mtime as Last-Modified."""
    path = Path(url2pathname(unquote(urlsplit(url).path)))
    try:
        stat = path.stat()
        headers = {"last-modified": formatdate(stat.st_mtime, usegmt=True)}
        kind = mimetypes.guess_type(path.name)[0]
        if kind:
            headers["content-type"] = kind
        if last_modified and last_modified == headers["last-modified"]:
            return FetchResponse(url, status=304, headers=headers, final_url=url)
        if stat.st_size > cap:
            return FetchResponse(url, error_kind="too large",
                                 error=f"file larger than {_megabytes(cap)}, not read")
        return FetchResponse(url, status=200, body=path.read_bytes(), headers=headers,
                             final_url=url)
    except FileNotFoundError:
        return FetchResponse(url, error_kind="not found", error=f"no such file: {path}")
    except OSError as exc:
        return FetchResponse(url, error_kind="network", error=f"cannot read {path}: {exc.strerror}")


def _retry_after(value: str | None) -> float | None:
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    return max(0.0, when.timestamp() - time.time())


def _describe_network_error(exc: httpx.HTTPError) -> str:
    text = str(exc) or type(exc).__name__
    if "CERTIFICATE_VERIFY_FAILED" in text or "certificate verify failed" in text:
        return "TLS certificate verification failed (self-signed or untrusted certificate)"
    if isinstance(exc, httpx.ConnectError):
        if "Name or service not known" in text or "name resolution" in text \
                or "nodename nor servname" in text:
            return "cannot resolve the host name (offline, or no such host)"
        if "Connection refused" in text or _caused_by(exc, ConnectionRefusedError):
            return "connection refused (nothing listening at that address)"
        return f"cannot connect: {text}"
    if isinstance(exc, httpx.RemoteProtocolError):
        return f"connection broken: {text}"
    return f"{type(exc).__name__}: {text}"


def _caused_by(exc: BaseException, kind: type[BaseException]) -> bool:
    """Whether `kind` is in the chain of causes (anyio says only "All connection attempts failed",
    with the refusal as its cause)."""
    seen: set[int] = set()
    cause: BaseException | None = exc
    while cause is not None and id(cause) not in seen:
        seen.add(id(cause))
        if isinstance(cause, kind):
            return True
        if isinstance(cause, BaseExceptionGroup):
            return any(_caused_by(inner, kind) for inner in cause.exceptions)
        cause = cause.__cause__ or cause.__context__
    return False


def _megabytes(size: int) -> str:
    return f"{size / 1_000_000:g} MB"
