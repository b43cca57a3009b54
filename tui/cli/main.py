"""Command line: parse arguments, load the config, open the cache, run a subcommand or the TUI."""

from __future__ import annotations

import argparse
import sqlite3
import sys
from collections.abc import Callable, Sequence
from dataclasses import replace
from pathlib import Path
from typing import Any

from tui import __version__
from tui.cli.common import EXIT_FAILURE, EXIT_OK, EXIT_USAGE, StoreFailure, open_cache
from tui.config import Config, ConfigError, find_config, load_config

Handler = Callable[[argparse.Namespace, Config], int]


class CommandParser(argparse.ArgumentParser):
    """An ArgumentParser that keeps the subcommand groups added to it, for walking them
    (argparse keeps them only in private attributes). Subcommands' parsers are of this class
    too: `add_parser` makes them of their group's parser's class."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.subcommand_groups: list[Any] = []

    def add_subparsers(self, **kwargs: Any) -> Any:
        group = super().add_subparsers(**kwargs)
        self.subcommand_groups.append(group)
        return group

    def subcommands(self) -> list[CommandParser]:
        """The parsers of this parser's subcommands, each once (an alias names one twice)."""
        return list(dict.fromkeys(parser for group in self.subcommand_groups
                                  for parser in group.choices.values()))


def build_parser() -> CommandParser:
    parser = CommandParser(
        prog="byline",
        description="A keyboard-driven terminal news reader. With no command, opens the reader.",
    )
    parser.add_argument("--version", action="version", version=f"byline {__version__}")
    _global_options(parser, default=None)
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    from tui.cli import commands as command_modules

    for module in command_modules.ALL:
        module.register(commands)
    _accept_global_options_after(parser)
    return parser


def _global_options(parser: argparse.ArgumentParser, default: object) -> None:
    parser.add_argument("--config", metavar="PATH", default=default,
                        help="feeds.toml to use (default: $BYLINE_CONFIG, ./feeds.toml, "
                             "then the user config directory)")
    parser.add_argument("--cache-dir", metavar="DIR", default=default,
                        help="cache directory (default: $BYLINE_CACHE_DIR, else cache/ beside "
                             "the config file; the demo in seeds/: the user cache directory)")


def _accept_global_options_after(parser: CommandParser) -> None:
    """`byline articles --config X` works like `byline --config X articles`: every subcommand
    (and sub-subcommand) takes the global options too, without overriding them when absent."""
    for sub in parser.subcommands():
        _global_options(sub, default=argparse.SUPPRESS)
        _accept_global_options_after(sub)


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        path = find_config(args.config)
        if path is None and getattr(args, "handler", None) is None:
            path = _first_run_config()
        config = load_config(path, args.cache_dir)
        if getattr(args, "show_muted", False):
            config = replace(config, show_muted=True)
        if getattr(args, "needs_keymap_check", True):
            _check_keymap(config)
    except ConfigError as exc:
        print(f"byline: config error: {exc}", file=sys.stderr)
        return EXIT_USAGE
    handler: Handler = getattr(args, "handler", run_app)
    try:
        return handler(args, config)
    except KeyboardInterrupt:
        print("byline: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return EXIT_OK
    except StoreFailure as exc:
        print(f"byline: {exc}", file=sys.stderr)
        return EXIT_FAILURE
    except sqlite3.Error as exc:
        print(f"byline: cache error ({config.db_path}): {exc}", file=sys.stderr)
        return EXIT_FAILURE


def _first_run_config() -> Path | None:
    from tui.config import install_default_config

    path = install_default_config()
    if path is not None:
        print(f"byline: no feeds.toml found; wrote the default feeds to {path} (edit it, or "
              "use `byline feeds add` / `byline opml import`)", file=sys.stderr)
    return path


def _check_keymap(config: Config) -> None:
    if not config.keymap:
        return
    from tui.bindings import unknown_binding_ids

    unknown = unknown_binding_ids(config.keymap)
    if unknown:
        ids = "an unknown binding id" if len(unknown) == 1 else "unknown binding ids"
        raise ConfigError(f"{config.path}: [keymap] names {ids}: {', '.join(sorted(unknown))}")


def run_app(args: argparse.Namespace, config: Config) -> int:
    store, message = open_cache(config)
    from tui.app import make_app

    try:
        make_app(config, store, startup_message=message).run()
    finally:
        store.close()
    return EXIT_OK
