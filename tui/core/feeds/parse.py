"""feedparser -> ParsedFeed: plain-text entries with stable ids and UTC dates."""

from __future__ import annotations

import calendar
import hashlib
from datetime import UTC, datetime
from typing import Any
from urllib.parse import urljoin, urlsplit

from tui.core.feeds.fastparse import parse_fast
from tui.core.models import ParsedEntry, ParsedFeed
from tui.core.text import author_name, html_to_text, one_line

MAX_ENTRIES = 2000
MAX_FIELD_CHARS = 200_000
# feedparser's bozo exceptions that mean "no feed at all" rather than "a feed with flaws"
_FATAL_WHEN_EMPTY = ("SAXParseException", "NonXMLContentType", "CharacterEncodingUnknown")


def parse_feed(body: bytes, url: str, headers: dict[str, str] | None = None) -> ParsedFeed:
    """Parse feed bytes; a malformed feed yields what it can plus a warning. Never raises."""
    if not body.strip():
        return ParsedFeed(None, (), error="empty response")
    if _declares_entities(body):
        return ParsedFeed(None, (), error="refused: the feed declares XML entities in a DTD "
                                          "(entity expansion and external entities are unsafe)")
    content_type = {k.lower(): v for k, v in (headers or {}).items()}.get("content-type")
    fast = parse_fast(body, url, content_type)
    return fast if fast is not None else parse_with_feedparser(body, url, headers)


def parse_with_feedparser(body: bytes, url: str,
                          headers: dict[str, str] | None = None) -> ParsedFeed:
    """The thorough path: any RSS/Atom/RDF dialect, malformed feeds yield what they can."""
    import feedparser

    try:
        # Bytes, never a str: feedparser would treat a str that looks like a URL as one to fetch.
        parsed = feedparser.parse(bytes(body), response_headers=_feed_headers(headers),
                                  sanitize_html=False, resolve_relative_uris=False)
    except Exception as exc:  # feedparser is robust, but a parser bug must not stop a refresh
        return ParsedFeed(None, (), error=f"cannot parse feed: {type(exc).__name__}: {exc}")
    entries = _entries(parsed, url)
    warning = _bozo_message(parsed) if parsed.get("bozo") else None
    if not entries and warning and not parsed.get("version"):
        return ParsedFeed(None, (), error=f"not a feed: {warning}")
    if not entries and not parsed.get("version") and not parsed.feed:
        return ParsedFeed(None, (), error="not an RSS, Atom or RDF feed")
    title = one_line(parsed.feed.get("title", "")) or None if parsed.feed else None
    return ParsedFeed(title, entries, warning=warning)


def _declares_entities(body: bytes) -> bool:
    """True when the DOCTYPE's internal subset holds an <!ENTITY declaration."""
    head = body[:65536]
    doctype = head.upper().find(b"<!DOCTYPE")
    if doctype < 0:
        return False
    close = body.find(b">", doctype)
    bracket = body.find(b"[", doctype)
    if bracket < 0 or (0 <= close < bracket):
        return False  # a DOCTYPE without an internal subset declares nothing
    end = body.find(b"]>", bracket)
    subset = body[bracket:end if end >= 0 else len(body)]
    return b"<!ENTITY" in subset.upper()


def _feed_headers(headers: dict[str, str] | None) -> dict[str, str]:
    result = {k.lower(): v for k, v in (headers or {}).items()
              if k.lower() in ("content-type", "content-location", "content-language")}
    return result


def _bozo_message(parsed: Any) -> str:
    exc = parsed.get("bozo_exception")
    if exc is None:
        return "malformed feed"
    text = one_line(str(exc)) or type(exc).__name__
    return f"malformed feed ({type(exc).__name__}): {text[:200]}"


def _entries(parsed: Any, feed_url: str) -> tuple[ParsedEntry, ...]:
    entries: list[ParsedEntry] = []
    seen: set[str] = set()
    for raw in parsed.entries[:MAX_ENTRIES]:
        entry = _entry(raw, feed_url)
        if entry is not None and entry.guid not in seen:
            seen.add(entry.guid)
            entries.append(entry)
    return tuple(entries)


def _entry(raw: Any, feed_url: str) -> ParsedEntry | None:
    title = one_line(html_to_text(_limited(raw.get("title", ""))))
    link = _link(raw, feed_url)
    summary = html_to_text(_limited(raw.get("summary", "")))
    content = _content(raw)
    if content == summary:
        content = ""
    if not title:
        title = _title_from(summary or content) or (link or "")
    if not title and not summary and not content:
        return None
    guid = one_line(_limited(str(raw.get("id") or ""))) or link
    published = _utc(next((dict.get(raw, key) for key in
                           ("published_parsed", "updated_parsed", "created_parsed")
                           if dict.get(raw, key)), None))
    if not guid:
        digest = hashlib.sha1(f"{title}\n{published}\n{summary[:500]}".encode()).hexdigest()
        guid = f"sha1:{digest}"
    author = author_name(_limited(raw.get("author", ""))) or None
    return ParsedEntry(guid=guid, url=link, title=title, author=author, published=published,
                       summary=summary, content=content)


def _limited(value: Any) -> str:
    return str(value or "")[:MAX_FIELD_CHARS]


def _content(raw: Any) -> str:
    best = ""
    for item in raw.get("content") or []:
        text = html_to_text(_limited(item.get("value", "")))
        if len(text) > len(best):
            best = text
    return best


def _link(raw: Any, feed_url: str) -> str | None:
    candidates = [raw.get("link")]
    candidates += [item.get("href") for item in raw.get("links") or []
                   if item.get("rel", "alternate") == "alternate"]
    guid = raw.get("id")
    if raw.get("guidislink") and guid:
        candidates.append(guid)
    for candidate in candidates:
        if isinstance(candidate, str) and candidate.strip():
            try:
                absolute = urljoin(feed_url, one_line(candidate))
                scheme = urlsplit(absolute).scheme.lower()
            except ValueError:  # "http://[bold]/": not a URL (urllib wants an IPv6 host there)
                continue
            if scheme in ("http", "https", "file"):
                return absolute
    return None


def _title_from(text: str) -> str:
    first = text.split("\n", 1)[0]
    return first if len(first) <= 100 else first[:97].rsplit(" ", 1)[0] + "…"


def _utc(value: Any) -> datetime | None:
    if not value:
        return None
    try:
        stamp = calendar.timegm(value)
        return datetime.fromtimestamp(stamp, tz=UTC)
    except (TypeError, ValueError, OverflowError, OSError):
        return None
