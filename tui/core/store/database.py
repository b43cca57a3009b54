"""SQLite cache: versioned schema, feeds with validators, articles without duplicates, search."""

from __future__ import annotations

import shutil
import sqlite3
import threading
import time
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from tui.core.store.migrations import MIGRATIONS, SCHEMA_VERSION
from tui.core.models import (
    Article,
    ArticleRow,
    FeedInfo,
    Outcome,
    ParsedEntry,
    TextStatus,
)
from tui.core.store.search import SearchHit
from tui.core.store.search import search as search_articles

BUSY_TIMEOUT_MS = 30_000
# A publication date further ahead than this is treated as wrong and the fetch time used instead.
FUTURE_SLACK_SECONDS = 36 * 3600


class StoreError(Exception):
    """The cache cannot be used; the message says why in one line."""


@dataclass(frozen=True)
class ArticleFilter:
    """Which articles a list shows."""

    feed_id: int | None = None
    tag: str | None = None
    unread_only: bool = False
    starred_only: bool = False
    story_id: int | None = None

    def where(self) -> tuple[str, list[object]]:
        clauses: list[str] = []
        params: list[object] = []
        if self.feed_id is not None:
            clauses.append("a.feed_id = ?")
            params.append(self.feed_id)
        if self.tag is not None:
            clauses.append("+a.feed_id IN (SELECT id FROM feeds WHERE instr(tags, ?) > 0)")
            params.append(f"\n{self.tag}\n")
        if self.feed_id is None and self.tag is None and self.story_id is None:
            # The unary + keeps this test from choosing the index: the time order (or the
            # starred/unread partial index) should drive the query, not a scan per feed.
            clauses.append("+a.feed_id IN (SELECT id FROM feeds WHERE subscribed = 1)")
        if self.unread_only:
            clauses.append("a.read = 0")
        if self.starred_only:
            clauses.append("a.starred = 1")
        if self.story_id is not None:
            clauses.append("a.story_id = ?")
            params.append(self.story_id)
        return (" AND ".join(clauses) or "1"), params


def now_ts() -> int:
    return int(time.time())


def to_dt(value: int | None) -> datetime | None:
    return None if value is None else datetime.fromtimestamp(value, tz=UTC)


def _pack_tags(tags: Sequence[str]) -> str:
    # Newline-delimited with guards on both ends so instr() finds whole tags only.
    return "\n" + "\n".join(tags) + "\n" if tags else ""


def _unpack_tags(value: str) -> tuple[str, ...]:
    return tuple(t for t in value.split("\n") if t)


class Store:
    """The cache. One connection per thread; writes in short IMMEDIATE transactions."""

    def __init__(self, path: Path | str) -> None:
        self.path = str(path)
        self._local = threading.local()
        self._shared: sqlite3.Connection | None = None
        self._lock = threading.RLock()
        if self.path != ":memory:":
            Path(self.path).parent.mkdir(parents=True, exist_ok=True)
        self._migrate()

    # -- connections -----------------------------------------------------------------------
    def _connect(self) -> sqlite3.Connection:
        conn = sqlite3.connect(self.path, timeout=BUSY_TIMEOUT_MS / 1000, isolation_level=None,
                               check_same_thread=self.path != ":memory:")
        conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        conn.execute("PRAGMA foreign_keys = ON")
        if self.path != ":memory:":
            conn.execute("PRAGMA journal_mode = WAL")
            conn.execute("PRAGMA synchronous = NORMAL")
        return conn

    def conn(self) -> sqlite3.Connection:
        if self.path == ":memory:":
            if self._shared is None:
                self._shared = self._connect()
            return self._shared
        conn = getattr(self._local, "conn", None)
        if conn is None:
            conn = self._local.conn = self._connect()
        return conn

    def close(self) -> None:
        conn = getattr(self._local, "conn", None)
        if conn is not None:
            conn.close()
            self._local.conn = None
        if self._shared is not None:
            self._shared.close()
            self._shared = None

    @contextmanager
    def write(self) -> Iterator[sqlite3.Connection]:
        """A write transaction; BEGIN IMMEDIATE so concurrent writers wait instead of failing."""
        with self._lock:
            conn = self.conn()
            conn.execute("BEGIN IMMEDIATE")
            try:
                yield conn
            except BaseException:
                if conn.in_transaction:  # SQLite already rolled back on errors like SQLITE_FULL
                    conn.execute("ROLLBACK")
                raise
            conn.execute("COMMIT")

    def _migrate(self) -> None:
        conn = self.conn()
        version = conn.execute("PRAGMA user_version").fetchone()[0]
        if version > SCHEMA_VERSION:
            raise StoreError(
                f"{self.path}: cache written by a newer Byline (schema {version}; this version "
                f"knows up to {SCHEMA_VERSION}). Upgrade Byline or use another --cache-dir."
            )
        for number in range(version, SCHEMA_VERSION):
            with self.write() as tx:
                for statement in _statements(MIGRATIONS[number]):
                    tx.execute(statement)
                tx.execute(f"PRAGMA user_version = {number + 1}")

    @property
    def schema_version(self) -> int:
        return int(self.conn().execute("PRAGMA user_version").fetchone()[0])

    # -- state -------------------------------------------------------------------------------
    def get_state(self, key: str, default: str | None = None) -> str | None:
        row = self.conn().execute("SELECT value FROM state WHERE key = ?", (key,)).fetchone()
        return row[0] if row else default

    def set_state(self, key: str, value: str) -> None:
        with self.write() as tx:
            tx.execute("INSERT INTO state (key, value) VALUES (?, ?) "
                       "ON CONFLICT (key) DO UPDATE SET value = excluded.value", (key, value))

    # -- feeds -------------------------------------------------------------------------------
    def sync_feeds(self, feeds: Iterable[tuple[str, str, Sequence[str]]]) -> None:
        """Make the subscribed feeds exactly these (url, name, tags); old feeds keep articles."""
        wanted = list(feeds)
        with self.write() as tx:
            tx.execute("UPDATE feeds SET subscribed = 0")
            for url, name, tags in wanted:
                tx.execute(
                    "INSERT INTO feeds (url, name, tags) VALUES (?, ?, ?) ON CONFLICT (url) "
                    "DO UPDATE SET name = excluded.name, tags = excluded.tags, subscribed = 1",
                    (url, name, _pack_tags(tags)),
                )

    def fetch_ages(self) -> tuple[int, datetime | None]:
        """(feeds never fetched, oldest last check) over subscribed feeds, without counting
        articles: what start-up needs to decide on a refresh."""
        never, oldest = self.conn().execute(
            "SELECT sum(last_checked IS NULL), min(last_checked) FROM feeds WHERE subscribed = 1"
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
            new = self._upsert_entries(tx, feed_id, entries, now) if entries else 0
            if outcome.failed:
                tx.execute(
                    "UPDATE feeds SET last_checked = ?, last_outcome = ?, last_error = ?, "
                    "http_status = ?, retry_after = ? WHERE id = ?",
                    (now, outcome.value, error, http_status, retry_after, feed_id),
                )
            else:
                tx.execute(
                    "UPDATE feeds SET last_checked = ?, last_success = ?, last_outcome = ?, "
                    "last_error = NULL, last_warning = ?, http_status = ?, retry_after = NULL, "
                    "title = COALESCE(?, title), etag = COALESCE(?, etag), "
                    "last_modified = COALESCE(?, last_modified), "
                    "content_hash = COALESCE(?, content_hash) WHERE id = ?",
                    (now, now, outcome.value, warning, http_status, title, etag, last_modified,
                     content_hash, feed_id),
                )
        return new

    def _upsert_entries(self, tx: sqlite3.Connection, feed_id: int,
                        entries: Sequence[ParsedEntry], now: int) -> int:
        known = {
            guid: (title, summary)
            for guid, title, summary in tx.execute(
                "SELECT guid, title, summary FROM articles WHERE feed_id = ? AND guid IN "
                f"({','.join('?' * len(entries))})", (feed_id, *[e.guid for e in entries]),
            )
        } if len(entries) < 900 else self._known_entries(tx, feed_id)
        new = 0
        for entry in entries:
            published = int(entry.published.timestamp()) if entry.published else None
            sort_time = published if published and published <= now + FUTURE_SLACK_SECONDS else now
            if entry.guid not in known:
                tx.execute(
                    "INSERT INTO articles (feed_id, guid, url, title, author, published, fetched, "
                    "sort_time, summary, body) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    (feed_id, entry.guid, entry.url, entry.title, entry.author, published, now,
                     sort_time, entry.summary, entry.content),
                )
                new += 1
            elif known[entry.guid] != (entry.title, entry.summary):
                tx.execute(
                    "UPDATE articles SET title = ?, summary = ?, "
                    "body = CASE WHEN text_status = 'full text' THEN body ELSE ? END "
                    "WHERE feed_id = ? AND guid = ?",
                    (entry.title, entry.summary, entry.content, feed_id, entry.guid),
                )
        return new

    @staticmethod
    def _known_entries(tx: sqlite3.Connection, feed_id: int) -> dict[str, tuple[str, str]]:
        rows = tx.execute("SELECT guid, title, summary FROM articles WHERE feed_id = ?",
                          (feed_id,))
        return {guid: (title, summary) for guid, title, summary in rows}

    def feeds(self, include_unsubscribed: bool = False) -> list[FeedInfo]:
        """Every subscribed feed with health and counts (counts come from indexes)."""
        rows = self.conn().execute(
            "SELECT f.id, f.name, f.url, f.tags, f.title, f.last_checked, f.last_success, "
            "f.last_outcome, f.last_error, f.last_warning, "
            "(SELECT count(*) FROM articles a WHERE a.feed_id = f.id), "
            "(SELECT count(*) FROM articles a WHERE a.feed_id = f.id AND a.read = 0) "
            "FROM feeds f WHERE f.subscribed = 1 OR ? ORDER BY f.id",
            (include_unsubscribed,),
        ).fetchall()
        return [
            FeedInfo(r[0], r[1], r[2], _unpack_tags(r[3]), r[4], to_dt(r[5]), to_dt(r[6]), r[7],
                     r[8], r[9], r[10], r[11])
            for r in rows
        ]

    # -- articles ----------------------------------------------------------------------------
    _ROW_COLUMNS = ("a.id, f.name, a.title, a.sort_time, a.read, a.starred, a.story_id, "
                    "(SELECT outlet_count FROM stories s WHERE s.id = a.story_id)")

    def count_articles(self, flt: ArticleFilter = ArticleFilter()) -> int:
        where, params = flt.where()
        return int(self.conn().execute(
            f"SELECT count(*) FROM articles a WHERE {where}", params).fetchone()[0])

    def article_rows(self, flt: ArticleFilter = ArticleFilter(), offset: int = 0,
                     limit: int = 200) -> list[ArticleRow]:
        where, params = flt.where()
        rows = self.conn().execute(
            f"SELECT {self._ROW_COLUMNS} FROM articles a JOIN feeds f ON f.id = a.feed_id "
            f"WHERE {where} ORDER BY a.sort_time DESC, a.id DESC LIMIT ? OFFSET ?",
            (*params, limit, offset),
        ).fetchall()
        return [ArticleRow(r[0], r[1], r[2], to_dt(r[3]) or datetime.now(UTC), bool(r[4]),
                           bool(r[5]), r[6], r[7] or 0) for r in rows]

    def row_index(self, flt: ArticleFilter, article_id: int) -> int | None:
        """Position of an article in the filtered, newest-first list (None when not in it)."""
        where, params = flt.where()
        found = self.conn().execute(
            f"SELECT a.sort_time FROM articles a WHERE a.id = ? AND {where}", (article_id, *params)
        ).fetchone()
        if found is None:
            return None
        return int(self.conn().execute(
            f"SELECT count(*) FROM articles a WHERE {where} AND "
            "(a.sort_time > ? OR (a.sort_time = ? AND a.id > ?))",
            (*params, found[0], found[0], article_id),
        ).fetchone()[0])

    def article(self, article_id: int) -> Article | None:
        r = self.conn().execute(
            "SELECT a.id, a.feed_id, f.name, a.guid, a.url, a.title, a.author, a.published, "
            "a.fetched, a.summary, a.body, a.text_status, a.text_note, a.read, a.starred, "
            "a.story_id FROM articles a JOIN feeds f ON f.id = a.feed_id WHERE a.id = ?",
            (article_id,),
        ).fetchone()
        if r is None:
            return None
        return Article(r[0], r[1], r[2], r[3], r[4], r[5], r[6], to_dt(r[7]),
                       to_dt(r[8]) or datetime.now(UTC), r[9], r[10], TextStatus(r[11]), r[12],
                       bool(r[13]), bool(r[14]), r[15])

    def set_read(self, article_ids: Sequence[int], read: bool = True) -> None:
        with self.write() as tx:
            tx.executemany("UPDATE articles SET read = ? WHERE id = ?",
                           [(int(read), i) for i in article_ids])

    def set_starred(self, article_id: int, starred: bool) -> None:
        with self.write() as tx:
            tx.execute("UPDATE articles SET starred = ? WHERE id = ?", (int(starred), article_id))

    def mark_all_read(self, flt: ArticleFilter) -> int:
        where, params = flt.where()
        with self.write() as tx:
            cursor = tx.execute(f"UPDATE articles AS a SET read = 1 WHERE read = 0 AND {where}",
                                params)
            return cursor.rowcount

    # -- full text ---------------------------------------------------------------------------
    def articles_needing_text(self, feed_ids: Sequence[int] | None = None,
                              limit: int = 10_000) -> list[tuple[int, str]]:
        """(id, url) of articles whose page has not been fetched and extracted yet."""
        rows = self.conn().execute(
            "SELECT id, url, feed_id FROM articles WHERE text_status = 'pending' AND url IS NOT NULL "
            "ORDER BY id LIMIT ?", (limit,),
        ).fetchall()
        wanted = set(feed_ids) if feed_ids is not None else None
        return [(r[0], r[1]) for r in rows if wanted is None or r[2] in wanted]

    def store_text(self, article_id: int, status: TextStatus, body: str | None = None,
                   note: str | None = None, author: str | None = None) -> None:
        with self.write() as tx:
            tx.execute(
                "UPDATE articles SET text_status = ?, text_note = ?, body = COALESCE(?, body), "
                "author = COALESCE(author, ?), analysed = 0 WHERE id = ?",
                (status.value, note, body, author, article_id),
            )

    def reset_text(self, article_ids: Sequence[int] | None = None) -> None:
        """Mark articles for fetching and extraction again (all when ids is None)."""
        with self.write() as tx:
            if article_ids is None:
                tx.execute("UPDATE articles SET text_status = 'pending'")
            else:
                tx.executemany("UPDATE articles SET text_status = 'pending' WHERE id = ?",
                               [(i,) for i in article_ids])

    def search(self, text: str, limit: int = 50) -> list[SearchHit]:
        """Full-text search over titles and text, best first, with highlighted snippets."""
        return search_articles(self.conn(), text, limit)

    def prune(self, older_than_days: int) -> int:
        """Delete unstarred articles older than the given age; returns how many went."""
        cutoff = now_ts() - older_than_days * 86400
        with self.write() as tx:
            return tx.execute("DELETE FROM articles WHERE starred = 0 AND sort_time < ?",
                              (cutoff,)).rowcount

    def next_unread(self, flt: ArticleFilter, after: int | None) -> int | None:
        """The next unread article in list order below `after` (from the top when None)."""
        where, params = flt.where()
        if after is not None:
            row = self.conn().execute("SELECT sort_time FROM articles WHERE id = ?",
                                      (after,)).fetchone()
            if row is None:
                return None
            found = self.conn().execute(
                f"SELECT a.id FROM articles a WHERE {where} AND a.read = 0 AND "
                "(a.sort_time < ? OR (a.sort_time = ? AND a.id < ?)) "
                "ORDER BY a.sort_time DESC, a.id DESC LIMIT 1",
                (*params, row[0], row[0], after)).fetchone()
            return int(found[0]) if found else None
        found = self.conn().execute(
            f"SELECT a.id FROM articles a WHERE {where} AND a.read = 0 "
            "ORDER BY a.sort_time DESC, a.id DESC LIMIT 1", params).fetchone()
        return int(found[0]) if found else None

    def integrity_ok(self) -> bool:
        return self.conn().execute("PRAGMA integrity_check").fetchone()[0] == "ok"


def _statements(script: str) -> list[str]:
    """Split a migration script into statements, keeping trigger bodies whole."""
    statements: list[str] = []
    buffer = ""
    for line in script.splitlines(keepends=True):
        buffer += line
        if sqlite3.complete_statement(buffer):
            if buffer.strip():
                statements.append(buffer.strip())
            buffer = ""
    if buffer.strip():
        statements.append(buffer.strip())
    return statements


def truncation(path: Path) -> str | None:
    """A cheap check of the header against the file size (no scan of the cache)."""
    try:
        with path.open("rb") as handle:
            header = handle.read(100)
        size = path.stat().st_size
    except OSError:
        return None
    if len(header) < 100 or not header.startswith(b"SQLite format 3\x00"):
        return "not an SQLite database" if size else None
    page_size = int.from_bytes(header[16:18], "big")
    page_size = 65536 if page_size == 1 else page_size
    pages = int.from_bytes(header[28:32], "big")
    valid = header[24:28] == header[92:96]  # the in-header size is trustworthy only then
    if valid and pages and size < pages * page_size:
        return f"file is truncated ({size} of {pages * page_size} bytes)"
    return None


def open_store(path: Path) -> tuple[Store, str | None]:
    """Open the cache; a damaged file is moved aside and a fresh cache built, with a message."""
    damage = truncation(path) if path.exists() else None
    try:
        if damage:
            raise sqlite3.DatabaseError(damage)
        return Store(path), None
    except StoreError:
        raise
    except sqlite3.DatabaseError as exc:
        if not path.exists():
            raise StoreError(f"{path}: cannot open cache: {exc}") from exc
        stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S")
        aside = path.with_name(f"{path.name}.damaged-{stamp}")
        counter = 1
        while aside.exists():  # never overwrite an earlier damaged copy
            counter += 1
            aside = path.with_name(f"{path.name}.damaged-{stamp}-{counter}")
        shutil.move(str(path), str(aside))
        for suffix in ("-wal", "-shm"):
            side = Path(str(path) + suffix)
            if side.exists():
                shutil.move(str(side), str(aside) + suffix)
        message = (f"The cache {path} was damaged ({exc}); it was kept as {aside.name} and a "
                   f"fresh cache was built.")
        return Store(path), message
