"""Numbers that differ: two outlets giving different values for one quantity, and nothing else."""

from __future__ import annotations

from datetime import datetime, timezone

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
