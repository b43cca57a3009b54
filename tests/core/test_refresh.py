"""Refresh against a real local HTTP server: formats, validators, faults, no duplicates."""

from __future__ import annotations

import asyncio
import sqlite3
from pathlib import Path

import pytest
from feedserver import FeedServer, atom, rdf, rss

from tui.core.feeds.subscriptions import Subscription
from tui.core.models import Outcome
from tui.core.refresh import refresh
from tui.core.settings import Settings
from tui.core.store import ArticleFilter, Store
from tui.core.store.migrations import SCHEMA_VERSION

FAST = Settings(read_timeout=0.5, connect_timeout=0.5, total_timeout=1.5, fulltext=False,
                max_feed_bytes=200_000)


def items(prefix: str, count: int) -> list[dict[str, str]]:
    return [{"title": f"{prefix} item {i}", "link": f"http://example.org/{prefix}/{i}",
             "guid": f"{prefix}-{i}", "description": f"<p>Summary <b>{i}</b> &amp; more</p>",
             "pubDate": f"Mon, {10 + i:02d} Nov 2026 08:00:00 GMT"} for i in range(count)]


def run(store: Store, feeds: list[Subscription], settings: Settings = FAST):
    return asyncio.run(refresh(store, feeds, settings))


def by_name(summary) -> dict[str, object]:
    return {r.name: r for r in summary.results}


def test_formats_faults_and_second_refresh(server: FeedServer, store: Store) -> None:
    feeds = [
        Subscription("rss", server.add("/rss", body=rss("R", items("r", 3)), etag='"v1"')),
        Subscription("atom", server.add("/atom", content_type="application/atom+xml", body=atom(
            "A", [{"title": "Atom one", "id": "urn:a:1", "link": "http://example.org/a1",
                   "updated": "2026-11-20T10:00:00Z", "summary": "&lt;i&gt;hi&lt;/i&gt;"}]),
            last_modified="Fri, 20 Nov 2026 10:00:00 GMT")),
        Subscription("rdf", server.add("/rdf", content_type="application/rdf+xml", body=rdf(
            "D", [{"title": "RDF one", "link": "http://example.org/d1",
                   "date": "2026-11-21T09:30:00+02:00"}]))),
        Subscription("bozo", server.add("/bozo", body=rss("B", items("b", 2))[:-20] + b"<item><ti")),
        Subscription("missing", server.url("/nothing-here")),
        Subscription("stall", server.add("/stall", body=rss("S", items("s", 1)), delay=5)),
        Subscription("huge", server.add("/huge", body=b"<rss>" + b"x" * 300_000 + b"</rss>")),
        Subscription("html", server.add("/html", content_type="text/html",
                                      body=b"<html><body><p>not a feed</p></body></html>")),
    ]
    first = by_name(run(store, feeds))
    assert first["rss"].outcome is Outcome.OK and first["rss"].new_articles == 3
    assert first["atom"].new_articles == 1 and first["rdf"].new_articles == 1
    assert first["bozo"].outcome is Outcome.OK and first["bozo"].warning
    assert first["bozo"].new_articles >= 1
    assert first["missing"].outcome is Outcome.HTTP_ERROR and "404" in first["missing"].error
    assert first["stall"].outcome is Outcome.TIMEOUT
    assert first["huge"].outcome is Outcome.TOO_LARGE
    assert first["html"].outcome is Outcome.PARSE_ERROR

    count = store.count_articles(ArticleFilter())
    second = by_name(run(store, feeds))
    assert second["rss"].outcome is Outcome.NOT_MODIFIED
    assert second["atom"].outcome is Outcome.NOT_MODIFIED
    # no validators on /rdf, but the same bytes again: recognised without parsing
    assert second["rdf"].outcome is Outcome.NOT_MODIFIED and second["rdf"].http_status == 200
    assert store.count_articles(ArticleFilter()) == count
    server.add("/rdf", content_type="application/rdf+xml", body=rdf("D", [
        {"title": "RDF one", "link": "http://example.org/d1", "date": "2026-11-21T09:30:00Z"},
        {"title": "RDF two", "link": "http://example.org/d2", "date": "2026-11-22T09:30:00Z"}]))
    third = by_name(run(store, feeds))
    assert third["rdf"].outcome is Outcome.OK and third["rdf"].new_articles == 1
    assert server.request_headers["/rss"][-1]["if-none-match"] == '"v1"'
    assert server.request_headers["/atom"][-1]["if-modified-since"] == \
        "Fri, 20 Nov 2026 10:00:00 GMT"
    assert "byline" in server.request_headers["/rss"][0]["user-agent"].lower()


def test_validators_stored_and_errors_recorded(server: FeedServer, store: Store) -> None:
    good = Subscription("good", server.add("/g", body=rss("G", items("g", 2)), etag='"e1"',
                                         last_modified="Sat, 21 Nov 2026 10:00:00 GMT"))
    bad = Subscription("bad", server.url("/404"))
    run(store, [good, bad])
    feed_id = store.feed_id(good.url)
    assert store.validators(feed_id)[:2] == ('"e1"', "Sat, 21 Nov 2026 10:00:00 GMT")
    health = {f.name: f for f in store.feeds()}
    assert health["good"].last_success is not None and health["good"].last_error is None
    assert health["bad"].last_error and "404" in health["bad"].last_error
    assert health["good"].article_count == 2 and health["good"].unread_count == 2


def test_text_is_plain_and_dates_utc(server: FeedServer, store: Store) -> None:
    feed = Subscription("rdf", server.add("/rdf", body=rdf("D", [
        {"title": "Tom &amp; Jerry &lt;b&gt;bold&lt;/b&gt;", "link": "http://example.org/d1",
         "description": "&lt;p&gt;One&lt;/p&gt;&lt;p&gt;Two&lt;/p&gt;",
         "date": "2026-11-21T09:30:00+02:00"}])))
    run(store, [feed])
    article = store.article(store.article_rows()[0].id)
    assert article.title == "Tom & Jerry bold"
    assert article.summary == "One\n\nTwo"
    assert article.published.isoformat() == "2026-11-21T07:30:00+00:00"


def test_gzip_and_updated_entries_keep_read_state(server: FeedServer, store: Store) -> None:
    url = server.add("/z", body=rss("Z", items("z", 2)), gzip=True)
    feed = Subscription("z", url)
    run(store, [feed])
    first = store.article_rows()[0]
    store.set_read([first.id])
    store.set_starred(first.id, True)
    changed = items("z", 2)
    changed[1]["title"] = "z item 1 (updated)"
    server.add("/z", body=rss("Z", changed), gzip=True)
    run(store, [feed])
    rows = {r.id: r for r in store.article_rows()}
    assert len(rows) == 2
    assert rows[first.id].read and rows[first.id].starred
    assert any(r.title == "z item 1 (updated)" for r in rows.values())


def test_migration_version_and_newer_cache_refused(tmp_path: Path) -> None:
    path = tmp_path / "byline.db"
    Store(path).close()
    conn = sqlite3.connect(path)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    conn.close()
    from tui.core.store import StoreError

    with pytest.raises(StoreError, match="newer Byline"):
        Store(path)


def test_damaged_cache_is_kept_aside(tmp_path: Path) -> None:
    from tui.core.store import open_store

    path = tmp_path / "byline.db"
    path.write_bytes(b"this is not a database" * 100)
    store, message = open_store(path)
    assert message and "damaged" in message
    assert store.count_articles() == 0
    assert any(p.name.startswith("byline.db.damaged-") for p in tmp_path.iterdir())
    store.close()


def test_one_slow_feed_does_not_block_others(server: FeedServer, store: Store) -> None:
    feeds = [Subscription(f"f{i}", server.add(f"/f{i}", body=rss("F", items(f"f{i}", 2))))
             for i in range(10)]
    feeds.append(Subscription("slow", server.add("/slow", body=rss("S", items("s", 1)), drip=0.5)))
    summary = run(store, feeds)
    results = by_name(summary)
    assert results["slow"].outcome is Outcome.TIMEOUT
    assert all(results[f"f{i}"].new_articles == 2 for i in range(10))
    assert summary.seconds < FAST.total_timeout + 3


def test_feed_health_is_the_last_real_outcome_across_304s(server: FeedServer,
                                                          store: Store) -> None:
    """A warning (a broken feed that still parsed, or an empty one) stays until a parse says
    otherwise: a 304 or the same bytes again say nothing new about the content."""
    broken = rss("B", items("b", 2))[:-20] + b"<item><ti"
    feeds = [Subscription("bozo", server.add("/bozo", body=broken, etag='"b1"')),
             Subscription("empty", server.add("/empty", body=rss("E", []))),
             Subscription("gone", server.add("/gone", status=404))]
    for _ in range(2):  # the second round answers 304 (bozo) or the same bytes (empty)
        run(store, feeds)
        health = {f.name: f for f in store.feeds()}
        assert health["bozo"].status == "warning" and health["bozo"].last_warning
        assert health["empty"].status == "warning"
        assert health["empty"].last_warning == "0 articles in this feed"
        assert health["gone"].status == "error" and "404" in health["gone"].last_error
    assert server.requests["/bozo"] == 2
    server.add("/bozo", body=rss("B", items("b", 3)), etag='"b2"')
    run(store, feeds)
    assert {f.name: f for f in store.feeds()}["bozo"].status == "ok"


def test_a_cancellation_from_outside_is_not_swallowed(server: FeedServer, store: Store) -> None:
    """The refresh stops its feeds and lets the cancellation go on, keeping what landed."""
    feeds = [Subscription("quick", server.add("/quick", body=rss("Q", items("q", 2)))),
             Subscription("slow", server.add("/slow", body=rss("S", items("s", 1)), delay=5))]
    settings = Settings(read_timeout=10, connect_timeout=1, total_timeout=10, fulltext=False)

    async def cancel_once_quick_is_in() -> None:
        task = asyncio.create_task(refresh(store, feeds, settings))
        for _ in range(200):
            await asyncio.sleep(0.02)
            if store.count_articles(ArticleFilter()) == 2:
                break
        task.cancel()
        with pytest.raises(asyncio.CancelledError):
            await asyncio.wait_for(task, timeout=4)
        assert task.cancelled()

    asyncio.run(cancel_once_quick_is_in())
    assert store.count_articles(ArticleFilter()) == 2


def test_refreshing_some_feeds_keeps_every_other_subscription(server: FeedServer,
                                                              store: Store) -> None:
    """A feed just added is fetched on its own; the others stay subscribed, tags and all."""
    feeds = [Subscription("A", server.add("/a", body=rss("A", items("a", 2))), ("world",)),
             Subscription("B", server.add("/b", body=rss("B", items("b", 1))), ("tech",))]
    run(store, feeds)
    added = Subscription("New", server.add("/new", body=rss("N", items("n", 3))), ("fresh",))
    store.sync_feeds((f.url, f.name, f.tags) for f in [*feeds, added])  # feeds.toml was saved
    summary = run(store, [added])
    assert [r.name for r in summary.results] == ["New"]
    assert [(f.name, f.tags, f.article_count) for f in store.feeds()] == [
        ("A", ("world",), 2), ("B", ("tech",), 1), ("New", ("fresh",), 3)]
    # A feed refreshed on its own that was not subscribed (yet) is subscribed, others kept.
    late = Subscription("Late", server.add("/late", body=rss("L", items("l", 1))))
    run(store, [late])
    assert [f.name for f in store.feeds()] == ["A", "B", "New", "Late"]
    # The whole list, given to sync_feeds, still ends subscriptions that left it.
    store.sync_feeds((f.url, f.name, f.tags) for f in feeds)
    assert [f.name for f in store.feeds()] == ["A", "B"]
