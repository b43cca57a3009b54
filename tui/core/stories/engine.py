"""Story grouping: an incremental, time-aware engine that puts articles from many outlets into stories."""

from __future__ import annotations

import dataclasses
import gc
import math
from collections.abc import Callable, Hashable, Iterable, Iterator
from contextlib import contextmanager
from datetime import datetime, timedelta
from itertools import islice
from typing import TypeVar

from rapidfuzz import fuzz, process

from tui.core.models import StoryItem, StoryMerge
from tui.core.stories.decay import TimeDecay
from tui.core.stories.features import Leads, featurise
from tui.core.stories.index import StoryIndex
from tui.core.stories.merging import Merging, profile_score
from tui.core.stories.model import Assignment, Entry, StoryState, Tuning, aware, effective_time, time_key
from tui.core.stories.subjects import subject_match

_SCORERS = {"ratio": fuzz.ratio, "token_set": fuzz.token_set_ratio}
EXPLAIN_MEMBERS = 50
T = TypeVar("T")

# (score, story, matched member, shared tokens)
Match = tuple[float, StoryState, Entry, list[str]]


class StoryEngine:
    """Incremental story grouping: places each article in the story it matches best, or a new one.

    Articles are placed in time order; time weakens evidence (see `TimeDecay`). After a batch,
    the stories it began fold into close ones (with no window, its articles then move to the story
    that fits them best) and get consecutive ids after the highest known.
    """

    def __init__(self, window: timedelta | None = timedelta(hours=72), *,
                 followed_days: float = 30.0, **tuning: float) -> None:
        self.window = window
        self.tuning = Tuning(**tuning)  # type: ignore[arg-type]  # knobs by name, each a number
        self.decay = TimeDecay(window, self.tuning.strong_days, self.tuning.strong_half_life_days,
                               followed_days, self.tuning.weak_half_life_days)
        self.index = StoryIndex(self.tuning)
        self.merging = Merging(self.index, self.tuning, self.decay)
        self._assignments: dict[str, Assignment] = {}
        # Known stories the last batch merged into another: absorbed id -> (kept id, the reason).
        # Their articles outside what was restored must move too (`group_pending` does it).
        self.merged: dict[int, tuple[int, StoryMerge]] = {}

    # ----------------------------------------------------------------- public

    @property
    def story_count(self) -> int:
        return self.index.story_count

    @property
    def reach(self) -> timedelta | None:
        """How far back an article can still join a story: what a caller must restore."""
        return self.decay.reach

    def assignment(self, item_id: str) -> Assignment | None:
        return self._assignments.get(item_id)

    def reserve_ids(self, highest: int) -> None:
        """Mark story ids up to `highest` as taken (e.g. stories outside the restored window)."""
        self.index.next_id = max(self.index.next_id, highest + 1)

    def restore(self, assigned: Iterable[tuple[StoryItem, int]], followed: Iterable[int] = ()) -> None:
        """Rebuild the index from persisted (item, story id) pairs without re-clustering."""
        with _without_cycle_collection():
            self._restore(assigned, followed)

    def _restore(self, assigned: Iterable[tuple[StoryItem, int]], followed: Iterable[int]) -> None:
        fresh = self._fresh(list(assigned), key=lambda pair: pair[0].id)
        leads: Leads = {}
        entries = [(featurise(item, self.tuning, leads), story_id) for item, story_id in fresh]
        self.index.count(entry for entry, _ in entries)
        for entry, story_id in sorted(entries, key=lambda pair: time_key(pair[0])):
            self.index.attach(entry, story_id)
            self._assignments[entry.item_id] = Assignment(entry.item_id, story_id, 0.0, (), None)
        self.index.set_followed(followed)

    def add(self, items: Iterable[StoryItem]) -> list[Assignment]:
        """Group new items (known ids keep their assignment); returns one assignment per input item."""
        with _without_cycle_collection():
            return self._add(list(items))

    def _add(self, items: list[StoryItem]) -> list[Assignment]:
        fresh = self._fresh(items, key=lambda item: item.id)
        leads: Leads = {}
        entries = [featurise(item, self.tuning, leads) for item in fresh]
        self.index.count(entries)
        ordered = sorted(entries, key=time_key)
        first_new_id = self.index.next_id
        placed: dict[Hashable, Entry] = {}  # the first copy of each text (wire copy prints one in many feeds)
        for entry in ordered:
            copy_of = None if entry.copy_key is None else placed.setdefault(entry.copy_key, entry)
            self._assignments[entry.item_id] = self._place(entry, None if copy_of is entry else copy_of)
        for _ in range(self.tuning.refine_passes):
            self._refine(ordered)
        considered: dict[int, set[int]] = {}
        changed: set[int] | None = None
        for _ in range(self.tuning.merge_rounds):
            changed = self._merge_small(ordered, considered, changed)
            if not changed:
                break
        if self.window is None and self.tuning.reassign_passes:
            self._reassign_all(ordered, first_new_id)
        self.merged = {}
        self._merge_grown({entry.story_id for entry in ordered}, first_new_id)
        self._join_subjects({entry.story_id for entry in ordered}, first_new_id)
        self._renumber(ordered, first_new_id)
        return [self._assignments[item.id] for item in items]

    def _fresh(self, things: list[T], key: Callable[[T], str]) -> list[T]:
        """Things whose id is neither known nor repeated earlier in the same batch."""
        seen: set[str] = set()
        fresh = []
        for thing in things:
            item_id = key(thing)
            if item_id in self.index or item_id in seen:
                continue
            seen.add(item_id)
            fresh.append(thing)
        return fresh

    # --------------------------------------------------------------- placing

    def _place(self, entry: Entry, copy_of: Entry | None = None) -> Assignment:
        best = self._copy_match(entry, copy_of) if copy_of is not None else None
        if best is None:
            best = self._best_match(entry)
        if best is None:
            story_id = self.index.next_id
            self.index.attach(entry, story_id)
            return Assignment(entry.item_id, story_id, 0.0, (), None)
        score, story, matched, shared = best
        self.index.attach(entry, story.story_id)
        terms = tuple(entry.surface[token] for token in shared)
        return Assignment(entry.item_id, story.story_id, round(score * 100, 1), terms, matched.item_id)

    def _best_match(self, entry: Entry) -> Match | None:
        weighted, mass = self.index.weighted(entry)
        if mass == 0.0:
            return None
        candidates = self._candidates(entry, weighted)
        if not candidates:  # nothing shares its salient tokens: a new story at once
            return None
        tuning = self.tuning
        scored = [(self._coverage(entry, weighted, mass, story, factors), story, factors)
                  for story, factors in candidates]
        scored.sort(key=lambda triple: triple[0], reverse=True)
        best: Match | None = None
        for story_score, story, factors in scored[: tuning.story_candidates]:
            if story_score < tuning.runner_up_share * scored[0][0]:
                break  # far behind the best profile: not worth scoring its articles
            pair = self._best_member(entry, weighted, mass, story, factors)
            if pair is None:
                continue
            pair_score, matched, shared = pair
            score = tuning.story_weight * story_score + (1 - tuning.story_weight) * pair_score
            # Past the window only strong evidence counts, and it must be plainly enough.
            needed = tuning.threshold if factors[1] > 0.0 else tuning.far_threshold
            if score >= needed and (best is None or score > best[0]):
                best = (score, story, matched, shared)
        return None if best is None else self._explained(best, weighted)

    def _copy_match(self, entry: Entry, copy_of: Entry) -> Match | None:
        """A copy of an article placed earlier in this batch, scored against that article's story alone.

        It joins there when the story is within its window and it scores enough, as it all but
        always does (the copy itself scores 1); else it is placed like any other article.
        """
        self.index.share_weights(entry, copy_of)
        weighted, mass = self.index.weighted(entry)
        story = self.index.stories.get(copy_of.story_id)
        if mass == 0.0 or story is None:
            return None
        factors = self.decay.factors(story, entry.time)
        if factors != (1.0, 1.0):
            return None
        pair = self._best_member(entry, weighted, mass, story, factors)
        if pair is None:
            return None
        pair_score, matched, shared = pair
        tuning = self.tuning
        story_score = self._coverage(entry, weighted, mass, story, factors)
        score = tuning.story_weight * story_score + (1 - tuning.story_weight) * pair_score
        if score < tuning.threshold:
            return None
        return self._explained((score, story, matched, shared), weighted)

    @staticmethod
    def _explained(best: Match, weighted: dict[str, float]) -> Match:
        """The match with its shared tokens cut to the heaviest six, the terms that explain it."""
        score, story, matched, shared = best
        return (score, story, matched, sorted(shared, key=weighted.__getitem__, reverse=True)[:6])

    @staticmethod
    def _coverage(entry: Entry, weighted: dict[str, float], mass: float, story: StoryState,
                  factors: tuple[float, float]) -> float:
        """How much of the article's weight the story's profile covers, by how typical each token is there."""
        size, counts = len(story.members), story.counts
        strong = entry.strong
        covered_strong = covered_weak = 0.0
        for token in [t for t in weighted if t in counts]:  # the article's order: sums stay exact
            weight = weighted[token]
            weight *= weight
            count = counts[token]
            share = weight if count >= size else weight * count / size
            if token in strong:
                covered_strong += share
            else:
                covered_weak += share
        return (covered_strong * factors[0] + covered_weak * factors[1]) / mass

    def _candidates(self, entry: Entry, weighted: dict[str, float]) -> list[tuple[StoryState, tuple[float, float]]]:
        """Stories sharing the entry's heaviest tokens within reach, with their time factors."""
        tuning, index, decay = self.tuning, self.index, self.decay
        ceiling = index.lookup_ceiling()
        df = index.document_frequency
        limit = tuning.lookup_tokens
        lookup = []
        # A token only this article holds (df 1: often the name of someone only it quotes) finds
        # nothing, and in full text such names are its heaviest: they must not take the lookup's places.
        for t in sorted(weighted, key=weighted.__getitem__, reverse=True):
            if 1 < df.get(t, 0) <= ceiling:
                lookup.append(t)
                if len(lookup) == limit:
                    break
        reach = decay.reach
        oldest = entry.time - reach if reach is not None and entry.time is not None else None
        if oldest is not None and index.earliest is not None and oldest <= index.earliest:
            oldest = None  # every story is within reach: nothing to test
        stories = index.stories
        postings = index.postings
        hits: dict[int, float] = {}
        rejected: set[int] = set()
        scan = tuning.posting_scan
        for token in lookup:
            posting = postings.get(token)
            if not posting:
                continue  # a token new in this batch finds nothing yet
            weight = weighted[token] ** 2
            for story_id in islice(reversed(posting), scan):
                if story_id in hits:
                    hits[story_id] += weight
                elif story_id not in rejected:
                    if oldest is not None:
                        latest = stories[story_id].latest  # postings name live stories
                        if latest is not None and latest < oldest:
                            rejected.add(story_id)
                            break  # older stories sit further back in this posting
                    hits[story_id] = weight
        if not hits:
            return []
        # Time is weighed only for the stories that share most: it is the dearer test.
        found = []
        factors_of = decay.factors
        for story_id in sorted(hits, key=hits.__getitem__, reverse=True):
            story = stories[story_id]
            factors = factors_of(story, entry.time)
            if factors is not None and factors != (0.0, 0.0):
                found.append((story, factors))
                if len(found) == tuning.candidate_limit:
                    break
        return found

    def _best_member(self, entry: Entry, weighted: dict[str, float], mass: float, story: StoryState,
                     factors: tuple[float, float]) -> tuple[float, Entry, list[str]] | None:
        """The story's article closest to this one: rapidfuzz shortlists, idf-weighted cosine decides."""
        tuning = self.tuning
        strong_factor, weak_factor = factors
        start = max(0, len(story.members) - tuning.member_scan)
        members = story.members[start:]
        scorer = _SCORERS[tuning.fuzz_scorer]
        if len(members) <= tuning.member_shortlist:  # all of them are scored: no shortlist to draw
            shortlist: list[tuple[str, float, int]] = [
                (key, scorer(entry.key, key), position) for position, key in enumerate(story.keys[start:])]
        else:
            shortlist = process.extract(entry.key, story.keys[start:], scorer=scorer,
                                        limit=tuning.member_shortlist)
        best = None
        strong = entry.strong
        for _, ratio, position in shortlist:
            member = members[position]
            other, other_mass = self.index.weighted(member)
            shared = [t for t in weighted if t in other]
            if not shared:
                continue
            if len(shared) < tuning.min_shared and not self._distinctive(shared, entry, member):
                continue
            if entry.names and member.names and entry.names.isdisjoint(member.names):
                continue  # both name who or where, and the names differ: different events
            dot_strong = dot_weak = 0.0
            for t in shared:
                if t in strong:
                    dot_strong += weighted[t] * other[t]
                else:
                    dot_weak += weighted[t] * other[t]
            norm = math.sqrt(mass * other_mass)
            cosine = (dot_strong * strong_factor + dot_weak * weak_factor) / norm
            score = (1 - tuning.fuzz_weight) * cosine + tuning.fuzz_weight * float(ratio) / 100 * weak_factor
            if best is None or score > best[0]:
                best = (score, member, shared)
        return best

    def _distinctive(self, shared: list[str], entry: Entry, member: Entry) -> bool:
        """Whether a lone shared token is enough: a name in both articles, or a rare word."""
        idf, rare = self.index.idf, self.tuning.rare_idf
        return any((t in entry.names and t in member.names) or idf(t) >= rare for t in shared)

    # ------------------------------------------------------------ batch passes

    def _refine(self, entries: list[Entry]) -> None:
        """Re-place this batch's articles now that every story has its batch members; earlier ones never move."""
        index = self.index
        for entry in entries:
            own = entry.story_id
            started = self._assignments[entry.item_id].matched_item_id is None
            story = index.story(own)
            if not started and story is not None and len(story.members) > self.tuning.refine_max_size:
                continue  # settled: articles that joined a story by a match only move when that story stayed small
            index.detach(entry)
            best = self._best_match(entry)
            if best is None or best[1].story_id == own:
                index.attach(entry, own)
                continue
            score, target, matched, shared = best
            index.attach(entry, target.story_id)
            terms = tuple(entry.surface[token] for token in shared)
            self._assignments[entry.item_id] = Assignment(
                entry.item_id, target.story_id, round(score * 100, 1), terms, matched.item_id)

    def _reassign_all(self, entries: list[Entry], first_new_id: int) -> None:
        """The reassignment sweeps (`_reassign`), then every reason made true again: an article whose
        matched article moved away is explained against its story as it is, and a story begun in this
        batch whose first article moved away is begun by the earliest it kept."""
        moved = 0
        for _ in range(self.tuning.reassign_passes):
            swept = self._reassign(entries)
            moved += swept
            if not swept:
                break
        if not moved:
            return
        assignments, index = self._assignments, self.index
        begun: set[int] = set()
        for entry in entries:
            why = assignments[entry.item_id]
            if why.matched_item_id is None:
                begun.add(entry.story_id)
            elif index.entry(why.matched_item_id).story_id != entry.story_id:
                story = index.stories[entry.story_id]
                if len(story.members) == 1:  # left alone: it begins its story
                    continue
                assignments[entry.item_id] = dataclasses.replace(
                    self._explain(entry, story, why.score / 100), merge=why.merge)
        for entry in entries:  # in time order: the earliest left begins the story
            story_id = entry.story_id
            if story_id >= first_new_id and story_id not in begun:
                begun.add(story_id)
                assignments[entry.item_id] = Assignment(entry.item_id, story_id, 0.0, (), None)

    def _reassign(self, entries: list[Entry]) -> int:
        """One sweep over the batch once it is placed and folded (no window: time cannot tell fragments
        apart): each article moves to the story whose profile now fits it best, by cosine, its own
        story's profile taken without it, when another fits it better and at least `reassign_floor`.
        Candidates are its story's neighbours (`_neighbours`) and the stories last updated that hold
        its tokens. Earlier articles never move. Returns how many moved."""
        index, tuning = self.index, self.tuning
        stories, postings = index.stories, index.postings
        # Profiles made current stay so (joins and leaves keep them): those of the batch's stories now,
        # an earlier story's when it is first a candidate (a cache holds many more than a batch touches).
        current = {entry.story_id for entry in entries}
        for story_id in current:
            index.profile(stories[story_id])
        neighbours = {story_id: self._neighbours(stories[story_id]) for story_id in current}
        floor, scan = tuning.reassign_floor, tuning.reassign_scan
        moved = 0
        for entry in entries:
            weighted, mass = index.weighted(entry)
            own = stories.get(entry.story_id)
            if not mass or own is None:
                continue
            root = math.sqrt(mass)
            best_fit = max(floor, self._fit_without(entry, weighted, root, own))
            near = set(neighbours.get(own.story_id, ()))
            for t in weighted:
                posting = postings.get(t)
                if posting is not None and len(posting) > 1:
                    near.update(islice(reversed(posting), scan))
            near.discard(own.story_id)
            best, pairs = None, list(weighted.items())
            for other_id in near:
                other = stories.get(other_id)  # a story emptied by this sweep is gone
                if other is None:
                    continue
                if other_id not in current:
                    index.profile(other)
                    current.add(other_id)
                if not other.norm2:
                    continue
                profile = other.profile
                fit = sum([w * profile[t] for t, w in pairs if t in profile]) / (root * math.sqrt(other.norm2))
                if fit > best_fit:
                    best, best_fit = other, fit
            if best is None:
                continue
            index.detach(entry)
            index.attach(entry, best.story_id)
            self._assignments[entry.item_id] = self._explain(entry, best, best_fit)
            moved += 1
        return moved

    def _fit_without(self, entry: Entry, weighted: dict[str, float], root: float, story: StoryState) -> float:
        """Cosine of an article with its story's profile less its own part (0 for a story of one)."""
        if len(story.members) < 2:
            return 0.0
        idf, profile, weights = self.index.idf, story.profile, entry.weights
        dot = own = 0.0
        for t, w in weighted.items():
            value = profile.get(t)
            if value is not None:
                mine = weights[t] * idf(t)
                dot += w * (value - mine)
                own += mine * (2 * value - mine)
        left = story.norm2 - own
        return dot / (root * math.sqrt(left)) if left > 1e-12 else 0.0

    def _neighbours(self, story: StoryState) -> list[int]:
        """The stories sharing most weight with this one's heaviest tokens (as folding finds them)."""
        tuning, postings, profile = self.tuning, self.index.postings, story.profile
        hits: dict[int, float] = {}
        for token in sorted(profile, key=profile.__getitem__, reverse=True)[: tuning.merge_lookup_tokens]:
            weight = profile[token]
            for other_id in islice(reversed(postings[token]), tuning.merge_posting_scan):
                if other_id != story.story_id:
                    hits[other_id] = hits.get(other_id, 0.0) + weight
        return sorted(hits, key=hits.__getitem__, reverse=True)[: tuning.reassign_neighbours]

    def _merge_small(self, entries: list[Entry], considered: dict[int, set[int]],
                     changed_before: set[int] | None) -> set[int]:
        """Fold stories begun in this batch into a story whose token profile is close (small ones first).

        After the first round, a story is looked at again only when it, or a story it was compared
        with, changed in the round before. Returns the stories that grew.
        """
        index = self.index
        begun = {e.story_id for e in entries if self._assignments[e.item_id].matched_item_id is None}
        stories = sorted((s for i in begun if (s := index.story(i)) is not None), key=lambda st: len(st.members))
        changed: set[int] = set()
        for story in stories:
            if index.story(story.story_id) is not story:
                continue
            if changed_before is not None and story.story_id not in changed_before \
                    and considered.get(story.story_id, set()).isdisjoint(changed_before):
                continue
            seen: set[int] = set()
            closest = self._closest_story(story, seen)
            considered[story.story_id] = seen
            if closest is None:
                continue
            target, score = closest
            members = list(story.members)
            index.move_all(members, target.story_id)
            for member in members:
                old = self._assignments[member.item_id]
                if old.matched_item_id is None:  # it began the folded story: explain against its new one
                    old = self._explain(member, target, score)
                self._assignments[member.item_id] = dataclasses.replace(old, story_id=target.story_id)
            changed.add(target.story_id)
        return changed

    def _closest_story(self, story: StoryState, seen: set[int]) -> tuple[StoryState, float] | None:
        """The larger story whose profile is closest to this one's, if close enough; `seen` gets
        the stories it was compared with."""
        index, tuning = self.index, self.tuning
        profile, norm = index.profile(story)
        if not norm:
            return None
        members = story.members
        strong = members[0].strong if len(members) == 1 else {t for member in members for t in member.strong}
        # As in placement: tokens found in too many documents find everything, so they look
        # nothing up (they still count in the similarity below).
        ceiling = index.lookup_ceiling()
        df, limit = index.document_frequency, tuning.merge_lookup_tokens
        lookup = []
        for t in sorted(profile, key=profile.__getitem__, reverse=True):
            if 1 < df.get(t, 0) <= ceiling:  # as in placement: a token of one article finds nothing
                lookup.append(t)
                if len(lookup) == limit:
                    break
        size = len(members)
        stories, postings = index.stories, index.postings
        scan = tuning.merge_posting_scan
        hits: dict[int, float] = {}
        for token in lookup:
            weight = profile[token]
            for other_id in islice(reversed(postings[token]), scan):
                if other_id in hits:
                    hits[other_id] += weight
                elif other_id != story.story_id and (size == 1 or len(stories[other_id].members) >= size):
                    hits[other_id] = weight  # only stories at least as large (every one is, for a single article)
        names: frozenset[str] | None = None
        best, best_score = None, tuning.merge_threshold
        for other_id in sorted(hits, key=hits.__getitem__, reverse=True)[: tuning.merge_candidates]:
            seen.add(other_id)
            other = stories[other_id]
            factors = self.decay.span_factors(other, story)
            if factors is None or factors == (0.0, 0.0):
                continue
            other_profile, other_norm = index.profile(other)
            if not other_norm:
                continue
            score = profile_score(profile, norm, other_profile, other_norm, strong, factors)
            # Past the window only strong evidence counts, and (as in placing) it must be plainly enough.
            if score < best_score or (factors[1] == 0.0 and score < tuning.far_threshold):
                continue
            if names is None:
                names = index.story_names(story)
            if not (names and names.isdisjoint(index.story_names(other))):
                best, best_score = other, score
        return None if best is None else (best, best_score)

    def _merge_grown(self, touched: set[int], first_new_id: int) -> None:
        """Merge stories that grew towards each other: a story this batch touched, of at least
        `grown_size` articles, joins the closest story of two or more when their evidence meets (see
        `Merging.grown_match`); the later story (higher id) moves into the earlier, whose id stays."""
        index = self.index
        for story_id in sorted(touched):
            story = index.story(story_id)
            if story is None or len(story.members) < self.tuning.grown_size:
                continue
            found = self.merging.grown_match(story)
            if found is None:
                continue
            other, score, merge = found
            self._move_story(story, other, score, merge, first_new_id)

    def _join_subjects(self, touched: set[int], first_new_id: int) -> None:
        """A story this batch touched whose headlines name only a larger story's subject joins it,
        smallest first (see `subjects.subject_match`); the reason is the subject both name."""
        index = self.index
        stories = sorted((s for i in touched if (s := index.story(i)) is not None),
                         key=lambda st: (len(st.members), st.story_id))
        for story in stories:
            if index.story(story.story_id) is not story:
                continue  # it already took another in
            found = subject_match(story, index, self.decay, self.tuning, self.merging.stories_score)
            if found is None:
                continue
            surface = next(m.surface[found.subject] for m in story.members if found.subject in m.surface)
            merge = StoryMerge(None, round(found.score * 100, 1), (surface,))
            self._move_story(story, found.story, found.score, merge, first_new_id)

    def _move_story(self, story: StoryState, other: StoryState, score: float, merge: StoryMerge,
                    first_new_id: int) -> None:
        """Merge two stories: the later (higher id) moves into the earlier, whose id stays; each moved
        article is explained against its new story and carries the merge."""
        index = self.index
        kept, gone = (other, story) if other.story_id < story.story_id else (story, other)
        if gone.story_id < first_new_id:  # a story readers have seen: say which
            merge = dataclasses.replace(merge, from_story=gone.story_id)
        members = list(gone.members)
        index.move_all(members, kept.story_id)
        for member in members:
            why = self._explain(member, kept, score)
            self._assignments[member.item_id] = dataclasses.replace(why, merge=merge)
        if gone.story_id < first_new_id:
            self.merged = {old: ((kept.story_id, m) if new == gone.story_id else (new, m))
                           for old, (new, m) in self.merged.items()}
            self.merged[gone.story_id] = (kept.story_id, merge)

    def _explain(self, entry: Entry, story: StoryState, score: float) -> Assignment:
        """Why a folded article belongs to `story`: the member sharing most weight with it, and those tokens."""
        weighted, _ = self.index.weighted(entry)
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
        for story in self.index.renumber(mapping):
            for member in story.members:
                old = self._assignments[member.item_id]
                self._assignments[member.item_id] = dataclasses.replace(old, story_id=story.story_id)
        self.merged = {old: (mapping.get(new, new), merge) for old, (new, merge) in self.merged.items()}
        self.index.next_id = first_new_id + len(mapping)


@contextmanager
def _without_cycle_collection() -> Iterator[None]:
    """Pause Python's cycle collector: grouping makes hundreds of thousands of objects and no cycles
    worth collecting, and each full collection walks all of them (a tenth of a big batch's time)."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def cluster_records(records: Iterable[dict[str, object]], window_hours: float | None) -> list[dict[str, object]]:
    """Offline grouping for `byline cluster`: [{"id", "story"}] in input order (ids as given), using StoryEngine."""
    window = None if window_hours is None else timedelta(hours=window_hours)
    records = list(records)
    assignments = StoryEngine(window=window).add(_record_item(record) for record in records)
    return [
        {"id": record["id"], "story": assignment.story_id}
        for record, assignment in zip(records, assignments, strict=True)
    ]


def _record_item(record: dict[str, object]) -> StoryItem:
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


__all__ = ["Assignment", "StoryEngine", "StoryItem", "cluster_records", "effective_time"]
