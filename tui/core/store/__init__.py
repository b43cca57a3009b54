"""The cache: the only package that speaks SQL.

`Store` combines one table class per subject (feeds, articles, analysis, stories, search,
people, names, sync), each a `Database` with its own queries, and returns the records of
`tui.core.models`.
Those that list articles extend `WatchTable` (store/watch.py), which compiles watch and mute
queries (store/query.py) and leaves muted articles out. `open_store` opens the cache file,
setting a damaged one aside. The schema is `migrations.MIGRATIONS`.
"""

from __future__ import annotations

import shutil
import sqlite3
from datetime import UTC, datetime
from pathlib import Path

from tui.core.store.analysis import AnalysisTable
from tui.core.store.articles import ArticleFilter, ArticleTable
from tui.core.store.database import StoreError, now_ts, to_dt, truncation
from tui.core.store.feeds import FeedTable
from tui.core.store.names import NamesTable
from tui.core.store.people import PeopleTable
from tui.core.store.query import SqlClause
from tui.core.store.search import HIT_END, HIT_START, SearchIndex, plain
from tui.core.store.stories import StoryTable
from tui.core.store.sync import SyncTable

__all__ = ["HIT_END", "HIT_START", "ArticleFilter", "SqlClause", "Store",
           "StoreError", "now_ts", "open_store", "plain", "to_dt"]


class Store(FeedTable, ArticleTable, AnalysisTable, StoryTable, SearchIndex, PeopleTable,
            NamesTable, SyncTable):
    """The cache. One connection per thread; writes in short IMMEDIATE transactions. Muted
    articles (set_mutes) are left out of every list until `show_muted` is set."""


def open_store(path: Path) -> tuple[Store, str | None]:
    """Open the cache; a damaged file is moved aside and a fresh cache built, with a message."""
    damage = truncation(path) if path.exists() else None
    try:
        if damage:
            raise sqlite3.DatabaseError(damage)
        return Store(path), None
    except StoreError:
        raise
    except sqlite3.DatabaseError as exc:
        if not path.exists():
            raise StoreError(f"{path}: cannot open cache: {exc}") from exc
        stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S")
        aside = path.with_name(f"{path.name}.damaged-{stamp}")
        counter = 1
        while aside.exists():  # never overwrite an earlier damaged copy
            counter += 1
            aside = path.with_name(f"{path.name}.damaged-{stamp}-{counter}")
        shutil.move(str(path), str(aside))
        for suffix in ("-wal", "-shm"):
            side = Path(str(path) + suffix)
            if side.exists():
                shutil.move(str(side), str(aside) + suffix)
        message = (f"The cache {path} was damaged ({exc}); it was kept as {aside.name} and a "
                   f"fresh cache was built.")
        return Store(path), message
