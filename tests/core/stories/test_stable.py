"""Stories keep their ids and their titles as articles join, batch after batch and through the cache."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from test_engine import _background, _item

from tui.core.models import Outcome, ParsedEntry
from tui.core.store import Store
from tui.core.stories.engine import StoryEngine
from tui.core.stories.headline import story_headline
from tui.core.stories.pending import group_pending

VOLCANO = [
    "Volcano erupts near Grindavik in Iceland, town evacuated",
    "Iceland volcano: lava reaches Grindavik defences",
    "Grindavik eruption in Iceland enters its third day",
    "Live updates: Iceland volcano near Grindavik",
    "Iceland's Grindavik volcano eruption slows, scientists say",
]


def test_story_ids_stay_put_as_articles_join_batch_after_batch() -> None:
    engine = StoryEngine()
    first = engine.add([*_background(), _item(1, VOLCANO[0], 1)])
    volcano_id = first[-1].story_id
    known = {a.item_id: a.story_id for a in first}
    for n, title in enumerate(VOLCANO[1:], start=2):
        unrelated = _item(50 + n, f"Unrelated story number {n} about Ghana cocoa", 1 + 10 * n)
        batch = engine.add([_item(n, title, 1 + 10 * n), unrelated])
        assert batch[0].story_id == volcano_id, title
        for item_id, story_id in known.items():
            assert engine.assignment(item_id).story_id == story_id  # type: ignore[union-attr]
        known |= {a.item_id: a.story_id for a in batch}
    ids = sorted(set(known.values()))
    assert ids == list(range(1, len(ids) + 1)), "new stories take the next free ids"


def test_a_story_title_stays_put_as_articles_join() -> None:
    titles = ["Iceland volcano erupts near Grindavik"]
    current = story_headline(titles)
    for title in VOLCANO:
        titles.append(title)
        current = story_headline(titles, current)
    assert current == "Iceland volcano erupts near Grindavik"
    # A title that no longer represents the story gives way ...
    drifted = [*titles[:2], *(f"Svartsengi power plant lava wall holds, engineers say ({n})" for n in range(6))]
    assert story_headline(drifted, current).startswith("Svartsengi")
    # ... and a generic one ("Live updates:") never stays.
    assert story_headline(titles, "Live updates: Iceland volcano near Grindavik") != titles[4]


def _entry(guid: str, title: str, day: int) -> ParsedEntry:
    moment = datetime(2026, 3, 1, 9, tzinfo=UTC) + timedelta(days=day)
    return ParsedEntry(guid=guid, url=f"http://e.org/{guid}", title=title, author=None, published=moment,
                       summary=title, content="")


def test_group_pending_keeps_ids_and_titles_across_refreshes(store: Store) -> None:
    store.sync_feeds([("http://a.org/feed", "A", ()), ("http://b.org/feed", "B", ())])
    feed_a, feed_b = store.feed_id("http://a.org/feed"), store.feed_id("http://b.org/feed")
    assert feed_a is not None and feed_b is not None
    store.record_feed_result(feed_a, Outcome.OK, entries=[
        _entry("a0", "Volcano erupts near Grindavik in Iceland, town evacuated", 0),
        _entry("a1", "Bank of England holds interest rates at 4.5 percent", 0)])
    group_pending(store, 72)
    [volcano] = [s for s in store.stories() if "Grindavik" in s.headline]
    headline = volcano.headline
    for day, title in enumerate(VOLCANO[1:], start=1):
        store.record_feed_result(feed_b, Outcome.OK, entries=[_entry(f"b{day}", title, day)])
        assert group_pending(store, 72) == 1
        again = store.story(volcano.id)
        assert again is not None and again.article_count == day + 1
        assert again.headline == headline
    assert len(store.stories()) == 2


def _weak_match_joins(store: Store, follow: bool) -> bool:
    """A story in the cache, then ten days on an article sharing only common words with it."""
    store.sync_feeds([("http://a.org/feed", "A", ())])
    feed = store.feed_id("http://a.org/feed")
    assert feed is not None
    common = [_entry(f"c{n}", title, n % 3) for n, title in enumerate((
        "Police investigate crash on the motorway near Leeds", "Police investigate motorway crash in Glasgow",
        "Motorway crash: police investigate in Cardiff", "Crash closes motorway as police investigate in Belfast",
        "Bank of England holds interest rates at 4.5 percent", "Apple unveils new iPad with faster chip",
        "Storm Eowyn brings red warning for wind to Scotland", "Government plan for rail fares criticised"))]
    store.record_feed_result(feed, Outcome.OK, entries=[*common, _entry("x", "Police investigate motorway crash", 3)])
    group_pending(store, 72, followed_days=30)
    rows = {r.title: r.id for r in store.article_rows()}
    first = store.membership(rows["Police investigate motorway crash"])
    assert first is not None
    if follow:
        store.set_followed(first.story_id, True)
    store.record_feed_result(feed, Outcome.OK, entries=[_entry("y", "Motorway crash: police investigate", 13)])
    group_pending(store, 72, followed_days=30)
    later = store.membership(next(r.id for r in store.article_rows() if r.title.startswith("Motorway crash: police")))
    assert later is not None
    return later.story_id == first.story_id


def test_a_followed_story_in_the_cache_collects_articles_for_its_followed_days(tmp_path) -> None:  # type: ignore[no-untyped-def]
    followed, unfollowed = Store(tmp_path / "followed.db"), Store(tmp_path / "unfollowed.db")
    try:
        assert _weak_match_joins(followed, follow=True), "the followed story takes it"
        assert not _weak_match_joins(unfollowed, follow=False), "ten days on, common words start a new story"
    finally:
        followed.close()
        unfollowed.close()
