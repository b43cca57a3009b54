"""`byline quotes [QUERY]`: search every stored quote by its words, speaker, date or story; print
them or export them as CSV, Markdown or JSON."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from tui.cli.options import add_limit, add_show_muted, since_date
from tui.config import Config


def register(commands: Any) -> None:
    parser = commands.add_parser("quotes", help="search quotes (who said what)",
                                 description="Search every stored quote by its words or the "
                                             "speaker's name; typos are tolerated. With no "
                                             "words, the newest quotes first.")
    parser.add_argument("query", nargs="*", metavar="QUERY")
    parser.add_argument("--speaker", metavar="NAME", help="only quotes by this speaker")
    parser.add_argument("--since", metavar="DATE", type=since_date,
                        help="only quotes in articles of this UTC day or later (2026-11-24), "
                             "or of a span back from now (12h, 7d, 2w)")
    parser.add_argument("--story", metavar="ID", type=int,
                        help="only quotes in this story (ids: `byline stories --json`)")
    parser.add_argument("--format", choices=("text", "csv", "md", "json"), default="text",
                        help="text (default), or an export: csv, md or json, each row with "
                             "speaker, kind, quote, outlet, date, link")
    parser.add_argument("--json", action="store_true",
                        help="print every stored field as JSON (for scripts)")
    add_limit(parser, "quotes", 30)
    add_show_muted(parser)
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace, config: Config) -> int:
    from tui.cli.common import EXIT_FAILURE, note_limit, open_cache, print_json
    from tui.core.quotes.lookup import QuoteIndex
    from tui.core.share.export import export_quotes
    from tui.core.text import labelled, one_line

    store, _ = open_cache(config)
    try:
        if args.story is not None and store.story(args.story) is None:
            # As `byline story` says it: an unknown story is a mistake, not a story without quotes.
            print(f"byline: no story {args.story} (see `byline stories`)", file=sys.stderr)
            return EXIT_FAILURE
        index = QuoteIndex(store)
        query = " ".join(args.query)
        narrow = {"since": int(args.since.timestamp()) if args.since else None,
                  "story_id": args.story}
        hits = index.search(query, speaker=args.speaker, limit=args.limit or -1, **narrow)
        if args.limit > 0:
            note_limit(len(hits), index.count(query, speaker=args.speaker, **narrow), "quotes",
                       args.limit)
    finally:
        store.close()
    if args.json:
        print_json([{"speaker": h.speaker, "text": h.text, "kind": h.kind, "feed": h.feed_name,
                     "title": h.title, "url": h.url, "published": h.time.isoformat(),
                     "article_id": h.article_id, "start": h.start, "end": h.end} for h in hits])
        return 0
    if args.format != "text":
        sys.stdout.write(export_quotes(hits, args.format))
        return 0
    for hit in hits:
        print(f"{labelled(hit.speaker, hit.text, hit.kind)}\n"
              f"    {one_line(hit.feed_name)}, {hit.time:%Y-%m-%d} — {one_line(hit.title)}")
    if not hits:
        print("no quotes found")
    return 0
