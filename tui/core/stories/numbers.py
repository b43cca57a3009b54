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
_MONTH_NAMED = re.compile(rf"\b({_MONTH})(?=[\s,]|$)")
# Words that put a number in another time than the story's: then it is another quantity.
_EARLIER = re.compile(r"\b(?:earlier|previous(?:ly)?|ago|last (?:year|month|week)|by comparison|"
                      r"original(?:ly)?|initial(?:ly)?)\b", re.IGNORECASE)
# A time of day: a share price or a toll "at 9:34 a.m." is of that moment, another at "mid-afternoon".
_CLOCK = re.compile(r"\b\d{1,2}:\d{2}\b|\b(?:mid-?(?:morning|day|afternoon)|midnight|noon|at the close|"
                    r"in (?:early|late) trading)\b", re.IGNORECASE)
# One deal, however it is called: "$47 billion purchase", "$38 billion bid", "the $38 billion transaction".
_DEAL_WORDS = frozenset(stem(word) for word in
                        "bid offer deal purchase acquisition transaction takeover merger".split())
WHEN_WORDS = 12  # a year or month this many words from a number says when it was so
HEAD_WORDS = 2  # words after a number that say what it measures
_YEAR = re.compile(r"(?<![\w$£€.,])((?:19[5-9]|20[0-4])\d)(?![\w,.]\d)")
# Capitalised words that are not names: titles, and words capitalised for emphasis or in captions.
_NOT_NAMES = frozenset("mr mrs ms dr sen rep gov gen st photo image getty source ap reuters afp".split())
AGREE_SHARE = 0.01  # values this close are one value, rounded differently (143m and 145.5m are not)
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
    head: frozenset[str] = frozenset()  # what it measures, the words right after it ("truck" of "25-tonne truck")
    names: frozenset[str] = frozenset()  # the names its sentence gives ("bank", "america", "goldman")
    years: frozenset[int] = frozenset()  # the years named beside it ("in 2015", "end of 2016")
    months: frozenset[int] = frozenset()  # the months named beside it ("launched in July": 7)
    earlier: bool = False  # its sentence says it is of an earlier time ("an earlier launch", "last year")
    clock: frozenset[str] = frozenset()  # the times of day its sentence names ("at 9:34 a.m.", "mid-afternoon")

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

    def same_value(self, other: NumberMention) -> bool:
        """Same unit and value, but for a hair (1%): the test for an article giving both of two values,
        where a round number's looseness ("100 people" is 50 to 150) would find both everywhere."""
        return self.unit == other.unit and abs(self.value - other.value) <= AGREE_SHARE * max(
            abs(self.value), abs(other.value))

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
    sentence = text[sentence_start:sentence_end]
    near = " ".join(before[-WHEN_WORDS:] + ["…"] + after[:WHEN_WORDS])  # a year or month beside the number
    return NumberMention(text[start:end], value, step, unit, context, words, start, end, sentence.strip(),
                         sentence_start, head=_head(text[end:sentence_end], unit),
                         names=_names(sentence.strip(), text),
                         years=frozenset(int(year) for year in _YEAR.findall(near)),
                         months=frozenset(_MONTHS[m.rstrip(".").lower()] for m in _MONTH_NAMED.findall(near)),
                         earlier=bool(_EARLIER.search(sentence)),
                         clock=frozenset(m.lower() for m in _CLOCK.findall(sentence)))


def _head(after: str, unit: str) -> frozenset[str]:
    """The content words written right after a number, before any punctuation: what it measures
    ("25-tonne truck", "45 feet long", "an 11 percent tax rate"), or nothing ("84 people, including")."""
    written = re.match(r"[\s-]*([\w' -]*)", re.sub(r"^\s*\([^)]*\)", "", after))  # "15 km (9 miles) of"
    words: list[str] = []
    for index, word in enumerate((written.group(1) if written else "").replace("-", " ").split()):
        if word.lower() in ("in", "of", "the", "to") and not words and index < 2 or word.lower() in ("a", "an", "per"):
            continue  # "$1.9 billion in earnings", "14 km of the frontier", "$82 a share", "30 days to appeal"
        if word.lower() in STOPWORDS:
            break  # "50 people and wounded": what follows is another clause
        words.append(word)
    head = _content(" ".join(words[:HEAD_WORDS + 1]), unit)
    return frozenset("deal" if word in _DEAL_WORDS else word for word in head)


def _names(sentence: str, text: str) -> frozenset[str]:
    """The names a sentence gives: capitalised words (days, months, titles and datelines aside; its
    first word only when the text capitalises it mid-sentence too), lowercased; "Bank of America" is
    {"bank", "america"}."""
    found, opening = set(), True
    for index, match in enumerate(re.finditer(r"[A-Za-z][\w&'’.-]*", sentence)):
        word = match.group().rstrip(".").removesuffix("'s").removesuffix("’s")
        key = word.lower()
        opening = opening and word.isupper()
        if opening or not word[:1].isupper():
            continue  # "LAS VEGAS - A gunman": a dateline
        if index == 0 and not re.search(rf"[a-z,] {re.escape(word)}\b", text):
            continue  # "Police say": capitalised because it comes first
        if key in STOPWORDS or key in GENERIC_WORDS or key in _MONTHS or key in _NOT_NAMES:
            continue
        found.add(key)
    return frozenset(found)


def _content(text: str, unit: str) -> frozenset[str]:
    return frozenset(token.key for token in tokenize(text)
                     if not token.is_number and token.key not in _NOT_CONTEXT and token.key not in _UNITS
                     and token.key != stem(unit))
