"""The knobs of the [settings] table, with the defaults a new user gets (the one set of them)."""

from __future__ import annotations

import shlex
from dataclasses import dataclass


@dataclass(frozen=True)
class FetchLimits:
    """How politely and how far the HTTP client may go (built from Settings)."""

    concurrency: int
    per_host: int
    connect_timeout: float
    read_timeout: float
    total_timeout: float
    max_bytes: int
    max_redirects: int


@dataclass(frozen=True)
class Settings:
    """Everything a user can set in [settings]; the config file names these fields."""

    refresh_minutes: int = 30
    concurrency: int = 16
    per_host: int = 4
    connect_timeout: float = 10.0
    read_timeout: float = 20.0
    total_timeout: float = 60.0
    max_feed_bytes: int = 10_000_000
    max_page_bytes: int = 5_000_000
    max_redirects: int = 5
    fulltext: bool = True
    story_window_hours: float = 72.0  # how long a few shared common words can tie articles (0: no limit)
    followed_story_days: int = 30  # a followed story collects new articles this long after its latest
    retention_days: int = 0
    reader_width: int = 84
    reader_align: str = "left"
    save_dir: str = ""  # where `w` saves articles as Markdown; "" = Documents/byline
    # Run by `byline fetch` when a refresh brings news to something followed, with two more
    # arguments (a one-line summary, then one line per item); "" = off. Never through a shell.
    notify_command: str = ""
    browser: str = ""  # command that opens a link, %u for the URL; "" = the system browser
    confirm_mark_all_read: bool = True  # A asks first (newsboat's confirm-mark-feed-read)

    def fetch_limits(self, max_bytes: int | None = None) -> FetchLimits:
        """The client's limits; feeds are capped at max_feed_bytes unless told otherwise."""
        return FetchLimits(
            concurrency=self.concurrency, per_host=self.per_host,
            connect_timeout=self.connect_timeout, read_timeout=self.read_timeout,
            total_timeout=self.total_timeout, max_bytes=max_bytes or self.max_feed_bytes,
            max_redirects=self.max_redirects,
        )


def command_words(command: str) -> list[str]:
    """A command setting split as a shell would split words (no shell runs it); [] when "".
    Raises ValueError for unbalanced quotes."""
    words = shlex.split(command)
    if words and not words[0].strip():
        raise ValueError("the command names no program")
    return words
