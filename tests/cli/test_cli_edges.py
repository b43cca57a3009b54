"""Edges of the command line (issue 23, item 9): an unknown story is an error, not an empty
answer, and a count that cannot be meant (--limit -5) is refused by the parser."""

from __future__ import annotations

from pathlib import Path

import pytest
from feedserver import rss

from tui.cli.main import main


@pytest.fixture
def config(tmp_path: Path) -> Path:
    (tmp_path / "daily.xml").write_text(rss("Daily", [
        {"title": "Only item", "link": "page.html", "guid": "d1",
         "description": "“We will not give up,” Defence Minister Aram Petrosyan said."}]).decode(),
        encoding="utf-8")
    path = tmp_path / "feeds.toml"
    path.write_text('[[feeds]]\nname = "Daily"\nurl = "daily.xml"\n', encoding="utf-8")
    assert main(["--config", str(path), "fetch", "--no-fulltext", "-q"]) == 0
    return path


def test_quotes_of_an_unknown_story_is_an_error_as_story_says(config: Path, capsys) -> None:
    capsys.readouterr()
    assert main(["--config", str(config), "quotes", "--story", "99999"]) == 1
    out, err = capsys.readouterr()
    assert out == "" and err == "byline: no story 99999 (see `byline stories`)\n"
    assert main(["--config", str(config), "story", "99999"]) == 1  # the same words, the same code
    assert capsys.readouterr().err == err
    assert main(["--config", str(config), "quotes"]) == 0  # without --story: as before
    assert "Aram Petrosyan (said)" in capsys.readouterr().out


@pytest.mark.parametrize(("args", "words"), [
    (["quotes", "--limit", "-5"], "argument --limit: must be 0 (all) or more, not -5"),
    (["articles", "--limit", "-1"], "argument --limit: must be 0 (all) or more, not -1"),
    (["search", "x", "--limit", "ten"], "argument --limit: must be a whole number, not 'ten'"),
    (["prune", "--days", "0"], "argument --days: must be 1 or more, not 0"),
    (["stories", "--min-outlets", "-2"], "argument --min-outlets: must be 1 or more, not -2"),
])
def test_a_count_that_cannot_be_meant_is_refused(config: Path, capsys, args: list[str],
                                                 words: str) -> None:
    capsys.readouterr()
    with pytest.raises(SystemExit) as exited:
        main(["--config", str(config), *args])
    assert exited.value.code == 2
    err = capsys.readouterr().err
    assert words in err and err.strip().splitlines()[-1].startswith("byline")


def test_limit_0_still_means_all(config: Path, capsys) -> None:
    capsys.readouterr()
    assert main(["--config", str(config), "articles", "--limit", "0"]) == 0
    assert "Only item" in capsys.readouterr().out
