"""Options shared by several subcommands, and the parsing of their values."""

from __future__ import annotations

import argparse
from datetime import UTC, date, datetime, time, timedelta


def add_show_muted(parser: argparse.ArgumentParser) -> None:
    """The --show-muted flag of every command that lists articles or quotes."""
    parser.add_argument("--show-muted", action="store_true",
                        help="include articles hidden by [[mute]] rules")


def add_limit(parser: argparse.ArgumentParser, noun: str, default: int) -> None:
    """--limit N of every listing command; 0 lists everything (a cut list says so on stderr)."""
    parser.add_argument("--limit", type=count_or_all, default=default, metavar="N",
                        help=f"at most N {noun} (default {default}; 0 for all)")


def count_or_all(value: str) -> int:
    """--limit: a whole number, 0 meaning all; a negative one is refused, not read as all."""
    number = _whole_number(value)
    if number < 0:
        raise argparse.ArgumentTypeError(f"must be 0 (all) or more, not {value}")
    return number


def positive_int(value: str) -> int:
    """A count that must be 1 or more (--days, --min-outlets)."""
    number = _whole_number(value)
    if number < 1:
        raise argparse.ArgumentTypeError(f"must be 1 or more, not {value}")
    return number


def _whole_number(value: str) -> int:
    try:
        return int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"must be a whole number, not {value!r}") from None


def since_date(value: str) -> datetime:
    """--since: a UTC day (2026-11-24) or a span back from now (12h, 7d, 2w), as the query
    language's after: reads it."""
    from tui.core.query import parse_when

    try:
        when = parse_when(value)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None
    if isinstance(when, date):
        return datetime.combine(when, time(), tzinfo=UTC)
    return datetime.now(UTC) - timedelta(hours=when)
