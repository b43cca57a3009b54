"""After `byline fetch`: print what the refresh brought to followed stories, people and
watchlists, and run the notify_command with it."""

from __future__ import annotations

import sys
from typing import TextIO

from tui.config import Config
from tui.core.news import NewsMark, collect_news, describe_item, run_notify_command
from tui.core.store import Store


def report_news(store: Store, mark: NewsMark, config: Config, out: TextIO,
                quiet: bool = False) -> int:
    """Print one line per item (unless quiet) and notify; returns how many items had news."""
    from tui.core.text import one_line

    items = collect_news(store, mark, config.watches)
    if not quiet:
        for item in items:
            print(f"news  {one_line(describe_item(item))}", file=out)
    problem = run_notify_command(config.settings.notify_command, items)
    if problem:
        print(f"byline: {one_line(problem)}", file=sys.stderr)
    return len(items)
