"""`byline stories` (stories in the cache) and `byline cluster FILE.jsonl` (offline grouping)."""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

from tui.cli.options import add_limit, add_show_muted, positive_int
from tui.config import Config


def register(commands: Any) -> None:
    parser = commands.add_parser("stories", help="list stories across outlets",
                                 description="Stories: articles from different outlets grouped "
                                             "together, followed first, then newest and widest.")
    parser.add_argument("--json", action="store_true", help="print JSON")
    parser.add_argument("--min-outlets", type=positive_int, default=1, metavar="N",
                        help="only stories covered by at least N outlets")
    add_limit(parser, "stories", 100)
    add_show_muted(parser)
    parser.set_defaults(handler=run_stories)

    cluster = commands.add_parser(
        "cluster", help="group a JSON Lines file of articles into stories (offline)",
        description='Group the lines {"id", "title"} (optional "text", "published", "outlet") '
                    'of FILE with the same engine as the app; prints [{"id", "story"}] in '
                    "input order.")
    cluster.add_argument("file", metavar="FILE.jsonl")
    cluster.add_argument("--json", action="store_true", help="print JSON (the default)")
    cluster.add_argument("--window", default="72", metavar="HOURS|none",
                         help="story window in hours, or none (default 72)")
    cluster.set_defaults(handler=run_cluster, needs_keymap_check=False)


def run_stories(args: argparse.Namespace, config: Config) -> int:
    from tui.cli.commands.story_command import joined
    from tui.cli.common import note_limit, open_cache, print_json
    from tui.core.text import counted, one_line

    store, _ = open_cache(config)
    try:
        found = store.stories(min_outlets=args.min_outlets, limit=args.limit or -1)
        if args.limit > 0:
            note_limit(len(found), None, "stories", args.limit)
        records: list[dict[str, Any]] = []
        for item in found:
            articles = store.story_articles(item.id)
            why = store.story_memberships(item.id)
            records.append({
                "id": item.id, "headline": item.headline,
                "outlets": sorted({a.outlet for a in articles}), "outlet_count": item.outlet_count,
                "first": item.first_seen.isoformat(), "last": item.last_updated.isoformat(),
                "first_seen": item.first_seen.isoformat(),
                "last_updated": item.last_updated.isoformat(), "followed": item.followed,
                "articles": [
                    {"id": a.article_id, "url": a.url, "feed": a.outlet, "title": a.title,
                     "published": a.time.isoformat(), "joined": joined(store, a.article_id, why.get(a.article_id))}
                    for a in articles],
            })
    finally:
        store.close()
    if args.json:
        print_json(records)
        return 0
    for record in records:
        star = "★ " if record["followed"] else ""
        print(f"{star}{one_line(record['headline'])}  [{counted(len(record['outlets']), 'outlet')}, "
              f"{counted(len(record['articles']), 'article')}]")
        for article in record["articles"]:
            print(f"    {article['published'][:16]}  {one_line(article['feed'])}: "
                  f"{one_line(article['title'])}")
    return 0


def run_cluster(args: argparse.Namespace, config: Config) -> int:
    from tui.core.stories.engine import cluster_records

    window = None if args.window.strip().lower() == "none" else float(args.window)
    records = []
    try:
        with open(args.file, encoding="utf-8") as handle:
            for number, line in enumerate(handle, start=1):
                if line.strip():
                    record = json.loads(line)
                    if not isinstance(record, dict) or "id" not in record or "title" not in record:
                        raise ValueError(f"line {number}: needs an object with id and title")
                    records.append(record)
    except (OSError, ValueError) as exc:
        print(f"byline: {args.file}: {exc}", file=sys.stderr)
        return 1
    json.dump(cluster_records(records, window), sys.stdout, ensure_ascii=False)
    sys.stdout.write("\n")
    return 0
