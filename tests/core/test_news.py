"""News for followers said in words, and notify_command run with them as arguments (no shell)."""

from __future__ import annotations

import json
import shlex
import sys
from pathlib import Path

from tui.core.models import NewsItem
from tui.core.news import describe_item, news_message, notify_argv, run_notify_command

STORY = NewsItem("story", "Armenia skips CSTO summit", 2, ("a", "b"), 7)
PERSON = NewsItem("person", "Anna Karapetyan", 1, ("c",))
WATCH = NewsItem("watch", "CSTO", 1, ("a",))
SCRIPT = "import json, sys; open(sys.argv[1], 'a').write(json.dumps(sys.argv[2:]) + '\\n')"


def test_items_are_said_in_one_line_each() -> None:
    assert describe_item(STORY) == "story “Armenia skips CSTO summit”: 2 new articles"
    assert describe_item(PERSON) == "Anna Karapetyan: 1 new quote"
    assert describe_item(WATCH) == "watchlist “CSTO”: 1 new article"
    assert news_message([WATCH]) == ("Byline: watchlist “CSTO”: 1 new article",
                                     "watchlist “CSTO”: 1 new article")
    summary, body = news_message([STORY, PERSON, WATCH])
    assert summary == "Byline: news in 3 followed stories, people and watchlists"
    assert body.splitlines() == [describe_item(i) for i in (STORY, PERSON, WATCH)]
    assert news_message([]) == ("", "")


def test_notify_command_gets_summary_and_body_as_two_arguments(tmp_path: Path) -> None:
    out = tmp_path / "args.jsonl"
    command = shlex.join([sys.executable, "-c", SCRIPT, str(out)]) + " --app 'By line'"
    assert notify_argv(command, [PERSON]) == [
        sys.executable, "-c", SCRIPT, str(out), "--app", "By line",
        "Byline: Anna Karapetyan: 1 new quote", "Anna Karapetyan: 1 new quote"]
    assert run_notify_command(command, [STORY, PERSON]) is None
    [args] = [json.loads(line) for line in out.read_text().splitlines()]
    assert args == ["--app", "By line", *news_message([STORY, PERSON])]


def test_off_by_default_and_nothing_to_say_runs_nothing(tmp_path: Path) -> None:
    out = tmp_path / "args.jsonl"
    command = shlex.join([sys.executable, "-c", SCRIPT, str(out)])
    assert run_notify_command("", [STORY]) is None
    assert run_notify_command(command, []) is None
    assert not out.exists()


def test_failures_are_one_line() -> None:
    failing = shlex.join([sys.executable, "-c", "import sys; sys.exit('no display\\nat all')"])
    assert run_notify_command(failing, [STORY]) == (
        f"notify_command {sys.executable!r} exited with 1: at all")
    assert run_notify_command("/nonexistent/notify", [STORY]).startswith(  # type: ignore[union-attr]
        "notify_command '/nonexistent/notify' failed")
