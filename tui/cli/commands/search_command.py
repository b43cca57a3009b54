"""`byline search QUERY`: full-text search over the cache, best first, with snippets."""

from __future__ import annotations

import argparse
from typing import Any

from tui.cli.options import add_limit, add_show_muted
from tui.config import Config


def register(commands: Any) -> None:
    parser = commands.add_parser("search", help="search cached articles",
                                 description="Search titles and text of every cached article "
                                             '(words are ANDed; "quoted phrases" match exactly).')
    parser.add_argument("query", nargs="+", metavar="QUERY")
    parser.add_argument("--json", action="store_true", help="print JSON")
    add_limit(parser, "results", 20)
    add_show_muted(parser)
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace, config: Config) -> int:
    from tui.cli.common import note_limit, open_cache, print_json
    from tui.core.store import HIT_END, HIT_START, plain

    store, _ = open_cache(config)
    try:
        hits = store.search(" ".join(args.query), limit=args.limit or -1)
        if args.limit > 0:
            note_limit(len(hits), None, "results", args.limit)
        if args.json:
            print_json([{"id": h.article_id, "feed": h.feed_name, "title": h.title,
                         "time": h.time.isoformat(), "snippet": plain(h.snippet)} for h in hits])
            return 0
        for hit in hits:
            snippet = hit.snippet.replace(HIT_START, "*").replace(HIT_END, "*")
            print(f"{hit.time:%Y-%m-%d}  {hit.feed_name}: {hit.title}\n    {snippet}")
        if not hits:
            print("no results")
    finally:
        store.close()
    return 0
