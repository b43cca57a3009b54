"""An article as index evidence: weighted title and lead tokens, the people it names, its time."""

from __future__ import annotations

from collections import Counter
from functools import lru_cache

from tui.core.models import StoryItem
from tui.core.stories.model import Entry, Tuning, effective_time
from tui.core.stories.tokens import strip_generic_prefix, tokenize


def featurise(item: StoryItem, tuning: Tuning) -> Entry:
    """Tokens of the headline (weight 1) and the lead (`text_weight`); the people it names or quotes."""
    weights: dict[str, float] = {}
    surface: dict[str, str] = {}
    evidence: Counter[str] = Counter()
    headline = strip_generic_prefix(item.title)
    title_tokens = tokenize(headline)
    # A roundup ("Morning briefing: ...") touches many events in its text: only its headline
    # may tie it to a story, so it can never glue two stories together.
    roundup = headline != item.title or not title_tokens
    text_tokens = tokenize(item.text, limit=tuning.text_chars) if item.text and not roundup else []
    # An outlet's own name (in datelines and credits) says nothing about the story.
    own_name = outlet_keys(item.outlet)
    for tokens, base in ((title_tokens, 1.0), (text_tokens, tuning.text_weight)):
        for token in tokens:
            key = token.key
            if key in own_name:
                continue
            evidence[key] += token.name_evidence
            if base > weights.get(key, 0.0):
                weights[key] = base
            if key not in surface:
                surface[key] = token.surface
    # The people it names or quotes mark their tokens as lasting evidence (see StoryIndex.weighted);
    # the people it quotes count even beyond its lead (weighing every actor scored lower on events-dev).
    people: set[str] = set()
    if not roundup:
        for actor in item.actors:
            people.update(token.key for token in tokenize(actor) if token.key not in own_name)
        for speaker in item.quoted:
            for token in tokenize(speaker):
                if token.key not in own_name:
                    people.add(token.key)
                    if token.key not in weights:
                        weights[token.key] = tuning.quoted_weight
                        surface[token.key] = token.surface
    # Sorted unique tokens: plain Levenshtein ratio over these behaves like token_sort_ratio, ten times cheaper.
    key = " ".join(sorted({token.key for token in title_tokens}))
    return Entry(item.id, weights, surface, key, effective_time(item),
                 Counter({t: n for t, n in evidence.items() if n}), frozenset(people))


@lru_cache(maxsize=4096)
def outlet_keys(outlet: str) -> frozenset[str]:
    """The tokens of an outlet's name (cached: a refresh sees the same few hundred outlets)."""
    return frozenset(token.key for token in tokenize(outlet)) if outlet else frozenset()
