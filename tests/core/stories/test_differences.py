"""Numbers that differ: two outlets giving different values for one quantity, and nothing else."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime, timedelta, timezone

from tui.core.models import CoverageArticle, StoryInfo
from tui.core.stories.compare import compare, read_article

WHEN = datetime(2026, 11, 24, 10, 30, tzinfo=timezone.utc)


def _differences(*texts: tuple[str, str]) -> list[tuple[str, list[tuple[str, str]]]]:
    reads = [read_article(CoverageArticle(i, outlet, f"Title {i}", None, WHEN, text), [], [])
             for i, (outlet, text) in enumerate(texts, start=1)]
    story = StoryInfo(1, "Story", WHEN, WHEN, len(texts), len({o for o, _ in texts}), False, 0)
    return [(d.thing, [(n.outlet, n.text) for n in d.numbers]) for d in compare(story, reads, ()).differences]


def test_two_outlets_counting_one_thing_differently_is_a_difference() -> None:
    found = _differences(
        ("Wire", "At least 60 people were killed when a truck drove into a crowd in Nice."),
        ("Ledger", "At least 84 people were killed when a truck drove into a crowd in Nice."))
    assert len(found) == 1
    thing, numbers = found[0]
    assert sorted(numbers) == [("Ledger", "84 people"), ("Wire", "60 people")]
    assert thing.endswith("(people)") and all(word.isalpha() for word in thing[:-9].split(", ")), thing


def test_unrelated_figures_and_one_articles_figures_are_not_set_side_by_side() -> None:
    found = _differences(
        ("Sun", "Russia shares a 24-mile border with North Korea. The missile flew 2,300 miles before it fell."),
        ("Post", "The missile flew 2,300 miles before falling into the sea, 24 miles from the coast."),
        ("Daily", "The campaign cost $7 million, and $50 million of airtime was donated by the networks."))
    assert found == [], found


def test_rounding_and_misread_units_are_left_out() -> None:
    found = _differences(
        ("Mail", "The rocket stands 229.6 feet tall and will launch 140,000 pounds of cargo."),
        ("Today", "The rocket stands 230 feet tall and can lift 8.8 million pounds of thrust."),
        ("Times", "The rocket stands about 200 feet tall."))
    assert found == [], found


def test_one_quantity_told_two_ways_is_kept() -> None:
    found = _differences(
        ("Sun", "A suspected fanatic ploughed a 25-tonne truck into crowds on the promenade."),
        ("Times", "The attacker in Nice used a 19-ton delivery truck to approach the promenade."),
        ("Radio", "Equifax exposed personal information of 143 million people, the company has confirmed."),
        ("Mail", "Equifax said the total is now 145.5 million people who had their personal information stolen."))
    assert sorted(sorted(text for _, text in numbers) for _, numbers in found) == [
        ["143 million people", "145.5 million people"], ["19-ton", "25-tonne"]], found


def test_other_times_subjects_and_offers_are_left_out() -> None:
    found = _differences(
        ("Post", "Official figures show 20 people were injured in tram accidents between March 2015 and March 2016."),
        ("Standard", "At least 40 people were injured in the tram accidents, the fire brigade said."),
        ("Bloomberg", "Qualcomm shares fell 1.5 percent to $65.09 at 9:34 a.m."),
        ("Reuters", "Qualcomm shares fell 4.3 percent to $63.20 in afternoon trading."),
        ("USA Today", "CEO Elon Musk said the semi is capable of traveling 500 miles on an electric charge."),
        ("Mail", "The Tesla sports car can travel 620 miles on a single charge."),
        ("WSJ", "Broadcom raised its offer to $82 a share, up from its first offer of $70 a share."),
        ("NYT", "Broadcom's offer of $70 a share was rejected by Qualcomm's board."))
    assert found == [], found


def test_a_story_back_after_a_quiet_spell_is_another_event() -> None:
    reads = [read_article(CoverageArticle(i, outlet, f"Title {i}", None, WHEN + timedelta(days=days), text), [], [])
             for i, (outlet, days, text) in enumerate((
                 ("Wire", 0, "The missile flew 2,700 km over Hokkaido before it fell into the sea."),
                 ("Ledger", 16, "The missile flew 3,700 km over Hokkaido before it fell into the sea.")), start=1)]
    story = StoryInfo(1, "Story", WHEN, WHEN, 2, 2, False, 0)
    assert compare(story, reads, ()).differences == ()
    assert len(compare(story, [reads[0], replace(reads[1], source=replace(reads[1].source, time=WHEN))], ())
               .differences) == 1, "the same two, a day apart, disagree"
