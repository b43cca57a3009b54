"""Cache faults: concurrent writers, damaged and truncated files, a full disk."""

from __future__ import annotations

import asyncio
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from feedserver import FeedServer, rss

from tui.cli.main import main
from tui.core.feeds.subscriptions import Subscription
from tui.core.models import Outcome
from tui.core.refresh import refresh
from tui.core.settings import Settings
from tui.core.store import ArticleFilter, Store, open_store
from tui.core.store.migrations import SCHEMA_VERSION

QUIET = Settings(fulltext=False, read_timeout=2, total_timeout=5)


def feed_items(prefix: str, count: int) -> list[dict[str, str]]:
    return [{"title": f"{prefix} {i}", "guid": f"{prefix}-{i}", "link": f"http://e.org/{prefix}/{i}",
             "description": "text " * 50} for i in range(count)]


def write_config(tmp_path: Path, server: FeedServer, feeds: int, items: int) -> Path:
    lines = ["[settings]", "refresh_minutes = 0", "fulltext = false"]
    for n in range(feeds):
        url = server.add(f"/f{n}", body=rss(f"F{n}", feed_items(f"f{n}", items)))
        lines += ["[[feeds]]", f'name = "F{n}"', f'url = "{url}"']
    path = tmp_path / "feeds.toml"
    path.write_text("\n".join(lines) + "\n")
    return path


def test_two_processes_write_at_once(tmp_path: Path) -> None:
    with FeedServer() as server:
        config = write_config(tmp_path, server, feeds=30, items=40)
        command = [sys.executable, "-m", "tui", "--config", str(config), "fetch", "-q"]
        subprocess.run(command, check=True, capture_output=True)
        for n in range(30):  # new items so the second fetch writes a lot
            server.add(f"/f{n}", body=rss(f"F{n}", feed_items(f"g{n}", 40)))
        cron = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        store = Store(tmp_path / "cache" / "byline.db")  # the "TUI" marking articles meanwhile
        ids = [r.id for r in store.article_rows(ArticleFilter(), limit=200)]
        flips = 0
        while cron.poll() is None or flips < 50:
            store.set_read(ids[flips % len(ids):][:5], bool(flips % 2))
            store.set_starred(ids[flips % len(ids)], True)
            flips += 1
        out, err = cron.communicate()
        assert cron.returncode == 0, err
        assert b"locked" not in err + out
        assert store.count_articles() == 30 * 80
        assert store.integrity_ok()
        store.close()


def test_damaged_and_truncated_cache_set_aside(tmp_path: Path, capsys) -> None:
    config = tmp_path / "feeds.toml"
    config.write_text("")
    db = tmp_path / "cache" / "byline.db"
    store = Store(db)
    store.sync_feeds([(f"http://e.org/{i}", f"F{i}", ()) for i in range(500)])
    store.conn().execute("PRAGMA wal_checkpoint(TRUNCATE)")
    store.close()
    size = db.stat().st_size
    with db.open("r+b") as handle:
        handle.truncate(size // 2)
    store, message = open_store(db)
    assert message and "truncated" in message
    assert store.feeds() == [] and store.integrity_ok()
    store.close()
    db.write_bytes(b"\x00garbage" * 1000)
    assert main(["--config", str(config), "feeds"]) == 0
    err = capsys.readouterr().err
    assert "damaged" in err and "fresh cache" in err and "Traceback" not in err
    assert len(list((tmp_path / "cache").glob("byline.db.damaged-*"))) == 2


class TinyDiskStore(Store):
    """A real SQLite cache that runs out of space after a few pages, like a full disk."""

    limit = 0

    def _connect(self) -> sqlite3.Connection:
        conn = super()._connect()
        if self.limit:
            conn.execute(f"PRAGMA max_page_count = {self.limit}")
        return conn


def test_full_disk_is_a_clear_error_and_nothing_half_written(tmp_path: Path) -> None:
    with FeedServer() as server:
        small = server.add("/small", body=rss("S", feed_items("s", 2)))
        big = server.add("/big", body=rss("B", feed_items("b", 400)))
        store = TinyDiskStore(tmp_path / "byline.db")
        feeds = [Subscription("small", small), Subscription("big", big)]
        store.sync_feeds((f.url, f.name, f.tags) for f in feeds)
        pages = store.conn().execute("PRAGMA page_count").fetchone()[0]
        store.close()
        store = TinyDiskStore(tmp_path / "byline.db")
        store.limit = pages + 12
        summary = asyncio.run(refresh(store, feeds, QUIET))
        results = {r.name: r for r in summary.results}
        assert results["big"].outcome is Outcome.CACHE_ERROR
        assert "full" in results["big"].error
        big_id = store.feed_id(big)
        assert store.count_articles(ArticleFilter(feed_id=big_id)) == 0  # all or nothing
        assert store.integrity_ok()
        store.close()


@pytest.mark.parametrize("newer", [True])
def test_newer_cache_refused_by_cli(tmp_path: Path, capsys, newer: bool) -> None:
    config = tmp_path / "feeds.toml"
    config.write_text("")
    Store(tmp_path / "cache" / "byline.db").close()
    conn = sqlite3.connect(tmp_path / "cache" / "byline.db")
    conn.execute("PRAGMA user_version = 999")
    conn.close()
    assert main(["--config", str(config), "feeds"]) == 1
    assert "newer Byline" in capsys.readouterr().err


def _open_at_once(path: str, start: object) -> str | None:
    """In a process of its own: wait for the others, then open the cache as Byline does."""
    from tui.core.store import open_store

    start.wait()  # type: ignore[attr-defined]
    store, message = open_store(Path(path))
    store.close()
    return message


def test_processes_opening_a_new_cache_at_once_build_it_once(tmp_path: Path) -> None:
    """The reader and a cron fetch starting together on a new cache: each waits for the other's
    migrations instead of taking the half-built cache for a damaged one."""
    import multiprocessing

    context = multiprocessing.get_context("spawn")
    for attempt in range(3):
        path = tmp_path / f"try{attempt}" / "byline.db"
        path.parent.mkdir()
        with context.Manager() as manager:
            start = manager.Barrier(4)
            with context.Pool(4) as pool:
                messages = pool.starmap(_open_at_once, [(str(path), start)] * 4)
        assert messages == [None] * 4
        assert not list(path.parent.glob("*.damaged-*"))
        store = Store(path)
        assert store.schema_version == SCHEMA_VERSION and store.integrity_ok()
        store.close()
