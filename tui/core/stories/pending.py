"""Stories in the cache: group new articles with the engine, persist why, keep story summaries."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from tui.core.store.database import Store, to_dt

LEAD_CHARS = 600


@dataclass(frozen=True)
class StoryInfo:
    """A story as lists show it."""

    id: int
    headline: str
    first_seen: datetime
    last_updated: datetime
    article_count: int
    outlet_count: int
    followed: bool
    read_count: int

    @property
    def new_since_read(self) -> int:
        return max(self.article_count - self.read_count, 0)


@dataclass(frozen=True)
class StoryMembership:
    """Why an article is in its story."""

    story_id: int
    score: float
    shared_terms: tuple[str, ...]
    matched_article_id: int | None


def _window(hours: float) -> timedelta | None:
    return timedelta(hours=hours) if hours > 0 else None


def _items(store: Store, where: str, params: Iterable[object]):  # type: ignore[no-untyped-def]
    from tui.core.stories.engine import StoryItem

    rows = store.conn().execute(
        "SELECT a.id, a.title, CASE WHEN a.body = '' THEN a.summary ELSE a.body END, f.name, "
        "a.published, a.fetched, a.story_id, "
        "(SELECT group_concat(name, char(10)) FROM actors c WHERE c.article_id = a.id "
        " AND c.kind IN ('person', 'organisation') AND c.mentions > 1) "
        f"FROM articles a JOIN feeds f ON f.id = a.feed_id WHERE {where} ORDER BY a.sort_time",
        list(params)).fetchall()
    return [(StoryItem(str(r[0]), r[1], (r[2] or "")[:LEAD_CHARS], r[3], to_dt(r[4]),
                       to_dt(r[5]), tuple((r[7] or "").split("\n")) if r[7] else ()), r[6])
            for r in rows]


def group_pending(store: Store, window_hours: float) -> int:
    """Give every article without a story one; returns how many were grouped."""
    from tui.core.stories.engine import StoryEngine

    new = _items(store, "a.story_id IS NULL", ())
    if not new:
        return 0
    window = _window(window_hours)
    engine = StoryEngine(window=window)
    highest = store.conn().execute("SELECT coalesce(max(id), 0) FROM stories").fetchone()[0]
    engine.reserve_ids(highest)  # stories outside the window keep their ids to themselves
    earliest = min(_sort_time(store, int(item.id)) for item, _ in new)
    horizon = earliest - int(window.total_seconds()) if window else 0
    engine.restore((item, story) for item, story in
                   _items(store, "a.story_id IS NOT NULL AND a.sort_time >= ?", (horizon,)))
    assignments = engine.add(item for item, _ in new)
    with store.write() as tx:
        tx.executemany(
            "UPDATE articles SET story_id = ?, story_score = ?, story_terms = ?, story_match = ? "
            "WHERE id = ?",
            [(a.story_id, a.score, "\n".join(a.shared_terms),
              int(a.matched_item_id) if a.matched_item_id else None, int(a.item_id))
             for a in assignments])
    refresh_story_summaries(store, {a.story_id for a in assignments})
    return len(assignments)


def _sort_time(store: Store, article_id: int) -> int:
    return int(store.conn().execute("SELECT sort_time FROM articles WHERE id = ?",
                                    (article_id,)).fetchone()[0])


def refresh_story_summaries(store: Store, story_ids: Iterable[int]) -> None:
    """Recompute headline, span and counts of the given stories from their articles."""
    from tui.core.stories.engine import story_headline

    ids = sorted(set(story_ids))
    titles: dict[int, list[str]] = defaultdict(list)
    for story_id, title in store.conn().execute(
            f"SELECT story_id, title FROM articles WHERE story_id IN ({','.join('?' * len(ids))})",
            ids):
        titles[story_id].append(title)
    stats = store.conn().execute(
        "SELECT story_id, min(sort_time), max(sort_time), count(*), count(DISTINCT feed_id) "
        f"FROM articles WHERE story_id IN ({','.join('?' * len(ids))}) GROUP BY story_id",
        ids).fetchall()
    with store.write() as tx:
        for story_id, first, last, count, outlets in stats:
            tx.execute(
                "INSERT INTO stories (id, headline, first_seen, last_updated, article_count, "
                "outlet_count) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO UPDATE SET "
                "headline = excluded.headline, first_seen = excluded.first_seen, "
                "last_updated = excluded.last_updated, article_count = excluded.article_count, "
                "outlet_count = excluded.outlet_count",
                (story_id, story_headline(titles[story_id]), first, last, count, outlets))


_STORY_COLUMNS = ("id, headline, first_seen, last_updated, article_count, outlet_count, "
                  "followed, read_count")


def _story(row: tuple) -> StoryInfo:  # type: ignore[type-arg]
    return StoryInfo(row[0], row[1], to_dt(row[2]) or datetime.now(UTC),
                     to_dt(row[3]) or datetime.now(UTC), row[4], row[5], bool(row[6]), row[7])


def stories(store: Store, *, min_outlets: int = 1, limit: int = 500) -> list[StoryInfo]:
    """Followed stories first, then by recency and breadth (outlets count as a day each)."""
    rows = store.conn().execute(
        f"SELECT {_STORY_COLUMNS} FROM stories WHERE outlet_count >= ? "
        "ORDER BY followed DESC, last_updated + 86400 * (outlet_count - 1) DESC LIMIT ?",
        (min_outlets, limit)).fetchall()
    return [_story(r) for r in rows]


def story(store: Store, story_id: int) -> StoryInfo | None:
    row = store.conn().execute(f"SELECT {_STORY_COLUMNS} FROM stories WHERE id = ?",
                               (story_id,)).fetchone()
    return _story(row) if row else None


def story_articles(store: Store, story_id: int) -> list[tuple[int, str, str, datetime, bool]]:
    """(article id, outlet, title, time, read) of a story's articles, oldest first."""
    rows = store.conn().execute(
        "SELECT a.id, f.name, a.title, a.sort_time, a.read FROM articles a "
        "JOIN feeds f ON f.id = a.feed_id WHERE a.story_id = ? ORDER BY a.sort_time, a.id",
        (story_id,)).fetchall()
    return [(r[0], r[1], r[2], to_dt(r[3]) or datetime.now(UTC), bool(r[4])) for r in rows]


def membership(store: Store, article_id: int) -> StoryMembership | None:
    row = store.conn().execute(
        "SELECT story_id, story_score, story_terms, story_match FROM articles WHERE id = ?",
        (article_id,)).fetchone()
    if row is None or row[0] is None:
        return None
    return StoryMembership(row[0], row[1] or 0.0, tuple(t for t in (row[2] or "").split("\n") if t),
                           row[3])


def set_followed(store: Store, story_id: int, followed: bool) -> None:
    with store.write() as tx:
        tx.execute("UPDATE stories SET followed = ?, read_count = article_count WHERE id = ?",
                   (int(followed), story_id))


def mark_story_seen(store: Store, story_id: int) -> None:
    with store.write() as tx:
        tx.execute("UPDATE stories SET read_count = article_count WHERE id = ?", (story_id,))


def mark_story_read(store: Store, story_id: int) -> int:
    with store.write() as tx:
        changed = tx.execute("UPDATE articles SET read = 1 WHERE story_id = ? AND read = 0",
                             (story_id,)).rowcount
        tx.execute("UPDATE stories SET read_count = article_count WHERE id = ?", (story_id,))
    return changed
