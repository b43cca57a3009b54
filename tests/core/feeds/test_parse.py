"""The feed parser on hand-written documents: both paths, ids, dates, links, plain text."""

from __future__ import annotations

import pytest
from feedserver import atom, rdf, rss

from tui.core.feeds.fastparse import parse_fast
from tui.core.feeds.parse import parse_feed, parse_with_feedparser

DOCS = {
    "rss": rss("R", [{"title": "One &amp; two", "link": "/a/1", "guid": "x-1",
                      "description": "&lt;p&gt;Hello &lt;b&gt;world&lt;/b&gt;&lt;/p&gt;",
                      "pubDate": "Tue, 24 Nov 2026 10:00:00 +0200", "author": "a@b.c (Ann)"}]),
    "atom": atom("A", [{"title": "Atom title", "id": "urn:x:1", "link": "http://h.org/p",
                        "updated": "2026-11-24T10:00:00+02:00", "summary": "&lt;i&gt;S&lt;/i&gt;"}]),
    "rdf": rdf("D", [{"title": "Rdf", "link": "http://h.org/r", "description": "d",
                      "date": "2026-11-24T08:00:00Z"}]),
}


@pytest.mark.parametrize("kind", sorted(DOCS))
def test_fast_and_thorough_paths_agree(kind: str) -> None:
    body = DOCS[kind]
    fast = parse_fast(body, "http://h.org/feed.xml", "application/xml")
    assert fast is not None, "clean documents take the fast path"
    assert fast.entries == parse_with_feedparser(body, "http://h.org/feed.xml").entries
    [entry] = fast.entries
    assert entry.published is not None and entry.published.hour == 8
    assert "<" not in entry.title + entry.summary


def test_relative_link_resolved_and_html_stripped() -> None:
    [entry] = parse_feed(DOCS["rss"], "http://h.org/feeds/main.xml").entries
    assert entry.url == "http://h.org/a/1"
    assert entry.title == "One & two" and entry.summary == "Hello world"
    assert entry.guid == "x-1"


def test_missing_guid_falls_back_to_link_then_digest() -> None:
    body = rss("R", [{"title": "No guid", "link": "http://h.org/n"}, {"title": "Nothing"}])
    first, second = parse_feed(body, "http://h.org/f").entries
    assert first.guid == "http://h.org/n"
    assert second.guid.startswith("sha1:") and second.url is None
    again = parse_feed(body, "http://h.org/f").entries[1]
    assert again.guid == second.guid


def test_entity_declarations_are_refused() -> None:
    body = (b'<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY e "x">]><rss version="2.0"><channel>'
            b"<title>t</title><item><title>&e;</title></item></channel></rss>")
    assert parse_fast(body, "http://h.org/f", None) is None
    assert "entities" in parse_feed(body, "http://h.org/f").error


@pytest.mark.parametrize("body", [
    b'<?xml version="1.0"?><!DOCTYPE rss PUBLIC "-//Netscape Communications//DTD RSS 0.91//EN" '
    b'"http://my.netscape.com/publish/formats/rss-0.91.dtd"><rss version="0.91"><channel>'
    b"<title>t</title><item><title>old</title><link>http://h.org/o</link></item></channel></rss>",
    b'<?xml version="1.0" encoding="iso-8859-1"?><rss version="2.0"><channel><title>t</title>'
    b"<item><title>caf\xe9</title></item></channel></rss>",
    b"<rss version='2.0'><channel><title>t</title><item><title>x</title><pubDate>yesterday"
    b"</pubDate></item></channel></rss>",
])
def test_unusual_documents_go_to_feedparser(body: bytes) -> None:
    assert parse_fast(body, "http://h.org/f", None) is None
    assert parse_feed(body, "http://h.org/f").entries


def test_latin1_title_decoded() -> None:
    body = (b'<?xml version="1.0" encoding="iso-8859-1"?><rss version="2.0"><channel>'
            b"<title>t</title><item><title>caf\xe9</title><guid>1</guid></item></channel></rss>")
    assert parse_feed(body, "http://h.org/f").entries[0].title == "café"


@pytest.mark.parametrize("body, message", [
    (b"", "empty"),
    (b"<html><body>hello</body></html>", "not"),
    (b"\x89PNG\r\n\x1a\n\x00\x00", "not"),
])
def test_not_a_feed_is_an_error(body: bytes, message: str) -> None:
    parsed = parse_feed(body, "http://h.org/f", {"content-type": "text/html"})
    assert parsed.error and message in parsed.error
    assert parsed.entries == ()


@pytest.mark.parametrize("raw, name", [
    ("newsroom@x.example (Alina Mukhanova)", "Alina Mukhanova"),
    ("Alina Mukhanova (newsroom@x.example)", "Alina Mukhanova"),
    ("newsroom@x.example", None),
    ("Ann Lee", "Ann Lee"),
])
def test_author_names_without_email(raw: str, name: str | None) -> None:
    body = rss("R", [{"title": "T", "guid": "1", "author": raw}])
    assert parse_feed(body, "http://h.org/f").entries[0].author == name
    assert parse_with_feedparser(body, "http://h.org/f").entries[0].author == name


@pytest.mark.parametrize("link", ["http://[bold]/x", "http://[::1/x", "https://[not-ip]"])
def test_a_link_urllib_cannot_read_is_no_link(link: str) -> None:
    """Found by the mutated-corpus fuzz test: urljoin raised ValueError ("Invalid IPv6 URL")."""
    body = rss("R", [{"title": "T", "link": link, "guid": "g1", "description": "d"}])
    for parsed in (parse_feed(body, "http://h.org/feed.xml"),
                   parse_with_feedparser(body, "http://h.org/feed.xml")):
        [entry] = parsed.entries
        assert entry.url is None and entry.title == "T"
