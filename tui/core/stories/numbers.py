"""Numbers in news text with their unit and what they are about: "14 km of frontier", "$310 million"."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from tui.core.stories.tokens import GENERIC_WORDS, STOPWORDS, stem, tokenize

_MONTHS = {name: number for number, names in enumerate((
    ("january", "jan"), ("february", "feb"), ("march", "mar"), ("april", "apr"), ("may",),
    ("june", "jun"), ("july", "jul"), ("august", "aug"), ("september", "sep", "sept"),
    ("october", "oct"), ("november", "nov"), ("december", "dec")), start=1) for name in names}
_MONTH = r"(?:January|February|March|April|May|June|July|August|September|October|November|December|" \
         r"Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.?"
# A full date with a year, or with a clock time after it, is a byline or dateline, not news.
_DATE = re.compile(
    rf"\b(?:(?P<day>\d{{1,2}})\s(?P<month>{_MONTH})|(?P<month2>{_MONTH})\s(?P<day2>\d{{1,2}})\b)"
    r"(?P<year>,?\s\d{4})?(?P<clock>,?\s\d{1,2}:\d{2})?")
# "ALMATY, Nov 24 (Meridian Wire) -": where and when the story was filed, not news.
_DATELINE = re.compile(r"(?:^|\n)[A-Z][A-Z .'/-]+,(?: [A-Z][a-z]+,)?\s$")
_NUMBER = re.compile(
    r"(?<![\w.,])(?P<currency>US\$|\$|€|£|(?:USD|EUR|GBP)\s?)?"
    r"(?P<number>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)(?![\d:])"
    r"(?P<scale>\s?(?:million|billion|trillion|thousand|bn)\b)?"
    r"(?P<percent>\s?(?:%|per\s?cent\b|percent\b))?"
    r"(?:(?P<joint>\s|-)(?P<unit>[A-Za-z][A-Za-z]*(?:-[A-Za-z]+)?))?")
_SCALES = {"thousand": 1e3, "million": 1e6, "bn": 1e9, "billion": 1e9, "trillion": 1e12}
_CURRENCIES = {"$": "usd", "us$": "usd", "usd": "usd", "€": "eur", "eur": "eur", "£": "gbp", "gbp": "gbp"}
# Spellings of one unit; anything else keeps its own stem ("lari", "tonne", "bakery").
_UNITS = {
    "km": "km", "kilometre": "km", "kilometer": "km", "kilometr": "km", "mil": "miles", "mile": "miles",
    "metr": "m", "meter": "m", "cubic": "m³", "kilowatt-hour": "kWh", "kilowatt-hours": "kWh",
    "percentag": "percentage points", "basis": "basis points", "hour": "hours", "hr": "hours",
    "day": "days", "week": "weeks", "month": "months", "year": "years",
    "foot": "feet", "feet": "feet", "ft": "feet", "kilogram": "kg", "kg": "kg", "kilo": "kg",
    "dollar": "usd", "euro": "eur", "ton": "tonnes", "tonn": "tonnes",
    "peopl": "people", "person": "people", "customer": "people", "user": "people",
    "resident": "people", "victim": "people", "passenger": "people", "client": "people",
    "dead": "dead", "death": "dead", "killed": "dead", "kill": "dead",
}
# What a number counts, in words a reader uses (a heading in Compare); only these units are compared:
# a number followed by any other word ("2017 Tesla", "21 Chibok") says too little about what it counts,
# and years are ages and time gone by ("a friend for 20 years"), seldom one quantity told twice.
UNIT_WORDS = {
    "usd": "US dollars", "eur": "euros", "gbp": "pounds sterling", "%": "per cent", "km": "km",
    "miles": "miles", "m": "metres", "feet": "feet", "m³": "cubic metres", "kWh": "kWh", "kg": "kg",
    "lb": "pounds (weight)", "tonnes": "tonnes", "percentage points": "percentage points",
    "basis points": "basis points", "hours": "hours", "days": "days", "weeks": "weeks",
    "months": "months", "people": "people", "dead": "dead", "date": "date",
}
# "pounds" is money only with a cue (£, "sterling", or "million pounds" where money is paid or costs);
# weight when the sentence weighs or carries something; else it is left out.
_MONEY_CUE = re.compile(r"\b(?:paid|pay|cost|costs|fined?|worth|price|priced|salary|budget|"
                        r"spent|spend|funding|fund|raised|deal|sold|bought|profit|revenue|tax)\b", re.IGNORECASE)
_WEIGHT_CUE = re.compile(r"\b(?:weigh\w*|heavy|heavier|cargo|payload|load|thrust|lift|carry|carries|mass)\b",
                         re.IGNORECASE)
_SENTENCE_END = re.compile(r"(?<=[.!?])[\"”’)]?\s+(?=[\"“‘(]?[A-Z0-9])|\n+")
# A full stop after these ends a word, not a sentence ("Jan. 27", "Mr. Smith").
_ABBREVIATION = re.compile(r"\b(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec|Mr|Mrs|Ms|Dr|St|No|Gen|Sen|Rep|Gov|"
                           r"Jr|Inc|Corp|Co|Ltd|vs|U\.S|U\.K|[A-Z])\.$")
_NOT_CONTEXT = GENERIC_WORDS | frozenset(_MONTHS) | frozenset(_SCALES) | {"about", "around", "nearly", "almost"}
AGREE_SHARE = 0.02  # values this close are one value, rounded differently
CONTEXT_WORDS = 5  # content words on each side that say what a number is about
SAME_SENTENCE = 0.18  # ... or sentences this alike (Jaccard of their content words) say the same thing


@dataclass(frozen=True)
class NumberMention:
    """A number as written, its value and unit, the words around it and the sentence it is in."""

    text: str
    value: float
    step: float  # the precision it was written with: "1.8 million" is 100,000
    unit: str
    context: frozenset[str]
    words: frozenset[str]  # the content words of its sentence
    start: int
    end: int
    sentence: str
    sentence_start: int
    noun: str = ""  # the word written after it, stemmed ("passeng" for "103 passengers"), or ""

    def same_thing(self, other: NumberMention) -> bool:
        """Whether two numbers (of one unit) count the same thing: a word next to both, or alike sentences."""
        if self.context & other.context:
            return True
        union = len(self.words | other.words)
        return bool(union) and len(self.words & other.words) / union >= SAME_SENTENCE

    def likeness(self, other: NumberMention) -> float:
        """How alike the two sentences are: the Jaccard index of their content words."""
        union = len(self.words | other.words)
        return len(self.words & other.words) / union if union else 0.0

    def agrees(self, other: NumberMention) -> bool:
        """Same unit and the same value as far as the less precise of the two says: a round number
        ("200 feet", "80 people") counts to its last non-zero digit, and values within 2% agree
        (229.6, 230 and 229 feet are one height) but for dates, which are exact."""
        if self.unit != other.unit:
            return False
        gap = abs(self.value - other.value)
        if gap <= max(self.rounding, other.rounding) / 2 + 1e-9:
            return True
        return self.unit != "date" and gap <= AGREE_SHARE * max(abs(self.value), abs(other.value))

    @property
    def rounding(self) -> float:
        """The precision the number was written with, a round number's trailing zeros included."""
        if self.unit == "date" or self.step < 1 or self.value <= 0:
            return self.step
        step, value = self.step, round(self.value / self.step)
        while value and value % 10 == 0:
            value //= 10
            step *= 10
        return step


def sentences(text: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence: cheap rules, good enough to quote a number or a lead."""
    spans, start = [], 0
    for boundary in _SENTENCE_END.finditer(text):
        if text[boundary.start() - 1] == "." and _ABBREVIATION.search(text, max(0, boundary.start() - 5),
                                                                          boundary.start()):
            continue
        if boundary.start() > start:
            spans.append((start, boundary.start()))
        start = boundary.end()
    if start < len(text):
        spans.append((start, len(text)))
    return [(s, e) for s, e in spans if text[s:e].strip()]


def find_numbers(text: str) -> list[NumberMention]:
    """Numbers with a unit (currency, %, km, people ...) and dates, in order; bare numbers and years say
    too little about what they count to compare."""
    found: list[NumberMention] = []
    spans = sentences(text)
    taken: list[tuple[int, int]] = []
    for match in _DATE.finditer(text):
        taken.append(match.span())
        if match.group("year") or match.group("clock") or _DATELINE.search(text, 0, match.start()):
            continue
        day = int(match.group("day") or match.group("day2"))
        month = _MONTHS[(match.group("month") or match.group("month2")).rstrip(".").lower()]
        if 1 <= day <= 31:
            found.append(_mention(text, spans, match.start(), match.end(), month * 100 + day, 1.0, "date"))
    for match in _NUMBER.finditer(text):
        if any(start <= match.start() < end for start, end in taken):
            continue
        mention = _number(text, spans, match)
        if mention is not None:
            found.append(mention)
    return sorted(found, key=lambda mention: mention.start)


def _number(text: str, spans: list[tuple[int, int]], match: re.Match[str]) -> NumberMention | None:
    written = match.group("number")
    value = float(written.replace(",", ""))
    decimals = len(written.split(".", 1)[1]) if "." in written else 0
    scale = _SCALES.get((match.group("scale") or "").strip().lower(), 1.0)
    end = match.end("scale") if match.group("scale") else match.end("number")
    currency = match.group("currency")
    unit = None
    word = (match.group("unit") or "").lower()
    if not currency and word in ("pound", "pounds"):
        unit = _pounds(text, spans, match)
        if unit is None:
            return None
        end = match.end("unit")
    elif currency:
        unit = _CURRENCIES[currency.strip().lower()]
    elif match.group("percent"):
        unit, end = "%", match.end("percent")
    elif match.group("unit"):
        word = match.group("unit").lower()
        if word not in STOPWORDS and word.rstrip(".") not in _MONTHS:
            key = word if word in _UNITS else stem(word.split("-")[0])
            unit, end = _UNITS.get(key, key), match.end("unit")
    if unit is None:
        return None
    if unit in ("years", "days", "hours") and scale == 1.0 and match.group("joint") == "-":
        return None  # "a 20-year mortgage", "a 48-hour strike": what kind of thing, not how many
    mention = _mention(text, spans, match.start(), end, value * scale, scale * 10.0 ** -decimals, unit)
    noun = stem(match.group("unit").lower().split("-")[0]) if match.group("unit") and not currency else ""
    return replace(mention, noun=noun) if noun else mention


def _pounds(text: str, spans: list[tuple[int, int]], match: re.Match[str]) -> str | None:
    """"pounds" as money (a cue: £, "sterling", paying and costing words), weight (a cue: weighing,
    cargo, thrust), or None when the sentence says neither or both: better left out than misread."""
    start, end = next(((s, e) for s, e in spans if s <= match.start() < e), (match.start(), match.end()))
    sentence = text[start:end]
    sterling = "£" in sentence or "sterling" in sentence.lower()
    money = sterling or (bool(match.group("scale")) and bool(_MONEY_CUE.search(sentence)))
    weight = bool(_WEIGHT_CUE.search(sentence)) and not sterling
    if money == weight:
        return None
    return "gbp" if money else "lb"


def _mention(text: str, spans: list[tuple[int, int]], start: int, end: int, value: float, step: float,
             unit: str) -> NumberMention:
    sentence_start, sentence_end = next(((s, e) for s, e in spans if s <= start < e), (start, end))
    before = text[sentence_start:start].split()
    after = text[end:sentence_end].split()
    context = _content(" ".join(before[-CONTEXT_WORDS:] + after[:CONTEXT_WORDS]), unit)
    words = _content(text[sentence_start:start] + " " + text[end:sentence_end], unit)
    return NumberMention(text[start:end], value, step, unit, context, words, start, end,
                         text[sentence_start:sentence_end].strip(), sentence_start)


def _content(text: str, unit: str) -> frozenset[str]:
    return frozenset(token.key for token in tokenize(text)
                     if not token.is_number and token.key not in _NOT_CONTEXT and token.key not in _UNITS
                     and token.key != stem(unit))
