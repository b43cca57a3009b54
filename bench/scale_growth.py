"""Growth: cache bytes per article, and the time to extract quotes from and group the newest
N articles as the cache grows (10,000 to 50,000 articles at the same daily rate)."""

from __future__ import annotations

import sqlite3
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent))

from gen_year import make_pending  # noqa: E402
from scale_common import cache_bytes, ensure_cache, working_copy  # noqa: E402

STORY_WINDOW_HOURS = 72.0


def table_bytes(db: Path) -> dict[str, int]:
    """Bytes per table or index (dbstat), summed into articles, article search, quotes+actors."""
    conn = sqlite3.connect(db)
    try:
        rows = conn.execute("SELECT name, sum(pgsize) FROM dbstat GROUP BY name").fetchall()
    except sqlite3.OperationalError:
        return {}
    finally:
        conn.close()
    groups = {"articles": 0, "articles_fts": 0, "quotes+actors": 0, "other": 0}
    for name, size in rows:
        if name.startswith("articles_fts"):
            groups["articles_fts"] += size
        elif name.startswith(("quotes", "actors")):
            groups["quotes+actors"] += size
        elif name.startswith(("articles", "sqlite_autoindex_articles")):
            groups["articles"] += size
        else:
            groups["other"] += size
    return groups


def measure(articles: int, seed: int, pending: int) -> dict[str, object]:
    from tui.core.quotes.pending import analyse_pending
    from tui.core.store import Store
    from tui.core.stories.pending import group_pending

    source, _ = ensure_cache(articles, seed)
    size = cache_bytes(source)
    with tempfile.TemporaryDirectory() as tmp:
        db = working_copy(source, Path(tmp))
        make_pending(db, pending)
        store = Store(db)
        started = time.perf_counter()
        analysed = analyse_pending(store)
        analyse_s = time.perf_counter() - started
        started = time.perf_counter()
        grouped = group_pending(store, STORY_WINDOW_HOURS)
        group_s = time.perf_counter() - started
        store.close()
    return {"articles": articles, "bytes": size, "bytes_per_article": size / articles,
            "parts": table_bytes(source), "analysed": analysed, "analyse_s": analyse_s,
            "grouped": grouped, "group_s": group_s}
