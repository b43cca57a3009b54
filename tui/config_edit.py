"""Edit feeds.toml safely: apply a change, validate the result as a config, then save."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from tui.config import Config, ConfigError, parse_config_text, user_config_path


class EditError(Exception):
    """An edit was refused; nothing was written. The message is one line."""


def config_path_for_edit(config: Config) -> Path:
    return config.path or user_config_path()


def edit_feeds(config: Config, change: Callable[..., str]) -> tuple[str, Config]:
    """Apply `change(FeedsFile) -> message`; returns the message and the reloaded config."""
    from tui.core.feeds.feeds_file import FeedsFile
    from tui.core.feeds.opml import OpmlError
    from tui.core.feeds.subscriptions import SubscriptionError

    path = config_path_for_edit(config)
    try:
        feeds = FeedsFile.load(path)
        message = change(feeds)
        updated = parse_config_text(path, feeds.dumps(), config.cache_dir)
        path.parent.mkdir(parents=True, exist_ok=True)
        feeds.save()
    except (SubscriptionError, OpmlError, ConfigError, OSError) as exc:
        raise EditError(str(exc)) from exc
    return message, updated
