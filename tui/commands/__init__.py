"""CLI subcommands, one module each; each exposes register(subparsers)."""

from __future__ import annotations

from tui.commands import articles, feeds, fetch, prune, search, subscribe

ALL = (fetch, articles, feeds, search, prune, subscribe)
