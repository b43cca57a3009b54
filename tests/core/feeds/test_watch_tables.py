"""[[watch]] and [[mute]] tables edited in feeds.toml: added, changed and removed with comments
kept, and the result still a valid config."""

from __future__ import annotations

from pathlib import Path

import pytest

from tui.config import parse_config_text
from tui.core.feeds.feeds_file import FeedsFile
from tui.core.feeds.subscriptions import SubscriptionError
from tui.core.feeds.watch_tables import (
    add_mute,
    add_watch,
    remove_mute,
    remove_watch,
    update_mute,
    update_watch,
    watch_names,
)

SOURCE = """[settings]
refresh_minutes = 0

# my feeds
[[feeds]]
name = "A"
url = "http://a.example/rss"

# watchlists
[[watch]]
name = "CSTO"  # the bloc
query = '"CSTO" AND tag:caucasus'

# the second one
[[watch]]
name = "Kovra"
query = "kovra*"
"""


def load(tmp_path: Path, text: str = SOURCE) -> FeedsFile:
    path = tmp_path / "feeds.toml"
    path.write_text(text, encoding="utf-8")
    return FeedsFile.load(path)


def reread(feeds: FeedsFile):  # type: ignore[no-untyped-def]
    return parse_config_text(feeds.path, feeds.dumps(), feeds.path.parent / "cache")


def test_add_to_a_file_without_watchlists(tmp_path: Path) -> None:
    feeds = load(tmp_path, SOURCE.split("# watchlists")[0])
    add_watch(feeds, "  Border  deal ", 'speaker:"Anna Karapetyan" OR "border protocol"')
    assert feeds.dumps().endswith(
        "\n[[watch]]\nname = \"Border deal\"\nquery = 'speaker:\"Anna Karapetyan\" OR "
        "\"border protocol\"'\n")
    config = reread(feeds)
    assert [(w.name, w.text) for w in config.watches] == [
        ("Border deal", 'speaker:"Anna Karapetyan" OR "border protocol"')]
    feeds.save()
    assert reread(FeedsFile.load(feeds.path)).watches == config.watches


def test_update_keeps_comments_and_order(tmp_path: Path) -> None:
    feeds = load(tmp_path)
    update_watch(feeds, "csto", "CSTO summit", "csto summit NOT tag:world")
    text = feeds.dumps()
    assert 'name = "CSTO summit"  # the bloc' in text
    assert "# the second one" in text
    assert [w.name for w in reread(feeds).watches] == ["CSTO summit", "Kovra"]


def test_remove_keeps_the_comment_of_what_follows(tmp_path: Path) -> None:
    feeds = load(tmp_path)
    remove_watch(feeds, "CSTO")
    text = feeds.dumps()
    assert "# the second one\n[[watch]]" in text and "the bloc" not in text
    assert watch_names(feeds) == ["Kovra"]
    remove_watch(feeds, "Kovra")
    assert "[[watch]]" not in feeds.dumps() and "watch =" not in feeds.dumps()
    assert reread(feeds).watches == ()


def test_unknown_or_empty_is_refused(tmp_path: Path) -> None:
    feeds = load(tmp_path)
    with pytest.raises(SubscriptionError, match="no watchlist named 'Nope'"):
        remove_watch(feeds, "Nope")
    with pytest.raises(SubscriptionError, match="needs a name and a query"):
        add_watch(feeds, " ", "x")
    assert feeds.dumps() == SOURCE


MUTES = SOURCE + """
# hide these
[[mute]]
query = 'feed:"Circuit Policy"'  # too noisy

[[mute]]
name = "sport"
query = "football OR tennis"
"""


def test_mutes_are_added_edited_and_removed_in_place(tmp_path: Path) -> None:
    feeds = load(tmp_path, SOURCE)
    add_mute(feeds, "", 'speaker:"Anna Karapetyan"')  # no name: the query names it
    assert feeds.dumps().endswith("\n[[mute]]\nquery = 'speaker:\"Anna Karapetyan\"'\n")
    feeds = load(tmp_path, MUTES)
    update_mute(feeds, 0, 'feed:"Circuit Policy"', " Circuit ", 'feed:"Circuit Policy" NOT kovra')
    text = feeds.dumps()
    assert "query = 'feed:\"Circuit Policy\" NOT kovra'  # too noisy\nname = \"Circuit\"" in text
    update_mute(feeds, 1, "football OR tennis", "", "tennis")  # the name cleared: removed
    assert [(m.name, m.text) for m in reread(feeds).mutes] == [
        ("Circuit", 'feed:"Circuit Policy" NOT kovra'), ("tennis", "tennis")]
    remove_mute(feeds, 0, 'feed:"Circuit Policy" NOT kovra')
    assert "# hide these" in feeds.dumps() and "too noisy" not in feeds.dumps()
    remove_mute(feeds, 0, "tennis")
    assert "[[mute]]" not in feeds.dumps() and "mute =" not in feeds.dumps()
    assert reread(feeds).mutes == () and len(reread(feeds).watches) == 2


def test_a_mute_changed_since_it_was_read_is_not_touched(tmp_path: Path) -> None:
    feeds = load(tmp_path, MUTES)
    with pytest.raises(SubscriptionError, match="changed since it was read"):
        remove_mute(feeds, 0, "football OR tennis")  # mute 0 is another one now
    with pytest.raises(SubscriptionError, match="changed since it was read"):
        update_mute(feeds, 5, "x", "", "y")
    with pytest.raises(SubscriptionError, match="needs a query"):
        add_mute(feeds, "n", "  ")
    assert feeds.dumps() == MUTES
