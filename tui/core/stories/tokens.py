"""Headline tokens for story grouping: normalising, light stemming, stopwords, generic headlines, names."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

# Words that carry no event identity. Kept short and explicit so the engine's behaviour is explainable.
STOPWORDS: frozenset[str] = frozenset(
    """a about above after again against all also am an and any are as at be because been before being
    below between both but by can could did do does doing down during each few for from further had has
    have having he her here hers herself him himself his how i if in into is it its itself just me more
    most my myself no nor not now of off on once only or other our ours ourselves out over own same she
    should so some such than that the their theirs them themselves then there these they this those
    through to too under until up very was we were what when where which while who whom why will with
    would you your yours yourself yourselves s t don didn doesn isn wasn aren weren won wouldn couldn
    shouldn ll re ve d m o y via amid says said say saying tells told get gets got one two three may might
    must shall yet still per vs v new""".split()
)

# Words that make up generic, recurring headlines ("Live updates", "Morning briefing", "Letters").
# They are dropped before matching so that two such headlines never look alike.
GENERIC_WORDS: frozenset[str] = frozenset(
    """live update updates briefing briefings morning evening afternoon night daily weekly week weekend
    today tonight tomorrow yesterday letters letter opinion opinions editorial editorials column comment
    commentary latest breaking news headlines headline newsletter podcast video videos photo photos
    picture pictures gallery watch listen read analysis explainer explained review roundup recap digest
    highlights key takeaways things know need what's whats happening happened report reports
    interview q&a faq""".split()
) | frozenset(
    # Dates say when, not what: every story has a Monday and a November.
    # (Not "may", "march" or "sun": as words they can carry the story.)
    """monday tuesday wednesday thursday friday saturday sunday mon tue tues wed thu thurs fri
    january february april june july august september october november december jan feb apr jun
    jul aug sep sept oct nov dec""".split()
)

# Whole headlines (after lowercasing and trimming punctuation) that say nothing about an event.
_GENERIC_PREFIX = re.compile(
    r"^\s*(?:live(?:\s+updates?|\s+blog|\s+coverage)?|the\s+latest|latest|breaking(?:\s+news)?|update[sd]?|"
    r"watch|video|opinion|editorial|analysis|explainer|letters?|comment|podcast|"
    r"(?:morning|evening|afternoon|daily|weekly|weekend)\s+(?:briefing|brief|digest|update|newsletter|edition))"
    r"\s*[:|\u2013\u2014-]\s+",
    re.IGNORECASE,
)

_WORD = re.compile(r"[^\W_]+(?:[.'\u2019&][^\W_]+)*\.?", re.UNICODE)
_ACRONYMS = {
    "u.s.": "usa",
    "u.s": "usa",
    "us": "usa",
    "u.k.": "uk",
    "u.k": "uk",
    "u.n.": "un",
    "u.n": "un",
    "e.u.": "eu",
}
_TITLE_CASE_SHARE = 0.6


@dataclass(frozen=True)
class Token:
    """One normalised token with the surface form a reader would recognise."""

    key: str
    surface: str
    is_name: bool
    is_number: bool
    is_lower: bool

    @property
    def name_evidence(self) -> int:
        """+1 when this occurrence looks like a name, -1 when it is plainly a common word, else 0."""
        return 1 if self.is_name else -1 if self.is_lower else 0


def strip_generic_prefix(title: str) -> str:
    """Drop a leading "Live updates:" style label so the rest of the headline can still match."""
    previous = None
    while previous != title:
        previous, title = title, _GENERIC_PREFIX.sub("", title, count=1)
    return title


@lru_cache(maxsize=65536)  # news vocabulary is Zipfian: most words repeat, pure function
def stem(word: str) -> str:
    """Fold common English inflections together ("strikes", "struck" aside): cheap and consistent, not correct."""
    if word.isdigit() or len(word) <= 3:
        return word
    if word.endswith("ies") and len(word) > 4:
        word = word[:-3] + "y"
    elif word.endswith("sses"):
        word = word[:-2]
    elif word.endswith("s") and not word.endswith(("ss", "us", "is")):
        word = word[:-1]
    if word.endswith("ing") and len(word) > 5:
        word = word[:-3]
    elif word.endswith("ed") and len(word) > 4:
        word = word[:-2]
    if len(word) > 4 and word[-1] == word[-2] and word[-1] not in "lsz":
        word = word[:-1]
    if word.endswith(("e", "y")) and len(word) > 3:
        word = word[:-1]
    return word


@lru_cache(maxsize=65536)
def _normalise(raw: str) -> str | None:
    """Lowercase a raw word, fold acronyms and possessives; None when nothing meaningful is left."""
    lowered = raw.lower().replace("\u2019", "'")
    if lowered in _ACRONYMS and (raw.isupper() or "." in raw):
        return _ACRONYMS[lowered]
    lowered = lowered.rstrip(".")
    *initials, last = lowered.split(".")
    if initials and len(last) > 2 and all(len(part) == 1 for part in initials):
        lowered = last  # "N.Korean" is "Korean", as "N. Korean" is
    if lowered.endswith("'s"):
        lowered = lowered[:-2]
    lowered = lowered.replace(".", "").replace("'", "")
    return lowered or None


# (ends a sentence, counts for title case, capitalised,
#  its token in title case, at a sentence start, elsewhere: None when the word is no content token)
WordInfo = tuple[bool, bool, bool, Token | None, Token | None, Token | None]

# What each raw word contributes, whatever its neighbours, by the raw word. News vocabulary is
# Zipfian: almost every word of a batch was seen before, so tokenizing costs a dictionary lookup
# per word. Cleared when it grows past the limit (a bound on memory, not a cache policy).
_WORD_INFO_LIMIT = 200_000
_word_infos: dict[str, WordInfo] = {}


def _word_info(raw: str) -> WordInfo:
    """Everything `tokenize` needs of one raw word; its tokens are made once and shared (frozen)."""
    ends = raw.endswith(".") and not raw[:-1].isupper()
    counts = raw.lower() not in STOPWORDS and raw[:1].isalpha()
    upper, lower = raw[:1].isupper(), raw[:1].islower()
    normal = _normalise(raw)
    if normal is None or normal in STOPWORDS or normal in GENERIC_WORDS:
        return (ends, counts, upper, None, None, None)
    is_number = normal.isdigit()
    if len(normal) < 2 and not is_number:
        return (ends, counts, upper, None, None, None)
    acronym = len(raw) >= 2 and raw.replace(".", "").isupper() and raw[0].isalpha()
    key, surface = stem(normal), raw.rstrip(".")
    # Capitals mark a name only mid-sentence and outside title case; case says nothing in title case.
    titled = Token(key, surface, acronym, is_number, False)
    starting = Token(key, surface, acronym, is_number, lower)
    inside = Token(key, surface, acronym or upper, is_number, lower)
    return (ends, counts, upper, titled, starting, inside)


def tokenize(text: str, *, limit: int | None = None) -> list[Token]:
    """Split text into content tokens, marking names (capitalised mid-sentence, acronyms) and numbers."""
    raw_words = _WORD.findall(text if limit is None else text[:limit])
    known = _word_infos
    if len(known) > _WORD_INFO_LIMIT:
        known.clear()
    infos = []
    for raw in raw_words:
        info = known.get(raw)
        if info is None:
            info = known[raw] = _word_info(raw)
        infos.append(info)
    content = capitalised = 0
    for info in infos:
        if info[1]:
            content += 1
            capitalised += info[2]
    tokens: list[Token] = []
    if content and capitalised / content >= _TITLE_CASE_SHARE:  # title case
        for info in infos:
            if info[3] is not None:
                tokens.append(info[3])
        return tokens
    sentence_start = True
    for info in infos:
        token = info[4] if sentence_start else info[5]
        sentence_start = info[0]
        if token is not None:
            tokens.append(token)
    return tokens
