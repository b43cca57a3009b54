"""Changes made in Byline to synced articles, queued for the server in the write that makes
them (table sync_queue; the sync engine sends them and store/sync.py forgets them)."""

from __future__ import annotations

import sqlite3
import time
from collections.abc import Sequence

from tui.core.store.database import in_chunks, marks


def queue_changes(tx: sqlite3.Connection, article_ids: Sequence[int], field: str,
                  value: bool) -> None:
    """Queue a change of these articles' read or starred state for the server (synced articles
    only; the latest change of a field replaces an earlier one). Called inside the write that
    makes the change, so the two land together."""
    at = time.time()
    for chunk in in_chunks(list(article_ids)):
        tx.execute(
            "INSERT INTO sync_queue (article_id, field, value, changed_at) "
            f"SELECT id, ?, ?, ? FROM articles WHERE id IN ({marks(len(chunk))}) "
            "AND server_id IS NOT NULL ON CONFLICT (article_id, field) DO UPDATE SET "
            "value = excluded.value, changed_at = excluded.changed_at",
            (field, int(value), at, *chunk))


def queue_where(tx: sqlite3.Connection, where: str, params: Sequence[object], field: str,
                value: bool) -> None:
    """Queue a change for the synced articles (alias `a`) that a WHERE clause selects."""
    tx.execute(
        "INSERT INTO sync_queue (article_id, field, value, changed_at) "
        f"SELECT a.id, ?, ?, ? FROM articles a WHERE a.server_id IS NOT NULL AND {where} "
        "ON CONFLICT (article_id, field) DO UPDATE SET value = excluded.value, "
        "changed_at = excluded.changed_at",
        (field, int(value), time.time(), *params))
