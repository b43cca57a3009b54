"""Subscriptions: feed URL checks, newsboat urls import, feeds.toml edits that keep the layout."""

from __future__ import annotations

import os
import stat
import tomllib
from pathlib import Path

import pytest
from byline_demo import SEEDS
from hypothesis import HealthCheck, given, settings, strategies as st

from tui.config import load_config
from tui.core.feeds.feeds_file import FeedsFile
from tui.core.feeds.newsboat import parse_newsboat_urls, read_newsboat_urls
from tui.core.feeds.opml import export_opml, parse_opml
from tui.core.feeds.subscriptions import Subscription, SubscriptionError, validate_feed_url

# --- URLs -------------------------------------------------------------------------------------


@pytest.mark.parametrize("url", [
    "https://eurasianet.org/feed",
    "http://localhost:8080/rss.xml",
    "  https://example.com/feed?x=1&y=2  ",
    "file:///home/me/feeds/local.xml",
    "feeds/local.xml",
    "./local.xml",
    "~/feeds/local.xml",
    "/abs/path/feed.atom",
    "local.rss",
    "my feeds/with space.xml",
    "./example.com/feed",
    "C:\\feeds\\x.xml",
])
def test_valid_feed_urls_are_accepted_and_stripped(url: str) -> None:
    assert validate_feed_url(url) == url.strip()


@pytest.mark.parametrize(("url", "message"), [
    ("", "empty"),
    ("   ", "empty"),
    ("javascript:alert(1)", "unsupported URL scheme 'javascript:'"),
    ("ftp://example.com/feed.xml", "unsupported URL scheme 'ftp:'"),
    ("mailto:me@example.com", "unsupported URL scheme"),
    ("not a url", "is not a feed URL"),
    ("https://", "has no host"),
    ("https:///path", "has no host"),
    ("http://exa mple.com/feed", "contains spaces"),
    ("https://example.com:99999/feed", "bad port"),
    ("https://example.com/\x1b[31mfeed", "control characters"),
    ("example.com/feed", "did you mean https://example.com/feed"),
    ("|~/bin/fetch.sh", "command feed"),
    ("file://otherhost/feed.xml", "must name a local file"),
])
def test_invalid_feed_urls_raise_one_clear_line(url: str, message: str) -> None:
    with pytest.raises(SubscriptionError, match=None) as info:
        validate_feed_url(url)
    assert message in str(info.value)
    assert "\n" not in str(info.value)


def test_create_defaults_the_name_and_cleans_tags() -> None:
    entry = Subscription.create(" https://www.eurasianet.org/feed ",
                             tags=[" caucasus ", "", "caucasus"])
    assert entry == Subscription("eurasianet.org", "https://www.eurasianet.org/feed", ("caucasus",))
    assert Subscription.create("feeds/local.xml").name == "local"
    assert Subscription.create("https://x.example/", "  Two\n words\x07 ").name == "Two words"


# --- newsboat ---------------------------------------------------------------------------------

NEWSBOAT_URLS = r'''# my newsboat feeds
https://eurasianet.org/feed caucasus "central asia" "~Eurasianet daily"
http://civil.ge/feed   georgia   # an inline comment, not a tag

  # an indented comment
"query:Unread Articles:unread = \"yes\""
"exec:~/bin/fetch.sh" scripts
"filter:~/bin/strip.sh:https://filtered.example/feed"
https://hidden.example/rss ! "quoted \"tag\""
not-a-url tag
https://EURASIANET.org/feed/ duplicate
https://plain.example/atom.xml
'''


def test_newsboat_urls_with_tags_quotes_names_comments_and_queries() -> None:
    result = read_newsboat_urls(NEWSBOAT_URLS)
    assert result.entries == [
        Subscription("Eurasianet daily", "https://eurasianet.org/feed", ("caucasus", "central asia")),
        Subscription("civil.ge", "http://civil.ge/feed", ("georgia",)),
        Subscription("hidden.example", "https://hidden.example/rss", ('quoted "tag"',)),
        Subscription("plain.example", "https://plain.example/atom.xml"),
    ]
    notes = "\n".join(result.skipped)
    assert "line 6: query feed" in notes
    assert "line 7: exec feed" in notes
    assert "line 8: filter feed" in notes
    assert "line 10:" in notes and "not a feed URL" in notes
    assert "line 11: duplicate" in notes
    assert len(result.skipped) == 5
    assert parse_newsboat_urls(NEWSBOAT_URLS) == result.entries


def test_newsboat_local_feeds_only_when_allowed() -> None:
    text = "file:///etc/passwd\n~/feeds/local.xml mine\nhttps://ok.example/feed\n"
    result = read_newsboat_urls(text)
    assert [e.url for e in result.entries] == ["https://ok.example/feed"]
    assert len(result.skipped) == 2 and all("local feed" in note for note in result.skipped)
    allowed = parse_newsboat_urls(text, allow_local=True)
    assert [e.url for e in allowed][:2] == ["file:///etc/passwd", "~/feeds/local.xml"]
    assert allowed[1] == Subscription("local", "~/feeds/local.xml", ("mine",))


def test_newsboat_import_then_opml_round_trip() -> None:
    entries = parse_newsboat_urls(NEWSBOAT_URLS)
    assert parse_opml(export_opml(entries)) == entries


# --- feeds.toml -------------------------------------------------------------------------------

SETTINGS_BLOCK = """# user comments must survive edits
[settings]            # optional: refresh_minutes, concurrency, per_host, timeouts, ...
refresh_minutes = 30
concurrency   =   8   # odd spacing on purpose

[keymap]              # optional: binding id -> keys
next_unread = "n"
"""

FEEDS_TOML = SETTINGS_BLOCK + """
# -- the Caucasus --
[[feeds]]
name = "Eurasianet"
url = "https://eurasianet.org/feed"
tags = ["caucasus", "central-asia"]   # optional

# Georgia's paper of record
[[feeds]]
name = 'Civil.ge'      # literal string kept
url = "https://civil.ge/feed"

# keep this closing note
"""


@pytest.fixture
def feeds_path(tmp_path: Path) -> Path:
    path = tmp_path / "feeds.toml"
    path.write_text(FEEDS_TOML, encoding="utf-8")
    return path


def assert_user_text_kept(text: str) -> None:
    assert text.startswith(SETTINGS_BLOCK)
    for line in ("# -- the Caucasus --", "# Georgia's paper of record", "# keep this closing note"):
        assert f"\n{line}\n" in text


def test_load_reads_entries_and_dumps_unchanged(feeds_path: Path) -> None:
    feeds = FeedsFile.load(feeds_path)
    assert feeds.entries() == [
        Subscription("Eurasianet", "https://eurasianet.org/feed", ("caucasus", "central-asia")),
        Subscription("Civil.ge", "https://civil.ge/feed"),
    ]
    assert feeds.dumps() == FEEDS_TOML


def test_add_appends_after_everything_else_and_keeps_layout(feeds_path: Path) -> None:
    feeds = FeedsFile.load(feeds_path)
    feeds.add(Subscription("OC Media", "https://oc-media.org/feed/", ("caucasus",)))
    feeds.save()
    text = feeds_path.read_text(encoding="utf-8")
    assert text == FEEDS_TOML + (
        '\n[[feeds]]\nname = "OC Media"\nurl = "https://oc-media.org/feed/"\n'
        'tags = ["caucasus"]\n')
    assert_user_text_kept(text)
    assert [f.name for f in load_config(feeds_path).feeds] == ["Eurasianet", "Civil.ge", "OC Media"]


def test_rename_and_set_tags_keep_inline_comments(feeds_path: Path) -> None:
    feeds = FeedsFile.load(feeds_path)
    feeds.rename("civil.ge", "Civil Georgia")
    feeds.set_tags("https://eurasianet.org/feed", ["asia", "news"])
    text = feeds.dumps()
    assert_user_text_kept(text)
    assert "name = 'Civil Georgia'      # literal string kept\n" in text  # on every tomlkit
    assert 'tags = ["asia", "news"]   # optional\n' in text
    assert text.count("\n") == FEEDS_TOML.count("\n")


def test_set_tags_on_an_untagged_feed_goes_under_its_keys_not_after_the_comment(
        feeds_path: Path) -> None:
    feeds = FeedsFile.load(feeds_path)
    feeds.set_tags("Civil.ge", ["georgia"])
    text = feeds.dumps()
    assert text.endswith('url = "https://civil.ge/feed"\ntags = ["georgia"]\n\n'
                         "# keep this closing note\n")
    assert_user_text_kept(text)
    feeds.set_tags("Eurasianet", [])
    assert "central-asia" not in feeds.dumps()
    assert feeds.entries()[0].tags == ()
    assert feeds.entries()[1].tags == ("georgia",)


def test_remove_keeps_the_comments_around_the_removed_feed(feeds_path: Path) -> None:
    feeds = FeedsFile.load(feeds_path)
    removed = feeds.remove("Eurasianet")
    assert removed.url == "https://eurasianet.org/feed"
    text = feeds.dumps()
    assert_user_text_kept(text)
    assert "eurasianet.org" not in text
    assert [e.name for e in feeds.entries()] == ["Civil.ge"]
    feeds.remove("https://civil.ge/feed")
    text = feeds.dumps()
    assert_user_text_kept(text)
    assert "[[feeds]]" not in text and feeds.entries() == []
    feeds.save()
    assert load_config(feeds_path).feeds == ()


def test_remove_the_first_feed_of_a_file_without_settings(tmp_path: Path) -> None:
    """Not exactly where it was: tomlkit's public API cannot insert between the top-level
    comments and the first header, so the comment about B goes just under B's header, with
    the entry it describes."""
    path = tmp_path / "feeds.toml"
    path.write_text('# header\n[[feeds]]\nname = "A"\nurl = "https://a.example/"\n\n'
                    '# about B\n[[feeds]]\nname = "B"\nurl = "https://b.example/"\n')
    feeds = FeedsFile.load(path)
    feeds.remove("A")
    assert feeds.dumps() == ('# header\n[[feeds]]\n# about B\nname = "B"\n'
                             'url = "https://b.example/"\n')
    feeds.save()
    assert load_config(path).feeds[0].name == "B"


SEEDS_TOML = SEEDS / "feeds.toml"
LEDGER_TAGS = 'tags = ["caucasus", "central-asia", "demo"]'


def test_editing_a_feed_keeps_it_in_place_with_its_comment_and_relative_url(
        tmp_path: Path) -> None:
    """Bug 9, as the reader's E does it on the demo: Caucasus Ledger, a tag added, saved. The
    editor shows the relative url as the file:// URL the config reads; given back unchanged,
    the file keeps the path as written, and the entry stays under its comment."""
    from tui.config_edit import edit_feeds

    path = tmp_path / "feeds.toml"
    original = SEEDS_TOML.read_text(encoding="utf-8")
    path.write_text(original, encoding="utf-8")
    config = load_config(path)
    ledger = config.feeds[0]
    assert ledger.url == (tmp_path / "feeds" / "caucasus-ledger.xml").resolve().as_uri()
    retagged = Subscription.create(ledger.url, ledger.name, (*ledger.tags, "ledger"))
    message, updated = edit_feeds(config, lambda feeds: feeds.update(ledger.url, retagged).name)
    assert message == "Caucasus Ledger"
    assert path.read_text(encoding="utf-8") == original.replace(
        LEDGER_TAGS, LEDGER_TAGS[:-1] + ', "ledger"]')
    assert [f.name for f in updated.feeds] == [f.name for f in config.feeds]
    assert updated.feeds[0] == Subscription(ledger.name, ledger.url, (*ledger.tags, "ledger"))


def test_update_renames_retags_and_repoints_where_the_feed_stands(feeds_path: Path) -> None:
    feeds = FeedsFile.load(feeds_path)
    saved = feeds.update("Civil.ge", Subscription("Civil Georgia", "https://civil.ge/en/feed",
                                                  ("georgia",)))
    assert saved == Subscription("Civil Georgia", "https://civil.ge/en/feed", ("georgia",))
    # http -> https is the same feed to the duplicate check, but a change the user asked for.
    feeds.update("Eurasianet", Subscription("Eurasianet", "http://eurasianet.org/feed"))
    assert feeds.dumps() == FEEDS_TOML.replace(
        'url = "https://eurasianet.org/feed"\ntags = ["caucasus", "central-asia"]   # optional\n',
        'url = "http://eurasianet.org/feed"\n').replace(
        "name = 'Civil.ge'      # literal string kept\nurl = \"https://civil.ge/feed\"\n",
        "name = 'Civil Georgia'      # literal string kept\nurl = \"https://civil.ge/en/feed\"\n"
        'tags = ["georgia"]\n')
    with pytest.raises(SubscriptionError, match="already subscribed as 'Eurasianet'"):
        feeds.update("Civil Georgia", Subscription("Civil", "https://eurasianet.org/feed"))
    with pytest.raises(SubscriptionError, match="already exists"):
        feeds.update("Civil Georgia", Subscription("EURASIANET", "https://civil.ge/en/feed"))
    assert [e.name for e in feeds.entries()] == ["Eurasianet", "Civil Georgia"]


def test_update_finds_a_local_feed_in_a_folder_with_a_space(tmp_path: Path) -> None:
    """The reader shows it as file:///…/my%20feeds/local.xml; the file says local.xml."""
    folder = tmp_path / "my feeds"
    folder.mkdir()
    path = folder / "feeds.toml"
    path.write_text('[[feeds]]\nurl = "local.xml"   # no name: its file names it\n',
                    encoding="utf-8")
    shown_url = load_config(path).feeds[0].url
    assert "%20" in shown_url
    feeds = FeedsFile.load(path)
    feeds.update(shown_url, Subscription("local", shown_url, ("mine",)))
    assert feeds.dumps() == ('[[feeds]]\nurl = "local.xml"   # no name: its file names it\n'
                             'tags = ["mine"]\n')


@pytest.mark.parametrize(("entry", "message"), [
    (Subscription("Other", "https://EURASIANET.org/feed/"), "already subscribed as 'Eurasianet'"),
    (Subscription("Other", "http://eurasianet.org/feed"), "already subscribed"),
    (Subscription("civil.GE", "https://new.example/feed"), "a feed named 'Civil.ge' already exists"),
    (Subscription("Bad", "javascript:alert(1)"), "unsupported URL scheme"),
    (Subscription("Bad", "not a url"), "not a feed URL"),
    (Subscription("  ", "https://new.example/feed"), "needs a name"),
])
def test_duplicate_or_invalid_add_changes_nothing(
        feeds_path: Path, entry: Subscription, message: str) -> None:
    before = feeds_path.read_bytes()
    feeds = FeedsFile.load(feeds_path)
    with pytest.raises(SubscriptionError) as info:
        feeds.add(entry)
    assert message in str(info.value)
    assert "\n" not in str(info.value)
    assert feeds.dumps() == FEEDS_TOML
    feeds.save()
    assert feeds_path.read_bytes() == before


def test_rename_to_a_taken_name_and_unknown_feeds_are_refused(feeds_path: Path) -> None:
    feeds = FeedsFile.load(feeds_path)
    with pytest.raises(SubscriptionError, match="already exists"):
        feeds.rename("Eurasianet", "CIVIL.GE")
    with pytest.raises(SubscriptionError, match="did you mean 'Eurasianet'"):
        feeds.remove("Eurasianett")
    with pytest.raises(SubscriptionError, match="cannot be empty"):
        feeds.rename("Eurasianet", " \n ")
    feeds.rename("Eurasianet", "EURASIANET")  # a case change of its own name is fine
    assert feeds.entries()[0].name == "EURASIANET"


def test_merge_skips_known_urls_and_renames_clashing_names(feeds_path: Path) -> None:
    feeds = FeedsFile.load(feeds_path)
    added, skipped = feeds.merge([
        Subscription("Eurasianet again", "https://eurasianet.org/feed/"),
        Subscription("Civil.ge", "https://civil.ge/en/feed"),
        Subscription("New", "https://new.example/feed", ("x",)),
        Subscription("New dup", "https://NEW.example/feed"),
    ])
    assert [e.url for e in skipped] == ["https://eurasianet.org/feed/", "https://NEW.example/feed"]
    assert added == [Subscription("Civil.ge (2)", "https://civil.ge/en/feed"),
                     Subscription("New", "https://new.example/feed", ("x",))]
    assert feeds.entries()[2:] == added
    assert_user_text_kept(feeds.dumps())


def test_merge_with_an_invalid_entry_adds_nothing(feeds_path: Path) -> None:
    feeds = FeedsFile.load(feeds_path)
    with pytest.raises(SubscriptionError):
        feeds.merge([Subscription("Ok", "https://ok.example/"), Subscription("Bad", "ftp://x/")])
    assert feeds.dumps() == FEEDS_TOML


def test_opml_into_an_empty_config_and_back(tmp_path: Path) -> None:
    path = tmp_path / "new" / "feeds.toml"
    feeds = FeedsFile.load(path)
    assert feeds.entries() == [] and feeds.dumps() == ""
    entries = [Subscription("A", "https://a.example/", ("t1", "t2")),
               Subscription("B", "feeds/local.xml")]
    added, skipped = feeds.merge(parse_opml(export_opml(entries), allow_local=True))
    assert (added, skipped) == (entries, [])
    feeds.save()
    reloaded = FeedsFile.load(path)
    assert reloaded.entries() == entries
    assert parse_opml(export_opml(reloaded.entries()), allow_local=True) == entries
    config = load_config(path)
    assert [f.tags for f in config.feeds] == [("t1", "t2"), ()]
    assert config.feeds[1].url == (tmp_path / "new" / "feeds" / "local.xml").as_uri()


def test_relative_path_and_file_url_for_the_same_file_are_duplicates(tmp_path: Path) -> None:
    feeds = FeedsFile.load(tmp_path / "feeds.toml")
    feeds.add(Subscription("Local", "feeds/local.xml"))
    with pytest.raises(SubscriptionError, match="already subscribed"):
        feeds.add(Subscription("Same", (tmp_path / "feeds" / "local.xml").as_uri()))


def test_inline_table_feeds_are_edited_too(tmp_path: Path) -> None:
    path = tmp_path / "feeds.toml"
    path.write_text('# inline style\nfeeds = [{name = "A", url = "https://a.example/"}]\n')
    feeds = FeedsFile.load(path)
    feeds.add(Subscription("B", "https://b.example/", ("x",)))
    feeds.rename("A", "Alpha")
    assert feeds.entries() == [Subscription("Alpha", "https://a.example/"),
                               Subscription("B", "https://b.example/", ("x",))]
    feeds.remove("Alpha")
    feeds.save()
    assert path.read_text().startswith("# inline style\n")
    assert [f.name for f in load_config(path).feeds] == ["B"]


def test_toml_syntax_error_names_file_and_line(tmp_path: Path) -> None:
    path = tmp_path / "feeds.toml"
    path.write_text('[settings]\nrefresh_minutes = 30\n\n[[feeds]]\nname = "A\n')
    with pytest.raises(SubscriptionError) as info:
        FeedsFile.load(path)
    assert str(info.value).startswith(f"{path}:5:")
    assert "\n" not in str(info.value)


def test_feeds_of_the_wrong_type_are_refused(tmp_path: Path) -> None:
    path = tmp_path / "feeds.toml"
    path.write_text('feeds = "https://a.example/"\n')
    with pytest.raises(SubscriptionError, match=r"array of tables"):
        FeedsFile.load(path)


# --- saving -----------------------------------------------------------------------------------


def test_save_is_atomic_and_keeps_the_file_mode(feeds_path: Path) -> None:
    os.chmod(feeds_path, 0o600)
    feeds = FeedsFile.load(feeds_path)
    feeds.add(Subscription("New", "https://new.example/"))
    feeds.save()
    assert stat.S_IMODE(feeds_path.stat().st_mode) == 0o600
    assert sorted(p.name for p in feeds_path.parent.iterdir()) == ["feeds.toml"]


def test_a_failed_write_leaves_the_old_file_and_no_temp_file(
        feeds_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    feeds = FeedsFile.load(feeds_path)
    feeds.add(Subscription("New", "https://new.example/"))

    def fail(*_args: object) -> None:
        raise OSError("disk full")

    monkeypatch.setattr(os, "replace", fail)
    with pytest.raises(OSError, match="disk full"):
        feeds.save()
    assert feeds_path.read_text(encoding="utf-8") == FEEDS_TOML
    assert sorted(p.name for p in feeds_path.parent.iterdir()) == ["feeds.toml"]


def test_save_through_a_symlink_updates_the_target(tmp_path: Path, feeds_path: Path) -> None:
    link = tmp_path / "link.toml"
    link.symlink_to(feeds_path)
    feeds = FeedsFile.load(link)
    feeds.add(Subscription("New", "https://new.example/"))
    feeds.save()
    assert link.is_symlink()
    assert "https://new.example/" in feeds_path.read_text(encoding="utf-8")


def test_save_refuses_to_clobber_a_file_changed_since_load(feeds_path: Path) -> None:
    feeds = FeedsFile.load(feeds_path)
    feeds.add(Subscription("New", "https://new.example/"))
    feeds_path.write_text(FEEDS_TOML + "# edited meanwhile\n", encoding="utf-8")
    with pytest.raises(SubscriptionError, match="changed on disk"):
        feeds.save()
    assert feeds_path.read_text(encoding="utf-8").endswith("# edited meanwhile\n")
    fresh = FeedsFile.load(feeds_path)
    fresh.add(Subscription("New", "https://new.example/"))
    fresh.save()
    fresh.remove("New")
    fresh.save()  # a second save from the same instance is fine
    assert fresh.dumps() == feeds_path.read_text(encoding="utf-8")


def test_windows_line_endings_are_kept_and_a_byte_order_mark_dropped(tmp_path: Path) -> None:
    path = tmp_path / "feeds.toml"
    path.write_bytes(b"\xef\xbb\xbf" + FEEDS_TOML.replace("\n", "\r\n").encode("utf-8"))
    feeds = FeedsFile.load(path)
    feeds.add(Subscription("New", "https://new.example/", ("x",)))
    feeds.save()
    data = path.read_bytes()
    assert data.startswith(SETTINGS_BLOCK.replace("\n", "\r\n").encode("utf-8"))
    assert data.count(b"\n") == data.count(b"\r\n")
    assert [f.name for f in load_config(path).feeds][-1] == "New"


# --- many edits in a row ----------------------------------------------------------------------

names = st.sampled_from(["Alpha", "beta", "Gamma", "délta", "Ω news", "quote\"d", "back\\slash"])
tag_lists = st.lists(st.sampled_from(["world", "tech", "a b", "ünï", "x/y"]), max_size=3)
operations = st.lists(st.one_of(
    st.tuples(st.just("add"), names, st.integers(0, 6), tag_lists),
    st.tuples(st.just("remove"), st.integers(0, 9)),
    st.tuples(st.just("rename"), st.integers(0, 9), names),
    st.tuples(st.just("tags"), st.integers(0, 9), tag_lists),
    st.tuples(st.just("update"), st.integers(0, 9), names, tag_lists),
), max_size=14)


def _apply(feeds: FeedsFile, model: list[Subscription], operation: tuple) -> None:
    kind, *args = operation
    if kind == "add":
        name, host, tags = args
        entry = Subscription.create(f"https://h{host}.example/feed", name, tags)
        clash = any(e.url == entry.url or e.name.casefold() == name.casefold() for e in model)
        if clash:
            with pytest.raises(SubscriptionError):
                feeds.add(entry)
        else:
            feeds.add(entry)
            model.append(entry)
        return
    if not model:
        return
    index = args[0] % len(model)
    target = model[index]
    if kind == "remove":
        assert feeds.remove(target.url) == target
        del model[index]
    elif kind == "rename":
        new_name = args[1]
        if any(e.name.casefold() == new_name.casefold() for e in model if e is not target):
            with pytest.raises(SubscriptionError):
                feeds.rename(target.url, new_name)
        else:
            feeds.rename(target.url, new_name)
            model[index] = Subscription(new_name, target.url, target.tags)
    elif kind == "update":
        new_name, tags = args[1:]
        edited = Subscription(new_name, target.url, tuple(dict.fromkeys(tags)))
        if any(e.name.casefold() == new_name.casefold() for e in model if e is not target):
            with pytest.raises(SubscriptionError):
                feeds.update(target.url, edited)
        else:
            assert feeds.update(target.url, edited) == edited
            model[index] = edited
    else:
        feeds.set_tags(target.name, args[1])
        model[index] = Subscription(target.name, target.url, tuple(dict.fromkeys(args[1])))


SOURCES = [
    FEEDS_TOML,
    '# header\n[[feeds]]\nname = "A"\nurl = "https://a.example/"  # no newline at the end',
    "",
    "[settings]\nrefresh_minutes = 5\n# ends in a comment without a newline",
    '# inline\nfeeds = [\n  {name = "A", url = "https://a.example/"},\n]\n\n[settings]\nx = 1\n',
]


@settings(max_examples=60, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.sampled_from(SOURCES), operations)
def test_any_sequence_of_edits_keeps_comments_and_valid_toml(
        tmp_path: Path, source: str, ops: list) -> None:
    path = tmp_path / "feeds.toml"
    path.write_text(source, encoding="utf-8")
    feeds = FeedsFile.load(path)
    model = feeds.entries()
    for operation in ops:
        _apply(feeds, model, operation)
        assert feeds.entries() == model
    text = feeds.dumps()
    assert text.startswith(source.split("[[feeds]]")[0].split("feeds = [")[0])
    for line in source.splitlines():
        if line.startswith("#"):
            assert line in text
    parsed = tomllib.loads(text)
    assert [feed["name"] for feed in parsed.get("feeds", [])] == [e.name for e in model]
    assert "\n\n\n" not in text
    feeds.save()
    assert FeedsFile.load(path).entries() == model


def test_importing_thousands_of_feeds(tmp_path: Path) -> None:
    # Speed is measured, not asserted here; this keeps a 2,000-feed import correct (a quadratic
    # merge once took minutes and would time the suite out).
    entries = [Subscription(f"Feed {i}", f"https://h{i}.example/feed", (f"t{i % 7}",))
               for i in range(2000)]
    feeds = FeedsFile.load(tmp_path / "feeds.toml")
    added, _ = feeds.merge(parse_opml(export_opml(entries)))
    assert len(added) == 2000 and len(feeds.entries()) == 2000


def test_the_shipped_feeds_toml_edits_cleanly(tmp_path: Path) -> None:
    shipped = Path(__file__).resolve().parents[3] / "feeds.toml"
    original = shipped.read_text(encoding="utf-8")
    path = tmp_path / "feeds.toml"
    path.write_text(original, encoding="utf-8")
    feeds = FeedsFile.load(path)
    config = load_config(path)
    assert [(e.name, e.tags) for e in feeds.entries()] == [(f.name, f.tags) for f in config.feeds]
    feeds.add(Subscription("Temporary", "https://temporary.example/feed", ("test",)))
    feeds.save()
    assert len(load_config(path).feeds) == len(config.feeds) + 1
    again = FeedsFile.load(path)
    again.remove("https://temporary.example/feed")
    assert again.dumps().rstrip("\n") == original.rstrip("\n")


def test_one_default_name_rule_for_config_and_feeds_add(tmp_path: Path) -> None:
    """A [[feeds]] entry without a name and `byline feeds add` name a feed the same way."""
    url = "https://www.example.org/feed.xml"
    path = tmp_path / "feeds.toml"
    path.write_text(f'[[feeds]]\nurl = "{url}"\n', encoding="utf-8")
    [from_config] = load_config(path).feeds
    assert from_config.name == Subscription.create(url).name == "example.org"
    local = tmp_path / "feeds" / "local.xml"
    path.write_text('[[feeds]]\nurl = "feeds/local.xml"\n', encoding="utf-8")
    [from_config] = load_config(path).feeds
    assert from_config.name == Subscription.create(str(local)).name == "local"
    assert from_config.url == local.resolve().as_uri()
