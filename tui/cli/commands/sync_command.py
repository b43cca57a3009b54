"""`byline sync`: sync with the [sync] server alone (no feed fetching) and say what moved."""

from __future__ import annotations

import argparse
import sys
from typing import Any, TextIO

from tui.config import Config

EXIT_STATUS = """\
exit status:
  0    synced (or nothing to send and nothing new)
  1    the sync stopped (the ERROR line says why); local changes stay queued
  2    no [sync] table, a bad config file, or bad arguments
"""


def register(commands: Any) -> None:
    parser = commands.add_parser(
        "sync", help="sync with the [sync] server (Google Reader API or Miniflux)",
        description="Send queued read/starred changes to the [sync] server, then take its "
                    "subscriptions, new items and read/starred state. Prints what moved.",
        epilog=EXIT_STATUS, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--force", action="store_true",
                        help="try now even if the server asked Byline to wait (429/503)")
    parser.add_argument("--quiet", "-q", action="store_true", help="print only errors")
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace, config: Config) -> int:
    from tui.cli.common import EXIT_FAILURE, EXIT_OK, EXIT_USAGE, open_cache
    from tui.cli.progress import ProgressBar

    if config.sync is None:
        print(f"byline: no [sync] table in {config.path or 'the config (none found)'}; see the "
              "README's Sync section", file=sys.stderr)
        return EXIT_USAGE
    store, _ = open_cache(config)
    try:
        bar = ProgressBar(sys.stderr) if not args.quiet else None
        summary = sync_first(store, config, progress=bar, force=args.force)
        if bar:
            bar.finish()
        print_sync(summary, sys.stdout, quiet=args.quiet)
    finally:
        store.close()
    return EXIT_FAILURE if summary.error else EXIT_OK


def sync_first(store: Any, config: Config, progress: Any = None, force: bool = False) -> Any:
    """One sync with the config's account (feeds.toml's own feeds keep their rows)."""
    from tui.core.sync.engine import run_sync

    assert config.sync is not None
    return run_sync(store, config.sync, config.settings, keep_urls=[f.url for f in config.feeds],
                    progress=progress, force=force)


def print_sync(summary: Any, out: TextIO, quiet: bool = False, prefix: str = "") -> None:
    """The sync's one line ("12 new, 30 marked read, 2 starred; 1 change queued"), and its
    error on a line of its own."""
    if not quiet or summary.error:
        print(f"{prefix}{summary.line()}", file=out)
    if summary.error:
        print(f"ERROR {summary.error}", file=out)
