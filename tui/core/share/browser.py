"""Open a link in a web browser: the user's `browser` command when set (run without a shell),
else the system's; say why when nothing could be opened."""

from __future__ import annotations

import os
import shlex
import subprocess
import sys


def open_in_browser(url: str, command: str = "") -> str | None:
    """Open `url`; None on success, else one line saying what went wrong."""
    if not url.lower().startswith(("http://", "https://")):
        return "Only http(s) links are opened in the browser."
    if command.strip():
        return _run_command(command, url)
    if _no_graphical_browser():
        return "No graphical web browser here (no display); set `browser` in [settings]."
    import webbrowser

    try:
        opened = webbrowser.open(url)
    except webbrowser.Error as exc:
        return f"No web browser could be opened ({exc})."
    return None if opened else "No web browser could be opened on this machine."


def _run_command(command: str, url: str) -> str | None:
    """`command` split like a shell would, with %u replaced by the URL (appended if absent)."""
    try:
        words = shlex.split(command)
    except ValueError as exc:
        return f"The browser setting {command!r} cannot be read: {exc}."
    if not words:
        return "The browser setting is empty."
    args = [word.replace("%u", url) for word in words]
    if not any("%u" in word for word in words):
        args.append(url)
    try:
        subprocess.Popen(args, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                         stderr=subprocess.DEVNULL, start_new_session=True)
    except OSError as exc:
        return f"Cannot run the browser {args[0]!r}: {exc.strerror or exc}."
    return None


def _no_graphical_browser() -> bool:
    """On Linux without a display, Python would start a console browser (lynx, w3m) in the
    terminal the reader is drawing on; better to say so."""
    if not sys.platform.startswith("linux"):
        return False
    return not any(os.environ.get(name) for name in ("DISPLAY", "WAYLAND_DISPLAY", "BROWSER"))
