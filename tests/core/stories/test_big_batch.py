"""Grouping a big batch cheaply: tokens by table, one reading per text, copies, kept profiles, no GC."""

from __future__ import annotations

import gc
import math
from datetime import timedelta

from test_engine import T0, _background, _item

from tui.core.models import StoryItem
from tui.core.stories import tokens
from tui.core.stories.engine import StoryEngine
from tui.core.stories.features import Leads, featurise
from tui.core.stories.model import Tuning

LEAD = ("Rescuers searched the Dunmore quarry on Tuesday after a landslide buried two trucks, "
        "the Kerry county council said. Council engineer Aoife Brennan said the slope had moved "
        "twice this month.")


def _copy(number: int, outlet: str, hours: float, title: str = "Landslide buries trucks at Dunmore quarry",
          text: str = LEAD) -> StoryItem:
    return StoryItem(id=f"c{number}", title=title, text=text, outlet=outlet,
                     published=T0 + timedelta(hours=hours))


def test_tokens_depend_on_their_place_in_the_text_not_on_what_was_read_before() -> None:
    tokens._word_infos.clear()
    first = tokens.tokenize("Brennan said it. Then Brennan left, and brennan stayed.")
    again = tokens.tokenize("Brennan said it. Then Brennan left, and brennan stayed.")
    assert first == again
    names = [(t.surface, t.is_name, t.is_lower) for t in first if t.key == "brennan"]
    # At a sentence start a capital says nothing; mid-sentence it marks a name; lower case marks a word.
    assert names == [("Brennan", False, False), ("Brennan", True, False), ("brennan", False, True)]
    titled = tokens.tokenize("Brennan Says Quarry Slope Moved Twice")  # title case: capitals say nothing
    assert not any(t.is_name for t in titled)
    tokens._word_infos.clear()
    assert tokens.tokenize("Brennan said it. Then Brennan left, and brennan stayed.") == first


def test_copies_read_their_text_once_and_an_outlets_own_name_only_leaves_its_copy() -> None:
    leads: Leads = {}
    tuning = Tuning()
    plain = featurise(_copy(1, "Irish Post", 0), tuning, leads)
    again = featurise(_copy(2, "Irish Post", 1), tuning, leads)
    kerry = featurise(_copy(3, "Kerry Radio", 2), tuning, leads)
    assert len(leads) == 1, "one text, read once"
    assert again.weights is plain.weights and again.copy_key == plain.copy_key
    key = tokens.tokenize("Kerry")[0].key
    assert key in plain.weights and key not in kerry.weights, "an outlet's own name says nothing"
    assert kerry.weights.keys() == plain.weights.keys() - {key}
    assert kerry.copy_key is None, "a copy that differs is placed like any other article"
    headline_only = featurise(StoryItem(id="h", title="Landslide buries trucks"), tuning, leads)
    assert headline_only.copy_key is None, "bare headlines recur across events: never taken for copies"


def test_wire_copies_join_their_original_and_each_join_is_explained() -> None:
    copies = [_copy(n, f"Outlet {n}", n) for n in range(1, 6)]
    assignments = StoryEngine().add([*_background(), *copies])
    joined = assignments[-4:]
    first = assignments[-5]
    assert first.matched_item_id is None
    assert {a.story_id for a in joined} == {first.story_id}
    for assignment in joined:
        assert assignment.matched_item_id in {f"c{n}" for n in range(1, 5)}
        assert assignment.score > 50 and {"Dunmore", "quarry"} <= set(assignment.shared_terms)


def test_a_copy_beyond_the_window_is_placed_as_any_article_is() -> None:
    # The same text twenty days later: its original's story is out of the weak window, so the copy
    # is scored against every story as any article is (and here strong evidence still joins it).
    engine = StoryEngine(window=timedelta(hours=72))
    early, late = _copy(1, "Outlet 1", 0), _copy(2, "Outlet 2", 24 * 20)
    assignments = engine.add([*_background(), early, late])
    assert assignments[-1].story_id == assignments[-2].story_id
    assert 0 < assignments[-1].score < 100, "time weakened the evidence: scored, not copied"


def test_a_story_profile_kept_up_to_date_equals_one_computed_afresh() -> None:
    engine = StoryEngine()
    titles = ["Dunmore quarry landslide buries trucks", "Kerry council closes Dunmore quarry road",
              "Dunmore quarry: engineers warn slope moved twice", "Brennan says Dunmore quarry slope unstable"]
    engine.add([*_background(), *(_item(300 + n, t, n) for n, t in enumerate(titles))])
    index = engine.index
    story = index.story(engine.assignment("a300").story_id)  # type: ignore[union-attr]
    assert story is not None and len(story.members) == len(titles)
    kept, kept_norm = index.profile(story)
    index.attach(featurise(_item(399, "Dunmore quarry reopens after landslide", 9), engine.tuning), story.story_id)
    index.detach(story.members[0])
    kept, kept_norm = index.profile(story)
    story.profile_epoch = -1  # forget it: computed again from the counts
    fresh, fresh_norm = index.profile(story)
    assert kept.keys() == fresh.keys()
    assert all(math.isclose(kept[t], fresh[t], rel_tol=1e-9) for t in fresh)
    assert math.isclose(kept_norm, fresh_norm, rel_tol=1e-9)


def test_grouping_pauses_the_cycle_collector_and_gives_it_back() -> None:
    assert gc.isenabled()
    StoryEngine().add(_background())
    assert gc.isenabled()
    gc.disable()
    try:
        StoryEngine().add(_background())
        assert not gc.isenabled(), "a caller's choice is kept"
    finally:
        gc.enable()
