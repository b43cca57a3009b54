"""Stories: the same event across outlets.

- `engine`: `StoryEngine`, incremental grouping over an index of salient tokens, with the reason
  each article joined; `story_headline`, and `cluster_records` for offline files;
- `tokens`: words, names and numbers as evidence; `model`: the engine's records and knobs;
- `pending`: group the cache's new articles and record why each joined.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from tui.core.lazy import lazy_exports

if TYPE_CHECKING:
    from tui.core.stories.engine import (
        StoryEngine as StoryEngine,
        cluster_records as cluster_records,
        story_headline as story_headline,
    )
    from tui.core.stories.pending import (
        group_pending as group_pending,
    )

_EXPORTS = {"StoryEngine": "engine", "cluster_records": "engine", "story_headline": "engine",
            "group_pending": "pending"}
__all__ = sorted(_EXPORTS)
__getattr__ = lazy_exports(__name__, _EXPORTS)
