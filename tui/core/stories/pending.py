"""Group the cache's new articles into stories with the engine, and record why each joined."""

from __future__ import annotations

from datetime import timedelta

from tui.core.models import StoryMembership
from tui.core.store import Store


def group_pending(store: Store, window_hours: float) -> int:
    """Give every article without a story one; returns how many were grouped."""
    from tui.core.stories.engine import StoryEngine, story_headline

    new = store.ungrouped_items()
    if not new:
        return 0
    window = timedelta(hours=window_hours) if window_hours > 0 else None
    engine = StoryEngine(window=window)
    engine.reserve_ids(store.highest_story_id())  # stories outside the window keep their ids
    earliest = store.earliest_ungrouped() or 0
    horizon = earliest - int(window.total_seconds()) if window else 0
    engine.restore((item, item.story_id) for item in store.grouped_items(horizon)
                   if item.story_id is not None)
    assignments = engine.add(new)
    store.save_memberships({
        int(a.item_id): StoryMembership(a.story_id, a.score, a.shared_terms,
                                        int(a.matched_item_id) if a.matched_item_id else None)
        for a in assignments})
    store.refresh_story_summaries({a.story_id for a in assignments}, story_headline)
    return len(assignments)
