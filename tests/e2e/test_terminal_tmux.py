"""A hostile feed opened in the real TUI under tmux leaves the screen, title and clipboard alone."""

from __future__ import annotations

import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest
from feedserver import FeedServer

HOSTILE_TITLE = "Hi [@click=app.quit]click[/] \x1b]0;pwned-title\x07 \x1b]52;c;cHduZWQ=\x07 end"
HOSTILE_BODY = ("\x1b[2J\x1b[H CLEARED \x1b]8;;http://evil.example\x07link\x1b]8;;\x07 "
                "[link=http://evil.example]x[/link] \x1b]2;pwned-window\x1b\\ tail")
FEED = (f'<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>Evil</title>'
        f"<item><title>{HOSTILE_TITLE}</title><guid>evil-1</guid><link>http://e.org/1</link>"
        f"<description><![CDATA[{HOSTILE_BODY}]]></description></item></channel></rss>")

pytestmark = pytest.mark.skipif(shutil.which("tmux") is None, reason="tmux is not installed")


def tmux(socket: str, *args: str) -> str:
    return subprocess.run(["tmux", "-L", socket, *args], capture_output=True, text=True,
                          check=False).stdout


def wait_for(socket: str, text: str, timeout: float = 20.0) -> str:
    deadline = time.monotonic() + timeout
    screen = ""
    while time.monotonic() < deadline:
        screen = tmux(socket, "capture-pane", "-p", "-t", "byline")
        if text in screen:
            return screen
        time.sleep(0.2)
    raise AssertionError(f"{text!r} never appeared on screen:\n{screen}")


def test_hostile_feed_in_tmux(tmp_path: Path) -> None:
    socket = f"byline-test-{time.monotonic_ns()}"
    with FeedServer() as server:
        url = server.add("/evil", body=FEED.encode("utf-8"))
        config = tmp_path / "feeds.toml"
        config.write_text(f'[settings]\nrefresh_minutes = 0\nfulltext = false\n'
                          f'[[feeds]]\nname = "Evil"\nurl = "{url}"\n')
        subprocess.run([sys.executable, "-m", "tui", "--config", str(config), "fetch", "-q"],
                       check=True, capture_output=True)
        command = f"env -u COLUMNS -u LINES {sys.executable} -m tui --config {config}"
        tmux(socket, "-f", "/dev/null", "new-session", "-d", "-s", "byline", "-x", "220", "-y",
             "35", command)
        try:
            tmux(socket, "resize-window", "-t", "byline", "-x", "220", "-y", "35")
            tmux(socket, "set-option", "-g", "set-clipboard", "on")
            tmux(socket, "set-option", "-g", "allow-rename", "on")
            wait_for(socket, "Evil")
            title_before = tmux(socket, "display-message", "-p", "-t", "byline", "#{pane_title}")
            tmux(socket, "send-keys", "-t", "byline", "Enter")
            screen = wait_for(socket, "tail")
            assert "[@click=app.quit]click[/]" in screen  # markup shown as text
            assert "[link=http://evil.example]x[/link]" in screen
            assert "─ Reader" in screen  # the app's frame is still drawn: no clear screen
            title_after = tmux(socket, "display-message", "-p", "-t", "byline", "#{pane_title}")
            assert "pwned" not in title_after and title_after == title_before
            assert "pwned" not in tmux(socket, "display-message", "-p", "#{window_name}")
            assert tmux(socket, "list-buffers") == ""  # no OSC 52 clipboard write reached tmux
            tmux(socket, "send-keys", "-t", "byline", "q")
            deadline = time.monotonic() + 10
            while time.monotonic() < deadline and "byline" in tmux(socket, "list-sessions"):
                time.sleep(0.2)
        finally:
            tmux(socket, "kill-server")


def test_full_text_extracted_in_the_real_terminal(tmp_path: Path) -> None:
    """The extraction pool starts from inside the running TUI (a regression: it once failed
    there, and only there, with "bad value(s) in fds_to_keep")."""
    socket = f"byline-test-{time.monotonic_ns()}"
    paragraphs = "".join(f"<p>Paragraph {i} of the article about the Tavush border protocol, "
                         f"signed by both commissions after long talks.</p>" for i in range(8))
    with FeedServer() as server:
        page = server.add("/page", content_type="text/html", body=(
            f"<html><head><title>Border</title></head><body><article><h1>Border</h1>"
            f"{paragraphs}</article></body></html>").encode())
        url = server.add("/feed", body=(
            '<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>T</title>'
            f"<item><title>Border deal signed</title><guid>b1</guid><link>{page}</link>"
            "<description>Short summary.</description></item></channel></rss>").encode())
        config = tmp_path / "feeds.toml"
        config.write_text(f'[settings]\nrefresh_minutes = 0\n[[feeds]]\nname = "T"\nurl = "{url}"\n')
        command = f"env -u COLUMNS -u LINES {sys.executable} -m tui --config {config}"
        tmux(socket, "-f", "/dev/null", "new-session", "-d", "-s", "byline", "-x", "200", "-y",
             "35", command)
        try:
            wait_for(socket, "Border deal signed")  # the refresh at start listed it
            deadline = time.monotonic() + 30
            while time.monotonic() < deadline and server.requests["/page"] == 0:
                time.sleep(0.2)
            time.sleep(1.0)
            tmux(socket, "send-keys", "-t", "byline", "Enter")
            screen = wait_for(socket, "FULL TEXT")
            assert "extraction failed" not in screen
        finally:
            tmux(socket, "kill-server")


def _row(styled: str, text: str) -> str:
    return next(line for line in styled.splitlines() if text in line)


def test_j_moves_a_cursor_the_reader_can_see(tmp_path: Path) -> None:
    """The styled screen (capture-pane -e) changes where the cursor was and where it went."""
    socket = f"byline-test-{time.monotonic_ns()}"
    items = "".join(f"<item><title>Headline number {n}</title><guid>g{n}</guid>"
                    f"<link>http://e.org/{n}</link><pubDate>Mon, 2{n} Nov 2026 08:00:00 GMT"
                    "</pubDate></item>" for n in range(1, 5))
    with FeedServer() as server:
        url = server.add("/f", body=(f'<?xml version="1.0"?><rss version="2.0"><channel>'
                                     f"<title>F</title>{items}</channel></rss>").encode())
        config = tmp_path / "feeds.toml"
        config.write_text(f'[settings]\nrefresh_minutes = 0\nfulltext = false\n'
                          f'[[feeds]]\nname = "F"\nurl = "{url}"\n')
        subprocess.run([sys.executable, "-m", "tui", "--config", str(config), "fetch", "-q"],
                       check=True, capture_output=True)
        command = f"env -u COLUMNS -u LINES TERM=xterm-256color {sys.executable} -m tui " \
                  f"--config {config}"
        tmux(socket, "-f", "/dev/null", "new-session", "-d", "-s", "byline", "-x", "120", "-y",
             "30", command)
        try:
            wait_for(socket, "Headline number 4")
            time.sleep(0.5)
            before = tmux(socket, "capture-pane", "-e", "-p", "-t", "byline")
            tmux(socket, "send-keys", "-t", "byline", "j")
            time.sleep(0.8)
            after = tmux(socket, "capture-pane", "-e", "-p", "-t", "byline")
        finally:
            tmux(socket, "kill-server")
    newest, second, third = "Headline number 4", "Headline number 3", "Headline number 2"
    assert _row(before, newest) != _row(after, newest)  # the cursor left the first row
    assert _row(before, second) != _row(after, second)  # and arrived on the second
    assert _row(before, third) == _row(after, third)  # rows it never touched stay as they were
    # The cursor row is styled unlike the others: its text sits on another background.
    assert _row(after, second).split("Headline")[0] != _row(after, third).split("Headline")[0]
