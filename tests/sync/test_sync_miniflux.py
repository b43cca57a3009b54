"""Sync against a real Miniflux on PostgreSQL, through both the Google Reader API and
Miniflux's REST API: subscriptions and items arrive, state moves both ways, changes made while
the server is down reach it later, conflicts go to the later change, a second sync moves
nothing."""

from __future__ import annotations

import time

from feedserver import rss

from tui.core.settings import Settings
from tui.core.store import ArticleFilter
from tui.core.sync.engine import run_sync

SETTINGS = Settings(connect_timeout=5, read_timeout=10, total_timeout=30)


def items(count: int, start: int = 0) -> list[dict[str, str]]:
    return [{"title": f"Story number {i}", "link": f"http://example.org/story/{i}",
             "guid": f"story-{i}", "description": f"&lt;p&gt;Text of story {i}.&lt;/p&gt;",
             "pubDate": f"Mon, {1 + i % 28:02d} Dec 2026 10:{i % 60:02d}:00 GMT"}
            for i in range(start, start + count)]


def subscribe(miniflux, server, path: str = "/world.xml", count: int = 3, title: str = "World",
              category: str = "News") -> int:
    url = server.add(path, body=rss(title, items(count)))
    return miniflux.add_feed(url, category=category)


def by_url(store) -> dict[str, object]:
    return {a.url: a for a in (store.article(r.id) for r in store.article_rows(limit=-1)) if a}


def test_subscriptions_and_items_arrive_and_a_second_sync_moves_nothing(
        miniflux, server, account, store) -> None:
    subscribe(miniflux, server)
    first = run_sync(store, account, SETTINGS)
    assert first.error is None
    assert (first.feeds, first.new, first.queued) == (1, 3, 0)
    feeds = store.feeds()
    assert [(f.name, f.tags, f.origin, f.article_count) for f in feeds] == [
        ("World", ("News",), account.service, 3)]
    article = by_url(store)["http://example.org/story/1"]
    assert article.title == "Story number 1" and article.summary == "Text of story 1."
    again = run_sync(store, account, SETTINGS)
    assert again.error is None
    assert again.line() == "0 new"
    assert store.count_articles() == 3


def test_new_items_come_incrementally(miniflux, server, account, store) -> None:
    feed_id = subscribe(miniflux, server)
    run_sync(store, account, SETTINGS)
    server.add("/world.xml", body=rss("World", items(5)))
    miniflux.rest("PUT", f"/feeds/{feed_id}/refresh")
    _wait(lambda: len(miniflux.entries()) == 5)
    summary = run_sync(store, account, SETTINGS)
    assert summary.new == 2 and summary.error is None
    assert store.count_articles() == 5


def test_read_and_star_on_the_server_show_after_a_sync(miniflux, server, account, store) -> None:
    subscribe(miniflux, server)
    run_sync(store, account, SETTINGS)
    entries = {e["url"]: e["id"] for e in miniflux.entries()}
    time.sleep(1.1)  # a change in a later second than the last sync began
    miniflux.set_status([entries["http://example.org/story/0"],
                         entries["http://example.org/story/1"]], "read")
    miniflux.toggle_star(entries["http://example.org/story/2"])
    summary = run_sync(store, account, SETTINGS)
    assert summary.error is None
    assert (summary.marked_read, summary.starred, summary.new) == (2, 1, 0)
    cached = by_url(store)
    assert cached["http://example.org/story/0"].read and cached["http://example.org/story/1"].read
    assert cached["http://example.org/story/2"].starred
    assert not cached["http://example.org/story/2"].read
    assert run_sync(store, account, SETTINGS).line() == "0 new"


def test_local_changes_reach_the_server(miniflux, server, account, store) -> None:
    subscribe(miniflux, server)
    run_sync(store, account, SETTINGS)
    cached = by_url(store)
    read_one = cached["http://example.org/story/0"]
    starred_one = cached["http://example.org/story/1"]
    store.set_read([read_one.id])
    store.set_starred(starred_one.id, True)
    assert store.queued_count() == 2
    summary = run_sync(store, account, SETTINGS)
    assert summary.error is None and summary.sent == 2 and summary.queued == 0
    server_side = {e["url"]: e for e in miniflux.entries()}
    assert server_side["http://example.org/story/0"]["status"] == "read"
    assert server_side["http://example.org/story/1"]["starred"] is True
    assert server_side["http://example.org/story/2"]["status"] == "unread"
    # Sent once only: Miniflux's edit-tag toggles, so a resend would undo it.
    assert run_sync(store, account, SETTINGS).line() == "0 new"
    assert miniflux.entry(server_side["http://example.org/story/0"]["id"])["status"] == "read"
    store.set_read([read_one.id], False)
    store.set_starred(starred_one.id, False)
    assert run_sync(store, account, SETTINGS).sent == 2
    server_side = {e["url"]: e for e in miniflux.entries()}
    assert server_side["http://example.org/story/0"]["status"] == "unread"
    assert server_side["http://example.org/story/1"]["starred"] is False


def test_mark_all_read_is_queued_too(miniflux, server, account, store) -> None:
    subscribe(miniflux, server)
    run_sync(store, account, SETTINGS)
    assert store.mark_all_read(ArticleFilter()) == 3
    assert run_sync(store, account, SETTINGS).sent == 3
    assert {e["status"] for e in miniflux.entries()} == {"read"}


def test_a_change_made_while_the_server_is_down_reaches_it_after_a_restart(
        miniflux, server, account, store) -> None:
    subscribe(miniflux, server)
    run_sync(store, account, SETTINGS)
    article = by_url(store)["http://example.org/story/2"]
    miniflux.stop()
    store.set_starred(article.id, True)
    down = run_sync(store, account, SETTINGS)
    assert down.error is not None and "\n" not in down.error
    assert "connection refused" in down.error
    assert down.queued == 1
    assert store.article(article.id).starred  # the cache is as it was
    miniflux.start()
    up = run_sync(store, account, SETTINGS)
    assert up.error is None and up.sent == 1 and up.queued == 0
    assert {e["url"]: e["starred"] for e in miniflux.entries()}["http://example.org/story/2"]


def test_the_later_change_wins(miniflux, server, account, store) -> None:
    subscribe(miniflux, server)
    run_sync(store, account, SETTINGS)
    cached = by_url(store)
    entries = {e["url"]: e["id"] for e in miniflux.entries()}
    # Byline first, then the server (a phone, later): the server's change stands.
    store.set_read([cached["http://example.org/story/0"].id])
    time.sleep(1.1)
    miniflux.set_status([entries["http://example.org/story/0"]], "read")
    miniflux.set_status([entries["http://example.org/story/0"]], "unread")
    summary = run_sync(store, account, SETTINGS)
    assert summary.error is None and summary.sent == 0 and summary.queued == 0
    assert miniflux.entry(entries["http://example.org/story/0"])["status"] == "unread"
    assert not store.article(cached["http://example.org/story/0"].id).read
    # The server first, then Byline: Byline's change goes to the server.
    miniflux.set_status([entries["http://example.org/story/1"]], "read")
    time.sleep(1.1)
    store.set_read([cached["http://example.org/story/1"].id], False)
    summary = run_sync(store, account, SETTINGS)
    assert summary.error is None and summary.sent == 1
    assert miniflux.entry(entries["http://example.org/story/1"])["status"] == "unread"
    assert not store.article(cached["http://example.org/story/1"].id).read


def test_items_are_matched_to_cached_articles_by_url(miniflux, server, account, store) -> None:
    from tui.core.feeds.subscriptions import Subscription
    from tui.core.refresh import run_refresh

    url = server.add("/world.xml", body=rss("World", items(3)))
    local = Subscription("World", url, ())
    store.sync_feeds([(local.url, local.name, local.tags)])
    run_refresh(store, [local], SETTINGS, fulltext=False)
    assert store.count_articles() == 3
    miniflux.add_feed(url, category="News")
    summary = run_sync(store, account, SETTINGS, keep_urls=[url])
    assert summary.error is None and summary.new == 0
    assert store.count_articles() == 3
    assert [f.origin for f in store.feeds()] == [account.service]


def _wait(check, seconds: float = 20.0) -> None:
    deadline = time.monotonic() + seconds
    while not check():
        assert time.monotonic() < deadline, "timed out waiting"
        time.sleep(0.1)
