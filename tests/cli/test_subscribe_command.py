"""Subscription commands end to end: OPML and newsboat imports, feeds add/remove/rename/tag."""

from __future__ import annotations

from pathlib import Path

from conftest import shared_path
from feedserver import FeedServer, rss

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
                 "--tag", "tech", "--tag", "world", "--no-check"]) == 0
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


def test_feeds_add_checks_the_url_as_the_reader_does(tmp_path: Path, capsys) -> None:
    """A 404, a page without feeds and a page with feeds are refused in one line each (the
    page's feeds listed); a feed is saved under its own title; --no-check saves unchecked."""
    path = config_file(tmp_path)
    args = ["--config", str(path), "feeds", "add"]
    with FeedServer() as server:
        missing = server.url("/gone")
        plain = server.add("/plain", content_type="text/html",
                           body=b"<html><head><title>Hi</title></head><body>hi</body></html>")
        site = server.add("/site/", content_type="text/html", body=(
            '<html><head><link rel="alternate" type="application/rss+xml" title="News" '
            'href="rss.xml"><link rel="alternate" type="application/atom+xml" title="Sport" '
            'href="/sport.atom"></head><body>Welcome</body></html>').encode())
        feed = server.add("/site/rss.xml", body=rss("Site News", [
            {"title": "Hello", "guid": "h1", "link": "http://example.org/h1"}]))
        for url, reason in ((missing, "HTTP 404"), (plain, "links to no feed")):
            assert main([*args, url]) == 1
            captured = capsys.readouterr()
            assert captured.err.count("\n") == 1 and captured.out == ""
            assert captured.err.startswith(f"byline: {url}: not saved: ") and reason in captured.err
        assert main([*args, site]) == 1
        captured = capsys.readouterr()
        assert captured.err.count("\n") == 1 and "web page" in captured.err
        assert captured.out.splitlines() == [f"{feed}  News", f"{server.url('/sport.atom')}  Sport"]
        assert path.read_text(encoding="utf-8") == CONFIG
        assert server.requests["/site/rss.xml"] == 0  # listed, not fetched
        assert main([*args, feed, "--tag", "local"]) == 0
        assert main([*args, missing, "--no-check"]) == 0
        assert server.requests["/gone"] == 1  # --no-check fetched nothing
    capsys.readouterr()
    assert [(f.name, f.url, f.tags) for f in load_config(path).feeds][1:] == [
        ("Site News", feed, ("local",)), ("127.0.0.1", missing, ())]


def test_feeds_add_checks_a_local_path_beside_the_config(tmp_path: Path, capsys) -> None:
    path = config_file(tmp_path)
    (tmp_path / "feeds").mkdir()
    (tmp_path / "feeds" / "mine.xml").write_bytes(rss("Mine", [
        {"title": "Local", "guid": "l1", "link": "http://example.org/l1"}]))
    args = ["--config", str(path), "feeds", "add"]
    assert main([*args, "feeds/nothere.xml"]) == 1
    assert "no such file" in capsys.readouterr().err
    assert main([*args, "feeds/mine.xml"]) == 0
    assert "added Mine" in capsys.readouterr().out
    assert load_config(path).feeds[-1].url == (tmp_path / "feeds" / "mine.xml").as_uri()
    # A duplicate is refused before anything is fetched.
    assert main([*args, "https://first.example/rss"]) == 1
    assert "already subscribed" in capsys.readouterr().err


def test_opml_round_trip_through_the_cli(tmp_path: Path, capsys) -> None:
    path = config_file(tmp_path)
    args = ["--config", str(path)]
    assert main([*args, "feeds", "add", "https://b.example/x", "--tag", "a", "--tag", "b c",
                 "--no-check"]) == 0
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
