"""Group the cache's new articles into stories with the engine, and record why each joined."""

from __future__ import annotations

from datetime import timedelta
from typing import TYPE_CHECKING

from tui.core.models import StoryMembership
from tui.core.settings import Settings
from tui.core.store import Store

if TYPE_CHECKING:
    from tui.core.stories.model import Tuning

_DEFAULTS = Settings()


def group_pending(store: Store, window_hours: float,
                  followed_days: float = _DEFAULTS.followed_story_days, tuning: Tuning | None = None) -> int:
    """Give every article without a story one; returns how many were grouped.

    `window_hours` is how long weak evidence lasts (0: time is ignored); a followed story collects
    articles for `followed_days` after its latest one. `tuning` replaces the engine's knobs (the
    benchmark scores a tuning made on other articles this way). Known stories that grew together
    merge: every article of the later one moves, with the reason.
    """
    import dataclasses

    from tui.core.stories.engine import StoryEngine
    from tui.core.stories.headline import story_headline

    new = store.ungrouped_items()
    if not new:
        return 0
    window = timedelta(hours=window_hours) if window_hours > 0 else None
    knobs = {} if tuning is None else dataclasses.asdict(tuning)
    engine = StoryEngine(window=window, followed_days=followed_days, **knobs)
    engine.reserve_ids(store.highest_story_id())  # stories out of reach keep their ids
    reach = engine.reach
    # The articles of the stories a new one could still join: those listed within reach (a long
    # story is known by its recent coverage, and restoring it whole would cost its whole length).
    # The span is counted back from the newest new article, not the oldest: one back-dated item
    # in a feed must not make a refresh read a year of news back into memory.
    horizon = 0
    if reach is not None:
        earliest, newest = store.ungrouped_span()
        span = int(reach.total_seconds())
        horizon = max(earliest, newest - span) - span
    engine.restore(((item, item.story_id) for item in store.grouped_items(horizon)
                    if item.story_id is not None), followed=store.followed_story_ids(horizon))
    assignments = engine.add(new)
    if engine.merged:  # first, so that the new articles' own reasons are not overwritten
        store.merge_stories(engine.merged)
    store.save_memberships({
        int(a.item_id): StoryMembership(a.story_id, a.score, a.shared_terms,
                                        int(a.matched_item_id) if a.matched_item_id else None, a.merge)
        for a in assignments})
    kept = {kept for kept, _ in engine.merged.values()}
    store.refresh_story_summaries({a.story_id for a in assignments} | kept, story_headline)
    return len(assignments)
