"""Queries on the cache: compiling watchlist and mute queries, hiding muted articles, news since a
refresh began. The tables that list articles extend this so every list can leave mutes out."""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from datetime import UTC, datetime

from tui.core.models import NewsItem
from tui.core.query import Node, Or, SavedQuery
from tui.core.store.database import Database
from tui.core.store.query import (
    FOLD_FUNCTION,
    NAME_FUNCTION,
    FeedRef,
    SqlClause,
    compile_query,
    fold_words,
    name_match,
)

# How many titles a piece of news carries (for a notification's body).
NEWS_TITLES = 3


class WatchTable(Database):
    """Query compilation and mutes. Mutes hide articles from every list until `show_muted`."""

    _mutes: tuple[Node, ...] = ()
    show_muted: bool = False

    def _connect(self) -> sqlite3.Connection:
        conn = super()._connect()
        conn.create_function(FOLD_FUNCTION, 1, fold_words, deterministic=True)
        conn.create_function(NAME_FUNCTION, 2, name_match, deterministic=True)
        return conn

    def feed_refs(self) -> list[FeedRef]:
        return [FeedRef(r[0], r[1], r[2], tuple(t for t in r[3].split("\n") if t))
                for r in self.conn().execute("SELECT id, name, url, tags FROM feeds")]

    def query_clause(self, node: Node) -> SqlClause:
        """The SQL condition on `articles a` for a query (spans like 7d count back from now)."""
        return compile_query(node, self.feed_refs(), datetime.now(UTC))

    def matching(self, node: Node, article_ids: Sequence[int]) -> set[int]:
        """Which of these (visible) articles a query matches: how a watchlist's count follows a
        change of read state without counting it all again."""
        if not article_ids:
            return set()
        clause = self.query_clause(node)
        hidden, params = self.visible()
        marks = ",".join("?" * len(article_ids))
        return {r[0] for r in self.conn().execute(
            f"SELECT a.id FROM articles a WHERE a.id IN ({marks}) AND {clause.sql}{hidden}",
            (*article_ids, *clause.params, *params))}

    # -- mutes ---------------------------------------------------------------------------------
    def set_mutes(self, queries: Sequence[Node]) -> None:
        """Hide articles matching any of these from every list (until show_muted is set)."""
        self._mutes = tuple(queries)

    @property
    def mutes(self) -> tuple[Node, ...]:
        return self._mutes

    def muted_clause(self) -> SqlClause | None:
        """The condition an article is muted; None when nothing is muted."""
        if not self._mutes:
            return None
        return self.query_clause(self._mutes[0] if len(self._mutes) == 1 else Or(self._mutes))

    def visible(self, joiner: str = " AND ") -> tuple[str, tuple[object, ...]]:
        """SQL to append to a WHERE on `articles a` that leaves muted articles out: ("", ())
        when nothing is hidden, so lists without mutes pay nothing."""
        muted = None if self.show_muted else self.muted_clause()
        if muted is None:
            return "", ()
        return f"{joiner}NOT ({muted.sql})", muted.params

    def hidden_count(self) -> int:
        """How many articles the mutes hide (whether shown or not)."""
        muted = self.muted_clause()
        if muted is None:
            return 0
        return int(self.conn().execute(f"SELECT count(*) FROM articles a WHERE {muted.sql}",
                                       muted.params).fetchone()[0])

    # -- news since a refresh began -----------------------------------------------------------
    def article_mark(self) -> int:
        """The highest article id: articles above it arrived later."""
        return int(self.conn().execute("SELECT coalesce(max(id), 0) FROM articles").fetchone()[0])

    def news_in_watchlists(self, watches: Sequence[SavedQuery], mark: int) -> list[NewsItem]:
        """Each watchlist that gained visible articles after `mark`."""
        news = []
        for watch in watches:
            clause = self.query_clause(watch.query)
            hidden, params = self.visible()
            rows = self.conn().execute(
                f"SELECT a.title FROM articles a WHERE a.id > ? AND {clause.sql}{hidden} "
                "ORDER BY a.sort_time DESC",
                (mark, *clause.params, *params)).fetchall()
            if rows:
                news.append(NewsItem("watch", watch.name, len(rows),
                                     tuple(r[0] for r in rows[:NEWS_TITLES])))
        return news

    def news_in_followed_stories(self, mark: int) -> list[NewsItem]:
        """Each followed story that gained visible articles after `mark`."""
        hidden, params = self.visible()
        rows = self.conn().execute(
            "SELECT s.id, s.headline, a.title FROM articles a JOIN stories s ON s.id = a.story_id "
            f"WHERE s.followed = 1 AND a.id > ?{hidden} ORDER BY s.id, a.sort_time DESC",
            (mark, *params)).fetchall()
        grouped: dict[int, tuple[str, list[str]]] = {}
        for story_id, headline, title in rows:
            grouped.setdefault(story_id, (headline, []))[1].append(title)
        return [NewsItem("story", headline, len(titles), tuple(titles[:NEWS_TITLES]), story_id)
                for story_id, (headline, titles) in grouped.items()]
