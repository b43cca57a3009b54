"""A fast lxml path for clean, well-formed UTF-8 RSS 2.0, Atom 1.0 and RSS 1.0 feeds.

feedparser handles everything, but spends about 0.6 ms per item. Most real feeds are plain
well-formed documents; this path parses them ten times faster and returns None for anything
unusual (a DOCTYPE, another encoding, xml:base, a date it cannot read), which then goes to
feedparser. A differential test over 4,500 corpus files keeps the two paths in agreement.
"""

from __future__ import annotations

import hashlib
import re
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from typing import Any
from urllib.parse import urljoin, urlsplit

from tui.core.models import ParsedEntry, ParsedFeed
from tui.core.text import author_name, html_to_text, one_line

ATOM = "{http://www.w3.org/2005/Atom}"
RSS1 = "{http://purl.org/rss/1.0/}"
RDF = "{http://www.w3.org/1999/02/22-rdf-syntax-ns#}"
DC = "{http://purl.org/dc/elements/1.1/}"
CONTENT = "{http://purl.org/rss/1.0/modules/content/}"
XML_BASE = "{http://www.w3.org/XML/1998/namespace}base"
MAX_ENTRIES = 2000
MAX_FIELD_CHARS = 200_000
_RFC3339 = re.compile(r"^\d{4}-\d\d-\d\dT\d\d:\d\d(:\d\d(\.\d+)?)?(Z|[+-]\d\d:\d\d)$")
_RSS2_TAGS = frozenset({"title", "link", "guid", "description", "pubDate", "author",
                        f"{CONTENT}encoded", "{http://purl.org/dc/elements/1.1/}creator",
                        "{http://purl.org/dc/elements/1.1/}date"})
_ATOM_TAGS = frozenset(f"{{http://www.w3.org/2005/Atom}}{name}" for name in
                       ("id", "title", "summary", "content", "published", "updated", "author",
                        "link"))
_RSS1_TAGS = frozenset({"{http://purl.org/rss/1.0/}title", "{http://purl.org/rss/1.0/}link",
                        "{http://purl.org/rss/1.0/}description",
                        "{http://purl.org/rss/1.0/modules/content/}encoded",
                        "{http://purl.org/dc/elements/1.1/}date",
                        "{http://purl.org/dc/elements/1.1/}creator"})
_HARMLESS = frozenset({"{http://search.yahoo.com/mrss/}content"})
_DAYS = {"mon", "tue", "wed", "thu", "fri", "sat", "sun"}
_KNOWN_DATES = {"pubDate", f"{DC}date", f"{ATOM}published", f"{ATOM}updated"}
_DECLARATION = re.compile(rb"^\s*<\?xml[^>]*?encoding\s*=\s*[\"']([A-Za-z0-9._-]+)[\"']")


class _Unsupported(Exception):
    """This document should go through feedparser instead."""


def parse_fast(body: bytes, url: str, content_type: str | None = None) -> ParsedFeed | None:
    """Parse a clean feed quickly, or return None to ask for the full feedparser path."""
    try:
        root = _root(body, content_type)
        if root.tag == "rss" and root.get("version", "2.0") in ("2.0", "0.91", "0.92"):
            return _rss2(root, url)
        if root.tag == f"{ATOM}feed":
            return _atom(root, url)
        if root.tag == f"{RDF}RDF":
            return _rss1(root, url)
    except (_Unsupported, ValueError, TypeError, OverflowError):
        return None
    return None


def _root(body: bytes, content_type: str | None) -> Any:
    from lxml import etree

    head = body[:4096]
    if b"<!DOCTYPE" in head or b"<!ENTITY" in head or b"xml:base" in body:
        raise _Unsupported
    declared = _DECLARATION.match(body)
    if declared and declared.group(1).lower() not in (b"utf-8", b"utf8"):
        raise _Unsupported
    if content_type and "charset=" in content_type.lower():
        charset = content_type.lower().split("charset=", 1)[1].split(";")[0].strip(" \"'")
        if charset not in ("utf-8", "utf8"):
            raise _Unsupported
    body.decode("utf-8")  # raises ValueError (UnicodeDecodeError) for anything else
    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False,
                             huge_tree=False, recover=False, remove_comments=True,
                             remove_pis=True)
    try:
        return etree.fromstring(body, parser=parser)
    except etree.XMLSyntaxError as exc:
        raise _Unsupported from exc


def _text(element: Any | None) -> str:
    if element is None:
        return ""
    if len(element):
        raise _Unsupported  # markup inside (xhtml content, stray tags): leave it to feedparser
    return (element.text or "")[:MAX_FIELD_CHARS]


def _entries(items: list[Any], make: Any) -> tuple[ParsedEntry, ...]:
    if not items:
        raise _Unsupported  # an empty or unfamiliar shape: let feedparser have its say
    seen: set[str] = set()
    entries: list[ParsedEntry] = []
    for item in items[:MAX_ENTRIES]:
        entry = make(item)
        if entry is not None and entry.guid not in seen:
            seen.add(entry.guid)
            entries.append(entry)
    return tuple(entries)


def _finish(title: str, link: str | None, guid: str, summary: str, content: str,
            published: datetime | None, author: str) -> ParsedEntry | None:
    if not summary:
        summary, content = content, ""  # feedparser's rule: the content stands in as summary
    if content == summary:
        content = ""
    if not title:
        raise _Unsupported  # feedparser derives titles; keep both paths identical
    if not guid:
        guid = link or ""
    if not guid:
        digest = hashlib.sha1(f"{title}\n{published}\n{summary[:500]}".encode()).hexdigest()
        guid = f"sha1:{digest}"
    return ParsedEntry(guid=guid, url=link, title=title, author=author_name(author) or None,
                       published=published, summary=summary, content=content)


def _absolute(link: str, base: str) -> str | None:
    link = one_line(link)
    if not link:
        return None
    absolute = urljoin(base, link)
    return absolute if urlsplit(absolute).scheme.lower() in ("http", "https", "file") else None


# -- RSS 2.0 ----------------------------------------------------------------------------------
def _rss2(root: Any, url: str) -> ParsedFeed:
    channel = root.find("channel")
    if channel is None:
        raise _Unsupported
    title = one_line(html_to_text(_text(channel.find("title")))) or None
    return ParsedFeed(title, _entries(channel.findall("item"), lambda i: _rss_item(i, url)))


_DATE_WORDS = ("date", "modified", "issued", "created", "updated", "published")


_SENSITIVE = {"description", "summary", "content", "encoded", "author", "creator", "title", "link",
              "id", "guid", "name", "contributor", "subtitle", "abstract", "body"}


def _check_children(item: Any, singles: tuple[str, ...], consumed: frozenset[str]) -> None:
    """Fall back on shapes where feedparser has rules of its own (Atom inside RSS, other dates,
    other elements it reads text from, repeated elements)."""
    counts: dict[str, int] = {}
    for child in item:
        tag = child.tag
        if isinstance(tag, str) and tag not in consumed and tag not in _HARMLESS and \
                tag.rsplit("}", 1)[-1].lower() in _SENSITIVE:
            raise _Unsupported
        if not isinstance(tag, str) or tag == "source" or \
                (tag.startswith(ATOM) and item.tag != f"{ATOM}entry"):
            raise _Unsupported
        counts[tag] = counts.get(tag, 0) + 1
        local = tag.rsplit("}", 1)[-1].lower()
        if any(word in local for word in _DATE_WORDS) and tag not in _KNOWN_DATES:
            raise _Unsupported
    if any(counts.get(tag, 0) > 1 for tag in singles):
        raise _Unsupported
    for nested in item.iterdescendants("{*}description"):
        if nested.getparent() is not item:  # media:group/media:description and the like
            raise _Unsupported


def _rss_item(item: Any, base: str) -> ParsedEntry | None:
    _check_children(item, ("title", "link", "guid", "description", "pubDate", f"{CONTENT}encoded"),
                    _RSS2_TAGS)
    guid_element = item.find("guid")
    guid = one_line(_text(guid_element))
    link = _absolute(_text(item.find("link")), base)
    if link is None and guid and guid_element.get("isPermaLink", "true").lower() == "true":
        link = _absolute(guid, base)
    date_text = _text(item.find("pubDate")) or _text(item.find(f"{DC}date"))
    return _finish(
        one_line(html_to_text(_text(item.find("title")))), link, guid,
        html_to_text(_text(item.find("description"))),
        html_to_text(_text(item.find(f"{CONTENT}encoded"))),
        _date(date_text), _text(item.find("author")) or _text(item.find(f"{DC}creator")),
    )


# -- Atom 1.0 ---------------------------------------------------------------------------------
def _atom(root: Any, url: str) -> ParsedFeed:
    title = one_line(_atom_text(root.find(f"{ATOM}title"))) or None
    return ParsedFeed(title, _entries(root.findall(f"{ATOM}entry"), lambda e: _atom_entry(e, url)))


def _atom_text(element: Any | None) -> str:
    if element is None:
        return ""
    kind = element.get("type", "text")
    if kind not in ("text", "html"):
        raise _Unsupported
    return html_to_text(_text(element))


def _atom_entry(entry: Any, base: str) -> ParsedEntry | None:
    if entry.find(f"{ATOM}source") is not None:
        raise _Unsupported
    _check_children(entry, tuple(f"{ATOM}{name}" for name in
                                 ("id", "title", "summary", "content", "published", "updated")),
                    _ATOM_TAGS)
    alternates = [c for c in entry.findall(f"{ATOM}link")
                  if c.get("rel", "alternate") == "alternate" and c.get("href")]
    if len(alternates) > 1:
        raise _Unsupported
    link = _absolute(alternates[0].get("href"), base) if alternates else None
    date_text = _text(entry.find(f"{ATOM}published")) or _text(entry.find(f"{ATOM}updated"))
    author = _text(entry.find(f"{ATOM}author/{ATOM}name"))
    email = _text(entry.find(f"{ATOM}author/{ATOM}email"))
    if author and email:
        author = f"{author} ({email})"
    content = entry.find(f"{ATOM}content")
    if content is not None and content.get("src"):
        raise _Unsupported
    return _finish(
        one_line(_atom_text(entry.find(f"{ATOM}title"))), link,
        one_line(_text(entry.find(f"{ATOM}id"))), _atom_text(entry.find(f"{ATOM}summary")),
        _atom_text(content), _date(date_text, iso=True), author,
    )


# -- RSS 1.0 (RDF) ----------------------------------------------------------------------------
def _rss1(root: Any, url: str) -> ParsedFeed:
    channel = root.find(f"{RSS1}channel")
    title = one_line(html_to_text(_text(channel.find(f"{RSS1}title")))) if channel is not None \
        else ""
    return ParsedFeed(title or None,
                      _entries(root.findall(f"{RSS1}item"), lambda i: _rss1_item(i, url)))


def _rss1_item(item: Any, base: str) -> ParsedEntry | None:
    _check_children(item, (f"{RSS1}title", f"{RSS1}link", f"{RSS1}description", f"{DC}date"),
                    _RSS1_TAGS)
    link = _absolute(_text(item.find(f"{RSS1}link")), base)
    guid = one_line(item.get(f"{RDF}about") or "")
    return _finish(
        one_line(html_to_text(_text(item.find(f"{RSS1}title")))), link, guid,
        html_to_text(_text(item.find(f"{RSS1}description"))),
        html_to_text(_text(item.find(f"{CONTENT}encoded"))),
        _date(_text(item.find(f"{DC}date")), iso=True), _text(item.find(f"{DC}creator")),
    )


def _date(text: str, iso: bool = False) -> datetime | None:
    text = text.strip()
    if not text:
        return None
    if iso and not _RFC3339.match(text):
        raise _Unsupported
    if not iso and "," in text and text.split(",", 1)[0].strip().lower()[:3] not in _DAYS:
        raise _Unsupported
    try:
        when = datetime.fromisoformat(text) if iso else parsedate_to_datetime(text)
    except (TypeError, ValueError, IndexError) as exc:
        raise _Unsupported from exc
    if when.tzinfo is None:
        raise _Unsupported  # feedparser's rules for zone-less dates differ; let it decide
    return when.astimezone(UTC).replace(microsecond=0)
