"""Speakers named by their role (issue 21, round 3): the person a role describes, never the institution the
role names, and never a place the speaker spoke from. Small constructed sentences, not the judged draw."""

from __future__ import annotations

import pytest

from tui.core.quotes.extractor import explain


def _speakers(text: str) -> list[str | None]:
    """The speaker of every candidate, shown or not."""
    _, explained = explain(text, judged=False)
    return [quote.speaker for quote, _ in explained]


@pytest.mark.parametrize(("text", "speaker"), [
    ("The council met at the United Nations on Monday. The US Ambassador to the United Nations said Washington "
     "is \"done talking\" about the tests.", "the US ambassador to the United Nations"),
    ("The council met at the UN on Monday. The US Ambassador to the UN said Washington is done talking.",
     "the US ambassador to the UN"),
    ("The council met at the United Nations on Monday. China's and Russia's ambassadors to the United Nations "
     "said they opposed any unilateral sanctions.", "China's and Russia's ambassadors to the United Nations"),
])
def test_a_role_at_an_institution_is_not_the_institution(text: str, speaker: str) -> None:
    found = _speakers(text)
    assert speaker in found, found
    assert "United Nations" not in found and "UN" not in found, found


def test_a_person_named_with_the_role_still_speaks() -> None:
    text = ("Washington is done talking about the missile tests, the US Ambassador to the United Nations, "
            "Nikki Haley, said on Sunday.")
    assert "Nikki Haley" in _speakers(text)


@pytest.mark.parametrize("text", [
    "North Korean leader Kim Jong Un inspected the launch on Friday. The North Korean leader said the country "
    "would keep testing rockets.",
    "North Korean leader Kim Jong Un met South Korean leader Moon Jae-in on Friday. The North Korean leader "
    "said the country would keep testing rockets.",
])
def test_a_description_is_the_one_person_whose_role_fits(text: str) -> None:
    assert "Kim Jong Un" in _speakers(text)


def test_a_description_two_people_fit_stays_as_written() -> None:
    text = ("North Korean leader Kim Jong Un met former North Korean leader Kim Tae Ho on Friday. "
            "The North Korean leader said the country would keep testing rockets.")
    found = _speakers(text)
    assert "Kim Jong Un" not in found and "Kim Tae Ho" not in found, found


@pytest.mark.parametrize("text", [
    "\"The North will not stop until it has a working missile,\" said Masao Okonogi by phone from Seoul.",
    "\"The North will not stop until it has a working missile,\" said Masao Okonogi, speaking from Seoul.",
])
def test_a_place_after_from_never_speaks(text: str) -> None:
    found = _speakers(text)
    assert "Masao Okonogi" in found and "Seoul" not in found, found
