"""`byline articles`: list cached articles (of a feed, or a [[watch]] list), as text or JSON."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from tui.cli.options import add_limit, add_show_muted
from tui.config import Config


def register(commands: Any) -> None:
    parser = commands.add_parser("articles", help="list cached articles",
                                 description="List cached articles, newest first.")
    parser.add_argument("--json", action="store_true", help="print JSON")
    parser.add_argument("--feed", metavar="NAME", help="only this feed (name or URL)")
    parser.add_argument("--watch", metavar="NAME",
                        help="only the articles of this watchlist (a [[watch]] in feeds.toml)")
    parser.add_argument("--unread", action="store_true", help="only unread articles")
    parser.add_argument("--starred", action="store_true", help="only starred articles")
    add_limit(parser, "articles", 50)
    add_show_muted(parser)
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace, config: Config) -> int:
    from tui.cli.common import note_limit, open_cache, print_json
    from tui.core.store import ArticleFilter
    from tui.core.text import one_line

    watch = None
    if args.watch:
        watch = config.watch(args.watch)
        if watch is None:
            known = ", ".join(repr(w.name) for w in config.watches) or "none in the config"
            print(f"byline: no watchlist named {args.watch!r} (watchlists: {known})",
                  file=sys.stderr)
            return 1
    store, _ = open_cache(config)
    try:
        feed_id = None
        if args.feed:
            matches = [f for f in store.feeds(include_unsubscribed=True)
                       if args.feed.casefold() in (f.name.casefold(), f.url.casefold())]
            if not matches:
                print(f"byline: no feed named {args.feed!r}", file=sys.stderr)
                return 1
            feed_id = matches[0].id
        flt = ArticleFilter(feed_id=feed_id, unread_only=args.unread, starred_only=args.starred,
                            query=watch.query if watch else None)
        rows = store.article_rows(flt, limit=args.limit if args.limit > 0 else -1)
        if args.limit > 0:
            note_limit(len(rows), store.count_articles(flt), "articles", args.limit)
        if args.json:
            articles = [store.article(r.id) for r in rows]
            print_json([_article_json(a) for a in articles if a is not None])
        else:
            for row in rows:
                mark = "N" if not row.read else " "
                star = "*" if row.starred else " "
                print(f"{mark}{star} {row.time:%Y-%m-%d %H:%M}  {one_line(row.feed_name)[:20]:<20}"
                      f"  {one_line(row.title)}")
            hidden = 0 if config.show_muted else store.hidden_count()
            if hidden:
                print(f"byline: {hidden} muted article{'s' if hidden != 1 else ''} not shown "
                      "(--show-muted shows them)", file=sys.stderr)
    finally:
        store.close()
    return 0


def _article_json(article: Any) -> dict[str, Any]:
    return {
        "id": article.id, "feed": article.feed_name, "guid": article.guid, "url": article.url,
        "title": article.title, "author": article.author,
        "published": article.published.isoformat() if article.published else None,
        "fetched": article.fetched.isoformat(), "read": article.read, "starred": article.starred,
        "origin": article.origin,
        "text_status": article.text_status.value, "text_note": article.text_note,
        "summary": article.summary, "text": article.body,
    }
