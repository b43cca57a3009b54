"""Time weakens evidence: strong evidence joins across days, weak only within the window; followed stories last."""

from __future__ import annotations

from datetime import timedelta

from test_engine import T0, _background, _item

from tui.core.models import StoryItem
from tui.core.stories.engine import StoryEngine

# Coverage that makes "police", "investigate", "motorway" and "crash" common words here.
COMMON = [
    "Police investigate crash on the motorway near Leeds",
    "Police investigate crash on the motorway near Bristol",
    "Motorway crash: police investigate in Cardiff",
    "Police investigate motorway crash in Glasgow",
    "Crash closes motorway as police investigate in Belfast",
]


def _corpus() -> list[StoryItem]:
    return [*_background(), *(_item(200 + n, title, hours=-30 - n) for n, title in enumerate(COMMON))]


def _together(items: list[StoryItem], engine: StoryEngine | None = None) -> bool:
    assignments = (engine or StoryEngine()).add([*_corpus(), *items])
    story = {a.item_id: a.story_id for a in assignments}
    return story[items[0].id] == story[items[1].id]


def test_a_strong_match_ten_days_later_joins() -> None:
    first = _item(1, "Kovra Pay fined 4.8 million lari after Tbilisi data leak", 0)
    later = _item(2, "Kovra Pay appeals 4.8 million lari fine in Tbilisi court", 24 * 10)
    assert _together([first, later])
    engine = StoryEngine()
    assignments = engine.add([*_corpus(), first, later])
    joined = assignments[-1]
    assert joined.matched_item_id == "a1", "the join is explained by the article it matched"
    assert {"Kovra", "Pay", "lari"} <= set(joined.shared_terms) and joined.score > 0


def test_a_weak_match_ten_days_later_does_not_join_but_does_the_same_day() -> None:
    first = _item(3, "Police investigate motorway crash", 0)
    later = _item(4, "Motorway crash: police investigate", 24 * 10)
    same_day = _item(5, "Motorway crash: police investigate", 12)
    assert not _together([first, later])
    assert _together([first, same_day])


def test_strong_evidence_fades_out_after_its_horizon() -> None:
    first = _item(1, "Kovra Pay fined 4.8 million lari after Tbilisi data leak", 0)
    much_later = _item(2, "Kovra Pay appeals 4.8 million lari fine in Tbilisi court", 24 * 70)
    assert not _together([first, much_later]), "60 days is the longest gap anything joins across"
    assert _together([first, much_later], StoryEngine(window=None)), "without a window time is ignored"


def test_a_followed_story_collects_weak_matches_for_its_followed_days() -> None:
    first = _item(3, "Police investigate motorway crash", 0)
    later = _item(4, "Motorway crash: police investigate", 24 * 10)
    for followed, days, joins in ((True, 30, True), (False, 30, False), (True, 5, False)):
        engine = StoryEngine(followed_days=days)
        engine.restore([(item, 100 + n) for n, item in enumerate(_corpus())] + [(first, 7)],
                       followed=[7] if followed else [])
        [assignment] = engine.add([later])
        assert (assignment.story_id == 7) is joins, (followed, days)


def test_people_quoted_by_both_count_as_evidence() -> None:
    first = StoryItem(id="q1", title="Central Asian neighbours sign water pact", published=T0,
                      quoted=("Taalaibek Osmonov",))
    later = T0 + timedelta(hours=20)
    second = StoryItem(id="q2", title="Lender backs water barter with credit line", published=later,
                       quoted=("Taalaibek Osmonov",))
    unquoted = StoryItem(id="q3", title="Lender backs water barter with credit line", published=later)
    assert _together([first, second])
    assert not _together([first, unquoted])
