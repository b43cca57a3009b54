"""`ListSnapshot`: what the feed pane and the article list show, read in one go off the UI thread.

While a refresh writes, every read of the cache is several times slower than at rest, and a
read on the UI thread is a key that waits (issue 25: a 166 ms stall was the feed pane's counts).
During a refresh the lists are read in a worker thread into a snapshot, and the UI thread only
swaps it in: a few milliseconds of Python, whatever the cache is doing.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from tui.core.models import Article, ArticleRow, FeedInfo, PersonInfo
from tui.core.query import Node, SavedQuery
from tui.core.store import ArticleFilter, Store
from tui.widgets.article_list import PAGE_SIZE


@dataclass(frozen=True)
class FeedPane:
    """What the feed pane shows: the feeds with their counts, the watchlists' unread counts, the
    followed people, what each mute hides, and how many articles the mutes hide in all."""

    feeds: list[FeedInfo]
    total_unread: int
    starred: int
    watches: list[tuple[SavedQuery, int]]
    people: list[PersonInfo]
    mutes: list[tuple[SavedQuery, int]]
    hidden: int


def read_feed_pane(store: Store, watches: Sequence[SavedQuery], mutes: Sequence[SavedQuery],
                   hidden_by: Callable[[Node], int]) -> FeedPane:
    """Read the feed pane (on any thread: the store has a connection per thread)."""
    return FeedPane(
        feeds=store.feeds(),
        total_unread=store.count_articles(ArticleFilter(unread_only=True)),
        starred=store.count_articles(ArticleFilter(starred_only=True)),
        watches=[(w, store.count_articles(ArticleFilter(query=w.query, unread_only=True)))
                 for w in watches],
        people=store.followed_people(),
        mutes=[(m, hidden_by(m.query)) for m in mutes],
        hidden=store.hidden_count() if store.mutes else 0,
    )


@dataclass(frozen=True)
class ListSnapshot:
    """The feed pane, and one filter's article count and rows."""

    generation: int  # the screen's list generation when the read began (stale if it moved)
    pane: FeedPane
    article_filter: ArticleFilter
    count: int
    keep_article: int | None
    index: int | None  # where the kept article is now listed (None: not kept, or gone)
    pages: dict[int, list[ArticleRow]]
    open_article: Article | None


@dataclass(frozen=True)
class SnapshotRequest:
    """What to read, decided on the UI thread (which holds the state) before the read starts."""

    generation: int
    watches: Sequence[SavedQuery]  # each counted unread
    mutes: Sequence[SavedQuery]  # each counted with what it hides
    article_filter: ArticleFilter
    keep_article: int | None
    rows_around: tuple[int, int]  # the rows likely on screen after the swap: read their pages
    open_article: int | None


def read_snapshot(store: Store, request: SnapshotRequest,
                  hidden_by: Callable[[Node], int]) -> ListSnapshot:
    """Read everything the lists show (on any thread: the store has a connection per thread)."""
    flt = request.article_filter
    index = store.row_index(flt, request.keep_article) if request.keep_article else None
    count = store.count_articles(flt)
    first, last = request.rows_around
    if index is not None:
        first, last = min(first, index), max(last, index)
    pages = {number: store.article_rows(flt, number * PAGE_SIZE, PAGE_SIZE)
             for number in range(max(first, 0) // PAGE_SIZE,
                                 min(last, max(count - 1, 0)) // PAGE_SIZE + 1)}
    return ListSnapshot(
        generation=request.generation,
        pane=read_feed_pane(store, request.watches, request.mutes, hidden_by),
        article_filter=flt,
        count=count,
        keep_article=request.keep_article,
        index=index,
        pages=pages,
        open_article=store.article(request.open_article) if request.open_article else None,
    )
