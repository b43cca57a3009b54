"""The story index: documents seen, their token statistics, stories and the postings that find them."""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping, Sequence
from datetime import datetime
from itertools import islice

from tui.core.stories.model import Entry, StoryState, Tuning


class _Idf(dict[str, float]):
    """Inverse document frequency by token, computed on first use (a plain lookup after).

    Cleared whenever the counts change (`StoryIndex.count`), with the new number of documents.
    """

    def __init__(self, df: Counter[str]) -> None:
        super().__init__()
        self.df = df
        self.documents = 0

    def __missing__(self, token: str) -> float:
        value = self[token] = math.log((self.documents + 10) / (self.df.get(token, 0) + 1))
        return value


class StoryIndex:
    """Stories, their members and token profiles, with document frequencies and name votes.

    The engine decides where an article goes; the index only records it and answers lookups.
    """

    def __init__(self, tuning: Tuning) -> None:
        self.tuning = tuning
        self.documents = 0
        self.next_id = 1
        self._df: Counter[str] = Counter()
        self.document_frequency: Mapping[str, int] = self._df  # read-only view for the engine's loops
        self._name_votes: Counter[str] = Counter()
        self._names: set[str] = set()  # tokens with more votes for a name than against
        self._epoch = 0
        self._entries: dict[str, Entry] = {}
        self._stories: dict[int, StoryState] = {}
        self._postings: dict[str, dict[int, None]] = {}
        # Read-only views for the engine's inner loops (a method call per lookup costs more than the lookup).
        self.stories: Mapping[int, StoryState] = self._stories
        # token -> ids of the live stories holding it, least recently updated first
        self.postings: Mapping[str, dict[int, None]] = self._postings
        self._idf = _Idf(self._df)
        # No dated article in the index is older than this (it is never raised: a bound, not a minimum).
        self.earliest: datetime | None = None

    # ----------------------------------------------------------------- reading

    def __contains__(self, item_id: str) -> bool:
        return item_id in self._entries

    @property
    def story_count(self) -> int:
        return len(self._stories)

    def entry(self, item_id: str) -> Entry:
        return self._entries[item_id]

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
        return token in self._names

    def idf(self, token: str) -> float:
        return self._idf[token]

    def idf_outside(self, token: str, story: StoryState, held: int) -> float:
        """The idf `token` would have if `story`, where `held` of its articles hold it, were not counted:
        how rare it is elsewhere (a long event makes its own words common)."""
        outside = self.documents - len(story.members) + 10
        return math.log(outside / (self._df.get(token, 0) - held + 1))

    def weighted(self, entry: Entry) -> tuple[dict[str, float], float]:
        """An entry's idf-weighted tokens and their squared norm, cached until document counts change.

        Also marks its strong tokens: rare ones (names, places, numbers, uncommon words) and the
        people it names or quotes, the evidence that still ties articles days or weeks apart.
        """
        if entry.epoch != self._epoch:
            tuning = self.tuning
            idf = self._idf
            names = frozenset(entry.weights.keys() & self._names)
            # A token its headline does not give, that no other article holds (a detail of its text,
            # someone only it quotes), can never be shared: kept out, it would only dilute.
            df, min_df, alone = self._df, tuning.min_df, entry.text_only
            weighted = {t: w * idf[t] for t, w in entry.weights.items() if df[t] >= min_df or t not in alone}
            if names:
                boost = tuning.name_boost
                for t in names & weighted.keys():
                    weighted[t] *= boost
            strong_idf = tuning.strong_idf
            strong = {t for t in weighted if idf[t] >= strong_idf}
            entry.names = names
            entry.strong = frozenset(strong.union(entry.people & weighted.keys()) if entry.people else strong)
            entry.weighted = weighted
            entry.mass = sum([w * w for w in weighted.values()])
            entry.epoch = self._epoch
        return entry.weighted, entry.mass

    def share_weights(self, entry: Entry, copy_of: Entry) -> None:
        """Give a copy (the same lead and people, see `Entry.copy_key`) its original's weighted tokens."""
        if copy_of.epoch == self._epoch and entry.epoch != self._epoch:
            entry.weighted, entry.mass = copy_of.weighted, copy_of.mass
            entry.names, entry.strong = copy_of.names, copy_of.strong
            entry.epoch = self._epoch

    def profile(self, story: StoryState) -> tuple[dict[str, float], float]:
        """The story's idf-weighted token vector and its norm (a sum, not a mean: only cosines are taken).

        Built once per change of document counts, then kept up to date as members join and leave,
        so a long story that keeps growing is not re-read for every comparison.
        """
        if story.profile_epoch != self._epoch:
            idf, df, least, text_only = self._idf, self._df, self.tuning.min_df, story.text_only
            # As an article leaves out the details of its text no other article holds (`weighted`)
            profile = {t: c * idf[t] for t, c in story.counts.items()
                       if df[t] >= least or text_only.get(t, 0.0) < c}
            story.profile, story.norm2 = profile, sum([v * v for v in profile.values()])
            story.profile_epoch = self._epoch
        return story.profile, math.sqrt(story.norm2)

    def story_names(self, story: StoryState) -> frozenset[str]:
        """The names among the story's tokens (cached until it or the counts change)."""
        key = (self._epoch, story.version)
        if story.names_key != key:
            story.names = frozenset(story.counts.keys() & self._names)
            story.names_key = key
        return story.names

    def headline_names(self, entry: Entry) -> frozenset[str]:
        """The names in an article's headline: learnt from capitals, or someone or somewhere its text
        names (cached until the counts change)."""
        if entry.headline_epoch != self._epoch:
            names, people, weights = self._names, entry.people, entry.weights
            entry.headline = frozenset(t for t in entry.key.split()
                                       if t in weights and (t in names or t in people)) \
                if names or people else frozenset()
            entry.headline_epoch = self._epoch
        return entry.headline

    def story_subjects(self, story: StoryState) -> Counter[str]:
        """How many of the story's headlines name each name (cached until it or the counts change)."""
        key = (self._epoch, story.version)
        if story.subjects_key != key:
            counts: Counter[str] = Counter()
            for member in story.members:
                counts.update(self.headline_names(member))
            story.subjects, story.subjects_key = counts, key
        return story.subjects

    def own_tokens(self, story: StoryState) -> frozenset[str]:
        """The story's own tokens: held by at least two of its articles and rare (idf at least
        `strong_idf`) among the articles outside it (cached until it or the counts change)."""
        key = (self._epoch, story.version)
        if story.own_key != key:
            held: Counter[str] = Counter()
            for member in story.members:
                held.update(member.weights.keys())
            least = self.tuning.strong_idf
            story.own = frozenset(t for t, n in held.items() if n >= 2 and self.idf_outside(t, story, n) >= least)
            story.own_key = key
        return story.own

    def _update_profile(self, story: StoryState, tokens: Iterable[str]) -> None:
        """Bring a current profile up to date with the counts of `tokens` (after a join or a leave)."""
        idf, counts, profile = self._idf, story.counts, story.profile
        df, least, text_only = self._df, self.tuning.min_df, story.text_only
        norm2 = story.norm2
        for token in tokens:
            old = profile.get(token, 0.0)
            count = counts.get(token)
            if count is None or (df[token] < least and text_only.get(token, 0.0) >= count):
                profile.pop(token, None)
                new = 0.0
            else:
                new = profile[token] = count * idf[token]
            norm2 += new * new - old * old
        story.norm2 = max(norm2, 0.0)

    # ---------------------------------------------------------------- changing

    def count(self, entries: Iterable[Entry]) -> None:
        """Add documents to the statistics (idf and name votes) before they are placed."""
        votes, names = self._name_votes, self._names
        for entry in entries:
            self._df.update(entry.weights.keys())
            for token, vote in entry.evidence.items():
                total = votes[token] = votes.get(token, 0) + vote
                if total > 0:
                    names.add(token)
                else:
                    names.discard(token)
            self.documents += 1
        self._idf.clear()
        self._idf.documents = self.documents
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
        if entry.text_only:
            text_only, weights = story.text_only, entry.weights
            for token in entry.text_only:
                if token in weights:
                    text_only[token] = text_only.get(token, 0.0) + weights[token]
        if entry.time is not None:
            story.first = entry.time if story.first is None else min(story.first, entry.time)
            story.latest = entry.time if story.latest is None else max(story.latest, entry.time)
            if self.earliest is None or entry.time < self.earliest:
                self.earliest = entry.time
        for token in entry.weights:
            posting = self._postings.setdefault(token, {})
            posting.pop(story_id, None)  # re-insert: postings stay ordered by last update
            posting[story_id] = None
        if story.profile_epoch == self._epoch:
            self._update_profile(story, entry.weights)
        self._entries[entry.item_id] = entry

    def move_all(self, entries: Sequence[Entry], story_id: int) -> None:
        """Move these entries (a whole story's, when one folds or merges into another) to a story."""
        for entry in entries:
            self.detach(entry)
        for entry in entries:
            self.attach(entry, story_id)

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
        if entry.text_only:
            text_only, weights = story.text_only, entry.weights
            for token in entry.text_only:
                if token in weights:
                    left = text_only[token] - weights[token]
                    if left <= 1e-9:
                        del text_only[token]
                    else:
                        text_only[token] = left
        if not story.members:
            del self._stories[story.story_id]  # only a story begun in this batch can empty
            return
        if story.profile_epoch == self._epoch:
            self._update_profile(story, entry.weights)
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
