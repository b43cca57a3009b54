"""The quotes extractor against the hand-written expectations for the demo corpus (seeds/quotes.json)."""

from __future__ import annotations

import json

import pytest
from byline_demo import SEEDS

from tui.core.fulltext.article import extract_html
from tui.core.quotes.extractor import Analysis, analyse

EXPECTED = json.loads((SEEDS / "quotes.json").read_text(encoding="utf-8"))["articles"]
PAGES = sorted(EXPECTED)
BORDER = "pages/caucasus-ledger/2026-11-24-border-protocol-signed.html"


def _analysis(page: str) -> Analysis:
    text = extract_html((SEEDS / page).read_bytes(), None).text
    return analyse(text)


def _found_with_speaker(analysis: Analysis, gold: dict) -> bool:
    """A gold quote is found when its opening words lie inside one of ours with the same speaker."""
    return any(gold["starts"] in quote.text and quote.speaker == gold["speaker"] for quote in analysis.quotes)


@pytest.mark.parametrize("page", PAGES)
def test_every_named_actor_is_found_by_its_canonical_name(page: str) -> None:
    actors = {actor.name: actor for actor in _analysis(page).actors}
    named = [gold for gold in EXPECTED[page]["actors"] if any(w[0].isupper() for w in gold["name"].split())]
    assert named
    for gold in named:
        assert gold["name"] in actors, f"{gold['name']} missing; found {sorted(actors)}"
        assert actors[gold["name"]].kind == gold["kind"], gold["name"]


def test_names_do_not_swallow_what_follows_them() -> None:
    names = {actor.name for actor in _analysis(BORDER).actors}
    assert not [name for name in names if " for " in name or " of the " in name or "-based" in name], names
    assert "ALMATY" not in names


def test_nine_in_ten_quotes_have_the_right_speaker() -> None:
    found, total, missed = 0, 0, []
    for page in PAGES:
        analysis = _analysis(page)
        for gold in EXPECTED[page]["quotes"]:
            total += 1
            if _found_with_speaker(analysis, gold):
                found += 1
            else:
                missed.append((gold["speaker"], gold["starts"]))
    assert total >= 30
    assert found >= 0.9 * total, f"{found}/{total}; missed {missed}"


def test_the_ministry_and_according_to_resolve_to_the_latest_ministry() -> None:
    analysis = _analysis(BORDER)
    ministry = next(actor for actor in analysis.actors if actor.name == "Armenian foreign ministry")
    assert "the ministry" in ministry.aliases
    reviewed = [q for q in analysis.quotes if "the protocol still has to be reviewed" in q.text]
    assert reviewed and all(q.speaker == "Armenian foreign ministry" for q in reviewed)
