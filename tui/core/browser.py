"""The `browser` setting: a command whose %u becomes the URL, started without a shell."""

from __future__ import annotations

import subprocess

from tui.core.settings import command_words

OPENABLE = ("http://", "https://")


def browser_argv(setting: str, url: str) -> list[str] | None:
    """The command's words with %u replaced by the URL (appended when there is no %u); None
    when the setting is "" (use the system browser). Only http(s) links are opened, so a link
    from a feed can never pass for an option; raises ValueError otherwise."""
    if not url.lower().startswith(OPENABLE):
        raise ValueError("only http(s) links are opened in the browser")
    words = command_words(setting)
    if not words:
        return None
    if any("%u" in word for word in words):
        return [word.replace("%u", url) for word in words]
    return [*words, url]


def launch(argv: list[str]) -> str | None:
    """Start the browser detached from the terminal (its own session, no stdio, no shell);
    None, or why it could not start."""
    try:
        subprocess.Popen(argv, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                         stderr=subprocess.DEVNULL, start_new_session=True)
    except OSError as exc:
        return f"cannot start the browser {argv[0]!r}: {exc.strerror or exc}"
    return None
