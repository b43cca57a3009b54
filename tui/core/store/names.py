"""One person, one name in the cache: the names each article writes, the full name each stands
for, and the one name shown for it across the cache (table `names`, migration 11)."""

from __future__ import annotations

import sqlite3
from collections.abc import Mapping, Sequence

from tui.core.models import NameUse
from tui.core.store.database import Database

# (alias, full, kind): one name as an article writes it, as tui/core/quotes/identity.py resolves it.
ArticleName = tuple[str, str, str]


class NamesTable(Database):
    """The names of people and organisations: what each article calls them, the one name shown."""

    def name_uses(self) -> list[NameUse]:
        """Every name of every article, with the article's story (for the cache-wide rules)."""
        rows = self.conn().execute(
            "SELECT n.article_id, a.story_id, n.alias, n.full, n.kind FROM names n "
            "JOIN articles a ON a.id = n.article_id")
        return [NameUse(r[0], r[1], r[2], r[3], r[4]) for r in rows]

    def save_shown_names(self, shown: Mapping[tuple[int, str], str]) -> int:
        """Store the one name shown for each (article, alias), its quotes' `person` with it, and
        move a followed short name to its one full name; returns how many names changed."""
        current = {(r[0], r[1]): r[2] for r in self.conn().execute(
            "SELECT article_id, alias, name FROM names")}
        changed = [(name, aid, alias) for (aid, alias), name in shown.items()
                   if current.get((aid, alias), name) != name]
        with self.write() as tx:
            tx.executemany("UPDATE names SET name = ? WHERE article_id = ? AND alias = ?", changed)
            tx.executemany("UPDATE quotes SET person = ? WHERE article_id = ? AND speaker = ?",
                           changed)
            _follow_shown_names(tx)
        return len(changed)

    def shown_name(self, name: str) -> str:
        """The one name shown for a name as typed: itself when it is shown, else the one name
        its articles resolve it to ("Trump" -> "Donald Trump"); as typed when none or several."""
        name = " ".join(name.split())
        conn = self.conn()
        if conn.execute("SELECT 1 FROM names WHERE name = ? LIMIT 1", (name,)).fetchone():
            return name
        found = [r[0] for r in conn.execute(
            "SELECT DISTINCT name FROM names WHERE alias = ? OR full = ? LIMIT 2", (name, name))]
        return found[0] if len(found) == 1 else name

    def aliases_of(self, name: str) -> list[str]:
        """The other forms articles write for a shown name, the most written first."""
        return [r[0] for r in self.conn().execute(
            "SELECT alias FROM names WHERE name = ? AND alias != name GROUP BY alias "
            "ORDER BY count(*) DESC, alias", (name,))]

    def name_index(self) -> list[tuple[str, str]]:
        """(alias, shown name) of every name quotes are credited under, to find a speaker by
        any form of their name."""
        return [(r[0], r[1]) for r in self.conn().execute(
            "SELECT DISTINCT n.alias, n.name FROM names n WHERE n.name IN "
            "(SELECT person FROM quotes WHERE person IS NOT NULL)")]


def save_article_names(tx: sqlite3.Connection, article_id: int, names: Sequence[ArticleName]) -> None:
    """Replace an article's names; each is shown as its full name until the cache-wide rules run."""
    tx.execute("DELETE FROM names WHERE article_id = ?", (article_id,))
    tx.executemany("INSERT OR REPLACE INTO names (article_id, alias, full, name, kind) "
                   "VALUES (?, ?, ?, ?, ?)",
                   [(article_id, alias, full, full, kind) for alias, full, kind in names])


def _follow_shown_names(tx: sqlite3.Connection) -> None:
    """A followed name that is no longer shown but stands for one shown name now ("Thurman",
    once "Uma Thurman" is known) is followed under that name, keeping the earlier dates."""
    moves = tx.execute(
        "SELECT p.name, min(n.name), p.followed_at, p.seen_at FROM people p JOIN names n ON n.alias = p.name "
        "WHERE NOT EXISTS (SELECT 1 FROM names s WHERE s.name = p.name) "
        "GROUP BY p.name HAVING count(DISTINCT n.name) = 1").fetchall()
    for old, new, followed_at, seen_at in moves:
        tx.execute("INSERT INTO people (name, followed_at, seen_at) VALUES (?, ?, ?) ON CONFLICT (name) "
                   "DO UPDATE SET followed_at = min(followed_at, excluded.followed_at), "
                   "seen_at = min(seen_at, excluded.seen_at)", (new, followed_at, seen_at))
        tx.execute("DELETE FROM people WHERE name = ?", (old,))
