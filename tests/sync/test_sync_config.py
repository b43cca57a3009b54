"""The [sync] table of feeds.toml: read into a SyncAccount; every mistake names file and line;
a password is never accepted in the file; the password comes from a command or a variable."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from tui.cli.main import main
from tui.config import ConfigError, parse_config_text
from tui.core.sync.account import SyncAccount
from tui.core.sync.model import SyncError

GOOD = """\
[[feeds]]
url = "https://example.org/feed.xml"

[sync]
service = "greader"
url = "http://127.0.0.1:8080/"
username = "me"
password_command = ["pass", "show", "rss"]
"""


def read(text: str, tmp_path: Path):
    return parse_config_text(tmp_path / "feeds.toml", text, tmp_path / "cache")


def test_a_sync_table_is_read(tmp_path: Path) -> None:
    config = read(GOOD, tmp_path)
    assert config.sync == SyncAccount("greader", "http://127.0.0.1:8080", "me",
                                      ("pass", "show", "rss"))
    assert read(GOOD.replace("[[feeds]]\nurl = \"https://example.org/feed.xml\"\n", ""),
                tmp_path).feeds == ()


def test_no_sync_table_is_no_sync(tmp_path: Path) -> None:
    assert read('[[feeds]]\nurl = "https://example.org/feed.xml"\n', tmp_path).sync is None


@pytest.mark.parametrize(("change", "line", "words"), [
    (('service = "greader"', 'service = "feedly"'), 5, "'sync.service' must be one of"),
    (('url = "http://127.0.0.1:8080/"', 'url = "ftp://x"'), 6, "http(s) address"),
    (('username = "me"', 'username = ""'), 7, "'sync.username' must be a non-empty"),
    (('password_command = ["pass", "show", "rss"]', 'password = "hunter2"'), 8,
     "passwords are not kept in feeds.toml"),
    (('password_command = ["pass", "show", "rss"]', 'password_command = "pass show rss"'), 8,
     "non-empty array of strings"),
    (('password_command = ["pass", "show", "rss"]',
      'password_command = ["pass"]\npassword_env = "X"'), 8, "exactly one of"),
    (('password_command = ["pass", "show", "rss"]', ''), 4, "exactly one of"),
    (('username = "me"', 'user = "me"'), 7, "unknown key 'sync.user'"),
])
def test_mistakes_name_the_file_and_line(tmp_path: Path, change, line, words) -> None:
    with pytest.raises(ConfigError) as caught:
        read(GOOD.replace(*change), tmp_path)
    assert str(caught.value).startswith(f"{tmp_path / 'feeds.toml'}:{line}: ")
    assert words in str(caught.value)
    assert "\n" not in str(caught.value)


def test_a_mistake_exits_2(tmp_path: Path, capsys) -> None:
    path = tmp_path / "feeds.toml"
    path.write_text(GOOD.replace('"greader"', '"inoreader"'))
    assert main(["--config", str(path), "articles"]) == 2
    assert f"{path}:5:" in capsys.readouterr().err


def test_the_password_comes_from_a_command_or_a_variable(monkeypatch) -> None:
    account = SyncAccount("miniflux", "http://x", "me",
                          (sys.executable, "-c", "print('s3cret'); print('second line')"))
    assert account.password() == "s3cret"
    monkeypatch.setenv("BYLINE_TEST_PASSWORD", "from-env")
    assert SyncAccount("miniflux", "http://x", "me", password_env="BYLINE_TEST_PASSWORD"
                       ).password() == "from-env"


@pytest.mark.parametrize(("account", "words"), [
    (SyncAccount("greader", "http://x", "me", ("/no/such/program",)), "no such program"),
    (SyncAccount("greader", "http://x", "me", (sys.executable, "-c", "raise SystemExit(3)")),
     "exit status 3"),
    (SyncAccount("greader", "http://x", "me", (sys.executable, "-c", "pass")), "no password"),
    (SyncAccount("greader", "http://x", "me", password_env="BYLINE_UNSET_VARIABLE"), "not set"),
])
def test_a_missing_password_is_one_line(account: SyncAccount, words: str) -> None:
    with pytest.raises(SyncError) as caught:
        account.password()
    assert words in str(caught.value) and "\n" not in str(caught.value)
