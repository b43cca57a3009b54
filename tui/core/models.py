"""Plain data records shared by the core and the UI: feed results, articles, feed health."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from enum import Enum


class Outcome(str, Enum):
    """How one feed's refresh ended."""

    OK = "ok"
    NOT_MODIFIED = "not modified"
    HTTP_ERROR = "http error"
    TIMEOUT = "timeout"
    NETWORK_ERROR = "network error"
    PARSE_ERROR = "parse error"
    TOO_LARGE = "too large"
    BACKING_OFF = "backing off"
    CACHE_ERROR = "cache error"

    @property
    def failed(self) -> bool:
        return self not in (Outcome.OK, Outcome.NOT_MODIFIED, Outcome.BACKING_OFF)


class TextStatus(str, Enum):
    """Where an article's displayed text came from."""

    PENDING = "pending"
    FULL = "full text"
    SUMMARY = "summary only"
    FAILED = "failed"


@dataclass(frozen=True)
class ParsedEntry:
    """One item of a parsed feed, already cleaned to plain text."""

    guid: str
    url: str | None
    title: str
    author: str | None
    published: datetime | None
    summary: str
    content: str


@dataclass(frozen=True)
class ParsedFeed:
    """What the feed parser made of a document."""

    title: str | None
    entries: tuple[ParsedEntry, ...]
    warning: str | None = None
    error: str | None = None


@dataclass(frozen=True)
class FeedResult:
    """The outcome of refreshing one feed, recorded in the cache."""

    url: str
    name: str
    outcome: Outcome
    new_articles: int = 0
    entries: int = 0
    http_status: int | None = None
    error: str | None = None
    warning: str | None = None
    seconds: float = 0.0


@dataclass(frozen=True)
class FeedInfo:
    """A subscribed feed with its health and counts, as the UI and `byline feeds` show it."""

    id: int
    name: str
    url: str
    tags: tuple[str, ...]
    title: str | None
    last_checked: datetime | None
    last_success: datetime | None
    last_outcome: str | None
    last_error: str | None
    last_warning: str | None
    article_count: int = 0
    unread_count: int = 0

    @property
    def failing(self) -> bool:
        return bool(self.last_error)


@dataclass(frozen=True)
class ArticleRow:
    """The few fields an article list row needs."""

    id: int
    feed_name: str
    title: str
    time: datetime
    read: bool
    starred: bool
    story_id: int | None = None
    story_outlets: int = 0


@dataclass(frozen=True)
class Article:
    """A whole cached article."""

    id: int
    feed_id: int
    feed_name: str
    guid: str
    url: str | None
    title: str
    author: str | None
    published: datetime | None
    fetched: datetime
    summary: str
    body: str
    text_status: TextStatus
    text_note: str | None
    read: bool
    starred: bool
    story_id: int | None = None
    extra: dict[str, str] = field(default_factory=dict)

    @property
    def time(self) -> datetime:
        return self.published or self.fetched

    @property
    def text(self) -> str:
        return self.body or self.summary
