"""The learned judge: the calibrated chance that a rule-made candidate is an attribution with the right speaker.

A logistic regression over the rule signals (features.py), with the rules' own rate as its offset,
trained on PolNeAR train of "an attribution of speech, with this speaker" by `bench/train_quotes.py`;
its scores are mapped to probabilities by Platt scaling fitted on out-of-fold scores of train. The
weights live in judge_weights.json beside this module, written by that script (never by hand).
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from tui.core.quotes.confidence import QUOTING_CUES
from tui.core.quotes.features import Signals, features, prior

WEIGHTS = Path(__file__).with_name("judge_weights.json")


@dataclass(frozen=True)
class Judge:
    """Weights, the Platt scaling of their score, and the threshold chosen with them."""

    weights: dict[str, float]
    platt: tuple[float, float]     # probability = sigmoid(a * score + b)
    threshold: float

    def score(self, signals: Signals) -> float:
        """The model's raw score (log-odds before calibration): the rules' prior and the learned corrections."""
        weights = self.weights
        return prior(signals) + sum(weights.get(name, 0.0) * value for name, value in features(signals).items())

    def probability(self, signals: Signals) -> float:
        """The calibrated chance that the candidate is right, under the rules' ceiling."""
        a, b = self.platt
        return min(ceiling(signals), sigmoid(a * self.score(signals) + b))

    @classmethod
    def from_json(cls, data: dict[str, object]) -> Judge:
        weights = data["weights"]
        platt = data["platt"]
        threshold = data["threshold"]
        if not isinstance(weights, dict) or not isinstance(platt, list) or not isinstance(threshold, float):
            raise ValueError("judge weights: expected weights (object), platt (list) and threshold (number)")
        return cls({str(k): float(v) for k, v in weights.items()}, (float(platt[0]), float(platt[1])), threshold)


def ceiling(signals: Signals) -> float:
    """Where the rules' real-news evidence caps the judge: attitudes with no verb of stance and no quoted
    words of the speaker ("tweeted photos", "responded to the profile", "announced his departure") are
    actions as often as speech in the events-dev hand checks, which PolNeAR, counting every attitude as an
    attribution, cannot teach; their rules' rate stays the ceiling. Everything else: no cap."""
    cue = (signals.cue or "").lower()
    plain_attitude = signals.rule == "attitude" or (signals.rule == "attitude-quoted" and cue not in QUOTING_CUES)
    return signals.rate if plain_attitude else 1.0


def sigmoid(value: float) -> float:
    if value >= 0:
        return 1.0 / (1.0 + math.exp(-value))
    exp = math.exp(value)
    return exp / (1.0 + exp)


@cache
def judge() -> Judge:
    """The committed judge, read once on first use (never at import)."""
    return Judge.from_json(json.loads(WEIGHTS.read_text(encoding="utf-8")))
