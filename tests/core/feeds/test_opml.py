"""OPML import/export: folders and categories as tags, round trips, hostile and broken input."""

from __future__ import annotations

import re
from datetime import datetime, timezone
from pathlib import Path

import pytest
from conftest import shared_path
from hypothesis import given, settings, strategies as st

from tui.core.feeds.opml import OpmlError, export_opml, parse_opml, read_opml
from tui.core.feeds.subscriptions import Subscription, clean_label

FIXED = datetime(2026, 1, 2, 3, 4, 5, tzinfo=timezone.utc)

NESTED = """<?xml version="1.0" encoding="UTF-8"?>
<opml version="2.0">
  <head><title>From another reader</title></head>
  <body>
    <outline text="Loose" type="rss" xmlUrl="https://loose.example/feed"/>
    <outline text="News" title="ignored when text is present">
      <outline text="Caucasus">
        <outline text="Eurasianet" type="rss" XMLURL="https://eurasianet.org/feed"
                 category="analysis, long reads/essays"/>
      </outline>
      <outline title="Civil.ge" type="rss" xmlurl="https://civil.ge/feed"/>
    </outline>
  </body>
</opml>
"""


def by_url(entries: list[Subscription]) -> dict[str, Subscription]:
    return {entry.url: entry for entry in entries}


def test_nested_outlines_become_tags_innermost_last_and_category_adds_more() -> None:
    entries = by_url(parse_opml(NESTED))
    assert entries["https://loose.example/feed"] == Subscription("Loose", "https://loose.example/feed")
    assert entries["https://eurasianet.org/feed"].tags == (
        "News", "Caucasus", "analysis", "long reads", "essays")
    civil = entries["https://civil.ge/feed"]
    assert (civil.name, civil.tags) == ("Civil.ge", ("News",))


def test_round_trip_keeps_names_urls_and_tag_order() -> None:
    first = parse_opml(NESTED)
    exported = export_opml(first)
    assert parse_opml(exported) == first
    assert parse_opml(exported.encode("utf-8")) == first


def test_export_groups_by_first_tag_and_puts_the_rest_in_category() -> None:
    entries = [
        Subscription("A", "https://a.example/feed", ("world", "daily")),
        Subscription("Plain", "https://plain.example/feed"),
        Subscription("B", "https://b.example/feed", ("world",)),
    ]
    text = export_opml(entries, created=FIXED)
    assert text.startswith('<?xml version="1.0" encoding="UTF-8"?>')
    assert '<opml version="2.0">' in text
    assert "<dateCreated>Fri, 02 Jan 2026 03:04:05 +0000</dateCreated>" in text
    assert text.count('text="world"') == 1  # one folder for both feeds
    assert re.search(r'<outline text="world" title="world">\s*<outline type="rss" text="A" '
                     r'title="A" xmlUrl="https://a.example/feed" category="daily"/>', text)
    # Untagged feeds stay at the top level, directly under <body>.
    assert re.search(r'<body>\s*<outline text="world"[^>]*>(?s:.*?)</outline>\s*'
                     r'<outline type="rss" text="Plain"', text)
    again = by_url(parse_opml(text))
    assert again == by_url(entries)


def test_export_escapes_markup_and_tags_with_separators_survive() -> None:
    entries = [Subscription('Tom & "Jerry" <3', "https://x.example/rss?a=1&b=2",
                         ("a/b", "c,d", "plain", "e/f", "last"))]
    text = export_opml(entries)
    assert "&amp;" in text and "&lt;3" in text and "&quot;Jerry&quot;" in text
    assert parse_opml(text) == entries


def test_export_is_stable_after_one_round() -> None:
    entries = [Subscription("A", "https://a/", ("x",)), Subscription("B", "https://b/"),
               Subscription("C", "https://c/", ("x", "y"))]
    once = export_opml(entries, created=FIXED)
    twice = export_opml(parse_opml(once), created=FIXED)
    assert once == twice


labels = st.text(
    alphabet=st.characters(blacklist_categories=("Cs", "Cc")), min_size=1, max_size=12,
).map(clean_label).filter(bool)


@settings(max_examples=120, deadline=None)
@given(st.lists(st.tuples(labels, st.lists(labels, max_size=4, unique=True)), max_size=8))
def test_round_trip_property(raw: list[tuple[str, list[str]]]) -> None:
    entries = [Subscription.create(f"https://host{i}.example/feed?n={i}&x=<y>", name, tags)
               for i, (name, tags) in enumerate(raw)]
    if not entries:
        with pytest.raises(OpmlError, match="no feeds"):
            parse_opml(export_opml(entries))
        return
    exported = export_opml(entries, created=FIXED)
    assert by_url(parse_opml(exported)) == by_url(entries)
    assert export_opml(parse_opml(exported), created=FIXED) == exported


def test_local_feeds_import_only_when_allowed() -> None:
    text = """<opml version="2.0"><body>
      <outline text="Secrets" xmlUrl="file:///home/me/.ssh/id_rsa"/>
      <outline text="Relative" xmlUrl="feeds/local.xml"/>
      <outline text="Web" xmlUrl="https://web.example/feed"/>
    </body></opml>"""
    result = read_opml(text)
    assert [e.url for e in result.entries] == ["https://web.example/feed"]
    assert [note.split(":")[0] for note in result.skipped] == ["line 2", "line 3"]
    assert all("local feed" in note for note in result.skipped)
    allowed = parse_opml(text, allow_local=True)
    assert [e.name for e in allowed] == ["Secrets", "Relative", "Web"]
    with pytest.raises(OpmlError, match="no usable feed: line 1: local feed"):
        parse_opml("<opml><body><outline text='x' xmlUrl='/etc/hosts.xml'/></body></opml>")


def test_same_url_in_two_folders_is_one_feed_with_both_tags() -> None:
    text = """<opml version="1.0"><body>
      <outline text="tech"><outline text="LWN" xmlUrl="https://lwn.net/headlines/rss"/></outline>
      <outline text="linux"><outline text="LWN again" xmlUrl="https://lwn.net/headlines/rss/"/>
      </outline></body></opml>"""
    lwn = Subscription("LWN", "https://lwn.net/headlines/rss", ("tech", "linux"))
    assert parse_opml(text) == [lwn]


def test_bad_feed_urls_are_skipped_with_a_note_but_good_ones_import() -> None:
    text = """<opml version="2.0"><body>
      <outline text="JS" xmlUrl="javascript:alert(1)"/>
      <outline text="FTP" xmlUrl="ftp://example.com/feed"/>
      <outline text="Good" xmlUrl="https://good.example/feed"/>
    </body></opml>"""
    result = read_opml(text)
    assert [e.url for e in result.entries] == ["https://good.example/feed"]
    assert len(result.skipped) == 2
    assert result.skipped[0].startswith("line 2:") and "javascript" in result.skipped[0]


@pytest.mark.parametrize(("document", "message"), [
    ("", "empty"),
    ("just some words", "malformed XML"),
    ("<opml><body><outline", "malformed XML"),
    ("<html><body><p>hi</p></body></html>", "root element is <html>"),
    ('<?xml version="1.0"?><rss version="2.0"><channel/></rss>', "root element is <rss>"),
    ("<opml version='2.0'><head/></opml>", "no <body>"),
    ("<opml version='2.0'><body><outline text='folder'/></body></opml>", "no feeds"),
    ("<opml><body><outline text='x' xmlUrl='javascript:alert(1)'/></body></opml>",
     "no usable feed"),
])
def test_not_opml_raises_a_clear_opml_error(document: str, message: str) -> None:
    with pytest.raises(OpmlError, match=re.escape(message)) as info:
        parse_opml(document)
    assert "\n" not in str(info.value)


def test_entity_declarations_are_refused_and_never_expanded(tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP-SECRET")
    external = f"""<?xml version="1.0"?>
<!DOCTYPE opml [<!ENTITY leak SYSTEM "{secret.as_uri()}">]>
<opml version="2.0"><body><outline text="&leak;" xmlUrl="https://x.example/"/></body></opml>"""
    bomb = """<?xml version="1.0"?>
<!DOCTYPE opml [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">
<!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;"><!ENTITY d "&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;">]>
<opml version="2.0"><body><outline text="&d;" xmlUrl="https://x.example/"/></body></opml>"""
    for document in (external, bomb):
        with pytest.raises(OpmlError) as info:
            parse_opml(document)
        assert "TOP-SECRET" not in str(info.value)


def test_str_input_with_an_encoding_declaration_and_latin1_bytes() -> None:
    declared = '<?xml version="1.0" encoding="ISO-8859-1"?><opml version="1.0"><body>' \
               '<outline text="Café" xmlUrl="https://cafe.example/feed"/></body></opml>'
    assert parse_opml(declared)[0].name == "Café"
    assert parse_opml("\ufeff" + declared)[0].name == "Café"
    assert parse_opml(declared.encode("latin-1"))[0].name == "Café"


def test_every_newsboat_opml_fixture_parses_or_fails_cleanly() -> None:
    folder = shared_path("data", "feeds", "newsboat-test-data")
    files = sorted(folder.glob("*.opml"))
    assert files, f"no .opml files in {folder}"
    parsed = 0
    for path in files:
        try:
            entries = parse_opml(path.read_bytes())
        except OpmlError as exc:
            assert str(exc) and "\n" not in str(exc), path.name
            continue
        parsed += 1
        assert entries, path.name
        assert all(e.url.startswith(("http://", "https://")) for e in entries), path.name
        again = parse_opml(export_opml(entries))
        assert by_url(again) == by_url(entries), path.name
    assert parsed >= len(files) // 2


def test_newsboat_example_fixture_reads_folders_as_tags() -> None:
    path = shared_path("data", "feeds", "newsboat-test-data", "example.opml")
    entries = by_url(parse_opml(path.read_bytes()))
    mike = entries["https://blogs.example.com/~mike/.rss"]
    assert (mike.name, mike.tags) == ("Notes by Mike", ("Blogs", "friends"))
    assert entries["https://example.com/feed.xml"].tags == ()


def test_newsboat_category_and_piped_fixtures() -> None:
    folder = shared_path("data", "feeds", "newsboat-test-data")
    (bbc,) = parse_opml((folder / "category.opml").read_bytes())
    assert bbc.tags == ("tag one", "tag_two", "tag", "three")
    assert bbc.name == "feeds.bbci.co.uk"  # title="" falls back to the host
    piped = read_opml((folder / "piped.opml").read_bytes())
    assert [e.url for e in piped.entries] == ["https://example.com/feed.atom"]
    assert len(piped.skipped) == 1 and "command feed" in piped.skipped[0]
    with pytest.raises(OpmlError, match="no <body>"):
        parse_opml((folder / "body-element-missing.opml").read_bytes())
    with pytest.raises(OpmlError, match="<not-opml>"):
        parse_opml((folder / "opml-element-missing.opml").read_bytes())
