"""Records of story grouping: the engine's input and output, its tuning knobs and its internal index entries."""

from __future__ import annotations

from collections import Counter
from collections.abc import Hashable
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone

from tui.core.models import StoryItem, StoryMerge

_EARLIEST_PLAUSIBLE = datetime(1995, 1, 1, tzinfo=timezone.utc)
_FUTURE_TOLERANCE = timedelta(days=1)


@dataclass(frozen=True)
class Assignment:
    """Which story an article joined, and why."""

    item_id: str
    story_id: int
    score: float
    shared_terms: tuple[str, ...]
    matched_item_id: str | None
    merge: StoryMerge | None = None  # set when it came with its story, merged into this one


@dataclass(frozen=True)
class Tuning:
    """The engine's knobs: scoring tuned on events-dev, folding and caps on GoogleNews-T (bench/results/stories.md)."""

    threshold: float = 0.20  # combined similarity (0..1) needed to join a story
    story_weight: float = 0.3  # share of the score from the story's token profile (rest: best article)
    fuzz_weight: float = 0.2  # share of the article score from rapidfuzz on the token strings
    fuzz_scorer: str = "ratio"  # rapidfuzz scorer over sorted token strings ("ratio" or "token_set")
    text_weight: float = 0.5  # weight of a token seen only in the text, relative to the title
    name_boost: float = 1.5  # names and acronyms weigh more than common words
    # A token its headline does not give (only its lead, or the name of someone it quotes), found in
    # fewer documents than this, is left out of the article and its story's profile: it matches
    # nothing, and full text is full of such details (a town, a lawyer), so they outweighed the rest.
    min_df: int = 2
    text_chars: int = 300  # how much of the text is read (the lead; 600 scored lower on events-dev and cost twice)
    min_shared: int = 1  # shared tokens needed with the matched article, unless one is rare
    rare_idf: float = 4.0  # an idf above this counts as rare enough to tie on its own
    lookup_tokens: int = 8  # salient tokens used to find candidates
    max_df_share: float = 0.05  # tokens in more documents than this share never find candidates
    posting_scan: int = 50  # stories scanned per token (most recently updated first)
    candidate_limit: int = 12  # stories, by weight of the salient tokens they share, whose profile is scored
    runner_up_share: float = 0.3  # stories whose profile score is below this share of the best are skipped
    story_candidates: int = 3  # best stories whose articles rapidfuzz scores
    member_scan: int = 48  # most recent articles of a story rapidfuzz compares against
    member_shortlist: int = 5  # of those, the best by rapidfuzz that are scored in full
    refine_passes: int = 0  # second looks at this batch's articles once all of it is placed
    refine_max_size: int = 3  # ... when their story is this small
    merge_threshold: float = 0.20  # profile cosine at which a story begun in this batch folds into another
    # With no window (issue 26), after folding: sweeps in which each article of the batch moves to the
    # story whose profile fits it best (cosine), its own taken without it, when that beats its own
    # and reaches `reassign_floor` (tuned on events-dev's halves). Candidates: the `reassign_neighbours`
    # stories closest to its story, and the `reassign_scan` last updated stories holding each token.
    reassign_passes: int = 1
    reassign_floor: float = 0.15
    reassign_neighbours: int = 6
    reassign_scan: int = 2
    merge_rounds: int = 3  # folding passes over the batch's stories
    merge_lookup_tokens: int = 8  # a story's heaviest tokens that find stories to fold into ...
    merge_posting_scan: int = 20  # ... scanning this many stories per token ...
    merge_candidates: int = 6  # ... of which those sharing most weight are compared in full
    # Time (tuned on events-dev): evidence is strong when its tokens are rare (idf over all articles)
    # or name people the article names or quotes (actors);
    # past the window only strong evidence counts, fading, and nothing joins past strong_days.
    strong_idf: float = 2.0  # tokens at least this rare are strong evidence (in under 1 article in 7)
    strong_days: float = 60.0  # strong evidence joins across gaps up to this many days ...
    strong_half_life_days: float = 180.0  # ... counting half as much for every this many days past the window
    far_threshold: float = 0.28  # the threshold for joining or folding into a story past the window
    quoted_weight: float = 1.0  # weight of the name of someone it quotes, when its lead does not name them
    weak_half_life_days: float = 0.0  # weak evidence past the window halves this often (0: it stops)
    # Stories that grew together merge, the later into the earlier (a story this batch touched, of
    # at least `grown_size` articles, with one of at least two and as many), when their profiles meet at
    # `grown_threshold` (time-weighed as folding is) and they share a name or a person: the reason
    # recorded. With `own_strong`, a token rare outside the other story (idf at least `strong_idf`
    # among the articles not in it) is lasting evidence there, however common the story made it.
    grown_threshold: float = 0.20
    grown_size: int = 1
    own_strong: bool = True
    # A story this batch touched whose headlines name only a larger story's subject joins it
    # (subjects.py): the share of the headlines naming it that that story must hold (above 1: never).
    subject_focus: float = 0.5

@dataclass(eq=False)  # one article is one entry: compared by identity (a story finds its member fast)
class Entry:
    """An indexed article: weighted tokens, surface forms and its effective time."""

    item_id: str
    weights: dict[str, float]
    surface: dict[str, str]
    key: str
    time: datetime | None
    evidence: Counter[str] = field(default_factory=Counter)  # +1 capitalised mid-sentence, -1 lowercase
    people: frozenset[str] = frozenset()  # tokens of the actors it names and the people it quotes
    copy_key: Hashable | None = None  # equal for copies of one headline and lead naming the same people
    # Who and where it names, as written: a merge's reason (they weigh nothing here; `people` does)
    named: frozenset[str] = frozenset()
    quoted: frozenset[str] = frozenset()
    places: frozenset[str] = frozenset()
    text_only: frozenset[str] = frozenset()  # tokens its headline does not give (see Tuning.min_df)
    story_id: int = -1
    names: frozenset[str] = frozenset()
    strong: frozenset[str] = frozenset()  # rare names, numbers and people: evidence that lasts
    headline: frozenset[str] = frozenset()  # the names its headline gives (StoryIndex.headline_names)
    headline_epoch: int = -1
    epoch: int = -1
    weighted: dict[str, float] = field(default_factory=dict)
    mass: float = 0.0


@dataclass
class StoryState:
    """A story's token profile, members and time span."""

    story_id: int
    counts: dict[str, float] = field(default_factory=dict)  # summed token weights of its members
    text_only: dict[str, float] = field(default_factory=dict)  # ... of those its members' headlines do not give
    members: list[Entry] = field(default_factory=list)
    keys: list[str] = field(default_factory=list)  # members' token strings, for rapidfuzz
    first: datetime | None = None
    latest: datetime | None = None
    followed: bool = False  # the reader follows it: it collects articles for longer
    version: int = 0  # bumped on every change, to invalidate the cached names
    # idf-weighted token sums (only cosines are taken, so not averaged) and their squared norm,
    # kept up to date as members come and go while the document counts stay (`profile_epoch`)
    profile: dict[str, float] = field(default_factory=dict)
    norm2: float = 0.0
    profile_epoch: int = -1
    names_key: tuple[int, int] = (-1, -1)
    names: frozenset[str] = frozenset()  # the names among its tokens
    subjects_key: tuple[int, int] = (-1, -1)
    subjects: Counter[str] = field(default_factory=Counter)  # names by how many headlines give them
    own_key: tuple[int, int] = (-1, -1)
    own: frozenset[str] = frozenset()  # tokens rare outside it (StoryIndex.own_tokens)


def effective_time(item: StoryItem) -> datetime | None:
    """The published time when it is plausible, else the first-seen time."""
    published = aware(item.published)
    seen = aware(item.seen)
    if published is None or published < _EARLIEST_PLAUSIBLE:
        return seen
    if seen is not None and published > seen + _FUTURE_TOLERANCE:
        return seen
    return published


def aware(moment: datetime | None) -> datetime | None:
    if moment is None or moment.tzinfo is not None:
        return moment
    return moment.replace(tzinfo=timezone.utc)


def time_key(entry: Entry) -> tuple[bool, datetime]:
    """Sort by effective time; undated entries keep their order after the dated ones."""
    return (entry.time is None, entry.time or _EARLIEST_PLAUSIBLE)
