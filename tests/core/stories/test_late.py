"""Issue 26, round 2: the late articles of a long event join it, for the reasons events-dev's half A
showed (a headline naming only the story's subject; the event's own words made common by the event
itself; lead details no other article holds), and the guards that keep other events out."""

from __future__ import annotations

from datetime import timedelta

from test_engine import T0, _background, _item

from tui.core.models import StoryItem
from tui.core.stories.engine import StoryEngine
from tui.core.stories.tokens import tokenize

DAY = 24.0

EQUIFAX = [
    ("Equifax says hackers stole data of 143 million Americans", "Credit bureau Equifax said hackers stole names "
     "and Social Security numbers of 143 million Americans in a breach it found in July."),
    ("Shares fall as Equifax admits the breach went unnoticed", "Equifax shares fell 13 percent after the credit "
     "bureau said the breach of 143 million Americans' data went unnoticed for weeks."),
    ("Senators question Equifax over breach of 143 million", "Senators asked Equifax why it waited six weeks to "
     "disclose the breach of 143 million Americans' credit data."),
    ("Equifax breach: millions rush to freeze their credit", "Americans rushed to freeze their credit files after "
     "Equifax disclosed the breach, jamming its phone lines and website."),
]


def _equifax_story() -> list[StoryItem]:
    return [_item(n, title, n * 10, text=text, actors=("Equifax",), outlet=f"outlet{n}")
            for n, (title, text) in enumerate(EQUIFAX, start=1)]


def _late(number: int, title: str, text: str, actors: tuple[str, ...] = ("Equifax",)) -> StoryItem:
    return _item(number, title, 30 * DAY, text=text, actors=actors, outlet="late")


PAY = ("How much will Equifax pay?", "Lawyers for the plaintiffs expect a settlement fund, as after earlier "
       "leaks at retailers, with payments to people who can show losses.")


def _stories(assignments) -> dict[str, int]:  # type: ignore[no-untyped-def]
    return {a.item_id: a.story_id for a in assignments}


def test_a_late_article_naming_only_the_story_subject_joins_it_with_the_subject_as_reason() -> None:
    late = _late(9, *PAY)
    assignments = StoryEngine().add([*_background(), *_equifax_story(), late])
    story = _stories(assignments)
    assert story["a9"] == story["a1"] == story["a4"]
    merge = assignments[-1].merge
    assert merge is not None and merge.names == ("Equifax",)
    # the cause: without the join by subject it shares too few words a month on to join
    apart = _stories(StoryEngine(subject_focus=2.0).add([*_background(), *_equifax_story(), late]))
    assert apart["a9"] != apart["a1"]


def test_a_late_headline_naming_someone_the_story_never_headlined_stays_apart() -> None:
    late = _late(9, "How much will Experian and Equifax pay?", PAY[1], actors=("Equifax", "Experian"))
    story = _stories(StoryEngine().add([*_background(), *_equifax_story(), late]))
    assert story["a9"] != story["a1"]


def test_a_name_that_heads_two_stories_decides_nothing() -> None:
    tablets = [_item(20 + n, title, n, actors=("Apple",)) for n, title in enumerate(
        ["Apple unveils a folding tablet with a glass hinge", "Reviewers try the folding tablet Apple unveiled"])]
    taxes = [_item(30 + n, title, 5 + n, actors=("Apple",)) for n, title in enumerate(
        ["Brussels orders Apple to repay 13 billion euros in taxes", "Ireland appeals as Apple tax ruling stands"])]
    late = _item(9, "What comes next for Apple?", 30 * DAY, actors=("Apple",),
                 text="Analysts weighed the company's year of launches and court fights.")
    story = _stories(StoryEngine().add([*_background(), *tablets, *taxes, late]))
    assert story["a9"] not in {story["a20"], story["a30"]}
    assert story["a20"] != story["a30"]


MISSILES = [
    "North Korea fires missile over Japan",
    "Missile from North Korea flies over northern Japan",
    "Japan protests as North Korea missile passes overhead",
    "North Korea says missile over Japan was a warning",
    "UN condemns North Korea missile launch over Japan",
    "North Korea missile launch over Japan rattles markets",
    "Sirens in Hokkaido as North Korea missile crosses Japan",
    "Japan weighs missile defence after North Korea launch",
]
PLACES = ("North Korea", "Japan")


def test_an_event_that_made_its_own_words_common_still_holds_its_late_articles() -> None:
    # Eight articles of one event in a small cache: "North Korea", "missile" and "Japan" are in a
    # third of it, so they count as common (weak) words, which last 72 hours. Counted without the
    # event's own articles they are rare: its own evidence, lasting as names do.
    event = [_item(40 + n, title, n * 6, places=PLACES, outlet=f"o{n}") for n, title in enumerate(MISSILES)]
    late = _item(9, "Fishing town in Japan lives in fear of North Korea missile", 35 * DAY, places=PLACES,
                 text="In a Hokkaido town under the flight path of the North Korea missile, residents of "
                      "Japan keep bags packed.")
    items = [*_background(), *event, late]
    story = _stories(StoryEngine().add(items))
    assert story["a9"] == story["a40"] == story["a47"]
    apart = _stories(StoryEngine(own_strong=False, subject_focus=2.0).add(items))
    assert apart["a9"] != apart["a40"]


def test_words_a_small_cache_shares_are_no_story_own_evidence() -> None:
    # In four articles, a word in three is in most of the cache: counted without the story, it is
    # still in a third of what is left, so it is not the story's own (the same headline 18 days on
    # stays apart; test_engine's cluster_records test checks it through `byline cluster`).
    first = [_item(60, "Tourist ship strikes bridge in Germany", 0), _item(61, "Germany ship hits bridge", 3)]
    later = _item(62, "Tourist ship strikes bridge in Germany", 18 * DAY)
    engine = StoryEngine()
    story = _stories(engine.add([*first, _item(63, "Bank of England holds interest rates", 1), later]))
    assert story["a62"] != story["a60"] == story["a61"]
    kept = engine.index.story(story["a60"])
    assert kept is not None
    assert engine.index.idf_outside("german", kept, 2) < engine.tuning.strong_idf


def test_lead_details_no_other_article_holds_leave_the_profile_but_headline_words_stay() -> None:
    engine = StoryEngine()
    detail = _item(1, "Equifax names interim chief", text="Paulino do Rego Barros takes over at Equifax.")
    engine.add([*_background(), detail, _item(2, "Equifax chief steps down", 2, text="Equifax said its chief left.")])
    story = engine.index.story(engine.assignment("a1").story_id)  # type: ignore[union-attr]
    assert story is not None
    profile, _ = engine.index.profile(story)
    assert "equifax" in profile
    assert "interim" in profile, "a headline word stays, though no other article holds it"
    assert "paulino" not in profile and "barro" not in profile, "a lead detail no other article holds leaves"
    weighted, _ = engine.index.weighted(detail_entry(engine, "a1"))
    assert "paulino" not in weighted and "interim" in weighted


def detail_entry(engine: StoryEngine, item_id: str):  # type: ignore[no-untyped-def]
    story = engine.index.story(engine.assignment(item_id).story_id)  # type: ignore[union-attr]
    assert story is not None
    return next(member for member in story.members if member.item_id == item_id)


def test_an_initial_joined_to_a_name_reads_as_the_name() -> None:
    keys = [token.key for token in tokenize("N.Korean missiles, N. Korean missiles, U.S. and Amazon.com")]
    assert keys == ["korean", "missil", "korean", "missil", "usa", "amazoncom"]


def test_a_late_join_keeps_out_of_reach() -> None:
    late = StoryItem(id="a9", title=PAY[0], text=PAY[1], actors=("Equifax",),
                     published=T0 + timedelta(days=90))
    story = _stories(StoryEngine().add([*_background(), *_equifax_story(), late]))
    assert story["a9"] != story["a1"], "past strong_days (60) nothing joins"


CABLE = ("Georgia picks Anaklia for Black Sea data cable landing station",
         "The planned submarine cable to Romania will come ashore near Anaklia, the economy ministry said, a "
         "choice that favours the deep-water port project over Poti & its existing terminals.")
STRIKE = ("Dockworkers' strike halts grain loadings at Romanian Black Sea port",
          "A 48-hour strike by dockworkers at Constanta stopped grain loadings on Sunday, leaving more than 30 "
          "ships waiting, port officials said.")


def test_folding_past_the_window_needs_the_plain_evidence_placing_needs() -> None:
    # The demo's two Black Sea stories, six days apart: a sea and a port in common. Without the
    # details only each holds, their profiles meet at the folding threshold; past the window a
    # fold, like a join, must meet the higher one.
    items = [*_background(), _item(1, *CABLE[:1], 0, text=CABLE[1]), _item(2, *STRIKE[:1], 6 * DAY, text=STRIKE[1])]
    story = _stories(StoryEngine().add(items))
    assert story["a1"] != story["a2"]
    folded = _stories(StoryEngine(far_threshold=0.20).add(items))
    assert folded["a1"] == folded["a2"], "the rule, not the scores, keeps them apart"


def test_a_late_article_joins_the_story_in_the_cache_and_says_why_in_words(store, tmp_path, capsys) -> None:  # type: ignore[no-untyped-def]
    # Two refreshes through the cache: the story, then a month on its late article; what
    # `byline stories --json` lists is one story whose late article says it merged by its subject.
    import json

    from tui.cli.main import main
    from tui.core.models import Outcome, ParsedEntry
    from tui.core.stories.pending import group_pending

    def entry(item: StoryItem) -> ParsedEntry:
        return ParsedEntry(guid=item.id, url=f"http://e.org/{item.id}", title=item.title, author=None,
                           published=item.published, summary=item.text[:200], content=item.text)

    store.sync_feeds([("http://e.org/feed", "E", ())])
    feed = store.feed_id("http://e.org/feed")
    assert feed is not None
    store.record_feed_result(feed, Outcome.OK, entries=[entry(i) for i in [*_background(), *_equifax_story()]])
    group_pending(store, 72)
    store.record_feed_result(feed, Outcome.OK, entries=[entry(_late(9, *PAY))])
    assert group_pending(store, 72) == 1
    (tmp_path / "feeds.toml").write_text("[settings]\nrefresh_minutes = 0\n", encoding="utf-8")
    assert main(["--config", str(tmp_path / "feeds.toml"), "--cache-dir", str(tmp_path), "stories", "--json"]) == 0
    [equifax] = [s for s in json.loads(capsys.readouterr().out) if any("Equifax" in a["title"] for a in s["articles"])]
    late = next(a for a in equifax["articles"] if a["title"] == PAY[0])
    assert len(equifax["articles"]) == 5
    assert late["joined"]["how"] == "merged"
    assert late["joined"]["merge"]["reason"] == "merged: both name Equifax"
