"""The cache's connection: SQLite in WAL mode, versioned migrations, damaged files set aside."""

from __future__ import annotations

import sqlite3
import threading
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import TypeVar

from tui.core.store.migrations import MIGRATIONS, SCHEMA_VERSION

BUSY_TIMEOUT_MS = 30_000
WAL_ATTEMPTS = 40  # about 16 s of tries in all
# Values bound in one `IN (?, ...)`: well under SQLite's limit on variables (999 before 3.32).
IN_CHUNK = 500

T = TypeVar("T")


class StoreError(Exception):
    """The cache cannot be used; the message says why in one line."""


def _use_wal(conn: sqlite3.Connection) -> None:
    """Switch a new cache to WAL (kept in the file from then on). The switch needs the file to
    itself and SQLite does not wait for that: when another process is opening the same new cache
    at that moment (the reader and a cron fetch), try again shortly instead of failing."""
    for attempt in range(WAL_ATTEMPTS):
        try:
            conn.execute("PRAGMA journal_mode = WAL")
            return
        except sqlite3.OperationalError as exc:
            if "locked" not in str(exc) or attempt == WAL_ATTEMPTS - 1:
                raise
            time.sleep(0.02 * (attempt + 1))


def now_ts() -> int:
    return int(time.time())


def to_dt(value: int | None) -> datetime | None:
    return None if value is None else datetime.fromtimestamp(value, tz=UTC)


def in_chunks(values: Sequence[T], size: int = IN_CHUNK) -> Iterator[Sequence[T]]:
    """The values in slices small enough to bind in one `IN (...)`."""
    for start in range(0, len(values), size):
        yield values[start:start + size]


def marks(count: int) -> str:
    """`?,?,?` for an `IN (...)` of that many values."""
    return ",".join("?" * count)


class Database:
    """The cache's connection: one per thread, writes in short IMMEDIATE transactions, the schema
    migrated on open. The tables of store/ extend it; Store (store/__init__) combines them."""

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
            _use_wal(conn)
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
                # Read again under the write lock: another process opening the same cache at the
                # same moment (the reader and a cron fetch) may have run this migration already.
                if tx.execute("PRAGMA user_version").fetchone()[0] > number:
                    continue
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

    def checkpoint(self) -> None:
        """Fold the write-ahead log back into the database file (after a big delete)."""
        self.conn().execute("PRAGMA wal_checkpoint(TRUNCATE)")

    def integrity_ok(self) -> bool:
        return bool(self.conn().execute("PRAGMA integrity_check").fetchone()[0] == "ok")


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
