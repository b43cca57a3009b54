"""A refresh killed with SIGKILL leaves a cache that opens, passes integrity_check, keeps flags."""

from __future__ import annotations

import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

from feedserver import FeedServer, rss

from tui.core.store import ArticleFilter, Store


def test_sigkill_during_refresh_keeps_cache_sound(tmp_path: Path) -> None:
    rng = random.Random(1234)
    with FeedServer() as server:
        lines = ["[settings]", "refresh_minutes = 0", "fulltext = false", "concurrency = 4"]
        for n in range(40):
            items = [{"title": f"Feed {n} item {i}", "guid": f"{n}-{i}",
                      "link": f"http://example.org/{n}/{i}", "description": "x " * 200}
                     for i in range(25)]
            url = server.add(f"/f{n}", body=rss(f"F{n}", items), delay=0.02)
            lines += ["[[feeds]]", f'name = "F{n}"', f'url = "{url}"']
        config = tmp_path / "feeds.toml"
        config.write_text("\n".join(lines) + "\n")
        db = tmp_path / "cache" / "byline.db"
        command = [sys.executable, "-m", "tui", "--config", str(config), "fetch", "-q"]
        subprocess.run(command, check=True, capture_output=True)
        store = Store(db)
        rows = store.article_rows(ArticleFilter(), limit=30)
        read_ids = [r.id for r in rows[:20]]
        store.set_read(read_ids)
        store.set_starred(rows[0].id, True)
        store.close()
        for attempt in range(8):
            for n in range(40):  # new items each time, so every refresh writes
                items = [{"title": f"Feed {n} item {i} v{attempt}", "guid": f"{n}-{i}-{attempt}",
                          "link": f"http://example.org/{n}/{i}"} for i in range(25)]
                server.add(f"/f{n}", body=rss(f"F{n}", items), delay=0.02)
            process = subprocess.Popen(command, stdout=subprocess.DEVNULL,
                                       stderr=subprocess.DEVNULL)
            time.sleep(rng.uniform(0.3, 1.2))
            os.kill(process.pid, signal.SIGKILL)
            process.wait()
            conn = sqlite3.connect(db)
            assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
            conn.close()
            store = Store(db)
            assert store.integrity_ok()
            assert all(store.article(i).read for i in read_ids)
            assert store.article(rows[0].id).starred
            assert store.conn().execute(
                "INSERT INTO articles_fts(articles_fts, rank) VALUES ('integrity-check', 1)"
            ) is not None
            store.close()
