"""Rule-based actor finder: people, organisations and places named in an article, with their mentions."""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from tui.core.quotes.evidence import RATES, ProseLines, evidence
from tui.core.quotes.forenames import FORENAMES
from tui.core.quotes.lexicon import (
    COMPASS_WORDS,
    DEMONYMS,
    FEMALE_NAMES,
    FEMALE_ROLE_WORDS,
    KNOWN_ORGANISATIONS,
    MALE_NAMES,
    MALE_ROLE_WORDS,
    METONYMS,
    NAME_SUFFIXES,
    ORG_BACKREF_NOUNS,
    ORG_ENDINGS,
    ORG_HEADS,
    ORG_NOUNS_AFTER,
    ROLE_NOUNS,
)
from tui.core.quotes.names import (
    FACILITY_WORDS,
    Candidate,
    find_candidates,
    is_cue_subject,
    is_title,
    place_name,
    place_shaped,
    role_after,
    role_before,
)

_DEFINITION = re.compile(r"\s*\(([A-Z][A-Za-z&.]{1,9})\)")
_BACKREF = re.compile(r"\b[Tt]he\s+(%s)\b" % "|".join(sorted(ORG_BACKREF_NOUNS, key=len, reverse=True)))

_PLURAL_NOUN = re.compile(r"[a-z](?:ers|sts|ants|ents|ians|ics|als|ors|ees|ies|ks)$")
# Pronouns look back at most this many characters for their antecedent.
_ANTECEDENT_REACH = 5000
# A person known to be "he" (or "she") this close is preferred over a nearer one of unknown gender.
_SURE_REACH = 250
# A person of unknown gender further back than this is no antecedent at all.
_UNSURE_REACH = 1500


@dataclass
class Entity:
    """A mutable actor under construction."""

    name: str
    kind: str
    role: str | None = None
    aliases: set[str] = field(default_factory=set)
    spans: list[tuple[int, int]] = field(default_factory=list)
    gender: str | None = None    # "f" or "m" when the text or a first name says so
    confidence: float = 1.0      # how sure: real and of this kind (evidence.RATES)
    evidence: str = ""           # the class of evidence the confidence rests on


@dataclass(frozen=True)
class Mention:
    """One place in the text where an entity is named (or referred back to)."""

    start: int
    end: int
    entity: int


class ActorIndex:
    """Entities and their mentions, with the look-ups that speaker resolution needs."""

    def __init__(self, entities: list[Entity], mentions: list[Mention]) -> None:
        self.entities = entities
        self.mentions = sorted(mentions, key=lambda m: (m.start, m.end))
        self._starts = [m.start for m in self.mentions]

    def mentions_between(self, start: int, end: int) -> list[Mention]:
        """Mentions lying wholly inside [start, end)."""
        index = bisect.bisect_left(self._starts, start)
        found = []
        while index < len(self.mentions) and self.mentions[index].start < end:
            if self.mentions[index].end <= end:
                found.append(self.mentions[index])
            index += 1
        return found

    def mention_at(self, start: int, end: int) -> Mention | None:
        """A mention overlapping [start, end), preferring the earliest."""
        index = max(0, bisect.bisect_left(self._starts, start) - 1)
        while index < len(self.mentions) and self.mentions[index].start < end:
            mention = self.mentions[index]
            if mention.end > start:
                return mention
            index += 1
        return None

    def last_before(self, pos: int, kinds: set[str], excluded: Sequence[tuple[int, int]] = (),
                    gender: str | None = None) -> int | None:
        """The entity of the latest mention of one of kinds ending before pos, outside excluded spans."""
        index = bisect.bisect_left(self._starts, pos) - 1
        unsure: int | None = None        # the nearest one whose gender the text never told
        while index >= 0:
            mention = self.mentions[index]
            if pos - mention.end > _ANTECEDENT_REACH:
                break
            entity = self.entities[mention.entity]
            if mention.end <= pos and entity.kind in kinds and (gender is None or entity.gender in {None, gender}) \
                    and not any(a <= mention.start < b for a, b in excluded):
                if gender is None or entity.gender == gender:
                    return mention.entity if unsure is None or pos - mention.end < _SURE_REACH else unsure
                if unsure is None and pos - mention.end < _UNSURE_REACH:
                    unsure = mention.entity
            index -= 1
        return unsure


_RELATION_BEFORE = re.compile(r"\b(?:[Hh]is|[Hh]er|[Tt]heir)[ \t]+(?:[a-z-]+[ \t]+)?"
                              r"(?:wife|husband|girlfriend|boyfriend|fianc[ée]e?|partner|son|daughter|mother|father|brother|sister|friend|colleague)"
                              r"(?:[ \t]+[a-z]+){0,3},[ \t]+$")
_AGE_OR_RELATIVE = re.compile(r",\s+(?:who|whose|\d{1,3},)|\s+\(\d{1,3}\)"
                              r"|[’']s\s+(?:wife|husband|son|daughter|mother|father)")
_AFFILIATION = re.compile(r",?\s+(?:of|from|at|with)\s+(?:the\s+)?(?:[a-z-]+\s+){0,3}[A-Z]")
_INVERTED_CUE_BEFORE = re.compile(r"\b(?:said|says|added|adds|told|explained|wrote|writes|asked)[ \t]+$")
_PERSON_PRONOUN_AFTER = re.compile(r"\b(?:(?P<org>its|it)|(?P<person>his|her|he|she|him))\b")


def _person_kind(text: str, entity: Entity) -> str:
    """person when the text gives a reason to think so; organisation for a lone word that is an "it";
    unknown (dropped) for a capitalised run nothing marks as a person ("Conscious Uncoupling")."""
    words = entity.name.split()
    spans = sorted(set(entity.spans))
    if (words[-1] in DEMONYMS or words[-1].rstrip("s") in DEMONYMS) and not (len(words) > 1 and words[0] in FORENAMES):
        return "unknown"                 # "North Korean": an adjective, not a person ("Mark Cuban" is one)
    if entity.name in KNOWN_ORGANISATIONS or all(_word_after(text, end) in ORG_NOUNS_AFTER for _, end in spans):
        return "organisation"            # "Intel", "the official Rodong Sinmun newspaper"
    if len(words) > 1 and words[0] not in FORENAMES and not entity.gender \
            and all(_THE_BEFORE.search(text, max(0, start - 5), start)
                    or (_THING_BEFORE.search(text, max(0, start - 40), start) and not _role_word_before(text, start))
                    for start, _ in spans):
        # "the Boston Red Sox", "the Great Leap Forward", "a Tesla Roadster": no one's name takes "the" or "a";
        # a team (a place's name first) or a body named by its word is an organisation, the rest no actor
        if _team_or_body(words) or _referred_to_as_it(text, spans):
            return "organisation"        # "The Hollywood Chamber … has announced that it will"
        if any(w in FACILITY_WORDS for w in words):
            return "place"               # "the Promenade des Anglais"
        if not re.fullmatch(r"[A-Z][a-z]+[^s]s", words[-1]):
            return "unknown"             # (a plural is a group: "the Founding Fathers", "the National Academies")
    if words[0] in FORENAMES or entity.role or entity.gender:
        return "person"
    if len(words) == 1 and all(re.search(r"\b[Tt]he[ \t]+$", text[max(0, start - 5):start]) for start, _ in spans):
        return "organisation"            # "the Mirror says": a title, not a person's name
    if len(words) > 1 and (words[0] in DEMONYMS or place_name(words[-1])):
        return "unknown"                 # "British Transport", "Hyatt Regency Nice"
    if not any(w in ORG_ENDINGS or w in ORG_HEADS for w in words) and (
            any(_role_apposition(text, end) for _, end in spans) or _referred_to_as_person(text, spans)):
        return "person"                  # "Tong Zhao, fellow at the …, told CNN"; "Heigo Sato … he said"
    if any(_RELATION_BEFORE.search(text, max(0, start - 50), start) for start, _ in spans):
        return "person"                  # "his girlfriend at the time, Mira Sorvino": someone's relation
    if any(_AGE_OR_RELATIVE.match(text, end) or _AFFILIATION.match(text, end) for _, end in spans) \
            or any(text[max(0, start - 13):start].lower().endswith("according to ") for start, _ in spans):
        return "person"                  # "Pat Rooke, 72, described …", "Nurzat Abdyrakhmanova of the … network"
    if len(words) > 1 and (place_name(words[0]) or place_name(" ".join(words[:2]))):
        return "unknown"                 # "Las Vegas Massacre", "Croydon Town Hall"
    if words[0] not in FORENAMES and not entity.gender and _referred_to_as_it(text, spans):
        return "organisation"            # "Qualcomm said … its board", "Boko Haram … its fighters"
    if len(words) == 1 and all(_after_place_preposition(text, start) for start, _ in spans):
        return "place"                   # "flown to Maiduguri", "from Maiduguri"
    if words[0] in FORENAMES or entity.role or entity.gender or len(spans) >= 2 or len(words) == 1:
        return "person"
    if any(is_cue_subject(text, end) or _AGE_OR_RELATIVE.match(text, end) for _, end in spans):
        return "person"
    if any(_INVERTED_CUE_BEFORE.search(text, max(0, start - 16), start) and text[end:end + 2] not in {"’s", "'s"}
           for start, end in spans):
        return "person"                  # "…, said Buck Rodger, commercial airline pilot"
    if any(re.search(r"(?:^|\n)[ \t]*By[ \t]+$", text[max(0, start - 10):start]) for start, _ in spans):
        return "person"                  # the byline's author
    return "unknown"


_THE_BEFORE = re.compile(r"\b[Tt]he[ \t]+$")
# "a Tesla Roadster", "my midnight cherry Tesla Roadster", "Musk's own Tesla Roadster": a thing someone has
# ("CNN's Atika Shubert" is a person of CNN's)
_THING_BEFORE = re.compile(r"(?:\b[Aa]n?|\b(?:[Hh]is|[Hh]er|[Mm]y|[Oo]ur|[Tt]heir|[Ii]ts|[Yy]our)"
                           r"(?:[ \t]+[a-z]+(?:-[a-z]+)?){0,2}|[’']s(?:[ \t]+[a-z]+(?:-[a-z]+)?){1,2})[ \t]+$")


_BODY_WORDS = frozenset("Branch Division Directorate Command Bureau Agency Unit Service Authority Nations".split())


_COMPANIONS = frozenset("friend friends colleague colleagues partner boyfriend girlfriend fiance fiancee fiancé "
                        "fiancée neighbour neighbor classmate teammate roommate".split())


def _role_word_before(text: str, start: int) -> bool:
    """"his representative Holly Baird", "her husband Cash Warren": a role or a relative just before a name
    makes it a person's."""
    match = re.search(r"([a-z]+)[ \t]+$", text[max(0, start - 30):start])
    if match is not None and match.group(1) == "official" \
            and re.search(r"(?:[’']s|\b(?:[Tt]he|[Aa]n?|[Ii]ts|[Tt]heir))[ \t]+official[ \t]+$", match.string):
        return False                     # "North Korea’s official Rodong Sinmun": an adjective
    return match is not None and (match.group(1) in _PERSON_ROLES or match.group(1).rstrip("s") in _PERSON_ROLES
                                  or is_title(match.group(1)) or _RELATIVE_BEFORE.search(match.group()) is not None
                                  or match.group(1) in _COMPANIONS)


def _team_or_body(words: list[str]) -> bool:
    """"Boston Red Sox", "Kansas City Royals": a place, then a plural; or a name holding an organisation's word
    ("Rail Accident Investigation Branch"). "the Berlin Wall", "the Las Vegas Strip" are neither."""
    place = place_name(words[0]) or place_name(" ".join(words[:2])) or (len(words) > 2 and place_shaped(words[:2]))
    team = place and re.fullmatch(r"[A-Z][a-z]+[sx]", words[-1])
    return bool(team) or words[-1] in ORG_ENDINGS or any(w in _BODY_WORDS for w in words)


# Words before a name that make it a place: "in", "near", … or a role "of" it ("the prosecutor of Nice").
_TOWN_PREPOSITION = re.compile(r"\b(?:in|near|outside|into|across|throughout|(?:%s)[ \t]+of)[ \t]+$"
                               % "|".join(sorted(ROLE_NOUNS, key=len, reverse=True)))
_TOWN_BEFORE = re.compile(r"\b(?:city|town|village|port|resort)[ \t]+of[ \t]+$")


def _named_as_a_town(text: str, entity: Entity) -> bool:
    """"the southern French city of Nice", "in Nice, France", "in Nice" at most mentions: one word, no role,
    no one's name and no known body, written as a place."""
    if " " in entity.name or entity.role or entity.gender or entity.name in KNOWN_ORGANISATIONS \
            or entity.name in FORENAMES or entity.aliases:
        return False
    spans = sorted(set(entity.spans))
    towns = sum(1 for start, end in spans
                if _TOWN_BEFORE.search(text, max(0, start - 20), start) or _country_after(text, end))
    if towns and (entity.kind == "organisation" or 2 * towns >= len(spans)):
        return True
    if 2 * sum(1 for start, _ in spans if _TOWN_PREPOSITION.search(text, max(0, start - 30), start)) > len(spans):
        return True                      # "in Nice" thrice and "prosecutor of Nice": a place, though it "said"
    if any(is_cue_subject(text, end) and _word_after(text, end) not in _PERSON_ROLES for _, end in spans):
        return False                     # "Bush referred to Rubio as …": a speaker is no town
    inside = sum(1 for start, _ in spans if re.search(r"\bin[ \t]+$", text[max(0, start - 4):start]))
    return 2 * inside > len(spans)


def _country_after(text: str, end: int) -> bool:
    """"Nice, France": a place after the comma."""
    match = re.match(r",[ \t]+([A-Z][a-z]+)\b", text[end:end + 30])
    return match is not None and place_name(match.group(1)) is not None


def _after_place_preposition(text: str, start: int) -> bool:
    return bool(re.search(r"\b(?:in|to|from|near|at|of|outside|across|via|into)[ \t]+$", text[max(0, start - 8):start]))


# "Heigo Sato, vice president of …", "Tong Zhao, fellow at …", "X, a senior researcher at …": a person's role.
_APPOSITION = re.compile(r",[ \t]+(?:(?:a|an|the)[ \t]+)?(?:[a-z][\w-]*[ \t]+){0,3}?([a-z]+)[ \t]+"
                         r"(?:of|at|for|with|in)\b")
_PERSON_ROLES = ROLE_NOUNS | frozenset("fellow scholar scientist professor lecturer student teacher partner "
                                        "engineer pilot captain coach player owner resident".split())


def _role_apposition(text: str, end: int) -> bool:
    match = _APPOSITION.match(text, end, end + 80)
    return match is not None and match.group(1) in _PERSON_ROLES


_PREPOSITION_BEFORE = re.compile(r"\b(?:[Ii]n|[Ww]ith|[Tt]o|[Ff]or|[Ff]rom|[Bb]y)[ \t]+$")
_NEW_SUBJECT_AFTER = re.compile(r",[ \t]+(?:the|a|an)[ \t]+[a-z]+[ \t]+(?:said|says|told|added|wrote)\b")


def _referred_to_as_person(text: str, spans: list[tuple[int, int]]) -> bool:
    """A multi-word name that a "he" or "she" picks up in its next sentence, never an "it"."""
    votes = 0
    for start, end in spans:
        if _PREPOSITION_BEFORE.search(text, max(0, start - 6), start) and _NEW_SUBJECT_AFTER.match(text, end):
            continue                     # "In an interview with Deadline Hollywood, the director said he …"
        opens = re.search(r"(?:^|[.!?\n]\s*|\b(?:But|And|So|Yet)\s+)$", text[max(0, start - 6):start]) is not None
        stop = re.search(r"[.!?](?:\s|$)", text[end:end + 200])
        tail = text[end:end + (stop.end() if stop else 200)]
        after = end + len(tail)
        following = re.match(r"\s*[“\"]?(?:[^.!?\n]{0,160}[”\"]\s*)?(he|she|He|She)\b", text[after:after + 200])
        match = _PERSON_PRONOUN_AFTER.search(text, end, end + len(tail))
        if match:
            votes += 1 if match.group("org") else -1
        elif following and opens:       # the sentence's subject, picked up by the next one's "he"
            votes -= 1
    return votes < 0


def _referred_to_as_it(text: str, spans: list[tuple[int, int]]) -> bool:
    votes = 0
    for _, end in spans:
        sentence_end = re.search(r"[.!?](?:\s|$)", text[end:end + 200])
        match = _PERSON_PRONOUN_AFTER.search(text, end, end + (sentence_end.start() if sentence_end else 200))
        if match:
            votes += 1 if match.group("org") else -1
    return votes > 0


def _org_evidence(text: str, entity: Entity) -> bool:
    """A lone acronym met once, that never speaks ("ICBM", "MA"), is no organisation."""
    spans = sorted(set(entity.spans))
    if " " in entity.name or not entity.name.isupper() or len(spans) >= 2 or entity.aliases \
            or entity.name in METONYMS:
        return True
    return any(is_cue_subject(text, end) or _word_after(text, end) in ORG_NOUNS_AFTER for _, end in spans)


def _word_after(text: str, end: int) -> str:
    match = re.match(r"[ \t]+([a-z]+)", text[end:end + 20])
    return match.group(1) if match else ""


_GENDERED_PRONOUN = re.compile(r"\b(?:(?P<m>he|his|him)|(?P<f>she|her|hers))\b", re.IGNORECASE)


def _pronoun_gender(text: str, entity: Entity) -> str | None:
    """"Thurman … She says": the pronoun that first follows a person's mentions, by a clear majority."""
    votes = {"m": 0, "f": 0}
    for _, end in sorted(set(entity.spans)):
        match = _GENDERED_PRONOUN.search(text, end, end + 80)
        if match and not re.search(r"[.!?]\s|[“”\"]", text[end:match.start()]):
            votes["m" if match.group("m") else "f"] += 1     # the same sentence, outside any quote
    if votes["m"] >= 2 and votes["f"] == 0:
        return "m"
    if votes["f"] >= 2 and votes["m"] == 0:
        return "f"
    return None


def _gender_of(entity: Entity) -> str | None:
    words = entity.name.split()
    first = words[1] if len(words) > 2 and words[0] not in FORENAMES and words[1] in FORENAMES else words[0]
    # ("Billie Jean King": a double first name the list knows by its second half)
    if first in FEMALE_NAMES:
        return "f"
    if first in MALE_NAMES:
        return "m"
    role_words = set((entity.role or "").lower().split())
    if role_words & FEMALE_ROLE_WORDS:
        return "f"
    if role_words & MALE_ROLE_WORDS:
        return "m"
    return None


class _Builder:
    """Merges candidates into entities in reading order."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.entities: list[Entity] = []
        self.by_name: dict[str, int] = {}
        self.mentions: list[Mention] = []
        self.org_suffixes: dict[str, int] = {}

    def entity(self, name: str, kind: str) -> int:
        key = name.replace("’", "'")
        if key not in self.by_name:
            self.by_name[key] = len(self.entities)
            self.entities.append(Entity(name, kind))
        index = self.by_name[key]
        if self.entities[index].kind in {"unknown", "surname"} and kind not in {"unknown", "surname"}:
            self.entities[index].kind = kind
        if kind == "organisation":
            words = name.split()
            for cut in range(1, len(words) - 1):
                self.org_suffixes.setdefault(" ".join(words[cut:]), index)
        return index

    def alias(self, index: int, alias: str) -> None:
        key = alias.replace("’", "'")
        if alias != self.entities[index].name:
            self.entities[index].aliases.add(alias)
        self.by_name.setdefault(key, index)

    def mention(self, index: int, start: int, end: int, role: str | None = None) -> None:
        self.mentions.append(Mention(start, end, index))
        self.entities[index].spans.append((start, end))
        if role and not self.entities[index].role:
            self.entities[index].role = role


Surnames = dict[str, list[tuple[int, int, bool]]]
_RELATIVE_BEFORE = re.compile(r"\b(?:father|mother|brother|sister|son|daughter|husband|wife|uncle|aunt|cousin|"
                              r"grandfather|grandmother|ex-husband|ex-wife|stepfather|stepmother)[,\s]*$")


def _surnames(text: str, people: list[tuple[int, int, str]]) -> Surnames:
    """word -> [(first offset, entity, introduced as a relative)] for the last name (and middle names) of
    every full name."""
    table: Surnames = {}
    for first_pos, index, full in sorted(people):
        parts = [p for p in full.split() if p not in NAME_SUFFIXES]
        keys = {parts[-1], *parts[1:]} if len(parts) > 2 else {parts[-1]} if parts else set()
        if _family_name_first(parts):
            keys.add(parts[0])        # "Moon Jae-in" is "Moon", "Kim Jong Un" is "Kim"
        relative = bool(_RELATIVE_BEFORE.search(text, max(0, first_pos - 40), first_pos))
        for key in keys:
            table.setdefault(key, []).append((first_pos, index, relative))
    # "Liberal Oscar-winner Sarandon" in a title line is no owner of "Sarandon" once "Susan Sarandon" is
    # named: a full name that opens with a first name wins over a capitalised run that only ends with it.
    named = {index for _, index, full in people if full.split()[0] in FORENAMES}
    for key, owners in table.items():
        if any(index in named for _, index, _ in owners):
            table[key] = [owner for owner in owners if owner[1] in named]
    return table


def _family_name_first(parts: list[str]) -> bool:
    """A Korean name in its usual romanisations: a family name, then a given name of two syllables written
    hyphenated ("Moon Jae-in", "Kim Jong-un") or apart ("Kim Jong Un")."""
    if len(parts) == 2:
        return bool(re.fullmatch(r"[A-Z][a-z]{1,4}-[a-z]{1,4}", parts[1]))
    return len(parts) == 3 and all(re.fullmatch(r"[A-Z][a-z]{1,4}", p) for p in parts)


def _add_forenames(table: Surnames, people: list[tuple[int, int, str]]) -> None:
    """A lone first name ("Sarah", "Michael") is the one full name met in the article that opens with it:
    an alias of that person, not an actor of its own. A first name two full names share stays unresolved."""
    owners: dict[str, set[int]] = {}
    first_seen: dict[int, int] = {}
    for first_pos, index, full in people:
        words = full.split()
        if len(words) > 1 and words[0] in FORENAMES:
            owners.setdefault(words[0], set()).add(index)
            first_seen.setdefault(index, first_pos)
    for forename, indices in owners.items():
        if len(indices) == 1 and forename not in table:
            index = next(iter(indices))
            table[forename] = [(first_seen[index], index, False)]


def _surname_owner(surnames: Surnames, name: str, pos: int) -> int | None:
    """The person whose name ends (or holds) this single word: the one introduced first ("Thurman" is Uma
    Thurman, the subject of the story, even after her father Robert Thurman is named)."""
    owners = surnames.get(name, ())
    before = [index for first_pos, index, _ in owners if first_pos <= pos]
    if before:
        return before[0]
    # A surname met before its full name is that person, named in full later ("Trump said" in the lead,
    # "Donald Trump" further down), unless the full name arrives as a relative ("Thurman says …" long
    # before "her father, Robert Thurman").
    later = [index for _, index, relative in owners if not relative]
    return later[0] if later else None


def build_actors(text: str) -> ActorIndex:
    """Find every actor and mention in text."""
    builder = _Builder(text)
    candidates = find_candidates(text)
    body_names = {c.name for c in candidates if not c.headline}
    candidates = [c for c in candidates if not c.headline or c.name in body_names or " " not in c.name]
    org_names = {c.name for c in candidates if c.kind == "organisation"}
    org_prefixes = {" ".join(name.split()[:k]) for name in org_names for k in range(2, len(name.split()))}
    for cand in candidates:
        if cand.kind == "person" and (cand.name in org_names or cand.name in org_prefixes):
            cand.kind, cand.role = "organisation", None     # "Goldman Sachs" of "Goldman Sachs Group Inc."
    lines = ProseLines(text)
    # Full names that own later surnames and forenames come from prose: a caption's "Twitter Comedienne
    # Sarah" must not swallow every later "Sarah".
    full_people = [(c.start, c.name) for c in candidates
                   if c.kind == "person" and len(c.name.split()) > 1 and lines.holds(c.start)]
    people: list[tuple[int, int, str]] = []
    seen: set[int] = set()
    for first_pos, name in full_people:
        index = builder.entity(name, "person")
        if index not in seen:
            seen.add(index)
            people.append((first_pos, index, name))
    persons = _surnames(text, people)
    _add_forenames(persons, people)
    definitions = _acronym_definitions(text, candidates)
    singles = _SingleWords(text, candidates)
    for cand in candidates:
        _place_candidate(builder, cand, persons, definitions, singles)
        if cand.gender and cand.name.replace("’", "'") in builder.by_name:
            target = builder.entities[builder.by_name[cand.name.replace("’", "'")]]
            first = target.name.split()[0]
            if not ((first in FEMALE_NAMES and cand.gender == "m") or (first in MALE_NAMES and cand.gender == "f")):
                target.gender = cand.gender
    _add_backrefs(builder, text)
    entities = builder.entities
    for entity in entities:
        if entity.kind == "surname":
            entity.kind = "person"
        last = entity.name.split()[-1]
        if entity.kind != "place" and (last in DEMONYMS or last.rstrip("s") in DEMONYMS) \
                and not (entity.kind == "person" and " " in entity.name and entity.name.split()[0] in FORENAMES):
            entity.kind = "unknown"      # "South Korean", "J-Alert Japanese": an adjective, not an actor
        if entity.kind == "person":
            entity.kind = _person_kind(text, entity)
        elif entity.kind == "organisation" and not _org_evidence(text, entity):
            entity.kind = "unknown"
        if entity.kind in {"person", "organisation"} and _named_as_a_town(text, entity):
            entity.kind = "place"
        if entity.kind == "person" and entity.gender is None:
            entity.gender = _gender_of(entity) or _pronoun_gender(text, entity)
    for entity in entities:
        if entity.spans and entity.kind != "unknown":
            its = entity.kind == "organisation" and _referred_to_as_it(text, sorted(set(entity.spans)))
            entity.evidence = evidence(text, entity, lines, its)
            entity.confidence = RATES[entity.evidence]
    keep = [i for i, e in enumerate(entities) if e.spans and e.kind != "unknown"]
    remap = {old: new for new, old in enumerate(keep)}
    mentions = [Mention(m.start, m.end, remap[m.entity]) for m in builder.mentions if m.entity in remap]
    return ActorIndex([entities[i] for i in keep], mentions)


class _SingleWords:
    """What the text says about each lone capitalised word: how often, whether it speaks, where it stands."""

    def __init__(self, text: str, candidates: list[Candidate]) -> None:
        self.counts: dict[str, int] = {}
        self.speakers: set[str] = set()
        self.mid_sentence: set[str] = set()
        self.after_place_word: dict[str, int] = {}
        self.text = text
        for cand in candidates:
            if cand.kind not in {"unknown", "surname"}:
                continue
            self.counts[cand.name] = self.counts.get(cand.name, 0) + 1
            if _after_place_preposition(text, cand.start):
                self.after_place_word[cand.name] = self.after_place_word.get(cand.name, 0) + 1
            if is_cue_subject(text, cand.end) and _word_after(text, cand.end) not in _PERSON_ROLES:
                self.speakers.add(cand.name)     # (not "the Nice prosecutor said": the prosecutor speaks)
            if not cand.sentence_initial:
                self.mid_sentence.add(cand.name)

    def kind(self, name: str) -> str | None:
        """person for a word that speaks ("Trump said"), organisation for a frequent one, else nothing."""
        if name not in self.mid_sentence and (_PLURAL_NOUN.search(name) or re.search(r"[a-z]{3}s$", name)):
            return None              # "Analysts said", "Traders expect": a plural noun opening a sentence
        if name not in self.mid_sentence and name[1:].islower() and name.lower() in self.text \
                and re.search(r"\b%s\b" % re.escape(name.lower()), self.text) is not None:
            return None              # "History will say", "Sure, but …": a word the text writes in lower case too
        if 2 * self.after_place_word.get(name, 0) >= self.counts.get(name, 0) > 0:
            return "place"               # "flown to Maiduguri", "the Slidell police … in Slidell"
        if name in self.speakers or (name in FORENAMES and name in self.mid_sentence):
            return "person"              # "Trump said", "where Rihanna was born"
        if self.counts.get(name, 0) >= 3 and name in self.mid_sentence:
            return "organisation"
        return None


def _place_candidate(builder: _Builder, cand: Candidate, persons: Surnames,
                     definitions: dict[str, str], singles: _SingleWords) -> None:
    text = builder.text
    role = cand.role or (role_before(text, cand.start) if cand.kind in {"person", "surname"} else None)
    if cand.kind in {"person", "surname"} and not role:
        role = role_after(text, cand.end, cand.start)
    name = definitions.get(cand.name, cand.name)
    if cand.name in COMPASS_WORDS:
        # "the North" is North Korea once the story has named it; alone it is only a direction
        places = [i for i, e in enumerate(builder.entities) if e.kind == "place" and e.name.startswith(cand.name + " ")]
        if len(places) == 1:
            builder.alias(places[0], cand.name)
            builder.mention(places[0], cand.start, cand.end)
        return
    if cand.kind == "surname" and cand.gender and _gender_clash(builder, persons, cand):
        # "Ms. Thurman" is not Robert Thurman: a namesake of the other sex is someone else
        index = builder.entity(("Ms. " if cand.gender == "f" else "Mr. ") + cand.name, "person")
        builder.entities[index].gender = cand.gender
        builder.mention(index, cand.start, cand.end, role)
        return
    known = builder.by_name.get(name.replace("’", "'"))
    if known is not None and builder.entities[known].kind == "person" and cand.kind == "place" \
            and re.search(r"\b[Tt]he\s+$", text[max(0, cand.start - 4):cand.start]):
        known = None                 # "the Moon" is not Moon Jae-in, whatever "Moon said" meant
    if known is not None:
        index = known
        builder.alias(index, cand.name)
        builder.mention(index, cand.start, cand.end, role if builder.entities[index].kind == "person" else None)
        return
    if cand.kind in {"surname", "unknown"}:
        owner = _surname_owner(persons, cand.name, cand.start)
        if owner is not None:
            builder.alias(owner, cand.name)
            builder.mention(owner, cand.start, cand.end, role)
            return
        kind = singles.kind(cand.name) if cand.kind == "unknown" else "person"
        if kind is None:
            return
        index = builder.entity(cand.name, kind)
        builder.mention(index, cand.start, cand.end, role)
        return
    if cand.kind in {"organisation", "place"} and " " not in cand.name and not place_name(cand.name):
        # "the Clinton campaign" mentions Hillary Clinton; "in Sanders success" is no place
        owner = _surname_owner(persons, cand.name, cand.start)
        if owner is not None:            # "the Clinton campaign" mentions Hillary Clinton
            builder.alias(owner, cand.name)
            builder.mention(owner, cand.start, cand.end)
            return
    if cand.kind == "organisation":
        suffix_owner = _org_suffix_owner(builder, cand.name)
        index = suffix_owner if suffix_owner is not None else \
            builder.entity(METONYMS.get(name, name), "organisation")
        builder.alias(index, cand.name)
        builder.mention(index, cand.start, cand.end)
        return
    if cand.kind == "place" and " " not in cand.name and not _after_place_preposition(text, cand.start) \
            and not re.search(r"\b[Tt]he\s+$", text[max(0, cand.start - 4):cand.start]):
        owner = _surname_owner(persons, cand.name, cand.start)
        if owner is not None and _family_name_first(builder.entities[owner].name.split()):
            builder.alias(owner, cand.name)      # "Moon said": Moon Jae-in, not the Moon
            builder.mention(owner, cand.start, cand.end)
            return
    if cand.kind == "place" and cand.name in FORENAMES and not _after_place_preposition(text, cand.start):
        owners = [i for i, e in enumerate(builder.entities) if e.kind in {"person", "surname"}
                  and len(e.name.split()) > 1 and e.name.split()[0] == cand.name]
        if len(owners) == 1:             # "Chad and I" after "Chad Kroeger": his first name, not the country
            builder.alias(owners[0], cand.name)
            builder.mention(owners[0], cand.start, cand.end)
            return
    if cand.kind == "place":
        place = place_name(cand.name) or cand.name
        index = builder.entity(place, "place")
        builder.alias(index, cand.name)
        builder.mention(index, cand.start, cand.end)
        return
    index = builder.entity(cand.name, cand.kind)
    builder.mention(index, cand.start, cand.end, role)


def _gender_clash(builder: _Builder, persons: Surnames, cand: Candidate) -> bool:
    owner = builder.by_name.get(cand.name.replace("’", "'"))
    if owner is None:
        owner = _surname_owner(persons, cand.name, cand.start)
    if owner is None:
        return False
    first = builder.entities[owner].name.split()[0]
    known = "f" if first in FEMALE_NAMES else "m" if first in MALE_NAMES else None
    return known is not None and known != cand.gender


def _org_suffix_owner(builder: _Builder, name: str) -> int | None:
    """An earlier organisation whose name ends with this one ("Foreign Ministry" of "Russian Foreign Ministry")."""
    if len(name.split()) < 2:
        return None
    index = builder.org_suffixes.get(name)
    return index if index is not None and builder.entities[index].kind == "organisation" else None


def _acronym_definitions(text: str, candidates: list[Candidate]) -> dict[str, str]:
    """ACR -> Long Name for every "Long Name (ACR)" whose initials fit."""
    found: dict[str, str] = {}
    for cand in candidates:
        match = _DEFINITION.match(text, cand.end)   # "Goldman (GS) said": a ticker after one word, too
        if not match:
            continue
        acronym = match.group(1)
        initials = "".join(word[0] for word in cand.name.split() if word[0].isupper())
        if acronym.replace(".", "")[0] == initials[0] and acronym not in found:
            found[acronym] = cand.name
    return found


# "the military" of "the Israeli army", "the airline" of "American Airlines": the noun a story calls a body by.
_BACKREF_SYNONYMS = {"military": frozenset({"army", "forces", "military"}), "army": frozenset({"forces", "military"}),
                     "airline": frozenset({"airlines", "airways"})}


def _add_backrefs(builder: _Builder, text: str) -> None:
    """Resolve "the ministry" to the latest organisation whose name holds that word."""
    org_mentions = sorted((m.start, m.entity) for m in builder.mentions
                          if builder.entities[m.entity].kind == "organisation")
    starts = [start for start, _ in org_mentions]
    for match in _BACKREF.finditer(text):
        noun = match.group(1).lower()
        after = text[match.end():match.end() + 2]
        if after[:1] in {"’", "'"} and after not in {"’s", "'s"}:
            continue
        index = bisect.bisect_left(starts, match.start()) - 1
        while index >= 0:
            entity = builder.entities[org_mentions[index][1]]
            words = entity.name.lower().split()
            if noun in words or (noun == "organisation" and "organization" in words) \
                    or (len(words) > 1 and words[-1] in _BACKREF_SYNONYMS.get(noun, ())):
                builder.alias(org_mentions[index][1], match.group().lower())
                builder.mention(org_mentions[index][1], match.start(), match.end())
                break
            index -= 1
