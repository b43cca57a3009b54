"""Stories: the same event across outlets.

- `engine`: `StoryEngine`, incremental grouping with the reason each article joined, and
  `cluster_records` for offline files; `index`: the `StoryIndex` it reads and changes;
- `features`: an article as evidence; `tokens`: words, names and numbers; `decay`: how time
  weakens evidence; `model`: the engine's records and knobs;
- `merging`: whether two stories that grew together are one event, and why; `subjects`: the names
  a story's headlines keep naming, which a late article naming only them joins;
- `headline`: a story's title; `compare`: how each outlet covered a story, with `numbers`
  (numbers in text, their units and what they count);
- `pending`: group the cache's new articles and record why each joined.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from tui.core.lazy import lazy_exports

if TYPE_CHECKING:
    from tui.core.stories.compare import (
        StoryComparison as StoryComparison,
        compare_story as compare_story,
    )
    from tui.core.stories.engine import (
        StoryEngine as StoryEngine,
        cluster_records as cluster_records,
    )
    from tui.core.stories.headline import (
        story_headline as story_headline,
    )
    from tui.core.stories.numbers import (
        find_numbers as find_numbers,
    )
    from tui.core.stories.pending import (
        group_pending as group_pending,
    )

_EXPORTS = {"StoryEngine": "engine", "cluster_records": "engine", "story_headline": "headline",
            "StoryComparison": "compare", "compare_story": "compare", "find_numbers": "numbers",
            "group_pending": "pending"}
__all__ = sorted(_EXPORTS)
__getattr__ = lazy_exports(__name__, _EXPORTS)
