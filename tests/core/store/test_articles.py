"""Articles in a real cache file: the full-text queue of a new feed, big feeds stored in chunks."""

from __future__ import annotations

import re
from datetime import UTC, datetime

from tui.core.models import Outcome, ParsedEntry
from tui.core.store import Store


def entries(prefix: str, count: int, title: str = "Title") -> list[ParsedEntry]:
    return [ParsedEntry(f"{prefix}-{i}", f"http://example.org/{prefix}/{i}", f"{title} {i}",
                        None, datetime(2026, 11, 20, tzinfo=UTC), f"Summary {i}", "")
            for i in range(count)]


def test_a_new_feed_gets_full_text_behind_ten_thousand_pending_elsewhere(store: Store) -> None:
    store.sync_feeds([("http://old.example/f", "Old", ()), ("http://new.example/f", "New", ())])
    old, new = store.feed_id("http://old.example/f"), store.feed_id("http://new.example/f")
    assert old is not None and new is not None
    store.record_feed_result(old, Outcome.OK, entries=entries("old", 10_050))
    store.record_feed_result(new, Outcome.OK, entries=entries("new", 3))
    queued = store.articles_needing_text([new])
    assert sorted(url for _, url in queued) == [f"http://example.org/new/{i}" for i in range(3)]
    # The cap still holds, and still takes the oldest first.
    capped = store.articles_needing_text([old, new], limit=5)
    assert [url for _, url in capped] == [f"http://example.org/old/{i}" for i in range(5)]
    assert store.articles_needing_text([]) == []
    assert len(store.articles_needing_text()) == 10_000


def test_a_feed_of_thousands_is_matched_by_guid_in_chunks(store: Store) -> None:
    """Over 900 entries, the known ones are looked up by guid in chunks, never by reading every
    article of the feed (which grows without bound on a feed kept for years)."""
    store.sync_feeds([("http://big.example/f", "Big", ())])
    feed = store.feed_id("http://big.example/f")
    assert feed is not None
    store.record_feed_result(feed, Outcome.OK, entries=entries("archive", 3_000))
    statements: list[str] = []
    store.conn().set_trace_callback(statements.append)
    try:
        # 1,500 seen before (500 of them retitled) and 1,000 new.
        batch = entries("archive", 1_000) + entries("archive", 1_500, "Retitled")[1_000:] + \
            [ParsedEntry(f"fresh-{i}", None, f"Fresh {i}", None, None, "", "")
             for i in range(1_000)]
        assert store.record_feed_result(feed, Outcome.OK, entries=batch) == 1_000
    finally:
        store.conn().set_trace_callback(None)
    lookups = [s for s in statements if re.match(r"\s*SELECT\b.*\bFROM articles\b", s, re.S)]
    assert lookups, statements[:5]
    assert all("guid IN" in s for s in lookups), [s[:120] for s in lookups if "guid IN" not in s]
    titles = {row[0] for row in store.conn().execute(
        "SELECT title FROM articles WHERE feed_id = ? AND guid IN ('archive-1200', 'archive-5')",
        (feed,))}
    assert titles == {"Retitled 1200", "Title 5"}
    assert store.conn().execute("SELECT count(*) FROM articles").fetchone()[0] == 4_000
