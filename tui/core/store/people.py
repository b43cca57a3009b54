"""Followed people in the cache: who is followed, their new quotes, and news of them."""

from __future__ import annotations

from datetime import UTC, datetime

from tui.core.models import SHOWN_CONFIDENCE, NewsItem, PersonInfo
from tui.core.store.database import now_ts, to_dt
from tui.core.store.names import NamesTable
from tui.core.store.watch import NEWS_TITLES, WatchTable


def person_name(name: str) -> str:
    """A name as stored: quotes name speakers with single spaces."""
    return " ".join(name.split())


class PeopleTable(WatchTable, NamesTable):
    """People followed by their one name (store/names.py): following "Trump" follows "Donald
    Trump" when that is the name shown for him, and so every quote credited to any form of it. A
    quote is new when its article was fetched after the person was last opened."""

    def follow_person(self, name: str) -> bool:
        """Follow someone; False when they already were."""
        now = now_ts()
        with self.write() as tx:
            return tx.execute("INSERT INTO people (name, followed_at, seen_at) VALUES (?, ?, ?) "
                              "ON CONFLICT (name) DO NOTHING",
                              (self.shown_name(name), now, now)).rowcount > 0

    def unfollow_person(self, name: str) -> bool:
        with self.write() as tx:
            return tx.execute("DELETE FROM people WHERE name IN (?, ?)",
                              (person_name(name), self.shown_name(name))).rowcount > 0

    def is_followed(self, name: str) -> bool:
        return self.conn().execute("SELECT 1 FROM people WHERE name = ?",
                                   (self.shown_name(name),)).fetchone() is not None

    def followed_people(self) -> list[PersonInfo]:
        """Everyone followed, by name, with their shown quotes and how many are new."""
        hidden, params = self.visible()
        quotes = ("SELECT count(*) FROM quotes q JOIN articles a ON a.id = q.article_id "
                  f"WHERE q.person = p.name AND q.confidence >= ?{hidden}")
        rows = self.conn().execute(
            f"SELECT p.name, p.followed_at, p.seen_at, ({quotes}), "
            f"({quotes} AND a.fetched > p.seen_at) FROM people p ORDER BY p.name",
            (SHOWN_CONFIDENCE, *params, SHOWN_CONFIDENCE, *params)).fetchall()
        return [PersonInfo(r[0], to_dt(r[1]) or datetime.now(UTC), to_dt(r[2]) or
                           datetime.now(UTC), int(r[3]), int(r[4])) for r in rows]

    def mark_person_seen(self, name: str) -> None:
        with self.write() as tx:
            tx.execute("UPDATE people SET seen_at = ? WHERE name = ?",
                       (now_ts(), self.shown_name(name)))

    def news_of_people(self, mark: int) -> list[NewsItem]:
        """Each followed person quoted in visible articles that arrived after `mark`."""
        hidden, params = self.visible()
        rows = self.conn().execute(
            "SELECT p.name, a.title FROM people p JOIN quotes q ON q.person = p.name "
            f"JOIN articles a ON a.id = q.article_id WHERE q.confidence >= ? AND a.id > ?{hidden} "
            "ORDER BY p.name, a.sort_time DESC",
            (SHOWN_CONFIDENCE, mark, *params)).fetchall()
        grouped: dict[str, list[str]] = {}
        for name, title in rows:
            grouped.setdefault(name, []).append(title)
        return [NewsItem("person", name, len(titles),
                         tuple(dict.fromkeys(titles))[:NEWS_TITLES])
                for name, titles in grouped.items()]
