"""`byline feeds`: per-feed health (last success, last error, article count); edits via actions."""

from __future__ import annotations

import argparse
from typing import Any

from tui.cli.options import add_show_muted
from tui.config import Config


def register(commands: Any) -> None:
    parser = commands.add_parser("feeds", help="show feed health",
                                 description="Show every subscribed feed with its health.")
    parser.add_argument("--json", action="store_true", help="print JSON")
    add_show_muted(parser)
    parser.set_defaults(handler=run)
    from tui.cli.commands.subscribe_command import register_feed_actions

    register_feed_actions(parser)


def run(args: argparse.Namespace, config: Config) -> int:
    from tui.cli.common import open_cache, print_json
    from tui.core.text import counted, one_line

    store, _ = open_cache(config)
    try:
        if config.feeds:
            store.sync_feeds((f.url, f.name, f.tags) for f in config.feeds)
        feeds = store.feeds()
    finally:
        store.close()
    if args.json:
        print_json([
            {"name": f.name, "url": f.url, "tags": list(f.tags), "title": f.title,
             "articles": f.article_count, "unread": f.unread_count,
             "last_checked": _iso(f.last_checked), "last_success": _iso(f.last_success),
             "status": f.status, "last_outcome": f.last_outcome, "last_error": f.last_error,
             "last_warning": f.last_warning, "origin": f.origin}
            for f in feeds
        ])
        return 0
    for f in feeds:
        health = f"ERROR {one_line(f.last_error)}" if f.last_error else (
            f"WARNING {one_line(f.last_warning)}" if f.last_warning else
            f"ok {f.last_success:%Y-%m-%d %H:%M}" if f.last_success else "never fetched")
        print(f"{one_line(f.name)[:28]:<28} {counted(f.article_count, 'article'):>15} "
              f"{f.unread_count:>5} unread  {health}")
    return 0


def _iso(value: Any) -> str | None:
    return value.isoformat() if value else None
