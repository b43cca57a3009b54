"""One person, one name from the command line (issue 21, item 3): articles served on 127.0.0.1 and
fetched by `byline fetch`, then `byline quotes` and `byline people` show each person under one name,
find them by any form of it, and follow them by it; an older cache file is upgraded in place."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest
from feedserver import rss

from tui.cli.main import main
from tui.core.store.database import _statements
from tui.core.store.migrations import MIGRATIONS

ITEMS = [
    ("Uma Thurman speaks out", "Actress Uma Thurman spoke out on Monday about the film. “I was angry for a "
     "long time,” Uma Thurman said in an interview. “It took me years to speak,” Thurman said."),
    ("Festival opens with a premiere", "The film festival opened on Friday. “The work is finished and I am "
     "proud of it,” Thurman told reporters at the premiere. The festival runs until Sunday."),
    ("Budget talks at the White House", "President Donald Trump met the press on Tuesday. “We will build "
     "it,” Mr. Trump said. “Nobody does it better,” Trump added."),
]


def write_config(root: Path, url: str) -> Path:
    config = root / "feeds.toml"
    config.write_text(f'[settings]\nrefresh_minutes = 0\nfulltext = false\n'
                      f'[[feeds]]\nname = "Wire"\nurl = "{url}"\n', "utf-8")
    return config


@pytest.fixture
def fetched(tmp_path: Path, server) -> Path:  # type: ignore[no-untyped-def]
    items = [{"title": title, "guid": str(n), "link": f"http://127.0.0.1:9/{n}", "description": text,
              "pubDate": f"Mon, 0{n + 1} Dec 2026 10:00:00 GMT"} for n, (title, text) in enumerate(ITEMS)]
    server.add("/wire", body=rss("Wire", items))
    config = write_config(tmp_path, server.url("/wire"))
    assert main(["--config", str(config), "fetch", "-q"]) == 0
    return config


def run_json(config: Path, capsys: pytest.CaptureFixture[str], *args: str) -> object:
    capsys.readouterr()
    assert main(["--config", str(config), *args, "--json"]) == 0
    return json.loads(capsys.readouterr().out)


def speakers(config: Path, capsys: pytest.CaptureFixture[str], *args: str) -> list[str]:
    hits = run_json(config, capsys, "quotes", "--limit", "0", *args)
    assert isinstance(hits, list)
    return sorted(hit["speaker"] for hit in hits)


def test_every_quote_is_credited_to_the_one_name(fetched: Path, capsys: pytest.CaptureFixture[str]) -> None:
    # "Thurman" alone in the second article is the only Thurman the cache knows in full
    assert speakers(fetched, capsys) == ["Donald Trump"] * 2 + ["Uma Thurman"] * 3


def test_speaker_and_words_find_a_person_by_any_form_of_their_name(
        fetched: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert speakers(fetched, capsys, "--speaker", "Thurman") == ["Uma Thurman"] * 3
    assert speakers(fetched, capsys, "--speaker", "Mr. Trump") == ["Donald Trump"] * 2
    assert speakers(fetched, capsys, "thurman") == ["Uma Thurman"] * 3     # lookup by words


def test_following_a_short_name_follows_the_one_name(fetched: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--config", str(fetched), "people", "follow", "Thurman"]) == 0
    assert "following Thurman (as Uma Thurman)" in capsys.readouterr().out
    [person] = run_json(fetched, capsys, "people")  # type: ignore[misc]
    assert (person["name"], person["quotes"], person["aliases"]) == ("Uma Thurman", 3, ["Thurman"])
    assert main(["--config", str(fetched), "people", "unfollow", "Thurman"]) == 0
    assert run_json(fetched, capsys, "people") == []


def test_an_old_cache_gets_its_names_once_it_is_opened(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A cache written before names were kept (schema 10), with "Thurman" followed, opened by this
    Byline: migration 11, then the backfill, give the quotes and the follow their one name."""
    url = "http://127.0.0.1:9/wire"
    config = write_config(tmp_path, url)
    (tmp_path / "cache").mkdir()
    cache = tmp_path / "cache" / "byline.db"
    conn = sqlite3.connect(cache)
    for script in MIGRATIONS[:10]:
        for statement in _statements(script):
            conn.execute(statement)
    conn.execute("INSERT INTO feeds (id, url, name) VALUES (1, ?, 'Wire')", (url,))
    for n, (title, text) in enumerate(ITEMS[:2], start=1):
        conn.execute("INSERT INTO articles (id, feed_id, guid, title, fetched, sort_time, summary, text_status, "
                     "analysed) VALUES (?, 1, ?, ?, 1, ?, ?, 'summary', 6)", (n, str(n), title, n, text))
    conn.executemany("INSERT INTO actors (article_id, name, kind, aliases, mentions, first_offset) "
                     "VALUES (?, ?, 'person', ?, 2, 0)", [(1, "Uma Thurman", "Thurman"), (2, "Thurman", "")])
    conn.executemany("INSERT INTO quotes (article_id, speaker, text, kind, start, end, confidence) "
                     "VALUES (?, ?, ?, 'direct', 0, 5, 0.9)",
                     [(1, "Uma Thurman", "I was angry"), (1, "Thurman", "It took me years"),
                      (2, "Thurman", "The work is finished")])
    conn.execute("INSERT INTO people (name, followed_at, seen_at) VALUES ('Thurman', 1, 1)")
    conn.execute("PRAGMA user_version = 10")
    conn.commit()
    conn.close()
    args = ("--cache-dir", str(tmp_path / "cache"))
    capsys.readouterr()
    assert main(["--config", str(config), *args, "quotes", "--limit", "0", "--json"]) == 0
    assert sorted(h["speaker"] for h in json.loads(capsys.readouterr().out)) == ["Uma Thurman"] * 3
    assert main(["--config", str(config), *args, "people", "--json"]) == 0
    [person] = json.loads(capsys.readouterr().out)
    assert (person["name"], person["quotes"]) == ("Uma Thurman", 3)
    upgraded = sqlite3.connect(cache)
    assert upgraded.execute("PRAGMA user_version").fetchone()[0] == len(MIGRATIONS)
    upgraded.close()
