"""Synced feeds and articles in the cache: the server's subscriptions, its items matched by item
id then by URL, read and starred state both ways, and the queue of changes not yet sent."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Mapping, Sequence
from datetime import datetime

from tui.core.models import ItemState, LocalChange, RemoteFeed, RemoteItem, SyncMoves
from tui.core.store.articles import FUTURE_SLACK_SECONDS
from tui.core.store.database import Database, in_chunks, marks, now_ts
from tui.core.store.feeds import pack_tags
from tui.core.text import html_to_text, one_line

_FIELDS = ("read", "starred")
_STATE_PREFIX = "sync."


class SyncTable(Database):
    """What a sync reads and writes in the cache; each step is one transaction, so a sync
    killed at any point leaves the cache as the last finished step left it."""

    # -- the account and its cursors -------------------------------------------------------
    def sync_value(self, key: str) -> str | None:
        return self.get_state(_STATE_PREFIX + key)

    def set_sync_values(self, values: Mapping[str, str | None]) -> None:
        with self.write() as tx:
            _set_values(tx, values)

    def begin_account(self, key: str) -> bool:
        """Start syncing as this account; a cache synced with another one forgets that one's
        ids, cursors and queue first (its articles stay, as local). Returns whether it did."""
        if self.sync_value("account") == key:
            return False
        with self.write() as tx:
            tx.execute("UPDATE articles SET server_id = NULL WHERE server_id IS NOT NULL")
            tx.execute("UPDATE feeds SET subscribed = 0 WHERE origin != 'local'")
            tx.execute("UPDATE feeds SET origin = 'local', server_id = NULL "
                       "WHERE origin != 'local'")
            tx.execute("DELETE FROM sync_queue")
            tx.execute("DELETE FROM state WHERE key LIKE 'sync.%'")
            _set_values(tx, {"account": key})
        return True

    # -- feeds -----------------------------------------------------------------------------
    def apply_remote_feeds(self, origin: str, feeds: Sequence[RemoteFeed],
                           keep_urls: Iterable[str] = ()) -> dict[str, int]:
        """Make the synced feeds the server's list; returns local feed id by server feed id. A
        feed also in feeds.toml (keep_urls) shares its row; one gone from the server is
        unsubscribed (its articles stay) unless feeds.toml still has it."""
        keep = set(keep_urls)
        with self.write() as tx:
            listed = {feed.server_id for feed in feeds}
            for feed_id, url, server_id in tx.execute(
                    "SELECT id, url, server_id FROM feeds WHERE origin = ?", (origin,)).fetchall():
                if server_id not in listed:
                    tx.execute("UPDATE feeds SET origin = 'local', server_id = NULL, "
                               "subscribed = ? WHERE id = ?", (int(url in keep), feed_id))
            tx.executemany(
                "INSERT INTO feeds (url, name, tags, origin, server_id) VALUES (?, ?, ?, ?, ?) "
                "ON CONFLICT (url) DO UPDATE SET name = excluded.name, tags = excluded.tags, "
                "origin = excluded.origin, server_id = excluded.server_id, subscribed = 1",
                [(f.url, one_line(f.title) or f.url, pack_tags(f.tags), origin, f.server_id)
                 for f in feeds])
            return {server_id: feed_id for feed_id, server_id in tx.execute(
                "SELECT id, server_id FROM feeds WHERE origin = ?", (origin,))}

    def feed_server_id(self, feed_id: int) -> str | None:
        """The server's id of a synced feed (None for a local one)."""
        row = self.conn().execute("SELECT server_id FROM feeds WHERE id = ? AND origin != 'local'",
                                  (feed_id,)).fetchone()
        return str(row[0]) if row and row[0] is not None else None

    def synced_feed_ids(self) -> list[int]:
        return [r[0] for r in self.conn().execute(
            "SELECT id FROM feeds WHERE origin != 'local' AND subscribed = 1 ORDER BY id")]

    # -- items -----------------------------------------------------------------------------
    def known_server_ids(self, server_ids: Sequence[str]) -> set[str]:
        """Which of these item ids the cache holds already."""
        known: set[str] = set()
        for chunk in in_chunks(list(server_ids)):
            known.update(r[0] for r in self.conn().execute(
                f"SELECT server_id FROM articles WHERE server_id IN ({marks(len(chunk))})", chunk))
        return known

    @staticmethod
    def prepare_remote_items(items: Sequence[RemoteItem]) -> list[tuple[str, str]]:
        """The (title, text) each item would be stored with: the slow, pure part of storing,
        which a caller may do while the previous page is written (it needs no connection)."""
        return [(one_line(html_to_text(item.title)) or item.url or "(untitled)",
                 html_to_text(item.content)) for item in items]

    def store_remote_items(self, items: Sequence[RemoteItem], feed_ids: Mapping[str, int],
                           cursor: Mapping[str, str | None] | None = None,
                           texts: Sequence[tuple[str, str]] | None = None) -> SyncMoves:
        """Store one page of the server's items, and the cursor after it, in one transaction:
        an item is matched by its id, then by URL (a cached article gets the id), else added.
        A known item takes the server's read and starred state unless a local change of that
        field waits to be sent and is later than the server's. `texts` is what
        `prepare_remote_items` gave for these items, when the caller prepared them."""
        moves = SyncMoves()
        now = now_ts()
        if texts is None:
            texts = self.prepare_remote_items(items)
        with self.write() as tx:
            # Two lookups for the page instead of two per item: the items the cache holds by
            # id, and the URLs a cached article without an id has. Only an item whose URL is
            # among those, or whose id came earlier in the page, needs `_match` one by one.
            by_id = _by_server_id(tx, [item.server_id for item in items])
            urls = _unclaimed_urls(tx, [item.url for item in items if item.url])
            seen: set[str] = set()
            for item, (title, text) in zip(items, texts, strict=True):
                feed_id = feed_ids.get(item.feed_server_id)
                if feed_id is None:
                    continue  # a feed the subscription list did not have: taken next time
                if item.server_id in seen or (item.server_id not in by_id and item.url in urls):
                    found = _match(tx, item, feed_id)
                else:
                    found = by_id.get(item.server_id)
                seen.add(item.server_id)
                if found is None:
                    _insert(tx, item, feed_id, now, title, text)
                    moves.new += 1
                else:
                    _apply_state(tx, found, ItemState(item.read, item.starred, item.changed),
                                 moves)
            if cursor:
                _set_values(tx, cursor)
        return moves

    def apply_item_states(self, states: Mapping[str, ItemState],
                          cursor: Mapping[str, str | None] | None = None) -> SyncMoves:
        """The server's state of these items (those the cache holds), by the conflict rule of
        `store_remote_items`, with the cursor after them, in one transaction."""
        moves = SyncMoves()
        with self.write() as tx:
            ids = list(states)
            for chunk in in_chunks(ids):
                rows = tx.execute(
                    "SELECT id, server_id, read, starred FROM articles "
                    f"WHERE server_id IN ({marks(len(chunk))})", chunk).fetchall()
                for article_id, server_id, read, starred in rows:
                    _apply_state(tx, (article_id, bool(read), bool(starred)), states[server_id],
                                 moves)
            if cursor:
                _set_values(tx, cursor)
        return moves

    def apply_state_sets(self, origin: str, unread: set[str], starred: set[str]) -> SyncMoves:
        """The server's complete unread and starred lists (the Google Reader API gives no
        per-item times): every synced article of this origin takes its state from them,
        except a field whose local change waits to be sent (that one goes to the server)."""
        moves = SyncMoves()
        with self.write() as tx:
            rows = tx.execute(
                "SELECT a.id, a.server_id, a.read, a.starred FROM articles a "
                "JOIN feeds f ON f.id = a.feed_id "
                "WHERE a.server_id IS NOT NULL AND f.origin = ?", (origin,)).fetchall()
            for article_id, server_id, read, was_starred in rows:
                state = ItemState(server_id not in unread, server_id in starred, None)
                if state.read != bool(read) or state.starred != bool(was_starred):
                    _apply_state(tx, (article_id, bool(read), bool(was_starred)), state, moves)
        return moves

    # -- the queue -------------------------------------------------------------------------
    def pending_changes(self, limit: int = 1000) -> list[LocalChange]:
        """Local changes not yet sent, oldest first."""
        return [LocalChange(r[0], r[1], r[2], bool(r[3]), r[4]) for r in self.conn().execute(
            "SELECT q.article_id, a.server_id, q.field, q.value, q.changed_at FROM sync_queue q "
            "JOIN articles a ON a.id = q.article_id WHERE a.server_id IS NOT NULL "
            "ORDER BY q.changed_at, q.article_id LIMIT ?", (limit,))]

    def drop_changes(self, changes: Iterable[LocalChange]) -> None:
        """These changes reached the server (or lost to a later change there): forget them,
        unless the article changed again meanwhile (a newer change stays queued)."""
        with self.write() as tx:
            tx.executemany("DELETE FROM sync_queue WHERE article_id = ? AND field = ? AND "
                           "changed_at = ?", [(c.article_id, c.field, c.at) for c in changes])

    def queued_count(self) -> int:
        return int(self.conn().execute(
            "SELECT count(*) FROM sync_queue q JOIN articles a ON a.id = q.article_id "
            "WHERE a.server_id IS NOT NULL").fetchone()[0])


def _set_values(tx: sqlite3.Connection, values: Mapping[str, str | None]) -> None:
    for key, value in values.items():
        if value is None:
            tx.execute("DELETE FROM state WHERE key = ?", (_STATE_PREFIX + key,))
        else:
            tx.execute("INSERT INTO state (key, value) VALUES (?, ?) ON CONFLICT (key) "
                       "DO UPDATE SET value = excluded.value", (_STATE_PREFIX + key, value))


def _by_server_id(tx: sqlite3.Connection,
                  server_ids: Sequence[str]) -> dict[str, tuple[int, bool, bool]]:
    """(id, read, starred) of the cached articles with these item ids, by item id."""
    found: dict[str, tuple[int, bool, bool]] = {}
    for chunk in in_chunks(list(dict.fromkeys(server_ids))):
        found.update((server_id, (article_id, bool(read), bool(starred)))
                     for article_id, server_id, read, starred in tx.execute(
                         "SELECT id, server_id, read, starred FROM articles "
                         f"WHERE server_id IN ({marks(len(chunk))})", chunk))
    return found


def _unclaimed_urls(tx: sqlite3.Connection, urls: Sequence[str]) -> set[str]:
    """Which of these URLs a cached article without an item id has (one `_match` may claim)."""
    found: set[str] = set()
    for chunk in in_chunks(list(dict.fromkeys(urls))):
        found.update(url for (url,) in tx.execute(
            f"SELECT DISTINCT url FROM articles WHERE url IN ({marks(len(chunk))}) "
            "AND server_id IS NULL", chunk))
    return found


def _match(tx: sqlite3.Connection, item: RemoteItem,
           feed_id: int) -> tuple[int, bool, bool] | None:
    """(id, read, starred) of the cached article that is this item: by its id, else by URL
    (preferring the same feed), which then takes the id."""
    row = tx.execute("SELECT id, read, starred FROM articles WHERE server_id = ?",
                     (item.server_id,)).fetchone()
    if row is None and item.url:
        row = tx.execute(
            "SELECT id, read, starred FROM articles WHERE url = ? AND server_id IS NULL "
            "ORDER BY feed_id != ?, id LIMIT 1", (item.url, feed_id)).fetchone()
        if row is not None:
            tx.execute("UPDATE articles SET server_id = ? WHERE id = ?", (item.server_id, row[0]))
    return (row[0], bool(row[1]), bool(row[2])) if row else None


def _insert(tx: sqlite3.Connection, item: RemoteItem, feed_id: int, now: int, title: str,
            text: str) -> None:
    published = int(item.published.timestamp()) if isinstance(item.published, datetime) else None
    sort_time = published if published and published <= now + FUTURE_SLACK_SECONDS else now
    values = (feed_id, item.url, title, item.author or None, published, now, sort_time, text,
              int(item.read), int(item.starred), item.server_id)
    for guid in dict.fromkeys((item.url or f"sync:{item.server_id}", f"sync:{item.server_id}")):
        cursor = tx.execute(
            "INSERT OR IGNORE INTO articles (feed_id, guid, url, title, author, published, "
            "fetched, sort_time, summary, read, starred, server_id) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", (values[0], guid, *values[1:]))
        if cursor.rowcount:
            return


def _apply_state(tx: sqlite3.Connection, local: tuple[int, bool, bool], state: ItemState,
                 moves: SyncMoves) -> None:
    """Take the server's state of one article, field by field, by the conflict rule: a local
    change still queued wins unless the server changed the item later."""
    article_id = local[0]
    queued = dict(((f, at) for f, at in tx.execute(
        "SELECT field, changed_at FROM sync_queue WHERE article_id = ?", (article_id,))))
    for field, was, now in (("read", local[1], state.read), ("starred", local[2], state.starred)):
        if now is None:
            continue  # the server did not say
        if field in queued:
            if state.changed is None or state.changed <= queued[field]:
                continue  # ours is later (or the server cannot say): ours goes to the server
            tx.execute("DELETE FROM sync_queue WHERE article_id = ? AND field = ?",
                       (article_id, field))
        if was != now:
            tx.execute(f"UPDATE articles SET {field} = ? WHERE id = ?", (int(now), article_id))
            moves.count(field, now)
