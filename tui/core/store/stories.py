"""Stories in the cache: each article's story and why it joined, story summaries, following."""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from datetime import UTC, date, datetime, time
from typing import Any

from tui.core.models import (
    SHOWN_CONFIDENCE,
    CoverageArticle,
    QuotedPerson,
    StoryArticle,
    StoryInfo,
    StoryItem,
    StoryMembership,
    StoryMerge,
)
from tui.core.store.database import to_dt
from tui.core.store.query import SqlClause
from tui.core.store.sync_queue import queue_changes, queue_where
from tui.core.store.watch import WatchTable

# The engine reads an article's lead, not all of it.
LEAD_CHARS = 600
_STORY_COLUMNS = ("id, headline, first_seen, last_updated, article_count, outlet_count, "
                  "followed, read_count")


def _story(row: tuple[Any, ...]) -> StoryInfo:
    first, last = to_dt(row[2]) or datetime.now(UTC), to_dt(row[3]) or datetime.now(UTC)
    return StoryInfo(row[0], row[1], first, last, row[4], row[5], bool(row[6]), row[7])


def _membership(row: tuple[Any, ...]) -> StoryMembership:
    terms = tuple(t for t in (row[2] or "").split("\n") if t)
    merge = StoryMerge.from_record(json.loads(row[4])) if row[4] else None
    return StoryMembership(row[0], row[1] or 0.0, terms, row[3], merge)


def _merge_json(merge: StoryMerge | None) -> str | None:
    return None if merge is None else json.dumps(merge.record(), ensure_ascii=False)


class StoryTable(WatchTable):
    """Stories and the story of each article (muted articles left out of what lists show)."""

    def _items(self, where: str, params: Sequence[object] = ()) -> list[StoryItem]:
        rows = self.conn().execute(
            "SELECT a.id, a.title, CASE WHEN a.body = '' THEN a.summary ELSE a.body END, f.name, "
            "a.published, a.fetched, a.story_id, "
            # Who it names more than once, and whom it quotes: evidence that lasts.
            "(SELECT group_concat(name, char(10)) FROM actors c WHERE c.article_id = a.id "
            " AND c.kind IN ('person', 'organisation') AND c.mentions > 1), "
            "(SELECT group_concat(DISTINCT q.speaker) FROM quotes q WHERE q.article_id = a.id "
            " AND q.speaker IS NOT NULL AND (q.kind IN ('direct', 'partial') "
            # a reported clause holding the speaker's own words quotes them too (issue 12: the
            # fragment is part of its clause's quote, not a quote of its own)
            "  OR q.text GLOB '*[“\"]*')), "
            # the places it names more than once: they explain a merge (story_merge)
            "(SELECT group_concat(name, char(10)) FROM actors p WHERE p.article_id = a.id "
            " AND p.kind = 'place' AND p.mentions > 1) "
            f"FROM articles a JOIN feeds f ON f.id = a.feed_id WHERE {where} ORDER BY a.sort_time",
            list(params)).fetchall()
        return [StoryItem(str(r[0]), r[1], (r[2] or "")[:LEAD_CHARS], r[3], to_dt(r[4]),
                          to_dt(r[5]), tuple(r[7].split("\n")) if r[7] else (), r[6],
                          tuple(r[8].split(",")) if r[8] else (),
                          tuple(r[9].split("\n")) if r[9] else ())
                for r in rows]

    def ungrouped_items(self) -> list[StoryItem]:
        """Articles not in a story yet, oldest first, as the engine reads them."""
        return self._items("a.story_id IS NULL")

    def grouped_items(self, since: int) -> list[StoryItem]:
        """Articles already in a story, listed at or after `since` (a timestamp)."""
        return self._items("a.story_id IS NOT NULL AND a.sort_time >= ?", (since,))

    def followed_story_ids(self, since: int = 0) -> list[int]:
        """Stories the reader follows, updated at or after `since`."""
        return [r[0] for r in self.conn().execute(
            "SELECT id FROM stories WHERE followed = 1 AND last_updated >= ?", (since,))]

    def ungrouped_span(self) -> tuple[int, int]:
        """(oldest, newest) list time of the articles without a story; (0, 0) when none."""
        oldest, newest = self.conn().execute(
            "SELECT min(sort_time), max(sort_time) FROM articles WHERE story_id IS NULL").fetchone()
        return int(oldest or 0), int(newest or 0)

    def highest_story_id(self) -> int:
        return int(self.conn().execute("SELECT coalesce(max(id), 0) FROM stories").fetchone()[0])

    def save_memberships(self, memberships: Mapping[int, StoryMembership]) -> None:
        """Record each article's story and the reason it joined."""
        with self.write() as tx:
            tx.executemany(
                "UPDATE articles SET story_id = ?, story_score = ?, story_terms = ?, "
                "story_match = ?, story_merge = ? WHERE id = ?",
                [(m.story_id, m.score, "\n".join(m.shared_terms), m.matched_article_id,
                  _merge_json(m.merge), article_id) for article_id, m in memberships.items()])

    def merge_stories(self, merges: Mapping[int, tuple[int, StoryMerge]]) -> None:
        """Move every article of each merged story (absorbed id -> (kept id, why)) into the
        kept one, with the reason; the kept story is followed when either was; the other goes."""
        with self.write() as tx:
            for gone, (kept, merge) in merges.items():
                tx.execute("UPDATE articles SET story_id = ?, story_merge = ? WHERE story_id = ?",
                           (kept, _merge_json(merge), gone))
                tx.execute("UPDATE stories SET followed = max(followed, (SELECT coalesce(max(followed), 0) "
                           "FROM stories WHERE id = ?)) WHERE id = ?", (gone, kept))
                tx.execute("DELETE FROM stories WHERE id = ?", (gone,))

    def refresh_story_summaries(self, story_ids: Iterable[int],
                                headline: Callable[[list[str], str | None], str]) -> None:
        """Recompute headline, span and counts of the given stories from their articles.

        `headline(titles, current)` picks the title, given the one the story has now (if any).
        """
        ids = sorted(set(story_ids))
        marks = ",".join("?" * len(ids))
        titles: dict[int, list[str]] = defaultdict(list)
        for story_id, title in self.conn().execute(
                f"SELECT story_id, title FROM articles WHERE story_id IN ({marks}) "
                "ORDER BY sort_time, id", ids):
            titles[story_id].append(title)
        current: dict[int, str] = dict(self.conn().execute(
            f"SELECT id, headline FROM stories WHERE id IN ({marks})", ids).fetchall())
        stats = self.conn().execute(
            "SELECT story_id, min(sort_time), max(sort_time), count(*), count(DISTINCT feed_id) "
            f"FROM articles WHERE story_id IN ({marks}) GROUP BY story_id", ids).fetchall()
        with self.write() as tx:
            for story_id, first, last, count, outlets in stats:
                tx.execute(
                    "INSERT INTO stories (id, headline, first_seen, last_updated, article_count, "
                    "outlet_count) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO UPDATE SET "
                    "headline = excluded.headline, first_seen = excluded.first_seen, "
                    "last_updated = excluded.last_updated, "
                    "article_count = excluded.article_count, "
                    "outlet_count = excluded.outlet_count",
                    (story_id, headline(titles[story_id], current.get(story_id)), first, last, count,
                     outlets))

    def stories(self, *, min_outlets: int = 1, limit: int = 500) -> list[StoryInfo]:
        """Followed stories first, then by recency and breadth (outlets count as a day each).
        With mutes, counts leave muted articles out and a story of muted articles goes."""
        muted = None if self.show_muted else self.muted_clause()
        if muted is not None:
            return self._visible_stories(muted, min_outlets, limit)
        rows = self.conn().execute(
            f"SELECT {_STORY_COLUMNS} FROM stories WHERE outlet_count >= ? "
            "ORDER BY followed DESC, last_updated + 86400 * (outlet_count - 1) DESC LIMIT ?",
            (min_outlets, limit)).fetchall()
        return [_story(r) for r in rows]

    def _visible_stories(self, muted: SqlClause, min_outlets: int, limit: int) -> list[StoryInfo]:
        # Only the stories that hold a muted article are counted again (mutes catch few).
        rows = self.conn().execute(
            "WITH touched AS MATERIALIZED (SELECT DISTINCT a.story_id AS id FROM articles a "
            f"WHERE a.story_id IS NOT NULL AND ({muted.sql})), "
            "recount AS MATERIALIZED (SELECT a.story_id AS id, count(*) AS articles, "
            "count(DISTINCT a.feed_id) AS outlets FROM articles a "
            f"WHERE a.story_id IN (SELECT id FROM touched) AND NOT ({muted.sql}) "
            "GROUP BY a.story_id) "
            "SELECT * FROM (SELECT s.id, s.headline, s.first_seen, s.last_updated, "
            "CASE WHEN s.id IN touched THEN coalesce(r.articles, 0) ELSE s.article_count END "
            "AS articles, "
            "CASE WHEN s.id IN touched THEN coalesce(r.outlets, 0) ELSE s.outlet_count END "
            "AS outlets, s.followed, "
            # "new since read" is the story's growth since it was seen: the muted articles it
            # already had leave the seen count as they leave the article count
            "CASE WHEN s.id IN touched THEN max(s.read_count - s.article_count + coalesce(r.articles, 0), 0) "
            "ELSE s.read_count END AS seen FROM stories s "
            "LEFT JOIN recount r ON r.id = s.id) WHERE articles > 0 AND outlets >= ? "
            "ORDER BY followed DESC, last_updated + 86400 * (outlets - 1) DESC LIMIT ?",
            (*muted.params, *muted.params, min_outlets, limit)).fetchall()
        return [_story(r) for r in rows]

    def story(self, story_id: int) -> StoryInfo | None:
        """One story; with mutes, its counts leave muted articles out (as the story list's do)."""
        row = self.conn().execute(f"SELECT {_STORY_COLUMNS} FROM stories WHERE id = ?",
                                  (story_id,)).fetchone()
        if row is None:
            return None
        hidden, params = self.visible()
        if hidden:
            articles, outlets = self.conn().execute(
                "SELECT count(*), count(DISTINCT a.feed_id) FROM articles a "
                f"WHERE a.story_id = ?{hidden}", (story_id, *params)).fetchone()
            seen = max(row[7] - row[4] + articles, 0)
            row = (*row[:4], articles, outlets, row[6], seen)
        return _story(row)

    def story_articles(self, story_id: int) -> list[StoryArticle]:
        """A story's articles, oldest first."""
        hidden, params = self.visible()
        rows = self.conn().execute(
            "SELECT a.id, f.name, a.title, a.sort_time, a.read, a.url FROM articles a "
            f"JOIN feeds f ON f.id = a.feed_id WHERE a.story_id = ?{hidden} "
            "ORDER BY a.sort_time, a.id", (story_id, *params)).fetchall()
        return [StoryArticle(r[0], r[1], r[2], to_dt(r[3]) or datetime.now(UTC), bool(r[4]), r[5])
                for r in rows]

    def story_days(self, first: date, last: date) -> dict[int, list[int]]:
        """Each story's articles per UTC day from `first` to `last` (stories with none then are
        left out); muted articles are not counted, as in the story list."""
        hidden, params = self.visible()
        start = int(datetime.combine(first, time(), tzinfo=UTC).timestamp())
        end = start + 86400 * ((last - first).days + 1)
        rows = self.conn().execute(
            "SELECT a.story_id, (a.sort_time - ?) / 86400, count(*) FROM articles a "
            f"WHERE a.story_id IS NOT NULL AND a.sort_time >= ? AND a.sort_time < ?{hidden} "
            "GROUP BY 1, 2", (start, start, end, *params)).fetchall()
        days: dict[int, list[int]] = {}
        for story_id, day, count in rows:
            days.setdefault(story_id, [0] * ((last - first).days + 1))[day] = count
        return days

    def story_coverage(self, story_id: int) -> list[CoverageArticle]:
        """A story's visible articles, oldest first, each with its text (full text, else the
        feed's)."""
        hidden, params = self.visible()
        rows = self.conn().execute(
            "SELECT a.id, f.name, a.title, a.url, a.sort_time, "
            "CASE WHEN a.body = '' THEN a.summary ELSE a.body END FROM articles a "
            f"JOIN feeds f ON f.id = a.feed_id WHERE a.story_id = ?{hidden} "
            "ORDER BY a.sort_time, a.id", (story_id, *params)).fetchall()
        return [CoverageArticle(r[0], r[1], r[2], r[3], to_dt(r[4]) or datetime.now(UTC), r[5] or "")
                for r in rows]

    def membership(self, article_id: int) -> StoryMembership | None:
        row = self.conn().execute(
            "SELECT story_id, story_score, story_terms, story_match, story_merge FROM articles "
            "WHERE id = ?", (article_id,)).fetchone()
        return None if row is None or row[0] is None else _membership(row)

    def story_memberships(self, story_id: int) -> dict[int, StoryMembership]:
        """Why each article of a story is in it, by article id."""
        rows = self.conn().execute(
            "SELECT story_id, story_score, story_terms, story_match, story_merge, id FROM articles "
            "WHERE story_id = ?", (story_id,)).fetchall()
        return {r[5]: _membership(r) for r in rows}

    def quoted_people(self, story_id: int, limit: int = 12) -> list[QuotedPerson]:
        """Who is quoted in a story, most quoted first, with the outlets that quote them. Named
        speakers only: unnamed sources ("officials", "analysts") are written in lower case; only the
        quotes a reader is shown (SHOWN_CONFIDENCE) count."""
        hidden, params = self.visible()
        rows = self.conn().execute(
            "SELECT coalesce(q.person, q.speaker), group_concat(DISTINCT f.name), count(*) FROM quotes q "
            "JOIN articles a ON a.id = q.article_id JOIN feeds f ON f.id = a.feed_id "
            f"WHERE a.story_id = ? AND q.speaker IS NOT NULL AND q.confidence >= ?{hidden} "
            "GROUP BY coalesce(q.person, q.speaker) ORDER BY count(*) DESC",
            (story_id, SHOWN_CONFIDENCE, *params)).fetchall()
        named = [r for r in rows if r[0][:1].isupper()][:limit]
        return [QuotedPerson(r[0], tuple(r[1].split(",")), r[2]) for r in named]

    def set_followed(self, story_id: int, followed: bool) -> None:
        with self.write() as tx:
            tx.execute("UPDATE stories SET followed = ?, read_count = article_count WHERE id = ?",
                       (int(followed), story_id))

    def mark_story_seen(self, story_id: int) -> None:
        with self.write() as tx:
            tx.execute("UPDATE stories SET read_count = article_count WHERE id = ?", (story_id,))

    def mark_story_read(self, story_id: int) -> int:
        return len(self.mark_story_read_ids(story_id)[0])

    def mark_story_read_ids(self, story_id: int) -> tuple[list[int], int]:
        """Mark a story's unread articles read; returns their ids and the story's read count before,
        so that U can take it back (restore_story_read)."""
        with self.write() as tx:
            ids = [row[0] for row in tx.execute(
                "SELECT id FROM articles WHERE story_id = ? AND read = 0 ORDER BY id", (story_id,))]
            before = tx.execute("SELECT read_count FROM stories WHERE id = ?", (story_id,)).fetchone()
            queue_where(tx, "a.story_id = ? AND a.read = 0", [story_id], "read", True)
            tx.execute("UPDATE articles SET read = 1 WHERE story_id = ? AND read = 0", (story_id,))
            tx.execute("UPDATE stories SET read_count = article_count WHERE id = ?", (story_id,))
        return ids, int(before[0]) if before else 0

    def restore_story_read(self, story_id: int, article_ids: Sequence[int], read_count: int) -> None:
        """Take back mark_story_read_ids: those articles unread again, the story's read count as it was."""
        with self.write() as tx:
            tx.executemany("UPDATE articles SET read = 0 WHERE id = ?", [(i,) for i in article_ids])
            queue_changes(tx, article_ids, "read", False)
            tx.execute("UPDATE stories SET read_count = ? WHERE id = ?", (read_count, story_id))
