"""Stories that grew together: whether two stories are one event, and the names, places and people
that say so (the merge's reason, `StoryMerge`)."""

from __future__ import annotations

from collections.abc import Set as AbstractSet
from itertools import islice

from tui.core.models import StoryMerge
from tui.core.stories.decay import TimeDecay
from tui.core.stories.index import StoryIndex
from tui.core.stories.model import StoryState, Tuning


class Merging:
    """Scores two stories against each other, time-weighed, and finds the one a story should merge into."""

    def __init__(self, index: StoryIndex, tuning: Tuning, decay: TimeDecay) -> None:
        self.index, self.tuning, self.decay = index, tuning, decay

    def stories_score(self, story: StoryState, other: StoryState, factors: tuple[float, float]) -> float:
        """The time-weighed profile score of two stories (as folding and merging take it)."""
        profile, norm = self.index.profile(story)
        other_profile, other_norm = self.index.profile(other)
        if not norm or not other_norm:
            return 0.0
        strong = {t for member in story.members for t in member.strong}
        if self.tuning.own_strong:
            strong |= self.index.own_tokens(other) & profile.keys()
        return profile_score(profile, norm, other_profile, other_norm, strong, factors)

    def grown_match(self, story: StoryState) -> tuple[StoryState, float, StoryMerge] | None:
        """The story (of at least two articles) closest to this one, when their time-weighed
        profiles meet at `grown_threshold`, the other's own words lasting as names do (`own_tokens`),
        and they share a name, a place or a person; with the merge's reason."""
        index, tuning = self.index, self.tuning
        if not (index.story_names(story) or any(m.named or m.quoted or m.places for m in story.members)):
            return None  # it names no one and nowhere: nothing could say it is another story's event
        profile, norm = index.profile(story)
        if not norm:
            return None
        strong = {t for member in story.members for t in member.strong}
        ceiling, df = index.lookup_ceiling(), index.document_frequency
        lookup = [t for t in sorted(profile, key=profile.__getitem__, reverse=True)
                  if 1 < df.get(t, 0) <= ceiling][: tuning.merge_lookup_tokens]
        # It merges into a story of two articles at least (a lone one has no words of its own, and
        # two lone articles are placing's and folding's to join).
        larger = max(2, tuning.grown_size)
        hits: dict[int, float] = {}
        for token in lookup:
            for other_id in islice(reversed(index.postings[token]), tuning.merge_posting_scan):
                if other_id != story.story_id and len(index.stories[other_id].members) >= larger:
                    hits[other_id] = hits.get(other_id, 0.0) + profile[token]
        best: tuple[StoryState, float, StoryMerge] | None = None
        for other_id in sorted(hits, key=hits.__getitem__, reverse=True)[: tuning.merge_candidates]:
            other = index.stories[other_id]
            factors = self.decay.span_factors(other, story)
            if factors is None or factors == (0.0, 0.0):
                continue
            other_profile, other_norm = index.profile(other)
            if not other_norm:
                continue
            pair_strong = strong | (index.own_tokens(other) & profile.keys()) if tuning.own_strong else strong
            score = profile_score(profile, norm, other_profile, other_norm, pair_strong, factors)
            if score < tuning.grown_threshold or (best is not None and score <= best[1]):
                continue
            reason = self.shared_evidence(story, other)
            if reason is not None:
                names, places, people = reason
                best = (other, score, StoryMerge(None, round(score * 100, 1), names, places, people))
        return best

    def shared_evidence(self, story: StoryState, other: StoryState
                         ) -> tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...]] | None:
        """(names, places, people) two stories share, as their articles write them; None when they
        share no name and no person (then nothing says they are one event)."""
        def gather(s: StoryState) -> tuple[dict[str, str], dict[str, str], dict[str, str], set[str]]:
            named: dict[str, str] = {}
            places: dict[str, str] = {}
            people: dict[str, str] = {}
            for m in s.members:
                named.update((n.casefold(), n) for n in m.named)
                places.update((n.casefold(), n) for n in m.places)
                people.update((n.casefold(), n) for n in m.quoted)
            return named, places, people, set(self.index.story_names(s))

        a_named, a_places, a_people, a_tokens = gather(story)
        b_named, b_places, b_people, b_tokens = gather(other)
        people = [a_people[k] for k in sorted(a_people.keys() & b_people.keys())]
        places = [a_places[k] for k in sorted(a_places.keys() & b_places.keys())]
        told = {k for k in a_people.keys() & b_people.keys()} | (a_places.keys() & b_places.keys())
        names = [a_named[k] for k in sorted(a_named.keys() & b_named.keys()) if k not in told]
        if not names:  # no actor both name: the name tokens both use, as first written
            surface = {t: m.surface[t] for m in story.members for t in m.surface}
            covered = " ".join(told)
            names = [surface[t] for t in sorted(a_tokens & b_tokens)
                     if t in surface and surface[t][:1].isupper() and surface[t].casefold() not in covered][:6]
        if not names and not people:
            return None
        return tuple(names[:6]), tuple(places[:6]), tuple(people[:6])


def profile_score(profile: dict[str, float], norm: float, other_profile: dict[str, float],
                   other_norm: float, strong: AbstractSet[str], factors: tuple[float, float]) -> float:
    """Cosine of two story profiles, strong tokens (names) and weak ones decayed apart."""
    small, large = (profile, other_profile) if len(profile) <= len(other_profile) else (other_profile, profile)
    dot_strong = dot_weak = 0.0
    for token, value in small.items():
        if token in large:
            if token in strong:
                dot_strong += value * large[token]
            else:
                dot_weak += value * large[token]
    return (dot_strong * factors[0] + dot_weak * factors[1]) / (norm * other_norm)
