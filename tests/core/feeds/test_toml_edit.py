"""feeds.toml edited through tomlkit's public API only: a new key under a table's keys, literal
strings kept, and where a removed table's comments go when no table stands above it."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest

from tui.config import load_config
from tui.core.feeds.feeds_file import FeedsFile
from tui.core.feeds.subscriptions import Subscription
from tui.core.feeds.watch_tables import update_mute

LAID_OUT = """[settings]
refresh_minutes = 0

[[feeds]]   # first of all
name = 'A'

url = "https://a.example/"   # a mirror
# about B, and a blank line under it

[[feeds]]
name = "B"
url = "https://b.example/"
"""


def load(tmp_path: Path, text: str) -> FeedsFile:
    path = tmp_path / "feeds.toml"
    path.write_text(text, encoding="utf-8")
    return FeedsFile.load(path)


def saved(feeds: FeedsFile) -> str:
    feeds.save()
    text = feeds.path.read_text(encoding="utf-8")
    tomllib.loads(text)
    return text


def test_tagging_an_untagged_feed_rebuilds_it_in_place(tmp_path: Path) -> None:
    """Crashed on tomlkit 0.15.3 (no Container._insert_after). The new key goes under the last
    key; the header's comment, the blank line between the keys and the comment about the next
    feed stay where they were."""
    feeds = load(tmp_path, LAID_OUT)
    feeds.set_tags("A", ["x", "y"])
    assert saved(feeds) == LAID_OUT.replace('# a mirror\n', '# a mirror\ntags = ["x", "y"]\n')
    feeds.rename("A", "Alpha")
    feeds.set_tags("Alpha", [])
    assert saved(feeds) == LAID_OUT.replace("'A'", "'Alpha'")


def test_a_literal_name_stays_literal_unless_it_cannot(tmp_path: Path) -> None:
    feeds = load(tmp_path, LAID_OUT)
    feeds.rename("A", 'Say "A"')
    assert "name = 'Say \"A\"'\n" in feeds.dumps()
    feeds.rename('Say "A"', "Ann's")  # a literal string cannot hold a '
    assert 'name = "Ann\'s"\n' in feeds.dumps()


def test_feeds_added_then_edited_in_one_session_keep_one_blank_line_between(
        tmp_path: Path) -> None:
    feeds = load(tmp_path, "")
    for name in ("A", "B", "C"):
        feeds.add(Subscription(name, f"https://{name.lower()}.example/"))
    feeds.set_tags("B", ["x"])
    feeds.update("A", Subscription("A", "https://a.example/", ("y",)))
    assert saved(feeds) == (
        '[[feeds]]\nname = "A"\nurl = "https://a.example/"\ntags = ["y"]\n\n'
        '[[feeds]]\nname = "B"\nurl = "https://b.example/"\ntags = ["x"]\n\n'
        '[[feeds]]\nname = "C"\nurl = "https://c.example/"\n')


def test_a_nameless_mute_given_a_name_is_saved(tmp_path: Path) -> None:
    """Saving a mute crashed on tomlkit 0.15.3 when the mute had no name and a comment
    followed it."""
    text = ("[[mute]]\nquery = 'feed:\"Circuit Policy\"'  # too noisy\n\n"
            "# sport\n[[mute]]\nquery = \"tennis\"\n")
    feeds = load(tmp_path, text)
    update_mute(feeds, 0, 'feed:"Circuit Policy"', "Circuit", 'feed:"Circuit Policy"')
    assert saved(feeds) == text.replace("# too noisy\n", '# too noisy\nname = "Circuit"\n')
    assert [m.name for m in load_config(feeds.path).mutes] == ["Circuit", "tennis"]


ONLY_FEED = '# my config\n[[feeds]]\nname = "A"\nurl = "https://a.example/"\n\n# about what follows\n'


@pytest.mark.parametrize(("following", "expected"), [
    # Not exactly where they were (tomlkit's public API cannot insert between top-level
    # comments and a header): just under the header of the table they describe.
    ('[[watch]]\nname = "W"\nquery = "w"\n',
     '# my config\n[[watch]]\n# about what follows\nname = "W"\nquery = "w"\n'),
    ("[settings]  # settings\nrefresh_minutes = 5\n",
     "# my config\n[settings]  # settings\n# about what follows\nrefresh_minutes = 5\n"),
    # Nothing follows: they end the file, as they did.
    ("", "# my config\n\n# about what follows\n"),
])
def test_the_only_feed_removed_keeps_the_comment_about_what_follows(
        tmp_path: Path, following: str, expected: str) -> None:
    feeds = load(tmp_path, ONLY_FEED + following)
    feeds.remove("A")
    assert saved(feeds) == expected


def test_a_removed_first_feed_leaves_its_comment_to_the_table_above(tmp_path: Path) -> None:
    feeds = load(tmp_path, LAID_OUT)
    feeds.remove("A")
    assert saved(feeds) == ('[settings]\nrefresh_minutes = 0\n\n# about B, and a blank line '
                            'under it\n\n[[feeds]]\nname = "B"\nurl = "https://b.example/"\n')
