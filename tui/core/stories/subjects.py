"""Headline subjects: the names a story's headlines keep naming, and a late article that names only them.

A long event's later articles report something new (a lawsuit, an apology, earnings) in new words;
what they share with the story is its subject, named in the headline ("How Much Will Equifax Pay?").
Word overlap then says little, so a story's subject is read from the headlines of all its articles.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from tui.core.stories.decay import TimeDecay
from tui.core.stories.index import StoryIndex
from tui.core.stories.model import StoryState, Tuning

# A name found in more stories than this within reach is no one story's subject (nor worth counting).
_MOST_STORIES = 40

# The engine's profile score of two stories at given (strong, weak) time factors.
Scorer = Callable[[StoryState, StoryState, tuple[float, float]], float]


@dataclass(frozen=True)
class SubjectMatch:
    """A story whose subject an article (or a small story) names, and nothing else in its headlines."""

    story: StoryState
    subject: str  # the token both name
    score: float  # their time-weighed profile score


def subject_match(story: StoryState, index: StoryIndex, decay: TimeDecay, tuning: Tuning,
                  score: Scorer) -> SubjectMatch | None:
    """The larger story within reach whose subject `story`'s headlines name, when:

    - the name is that story's subject: in at least two of its headlines and in at least half;
    - it is focused: at least `subject_focus` of all the headlines naming it (within reach) are that
      story's, so a name with several stories (a country, a president) never decides, and it is
      rare outside that story (idf at least `strong_idf` among the other articles);
    - `story`'s headlines name nothing that story's headlines do not name at least twice (an article
      about someone new is another event, however familiar the rest).
    Of several, the one whose profile is closest.
    """
    own = index.story_subjects(story)
    size = len(story.members)
    names = {name for name, n in own.items() if 2 * n >= size}
    if not names:
        return None
    best: SubjectMatch | None = None
    for name in sorted(names):
        posting = index.postings.get(name)
        if not posting or len(posting) > _MOST_STORIES:
            continue
        counts = {other_id: index.story_subjects(index.stories[other_id]) for other_id in posting}
        total = sum(c[name] for c in counts.values())
        for other_id, subjects in counts.items():
            other = index.stories[other_id]
            held = subjects[name]
            if other_id == story.story_id or len(other.members) < size or held < 2 \
                    or 2 * held < len(other.members) or held < tuning.subject_focus * total:
                continue
            if any(subjects[n] < 2 for n in own if n != name):
                continue
            if name not in index.own_tokens(other):
                continue  # ... and it must be that story's own name: rare among the articles outside it
            factors = decay.span_factors(other, story)
            if factors is None or factors == (0.0, 0.0):
                continue
            value = score(story, other, factors)
            if best is None or value > best.score:
                best = SubjectMatch(other, name, value)
    return best

