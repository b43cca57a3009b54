"""`byline fetch`: sync with the [sync] server first (when there is one), then refresh every feed
headless, with a progress bar and a per-feed summary, then news of followed stories, people and
watchlists (and the notify_command)."""

from __future__ import annotations

import argparse
import sys
import time
from typing import Any, TextIO

from tui.config import Config

EXIT_STATUS = """\
exit status:
  0    every feed answered: new articles, not modified, or backing off as its server asked
  1    some feeds failed, the sync stopped, or the refresh reported an error (each is an
       ERROR line on stdout)
  2    a bad config file or bad arguments
  130  interrupted (Ctrl-C)
"""


def register(commands: Any) -> None:
    parser = commands.add_parser("fetch", help="refresh all feeds without the TUI",
                                 description="Refresh all feeds (and article pages) headless.",
                                 epilog=EXIT_STATUS,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--no-fulltext", action="store_true",
                        help="skip fetching article pages and extracting their text")
    parser.add_argument("--reextract", action="store_true",
                        help="fetch and extract every article's page again")
    parser.add_argument("--force", action="store_true",
                        help="also fetch feeds that asked us to back off (429/503)")
    parser.add_argument("--quiet", "-q", action="store_true", help="print only errors")
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace, config: Config) -> int:
    from tui.cli import STARTED
    from tui.cli.commands.sync_command import print_sync, sync_first
    from tui.cli.common import EXIT_FAILURE, EXIT_OK, open_cache
    from tui.cli.news_report import report_news
    from tui.cli.progress import ProgressBar
    from tui.core.news import mark_news
    from tui.core.refresh import run_refresh

    if not config.feeds and config.sync is None:
        print(f"byline: no feeds configured ({config.path or 'no config file found'})",
              file=sys.stderr)
        return EXIT_OK
    store, _ = open_cache(config)
    synced = None
    try:
        # The whole list: feeds removed from feeds.toml stop being subscribed.
        store.sync_feeds((f.url, f.name, f.tags) for f in config.feeds)
        if args.reextract:
            store.reset_text()
        bar = ProgressBar(sys.stderr) if not args.quiet else None
        mark = mark_news(store)
        if config.sync is not None:
            synced = sync_first(store, config, progress=bar, force=args.force)
            if bar:
                bar.finish()
            print_sync(synced, sys.stdout, quiet=args.quiet, prefix="sync  ")
        refresh_started = time.monotonic()
        summary = run_refresh(
            store, config.feeds, config.settings,
            fulltext=False if args.no_fulltext else None, progress=bar, force=args.force,
            synced=store.synced_feed_ids(),
        )
        if bar:
            bar.finish()
        if "feeds" in summary.phase_seconds:
            summary.listed_at = refresh_started - STARTED + summary.phase_seconds["feeds"]
        summary.done_at = time.monotonic() - STARTED
        print_summary(summary, sys.stdout, quiet=args.quiet)
        report_news(store, mark, config, sys.stdout, quiet=args.quiet)
    finally:
        store.close()
    failed = summary.failed or summary.errors or (synced is not None and synced.error)
    return EXIT_FAILURE if failed else EXIT_OK


def print_summary(summary: Any, out: TextIO, quiet: bool = False) -> None:
    from tui.core.models import Outcome
    from tui.core.text import counted, one_line

    for result in sorted(summary.results, key=lambda r: r.name.casefold()):
        failed = result.outcome.failed
        if quiet and not failed:
            continue
        if result.outcome is Outcome.OK:
            line = f"ok    {result.name}: {result.new_articles} new of {result.entries}"
            if result.warning:
                line += f" (warning: {one_line(result.warning)[:120]})"
        elif result.outcome is Outcome.NOT_MODIFIED:
            line = f"same  {result.name}: not modified"
        elif result.outcome is Outcome.BACKING_OFF:
            line = f"wait  {result.name}: {result.error}"
        else:
            line = f"ERROR {result.name}: {result.outcome.value}: {one_line(result.error or '')}"
        print(line, file=out)
    text = summary.fulltext
    pages = (f"; pages: {text.full} full text, {text.fallback} summary only, {text.failed} failed"
             if text.pages else "")
    analysed = f"; {summary.analysed} analysed" if summary.analysed else ""
    print(
        f"{counted(len(summary.results), 'feed')} in {summary.seconds:.1f}s: "
        f"{counted(summary.new_articles, 'new article')}, "
        f"{summary.count(Outcome.NOT_MODIFIED)} not modified, "
        f"{len(summary.failed)} failed{pages}{analysed}" + (" (cancelled)" if summary.cancelled else ""),
        file=out,
    )
    if summary.phase_seconds and not quiet:
        phases = ", ".join(f"{name} {seconds:.1f}s" for name, seconds in summary.phase_seconds.items())
        if summary.listed_at is not None and summary.done_at is not None:
            # Two figures a reader waits on: every new article listed (the feeds are in), and
            # everything done (actors, quotes, stories), counted from the command's start.
            phases += f"; every article listed at {summary.listed_at:.2f}s, done at {summary.done_at:.2f}s"
        print(f"time: {phases}", file=out)
    for error in summary.errors:
        print(f"ERROR {error}", file=out)
