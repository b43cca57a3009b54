"""Feeds in the cache: subscriptions kept in step with the config, validators, health, counts."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Sequence
from datetime import datetime

from tui.core.models import FeedInfo, Outcome, ParsedEntry
from tui.core.store.articles import insert_entries
from tui.core.store.database import now_ts, to_dt
from tui.core.store.watch import WatchTable

EMPTY_FEED = "0 articles in this feed"


def pack_tags(tags: Sequence[str]) -> str:
    # Newline-delimited with guards on both ends so instr() finds whole tags only.
    return "\n" + "\n".join(tags) + "\n" if tags else ""


def unpack_tags(value: str) -> tuple[str, ...]:
    return tuple(t for t in value.split("\n") if t)


def _subscribe(tx: sqlite3.Connection, feeds: Sequence[tuple[str, str, Sequence[str]]]) -> None:
    tx.executemany(
        "INSERT INTO feeds (url, name, tags) VALUES (?, ?, ?) ON CONFLICT (url) "
        "DO UPDATE SET name = excluded.name, tags = excluded.tags, subscribed = 1",
        [(url, name, pack_tags(tags)) for url, name, tags in feeds],
    )


class FeedTable(WatchTable):
    """Subscribed feeds, their HTTP validators and the outcome of their last refresh."""

    def sync_feeds(self, feeds: Iterable[tuple[str, str, Sequence[str]]]) -> None:
        """Make the subscribed local feeds exactly these (url, name, tags): the whole
        subscription list, as feeds.toml has it. Feeds left out are unsubscribed and keep their
        articles; synced feeds (the server's list) are left alone."""
        wanted = list(feeds)
        with self.write() as tx:
            tx.execute("UPDATE feeds SET subscribed = 0 WHERE origin = 'local'")
            _subscribe(tx, wanted)

    def subscribe_feeds(self, feeds: Iterable[tuple[str, str, Sequence[str]]]) -> None:
        """Subscribe these feeds (url, name, tags), added or updated, leaving every other
        subscription as it is: what a refresh of some of the feeds needs."""
        wanted = list(feeds)
        with self.write() as tx:
            _subscribe(tx, wanted)

    def fetch_ages(self) -> tuple[int, datetime | None]:
        """(feeds never fetched, oldest last check) over subscribed feeds, without counting
        articles: what start-up needs to decide on a refresh. A synced feed is not fetched
        here (the sync fills it), so it is never counted as never fetched."""
        never, oldest = self.conn().execute(
            "SELECT sum(last_checked IS NULL AND origin = 'local'), min(last_checked) FROM feeds "
            "WHERE subscribed = 1"
        ).fetchone()
        return int(never or 0), to_dt(oldest)

    def feed_id(self, url: str) -> int | None:
        row = self.conn().execute("SELECT id FROM feeds WHERE url = ?", (url,)).fetchone()
        return row[0] if row else None

    def validators(self, feed_id: int) -> tuple[str | None, str | None, int | None]:
        """(ETag, Last-Modified, retry_after timestamp) stored for a feed."""
        row = self.conn().execute(
            "SELECT etag, last_modified, retry_after FROM feeds WHERE id = ?", (feed_id,)
        ).fetchone()
        return (row[0], row[1], row[2]) if row else (None, None, None)

    def content_hash(self, feed_id: int) -> str | None:
        """Digest of the feed body last parsed, to skip parsing a byte-identical response."""
        row = self.conn().execute("SELECT content_hash FROM feeds WHERE id = ?",
                                  (feed_id,)).fetchone()
        return row[0] if row else None

    def record_feed_result(
        self, feed_id: int, outcome: Outcome, *, entries: Sequence[ParsedEntry] = (),
        title: str | None = None, etag: str | None = None, last_modified: str | None = None,
        http_status: int | None = None, error: str | None = None, warning: str | None = None,
        retry_after: int | None = None, content_hash: str | None = None,
    ) -> int:
        """Store one feed's outcome and its entries in a single transaction; returns new count."""
        now = now_ts()
        with self.write() as tx:
            new = insert_entries(tx, feed_id, entries, now) if entries else 0
            if outcome.failed:
                tx.execute(
                    "UPDATE feeds SET last_checked = ?, last_outcome = ?, last_error = ?, "
                    "http_status = ?, retry_after = ? WHERE id = ?",
                    (now, outcome.value, error, http_status, retry_after, feed_id),
                )
            else:
                # A 304 (or the same bytes again) says nothing new about the content: the
                # warning of the last parse stands until a parse says otherwise.
                if outcome is not Outcome.NOT_MODIFIED:
                    warning = warning or (None if entries else EMPTY_FEED)
                tx.execute(
                    "UPDATE feeds SET last_checked = ?, last_success = ?, last_outcome = ?, "
                    "last_error = NULL, last_warning = CASE WHEN ? THEN last_warning ELSE ? END, "
                    "http_status = ?, retry_after = NULL, "
                    "title = COALESCE(?, title), etag = COALESCE(?, etag), "
                    "last_modified = COALESCE(?, last_modified), "
                    "content_hash = COALESCE(?, content_hash) WHERE id = ?",
                    (now, now, outcome.value, outcome is Outcome.NOT_MODIFIED, warning,
                     http_status, title, etag, last_modified, content_hash, feed_id),
                )
        return new

    def feeds(self, include_unsubscribed: bool = False) -> list[FeedInfo]:
        """Every subscribed feed with health and counts (counts come from indexes; muted
        articles are not counted). A synced feed's health is the last sync's: its error while
        the sync fails, its time once it succeeds (unless the feed, also in feeds.toml, has
        a fetch of its own to tell)."""
        hidden, params = self.visible()
        synced = "f.origin != 'local' AND f.last_checked IS NULL"
        rows = self.conn().execute(
            "SELECT f.id, f.name, f.url, f.tags, f.title, f.last_checked, "
            f"CASE WHEN {synced} THEN CAST((SELECT value FROM state "
            "WHERE key = 'sync.last_success') AS INTEGER) ELSE f.last_success END, "
            "f.last_outcome, "
            "CASE WHEN f.origin != 'local' THEN COALESCE(f.last_error, (SELECT value FROM state "
            "WHERE key = 'sync.last_error')) ELSE f.last_error END, f.last_warning, f.origin, "
            f"(SELECT count(*) FROM articles a WHERE a.feed_id = f.id{hidden}), "
            f"(SELECT count(*) FROM articles a WHERE a.feed_id = f.id AND a.read = 0{hidden}) "
            "FROM feeds f WHERE f.subscribed = 1 OR ? ORDER BY f.id",
            (*params, *params, include_unsubscribed),
        ).fetchall()
        return [
            FeedInfo(r[0], r[1], r[2], unpack_tags(r[3]), r[4], to_dt(r[5]), to_dt(r[6]), r[7],
                     r[8], r[9], r[11], r[12], origin=r[10])
            for r in rows
        ]
