"""Check a URL before subscribing: is it a feed, a web page that links to feeds, or neither?"""

from __future__ import annotations

import asyncio
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urljoin, urlsplit

from tui.core.settings import Settings
from tui.core.text import one_line

FEED_TYPES = ("application/rss+xml", "application/atom+xml", "application/rdf+xml",
              "application/feed+json", "application/xml", "text/xml")
PROBE_ACCEPT = ("application/rss+xml, application/atom+xml, application/rdf+xml, "
                "application/xml;q=0.9, text/xml;q=0.9, text/html;q=0.8, */*;q=0.5")


@dataclass(frozen=True)
class FeedLink:
    """A feed a web page points to with <link rel="alternate">."""

    title: str
    url: str


@dataclass(frozen=True)
class Probe:
    """What a URL turned out to be. Exactly one of: a feed (`entries` counted, `title`), a page
    with `links` to feeds, or an `error` saying why it cannot be subscribed to."""

    url: str
    title: str | None = None
    entries: int = 0
    links: tuple[FeedLink, ...] = ()
    error: str | None = None

    @property
    def is_feed(self) -> bool:
        return self.error is None and not self.links


class _AlternateLinks(HTMLParser):
    def __init__(self, base: str) -> None:
        super().__init__(convert_charrefs=True)
        self.base = base
        self.links: list[FeedLink] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag not in ("link", "a"):
            return
        found = {k.lower(): (v or "") for k, v in attrs}
        rel = found.get("rel", "").lower().split()
        kind = found.get("type", "").lower().split(";")[0].strip()
        if tag == "link" and "alternate" in rel and kind in FEED_TYPES and found.get("href"):
            url = urljoin(self.base, found["href"].strip())
            if all(link.url != url for link in self.links):
                self.links.append(FeedLink(one_line(found.get("title") or kind), url))


def feed_links(html: str, base: str) -> list[FeedLink]:
    """The feeds a page advertises in its <head> (RSS, Atom, RDF), absolute, in page order."""
    parser = _AlternateLinks(base)
    try:
        parser.feed(html)
        parser.close()
    except Exception:  # a broken page has no usable links, it does not stop the check  # noqa: BLE001
        pass
    return parser.links


def fetchable(url: str, base: Path | str | None) -> str:
    """The URL to check: a local path becomes a file:// URL (relative to `base`, the config
    file's folder, as feeds.toml reads it)."""
    if urlsplit(url).scheme.lower() in ("http", "https", "file"):
        return url
    path = Path(url).expanduser()
    if not path.is_absolute() and base:
        path = Path(base) / path
    return path.resolve().as_uri()


async def check_feed_url(url: str, settings: Settings, base: Path | str | None = None) -> Probe:
    """What subscribing to `url` would get, as both `a` in the reader and `byline feeds add`
    check it: fetched once, within the fetch timeout and a little more."""
    try:
        return await asyncio.wait_for(probe(fetchable(url, base), settings),
                                      settings.total_timeout + 5)
    except TimeoutError:
        return Probe(url, error="no answer in time")


async def probe(url: str, settings: Settings) -> Probe:
    """Fetch `url` once and say what it is; never raises for network or content trouble."""
    from tui.core.feeds.fetch import Fetcher
    from tui.core.feeds.parse import parse_feed

    async with Fetcher(settings.fetch_limits()) as fetcher:
        response = await fetcher.get(url, accept=PROBE_ACCEPT)
    if response.error_kind is not None:
        return Probe(url, error=response.error or response.error_kind)
    final = response.final_url or url
    content_type = response.headers.get("content-type")
    parsed = parse_feed(response.body, final, response.headers)
    if parsed.error is None and (parsed.entries or parsed.title):
        return Probe(url, title=parsed.title, entries=len(parsed.entries))
    if _looks_like_html(response.body, content_type):
        # Link tags are ASCII; the page's own encoding does not matter for finding them.
        links = feed_links(response.body.decode("utf-8", errors="replace"), final)
        if links:
            return Probe(url, links=tuple(links))
        return Probe(url, error="a web page that links to no feed (no <link rel=\"alternate\">)")
    kind = (content_type or "unknown type").split(";")[0].strip()
    return Probe(url, error=f"not a feed ({parsed.error or kind})")


def _looks_like_html(body: bytes, content_type: str | None) -> bool:
    if content_type and "html" in content_type.lower():
        return True
    head = body[:1024].lstrip().lower()
    return head.startswith((b"<!doctype html", b"<html")) or b"<head" in head
