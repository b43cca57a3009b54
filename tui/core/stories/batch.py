"""Batch passes of story grouping: folding the batch's small stories into close ones, refining, renumbering."""

from __future__ import annotations

import math
from collections.abc import Callable
from datetime import datetime
from itertools import islice

from tui.core.stories.model import Assignment, Entry, StoryState, Tuning

EXPLAIN_MEMBERS = 50


class BatchPasses:
    """Passes run after a batch is placed; mixed into StoryEngine, whose index they read and change."""

    tuning: Tuning
    _epoch: int
    _next_id: int
    _stories: dict[int, StoryState]
    _postings: dict[str, dict[int, None]]
    _assignments: dict[str, Assignment]
    _idf: Callable[[str], float]
    _is_name: Callable[[str], bool]
    _in_window: Callable[[StoryState, datetime | None], bool]
    _attach: Callable[[Entry, int], None]
    _detach: Callable[[Entry], None]
    _weighted: Callable[[Entry], tuple[dict[str, float], float]]
    _best_match: Callable[..., tuple | None]

    def _refine(self, entries: list[Entry]) -> None:
        """Re-place this batch's articles now that every story has its batch members; earlier ones never move."""
        for entry in entries:
            own = entry.story_id
            started = self._assignments[entry.item_id].matched_item_id is None
            if not started and len(self._stories[own].members) > self.tuning.refine_max_size:
                continue  # settled: articles that joined a story by a match only move when that story stayed small
            self._detach(entry)
            best = self._best_match(entry, self._weighted(entry)[0])
            if best is None:
                self._attach(entry, own)
                continue
            score, story, matched, shared = best
            if story.story_id != own:
                self._attach(entry, story.story_id)
                terms = tuple(entry.surface[token] for token in shared)
                self._assignments[entry.item_id] = Assignment(
                    entry.item_id, story.story_id, round(score * 100, 1), terms, matched.item_id
                )
            else:
                self._attach(entry, own)

    def _merge_small(self, entries: list[Entry]) -> int:
        """Fold stories begun in this batch into a story whose token profile is close (small ones first)."""
        begun = {e.story_id for e in entries if self._assignments[e.item_id].matched_item_id is None}
        stories = sorted((self._stories[i] for i in begun if i in self._stories), key=lambda st: len(st.members))
        merged = 0
        for story in stories:
            if story.story_id not in self._stories:
                continue
            closest = self._closest_story(story)
            if closest is None:
                continue
            target, score = closest
            members = list(story.members)
            for member in members:
                self._detach(member)
            for member in members:
                self._attach(member, target.story_id)
            for member in members:
                old = self._assignments[member.item_id]
                if old.matched_item_id is None:  # it began the folded story: explain against its new one
                    old = self._explain(member, target, score)
                self._assignments[member.item_id] = Assignment(
                    member.item_id, target.story_id, old.score, old.shared_terms, old.matched_item_id
                )
            merged += 1
        return merged

    def _closest_story(self, story: StoryState) -> tuple[StoryState, float] | None:
        profile, norm = self._profile(story)
        names = self._story_names(story)
        # As in placement: tokens found in too many documents find everything, so they look
        # nothing up (they still count in the similarity below).
        ceiling = max(20.0, self.tuning.max_df_share * self._documents)
        lookup = [t for t in sorted(profile, key=profile.__getitem__, reverse=True)
                  if self._df[t] <= ceiling][: self.tuning.lookup_tokens]
        seen: set[int] = {story.story_id}
        best, best_score = None, self.tuning.merge_threshold
        for token in lookup:
            for other_id in islice(reversed(self._postings.get(token, {})), self.tuning.posting_scan):
                other = self._stories.get(other_id)
                if other is None or other_id in seen or len(other.members) < len(story.members):
                    continue
                seen.add(other_id)
                if not (self._in_window(other, story.first) or self._in_window(other, story.latest)):
                    continue
                other_profile, other_norm = self._profile(other)
                small, large = (
                    (profile, other_profile) if len(profile) <= len(other_profile) else (other_profile, profile)
                )
                dot = sum(v * large[t] for t, v in small.items() if t in large)
                score = dot / (norm * other_norm) if norm and other_norm else 0.0
                if score >= best_score and not (names and names.isdisjoint(self._story_names(other))):
                    best, best_score = other, score
        return None if best is None else (best, best_score)

    def _profile(self, story: StoryState) -> tuple[dict[str, float], float]:
        """The story's idf-weighted mean token vector and its norm, cached until the story or counts change."""
        key = (self._epoch, story.version)
        if story.profile_key != key:
            size = len(story.members)
            idf = self._idf
            profile = {t: c / size * idf(t) for t, c in story.counts.items()}
            story.profile = (profile, math.sqrt(sum(v * v for v in profile.values())))
            story.profile_key = key
        return story.profile

    def _story_names(self, story: StoryState) -> set[str]:
        return {t for t in story.counts if self._is_name(t)}

    def _explain(self, entry: Entry, story: StoryState, score: float) -> Assignment:
        """Why a folded article belongs to `story`: the member sharing most weight with it, and those tokens."""
        weighted, _ = self._weighted(entry)
        best, best_shared, best_weight = None, [], 0.0
        # The newest members are enough to explain, and keep a long story from making each new
        # article cost its whole length.
        for member in story.members[-EXPLAIN_MEMBERS:]:
            if member is entry:
                continue
            shared = [t for t in weighted if t in member.weights]
            weight = sum(weighted[t] for t in shared)
            if weight > best_weight:
                best, best_shared, best_weight = member, shared, weight
        if best is None:  # it shares words only with the story as a whole: point at its first article
            best = next(member for member in story.members if member is not entry)
        shared = sorted(best_shared, key=weighted.__getitem__, reverse=True)[:6]
        terms = tuple(entry.surface[t] for t in shared)
        return Assignment(entry.item_id, story.story_id, round(score * 100, 1), terms, best.item_id)

    def _renumber(self, entries: list[Entry], first_new_id: int) -> None:
        """Give the stories begun in this batch consecutive ids after the highest known one, in time order."""
        mapping: dict[int, int] = {}
        for entry in entries:
            if entry.story_id >= first_new_id and entry.story_id not in mapping:
                mapping[entry.story_id] = first_new_id + len(mapping)
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
                assignment = self._assignments[member.item_id]
                self._assignments[member.item_id] = Assignment(
                    member.item_id, new, assignment.score, assignment.shared_terms, assignment.matched_item_id
                )
        self._next_id = first_new_id + len(mapping)
