"""Story grouping: one event across outlets, generic words and headlines, windows, stable ids, restore, cluster."""

from __future__ import annotations

import json
import random
from datetime import datetime, timedelta, timezone

from conftest import shared_path

from tui.core.stories.engine import StoryEngine, StoryItem, cluster_records, effective_time
from tui.core.stories.headline import story_headline

T0 = datetime(2026, 3, 2, 8, 0, tzinfo=timezone.utc)

# Unrelated coverage so that document frequencies look like a real feed: common words are common.
BACKGROUND = [
    "Government announces new plan to cut hospital waiting lists in Wales",
    "Government plan for rail fares criticised by unions",
    "Police investigate after man found dead in Leeds park",
    "Police appeal for witnesses after crash on the M6",
    "Man charged after police chase through Bristol",
    "New government plan on housing targets delayed again",
    "Bank of England holds interest rates at 4.5 percent",
    "Apple unveils new iPad with faster chip",
    "Storm Eowyn brings red warning for wind to Scotland",
    "Government minister resigns over expenses claims",
    "Police officer injured during protest in Belfast",
    "New report warns of teacher shortages in England",
    "Man jailed for fraud that cost pensioners millions",
    "Government plan to ban disposable vapes comes into force",
]


def _item(number: int, title: str, hours: float = 0.0, **fields: object) -> StoryItem:
    return StoryItem(id=f"a{number}", title=title, published=T0 + timedelta(hours=hours), **fields)


def _background() -> list[StoryItem]:
    return [_item(100 + n, title, hours=-n) for n, title in enumerate(BACKGROUND)]


def _story_of(assignments, item_id: str) -> int:
    return next(a.story_id for a in assignments if a.item_id == item_id)


def test_same_event_worded_differently_by_two_outlets_is_grouped():
    engine = StoryEngine()
    first = _item(1, "Tourist ship strikes highway bridge in Germany; 25 hurt", 1, outlet="AP")
    second = _item(2, "Germany: Rhine cruise ship hits bridge pylon, injuring 27", 5, outlet="DW")
    assignments = engine.add([*_background(), first, second])
    joined = assignments[-1]
    assert joined.story_id == _story_of(assignments, "a1")
    assert joined.matched_item_id == "a1"
    assert 0 < joined.score <= 100
    assert {"Germany", "ship", "bridge"} <= set(joined.shared_terms)
    assert sum(1 for a in assignments if a.story_id == joined.story_id) == 2


def test_events_sharing_only_generic_words_are_not_grouped():
    engine = StoryEngine()
    schools = _item(1, "Government announces new plan for schools in Kenya", 1)
    tariffs = _item(2, "Government announces new plan for steel tariffs in Canada", 2)
    police = _item(3, "Police say man arrested after stabbing in Glasgow", 3)
    police_elsewhere = _item(4, "Police say man arrested after fire at Cardiff warehouse", 4)
    assignments = engine.add([*_background(), schools, tariffs, police, police_elsewhere])
    stories = {a.item_id: a.story_id for a in assignments}
    assert stories["a1"] != stories["a2"]
    assert stories["a3"] != stories["a4"]


def test_articles_outside_the_window_are_not_grouped_but_a_running_story_keeps_growing():
    titles = [
        "Volcano erupts near Grindavik, Iceland, forcing evacuation",
        "Iceland volcano eruption near Grindavik: lava reaches defences",
    ]
    far_apart = [_item(1, titles[0], 0), _item(2, titles[1], 24 * 10)]
    windowed = StoryEngine(window=timedelta(hours=72)).add(far_apart)
    assert windowed[0].story_id != windowed[1].story_id
    unwindowed = StoryEngine(window=None).add(far_apart)
    assert unwindowed[0].story_id == unwindowed[1].story_id

    # Each article lands within 72 hours of the previous one: the window runs from the story's latest article.
    running = [
        _item(n, f"Grindavik volcano eruption in Iceland, day {n * 2}: lava flow continues", 48 * n) for n in range(6)
    ]
    assignments = StoryEngine(window=timedelta(hours=72)).add(running)
    assert len({a.story_id for a in assignments}) == 1


def test_generic_headlines_never_glue_stories():
    engine = StoryEngine()
    items = [
        _item(1, "Live updates: Hurricane Milton makes landfall near Tampa", 1),
        _item(2, "Live updates: Federal Reserve cuts interest rates by half a point", 2),
        _item(3, "Morning briefing", 3),
        _item(4, "Morning briefing", 4),
        _item(5, "Letters", 5),
        _item(6, "Letters", 6),
        _item(7, "Opinion", 7),
        _item(8, "Opinion: the week in review", 8),
        _item(9, "Hurricane Milton makes landfall near Tampa as a category 3 storm", 9),
    ]
    assignments = engine.add(items)
    stories = [a.story_id for a in assignments]
    assert len(set(stories[:8])) == 8, "generic headlines must each stay on their own"
    assert stories[8] == stories[0], "the event after a generic prefix still matches"


def test_second_run_over_the_same_input_changes_nothing():
    items = [
        *_background(),
        _item(1, "Tourist ship strikes bridge in Germany", 1),
        _item(2, "Germany ship hits bridge", 2),
    ]
    engine = StoryEngine()
    first = engine.add(items)
    count = engine.story_count
    second = engine.add(list(reversed(items)))
    assert list(reversed(second)) == first
    assert engine.story_count == count


def test_restore_then_add_equals_one_shot():
    rng = random.Random(3)
    earlier = [
        *_background(),
        _item(1, "Tourist ship strikes bridge in Germany", 1),
        _item(2, "Germany ship hits bridge", 2),
    ]
    later = [
        _item(3, "Rhine cruise ship bridge crash: captain questioned in Germany", 20),
        _item(4, "Bank of England holds rates again as inflation eases", 21),
        _item(5, "Apple unveils new iPad with faster M4 chip", 22),
        _item(6, "Storm Eowyn: red warning for wind across Scotland", 23),
    ]
    one_shot = StoryEngine()
    persisted = one_shot.add(earlier)
    expected = one_shot.add(later)

    pairs = list(zip(earlier, (a.story_id for a in persisted), strict=True))
    rng.shuffle(pairs)
    restored = StoryEngine()
    restored.restore(pairs)
    assert restored.add(later) == expected
    assert max(a.story_id for a in expected) <= len(earlier) + len(later)


def test_new_story_ids_continue_after_the_highest_known_id():
    engine = StoryEngine()
    engine.restore([(_item(1, "Volcano erupts in Iceland", 0), 41), (_item(2, "Bank of England holds rates", 0), 7)])
    fresh = engine.add([_item(3, "Cyclone Alfred nears Brisbane coast", 1)])
    assert fresh[0].story_id == 42
    assert fresh[0].matched_item_id is None and fresh[0].score == 0
    engine.reserve_ids(90)  # a story outside the restored window already holds 90
    assert engine.add([_item(4, "Apple unveils new iPad with faster chip", 2)])[0].story_id == 91


def test_batch_is_processed_in_time_order_and_missing_dates_fall_back_to_seen():
    undated = StoryItem(id="u", title="Volcano erupts near Grindavik in Iceland", seen=T0 + timedelta(days=10))
    dated = _item(1, "Iceland volcano erupts near Grindavik", 0)
    future = StoryItem(
        id="f",
        title="Grindavik volcano: Iceland eruption continues",
        published=T0 + timedelta(days=400),
        seen=T0 + timedelta(days=11),
    )
    assert effective_time(undated) == undated.seen
    assert effective_time(future) == future.seen
    assert effective_time(dated) == dated.published
    assignments = StoryEngine(window=timedelta(hours=72)).add([future, undated, dated])
    stories = {a.item_id: a.story_id for a in assignments}
    assert stories["a1"] == 1, "the earliest article starts the first story"
    assert stories["u"] != stories["a1"], "ten days later by its first-seen time"
    assert stories["f"] == stories["u"], "a published date in the future falls back to first seen"


def test_cluster_records_keep_input_order_and_match_the_engine():
    records = [
        {"id": "x3", "title": "Germany ship hits bridge", "published": "2026-03-02T12:00:00Z", "outlet": "DW"},
        {"id": "x1", "title": "Tourist ship strikes bridge in Germany", "published": "2026-03-02T09:00:00+00:00"},
        {"id": "x2", "title": "Bank of England holds interest rates", "text": "The Bank of England held rates."},
        {"id": "x4", "title": "Tourist ship strikes bridge in Germany", "published": "2026-03-20T09:00:00Z"},
    ]
    result = cluster_records(records, window_hours=72)
    assert [row["id"] for row in result] == ["x3", "x1", "x2", "x4"]
    engine = StoryEngine(window=timedelta(hours=72))
    items = [
        StoryItem(
            id=r["id"],
            title=r["title"],
            text=r.get("text", ""),
            outlet=r.get("outlet", ""),
            published=datetime.fromisoformat(r["published"].replace("Z", "+00:00")) if "published" in r else None,
        )
        for r in records
    ]
    assert [row["story"] for row in result] == [a.story_id for a in engine.add(items)]
    stories = {row["id"]: row["story"] for row in result}
    assert stories["x1"] == stories["x3"] != stories["x4"]
    unwindowed = {row["id"]: row["story"] for row in cluster_records(records, window_hours=None)}
    assert unwindowed["x1"] == unwindowed["x4"]


def test_story_headline_is_the_most_central_title():
    titles = [
        "Chip wars: Broadcom raises hostile bid for Qualcomm to $121 billion in quest to be on top",
        "Broadcom raises Qualcomm offer to $121 billion",
        "Merged company could get a 5G edge",
        "Broadcom unveils $121 billion offer for Qualcomm",
    ]
    assert story_headline(titles) == "Broadcom raises Qualcomm offer to $121 billion"
    assert story_headline([]) == ""


def test_google_news_titles_sample_groups_well():
    path = shared_path("data", "stories", "googlenews", "GoogleNews-T.jsonl")
    lines = path.read_text(encoding="utf-8").splitlines()[:2000]
    records = [{"id": str(n), "title": json.loads(line)["text"]} for n, line in enumerate(lines)]
    labels = [json.loads(line)["cluster"] for line in lines]
    stories = [row["story"] for row in cluster_records(records, window_hours=None)]
    # Purity: most articles sit in a story dominated by their own label (a wrong merge-everything fails this).
    by_story: dict[int, list[int]] = {}
    for story, label in zip(stories, labels, strict=True):
        by_story.setdefault(story, []).append(label)
    pure = sum(max(members.count(x) for x in set(members)) for members in by_story.values())
    assert pure / len(labels) > 0.7
    assert len(by_story) < len(labels) / 3, "and it does group: far fewer stories than articles"


def test_every_join_is_explained_and_story_ids_are_consecutive():
    path = shared_path("data", "stories", "googlenews", "GoogleNews-T.jsonl")
    lines = path.read_text(encoding="utf-8").splitlines()[:1500]
    items = [StoryItem(id=str(n), title=json.loads(line)["text"]) for n, line in enumerate(lines)]
    engine = StoryEngine(window=None)
    engine.restore([(StoryItem(id="old", title="unrelated earlier story"), 7)])
    assignments = engine.add(items)
    story_of = {"old": 7} | {a.item_id: a.story_id for a in assignments}
    joined = [a for a in assignments if a.matched_item_id is not None]
    assert joined, "some articles must join others"
    for assignment in joined:
        assert story_of[assignment.matched_item_id] == assignment.story_id
        assert 0 < assignment.score <= 100
    assert sum(1 for a in joined if a.shared_terms) >= 0.95 * len(joined), "joins name the words that tied them"
    new_ids = {a.story_id for a in assignments} - {7}
    assert sorted(new_ids) == list(range(8, 8 + len(new_ids))), "new stories follow the highest known id"
    starters = [a.story_id for a in assignments if a.matched_item_id is None]
    assert sorted(starters) == sorted(new_ids), "each new story has exactly one article that began it"


def test_cluster_records_tolerate_unreadable_dates_and_headline_avoids_generic_labels():
    records = [
        {"id": 1, "title": "Volcano erupts near Grindavik in Iceland", "published": "yesterday"},
        {"id": 2, "title": "Iceland volcano erupts near Grindavik", "published": ""},
    ]
    result = cluster_records(records, window_hours=72)
    assert [row["id"] for row in result] == [1, 2], "ids come back as given"
    assert result[0]["story"] == result[1]["story"]
    titles = ["Live updates: volcano erupts near Grindavik", "Volcano erupts near Grindavik"]
    assert story_headline(titles) == "Volcano erupts near Grindavik"


def test_quoted_in_a_story_lists_named_speakers_only(store) -> None:
    """"Officials" and "analysts" are honest unnamed sources in the side panel, not people."""
    from tui.core.models import Quote

    store.sync_feeds([("http://a.example/f", "A", ()), ("http://b.example/f", "B", ())])
    with store.write() as tx:
        for feed in (1, 2):
            tx.execute("INSERT INTO articles (feed_id, guid, title, fetched, sort_time, story_id) "
                       "VALUES (?, ?, 'T', 1, 1, 7)", (feed, f"g{feed}"))
    quote = Quote("Anna Karapetyan", "It is slow work.", "direct", "said", 0, 5, 0.9)
    store.save_analyses([(1, [], [quote, Quote("officials", "x", "indirect", "said", 6, 9, 0.9)]),
                         (2, [], [quote, Quote("analysts", "y", "indirect", "said", 0, 3, 0.9)])],
                        version=1)
    [person] = store.quoted_people(7)
    assert person.speaker == "Anna Karapetyan" and person.quotes == 2
    assert sorted(person.outlets) == ["A", "B"]


def test_a_back_dated_article_does_not_restore_a_year_of_news(store, monkeypatch) -> None:
    """The stories restored for a refresh are those within reach of its newest articles: one old
    item in a feed must not read the whole cache back into memory."""
    from tui.core.stories.pending import group_pending

    day = 86400
    now = 1_800_000_000
    store.sync_feeds([("http://a.example/f", "A", ())])
    with store.write() as tx:
        for n, when in enumerate((now - 400 * day, now - 3600)):
            tx.execute("INSERT INTO articles (feed_id, guid, title, fetched, sort_time) "
                       "VALUES (1, ?, ?, ?, ?)", (f"g{n}", f"Item {n} about rail", when, when))
    asked: list[int] = []
    original = store.grouped_items
    monkeypatch.setattr(store, "grouped_items", lambda since: asked.append(since) or original(since))
    assert group_pending(store, 72) == 2
    [since] = asked
    assert since > now - 200 * day  # not 400 days back
