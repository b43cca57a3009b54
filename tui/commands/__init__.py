"""CLI subcommands, one module each; each exposes register(subparsers)."""

from __future__ import annotations

from tui.commands import (
    articles,
    extract,
    feeds,
    fetch,
    prune,
    quotes,
    search,
    stories,
    subscribe,
)

ALL = (fetch, articles, feeds, stories, search, quotes, extract, prune, subscribe)
