"""One person, one name: the short forms of a name ("Trump", "Mr. Trump", "Nasa", "State Department")
resolved to the one full name an article, its story or the cache gives ("Donald Trump", "NASA",
"US State Department"), conservatively: only when exactly one full name fits."""

from __future__ import annotations

import re
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from functools import lru_cache

from tui.core.models import Actor, NameUse, Quote
from tui.core.quotes.lexicon import DEMONYMS, HONORIFICS, NAME_SUFFIXES, PLACE_ACRONYMS, PLACES, TITLE_WORDS

PERSON = "person"
ORGANISATION = "organisation"
# Kinds a short name of a person may have: the extractor's "surname" and "unknown" are one-word
# names it could not type.
_PERSON_LIKE = frozenset({"person", "surname", "unknown"})
_ORG_ARTICLES = frozenset({"the"})
# Words before an organisation's name that say whose it is ("US State Department", "the UK Home
# Office"): a country, a place or its people. Anything else before it ("Ex-State Department")
# makes another name, never a longer form of the same one.
_PLACE_WORDS = frozenset(w.casefold().replace(".", "") for w in PLACE_ACRONYMS | DEMONYMS | PLACES)
# Honorifics and titles written before a name in many countries that the extractor's lists
# (lexicon.TITLE_WORDS, HONORIFICS) lack: Nigerian and Hausa "Alhaji", "Mallam"; "Hon."; religious
# and police ranks ("Asst Ch Con Robin Smith"). Stripped for matching only (identity, not the
# extractor, so what it finds is unchanged): "Alhaji Lai Mohammed" is "Lai Mohammed".
_MATCH_TITLES = frozenset(
    "Alhaji Alhaja Hajia Hajiya Haji Mallam Malam Hon Hon. Honourable Honorable Engr Engr. Barr Barr. "
    "Shaikh Sheik Imam Ayatollah Rabbi Pastor Father Rev Baroness Baron Dr Prof Mx Mx. Mme "
    "Asst Asst. Ch Ch. Con Con. Constable Supt Supt. Superintendent Insp Insp. Det Det. Sen Rep Gov Gov. "
    "Pres Pres. Gen Lt Col Maj Capt Sgt Cpl Cpl. Corporal Brig Brig. Brigadier Marshal Field".split())


def _tokens(name: str) -> list[str]:
    return name.split()


def _strip_titles(tokens: list[str]) -> list[str]:
    """"Mr. Trump", "President Donald Trump", "Sen. Bernie Sanders": the titles before a name go,
    so forms that differ only by them match; at least one word is kept."""
    index = 0
    while index < len(tokens) - 1 and (tokens[index] in TITLE_WORDS or tokens[index] in HONORIFICS
                                       or tokens[index] in _MATCH_TITLES):
        index += 1
    return tokens[index:]


def _strip_honorifics(tokens: list[str]) -> list[str]:
    """Only Mr., Mrs., Ms., Dr. …: "Mr. Trump" left alone still means "Trump", but "Pope Francis"
    and "Queen Elizabeth" keep their titles when no full name is found for them."""
    index = 0
    while index < len(tokens) - 1 and tokens[index] in HONORIFICS:
        index += 1
    return tokens[index:]


_PARTICLES = frozenset("de da di du del della dos das van von der den ter le la al el bin ibn ben".split())


@lru_cache(maxsize=1 << 16)
def _fold(word: str) -> str:
    """Lower case without accents: "François" and "Francois" are one spelling."""
    return "".join(c for c in unicodedata.normalize("NFKD", word.casefold()) if not unicodedata.combining(c))


def _person_words(name: str) -> list[str]:
    """A person's name words for matching: no titles, no initials ("J."), case, dots and hyphens
    folded ("Kim Jong-un" is "Kim Jong Un"); a suffix ("Jr.", "II") stays: it names another man."""
    words = [_fold(w).replace(".", "").rstrip("’'") for w in _strip_titles(_tokens(name))]
    words = [part for w in words for part in w.split("-") if part]
    return [w for w in words if len(w) > 1] or words


def _surname_words(name: str) -> list[str]:
    """The words a short form may be: the name without its suffix ("Donald Trump Jr." -> Trump)."""
    words = _person_words(" ".join(w for w in _tokens(name) if w not in NAME_SUFFIXES))
    return words


@lru_cache(maxsize=1 << 16)
def person_key(name: str) -> str:
    """"Donald J. Trump", "DONALD TRUMP" and "President Donald Trump" share one key."""
    return " ".join(_person_words(name))


_ORG_PUNCTUATION = str.maketrans({"-": " ", "‐": " ", "–": " ", "’": "'", "‘": "'", ",": " ", ".": ""})


# A company's legal form ends its name but is no part of it: "Broadcom Ltd", "Goldman Sachs Group Inc".
_LEGAL_FORMS = frozenset("inc ltd llc plc corp co ag sa nv gmbh limited incorporated".split())
# Words an organisation's name may be written with or without: "Committee of/for the Red Cross".
_ORG_SMALL_WORDS = frozenset("of for the and &".split())
# Prefixes written as initials or in full: "UN Security Council" is "United Nations Security Council".
_ORG_EXPANSIONS = {"un": ["united", "nations"], "eu": ["european", "union"]}


# British and American spellings of the words organisations are named with.
_ORG_SPELLINGS = {"defence": "defense", "organisation": "organization", "labour": "labor", "centre": "center",
                  "programme": "program"}
_COUNTRY_WORDS = frozenset(_fold(p) for p in PLACES)


@lru_cache(maxsize=1 << 12)
def _country_of(word: str) -> str:
    """A demonym as its country's name, where the country is a known place ("nigerian" -> "nigeria",
    "japanese" -> "japan", "korean" -> "korea", "chinese" -> "china"); any other word as it is."""
    if word not in _DEMONYM_WORDS:
        return word
    for country in (word[:-1], word[:-3], word[:-3] + "a", word[:-2], word[:-3] + "y", word[:-4] + "y"):
        if country in _COUNTRY_WORDS:
            return country
    return word


_DEMONYM_WORDS = frozenset(_fold(d) for d in DEMONYMS)


@lru_cache(maxsize=1 << 16)
def org_key(name: str) -> str:
    """"NASA" and "Nasa", "U.S. State Department" and "US State Department", "All-Nippon Airways"
    and "All Nippon Airways", "Korea's" and "Korea’s", "Broadcom" and "Broadcom Ltd", "UN Security
    Council" and "United Nations Security Council", "Committee of the Red Cross" and "Committee for
    the Red Cross" share one key."""
    words = [_ORG_SPELLINGS.get(w, w) for w in _fold(name).translate(_ORG_PUNCTUATION).split()]
    words = [_country_of(w.removesuffix("'s")) for w in words]     # "Nigeria's" and "Nigerian" government
    while len(words) > 1 and words[0] in _ORG_ARTICLES:
        words = words[1:]
    while len(words) > 1 and words[-1] in _LEGAL_FORMS:
        words = words[:-1]
    if len(words) > 2 and words[-1] == "group" and words[-2] not in _ORG_SMALL_WORDS:
        words = words[:-1]                      # "Goldman Sachs Group (Inc)"
    if len(words) > 1 and words[0] in _ORG_EXPANSIONS:
        words = _ORG_EXPANSIONS[words[0]] + words[1:]
    inner = [w for w in words if w not in _ORG_SMALL_WORDS]
    return " ".join(inner if len(inner) >= 2 else words)


@lru_cache(maxsize=1 << 16)
def is_full(name: str) -> bool:
    """A person's full name: two capitalised words or more once titles and initials are gone
    ("Theresa May's spokesperson" is a description, not a name)."""
    words = _strip_titles(_tokens(name))
    return len(_person_words(name)) >= 2 and not any(w.endswith(("’s", "'s")) for w in words) \
        and all(w[:1].isupper() or w in _PARTICLES for w in words)


def _initials(name: str) -> list[str]:
    """The initials written before a surname: "W. Tillerson" -> ["w"]; none for "Tillerson"."""
    words = [_fold(w).replace(".", "") for w in _strip_titles(_tokens(name))]
    words = [part for w in words for part in w.split("-") if part]
    return [w for w in words[:-1] if len(w) == 1]


def _initialled_surname(name: str) -> bool:
    """"W. Tillerson", "G. W. Bush": initials and a capitalised surname, a person's short form."""
    words = _strip_titles(_tokens(name))
    return len(words) >= 2 and words[-1][:1].isupper() and len(_initials(name)) >= 1 \
        and len(person_key(name).split()) == 1


def _fits(short: str, full: str, *, first_too: bool = True) -> bool:
    """"Trump" fits "Donald Trump" (the last word); "Uma" fits "Uma Thurman" (the first word).
    An initialled short form fits only a full name its initials begin: "W. Tillerson" fits
    "Rex W. Tillerson" (a middle initial) and "W. Tillerson Smith" would not; "J. Tillerson" never
    fits "Rex Tillerson"."""
    words = _surname_words(full)
    wanted = person_key(short)
    if len(words) < 2:
        return False
    if words[-1] == wanted:
        initials = _initials(short)
        if not initials:
            return True
        letters = [w[0] for w in [_fold(t).replace(".", "") for t in _strip_titles(_tokens(full))][:-1] if w]
        return all(i in letters for i in initials)
    return first_too and words[0] == wanted and not _initials(short)


def _owned_by(short: str, longer: str) -> bool:
    """"State Department" is "US State Department" without the country that owns it."""
    small, big = org_key(short).split(), org_key(longer).split()
    if len(big) <= len(small) or big[len(big) - len(small):] != small:
        return False
    prefix = big[:len(big) - len(small)]
    return " ".join(prefix) in _PLACE_WORDS or all(word in _PLACE_WORDS for word in prefix)


def _shown(forms: Iterable[str]) -> str:
    """The form a reader sees of several spellings: the most used, then the one with more
    capitals ("NASA" over "Nasa"), then the longest."""
    counts = Counter(forms)
    return max(counts, key=lambda f: (counts[f], not _legal_form(f), sum(c.isupper() for c in f), len(f), f))


def _legal_form(name: str) -> bool:
    """"Broadcom Ltd", "Goldman Sachs Group Inc": a form a reader needs no more than "Broadcom"."""
    words = name.replace(".", "").replace(",", "").casefold().split()
    return len(words) > 1 and (words[-1] in _LEGAL_FORMS or words[-1] == "group")


def _one(candidates: Iterable[str], key: str) -> str | None:
    """The one candidate, by key (spellings of one name count once); None for none or several."""
    found: dict[str, str] = {}
    for candidate in candidates:      # the first spelling of each name is kept (actors come first)
        found.setdefault(person_key(candidate) if key == PERSON else org_key(candidate), candidate)
    return next(iter(found.values())) if len(found) == 1 else None


# -- inside an article -----------------------------------------------------------------------

# A one-word actor mentioned this many times more than the only full name that fits it is kept
# apart: "Thurman" 31 times beside "Robert Thurman" once is her, not her father the article names
# in passing (the story or the cache then says who).
_PASSING = 3


def article_names(actors: Sequence[Actor], quotes: Sequence[Quote]) -> list[tuple[str, str, str]]:
    """(alias, full, kind) for every name the article writes: its actors, their aliases and its
    quotes' speakers, each with the full name the article gives for it (itself when none or
    several fit; "Mr." and "Ms." dropped). Unnamed sources ("officials") and places are left out."""
    kinds: dict[str, str] = {}
    mentions: dict[str, int] = {}
    owner: dict[str, set[str]] = defaultdict(set)    # an alias the extractor tied to actors
    for actor in sorted(actors, key=lambda a: a.sort_key):
        if actor.kind == "place":
            continue
        kinds.setdefault(actor.name, actor.kind)
        mentions[actor.name] = mentions.get(actor.name, 0) + actor.mentions
        for alias in actor.aliases:
            owner[alias].add(actor.name)
    for quote in quotes:
        speaker = quote.speaker
        if speaker and speaker[:1].isupper() and speaker not in kinds:
            kind = next((kinds[n] for n in owner.get(speaker, ()) if n in kinds), None)
            # "British Transport police": words that are no person's name make an organisation
            org = _looks_like_org(speaker) or (len(_strip_titles(_tokens(speaker))) > 1 and not is_full(speaker)
                                               and not _initialled_surname(speaker))
            kinds[speaker] = kind or (ORGANISATION if org else "unknown")
    article = _Article(kinds, mentions, owner)
    rows = [(name, *article.full(name)) for name in kinds]
    for quote in quotes:
        named = _named_in_description(quote.speaker, kinds) if quote.speaker else None
        if named is not None:
            rows.append((quote.speaker or "", *article.full(named)))   # "the regional daily Nice Matin"
    for alias, names in owner.items():
        if alias not in kinds and len(names) == 1:
            rows.append((alias, *article.full(next(iter(names)))))
    return rows


_DESCRIPTION_STOPS = frozenset("to for of at from with in on by about".split())


def _named_in_description(speaker: str, kinds: dict[str, str]) -> str | None:
    """The name a lower-case description of a speaker ends with, when nothing but plain words come
    before it: "the United Nations", "the regional daily Nice Matin" (not "the US ambassador to the
    United Nations": the ambassador speaks, not the UN)."""
    tokens = speaker.split()
    if not tokens or not tokens[0].islower():
        return None
    for cut in range(1, len(tokens)):
        head, name = tokens[:cut], " ".join(tokens[cut:])
        if not all(t.islower() and t not in _DESCRIPTION_STOPS for t in head):
            return None
        if name in kinds and kinds[name] in {PERSON, ORGANISATION} | _PERSON_LIKE:
            return name
    return None


class _Article:
    """The names of one article, to find the full name each stands for."""

    def __init__(self, kinds: dict[str, str], mentions: dict[str, int], owner: dict[str, set[str]]) -> None:
        self.kinds, self.mentions, self.owner = kinds, mentions, owner
        self.people = [n for n, k in kinds.items() if k in _PERSON_LIKE and is_full(n)]
        self.orgs = [n for n, k in kinds.items() if k == ORGANISATION]

    def full(self, name: str) -> tuple[str, str]:
        """(full name, person or organisation) of a name of this article."""
        kind = self.kinds[name]
        if kind == ORGANISATION:
            if len(name.split()) == 1 and not _looks_like_org(name):
                person = self._person(name)       # "Hua" typed as an organisation beside "Hua Chunying"
                if person != name:
                    return person, PERSON
            return _org_full(name, self.orgs) or self._containing(name) or name, ORGANISATION
        if kind not in _PERSON_LIKE:
            return name, kind
        return self._person(name), PERSON

    def _person(self, name: str) -> str:
        if is_full(name):
            return _one((p for p in self.people if person_key(p) == person_key(name)), PERSON) or name
        tied = [n for n in self.owner.get(name, ()) if is_full(n)]
        if not tied and name in PLACES:
            return name      # "Astana said", "Moscow said": the capital's government, not "Astana Hub"
        found = _one(tied, PERSON) if tied else _one((p for p in self.people if _fits(name, p)), PERSON)
        if found and not tied and self.mentions.get(name, 0) > _PASSING * max(self.mentions.get(found, 0), 1):
            found = None
        if not found and not tied:
            # "Schacham" of "Ofer Shacham": a letter off the one surname that could be meant
            found = _one((p for p in self.people if _misspelt_surname(name, p)), PERSON)
        return found or " ".join(_strip_honorifics(_tokens(name)))

    def _containing(self, name: str) -> str | None:
        """The one longer organisation of the article holding this name's words ("Nippon" of "All Nippon
        Airways", cut at a sentence's first word), when the article names it at least as often."""
        found = _one((o for o in self.orgs if o != name and _within(name, o)), ORGANISATION)
        if found is None or self.mentions.get(found, 0) < self.mentions.get(name, 0):
            return None
        return found


def _misspelt_surname(short: str, full: str) -> bool:
    """A one-word name a letter off the last word of a full name: "Schacham" of "Ofer Shacham"."""
    from rapidfuzz.distance import DamerauLevenshtein

    wanted, words = person_key(short), _surname_words(full)
    return len(wanted.split()) == 1 and len(words) >= 2 and min(len(wanted), len(words[-1])) >= 6 \
        and DamerauLevenshtein.distance(wanted, words[-1]) == 1


def _within(short: str, longer: str) -> bool:
    """A one-word name is a word of the longer one: "Nippon" of "All Nippon Airways" ("Ex-Foreign Ministry"
    is another body, whatever its words)."""
    small, big = org_key(short).split(), org_key(longer).split()
    if len(small) != 1 or len(big) < 2 or not short[:1].isupper() or _looks_like_org(short) \
            or small[0] in _PLACE_WORDS or len(small[0]) < 4 or "-" in longer:
        return False
    return small[0] in big


def _looks_like_org(name: str) -> bool:
    bare = name.replace(".", "").replace("&", "")
    return len(name.split()) == 1 and bare.isupper() and len(bare) >= 2


def _org_full(name: str, orgs: Iterable[str]) -> str | None:
    """The longer form of an organisation's name ("US State Department"), when exactly one fits;
    for an acronym ("ANA"), the one name it is the initials of ("All Nippon Airways"). Callers give
    only the names of one article or story: across the cache an acronym names many."""
    orgs = list(orgs)
    return (_one((o for o in orgs if _owned_by(name, o)), ORGANISATION)
            or (_one((o for o in orgs if _acronym_of(name, o)), ORGANISATION) if _looks_like_org(name) else None))


def _opened(name: str, orgs: Iterable[str], uses: Counter[str]) -> str | None:
    """The one name of the story that this one opens ("Goldman" of "Goldman Sachs"), when the longer
    name is written at least as often: "Google" is not "Google Camera", nor "Equifax" a headline's
    "Equifax Twitter"."""
    found = _one((o for o in orgs if _opens(name, o)), ORGANISATION)
    return found if found is not None and uses[org_key(found)] >= uses[org_key(name)] else None


def _opens(short: str, longer: str) -> bool:
    """"Goldman" opens "Goldman Sachs", "Joint Chiefs" opens "Joint Chiefs of Staff": the first words
    of the longer name, capitalised, neither a place nor initials ("US" opens many)."""
    small, big = org_key(short).split(), org_key(longer).split()
    return 0 < len(small) < len(big) and big[:len(small)] == small and short[:1].isupper() \
        and not _looks_like_org(short) and " ".join(small) not in _PLACE_WORDS and len(small[0]) >= 4


# Small words an acronym usually skips: "National Aeronautics and Space Administration" is NASA.
_ACRONYM_SKIPS = frozenset("of and for the de du des la le el & on in at to".split())


def _acronym_of(short: str, longer: str) -> bool:
    """"ANA" is the initials of "All Nippon Airways" (or "All-Nippon Airways"), "ICRC" of
    "International Committee for the Red Cross", with or without its small words."""
    letters = short.replace(".", "").replace("&", "").casefold()
    words = org_key(longer).split()
    if len(letters) < 2 or len(words) < 2:
        return False
    kept = "".join(w[0] for w in words if w not in _ACRONYM_SKIPS)
    every = "".join(w[0] for w in words)
    return letters in (kept, every)


# -- across the cache ------------------------------------------------------------------------

def cache_names(uses: Sequence[NameUse]) -> dict[tuple[int, str], str]:
    """(article id, alias) -> the one name shown, for every name of the cache. A short name its
    article leaves as it is resolves, in this order, to the one full name it stands for in other
    articles of its story, the one full name of its story that fits it, the one full name it
    stands for elsewhere in the cache, the only full name of the cache whose last word it is;
    else it stays. Spellings of one name ("NASA", "Nasa") show as the most used.

    Two rules stop at the story, since across unrelated news they would guess: a first name alone
    ("Tony") and an organisation's shorter form ("Police", "Foreign Ministry", "Times") name many."""
    story_people: dict[int, set[str]] = defaultdict(set)
    story_orgs: dict[int, set[str]] = defaultdict(set)
    story_seen: dict[tuple[int, str], set[str]] = defaultdict(set)
    seen: dict[str, set[str]] = defaultdict(set)
    people: set[str] = set()
    spellings: dict[tuple[str, str], list[str]] = defaultdict(list)
    for use in uses:
        if use.kind == PERSON and is_full(use.full):
            people.add(use.full)
            spellings[(PERSON, person_key(use.full))].append(use.full)
            if use.full != use.alias:
                seen[use.alias].add(use.full)
            if use.story_id is not None:
                story_people[use.story_id].add(use.full)
                if use.full != use.alias:
                    story_seen[(use.story_id, use.alias)].add(use.full)
        elif use.kind == ORGANISATION:
            spellings[(ORGANISATION, org_key(use.full))].append(use.full)
            if use.story_id is not None:
                story_orgs[use.story_id].add(use.full)
    by_word = _by_word(people)
    variants = _variants(uses, people)
    org_uses = Counter(org_key(use.full) for use in uses if use.kind == ORGANISATION)
    org_variants = _org_variants(uses, story_orgs)
    # "W. Tillerson": a surname with initials, the fullest form when no full name is known
    initialled: dict[str, set[str]] = defaultdict(set)
    for use in uses:
        if use.kind == PERSON and not is_full(use.full) and _initials(use.full):
            initialled[person_key(use.full)].add(use.full)
    shown = {key: _shown(forms) for key, forms in spellings.items()}
    resolved: dict[tuple[int, str], str] = {}
    for use in uses:
        full, kind = use.full, use.kind
        glued = _unglued(full, people) if kind == ORGANISATION else None
        if glued is not None:
            resolved[(use.article_id, use.alias)] = _spelled(glued, PERSON, shown)
            continue
        if use.kind == PERSON and not is_full(full) and full not in PLACES:
            story = use.story_id if use.story_id is not None else -1
            full = (_one(story_seen.get((story, use.alias), ()), PERSON)
                    or _one((p for p in story_people.get(story, ()) if _fits(full, p)), PERSON)
                    or _one((p for p in seen.get(use.alias, ()) if _fits(full, p, first_too=False)), PERSON)
                    or _one((p for p in by_word.get(person_key(full), ()) if _fits(full, p, first_too=False)),
                            PERSON)
                    or _initialled(full, initialled)
                    or full)
        elif use.kind == ORGANISATION and use.story_id is not None:
            full = _org_full(full, story_orgs.get(use.story_id, set())) or _opened(
                full, story_orgs.get(use.story_id, set()), org_uses) or full
        if use.kind == PERSON:
            full = variants.get(full, full)
        elif use.kind == ORGANISATION:
            full = org_variants.get(org_key(full), full)
        resolved[(use.article_id, use.alias)] = _spelled(full, use.kind, shown)
    return resolved


def _variants(uses: Sequence[NameUse], people: set[str]) -> dict[str, str]:
    """Full names that are another's misspelling or gluing, to that other: "Manual Valls" (Manuel),
    "Eric Dartell" (Drattell) in the same story; "Bernard Cazaneuve" (Cazeneuve) anywhere, the one
    letter of a long surname; "China DailyZhang Yuanxun", a page's credit glued to "Zhang Yuanxun".
    The more used form wins. Only names that share a story, or a long name a letter apart (found by
    their one-letter deletions), are compared: the pass runs over the whole cache on every refresh."""
    from itertools import combinations

    from rapidfuzz.distance import DamerauLevenshtein

    counts = Counter(use.full for use in uses if use.kind == PERSON and use.full in people)
    stories: dict[str, set[int]] = defaultdict(set)
    by_story: dict[int, set[str]] = defaultdict(set)
    for use in uses:
        if use.kind == PERSON and use.full in people and use.story_id is not None:
            stories[use.full].add(use.story_id)
            by_story[use.story_id].add(use.full)
    words = {name: _person_words(name) for name in people}
    found: dict[str, str] = {}

    def compare(a: str, b: str) -> None:
        """Link two full names whose first (or last) words agree and whose other one is a misspelling."""
        if len(words[a]) != len(words[b]) or len(words[a]) < 2:
            return
        for same, differ in ((0, -1), (-1, 0)):
            if words[a][same] != words[b][same]:
                continue
            x, y = words[a][differ], words[b][differ]
            if min(len(x), len(y)) < 5:
                continue
            distance = DamerauLevenshtein.distance(x, y)
            together = bool(stories[a] & stories[b])
            if distance == 1 and (together or min(len(x), len(y)) >= 8) \
                    or distance == 2 and together and min(len(x), len(y)) >= 6 and differ == -1:
                low, high = sorted((a, b), key=lambda n: (counts[n], n))
                found.setdefault(low, high)

    pairs: set[tuple[str, str]] = set()
    for names in by_story.values():            # in one story: names that share a first or a last word
        alike: dict[tuple[int, str, int], list[str]] = defaultdict(list)
        for name in names:
            parts = words[name]
            if len(parts) >= 2:
                alike[(0, parts[0], len(parts))].append(name)
                alike[(-1, parts[-1], len(parts))].append(name)
        for group in alike.values():
            if len(group) > 1:
                pairs.update(combinations(sorted(group), 2))
    # a letter apart anywhere in the cache needs a long word: names sharing a one-letter deletion of it
    neighbours: dict[tuple[str, int, int, str], set[str]] = defaultdict(set)
    for name, parts in words.items():
        if len(parts) < 2:
            continue
        for kept, varied in ((0, -1), (-1, 0)):
            word = parts[varied]
            if len(word) >= 8:
                for key in {word} | {word[:i] + word[i + 1:] for i in range(len(word))}:
                    neighbours[(parts[kept], varied, len(parts), key)].add(name)
    for names in neighbours.values():
        if len(names) > 1:
            pairs.update(combinations(sorted(names), 2))
    for a, b in sorted(pairs):
        compare(a, b)
    for name in sorted(people):
        glued = _unglued(name, people)
        if glued is not None:
            found.setdefault(name, glued)
    return {name: _final(found, name) for name in found}


_GLUED = re.compile(r"[a-z][A-Z]")


def _unglued(name: str, people: set[str]) -> str | None:
    """The person a page's credit or label glued a name to: "China DailyZhang Yuanxun" is "Zhang Yuanxun"."""
    if not _GLUED.search(name):
        return None
    tokens = name.split()
    for index, token in enumerate(tokens[:-1]):
        inner = next((i for i in range(2, len(token)) if token[i].isupper() and token[i - 1].islower()), None)
        glued = " ".join([token[inner:], *tokens[index + 1:]]) if inner is not None else ""
        if glued in people:
            return glued
    return None


def _org_variants(uses: Sequence[NameUse], story_orgs: dict[int, set[str]]) -> dict[str, str]:
    """Organisations spelled two ways in one story, a letter apart ("Energia", "Energiya"): the less
    used key to the more used name."""
    from rapidfuzz.distance import DamerauLevenshtein

    counts = Counter(org_key(use.full) for use in uses if use.kind == ORGANISATION)
    found: dict[str, str] = {}
    for names in story_orgs.values():
        keyed = sorted({org_key(n): n for n in names}.items())
        for index, (a, name_a) in enumerate(keyed):
            for b, name_b in keyed[index + 1:]:
                if min(len(a), len(b)) >= 6 and DamerauLevenshtein.distance(a, b) == 1 \
                        and a.split()[:-1] == b.split()[:-1]:
                    low, high = sorted(((a, name_a), (b, name_b)), key=lambda kv: (counts[kv[0]], kv[0]))
                    found.setdefault(low[0], high[1])
    return found


def _final(found: dict[str, str], name: str) -> str:
    seen = {name}
    while name in found and found[name] not in seen:
        name = found[name]
        seen.add(name)
    return name


def _initialled(short: str, initialled: dict[str, set[str]]) -> str | None:
    """A bare surname ("Tillerson") takes the one initialled form of it the cache writes
    ("W. Tillerson"); two ("W. Smith", "J. Smith") leave it as written."""
    if _initials(short) or len(person_key(short).split()) != 1:
        return None
    forms = initialled.get(person_key(short), set())
    found = {" ".join(_initials(f)): f for f in sorted(forms)}
    return next(iter(found.values())) if len(found) == 1 else None


def _by_word(people: Iterable[str]) -> dict[str, list[str]]:
    """Full names by their first and last words, so a short name finds its candidates at once."""
    index: dict[str, list[str]] = defaultdict(list)
    for name in people:
        words = _surname_words(name)
        index[words[-1]].append(name)
        if words[0] != words[-1]:
            index[words[0]].append(name)
    return index


def _spelled(name: str, kind: str, shown: dict[tuple[str, str], str]) -> str:
    if kind == PERSON:
        return shown.get((PERSON, person_key(name)), name) if is_full(name) else name
    if kind == ORGANISATION:
        return shown.get((ORGANISATION, org_key(name)), name)
    return name


def two_name_pairs(names: Iterable[tuple[str, str]]) -> list[tuple[str, str]]:
    """Pairs of shown names that may be one person or organisation under two names: a short name
    and a full name it fits, spellings of one name, an organisation and its owned longer form.
    Every fitting pair counts, ambiguous or not: the measure of what a reader sees split."""
    named = {(n, k) for n, k in names if n and n[:1].isupper()}
    people = [n for n, k in named if k == PERSON and is_full(n)]
    by_word = _by_word(people)
    pairs: set[tuple[str, str]] = set()
    for name, kind in named:
        if kind == PERSON and not is_full(name):
            pairs.update((name, p) for p in by_word.get(person_key(name), ()) if _fits(name, p))
    keys: dict[str, list[str]] = defaultdict(list)
    for name, kind in named:
        keys[person_key(name) if kind == PERSON and is_full(name) else org_key(name)].append(name)
    for forms in keys.values():
        pairs.update((a, b) for a in forms for b in forms if a < b)
    orgs = sorted({n for n, k in named if k == ORGANISATION})
    for short in orgs:
        pairs.update((short, o) for o in orgs if _owned_by(short, o) and org_key(short) != org_key(o))
    return sorted(pairs)

