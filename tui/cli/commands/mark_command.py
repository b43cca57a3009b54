"""`byline mark read|unread|star|unstar ID...`: change articles from the shell (the ids of
`byline articles --json`); a synced article's change is queued for the next sync."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from tui.config import Config

ACTIONS = {"read": ("read", True), "unread": ("read", False), "star": ("starred", True),
           "unstar": ("starred", False)}


def register(commands: Any) -> None:
    parser = commands.add_parser(
        "mark", help="mark articles read, unread, starred or unstarred",
        description="Mark articles (ids from `byline articles --json`). Changes to synced "
                    "articles are queued and sent by the next `byline sync` (or fetch, or r).")
    parser.add_argument("action", choices=list(ACTIONS))
    parser.add_argument("ids", metavar="ID", nargs="+", type=_article_id)
    parser.set_defaults(handler=run)


def _article_id(text: str) -> int:
    if not text.isdigit():
        raise argparse.ArgumentTypeError(f"not an article id: {text!r}")
    return int(text)


def run(args: argparse.Namespace, config: Config) -> int:
    from tui.cli.common import EXIT_FAILURE, EXIT_OK, open_cache
    from tui.core.text import counted

    field, value = ACTIONS[args.action]
    ids = list(dict.fromkeys(args.ids))
    store, _ = open_cache(config)
    try:
        flags = store.article_flags(ids)
        missing = sorted(set(ids) - {f.id for f in flags})
        if missing:
            print(f"byline: no article with id {', '.join(map(str, missing))} (nothing changed)",
                  file=sys.stderr)
            return EXIT_FAILURE
        changing = [f.id for f in flags if (f.read if field == "read" else f.starred) != value]
        if field == "read":
            store.set_read(changing, value)
        else:
            for article_id in changing:
                store.set_starred(article_id, value)
        queued = store.queued_count()
    finally:
        store.close()
    words = {"read": "marked read", "unread": "marked unread", "star": "starred",
             "unstar": "unstarred"}[args.action]
    line = f"{counted(len(changing), 'article')} {words}"
    if len(changing) < len(ids):
        line += f" ({len(ids) - len(changing)} already were)"
    if queued:
        line += f"; {counted(queued, 'change')} queued for the next sync"
    print(line)
    return EXIT_OK
