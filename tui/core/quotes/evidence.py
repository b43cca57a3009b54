"""Actor confidence: how sure the finder is that an actor is real and of the right kind, by its evidence."""

from __future__ import annotations

import bisect
import re
from typing import Protocol

from tui.core.quotes.forenames import FORENAMES
from tui.core.quotes.lexicon import KNOWN_ORGANISATIONS, METONYMS, ORG_ENDINGS, ORG_HEADS, ORG_NOUNS_AFTER
from tui.core.quotes.names import is_cue_subject, named_as_organisation, place_name, place_shaped


class ActorShape(Protocol):
    """What the evidence reads of an actor (actors.Entity has it): its name, kind, role, gender and places."""

    @property
    def name(self) -> str: ...
    @property
    def kind(self) -> str: ...
    @property
    def role(self) -> str | None: ...
    @property
    def gender(self) -> str | None: ...
    @property
    def spans(self) -> list[tuple[int, int]]: ...


# A line of prose ends a sentence (or opens a quote with a colon). Captions, galleries, link lists,
# promo lines and the headlines of other stories do not: "Splash News Michael Sheen and Sarah
# Silverman have broken up after four years", "MOST READ IN TV & SHOWBIZ …".
_PROSE_END = re.compile(r"[.!?…:;][”’\"'»)\]]*\s*$")
# A long line holding a sentence break inside is prose too, however it ends (a paragraph cut at a link).
_SENTENCE_BREAK = re.compile(r"[a-z)][.!?][”’\"']?\s+[“\"]?[A-Z]")
_LONG_LINE = 150
# Texts with fewer prose lines than this (a feed summary, a list) are not judged by their lines.
_MIN_PROSE_LINES = 3
_AGE_OR_AFFILIATION = re.compile(r",\s+(?:who|whose|\d{1,3},)|\s+\(\d{1,3}\)|,?\s+(?:of|from|at|with)\s+(?:the\s+)?"
                                 r"(?:[a-z-]+\s+){0,3}[A-Z]")

# "the northern city of Gyumri", "the village of Ofer", "the town Newtown"
_SETTLEMENT_BEFORE = re.compile(r"\b(?:city|town|village|capital|province|region|district|county|state|port|island|"
                                r"suburb|neighbourhood|neighborhood)(?:[ \t]+of)?[ \t]+$")

# What follows a dateline's place: ", Nov 24 (Meridian Wire) -", "/MOSCOW —".
_DATELINE_TAIL = re.compile(r"(?:/[A-Z ]+)?,?[ \t]*(?:[A-Z][a-z]{2,8}\.?[ \t]+\d{1,2}[ \t]*)?"
                            r"(?:\([^()\n]{1,40}\)[ \t]*)?[—–-]")

# Confidence per class of evidence: the estimated chance that a reader finds the actor real and of
# its kind. Read off the events-dev hand checks judged while developing (seeds 2026, 2027, 4711:
# 300 actors); see BENCHMARKS.md.
RATES: dict[str, float] = {
    "furniture": 0.3,                  # named only in captions, link lists, promo lines, other headlines
    "person forename": 0.95,           # "Sarah Silverman": a known first name and more
    "person titled": 0.9,              # a role, an honorific or a pronoun says it is a person
    "person speaks": 0.9,              # "Zabihullah Mujahid said"
    "person described": 0.85,          # "Pat Rooke, 72,", "Nurzat Abdyrakhmanova of the … network"
    "person capitalised": 0.55,        # a capitalised run nothing else marks ("Miracle Mets")
    "person forename only": 0.4,       # "Lily", "Eve": a first name that belongs to no full name
    "person quoted": 0.75,             # a capitalised name that nothing else marks, the speaker of a shown quote
    "surname speaks": 0.85,            # "Trump said", "Sarandon, 69, told MSNBC"
    "surname frequent": 0.7,
    "surname": 0.5,                    # "Intel", "Two-Way": one word, met once or twice
    "organisation named": 0.95,        # "… Ministry", "Bank of …", the Kremlin
    "organisation speaks": 0.85,       # "Qualcomm said", "Boko Haram … its fighters"
    "organisation its": 0.45,          # "its" after it: as often a place, a rocket, a district
    "organisation noun": 0.8,
    "organisation phrase": 0.75,       # several capitalised words, an organisation by context
    "organisation word": 0.5,          # one word or acronym with no more evidence ("RBI", "Hollywood")
    "place known": 0.95,               # in the gazetteer, or shaped like a place ("… County", "… Road")
    "place guessed": 0.45,             # "on the set of Showtime's": after a preposition only
}


class ProseLines:
    """Which lines of a text are prose (end a sentence): an actor named only outside them is furniture."""

    def __init__(self, text: str) -> None:
        self._starts: list[int] = []
        self._prose: list[bool] = []
        for line in re.finditer(r"[^\n]+", text):
            self._starts.append(line.start())
            body = line.group()
            self._prose.append(bool(_PROSE_END.search(body))
                               or (len(body) > _LONG_LINE and _SENTENCE_BREAK.search(body) is not None))
        self.judged = sum(self._prose) >= _MIN_PROSE_LINES

    def holds(self, pos: int) -> bool:
        if not self.judged:
            return True
        index = bisect.bisect_right(self._starts, pos) - 1
        return index >= 0 and self._prose[index]


# Weak classes that being the speaker of a shown quote lifts to "person quoted".
QUOTED_LIFTS = frozenset({"person capitalised", "surname", "surname frequent"})
# Classes whose quotes are not shown either: a speaker named only in a caption, a link list or a promo
# line is the caption's, not the article's.
SPEAKER_CAPS = frozenset({"furniture"})


def evidence(text: str, entity: ActorShape, lines: ProseLines, its: bool) -> str:
    """The class of evidence an actor rests on (a key of RATES); its: the text refers to it as "it"."""
    spans = sorted(set(entity.spans))
    prose = [span for span in spans if lines.holds(span[0])]
    if not prose:
        return "furniture"
    words = entity.name.split()
    speaks = any(is_cue_subject(text, end) for _, end in prose)
    if entity.kind == "person":
        if any(ch.isdigit() for ch in entity.name):
            return "person capitalised"  # "Flightradar24": an account or a product, not a person's name
        if len(words) == 1:
            if words[0] in FORENAMES and not entity.role:
                return "surname speaks" if speaks else "person forename only"
            if speaks or entity.role or entity.gender:
                return "surname speaks"
            return "surname frequent" if len(prose) >= 3 else "surname"
        if words[0] in FORENAMES or words[0].rstrip(".") in {"Mr", "Mrs", "Ms", "Dr"}:
            return "person forename"
        if entity.role or entity.gender:
            return "person titled"
        if speaks:
            return "person speaks"
        if any(_AGE_OR_AFFILIATION.match(text, end) for _, end in prose):
            return "person described"
        return "person capitalised"
    if entity.kind == "organisation":
        if entity.name in METONYMS or entity.name in KNOWN_ORGANISATIONS or words[-1] in ORG_ENDINGS \
                or words[0] in ORG_HEADS or any(w.rstrip("s") in ORG_ENDINGS for w in words[1:]):
            return "organisation named"
        if speaks:
            return "organisation speaks"
        if its:
            return "organisation its"
        if any(_word_after(text, end) in ORG_NOUNS_AFTER - {"administration", "campaign"}
               or named_as_organisation(text, start) for start, end in prose):
            return "organisation noun"
        return "organisation phrase" if len(words) > 1 else "organisation word"
    if place_name(entity.name) or place_shaped(words) \
            or any(_SETTLEMENT_BEFORE.search(text, max(0, start - 30), start) or _in_dateline(text, start, end)
                   for start, end in prose):
        return "place known"
    return "place guessed"


def _in_dateline(text: str, start: int, end: int) -> bool:
    """"ALMATY, Nov 24 (Meridian Wire) -": the upper-case place a wire story opens with."""
    return (start == 0 or text[start - 1] == "\n") and text[start:end].isupper() \
        and _DATELINE_TAIL.match(text[end:end + 60]) is not None


def _word_after(text: str, end: int) -> str:
    match = re.match(r"[ \t]+([a-z]+)", text[end:end + 20])
    return match.group(1) if match else ""
