"""What every subcommand shares: exit codes, opening the cache, printing JSON."""

from __future__ import annotations

import json
import sys
from typing import TYPE_CHECKING, TextIO

if TYPE_CHECKING:
    from tui.config import Config
    from tui.core.store import Store

EXIT_OK = 0
EXIT_FAILURE = 1
EXIT_USAGE = 2


class StoreFailure(Exception):
    """The cache could not be opened; shown as one line."""


def open_cache(config: Config, out: TextIO | None = None) -> tuple[Store, str | None]:
    """Open the cache, printing a line if a damaged one was set aside; the config's mutes hide
    their articles from every list unless --show-muted was given. A cache older than the names
    of people it shows (tui/core/quotes/people.py) has them filled here, once."""
    from tui.core.quotes.people import backfill_names
    from tui.core.store import StoreError, open_store

    try:
        store, message = open_store(config.db_path)
        backfill_names(store)
    except StoreError as exc:
        raise StoreFailure(str(exc)) from exc
    store.set_mutes([mute.query for mute in config.mutes])
    store.show_muted = config.show_muted
    if message:
        print(f"byline: {message}", file=out or sys.stderr)
    return store, message


def print_json(data: object, out: TextIO | None = None) -> None:
    stream = out or sys.stdout
    json.dump(data, stream, ensure_ascii=False, indent=2, default=str)
    stream.write("\n")


def note_limit(shown: int, total: int | None, noun: str, limit: int) -> None:
    """Say on standard error when a list was cut by its default limit, so nobody mistakes the
    first page for all there is."""
    if shown < limit:
        return
    if total is None:
        print(f"byline: showing the first {shown} {noun}; --limit N for more (0 for all)",
              file=sys.stderr)
    elif total > shown:
        print(f"byline: {shown:,} of {total:,} {noun}; --limit N for more (0 for all)",
              file=sys.stderr)
