"""`byline sync`, `byline mark`, `byline articles --json` and `byline fetch` with a [sync] table,
against the real Miniflux through both APIs; a SIGKILL during a sync loses nothing."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

from feedserver import rss

from sync.test_sync_miniflux import items
from tui.cli.main import main

REPO = Path(__file__).resolve().parents[2]


def write_config(tmp_path: Path, account, feeds: str = "") -> Path:
    path = tmp_path / "feeds.toml"
    path.write_text(f"""{feeds}
[settings]
connect_timeout = 5
read_timeout = 10
total_timeout = 30

[sync]
service = "{account.service}"
url = "{account.url}"
username = "{account.username}"
password_env = "{account.password_env}"
""")
    return path


def byline(config: Path, *argv: str, capsys) -> tuple[int, str, str]:
    code = main(["--config", str(config), *argv])
    out = capsys.readouterr()
    return code, out.out, out.err


def test_sync_mark_and_articles_json(miniflux, server, account, tmp_path, capsys) -> None:
    url = server.add("/world.xml", body=rss("World", items(3)))
    miniflux.add_feed(url, category="News")
    config = write_config(tmp_path, account)
    code, out, _ = byline(config, "sync", capsys=capsys)
    assert (code, out) == (0, "3 new\n")
    code, out, _ = byline(config, "articles", "--json", capsys=capsys)
    listed = json.loads(out)
    assert {(a["read"], a["starred"], a["origin"]) for a in listed} == {
        (False, False, account.service)}
    first, second = listed[0]["id"], listed[1]["id"]
    code, out, _ = byline(config, "mark", "read", str(first), str(second), capsys=capsys)
    assert (code, out) == (0, "2 articles marked read; 2 changes queued for the next sync\n")
    code, out, _ = byline(config, "mark", "star", str(first), capsys=capsys)
    assert out == "1 article starred; 3 changes queued for the next sync\n"
    code, out, _ = byline(config, "sync", capsys=capsys)
    assert (code, out) == (0, "0 new, 3 sent\n")
    on_server = {e["url"]: e for e in miniflux.entries()}
    assert on_server[listed[0]["url"]]["status"] == "read"
    assert on_server[listed[0]["url"]]["starred"] is True
    assert on_server[listed[1]["url"]]["status"] == "read"
    assert on_server[listed[2]["url"]]["status"] == "unread"
    code, out, _ = byline(config, "sync", capsys=capsys)
    assert (code, out) == (0, "0 new\n")


def test_mark_refuses_unknown_ids(miniflux, account, tmp_path, capsys) -> None:
    config = write_config(tmp_path, account)
    code, _, err = byline(config, "mark", "read", "12345", capsys=capsys)
    assert code == 1 and "no article with id 12345" in err


def test_fetch_syncs_first(miniflux, server, account, tmp_path, capsys) -> None:
    miniflux.add_feed(server.add("/world.xml", body=rss("World", items(2))), category="News")
    local = server.add("/local.xml", body=rss("Local", items(2, start=10)))
    config = write_config(tmp_path, account, f'[[feeds]]\nname = "Local"\nurl = "{local}"\n')
    code, out, _ = byline(config, "fetch", "--no-fulltext", capsys=capsys)
    assert code == 0
    assert out.splitlines()[0] == "sync  2 new"
    assert "ok    Local: 2 new of 2" in out
    code, out, _ = byline(config, "articles", "--json", capsys=capsys)
    assert sorted(a["origin"] for a in json.loads(out)) == sorted([
        "local", "local", account.service, account.service])


def test_no_sync_table_is_a_usage_error(tmp_path, capsys) -> None:
    config = tmp_path / "feeds.toml"
    config.write_text("")
    code, _, err = byline(config, "sync", capsys=capsys)
    assert code == 2 and "no [sync] table" in err


def test_a_sigkill_during_a_sync_loses_nothing(miniflux, server, account, tmp_path) -> None:
    count = 3000
    miniflux.add_feed(server.add("/big.xml", body=rss("Big", items(count))), category="News")
    config = write_config(tmp_path, account)
    database = tmp_path / "cache" / "byline.db"
    command = [sys.executable, "-m", "tui", "--config", str(config), "sync"]
    process = subprocess.Popen(command, cwd=REPO, env=os.environ.copy(),
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 60
    while _stored(database) == 0 and process.poll() is None:
        assert time.monotonic() < deadline
        time.sleep(0.01)
    process.send_signal(signal.SIGKILL)
    process.wait()
    cut = _stored(database)
    assert cut < count, "the sync ended before it could be killed"
    with sqlite3.connect(database) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    done = subprocess.run(command, cwd=REPO, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stdout + done.stderr
    assert done.stdout == f"{count - cut} new\n"
    assert _stored(database) == count
    again = subprocess.run(command, cwd=REPO, capture_output=True, text=True, timeout=120)
    assert again.stdout == "0 new\n"


def _stored(database: Path) -> int:
    if not database.exists():
        return 0
    try:
        with sqlite3.connect(database, timeout=5) as conn:
            return int(conn.execute("SELECT count(*) FROM articles").fetchone()[0])
    except sqlite3.OperationalError:
        return 0
