"""A query's AST (tui/core/query.py) compiled to an SQL condition on `articles a`, with parameters.

User text never enters the SQL string: words become an FTS5 query of quoted \\w+ tokens passed as a
parameter, names and dates are parameters, feed and tag names are resolved to feed ids here.
Every condition is 0 or 1, never NULL, so NOT and a mute's exclusion stay exact.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, time

from tui.core.models import SHOWN_CONFIDENCE
from tui.core.query import And, DateBound, Field, Flag, Node, Not, Words

_WORD = re.compile(r"\w+", re.UNICODE)
# Python functions registered on every connection (store/watch.py): SQLite's lower() and LIKE
# fold ASCII only, and accents not at all.
FOLD_FUNCTION = "byline_words"
NAME_FUNCTION = "byline_name_match"


@dataclass(frozen=True)
class SqlClause:
    """A condition for a WHERE clause and its parameters, in order."""

    sql: str
    params: tuple[object, ...] = ()


@dataclass(frozen=True)
class FeedRef:
    """What `feed:` and `tag:` are resolved against."""

    id: int
    name: str
    url: str
    tags: tuple[str, ...]


def fold_words(text: str | None) -> str:
    """Lower case, no diacritics, words only, padded with spaces so instr() finds whole words:
    ' anna karapetyan '. Registered in SQLite as byline_words()."""
    if not text:
        return " "
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    bare = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return " " + " ".join(_WORD.findall(bare)) + " "


def name_match(names: str | None, wanted: str) -> int:
    """1 when `wanted` (folded, as fold_words gives it) is a whole-word part of one of the
    newline-separated names; registered in SQLite as byline_name_match()."""
    return int(any(wanted in fold_words(name) for name in (names or "").split("\n")))


def fts_phrase(tokens: Sequence[str], prefix: bool = False) -> str:
    """One FTS5 phrase from \\w+ tokens (which cannot hold a double quote)."""
    return '"' + " ".join(tokens) + '"' + ("*" if prefix else "")


def compile_query(node: Node, feeds: Sequence[FeedRef], now: datetime) -> SqlClause:
    """The condition that an article `a` matches `node`; `now` anchors spans like 7d."""
    return _Compiler(feeds, now).compile(node)


class _Compiler:
    def __init__(self, feeds: Sequence[FeedRef], now: datetime) -> None:
        self.feeds = feeds
        self.now = now

    def compile(self, node: Node) -> SqlClause:
        if isinstance(node, Words):
            return self.words([node])
        if isinstance(node, Field):
            return self.field(node)
        if isinstance(node, DateBound):
            return self.date_bound(node)
        if isinstance(node, Flag):
            return SqlClause("a.read = 0" if node.name == "unread" else "a.starred = 1")
        if isinstance(node, Not):
            inner = self.compile(node.operand)
            return SqlClause(f"NOT ({inner.sql})", inner.params)
        if isinstance(node, And):
            # Words side by side become one FTS5 query: one index lookup instead of several.
            words = [o for o in node.operands if isinstance(o, Words)]
            parts = [self.words(words)] if len(words) > 1 else []
            parts += [self.compile(o) for o in node.operands
                      if len(words) <= 1 or not isinstance(o, Words)]
            return _join(" AND ", parts)
        return _join(" OR ", [self.compile(o) for o in node.operands])

    def words(self, nodes: Sequence[Words]) -> SqlClause:
        match = " ".join(fts_phrase(n.tokens, n.prefix) for n in nodes)
        return SqlClause("a.id IN (SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?)",
                         (match,))

    def field(self, node: Field) -> SqlClause:
        if node.name == "feed":
            wanted = " ".join(node.value.casefold().split())
            return self.feed_ids([f.id for f in self.feeds
                                  if wanted in (" ".join(f.name.casefold().split()),
                                                f.url.casefold())])
        if node.name == "tag":
            wanted = node.value.casefold()
            return self.feed_ids([f.id for f in self.feeds
                                  if any(t.casefold() == wanted for t in f.tags)])
        if node.name == "speaker":
            return SqlClause(
                "a.id IN (SELECT q.article_id FROM quotes q WHERE q.confidence >= ? AND q.id IN "
                "(SELECT rowid FROM quotes_fts WHERE quotes_fts MATCH ?))",
                (SHOWN_CONFIDENCE, "person : " + fts_phrase(_WORD.findall(node.value))))
        if node.name == "actor":
            # The text index narrows to articles that name them; the fold then checks whole
            # names and aliases, whatever their case and accents.
            return SqlClause(
                "a.id IN (SELECT c.article_id FROM actors c WHERE c.confidence >= ? AND "
                "c.article_id IN (SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?) AND "
                f"{NAME_FUNCTION}(c.name || char(10) || c.aliases, ?))",
                (SHOWN_CONFIDENCE, fts_phrase(_WORD.findall(node.value)),
                 fold_words(node.value)))
        return self.story(node.value)

    def story(self, value: str) -> SqlClause:
        if value.isdecimal() and value.isascii():
            return SqlClause("a.story_id IS ?", (int(value),))
        if value.casefold() == "followed":
            return SqlClause("(a.story_id IS NOT NULL AND a.story_id IN "
                             "(SELECT id FROM stories WHERE followed = 1))")
        return SqlClause("(a.story_id IS NOT NULL AND a.story_id IN (SELECT id FROM stories "
                         f"WHERE instr({FOLD_FUNCTION}(headline), ?) > 0))", (fold_words(value),))

    def feed_ids(self, ids: Sequence[int]) -> SqlClause:
        if not ids:
            return SqlClause("0")
        return SqlClause(f"a.feed_id IN ({','.join('?' * len(ids))})", tuple(ids))

    def date_bound(self, node: DateBound) -> SqlClause:
        if node.day is not None:
            moment = int(datetime.combine(node.day, time(), tzinfo=UTC).timestamp())
        else:
            moment = int(self.now.timestamp()) - 3600 * (node.hours or 0)
        return SqlClause("a.sort_time >= ?" if node.name == "after" else "a.sort_time < ?",
                         (moment,))


def _join(operator: str, parts: Sequence[SqlClause]) -> SqlClause:
    return SqlClause("(" + operator.join(p.sql for p in parts) + ")",
                     tuple(param for p in parts for param in p.params))
