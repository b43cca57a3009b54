"""The learned quote judge: its weights file, how it was built, its calibration, and the candidates the
rules now make for it (issue 21)."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from conftest import shared_path

from tui.core.models import SHOWN_CONFIDENCE
from tui.core.quotes.extractor import analyse
from tui.core.quotes.judge import WEIGHTS, judge

BENCH = Path(__file__).resolve().parents[3] / "bench"


def _train_quotes():  # type: ignore[no-untyped-def]
    """bench/train_quotes.py, imported as a module (it needs ../shared's PolNeAR)."""
    shared_path("data", "quotes", "polnear", "train")
    if str(BENCH) not in sys.path:
        sys.path.insert(0, str(BENCH))
    import train_quotes

    return train_quotes


def test_the_weights_file_loads_and_its_threshold_is_the_shown_one() -> None:
    model = judge()
    assert model.weights and 0.5 < model.platt[0] < 2.0
    assert model.threshold == SHOWN_CONFIDENCE       # models.py carries the threshold the training chose


def test_the_weights_file_is_built_from_the_data_as_it_is() -> None:
    import json

    train_quotes = _train_quotes()
    committed = json.loads(WEIGHTS.read_text(encoding="utf-8"))
    assert committed["limit"] is None, "the committed weights must come from all of PolNeAR train"
    assert committed["data"] == train_quotes.data_digest(train_quotes.load_polnear("train")), \
        "PolNeAR train changed since the weights were built: run bench/train_quotes.py"


def test_training_is_deterministic_on_a_slice() -> None:
    train_quotes = _train_quotes()
    first = train_quotes.build(limit=40)
    assert first == train_quotes.build(limit=40)
    assert first["weights"] and first["threshold"] in train_quotes.THRESHOLDS


@pytest.mark.slow
def test_probabilities_are_calibrated_on_held_out_articles() -> None:
    """On PolNeAR dev (never trained or tuned on), each probability band's share of right candidates is
    within 0.12 of its mean probability wherever a band holds 40 candidates or more, and the expected
    calibration error is under 0.06."""
    train_quotes = _train_quotes()
    probabilities, labels = [], []
    for _, text, gold in train_quotes.load_polnear("dev"):
        examples = train_quotes.examples_of(text, gold)
        explained = analyse(text).quotes
        assert len(examples) == len(explained)
        probabilities.extend(q.confidence for q in explained)
        labels.extend(e.right for e in examples)
    bands = train_quotes.reliability(probabilities, labels, bins=5)
    total = sum(count for _, _, count in bands)
    error = sum(abs(mean - share) * count for mean, share, count in bands) / total
    assert error < 0.06, bands
    assert all(abs(mean - share) < 0.12 for mean, share, count in bands if count >= 40), bands


def _shown(text: str) -> list[tuple[str | None, str]]:
    return [(q.speaker, q.text) for q in analyse(text).shown()]


def test_a_colon_introduction_is_a_shown_quote() -> None:
    text = ("Rabbi Jonathan Blake spoke to reporters after the service. "
            "He said: \"We are heartbroken by what happened here.\"")
    assert _shown(text) == [("Jonathan Blake", "We are heartbroken by what happened here.")]


def test_a_quote_running_over_paragraphs_is_one_unit_attributed_in_its_last() -> None:
    text = ("Mary Horomanski was arrested on Friday.\n\n"
            "\"I was never going to hurt anyone,\n\n"
            "\"I only wanted to see my grandson, and I said so to the officers.\n\n"
            "\"They would not listen to me at all,\" Horomanski said.")
    [quote] = analyse(text).shown()
    assert quote.speaker == "Mary Horomanski" and len(quote.pieces) == 3
    assert quote.text.startswith("I was never going") and quote.text.endswith("at all,")


@pytest.mark.parametrize(("text", "speaker", "content"), [
    ("Larry Kudlow opined that the tariffs would hurt American farmers more than anyone else.",
     "Larry Kudlow", "the tariffs would hurt"),
    ("Greta Thunberg spoke in Davos, proclaiming that the house is still on fire and leaders do nothing.",
     "Greta Thunberg", "the house is still on fire"),
    ("Bill Gates sounded the alarm that the world is not ready for the next pandemic.",
     "Bill Gates", "the world is not ready"),
    ("The Associated Press quoted Paul Manafort as saying that he had done nothing wrong in Ukraine.",
     "Paul Manafort", "he had done nothing wrong"),
    ("John Kelly said the wall would be built, but added that it might take several more years to finish.",
     "John Kelly", "it might take several more years"),
])
def test_rarer_verbs_of_saying_make_shown_quotes(text: str, speaker: str, content: str) -> None:
    assert any(who == speaker and said.startswith(content) for who, said in _shown(text)), _shown(text)
