"""The fetcher's connection pool: idle connections a server closed are seen and replaced, kept-alive
ones are reused, and errors come out as httpx's (so every fault stays one clear line per feed)."""

from __future__ import annotations

import asyncio
import socket
import threading
from collections.abc import Iterator

import httpx
import pytest

from tui.core.feeds.fetch import Fetcher
from tui.core.feeds.transport import PooledTransport, is_readable
from tui.core.settings import Settings

BODY = b"<rss version='2.0'><channel><title>t</title></channel></rss>"


class KeepAliveServer:
    """A tiny HTTP/1.1 server on loopback that answers with keep-alive and counts connections;
    with `close_after_answer` it hangs up each connection right after answering (without saying
    so in a header), as a server with a short keep-alive timeout does."""

    def __init__(self, *, close_after_answer: bool) -> None:
        self.close_after_answer = close_after_answer
        self.connections = 0
        self.listener = socket.create_server(("127.0.0.1", 0))
        self.port = self.listener.getsockname()[1]
        self._stop = False
        self._thread = threading.Thread(target=self._serve, daemon=True)
        self._thread.start()

    def _serve(self) -> None:
        while not self._stop:
            try:
                conn, _ = self.listener.accept()
            except OSError:
                return
            self.connections += 1
            threading.Thread(target=self._answer, args=(conn,), daemon=True).start()

    def _answer(self, conn: socket.socket) -> None:
        with conn:
            buffer = b""
            while True:
                try:
                    data = conn.recv(65536)
                except OSError:
                    return
                if not data:
                    return
                buffer += data
                while b"\r\n\r\n" in buffer:
                    _, buffer = buffer.split(b"\r\n\r\n", 1)
                    conn.sendall(b"HTTP/1.1 200 OK\r\nContent-Type: application/rss+xml\r\n"
                                 + f"Content-Length: {len(BODY)}\r\n\r\n".encode() + BODY)
                    if self.close_after_answer:
                        conn.shutdown(socket.SHUT_RDWR)
                        return

    def url(self, path: str = "/feed.xml") -> str:
        return f"http://127.0.0.1:{self.port}{path}"

    def close(self) -> None:
        self._stop = True
        self.listener.close()


@pytest.fixture
def keepalive() -> Iterator[KeepAliveServer]:
    server = KeepAliveServer(close_after_answer=False)
    yield server
    server.close()


@pytest.fixture
def hangs_up() -> Iterator[KeepAliveServer]:
    server = KeepAliveServer(close_after_answer=True)
    yield server
    server.close()


async def fetch_in_turn(url: str, times: int) -> list[int | None]:
    statuses = []
    async with Fetcher(Settings().fetch_limits()) as fetcher:
        for _ in range(times):
            response = await fetcher.get(url)
            assert response.error is None, response.error
            statuses.append(response.status)
            await asyncio.sleep(0.05)  # the server's hang-up has landed before the next request
    return statuses


def test_a_kept_alive_connection_is_reused(keepalive: KeepAliveServer) -> None:
    assert asyncio.run(fetch_in_turn(keepalive.url(), 5)) == [200] * 5
    assert keepalive.connections == 1


def test_an_idle_connection_the_server_closed_is_replaced_not_used(hangs_up: KeepAliveServer) -> None:
    assert asyncio.run(fetch_in_turn(hangs_up.url(), 4)) == [200] * 4
    assert hangs_up.connections == 4


def test_is_readable_says_when_the_other_end_hung_up() -> None:
    ours, theirs = socket.socketpair()
    try:
        assert not is_readable(ours)  # idle and open
        theirs.close()
        assert is_readable(ours)  # EOF waiting to be read
    finally:
        ours.close()
    assert is_readable(ours)  # a closed socket is never reused
    assert is_readable(None)


def test_errors_are_httpx_errors() -> None:
    unused = socket.create_server(("127.0.0.1", 0))
    port = unused.getsockname()[1]
    unused.close()  # nothing listens there now

    async def get() -> None:
        async with httpx.AsyncClient(transport=PooledTransport(max_connections=2)) as client:
            await client.get(f"http://127.0.0.1:{port}/")

    with pytest.raises(httpx.ConnectError):
        asyncio.run(get())


def test_a_refused_connection_is_one_clear_line() -> None:
    unused = socket.create_server(("127.0.0.1", 0))
    port = unused.getsockname()[1]
    unused.close()

    async def get() -> str | None:
        async with Fetcher(Settings().fetch_limits()) as fetcher:
            return (await fetcher.get(f"http://127.0.0.1:{port}/feed.xml")).error

    assert asyncio.run(get()) == "connection refused (nothing listening at that address)"
