"""The browser setting: %u replaced or the URL appended, no shell, only http(s) links."""

from __future__ import annotations

import json
import shlex
import sys
import time
from pathlib import Path

import pytest

from tui.core.browser import browser_argv, launch

SCRIPT = "import json, sys; open(sys.argv[1], 'w').write(json.dumps(sys.argv[2:]))"


def test_percent_u_is_replaced_or_the_url_appended() -> None:
    url = "https://e.example/a?b=1&c=$(rm -rf ~)"
    assert browser_argv("firefox --new-tab %u", url) == ["firefox", "--new-tab", url]
    assert browser_argv("'my browser' --open=%u", url) == ["my browser", f"--open={url}"]
    assert browser_argv("w3m", url) == ["w3m", url]
    assert browser_argv("", url) is None  # the system browser


@pytest.mark.parametrize("url", ["-remote-debugging-port=1", "javascript:alert(1)",
                                 "file:///etc/passwd", "--help"])
def test_only_web_links_are_opened(url: str) -> None:
    with pytest.raises(ValueError, match="only http"):
        browser_argv("firefox %u", url)


def test_launch_runs_the_command_without_a_shell(tmp_path: Path) -> None:
    out = tmp_path / "args.json"
    url = "https://e.example/x?q=a;touch%20pwned&r=`id`"
    setting = shlex.join([sys.executable, "-c", SCRIPT, str(out)]) + " --url %u"
    argv = browser_argv(setting, url)
    assert argv is not None and launch(argv) is None
    for _ in range(100):
        if out.exists() and out.read_text():
            break
        time.sleep(0.05)
    assert json.loads(out.read_text()) == ["--url", url]


def test_a_missing_browser_is_one_line() -> None:
    message = launch(["/nonexistent/browser", "https://e.example/"])
    assert message is not None and message.startswith("cannot start the browser")
