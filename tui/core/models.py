"""Plain records every layer shares: feeds and their health, articles, actors and quotes, stories,
search hits. The store returns these; the UI and the CLI read them; nothing here does work."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from enum import Enum
from typing import Any


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
class Progress:
    """One step of a refresh, for progress bars (phase: feeds, pages, analysis, stories);
    `articles`: those whose analysis a step ("analysis") stored."""

    phase: str
    done: int
    total: int
    label: str = ""
    result: FeedResult | None = None
    articles: tuple[int, ...] = ()


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
    origin: str = "local"  # or the sync service it comes from ("greader", "miniflux")

    @property
    def synced(self) -> bool:
        return self.origin != "local"

    @property
    def failing(self) -> bool:
        return bool(self.last_error)

    @property
    def status(self) -> str:
        """The feed's health as its last real outcome says: error, warning, never fetched, ok."""
        if self.last_error:
            return "error"
        if self.last_warning:
            return "warning"
        return "ok" if self.last_checked else "never fetched"


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
class ArticleFlags:
    """The state of an article that the user changes."""

    id: int
    feed_id: int
    read: bool
    starred: bool


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
    origin: str = "local"  # or the sync service its feed comes from

    @property
    def time(self) -> datetime:
        return self.published or self.fetched

    @property
    def text(self) -> str:
        return self.body or self.summary


# -- who said what ---------------------------------------------------------------------------

# Actors are listed people first, then organisations, then places; ties by mentions, then order.
ACTOR_KIND_ORDER = {"person": 0, "organisation": 1, "place": 2}


@dataclass(frozen=True)
class Actor:
    """A person, organisation or place named in an article; `id` is set once stored."""

    name: str
    kind: str
    role: str | None
    aliases: tuple[str, ...]
    mentions: int
    first_offset: int
    spans: tuple[tuple[int, int], ...]
    id: int | None = None
    article_id: int | None = None
    # The chance a reader finds it real and of its kind (tui/core/quotes/evidence.py); only actors at
    # or above SHOWN_CONFIDENCE are shown (the side panel, `byline extract --json`).
    confidence: float = 1.0

    @property
    def sort_key(self) -> tuple[int, int, int]:
        return (ACTOR_KIND_ORDER.get(self.kind, 3), -self.mentions, self.first_offset)


# A quote's confidence is the judge's calibrated chance that it is an attribution of speech with the
# right speaker (tui/core/quotes/judge.py). Below this it is a guess: kept in the cache and returned by
# `byline extract --all`, never shown (side panel, quote lookup, people, `byline extract`). The value is
# the threshold bench/train_quotes.py chose on held-out PolNeAR train (the weights file records it; a
# test checks the two agree). Actors use the same bar; no actor evidence rate lies in [0.63, 0.7).
SHOWN_CONFIDENCE = 0.65


@dataclass(frozen=True)
class Quote:
    """One attribution unit: a speaker, a cue and one or more content pieces (`"A," she said. "B."`
    is one quote of two pieces). `speaker` is a name, a lower-case description for an unnamed source
    ("a senior official"), or None when no one is given; start/end cover the whole unit, `pieces`
    the (start, end) of each quoted part, and `text` is the pieces joined with " … ". `id` is set
    once stored."""

    speaker: str | None
    text: str
    kind: str
    cue: str | None
    start: int
    end: int
    confidence: float
    id: int | None = None
    article_id: int | None = None
    pieces: tuple[tuple[int, int], ...] = ()

    @property
    def spans(self) -> tuple[tuple[int, int], ...]:
        """The pieces, or the whole (start, end) for a quote stored without them."""
        return self.pieces or ((self.start, self.end),)

    @property
    def unnamed(self) -> bool:
        """Whether the speaker is a description of an unnamed source ("officials"), not a name."""
        speaker = self.speaker or ""
        return bool(speaker) and not speaker[:1].isupper()


@dataclass(frozen=True)
class Analysis:
    """Everything the quote rules (tui.core.quotes.extractor.analyse) found in one article. It lives
    here, not beside the rules: it is what worker processes send back, and unpickling it must not
    import the rules (their regexes take a few hundred ms to compile) into the refresh's process,
    which in the TUI is the one that answers keys."""

    actors: tuple[Actor, ...]
    quotes: tuple[Quote, ...]
    # Set when the rules failed on this text: it has no quotes because of a bug, not because
    # the article has none.
    error: str | None = None

    def shown(self) -> tuple[Quote, ...]:
        """The quotes a reader is shown: confidence at least SHOWN_CONFIDENCE (the rest are guesses)."""
        return tuple(q for q in self.quotes if q.confidence >= SHOWN_CONFIDENCE)

    def shown_actors(self) -> tuple[Actor, ...]:
        """The actors a reader is shown (the side panel's list): confidence at least SHOWN_CONFIDENCE."""
        return tuple(a for a in self.actors if a.confidence >= SHOWN_CONFIDENCE)

    def to_json(self, guesses: bool = False) -> dict[str, Any]:
        """The JSON shape of `byline extract --json`: the shown actors and quotes, or with guesses every
        one found."""
        return {
            "actors": [
                {"name": a.name, "kind": a.kind, "role": a.role, "aliases": list(a.aliases), "mentions": a.mentions,
                 "confidence": a.confidence}
                for a in (self.actors if guesses else self.shown_actors())
            ],
            **({"error": self.error} if self.error else {}),
            "quotes": [
                {"speaker": q.speaker, "cue": q.cue, "kind": q.kind, "text": q.text, "start": q.start, "end": q.end,
                 "pieces": [{"start": a, "end": b} for a, b in q.spans], "confidence": q.confidence,
                 "unnamed": q.unnamed}
                for q in (self.quotes if guesses else self.shown())
            ],
        }


@dataclass(frozen=True)
class NameUse:
    """A name as one article writes it (`alias`: "Trump", "Mr. Trump"), the full name the article
    gives for it (`full`: "Donald Trump", or the alias when it gives none) and its kind (person or
    organisation); `story_id` lets a short name find its full name in the same story."""

    article_id: int
    story_id: int | None
    alias: str
    full: str
    kind: str


@dataclass(frozen=True)
class QuoteHit:
    """A stored quote found by quote lookup, with the article it came from."""

    quote_id: int
    article_id: int
    speaker: str | None
    text: str
    kind: str
    start: int
    end: int
    feed_name: str
    title: str
    url: str | None
    time: datetime


@dataclass(frozen=True)
class SearchHit:
    """One article matching a search, with a snippet whose hits are between the markers."""

    article_id: int
    feed_name: str
    title: str
    time: datetime
    snippet: str
    title_marked: str


# -- stories ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class StoryItem:
    """One article as the grouping engine sees it (ids are strings: the engine also groups
    records that are not in the cache)."""

    id: str
    title: str
    text: str = ""
    outlet: str = ""
    published: datetime | None = None
    seen: datetime | None = None
    actors: tuple[str, ...] = ()
    story_id: int | None = None  # the story it is in, when restored from the cache
    quoted: tuple[str, ...] = ()  # the people it quotes
    places: tuple[str, ...] = ()  # the places it names (they explain a merge; they add no weight)


@dataclass(frozen=True)
class StoryInfo:
    """A story as lists show it."""

    id: int
    headline: str
    first_seen: datetime
    last_updated: datetime
    article_count: int
    outlet_count: int
    followed: bool
    read_count: int

    @property
    def new_since_read(self) -> int:
        return max(self.article_count - self.read_count, 0)


@dataclass(frozen=True)
class StoryMerge:
    """Two stories that grew together were joined: what they share, the reason it is recorded.

    `from_story` is the story whose articles moved (None when it began in the same refresh, so
    no one saw its id); `score` the similarity of the two stories (0..100).
    """

    from_story: int | None
    score: float
    names: tuple[str, ...] = ()
    places: tuple[str, ...] = ()
    people: tuple[str, ...] = ()

    def words(self) -> str:
        """The merge in words, as the reader says it: "merged with story 17: both name Equifax; ..."."""
        what = "merged" if self.from_story is None else f"merged from story {self.from_story}"
        parts = [f"both name {', '.join(self.names)}"] if self.names else []
        if self.places:
            parts.append(f"places {', '.join(self.places)}")
        if self.people:
            parts.append(f"people {', '.join(self.people)}")
        return f"{what}: {'; '.join(parts)}" if parts else what

    def record(self) -> dict[str, object]:
        """As JSON keeps it (the store's column and `byline stories --json`)."""
        return {"from_story": self.from_story, "score": self.score, "names": list(self.names),
                "places": list(self.places), "people": list(self.people)}

    @classmethod
    def from_record(cls, record: dict[str, Any]) -> StoryMerge:
        return cls(record.get("from_story"), float(record.get("score") or 0.0),
                   tuple(record.get("names") or ()), tuple(record.get("places") or ()),
                   tuple(record.get("people") or ()))


@dataclass(frozen=True)
class StoryMembership:
    """Why an article is in its story: the score and shared terms of its best match, and the
    merge that brought it there when its story merged into this one."""

    story_id: int
    score: float
    shared_terms: tuple[str, ...]
    matched_article_id: int | None
    merge: StoryMerge | None = None


@dataclass(frozen=True)
class StoryArticle:
    """One article of a story, as its coverage list shows it."""

    article_id: int
    outlet: str
    title: str
    time: datetime
    read: bool
    url: str | None


@dataclass(frozen=True)
class CoverageArticle:
    """One article of a story with its text, for comparing how outlets covered it."""

    article_id: int
    outlet: str
    title: str
    url: str | None
    time: datetime
    text: str


@dataclass(frozen=True)
class QuotedPerson:
    """Someone quoted in a story, how often, and by which outlets."""

    speaker: str
    outlets: tuple[str, ...]
    quotes: int


# -- watchlists, people, notifications --------------------------------------------------------


@dataclass(frozen=True)
class PersonInfo:
    """A followed person: their shown quotes, and how many came since they were last opened."""

    name: str
    followed_at: datetime
    seen_at: datetime
    quotes: int
    new_quotes: int


@dataclass(frozen=True)
class NewsItem:
    """What a refresh brought to something followed: `kind` is "story", "person" or "watch";
    `count` is new articles (new quotes for a person); `titles` are a few of their titles."""

    kind: str
    name: str
    count: int
    titles: tuple[str, ...]
    story_id: int | None = None


# -- sync (tui/core/sync/) ------------------------------------------------------------------
@dataclass(frozen=True)
class RemoteFeed:
    """A subscription on the server; its folders or labels become tags."""

    server_id: str
    url: str
    title: str
    tags: tuple[str, ...] = ()


@dataclass(frozen=True)
class RemoteItem:
    """An item (an entry) on the server, with its read and starred state."""

    server_id: str
    feed_server_id: str
    url: str | None
    title: str
    author: str | None
    published: datetime | None
    content: str
    read: bool
    starred: bool
    changed: float | None = None  # the server's time of its last change (seconds), if it says


@dataclass(frozen=True)
class ItemState:
    """Read and starred state of one item on the server, and when it last changed there (None
    where the server did not say: a Miniflux item unchanged since the change being sent)."""

    read: bool | None
    starred: bool | None
    changed: float | None = None


@dataclass(frozen=True)
class LocalChange:
    """A change made in Byline and not yet sent: `field` is "read" or "starred"."""

    article_id: int
    server_id: str
    field: str
    value: bool
    at: float  # when it was made (seconds since the epoch)


@dataclass
class SyncMoves:
    """What one step of a sync changed in the cache."""

    new: int = 0
    marked_read: int = 0
    marked_unread: int = 0
    starred: int = 0
    unstarred: int = 0

    def count(self, field: str, value: bool) -> None:
        """One article's read or starred state changed to `value`."""
        if field == "read":
            if value:
                self.marked_read += 1
            else:
                self.marked_unread += 1
        elif value:
            self.starred += 1
        else:
            self.unstarred += 1
