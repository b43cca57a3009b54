"""An article as index evidence: weighted title and lead tokens, the people it names, its time."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from functools import lru_cache

from tui.core.models import StoryItem
from tui.core.stories.model import Entry, Tuning, effective_time
from tui.core.stories.tokens import Token, strip_generic_prefix, tokenize


@dataclass(frozen=True, eq=False)  # one text is one object: equal by identity
class Lead:
    """What a headline and its lead say, whoever prints them: shared by every copy of one text."""

    weights: dict[str, float]  # read-only: entries of wire copies share these dicts
    surface: dict[str, str]
    evidence: dict[str, int]  # name evidence per token, zeros left out
    key: str
    text_only: frozenset[str]  # tokens of the lead its headline does not give
    roundup: bool
    has_text: bool  # tokens of a lead, not only of the headline


# Texts already read in this batch, by (title, lead): wire copy prints one text in many feeds.
Leads = dict[tuple[str, str], Lead]


def featurise(item: StoryItem, tuning: Tuning, leads: Leads | None = None) -> Entry:
    """Tokens of the headline (weight 1) and the lead (`text_weight`); the people it names or quotes.

    `leads` keeps what each text said for the rest of a batch (its dicts are then shared).
    """
    text = item.text[: tuning.text_chars] if item.text else ""
    lead = None if leads is None else leads.get((item.title, text))
    if lead is None:
        lead = read_lead(item.title, text, tuning)
        if leads is not None:
            leads[(item.title, text)] = lead
    weights, surface, evidence = lead.weights, lead.surface, lead.evidence
    # An outlet's own name (in datelines and credits) says nothing about the story.
    own_name = outlet_keys(item.outlet)
    if own_name and not own_name.isdisjoint(weights):
        weights = {t: w for t, w in weights.items() if t not in own_name}
        surface = {t: s for t, s in surface.items() if t not in own_name}
        evidence = {t: n for t, n in evidence.items() if t not in own_name}
    # The people it names or quotes mark their tokens as lasting evidence (see StoryIndex.weighted);
    # the people it quotes count even beyond its lead (weighing every actor scored lower on events-dev).
    people: set[str] = set()
    quoted_only: set[str] = set()  # names of people it quotes that neither its headline nor lead gives
    if not lead.roundup:
        for actor in item.actors:
            people.update(token.key for token in name_tokens(actor) if token.key not in own_name)
        for speaker in item.quoted:
            for token in name_tokens(speaker):
                if token.key not in own_name:
                    people.add(token.key)
                    if token.key not in weights:
                        if weights is lead.weights:  # shared: copy before adding
                            weights, surface = dict(weights), dict(surface)
                        weights[token.key] = tuning.quoted_weight
                        surface[token.key] = token.surface
                        quoted_only.add(token.key)
    # A copy is recognised only when it has a lead to compare, not a bare headline: short
    # headlines recur across events ("Apple unveils new iPad"); a headline and its lead do not.
    copy_key = (lead, frozenset(people)) if lead.has_text and weights is lead.weights else None
    return Entry(item.id, weights, surface, lead.key, effective_time(item), Counter(evidence),
                 frozenset(people), copy_key=copy_key, named=frozenset(item.actors),
                 quoted=frozenset(q for q in item.quoted if q[:1].isupper()), places=frozenset(item.places),
                 text_only=lead.text_only | quoted_only if quoted_only else lead.text_only)


def read_lead(title: str, text: str, tuning: Tuning) -> Lead:
    """The weighted tokens of a headline and its (already cut) lead, before any outlet's name is dropped."""
    weights: dict[str, float] = {}
    surface: dict[str, str] = {}
    evidence: dict[str, int] = {}
    headline = strip_generic_prefix(title)
    title_tokens = tokenize(headline)
    # A roundup ("Morning briefing: ...") touches many events in its text: only its headline
    # may tie it to a story, so it can never glue two stories together.
    roundup = headline != title or not title_tokens
    text_tokens = tokenize(text) if text and not roundup else []
    for tokens, base in ((title_tokens, 1.0), (text_tokens, tuning.text_weight)):
        for token in tokens:
            key = token.key
            evidence[key] = evidence.get(key, 0) + token.name_evidence
            if base > weights.get(key, 0.0):
                weights[key] = base
            if key not in surface:
                surface[key] = token.surface
    # Sorted unique tokens: plain Levenshtein ratio over these behaves like token_sort_ratio, ten times cheaper.
    in_title = {token.key for token in title_tokens}
    key = " ".join(sorted(in_title))
    return Lead(weights, surface, {t: n for t, n in evidence.items() if n}, key,
                frozenset(weights.keys() - in_title), roundup, bool(text_tokens))


@lru_cache(maxsize=16384)
def name_tokens(name: str) -> tuple[Token, ...]:
    """The tokens of a person's name (cached: the same people are named across a batch)."""
    return tuple(tokenize(name))


@lru_cache(maxsize=4096)
def outlet_keys(outlet: str) -> frozenset[str]:
    """The tokens of an outlet's name (cached: a refresh sees the same few hundred outlets)."""
    return frozenset(token.key for token in tokenize(outlet)) if outlet else frozenset()
