"""What the rules know about a candidate quote, as the named features the learned judge weighs."""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

from tui.core.quotes.confidence import QUOTING_CUES, STANCE_CUES
from tui.core.quotes.lexicon import ATTITUDE_CUES, SPEECH_CUES

_WORD_BUCKETS = (3, 7, 15, 30, 60)
_MENTION_BUCKETS = (1, 3, 8)
# A finite verb: reported content is a clause ("the talks are over"), not an object ("a children's book").
_FINITE = re.compile(r"\b(?:is|are|was|were|has|have|had|will|would|can|could|did|does|do|may|might|must|should|"
                     r"won’t|won't|isn’t|isn't|aren’t|aren't|wasn’t|wasn't|didn’t|didn't|doesn’t|doesn't|"
                     r"[a-z]{3,}(?:ed|es))\b")
_OPENERS = {"he": "pronoun", "she": "pronoun", "it": "pronoun", "they": "pronoun", "we": "pronoun", "i": "pronoun",
            "the": "determiner", "a": "determiner", "an": "determiner", "his": "determiner", "her": "determiner",
            "their": "determiner", "its": "determiner", "to": "to", "that": "that", "there": "pronoun"}
_FILLER = re.compile(r"^(?:has|have|had|also|is|was|were|be|been|then|later|again)\s+")


@dataclass(frozen=True)
class Signals:
    """The rule signals of one candidate unit: how it was found and how its speaker was named."""

    kind: str                      # direct, partial, indirect
    rule: str                      # the rule that attributed it ("after", "forward-that", "colon", ...)
    who: str                       # how the speaker was named ("person name", "organisation pronoun", "none")
    cue: str | None                # the cue word(s), None for a colon or an inherited attribution
    rate: float                    # the rules' own estimate for the class (confidence.calibrated)
    text: str                      # the unit's text, pieces joined
    pieces: int
    evidence: str = ""             # the speaker actor's class of evidence (evidence.RATES), "" without one
    speaker_confidence: float = 0.0
    speaker_mentions: int = 0
    unnamed: bool = False          # an unnamed source kept as written ("a senior official")
    continued: bool = False        # a quote running over paragraphs (only an opening mark until the last)
    first_paragraph: bool = False  # the headline or the lede
    outlet: bool = False           # the speaker is a news outlet ("CNN", "… Times")
    common_word: bool = False      # the speaker's name is a common English word ("Energy", "Good")
    speaker_words: int = 0         # words in the speaker's name ("Trump" 1, "Donald Trump" 2)
    before: str = ""               # the few characters before the unit and after it in the text
    after: str = ""
    lead: str = ""                 # the words before the unit in its paragraph (up to 40 characters)


def _bucket(value: int, bounds: tuple[int, ...]) -> str:
    for bound in bounds:
        if value <= bound:
            return f"<={bound}"
    return f">{bounds[-1]}"


def _edge(chars: str) -> str:
    """What stands at the unit's edge: a sentence end, a comma, a quote mark, a word, a line end."""
    chars = chars.lstrip(" \t")
    if not chars or chars[0] == "\n":
        return "line"
    first = chars[0]
    if first in ".!?":
        return "end"
    if first in ",;:":
        return first
    if first in "“”\"‘’'":
        return "mark"
    return "word" if first.isalnum() else "other"


def cue_lemma(cue: str | None) -> str:
    """The cue as the judge sees it: lower case, without auxiliaries ("has also said" -> "said")."""
    if cue is None:
        return "-"
    lemma = " ".join(cue.lower().split())
    while True:
        stripped = _FILLER.sub("", lemma)
        if stripped == lemma:
            return lemma
        lemma = stripped


def _cue_class(lemma: str) -> str:
    if lemma == "-":
        return "none"
    if lemma.startswith("according"):
        return "according"
    last = lemma.split()[-1]
    if lemma in SPEECH_CUES or last in SPEECH_CUES:
        return "speech"
    if lemma in STANCE_CUES:
        return "stance"
    if lemma in QUOTING_CUES:
        return "quoting"
    if lemma in ATTITUDE_CUES or last in ATTITUDE_CUES:
        return "attitude"
    return "other"


def _colon_word(lead: str) -> str:
    """What stands before a colon introduction: a verb of saying ("said:", "told reporters:"), a name
    ("Carly Fiorina:"), a noun ("the statement read:"), another verb or nothing."""
    words = re.findall(r"[A-Za-z’'-]+", lead.rstrip(" “”\"'’:")[-40:])
    if not words:
        return "none"
    last = words[-1]
    if last.lower() in SPEECH_CUES or any(w.lower() in SPEECH_CUES for w in words[-3:]):
        return "speech"
    if last[:1].isupper():
        return "capital"
    return "verb" if re.search(r"(?:ed|s)$", last) else "other"


def prior(signals: Signals) -> float:
    """The rules' own estimate as a log-odds: the judge learns corrections to it, so a class PolNeAR
    rarely shows keeps about the rate the rules were calibrated to (on PolNeAR and real-news checks)."""
    rate = min(0.99, max(0.01, signals.rate))
    return math.log(rate / (1 - rate))


def features(signals: Signals) -> dict[str, float]:
    """Named features with their values (indicators are 1.0), weighed on top of the prior."""
    s = signals
    # An epithet ("the retired neurosurgeon") is a description resolved to the person the passage is
    # about: too rare in PolNeAR (32 in train) to weigh apart, so it shares the descriptions' weights.
    who = s.who.replace(" epithet", " described")
    lemma = cue_lemma(s.cue)
    cue_class = _cue_class(lemma)
    via = who.split()[-1]
    words = len(s.text.split())
    stripped = s.text.strip(" “”\"‘’'")
    found: dict[str, float] = {
        "bias": 1.0,
        f"kind={s.kind}": 1.0,
        f"rule={s.kind}/{s.rule}": 1.0,
        f"who={who}": 1.0,
        f"kind-who={s.kind}/{who}": 1.0,
        f"rule-via={s.rule}/{via}": 1.0,
        f"cue={lemma}": 1.0,
        f"cue-class={cue_class}": 1.0,
        f"kind-cue-class={s.kind}/{cue_class}": 1.0,
        f"rule-cue-class={s.rule}/{cue_class}": 1.0,
        f"words={_bucket(words, _WORD_BUCKETS)}": 1.0,
        f"kind-words={s.kind}/{_bucket(words, _WORD_BUCKETS)}": 1.0,
        f"pieces={min(s.pieces, 3)}": 1.0,
        f"evidence={s.evidence or '-'}": 1.0,
        "speaker-confidence": s.speaker_confidence,
        f"mentions={_bucket(s.speaker_mentions, _MENTION_BUCKETS)}": 1.0,
    }
    if stripped[:1].islower():
        found["starts-lower"] = 1.0
    first = stripped.split()[0].lower() if stripped.split() else ""
    found[f"kind-opens={s.kind}/{_OPENERS.get(first, 'capital' if stripped[:1].isupper() else 'other')}"] = 1.0
    if _FINITE.search(s.text):
        found[f"finite-verb/{s.kind}"] = 1.0
    found[f"after={s.kind}/{_edge(s.after)}"] = 1.0
    found[f"before={s.kind}/{_edge(s.before[::-1])}"] = 1.0
    found[f"speaker-words={min(s.speaker_words, 3)}"] = 1.0
    if stripped.endswith("?"):
        found["question"] = 1.0
    if s.rule == "colon":
        found[f"colon-word={_colon_word(s.lead)}"] = 1.0
    if s.kind == "indirect" and re.search(r"[“”\"]", s.text):
        found["quoted-inside"] = 1.0
    for flag in ("unnamed", "continued", "first_paragraph", "outlet", "common_word"):
        if getattr(s, flag):
            found[flag] = 1.0
    return found
