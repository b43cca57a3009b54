"""Subscription commands end to end: OPML and newsboat imports, feeds add/remove/rename/tag."""

from __future__ import annotations

from pathlib import Path

from conftest import shared_path

from tui.cli.main import main
from tui.config import load_config

CONFIG = """# my feeds, hand-written
[settings]
refresh_minutes = 15   # keep this comment

[[feeds]]
name = "First"
url = "https://first.example/rss"
tags = ["news"]
"""


def config_file(tmp_path: Path) -> Path:
    path = tmp_path / "feeds.toml"
    path.write_text(CONFIG, encoding="utf-8")
    return path


def test_add_rename_tag_remove_keep_comments(tmp_path: Path, capsys) -> None:
    path = config_file(tmp_path)
    args = ["--config", str(path), "feeds"]
    assert main([*args, "add", "https://second.example/feed", "--name", "Second",
                 "--tag", "tech", "--tag", "world"]) == 0
    assert main([*args, "rename", "Second", "Deuxième"]) == 0
    assert main([*args, "tag", "Deuxième", "tech"]) == 0
    config = load_config(path)
    assert [(f.name, f.tags) for f in config.feeds] == [("First", ("news",)),
                                                        ("Deuxième", ("tech",))]
    text = path.read_text(encoding="utf-8")
    assert text.startswith("# my feeds, hand-written\n")
    assert "refresh_minutes = 15   # keep this comment" in text
    assert main([*args, "remove", "https://second.example/feed"]) == 0
    assert path.read_text(encoding="utf-8").rstrip("\n") == CONFIG.rstrip("\n")
    capsys.readouterr()


def test_invalid_input_changes_nothing(tmp_path: Path, capsys) -> None:
    path = config_file(tmp_path)
    args = ["--config", str(path)]
    assert main([*args, "feeds", "add", "javascript:alert(1)"]) == 1
    assert main([*args, "feeds", "add", "https://first.example/rss"]) == 1
    assert main([*args, "feeds", "remove", "Nobody"]) == 1
    not_opml = tmp_path / "not.opml"
    not_opml.write_text("<html><body>hello</body></html>", encoding="utf-8")
    assert main([*args, "opml", "import", str(not_opml)]) == 1
    err = capsys.readouterr().err
    assert err.count("byline:") == 4
    assert path.read_text(encoding="utf-8") == CONFIG


def test_opml_round_trip_through_the_cli(tmp_path: Path, capsys) -> None:
    path = config_file(tmp_path)
    args = ["--config", str(path)]
    assert main([*args, "feeds", "add", "https://b.example/x", "--tag", "a", "--tag", "b c"]) == 0
    exported = tmp_path / "out.opml"
    assert main([*args, "opml", "export", str(exported)]) == 0
    other = tmp_path / "other" / "feeds.toml"
    assert main(["--config", str(other), "opml", "import", str(exported)]) == 2  # no such file
    other.parent.mkdir()
    other.write_text("", encoding="utf-8")
    assert main(["--config", str(other), "opml", "import", str(exported)]) == 0
    original = {(f.name, f.url, f.tags) for f in load_config(path).feeds}
    assert {(f.name, f.url, f.tags) for f in load_config(other).feeds} == original
    capsys.readouterr()


def test_import_newsboat_urls(tmp_path: Path, capsys) -> None:
    path = config_file(tmp_path)
    urls = tmp_path / "urls"
    urls.write_text('# comment\nhttps://n.example/rss tech "long tag" ~Newsy\n'
                    '"query:Unread:unread = \\"yes\\""\nhttps://m.example/atom\n',
                    encoding="utf-8")
    assert main(["--config", str(path), "import-newsboat", str(urls)]) == 0
    feeds = {f.url: f for f in load_config(path).feeds}
    assert feeds["https://n.example/rss"].name == "Newsy"
    assert feeds["https://n.example/rss"].tags == ("tech", "long tag")
    assert "https://m.example/atom" in feeds
    capsys.readouterr()


def test_import_opml_from_other_readers(tmp_path: Path, capsys) -> None:
    example = shared_path("data", "feeds", "newsboat-test-data", "example.opml")
    path = tmp_path / "feeds.toml"
    path.write_text("", encoding="utf-8")
    assert main(["--config", str(path), "opml", "import", str(example)]) == 0
    assert len(load_config(path).feeds) >= 1
    capsys.readouterr()
