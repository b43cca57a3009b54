"""Watchlists, mutes, people, quote export and notify_command from the command line, on the
offline demo (seeds/): the "done when" of issue 16, as a new user would try it."""

from __future__ import annotations

import csv
import io
import json
import shlex
import sys
from pathlib import Path

import pytest
from byline_demo import copy_seeds
from demo_news import add_story_article

from tui.cli.main import main
from tui.config import load_config
from tui.core.store import Store

WATCH = '\n[[watch]]\nname = "CSTO"\nquery = \'"CSTO" AND tag:caucasus\'\n'
MUTE = '\n[[mute]]\nquery = \'feed:"Circuit Policy"\'\n'
NOTIFY_SCRIPT = """import json, sys
with open(sys.argv[1], "a", encoding="utf-8") as out:
    out.write(json.dumps(sys.argv[2:]) + "\\n")
"""


def fetch_demo(root: Path) -> Path:
    copy_seeds(root)
    assert main(["--config", str(root / "feeds.toml"), "fetch", "-q"]) == 0
    return root / "feeds.toml"


@pytest.fixture(scope="module")
def fetched(tmp_path_factory) -> Path:  # type: ignore[no-untyped-def]
    """The demo fetched once, for the tests that only read the cache."""
    return fetch_demo(tmp_path_factory.mktemp("demo") / "seeds")


@pytest.fixture
def own_config(fetched: Path, request) -> Path:  # type: ignore[no-untyped-def]
    """A config of the test's own beside the shared demo (so it uses the same cache/)."""
    config = fetched.with_name(f"{request.node.name[:40].replace('[', '_')}.toml")
    config.write_text(fetched.read_text("utf-8"), encoding="utf-8")
    return config


@pytest.fixture
def fresh(tmp_path: Path) -> Path:
    """A demo fetched for this test alone (for tests that change the cache)."""
    return fetch_demo(tmp_path / "seeds")


def add(config: Path, text: str) -> None:
    config.write_text(config.read_text(encoding="utf-8") + text, encoding="utf-8")


def run(config: Path, *args: str) -> int:
    return main(["--config", str(config), *args])


# -- config --------------------------------------------------------------------------------------

BAD = {
    "query": ('[[watch]]\nname = "W"\nquery = "csto AND"\n', [":3:", "watch #1 ('W')",
                                                            "at character 9", "after 'AND'"]),
    "second_watch": ('[[watch]]\nname = "A"\nquery = "a"\n\n[[watch]]\nname = "B"\n'
                     'query = "(a OR b"\n', [":7:", "watch #2 ('B')", "never closed",
                                             "at character 1"]),
    "mute_query": ('[[mute]]\nquery = "tag:"\n', [":2:", "mute #1", "at character 5"]),
    "unknown_field": ('[[mute]]\nname = "m"\nquery = "sorce:x"\n', [":3:", "unknown field 'sorce:'"]),
    "watch_no_name": ('[[watch]]\nquery = "csto"\n', ["watch #1", "'name'", ":1:"]),
    "watch_no_query": ('[[watch]]\nname = "W"\n', ["watch #1", "missing 'query'"]),
    "watch_key": ('[[watch]]\nname = "W"\nquery = "a"\nfeed = "x"\n', [":4:", "unknown key 'feed'"]),
    "duplicate": ('[[watch]]\nname = "W"\nquery = "a"\n[[watch]]\nname = "w"\nquery = "b"\n',
                  ["duplicate name", ":5:"]),
    "not_a_table": ('watch = "csto"\n', ["[[watch]]"]),
    "notify_quotes": ('[settings]\nnotify_command = "notify-send \'oops"\n',
                      ["settings.notify_command", ":2:", "quotation"]),
    "browser_type": ('[settings]\nbrowser = ["firefox"]\n', ["settings.browser", ":2:"]),
}


@pytest.mark.parametrize("case", sorted(BAD))
def test_bad_watch_or_mute_exits_2_naming_file_line_and_character(case: str, tmp_path: Path,
                                                                  capsys) -> None:
    text, expected = BAD[case]
    config = tmp_path / "feeds.toml"
    config.write_text(text, encoding="utf-8")
    assert run(config, "articles") == 2
    err = capsys.readouterr().err.strip()
    assert len(err.splitlines()) == 1, err
    assert str(config) in err
    for fragment in expected:
        assert fragment in err, err


def test_good_watch_mute_and_settings_load(tmp_path: Path) -> None:
    config = tmp_path / "feeds.toml"
    config.write_text('[settings]\nnotify_command = "notify-send -a Byline"\n'
                      'browser = "firefox --new-tab %u"\n' + WATCH + MUTE, encoding="utf-8")
    loaded = load_config(config)
    assert [w.name for w in loaded.watches] == ["CSTO"]
    assert loaded.watch("csto") is loaded.watches[0]
    assert [m.name for m in loaded.mutes] == ['feed:"Circuit Policy"']  # named by its query
    assert loaded.settings.notify_command == "notify-send -a Byline"


# -- watchlists, people, export --------------------------------------------------------------------


def test_watchlist_lists_its_articles(own_config: Path, capsys) -> None:
    add(own_config, WATCH)
    assert run(own_config, "articles", "--watch", "csto", "--json") == 0
    articles = json.loads(capsys.readouterr().out)
    assert [(a["feed"], a["title"]) for a in articles] == [
        ("Caucasus Ledger", "Yerevan will not attend CSTO summit in Minsk, government confirms")]
    assert run(own_config, "articles", "--watch", "nope") == 1
    assert "no watchlist named 'nope' (watchlists: 'CSTO')" in capsys.readouterr().err


def test_quotes_of_a_person_from_every_outlet(own_config: Path, capsys) -> None:
    assert run(own_config, "quotes", "--speaker", "Anna Karapetyan", "--format", "json",
               "--limit", "0") == 0
    rows = json.loads(capsys.readouterr().out)
    assert {r["speaker"] for r in rows} == {"Anna Karapetyan"}
    assert {r["outlet"] for r in rows} == {"Caucasus Ledger", "Meridian Wire",
                                           "Eurasia Business Daily"}
    assert [r["date"] for r in rows] == sorted((r["date"] for r in rows), reverse=True)
    assert run(own_config, "quotes", "--speaker", "Anna Karapetyan", "--since", "2026-11-25",
               "--format", "json") == 0
    later = json.loads(capsys.readouterr().out)
    assert later and all(r["date"] >= "2026-11-25" for r in later) and len(later) < len(rows)


def test_quote_export_csv_round_trips(own_config: Path, capsys) -> None:
    assert run(own_config, "quotes", "--speaker", "Karapetyan", "--format", "csv", "--limit", "0") == 0
    out = capsys.readouterr().out
    rows = list(csv.DictReader(io.StringIO(out, newline="")))
    assert list(rows[0]) == ["speaker", "kind", "quote", "outlet", "date", "link"]
    assert {r["kind"] for r in rows} == {"direct", "indirect"}
    assert run(own_config, "quotes", "--speaker", "Karapetyan", "--format", "json", "--limit", "0") == 0
    assert rows == json.loads(capsys.readouterr().out)
    assert all(r["link"].startswith("file://") for r in rows)
    assert run(own_config, "quotes", "--speaker", "Karapetyan", "--format", "md", "--limit", "0") == 0
    markdown = capsys.readouterr().out
    assert markdown.count("\n") == len(rows) + 2
    assert markdown.startswith("| Speaker | Kind | Quote |")
    assert {line.split(" | ")[1] for line in markdown.splitlines()[2:]} == {"said", "reported"}


def test_quotes_say_their_kind_and_a_paraphrase_is_not_in_marks(own_config: Path, capsys) -> None:
    assert run(own_config, "quotes", "--limit", "0") == 0
    said = [line for line in capsys.readouterr().out.splitlines() if not line.startswith("    ")]
    assert run(own_config, "quotes", "--format", "json", "--limit", "0") == 0
    rows = json.loads(capsys.readouterr().out)
    assert len(said) == len(rows)
    words = {"direct": "said", "partial": "in part", "indirect": "reported"}
    for line, row in zip(said, rows, strict=True):
        assert line == f"{row['speaker']} ({words[row['kind']]}): {row['quote']}"
        if row["kind"] != "indirect":
            assert row["quote"].startswith("“") and row["quote"].endswith("”")
    assert sum(not row["quote"].startswith("“") for row in rows if row["kind"] == "indirect") > 10
    assert "Lilit Harutyunyan (reported): Armenia’s position “has not changed and will not change at a " \
           "summit”" in said
    assert "Lilit Harutyunyan (said): “Our chair in Minsk will be empty, and that is a message in itself”" in said


def test_quotes_of_a_story(own_config: Path, capsys) -> None:
    store = Store(load_config(own_config).db_path)
    story = store.conn().execute("SELECT story_id FROM articles WHERE title LIKE 'Yerevan%'").fetchone()[0]
    store.close()
    assert run(own_config, "quotes", "--story", str(story), "--format", "json", "--limit", "0") == 0
    rows = json.loads(capsys.readouterr().out)
    assert rows and {r["outlet"] for r in rows} == {"Caucasus Ledger", "Meridian Wire"}


def test_people_follow_list_unfollow(fresh: Path, capsys) -> None:
    demo = fresh
    assert run(demo, "people") == 0
    assert "you follow nobody" in capsys.readouterr().out
    assert run(demo, "people", "follow", "Anna", "Karapetyan") == 0
    assert capsys.readouterr().out.strip() == "following Anna Karapetyan"
    assert run(demo, "people", "--json") == 0
    [anna] = json.loads(capsys.readouterr().out)
    # 7 quotes as attribution units (issue 12: "A," she said. "B." is one quote, not two)
    assert (anna["name"], anna["quotes"], anna["new_quotes"]) == ("Anna Karapetyan", 7, 0)
    assert run(demo, "people", "follow", "Nobody Known") == 0
    assert "no quotes by that name yet" in capsys.readouterr().out
    assert run(demo, "people", "unfollow", "Anna Karapetyan") == 0
    assert run(demo, "people", "unfollow", "Anna Karapetyan") == 1
    assert run(demo, "people", "follow") == 2


# -- mutes -----------------------------------------------------------------------------------------


def test_mute_hides_the_outlet_everywhere_until_shown(own_config: Path, capsys) -> None:
    add(own_config, MUTE)
    listings = {
        "articles": ["articles", "--json", "--limit", "0"],
        "search": ["search", "Kovra", "--json"],
        "stories": ["stories", "--json"],
        "quotes": ["quotes", "--format", "json", "--limit", "0"],
        "feeds": ["feeds", "--json"],
    }

    def outlets(name: str, *extra: str) -> set[str]:
        assert run(own_config, *listings[name], *extra) == 0
        data = json.loads(capsys.readouterr().out)
        if name == "stories":
            return {a["feed"] for s in data for a in s["articles"]}
        if name == "feeds":
            return {f["name"] for f in data if f["articles"]}
        return {r.get("feed") or r.get("outlet") for r in data}

    for name in listings:
        assert "Circuit Policy" not in outlets(name), name
        assert "Circuit Policy" in outlets(name, "--show-muted"), name
    assert run(own_config, "articles") == 0
    assert "5 muted articles not shown (--show-muted shows them)" in capsys.readouterr().err


# -- notifications ---------------------------------------------------------------------------------


def notify_setting(tmp_path: Path) -> tuple[str, Path]:
    script = tmp_path / "notify.py"
    script.write_text(NOTIFY_SCRIPT, encoding="utf-8")
    out = tmp_path / "notified.jsonl"
    return shlex.join([sys.executable, str(script), str(out)]), out


def test_fetch_notifies_when_a_followed_story_gets_an_article(fresh: Path, tmp_path: Path,
                                                               capsys) -> None:
    demo = fresh
    command, out = notify_setting(tmp_path)
    text = demo.read_text("utf-8").replace(
        "[settings]\n", f"[settings]\nnotify_command = {json.dumps(command)}\n", 1)
    demo.write_text(text + WATCH, encoding="utf-8")
    store = Store(load_config(demo).db_path)
    story = store.conn().execute("SELECT story_id FROM articles WHERE title LIKE 'Yerevan%'").fetchone()[0]
    store.set_followed(story, True)
    store.follow_person("Anna Karapetyan")
    store.close()
    assert run(demo, "fetch") == 0  # nothing new: no notification
    assert not out.exists()
    capsys.readouterr()
    add_story_article(demo)
    assert run(demo, "fetch") == 0
    printed = capsys.readouterr().out
    assert "news  story “" in printed and "news  watchlist “CSTO”: 1 new article" in printed
    [args] = [json.loads(line) for line in out.read_text("utf-8").splitlines()]
    summary, body = args
    assert summary.startswith("Byline: news in 2 followed")
    lines = body.splitlines()
    assert lines[0].startswith("story “") and lines[0].endswith(": 1 new article")
    assert lines[1] == "watchlist “CSTO”: 1 new article"


def test_a_failing_notify_command_is_one_line_and_not_a_failure(fresh: Path, capsys) -> None:
    demo = fresh
    text = demo.read_text("utf-8").replace(
        "[settings]\n", '[settings]\nnotify_command = "/nonexistent/notifier --flag"\n', 1)
    demo.write_text(text + '\n[[watch]]\nname = "All CSTO"\nquery = "csto"\n', encoding="utf-8")
    add_story_article(demo)
    assert run(demo, "fetch", "-q") == 0
    err = capsys.readouterr().err.strip()
    assert err.startswith("byline: notify_command '/nonexistent/notifier' failed")
    assert len(err.splitlines()) == 1
