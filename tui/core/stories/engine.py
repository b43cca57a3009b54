"""Story grouping: an incremental, time-aware engine that puts articles from many outlets into stories."""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable, Sequence
from datetime import datetime, timedelta
from functools import lru_cache

from rapidfuzz import fuzz, process

from tui.core.stories.batch import BatchPasses
from tui.core.stories.model import Assignment, Entry, StoryItem, StoryState, Tuning, aware, effective_time, time_key
from tui.core.stories.tokens import strip_generic_prefix, tokenize

_SCORERS = {"ratio": fuzz.ratio, "token_set": fuzz.token_set_ratio}


class StoryEngine(BatchPasses):
    """Incremental story grouping over an inverted index of salient tokens."""

    def __init__(self, window: timedelta | None = timedelta(hours=72), **tuning: float) -> None:
        self.window = window
        self.tuning = Tuning(**tuning)
        self._df: Counter[str] = Counter()
        self._name_votes: Counter[str] = Counter()
        self._documents = 0
        self._epoch = 0
        self._next_id = 1
        self._entries: dict[str, Entry] = {}
        self._stories: dict[int, StoryState] = {}
        self._postings: dict[str, dict[int, None]] = {}
        self._assignments: dict[str, Assignment] = {}
        self._idf_cache: dict[str, float] = {}

    # ----------------------------------------------------------------- public

    @property
    def story_count(self) -> int:
        return len(self._stories)

    def assignment(self, item_id: str) -> Assignment | None:
        return self._assignments.get(item_id)

    def reserve_ids(self, highest: int) -> None:
        """Mark story ids up to `highest` as taken (e.g. stories outside the restored window)."""
        self._next_id = max(self._next_id, highest + 1)

    def restore(self, assigned: Iterable[tuple[StoryItem, int]]) -> None:
        """Rebuild the index from persisted (item, story id) pairs without re-clustering."""
        fresh = self._fresh([pair for pair in assigned], key=lambda pair: pair[0].id)
        entries = [(self._featurise(item), story_id) for item, story_id in fresh]
        self._count_documents(entry for entry, _ in entries)
        for entry, story_id in sorted(entries, key=lambda pair: time_key(pair[0])):
            self._attach(entry, story_id)
            self._assignments[entry.item_id] = Assignment(entry.item_id, story_id, 0.0, (), None)

    def add(self, items: Iterable[StoryItem]) -> list[Assignment]:
        """Group new items (known ids keep their assignment); returns one assignment per input item."""
        items = list(items)
        fresh = self._fresh(items, key=lambda item: item.id)
        entries = [self._featurise(item) for item in fresh]
        self._count_documents(entries)
        ordered = sorted(entries, key=time_key)
        first_new_id = self._next_id
        for entry in ordered:
            self._assignments[entry.item_id] = self._place(entry)
        for _ in range(self.tuning.refine_passes):
            self._refine(ordered)
        for _ in range(self.tuning.merge_rounds):
            if not self._merge_small(ordered):
                break
        self._renumber(ordered, first_new_id)
        return [self._assignments[item.id] for item in items]

    # -------------------------------------------------------------- indexing

    def _fresh(self, things: list, key) -> list:
        """Things whose id is neither known nor repeated earlier in the same batch."""
        seen: set[str] = set()
        fresh = []
        for thing in things:
            item_id = key(thing)
            if item_id in self._entries or item_id in seen:
                continue
            seen.add(item_id)
            fresh.append(thing)
        return fresh

    def _featurise(self, item: StoryItem) -> Entry:
        tuning = self.tuning
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
        own_name = _outlet_keys(item.outlet)
        for tokens, base in ((title_tokens, 1.0), (text_tokens, tuning.text_weight)):
            for token in tokens:
                if token.key in own_name:
                    continue
                evidence[token.key] += token.name_evidence
                if base > weights.get(token.key, 0.0):
                    weights[token.key] = base
                surface.setdefault(token.key, token.surface)
        for actor in item.actors:
            for token in tokenize(actor):
                if token.key in own_name:
                    continue
                weights[token.key] = max(weights.get(token.key, 0.0), tuning.actor_boost)
                evidence[token.key] += 3
                surface.setdefault(token.key, actor)
        # Sorted unique tokens: plain Levenshtein ratio over these behaves like token_sort_ratio, ten times cheaper.
        key = " ".join(sorted({token.key for token in title_tokens}))
        return Entry(
            item.id, weights, surface, key, effective_time(item), Counter({t: n for t, n in evidence.items() if n})
        )

    def _count_documents(self, entries: Iterable[Entry]) -> None:
        for entry in entries:
            self._df.update(entry.weights.keys())
            self._name_votes.update(entry.evidence)
            self._documents += 1
        self._idf_cache.clear()
        self._epoch += 1

    def _is_name(self, token: str) -> bool:
        """Names are learnt from all articles: capitalised mid-sentence more often than not."""
        return self._name_votes.get(token, 0) > 0

    def _idf(self, token: str) -> float:
        cached = self._idf_cache.get(token)
        if cached is None:
            cached = math.log((self._documents + 10) / (self._df.get(token, 0) + 1))
            self._idf_cache[token] = cached
        return cached

    def _detach(self, entry: Entry) -> None:
        story = self._stories[entry.story_id]
        story.version += 1
        index = story.members.index(entry)
        del story.members[index]
        del story.keys[index]
        counts = story.counts
        for token, weight in entry.weights.items():
            counts[token] -= weight
            if counts[token] <= 1e-9 or not story.members:
                del counts[token]
                self._postings[token].pop(story.story_id, None)
        if not story.members:
            del self._stories[story.story_id]  # only a story begun in this batch can empty
            return
        if entry.time is not None and entry.time in (story.first, story.latest):
            times = [m.time for m in story.members if m.time is not None]
            story.first, story.latest = (min(times), max(times)) if times else (None, None)

    def _attach(self, entry: Entry, story_id: int) -> None:
        story = self._stories.get(story_id)
        if story is None:
            story = self._stories[story_id] = StoryState(story_id)
            self._next_id = max(self._next_id, story_id + 1)
        entry.story_id = story_id
        story.version += 1
        story.members.append(entry)
        story.keys.append(entry.key)
        story.counts.update(entry.weights)
        if entry.time is not None:
            story.first = entry.time if story.first is None else min(story.first, entry.time)
            story.latest = entry.time if story.latest is None else max(story.latest, entry.time)
        for token in entry.weights:
            posting = self._postings.setdefault(token, {})
            posting.pop(story_id, None)  # re-insert: postings stay ordered by last update
            posting[story_id] = None
        self._entries[entry.item_id] = entry

    # --------------------------------------------------------------- placing

    def _place(self, entry: Entry) -> Assignment:
        weighted, _ = self._weighted(entry)
        best = self._best_match(entry, weighted)
        if best is None:
            story_id = self._next_id
            self._attach(entry, story_id)
            return Assignment(entry.item_id, story_id, 0.0, (), None)
        score, story, matched, shared = best
        self._attach(entry, story.story_id)
        terms = tuple(entry.surface[token] for token in shared)
        return Assignment(entry.item_id, story.story_id, round(score * 100, 1), terms, matched.item_id)

    def _best_match(self, entry: Entry, weighted: dict[str, float]):
        squared = {t: w * w for t, w in weighted.items()}
        mass = sum(squared.values())
        if mass == 0.0:
            return None
        ranked = sorted(
            ((self._story_score(story, squared) / mass, story) for story in self._candidates(entry, weighted)),
            key=lambda pair: pair[0],
            reverse=True,
        )
        tuning = self.tuning
        best = None
        for story_score, story in ranked[: tuning.story_candidates]:
            if story_score < tuning.runner_up_share * ranked[0][0]:
                break  # far behind the best profile: not worth scoring its articles
            pair = self._best_member(entry, weighted, mass, story)
            if pair is None:
                continue
            pair_score, matched, shared = pair
            score = tuning.story_weight * story_score + (1 - tuning.story_weight) * pair_score
            if score >= tuning.threshold and (best is None or score > best[0]):
                best = (score, story, matched, shared)
        if best is not None:
            score, story, matched, shared = best
            best = (score, story, matched, sorted(shared, key=weighted.__getitem__, reverse=True)[:6])
        return best

    def _candidates(self, entry: Entry, weighted: dict[str, float]) -> list[StoryState]:
        tuning = self.tuning
        ceiling = max(20.0, tuning.max_df_share * self._documents)
        lookup = [t for t in sorted(weighted, key=weighted.__getitem__, reverse=True) if self._df[t] <= ceiling]
        hits: dict[int, float] = {}
        rejected: set[int] = set()
        for token in lookup[: tuning.lookup_tokens]:
            posting = self._postings.get(token)
            if not posting:
                continue
            weight = weighted[token] ** 2
            for scanned, story_id in enumerate(reversed(posting)):
                if scanned >= tuning.posting_scan:
                    break
                if story_id in hits:
                    hits[story_id] += weight
                    continue
                if story_id in rejected:
                    continue
                story = self._stories.get(story_id)
                if story is None or (self.window is not None and not self._in_window(story, entry.time)):
                    rejected.add(story_id)
                    if (
                        story is not None
                        and story.latest is not None
                        and entry.time is not None
                        and story.latest < entry.time
                    ):
                        break  # older stories sit further back in this posting
                    continue
                hits[story_id] = weight
        best = sorted(hits, key=hits.__getitem__, reverse=True)[: tuning.candidate_limit]
        return [self._stories[story_id] for story_id in best]

    def _in_window(self, story: StoryState, moment: datetime | None) -> bool:
        if self.window is None or moment is None or story.latest is None or story.first is None:
            return True
        return story.first - self.window <= moment <= story.latest + self.window

    @staticmethod
    def _story_score(story: StoryState, squared: dict[str, float]) -> float:
        """How much of the article's weight the story's profile covers, by how typical each token is there."""
        size = len(story.members)
        counts = story.counts
        covered = 0.0
        for token, weight in squared.items():
            count = counts.get(token)
            if count:
                covered += weight * (1.0 if count >= size else count / size)
        return covered

    def _best_member(self, entry: Entry, weighted: dict[str, float], mass: float, story: StoryState):
        """The story's article closest to this one: rapidfuzz shortlists, idf-weighted cosine decides."""
        tuning = self.tuning
        start = max(0, len(story.members) - tuning.member_scan)
        members = story.members[start:]
        shortlist = process.extract(
            entry.key, story.keys[start:], scorer=_SCORERS[tuning.fuzz_scorer], limit=tuning.member_shortlist
        )
        best = None
        for _, ratio, index in shortlist:
            member = members[index]
            other, other_mass = self._weighted(member)
            shared = [t for t in weighted if t in other]
            if not shared:
                continue
            if len(shared) < tuning.min_shared and not self._distinctive(shared, entry, member):
                continue
            if entry.names and member.names and entry.names.isdisjoint(member.names):
                continue  # both name who or where, and the names differ: different events
            cosine = sum(weighted[t] * other[t] for t in shared) / math.sqrt(mass * other_mass)
            score = (1 - tuning.fuzz_weight) * cosine + tuning.fuzz_weight * float(ratio) / 100
            if best is None or score > best[0]:
                best = (score, member, shared)
        return best

    def _distinctive(self, shared: list[str], entry: Entry, member: Entry) -> bool:
        """Whether a lone shared token is enough: a name in both articles, or a rare word."""
        return any((t in entry.names and t in member.names) or self._idf(t) >= self.tuning.rare_idf for t in shared)

    def _weighted(self, entry: Entry) -> tuple[dict[str, float], float]:
        """An entry's idf-weighted tokens and their squared norm, cached until document counts change."""
        if entry.epoch != self._epoch:
            boost = self.tuning.name_boost
            entry.names = frozenset(t for t in entry.weights if self._is_name(t))
            entry.weighted = {
                t: w * self._idf(t) * (boost if t in entry.names else 1.0) for t, w in entry.weights.items()
            }
            entry.mass = sum(w * w for w in entry.weighted.values())
            entry.epoch = self._epoch
        return entry.weighted, entry.mass


@lru_cache(maxsize=4096)
def _outlet_keys(outlet: str) -> frozenset[str]:
    """The tokens of an outlet's name (cached: a refresh sees the same few hundred outlets)."""
    return frozenset(token.key for token in tokenize(outlet)) if outlet else frozenset()


def story_headline(titles: Sequence[str]) -> str:
    """The most representative title: sharing most tokens with the others, not a "Live updates:" one, shortest."""
    if not titles:
        return ""
    stripped = [strip_generic_prefix(title) for title in titles]
    token_sets = [{t.key for t in tokenize(title)} for title in stripped]
    frequency = Counter(token for tokens in token_sets for token in tokens)

    def centrality(index: int) -> tuple[float, bool, int]:
        tokens = token_sets[index]
        if not tokens:
            return (0.0, False, 0)
        shared = sum(frequency[t] - 1 for t in tokens) / math.sqrt(len(tokens))
        return (shared, stripped[index] == titles[index], -len(titles[index]))

    return titles[max(range(len(titles)), key=centrality)]


def cluster_records(records: Iterable[dict], window_hours: float | None) -> list[dict]:
    """Offline grouping for `byline cluster`: [{"id", "story"}] in input order (ids as given), using StoryEngine."""
    window = None if window_hours is None else timedelta(hours=window_hours)
    records = list(records)
    assignments = StoryEngine(window=window).add(_record_item(record) for record in records)
    return [
        {"id": record["id"], "story": assignment.story_id}
        for record, assignment in zip(records, assignments, strict=True)
    ]


def _record_item(record: dict) -> StoryItem:
    moment = _parse_time(record.get("published"))
    return StoryItem(
        id=str(record["id"]),
        title=str(record.get("title") or ""),
        text=str(record.get("text") or ""),
        outlet=str(record.get("outlet") or ""),
        published=aware(moment),
    )


def _parse_time(value: object) -> datetime | None:
    """An ISO 8601 time, or None when it is missing or unreadable (the article then has no time)."""
    if not isinstance(value, str) or not value.strip():
        return None
    try:
        return datetime.fromisoformat(value.strip().replace("Z", "+00:00"))
    except ValueError:
        return None


__all__ = ["Assignment", "StoryEngine", "StoryItem", "cluster_records", "effective_time", "story_headline"]
