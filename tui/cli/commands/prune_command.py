"""`byline prune`: drop old unstarred articles by the retention setting."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from tui.cli.options import positive_int
from tui.config import Config
from tui.core.text import counted


def register(commands: Any) -> None:
    parser = commands.add_parser(
        "prune", help="delete old unstarred articles",
        description="Delete unstarred articles older than retention_days (from [settings]) or "
                    "--days. Starred articles are always kept.")
    parser.add_argument("--days", type=positive_int, metavar="N", help="override retention_days")
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace, config: Config) -> int:
    from tui.cli.common import open_cache

    days = args.days if args.days is not None else config.settings.retention_days
    if days <= 0:
        print("byline: nothing to prune: set retention_days in [settings] or pass --days N",
              file=sys.stderr)
        return 0
    store, _ = open_cache(config)
    try:
        removed = store.prune(days)
        store.checkpoint()
    finally:
        store.close()
    print(f"pruned {counted(removed, 'article')} older than {counted(days, 'day')} (starred kept)")
    return 0
