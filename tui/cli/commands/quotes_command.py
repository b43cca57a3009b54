"""`byline quotes [QUERY]`: search every stored quote by its words or its speaker."""

from __future__ import annotations

import argparse
from typing import Any

from tui.config import Config


def register(commands: Any) -> None:
    parser = commands.add_parser("quotes", help="search quotes (who said what)",
                                 description="Search every stored quote by its words or the "
                                             "speaker's name; typos are tolerated.")
    parser.add_argument("query", nargs="*", metavar="QUERY")
    parser.add_argument("--speaker", metavar="NAME", help="only quotes by this speaker")
    parser.add_argument("--json", action="store_true", help="print JSON")
    parser.add_argument("--limit", type=int, default=30, metavar="N",
                        help="at most N quotes (default 30; 0 for all)")
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace, config: Config) -> int:
    from tui.cli.common import note_limit, open_cache, print_json
    from tui.core.quotes.lookup import QuoteIndex
    from tui.core.text import one_line

    store, _ = open_cache(config)
    try:
        index = QuoteIndex(store)
        query = " ".join(args.query)
        hits = index.search(query, speaker=args.speaker, limit=args.limit or -1)
        if args.limit > 0:
            note_limit(len(hits), index.count(query, speaker=args.speaker), "quotes", args.limit)
    finally:
        store.close()
    if args.json:
        print_json([{"speaker": h.speaker, "text": h.text, "kind": h.kind, "feed": h.feed_name,
                     "title": h.title, "url": h.url, "published": h.time.isoformat(),
                     "article_id": h.article_id, "start": h.start, "end": h.end} for h in hits])
        return 0
    for hit in hits:
        print(f"{one_line(hit.speaker or '(unattributed)')}: “{one_line(hit.text)}”\n"
              f"    {one_line(hit.feed_name)}, {hit.time:%Y-%m-%d} — {one_line(hit.title)}")
    if not hits:
        print("no quotes found")
    return 0
