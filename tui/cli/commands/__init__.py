"""CLI subcommands, one module each; each exposes register(subparsers)."""

from __future__ import annotations

from tui.cli.commands import (
    articles_command,
    extract_command,
    feeds_command,
    fetch_command,
    mark_command,
    people_command,
    prune_command,
    quotes_command,
    search_command,
    stories_command,
    story_command,
    subscribe_command,
    sync_command,
)

ALL = (fetch_command, sync_command, articles_command, mark_command, feeds_command, stories_command,
       story_command, search_command, quotes_command, people_command, extract_command,
       prune_command, subscribe_command)
