"""How time weakens evidence: weak evidence counts within the window, strong evidence fades over weeks."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from tui.core.stories.model import StoryState

_DAY = 86400.0


@dataclass(frozen=True)
class TimeDecay:
    """The weight left to strong and weak evidence when an article is `gap` away from a story.

    Within `window` of the story's span both count in full. Past it, weak evidence (common words)
    counts for nothing and strong evidence (rare names, numbers, people) halves every
    `half_life_days`, up to `strong_days`. A followed story counts as within the window for
    `followed_days` after its latest article. `window=None` turns time off altogether.
    """

    window: timedelta | None  # the values come from Tuning and Settings (StoryEngine builds it)
    strong_days: float
    half_life_days: float
    followed_days: float
    weak_half_life_days: float = 0.0

    @property
    def reach(self) -> timedelta | None:
        """The longest gap at which anything can still join (None: no limit)."""
        if self.window is None:
            return None
        return max(self.window, timedelta(days=max(self.strong_days, self.followed_days)))

    def factors(self, story: StoryState, moment: datetime | None) -> tuple[float, float] | None:
        """(strong, weak) weights for an article at `moment` against `story`; None when out of reach."""
        window = self.window
        if window is None or moment is None or story.first is None or story.latest is None:
            return (1.0, 1.0)
        if moment > story.latest:
            gap = (moment - story.latest).total_seconds()
        elif moment < story.first:
            gap = (story.first - moment).total_seconds()
        else:
            return (1.0, 1.0)
        if story.followed and gap <= self.followed_days * _DAY:
            return (1.0, 1.0)
        past = gap - window.total_seconds()
        if past <= 0:
            return (1.0, 1.0)
        if gap > self.strong_days * _DAY:
            return None
        return (0.5 ** (past / (self.half_life_days * _DAY)),
                0.5 ** (past / (self.weak_half_life_days * _DAY)) if self.weak_half_life_days else 0.0)

    def span_factors(self, story: StoryState, other: StoryState) -> tuple[float, float] | None:
        """(strong, weak) weights between two stories: by the gap between their spans."""
        if other.first is None or other.latest is None:
            return (1.0, 1.0)
        early = self.factors(story, other.latest)
        late = self.factors(story, other.first)
        if early is None:
            return late
        if late is None:
            return early
        return max(early, late)
