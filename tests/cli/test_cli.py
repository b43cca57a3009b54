"""The CLI: config discovery, exit code 2 on bad configs, fetch/articles/feeds output."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from feedserver import FeedServer, rss

from tui.cli.main import main


def write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


BAD_CONFIGS = {
    "syntax": ('[[feeds]]\nname = "A"\nurl = "http://x.org/f\n', ["line 3"]),
    "unknown_top": ('[setting]\nrefresh_minutes = 3\n', ["'setting'", ":1:"]),
    "unknown_feed_key": ('[[feeds]]\nname = "A"\nurll = "http://x.org/f"\n', ["'urll'", ":3:"]),
    "unknown_setting": ('[settings]\nrefresh = 3\n', ["settings.refresh", ":2:"]),
    "wrong_type": ('[settings]\nconcurrency = "lots"\n', ["settings.concurrency", ":2:"]),
    "confirm_type": ('[settings]\nconfirm_mark_all_read = "no"\n',
                     ["settings.confirm_mark_all_read", "must be bool", ":2:"]),
    "missing_url": ('[[feeds]]\nname = "A"\n', ["missing 'url'"]),
    "bad_scheme": ('[[feeds]]\nname = "A"\nurl = "ftp://x.org/f"\n', ["ftp://x.org/f", ":3:"]),
    "no_host": ('[[feeds]]\nname = "A"\nurl = "http:///f"\n', ["no host"]),
    "duplicate_url": ('[[feeds]]\nname = "A"\nurl = "http://x.org/f"\n'
                      '[[feeds]]\nname = "B"\nurl = "http://x.org/f"\n',
                      ["duplicate url", "feed #2", ":6:"]),
    "duplicate_name": ('[[feeds]]\nname = "A"\nurl = "http://x.org/f"\n'
                       '[[feeds]]\nname = "a"\nurl = "http://x.org/g"\n', ["duplicate name"]),
    "tags_type": ('[[feeds]]\nname = "A"\nurl = "http://x.org/f"\ntags = "world"\n', ["'tags'"]),
    "unknown_binding": ('[keymap]\n"no.such.binding" = "x"\n', ["no.such.binding"]),
    "impossible_port": ('[[feeds]]\nurl = "http://host:99999/"\n', ["bad port", ":2:"]),
}


@pytest.mark.parametrize("case", sorted(BAD_CONFIGS))
def test_bad_config_exits_2_with_one_clear_line(case: str, tmp_path: Path, capsys) -> None:
    text, expected = BAD_CONFIGS[case]
    config = write(tmp_path / "feeds.toml", text)
    assert main(["--config", str(config), "feeds"]) == 2
    err = capsys.readouterr().err.strip()
    assert len(err.splitlines()) == 1, err
    assert str(config) in err
    for fragment in expected:
        assert fragment in err


def test_missing_config_file_is_exit_2(tmp_path: Path, capsys) -> None:
    assert main(["--config", str(tmp_path / "nope.toml"), "feeds"]) == 2
    assert "no such config file" in capsys.readouterr().err


def test_config_discovery_order(tmp_path: Path, monkeypatch, capsys) -> None:
    env_cfg = write(tmp_path / "env.toml", '[[feeds]]\nname = "FromEnv"\nurl = "http://e.org/f"\n')
    cwd = tmp_path / "work"
    cwd.mkdir()
    write(cwd / "feeds.toml", '[[feeds]]\nname = "FromCwd"\nurl = "http://c.org/f"\n')
    monkeypatch.chdir(cwd)
    assert main(["feeds", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)[0]["name"] == "FromCwd"
    assert (cwd / "cache" / "byline.db").exists()
    monkeypatch.setenv("BYLINE_CONFIG", str(env_cfg))
    assert main(["feeds", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)[0]["name"] == "FromEnv"
    cli_cfg = write(tmp_path / "cli.toml", '[[feeds]]\nname = "FromCli"\nurl = "http://x.org/f"\n')
    other_cache = tmp_path / "elsewhere"
    assert main(["--config", str(cli_cfg), "--cache-dir", str(other_cache), "feeds", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)[0]["name"] == "FromCli"
    assert (other_cache / "byline.db").exists()


def test_relative_paths_resolve_against_config(tmp_path: Path, capsys) -> None:
    (tmp_path / "feeds").mkdir()
    write(tmp_path / "feeds" / "local.xml", rss("L", [
        {"title": "Local item", "link": "page.html", "guid": "l1"}]).decode())
    config = write(tmp_path / "feeds.toml", '[[feeds]]\nname = "Local"\nurl = "feeds/local.xml"\n')
    assert main(["--config", str(config), "fetch", "--no-fulltext"]) == 0
    assert "1 new" in capsys.readouterr().out
    assert main(["--config", str(config), "articles", "--json"]) == 0
    [article] = json.loads(capsys.readouterr().out)
    assert article["url"] == (tmp_path / "feeds" / "page.html").as_uri()


def test_fetch_twice_reports_not_modified_and_errors(tmp_path: Path, capsys) -> None:
    with FeedServer() as server:
        good = server.add("/good", body=rss("G", [{"title": "Hello", "guid": "h1",
                                                   "link": "http://example.org/h1"}]), etag='"1"')
        config = write(tmp_path / "feeds.toml",
                       f'[[feeds]]\nname = "Good"\nurl = "{good}"\n'
                       f'[[feeds]]\nname = "Broken"\nurl = "{server.url("/gone")}"\n')
        assert main(["--config", str(config), "fetch", "--no-fulltext"]) == 1  # Broken failed
        out = capsys.readouterr().out
        assert "ok    Good: 1 new of 1" in out
        assert "ERROR Broken: http error: HTTP 404" in out
        assert main(["--config", str(config), "fetch", "--no-fulltext"]) == 1
        assert "same  Good: not modified" in capsys.readouterr().out
    assert main(["--config", str(config), "feeds", "--json"]) == 0
    health = {f["name"]: f for f in json.loads(capsys.readouterr().out)}
    assert health["Good"]["articles"] == 1 and health["Good"]["last_error"] is None
    assert "404" in health["Broken"]["last_error"]
    assert main(["--config", str(config), "articles", "--unread", "--limit", "5"]) == 0
    assert "Hello" in capsys.readouterr().out
    assert main(["--config", str(config), "articles", "--feed", "Nope"]) == 1


def test_fetch_exit_status_tells_cron_whether_a_feed_failed(tmp_path: Path, capsys) -> None:
    with FeedServer() as server:
        good = server.add("/good", body=rss("G", [{"title": "Hello", "guid": "h1",
                                                   "link": "http://example.org/h1"}]))
        config = write(tmp_path / "feeds.toml", f'[[feeds]]\nname = "Good"\nurl = "{good}"\n')
        assert main(["--config", str(config), "fetch", "--no-fulltext", "-q"]) == 0
        summary = capsys.readouterr().out.splitlines()[-1]
        assert summary.startswith("1 feed in ") and ": 1 new article, 0 not modified, 0 failed" \
            in summary, summary
        server.add("/good", status=500, body=b"down")
        assert main(["--config", str(config), "fetch", "--no-fulltext", "-q"]) == 1
        out = capsys.readouterr().out
        assert "ERROR Good: http error: HTTP 500" in out and "0 new articles" in out
        server.add("/good", status=429, body=b"slow down", headers={"Retry-After": "3600"})
        assert main(["--config", str(config), "fetch", "--no-fulltext", "-q"]) == 1
        assert main(["--config", str(config), "fetch", "--no-fulltext", "-q"]) == 0  # backing off
        assert "wait" not in capsys.readouterr().out  # -q: only errors
    with pytest.raises(SystemExit):
        main(["fetch", "--help"])
    help_text = capsys.readouterr().out
    assert "exit status:" in help_text
    assert re.search(r"^  1 +some feeds failed", help_text, re.M)
    assert re.search(r"^  0 +every feed answered", help_text, re.M)


def test_fetch_unsubscribes_feeds_removed_from_the_config(tmp_path: Path, capsys) -> None:
    from tui.core.store import Store

    with FeedServer() as server:
        urls = [server.add(f"/{n}", body=rss(n, [{"title": n, "guid": n,
                                                  "link": f"http://example.org/{n}"}]))
                for n in ("a", "b")]
        config = write(tmp_path / "feeds.toml", "".join(
            f'[[feeds]]\nname = "{n}"\nurl = "{u}"\n' for n, u in zip("ab", urls, strict=True)))
        assert main(["--config", str(config), "fetch", "--no-fulltext", "-q"]) == 0
        write(config, f'[[feeds]]\nname = "a"\nurl = "{urls[0]}"\n')
        assert main(["--config", str(config), "fetch", "--no-fulltext", "-q"]) == 0
    store = Store(tmp_path / "cache" / "byline.db")
    assert [f.name for f in store.feeds()] == ["a"]
    store.close()
    capsys.readouterr()


def test_every_command_has_help(capsys) -> None:
    from tui.cli.main import build_parser

    parser = build_parser()
    commands = parser._subparsers._group_actions[0].choices  # type: ignore[union-attr]
    for name in commands:
        with pytest.raises(SystemExit) as exit_info:
            main([name, "--help"])
        assert exit_info.value.code == 0
        assert "usage: byline" in capsys.readouterr().out


def test_version(capsys) -> None:
    with pytest.raises(SystemExit):
        main(["--version"])
    assert capsys.readouterr().out.startswith("byline ")


def test_cluster_command_matches_the_engine(tmp_path: Path, capsys) -> None:
    from tui.core.stories.engine import cluster_records

    records = [
        {"id": "a", "title": "Armenia and Azerbaijan sign Tavush border protocol",
         "published": "2026-11-24T10:00:00Z", "outlet": "Ledger"},
        {"id": "b", "title": "Tavush border protocol signed by Armenia, Azerbaijan",
         "published": "2026-11-24T12:00:00Z", "outlet": "Wire"},
        {"id": "c", "title": "Kovra Pay fined 4.8 million lari over data leak",
         "published": "2026-11-20T10:00:00Z", "outlet": "Circuit"},
        {"id": "d", "title": "Armenia and Azerbaijan sign Tavush border protocol",
         "published": "2026-03-01T10:00:00Z", "outlet": "Ledger"},
    ]
    source = tmp_path / "items.jsonl"
    source.write_text("\n".join(json.dumps(r) for r in records) + "\n", encoding="utf-8")
    for window, expected in (("72", cluster_records(records, 72.0)),
                             ("none", cluster_records(records, None))):
        assert main(["cluster", str(source), "--window", window]) == 0
        output = json.loads(capsys.readouterr().out)
        assert output == expected
        assert [o["id"] for o in output] == ["a", "b", "c", "d"]
    by_id = {o["id"]: o["story"] for o in json.loads(json.dumps(cluster_records(records, 72.0)))}
    assert by_id["a"] == by_id["b"] != by_id["c"]
    assert by_id["d"] != by_id["a"]  # months apart: outside the window
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"title": "no id"}\n', encoding="utf-8")
    assert main(["cluster", str(bad)]) == 1
    assert "line 1" in capsys.readouterr().err


def test_packaged_default_feeds_match_the_repository() -> None:
    repo = Path(__file__).resolve().parents[2]
    assert (repo / "tui" / "default_feeds.toml").read_bytes() == (repo / "feeds.toml").read_bytes()


def test_first_run_without_config_installs_the_defaults(tmp_path: Path, monkeypatch,
                                                        capsys) -> None:
    from tui.cli.main import _first_run_config
    from tui.config import find_config, user_config_path

    monkeypatch.chdir(tmp_path)
    assert find_config(None) is None  # nothing anywhere: a first run outside the repository
    path = _first_run_config()
    assert path == user_config_path() and path.is_file()
    assert "wrote the default feeds" in capsys.readouterr().err
    assert find_config(None) == path  # found from then on
    assert main(["feeds", "--json"]) == 0
    assert len(json.loads(capsys.readouterr().out)) >= 15


def test_global_options_work_after_the_subcommand_too(tmp_path: Path, capsys) -> None:
    with FeedServer() as server:
        url = server.add("/f", body=rss("F", [{"title": "Only story", "guid": "1",
                                               "link": "http://e.org/1"}]))
        config = write(tmp_path / "feeds.toml", f'[[feeds]]\nname = "F"\nurl = "{url}"\n')
        cache = tmp_path / "elsewhere"
        assert main(["fetch", "-q", "--config", str(config), "--cache-dir", str(cache)]) == 0
    assert (cache / "byline.db").exists()
    capsys.readouterr()
    assert main(["articles", "--json", "--config", str(config), "--cache-dir", str(cache)]) == 0
    assert [a["title"] for a in json.loads(capsys.readouterr().out)] == ["Only story"]
    assert main(["--config", str(config), "feeds", "--json", "--cache-dir", str(cache)]) == 0


def test_a_list_cut_by_its_limit_says_so_on_stderr(tmp_path: Path, capsys) -> None:
    items = [{"title": f"Story {i}", "guid": str(i), "link": f"http://e.org/{i}"}
             for i in range(7)]
    with FeedServer() as server:
        config = write(tmp_path / "feeds.toml",
                       f'[[feeds]]\nname = "F"\nurl = "{server.add("/f", body=rss("F", items))}"\n')
        assert main(["--config", str(config), "fetch", "-q"]) == 0
    capsys.readouterr()
    assert main(["--config", str(config), "articles", "--json", "--limit", "5"]) == 0
    out, err = capsys.readouterr()
    assert len(json.loads(out)) == 5 and "5 of 7 articles; --limit N for more" in err
    assert main(["--config", str(config), "articles", "--json", "--limit", "0"]) == 0
    out, err = capsys.readouterr()
    assert len(json.loads(out)) == 7 and err == ""


def test_the_cache_is_closed_when_the_app_fails_to_start(tmp_path: Path, monkeypatch) -> None:
    """Bug 12: whatever way the reader stops, by an error too, it closes the cache (the last
    connection to close removes SQLite's write-ahead log beside it)."""
    import textual.constants

    config = write(tmp_path / "feeds.toml", "[settings]\nrefresh_minutes = 0\n")
    # As `TEXTUAL_DRIVER=...` in the environment would: Textual cannot make the app.
    monkeypatch.setattr(textual.constants, "DRIVER", "no_such_driver_module:Driver")
    with pytest.raises(ModuleNotFoundError) as failure:
        main(["--config", str(config), "--cache-dir", str(tmp_path / "cache")])
    assert failure.traceback  # keeps the frames, and any cache they hold, alive
    assert (tmp_path / "cache" / "byline.db").exists()
    assert not (tmp_path / "cache" / "byline.db-wal").exists()


def test_every_subcommand_takes_the_global_options_after_it() -> None:
    """`byline opml export --config X` as `byline --config X opml export`: found by walking the
    subcommands through the parser's own record of them, not argparse's private attributes."""
    from tui.cli.main import CommandParser, build_parser

    def walk(parser: CommandParser, path: tuple[str, ...]):  # type: ignore[no-untyped-def]
        for group in parser.subcommand_groups:
            for name, sub in group.choices.items():
                yield (*path, name), sub
                yield from walk(sub, (*path, name))

    found = dict(walk(build_parser(), ()))
    assert {("articles",), ("feeds",), ("feeds", "add"), ("opml", "export")} <= set(found)
    for path, sub in found.items():
        assert isinstance(sub, CommandParser), path
        help_text = sub.format_help()
        assert "--config" in help_text and "--cache-dir" in help_text, path
