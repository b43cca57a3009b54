"""The story index: documents seen, their token statistics, stories and the postings that find them."""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable, Iterator
from itertools import islice

from tui.core.stories.model import Entry, StoryState, Tuning


class StoryIndex:
    """Stories, their members and token profiles, with document frequencies and name votes.

    The engine decides where an article goes; the index only records it and answers lookups.
    """

    def __init__(self, tuning: Tuning) -> None:
        self.tuning = tuning
        self.documents = 0
        self.next_id = 1
        self._df: Counter[str] = Counter()
        self._name_votes: Counter[str] = Counter()
        self._epoch = 0
        self._entries: dict[str, Entry] = {}
        self._stories: dict[int, StoryState] = {}
        self._postings: dict[str, dict[int, None]] = {}
        self._idf_cache: dict[str, float] = {}

    # ----------------------------------------------------------------- reading

    def __contains__(self, item_id: str) -> bool:
        return item_id in self._entries

    @property
    def story_count(self) -> int:
        return len(self._stories)

    def story(self, story_id: int) -> StoryState | None:
        return self._stories.get(story_id)

    def df(self, token: str) -> int:
        return self._df.get(token, 0)

    def lookup_ceiling(self) -> float:
        """Tokens in more documents than this find everything, so they look nothing up."""
        return max(20.0, self.tuning.max_df_share * self.documents)

    def recent_stories(self, token: str, limit: int) -> Iterator[int]:
        """Ids of the stories holding `token`, most recently updated first, at most `limit`."""
        posting = self._postings.get(token)
        return islice(reversed(posting), limit) if posting else iter(())

    def is_name(self, token: str) -> bool:
        """Names are learnt from all articles: capitalised mid-sentence more often than not."""
        return self._name_votes.get(token, 0) > 0

    def idf(self, token: str) -> float:
        cached = self._idf_cache.get(token)
        if cached is None:
            cached = math.log((self.documents + 10) / (self._df.get(token, 0) + 1))
            self._idf_cache[token] = cached
        return cached

    def weighted(self, entry: Entry) -> tuple[dict[str, float], float]:
        """An entry's idf-weighted tokens and their squared norm, cached until document counts change.

        Also marks its strong tokens: rare ones (names, places, numbers, uncommon words) and the
        people it names or quotes, the evidence that still ties articles days or weeks apart.
        """
        if entry.epoch != self._epoch:
            tuning = self.tuning
            boost = tuning.name_boost
            names = frozenset(t for t in entry.weights if self.is_name(t))
            idf = self.idf
            weighted = {t: w * idf(t) * (boost if t in names else 1.0) for t, w in entry.weights.items()}
            entry.names = names
            entry.strong = frozenset(t for t in weighted if t in entry.people or idf(t) >= tuning.strong_idf)
            entry.weighted = weighted
            entry.mass = sum(w * w for w in weighted.values())
            entry.epoch = self._epoch
        return entry.weighted, entry.mass

    def profile(self, story: StoryState) -> tuple[dict[str, float], float]:
        """The story's idf-weighted mean token vector and its norm, cached until the story or counts change."""
        self._refresh(story)
        return story.profile

    def story_names(self, story: StoryState) -> frozenset[str]:
        """The names among the story's tokens (cached with its profile)."""
        self._refresh(story)
        return story.names

    def _refresh(self, story: StoryState) -> None:
        key = (self._epoch, story.version)
        if story.profile_key != key:
            size = len(story.members)
            idf, votes = self.idf, self._name_votes
            profile = {t: c / size * idf(t) for t, c in story.counts.items()}
            story.profile = (profile, math.sqrt(sum(v * v for v in profile.values())))
            story.names = frozenset(t for t in profile if votes.get(t, 0) > 0)
            story.profile_key = key

    # ---------------------------------------------------------------- changing

    def count(self, entries: Iterable[Entry]) -> None:
        """Add documents to the statistics (idf and name votes) before they are placed."""
        for entry in entries:
            self._df.update(entry.weights.keys())
            self._name_votes.update(entry.evidence)
            self.documents += 1
        self._idf_cache.clear()
        self._epoch += 1

    def attach(self, entry: Entry, story_id: int) -> None:
        story = self._stories.get(story_id)
        if story is None:
            story = self._stories[story_id] = StoryState(story_id)
            self.next_id = max(self.next_id, story_id + 1)
        entry.story_id = story_id
        story.version += 1
        story.members.append(entry)
        story.keys.append(entry.key)
        counts = story.counts
        for token, weight in entry.weights.items():
            counts[token] = counts.get(token, 0.0) + weight
        if entry.time is not None:
            story.first = entry.time if story.first is None else min(story.first, entry.time)
            story.latest = entry.time if story.latest is None else max(story.latest, entry.time)
        for token in entry.weights:
            posting = self._postings.setdefault(token, {})
            posting.pop(story_id, None)  # re-insert: postings stay ordered by last update
            posting[story_id] = None
        self._entries[entry.item_id] = entry

    def detach(self, entry: Entry) -> None:
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

    def renumber(self, mapping: dict[int, int]) -> list[StoryState]:
        """Move stories to new ids (old -> new), postings and members included; returns the moved."""
        moved = {old: self._stories.pop(old) for old, new in mapping.items() if old != new}
        for old, story in moved.items():
            new = mapping[old]
            story.story_id = new
            self._stories[new] = story
            for token in story.counts:
                posting = self._postings[token]
                posting.pop(old, None)
                posting[new] = None
            for member in story.members:
                member.story_id = new
        return list(moved.values())

    def set_followed(self, story_ids: Iterable[int]) -> None:
        """Mark the stories the reader follows (they collect articles longer)."""
        for story_id in story_ids:
            story = self._stories.get(story_id)
            if story is not None:
                story.followed = True
