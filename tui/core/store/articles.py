"""Articles in the cache: list pages under a filter, read and starred state, full text, pruning."""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import UTC, datetime

from tui.core.models import Article, ArticleFlags, ArticleRow, ParsedEntry, TextStatus
from tui.core.query import Node
from tui.core.store.database import in_chunks, marks, now_ts, to_dt
from tui.core.store.sync_queue import queue_changes, queue_where
from tui.core.store.watch import WatchTable

# A publication date further ahead than this is treated as wrong and the fetch time used instead.
FUTURE_SLACK_SECONDS = 36 * 3600


@dataclass(frozen=True)
class ArticleFilter:
    """Which articles a list shows."""

    feed_id: int | None = None
    tag: str | None = None
    unread_only: bool = False
    starred_only: bool = False
    story_id: int | None = None
    query: Node | None = None  # a watchlist's query (tui/core/query.py)
    # A mute's own list (what it hides) shows muted articles whatever `show_muted` says.
    include_muted: bool = False

    def where(self) -> tuple[str, list[object]]:
        clauses: list[str] = []
        params: list[object] = []
        if self.feed_id is not None:
            clauses.append("a.feed_id = ?")
            params.append(self.feed_id)
        if self.tag is not None:
            clauses.append("+a.feed_id IN (SELECT id FROM feeds WHERE instr(tags, ?) > 0)")
            params.append(f"\n{self.tag}\n")
        if self.unread_only:
            clauses.append("a.read = 0")
        if self.starred_only:
            clauses.append("a.starred = 1")
        if self.story_id is not None:
            clauses.append("a.story_id = ?")
            params.append(self.story_id)
        return (" AND ".join(clauses) or "1"), params


def insert_entries(tx: sqlite3.Connection, feed_id: int, entries: Sequence[ParsedEntry],
                   now: int) -> int:
    """Insert a feed's new entries and update changed ones; returns how many were new."""
    known = _known_entries(tx, feed_id, [e.guid for e in entries])
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
            # Without full text the analysed text is the feed's, which just changed.
            tx.execute(
                "UPDATE articles SET title = ?, summary = ?, "
                "body = CASE WHEN text_status = 'full text' THEN body ELSE ? END, "
                "analysed = CASE WHEN text_status = 'full text' OR (summary = ? AND body = ?) "
                "THEN analysed ELSE 0 END WHERE feed_id = ? AND guid = ?",
                (entry.title, entry.summary, entry.content, entry.summary, entry.content, feed_id,
                 entry.guid),
            )
    return new


def _known_entries(tx: sqlite3.Connection, feed_id: int,
                   guids: Sequence[str]) -> dict[str, tuple[str, str]]:
    """(title, summary) of the feed's articles with these guids, looked up a chunk at a time
    (never the whole feed, which grows for as long as it is kept)."""
    known: dict[str, tuple[str, str]] = {}
    for chunk in in_chunks(guids):
        rows = tx.execute("SELECT guid, title, summary FROM articles WHERE feed_id = ? AND "
                          f"guid IN ({marks(len(chunk))})", (feed_id, *chunk))
        known.update((guid, (title, summary)) for guid, title, summary in rows)
    return known


class ArticleTable(WatchTable):
    """Articles: list pages, single articles, read/starred state, full text, pruning. Lists
    leave muted articles out (store/watch.py)."""

    _ROW_COLUMNS = ("a.id, f.name, a.title, a.sort_time, a.read, a.starred, a.story_id, "
                    "(SELECT outlet_count FROM stories s WHERE s.id = a.story_id)")

    def _where(self, flt: ArticleFilter) -> tuple[str, list[object]]:
        """The filter's condition, its query's, and the mutes' exclusion."""
        where, params = flt.where()
        if flt.query is not None:
            clause = self.query_clause(flt.query)
            where, params = f"{where} AND {clause.sql}", [*params, *clause.params]
        if flt.include_muted:
            return where, params
        hidden, hidden_params = self.visible()
        return where + hidden, [*params, *hidden_params]

    def count_articles(self, flt: ArticleFilter = ArticleFilter()) -> int:
        where, params = self._where(flt)
        return int(self.conn().execute(
            f"SELECT count(*) FROM articles a WHERE {where}", params).fetchone()[0])

    def article_rows(self, flt: ArticleFilter = ArticleFilter(), offset: int = 0,
                     limit: int = 200) -> list[ArticleRow]:
        where, params = self._where(flt)
        rows = self.conn().execute(
            f"SELECT {self._ROW_COLUMNS} FROM articles a JOIN feeds f ON f.id = a.feed_id "
            f"WHERE {where} ORDER BY a.sort_time DESC, a.id DESC LIMIT ? OFFSET ?",
            (*params, limit, offset),
        ).fetchall()
        listed = [ArticleRow(r[0], r[1], r[2], to_dt(r[3]) or datetime.now(UTC), bool(r[4]),
                             bool(r[5]), r[6], r[7] or 0) for r in rows]
        return self._visible_outlets(listed)

    def _visible_outlets(self, rows: list[ArticleRow]) -> list[ArticleRow]:
        """The story badge counts the outlets a reader can see: with mutes hiding articles, the
        stories on this page that hold a muted article are counted again without them (a
        muted article listed by its mute counts its own outlet and the visible others). One
        query per page, and none when nothing is muted."""
        muted = None if self.show_muted else self.muted_clause()
        stories = sorted({r.story_id for r in rows if r.story_id is not None and
                          r.story_outlets > 1})
        if muted is None or not stories:
            return rows
        marks = ",".join("?" * len(stories))
        touched: set[int] = set()
        visible: dict[int, set[str]] = {}
        for story, outlet, hidden in self.conn().execute(
                f"SELECT a.story_id, f.name, {muted.sql} FROM articles a "
                f"JOIN feeds f ON f.id = a.feed_id WHERE a.story_id IN ({marks})",
                (*muted.params, *stories)):
            if hidden:
                touched.add(story)
            else:
                visible.setdefault(story, set()).add(outlet)
        # Only stories holding a muted article change (mutes catch few).
        return [replace(r, story_outlets=len(visible.get(r.story_id, set()) | {r.feed_name}))
                if r.story_id in touched else r for r in rows]

    def row_index(self, flt: ArticleFilter, article_id: int) -> int | None:
        """Position of an article in the filtered, newest-first list (None when not in it)."""
        where, params = self._where(flt)
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
            "a.story_id, f.origin FROM articles a JOIN feeds f ON f.id = a.feed_id WHERE a.id = ?",
            (article_id,),
        ).fetchone()
        if r is None:
            return None
        return Article(r[0], r[1], r[2], r[3], r[4], r[5], r[6], to_dt(r[7]),
                       to_dt(r[8]) or datetime.now(UTC), r[9], r[10], TextStatus(r[11]), r[12],
                       bool(r[13]), bool(r[14]), r[15], origin=r[16])

    def article_flags(self, article_ids: Sequence[int]) -> list[ArticleFlags]:
        """Feed, read and starred state of the given articles (before a change, to tell every
        view what the change did)."""
        if not article_ids:
            return []
        rows = self.conn().execute(
            f"SELECT id, feed_id, read, starred FROM articles WHERE id IN "
            f"({','.join('?' * len(article_ids))})", list(article_ids)).fetchall()
        return [ArticleFlags(r[0], r[1], bool(r[2]), bool(r[3])) for r in rows]

    def set_read(self, article_ids: Sequence[int], read: bool = True) -> None:
        """Mark articles read or unread (a synced one's change is queued for the server)."""
        with self.write() as tx:
            tx.executemany("UPDATE articles SET read = ? WHERE id = ?",
                           [(int(read), i) for i in article_ids])
            queue_changes(tx, article_ids, "read", read)

    def set_starred(self, article_id: int, starred: bool) -> None:
        with self.write() as tx:
            tx.execute("UPDATE articles SET starred = ? WHERE id = ?", (int(starred), article_id))
            queue_changes(tx, [article_id], "starred", starred)

    def mark_all_read(self, flt: ArticleFilter) -> int:
        return len(self.mark_all_read_ids(flt))

    def mark_all_read_ids(self, flt: ArticleFilter) -> list[int]:
        """Mark every unread article of a list read; returns their ids (so it can be undone)."""
        where, params = self._where(flt)
        with self.write() as tx:
            queue_where(tx, f"a.read = 0 AND {where}", params, "read", True)
            return [row[0] for row in tx.execute(
                f"UPDATE articles AS a SET read = 1 WHERE read = 0 AND {where} RETURNING id",
                params)]

    # -- full text ---------------------------------------------------------------------------
    def articles_needing_text(self, feed_ids: Sequence[int] | None = None,
                              limit: int = 10_000) -> list[tuple[int, str]]:
        """(id, url) of articles whose page has not been fetched and extracted yet, oldest first,
        of the given feeds (all when None): filtered before the limit, so a new feed's pages are
        not lost behind thousands pending elsewhere."""
        pending = ("SELECT id, url FROM articles WHERE text_status = 'pending' "
                   "AND url IS NOT NULL")
        if feed_ids is None:
            return [(r[0], r[1]) for r in self.conn().execute(
                f"{pending} ORDER BY id LIMIT ?", (limit,))]
        found: list[tuple[int, str]] = []
        for chunk in in_chunks(list(dict.fromkeys(feed_ids))):
            found += [(r[0], r[1]) for r in self.conn().execute(
                f"{pending} AND feed_id IN ({marks(len(chunk))}) ORDER BY id LIMIT ?",
                (*chunk, limit))]
        return sorted(found)[:limit]

    def store_text(self, article_id: int, status: TextStatus, body: str | None = None,
                   note: str | None = None, author: str | None = None) -> None:
        self.store_texts([(article_id, status, body, note, author)])

    def store_texts(self, rows: Sequence[tuple[int, TextStatus, str | None, str | None,
                                               str | None]]) -> None:
        """(id, status, body or None to keep it, note, author) of many articles in one
        transaction; each is marked unanalysed, since its text may have changed."""
        with self.write() as tx:
            tx.executemany(
                "UPDATE articles SET text_status = ?, text_note = ?, body = COALESCE(?, body), "
                "author = COALESCE(author, ?), analysed = 0 WHERE id = ?",
                [(status.value, note, body, author, article_id)
                 for article_id, status, body, note, author in rows],
            )

    def reset_text(self, article_ids: Sequence[int] | None = None) -> None:
        """Mark articles for fetching and extraction again (all when ids is None)."""
        with self.write() as tx:
            if article_ids is None:
                tx.execute("UPDATE articles SET text_status = 'pending'")
            else:
                tx.executemany("UPDATE articles SET text_status = 'pending' WHERE id = ?",
                               [(i,) for i in article_ids])

    def prune(self, older_than_days: int) -> int:
        """Delete unstarred articles older than the given age; returns how many went."""
        cutoff = now_ts() - older_than_days * 86400
        with self.write() as tx:
            return tx.execute("DELETE FROM articles WHERE starred = 0 AND sort_time < ?",
                              (cutoff,)).rowcount

    def next_unread(self, flt: ArticleFilter, after: int | None) -> int | None:
        """The next unread article in list order below `after` (from the top when None)."""
        where, params = self._where(flt)
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
