"""Faults of a sync, each one clear line with the cache intact and the queue kept: a wrong
password and a disabled API (the real Miniflux, both APIs), and what Miniflux cannot be made to
do, from a loopback server of the test's own: 429 and 503 (back off), a server that hangs,
malformed JSON, and a list of 50,000 items (paged, bounded memory)."""

from __future__ import annotations

import json
import resource
import time
from urllib.parse import parse_qs, urlsplit

import pytest
from feedserver import Route, rss

from sync.conftest import account_for
from sync.test_sync_miniflux import SETTINGS, items
from tui.core.models import RemoteFeed, RemoteItem
from tui.core.settings import Settings
from tui.core.sync.account import SyncAccount
from tui.core.sync.engine import run_sync


def queued_article(store) -> int:
    """A synced article with a change waiting to be sent."""
    feed_ids = store.apply_remote_feeds("miniflux", [RemoteFeed("1", "http://x.test/f", "F")])
    store.store_remote_items([RemoteItem("7", "1", "http://x.test/a", "A", None, None, "", False,
                                         False)], feed_ids)
    article = store.article_rows()[0].id
    store.set_read([article])
    return article


def assert_one_line(summary, *words: str) -> None:
    assert summary.error is not None and "\n" not in summary.error
    for word in words:
        assert word in summary.error, summary.error


def test_a_wrong_password(miniflux, server, service, store, monkeypatch) -> None:
    miniflux.add_feed(server.add("/world.xml", body=rss("World", items(3))))
    account = account_for(miniflux, service, monkeypatch)
    monkeypatch.setenv("BYLINE_TEST_SYNC_PASSWORD", "not-the-password")
    summary = run_sync(store, account, SETTINGS)
    assert_one_line(summary, "refused the login (HTTP 401)", "wrong username or password")
    assert store.count_articles() == 0


def test_the_google_reader_api_switched_off(miniflux, server, store, monkeypatch) -> None:
    account = account_for(miniflux, "greader", monkeypatch)
    miniflux.add_feed(server.add("/world.xml", body=rss("World", items(3))))
    assert run_sync(store, account, SETTINGS).new == 3
    article = store.article_rows()[0].id
    store.set_starred(article, True)
    miniflux.disable_google_reader()
    summary = run_sync(store, account, SETTINGS)
    assert_one_line(summary, "HTTP 401", "API is not enabled")
    assert summary.queued == 1 and store.count_articles() == 3


def fake_miniflux(server, entries: int = 0, status: int = 200, delay: float = 0.0,
                  body: bytes | None = None, headers: dict[str, str] | None = None) -> SyncAccount:
    """A server speaking enough of Miniflux's REST API: one feed and `entries` entries made on
    the fly (never held in memory); /v1/entries answers as told (status, delay, body)."""
    asked: list[dict[str, list[str]]] = []
    server.asked = asked

    def entries_page(handler) -> None:
        query = parse_qs(urlsplit(handler.path).query)
        asked.append(query)
        if delay:
            time.sleep(delay)
        if body is not None or status != 200:
            send(handler, status, body or b"{}", headers)
            return
        after = int(query.get("after_entry_id", ["0"])[0])
        limit = int(query.get("limit", ["100"])[0])
        if "after_entry_id" not in query:
            page = []
        else:
            page = [{"id": i, "feed_id": 1, "status": "unread", "starred": False,
                     "url": f"http://x.test/{i}", "title": f"Item {i}", "content": "<p>Text</p>",
                     "published_at": "2026-12-01T10:00:00Z",
                     "changed_at": "2026-12-01T10:00:00Z"}
                    for i in range(after + 1, min(after + limit, entries) + 1)]
        send(handler, 200, json.dumps({"total": entries, "entries": page}).encode())

    server.add("/v1/me", Route(handler=lambda h: send(h, 200, b'{"id": 1}')))
    server.add("/v1/feeds", Route(handler=lambda h: send(h, 200, json.dumps([
        {"id": 1, "feed_url": "http://x.test/f", "title": "F", "category": {"title": "All"}}
    ]).encode())))
    server.add("/v1/entries", Route(handler=entries_page))
    return SyncAccount("miniflux", server.base, "me", password_env="BYLINE_FAKE_PASSWORD")


def send(handler, status: int, body: bytes, headers: dict[str, str] | None = None) -> None:
    handler.send_response(status)
    handler.send_header("Content-Type", "application/json")
    handler.send_header("Content-Length", str(len(body)))
    for key, value in (headers or {}).items():
        handler.send_header(key, value)
    handler.end_headers()
    handler.wfile.write(body)


@pytest.fixture(autouse=True)
def _fake_password(monkeypatch) -> None:
    monkeypatch.setenv("BYLINE_FAKE_PASSWORD", "x")


@pytest.mark.parametrize(("status", "words"), [(429, "too many requests"),
                                               (503, "server error")])
def test_busy_servers_are_left_alone_and_the_queue_kept(server, store, status, words) -> None:
    account = fake_miniflux(server, status=status, headers={"Retry-After": "120"})
    store.begin_account(account.key)
    article = queued_article(store)
    summary = run_sync(store, account, SETTINGS)
    assert_one_line(summary, f"HTTP {status}", words, "stay queued")
    assert summary.queued == 1 and store.article(article).read
    asked = len(server.asked)
    waiting = run_sync(store, account, SETTINGS)  # within the Retry-After: not even asked
    assert_one_line(waiting, "asked Byline to wait", "next try in 2 min")
    assert len(server.asked) == asked and waiting.queued == 1
    forced = run_sync(store, account, SETTINGS, force=True)
    assert len(server.asked) > asked and forced.queued == 1


def test_a_hanging_server_times_out(server, store) -> None:
    account = fake_miniflux(server, delay=5)
    store.begin_account(account.key)
    queued_article(store)
    started = time.monotonic()
    summary = run_sync(store, account, Settings(connect_timeout=1, read_timeout=1,
                                                total_timeout=2))
    assert time.monotonic() - started < 4
    assert_one_line(summary, "did not answer /v1/entries in time", "read 1 s")
    assert summary.queued == 1


def test_malformed_json(server, store) -> None:
    account = fake_miniflux(server, body=b'{"total": 3, "entries": [{"id": 1,')
    summary = run_sync(store, account, SETTINGS)
    assert_one_line(summary, "malformed JSON for /v1/entries")
    assert store.count_articles() == 0


@pytest.mark.slow
def test_fifty_thousand_items_are_paged_in_bounded_memory(server, store) -> None:
    account = fake_miniflux(server, entries=50_000)
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    summary = run_sync(store, account, SETTINGS)
    grown_mb = (resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before) / 1024
    assert summary.error is None and summary.new == 50_000
    assert store.count_articles() == 50_000
    limits = {int(q["limit"][0]) for q in server.asked}
    assert limits == {500} and len(server.asked) >= 100
    assert grown_mb < 150, f"the sync grew the process by {grown_mb:.0f} MB"
    assert run_sync(store, account, SETTINGS).line() == "0 new"
