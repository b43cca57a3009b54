"""One vocabulary on the command line (issue 23, item 8): counts in words agree with their number
(`counted`), and quotes are named by kind as the app names them (said, in part, reported)."""

from __future__ import annotations

from pathlib import Path

from feedserver import rss

from tui.cli.main import main


def one_item_feed(tmp_path: Path) -> Path:
    (tmp_path / "gizmo.xml").write_text(rss("Gizmo", [
        {"title": "Only item", "link": "page.html", "guid": "g1"}]).decode(), encoding="utf-8")
    config = tmp_path / "feeds.toml"
    config.write_text('[[feeds]]\nname = "Gizmo"\nurl = "gizmo.xml"\n', encoding="utf-8")
    return config


def test_feeds_and_prune_say_one_in_the_singular(tmp_path: Path, capsys) -> None:
    config = one_item_feed(tmp_path)
    assert main(["--config", str(config), "fetch", "--no-fulltext", "-q"]) == 0
    capsys.readouterr()
    assert main(["--config", str(config), "feeds"]) == 0
    [line] = capsys.readouterr().out.splitlines()
    assert line.startswith("Gizmo") and " 1 article " in line and "articles" not in line
    assert main(["--config", str(config), "prune", "--days", "1"]) == 0
    out = capsys.readouterr().out
    assert "older than 1 day (starred kept)" in out and "days" not in out
    assert main(["--config", str(config), "prune", "--days", "30"]) == 0
    assert "older than 30 days" in capsys.readouterr().out


def test_extract_names_quotes_in_the_app_s_words(tmp_path: Path, capsys) -> None:
    source = tmp_path / "article.txt"
    source.write_text("“We will not give up,” Defence Minister Aram Petrosyan said on Monday.\n"
                      "He said that talks would resume next week after the holiday.\n",
                      encoding="utf-8")
    assert main(["extract", str(source)]) == 0
    out = capsys.readouterr().out
    assert "  Aram Petrosyan (said): “We will not give up”" in out
    assert "[direct]" not in out and "[indirect]" not in out
