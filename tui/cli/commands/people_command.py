"""`byline people`: the people you follow (with their new quotes); follow and unfollow by name."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from tui.cli.options import add_show_muted
from tui.config import Config


def register(commands: Any) -> None:
    parser = commands.add_parser(
        "people", help="people you follow, and their new quotes",
        description="List followed people with their quotes and how many are new; "
                    "`byline people follow NAME` follows a speaker by any form of their name "
                    "(following Trump follows Donald Trump, when articles name only him so). Their "
                    "quotes: `byline quotes --speaker NAME`.")
    parser.add_argument("action", nargs="?", choices=("list", "follow", "unfollow"),
                        default="list")
    parser.add_argument("name", nargs="*", metavar="NAME")
    parser.add_argument("--json", action="store_true", help="print JSON")
    add_show_muted(parser)
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace, config: Config) -> int:
    from tui.cli.common import open_cache, print_json
    from tui.core.text import counted, one_line

    name = " ".join(" ".join(args.name).split())
    if args.action != "list" and not name:
        print(f"byline: `people {args.action}` needs a NAME", file=sys.stderr)
        return 2
    store, _ = open_cache(config)
    try:
        if args.action == "follow":
            shown = store.shown_name(name)
            known = shown in store.quote_speakers()
            changed = store.follow_person(name)
            # a short form follows the one name articles give it ("Thurman" -> "Uma Thurman")
            also = f" (as {one_line(shown)})" if shown != name else ""
            print(f"{'following' if changed else 'already following'} {one_line(name)}{also}"
                  + ("" if known else " (no quotes by that name yet)"))
            return 0
        if args.action == "unfollow":
            if not store.unfollow_person(name):
                print(f"byline: you do not follow {name!r}", file=sys.stderr)
                return 1
            print(f"unfollowed {one_line(name)}")
            return 0
        people = store.followed_people()
        aliases = {p.name: store.aliases_of(p.name) for p in people}
    finally:
        store.close()
    if args.json:
        print_json([{"name": p.name, "aliases": aliases[p.name], "quotes": p.quotes, "new_quotes": p.new_quotes,
                     "followed_at": p.followed_at.isoformat(), "seen_at": p.seen_at.isoformat()}
                    for p in people])
        return 0
    for person in people:
        also = f"  also {', '.join(aliases[person.name][:4])}" if aliases[person.name] else ""
        print(f"{one_line(person.name)[:40]:<40} {counted(person.quotes, 'quote'):>11} "
              f"{person.new_quotes:>4} new{also}")
    if not people:
        print("you follow nobody yet (byline people follow NAME, or f on a person in the reader)")
    return 0
