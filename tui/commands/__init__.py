"""CLI subcommands, one module each; each exposes register(subparsers)."""

from __future__ import annotations

from tui.commands import articles, extract, feeds, fetch, prune, search, subscribe

ALL = (fetch, articles, feeds, search, extract, prune, subscribe)
