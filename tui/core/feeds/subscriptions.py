"""Subscriptions: the one record of a subscribed feed, its URL check and its default name."""

from __future__ import annotations

import os
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

from tui.core.text import one_line

_SCHEME = re.compile(r"^([A-Za-z][A-Za-z0-9+.-]*):")
# "example.com/feed" typed without a scheme: a host name, not a relative path.
_BARE_HOST = re.compile(r"^(?:[A-Za-z0-9-]+\.)+([A-Za-z]{2,24})(?::\d+)?$")
# Suffixes that make "name.ext" a file rather than a host such as "example.com".
_FILE_SUFFIXES = {"xml", "rss", "atom", "rdf", "json", "opml", "txt", "feed", "html", "htm"}
_MAX_SHOWN = 120


class SubscriptionError(ValueError):
    """Bad subscription input or file; the message is one line naming the file, URL or line."""


@dataclass(frozen=True)
class Subscription:
    """One subscribed feed: display name, URL (http(s), file:// or a path) and tags, as
    feeds.toml, OPML and newsboat describe it."""

    name: str
    url: str
    tags: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        # Callers often pass a list; a tuple keeps the entry hashable and comparable.
        object.__setattr__(self, "tags", tuple(self.tags))

    @classmethod
    def create(cls, url: str, name: str | None = None, tags: Iterable[str] = ()) -> Subscription:
        """A validated, cleaned subscription: the URL checked, the name defaulted to the host."""
        checked = validate_feed_url(url)
        label = clean_label(name or "") or default_feed_name(checked)
        return cls(label, checked, clean_tags(tags))


@dataclass
class ImportResult:
    """What an importer made of a file: the feeds, and one line per thing it skipped."""

    entries: list[Subscription] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)


def shown(text: str) -> str:
    """A value quoted for a one-line message, shortened if huge."""
    flat = one_line(text)
    if len(flat) > _MAX_SHOWN:
        flat = flat[: _MAX_SHOWN - 1] + "…"
    return repr(flat)


def clean_label(text: str) -> str:
    """A name or tag as Byline stores it: one line, no controls, nothing XML cannot carry."""
    return "".join(ch for ch in one_line(text) if _xml_safe(ch))


def _xml_safe(ch: str) -> bool:
    code = ord(ch)
    return not (0xD800 <= code <= 0xDFFF or code in (0xFFFE, 0xFFFF))


def clean_tags(tags: Iterable[str]) -> tuple[str, ...]:
    """Tags cleaned, empty ones dropped, duplicates removed keeping the first."""
    seen: dict[str, None] = {}
    for tag in tags:
        label = clean_label(tag)
        if label:
            seen.setdefault(label, None)
    return tuple(seen)


def is_remote_url(url: str) -> bool:
    """True for http(s) URLs: the only kind a file from elsewhere may subscribe to by default."""
    return urlsplit(url).scheme.lower() in ("http", "https")


def check_importable(url: str, allow_local: bool) -> str:
    """Validate an imported URL; local files only when asked (an imported file is untrusted)."""
    checked = validate_feed_url(url)
    if not allow_local and not is_remote_url(checked):
        raise SubscriptionError(
            f"local feed {shown(checked)} not imported: imports take http(s) feeds only; "
            "add local files with `byline feeds add`")
    return checked


def validate_feed_url(url: str) -> str:
    """The URL stripped if it is http(s)://host…, file://… or a local path; else raise."""
    if not isinstance(url, str) or not url.strip():
        raise SubscriptionError("feed URL is empty")
    candidate = url.strip()
    if any(unicodedata.category(ch) == "Cc" or not _xml_safe(ch) for ch in candidate):
        raise SubscriptionError(f"feed URL {shown(candidate)} contains control characters")
    if candidate.startswith("|"):
        raise SubscriptionError(
            f"{shown(candidate)} is a command feed (newsboat '|command'); "
            "Byline reads http(s):// URLs, file:// URLs and local paths")
    match = _SCHEME.match(candidate)
    if match and len(match.group(1)) > 1:  # one letter is a Windows drive, "C:\feeds"
        return _validate_with_scheme(candidate, match.group(1).lower())
    return _validate_path(candidate)


def _validate_with_scheme(url: str, scheme: str) -> str:
    if scheme in ("http", "https"):
        if " " in url:
            raise SubscriptionError(f"feed URL {shown(url)} contains spaces")
        parts = urlsplit(url)
        try:
            parts.port  # noqa: B018  (raises ValueError on a bad port)
        except ValueError as exc:
            raise SubscriptionError(f"feed URL {shown(url)} has a bad port: {exc}") from exc
        if not parts.hostname:
            raise SubscriptionError(f"feed URL {shown(url)} has no host")
        return url
    if scheme == "file":
        parts = urlsplit(url)
        if not parts.path or parts.netloc not in ("", "localhost"):
            raise SubscriptionError(
                f"file URL {shown(url)} must name a local file, like file:///home/me/feed.xml")
        return url
    raise SubscriptionError(
        f"unsupported URL scheme '{scheme}:' in {shown(url)}: "
        "use http(s)://, file:// or a local path")


def _validate_path(path: str) -> str:
    first = re.split(r"[/\\]", path, maxsplit=1)[0]
    host = _BARE_HOST.match(first)
    if host and host.group(1).lower() not in _FILE_SUFFIXES:
        raise SubscriptionError(
            f"{shown(path)} has no scheme: did you mean https://{path} ? "
            f"(write ./{path} for a local path)")
    looks_like_path = (
        "/" in path or "\\" in path or path.startswith(("~", "."))
        or (Path(path).suffix and " " not in path)
    )
    if not looks_like_path:
        raise SubscriptionError(
            f"{shown(path)} is not a feed URL: expected http(s)://…, file://… "
            "or a path to a feed file")
    return path


def default_feed_name(url: str) -> str:
    """A name for a feed that has none: its host without www., or its file's stem."""
    parts = urlsplit(url)
    if parts.scheme.lower() in ("http", "https") and parts.hostname:
        host = parts.hostname
        return host[4:] if host.startswith("www.") and host.count(".") > 1 else host
    stem = Path(parts.path if parts.scheme.lower() == "file" else url).stem
    return clean_label(stem) or clean_label(url)


def feed_url_key(url: str, base: Path | None = None) -> str:
    """What two URLs share when they name the same feed (case of host, http vs https, slash)."""
    text = url.strip()
    match = _SCHEME.match(text)
    scheme = match.group(1).lower() if match and len(match.group(1)) > 1 else ""
    if scheme in ("http", "https"):
        parts = urlsplit(text)
        try:
            port = parts.port
        except ValueError:
            port = None
        host = (parts.hostname or "") + (f":{port}" if port not in (None, 80, 443) else "")
        path = parts.path.rstrip("/") or "/"
        return f"//{host}{path}" + (f"?{parts.query}" if parts.query else "")
    if scheme == "file":
        return "file:" + urlsplit(text).path
    if scheme:
        return text
    local = Path(text).expanduser()
    if not local.is_absolute() and base is not None:
        local = base / local
    return "file:" + os.path.normpath(str(local))
