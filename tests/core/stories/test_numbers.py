"""Numbers in news text: units, values as written, what they count, and when two agree."""

from __future__ import annotations

from tui.core.stories.numbers import find_numbers

TEXT = ("Georgia's regulator fined Kovra Pay 4.8 million lari (about $1.8 million) on Friday after "
        "2.1 million customers' records leaked. The protocol covers about 14 km (9 miles) of frontier, "
        "a 14-kilometre section. The next meeting is on January 27. Inflation slowed to 2.4% from 3.1%, "
        "a cut of 25 basis points. A 48-hour strike began in 2024. By Arpi Hakobyan · 24 November 2026, "
        "10:30 UTC.\nALMATY, Nov 24 (Meridian Wire) - Talks went on.")


def _by_text() -> dict[str, tuple[float, str]]:
    return {m.text: (m.value, m.unit) for m in find_numbers(TEXT)}


def test_numbers_come_with_their_unit_and_value() -> None:
    found = _by_text()
    assert found["4.8 million lari"] == (4_800_000, "lari")
    assert found["$1.8 million"] == (1_800_000, "usd")
    assert found["2.1 million customers"] == (2_100_000, "people")
    assert found["14 km"] == (14, "km") and found["14-kilometre"] == (14, "km")
    assert found["9 miles"] == (9, "miles")
    assert found["January 27"] == (127, "date")
    assert found["2.4%"] == (2.4, "%") and found["25 basis"] == (25, "basis points")


def test_what_is_not_a_count_is_left_out() -> None:
    found = _by_text()
    assert not any("48" in text for text in found), "a 48-hour strike is a kind of strike"
    assert not any("2024" in text for text in found), "a bare year counts nothing"
    assert not any("November" in text or "Nov" in text for text in found), "bylines and datelines"


def test_agreement_follows_the_precision_written() -> None:
    [about] = find_numbers("Kovra Pay paid about $1.8 million.")
    [exact] = find_numbers("Kovra Pay paid $1.77 million.")
    [other] = find_numbers("Kovra Pay paid $1.6 million.")
    assert about.agrees(exact) and exact.agrees(about)
    assert not about.agrees(other)
    [km14] = find_numbers("The protocol fixes 14 km of border.")
    [km15] = find_numbers("The protocol fixes 15 km of border.")
    assert not km14.agrees(km15) and km14.same_thing(km15)
    assert km14.sentence == "The protocol fixes 14 km of border."
    assert TEXT.count("14 km") == 1 and km14.end - km14.start == len("14 km")


def test_pounds_are_weight_unless_money_is_said() -> None:
    [cargo] = find_numbers("The rocket will launch 140,000 pounds of cargo into orbit.")
    assert cargo.unit == "lb", "cargo is weighed, not paid"
    [fine] = find_numbers("The club was fined 2 million pounds sterling.")
    assert fine.unit == "gbp"
    assert find_numbers("He lost 30 pounds last year.") == [], "neither money nor weight said: left out"


def test_rounding_is_not_disagreement() -> None:
    heights = [find_numbers(f"The rocket stands {h} feet tall.")[0] for h in ("229.6", "230", "229", "200")]
    assert all(a.agrees(b) for a in heights for b in heights), "229.6, 230, 229 and 200 feet are one height"
    [sixty] = find_numbers("At least 60 people were killed.")
    [eighty_four] = find_numbers("At least 84 people were killed.")
    assert not sixty.agrees(eighty_four)
    [jan27] = find_numbers("The meeting is on January 27.")
    [jan29] = find_numbers("The meeting is on January 29.")
    assert not jan27.agrees(jan29), "dates are exact"
