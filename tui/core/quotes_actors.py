"""Rule-based actor finder: people, organisations and places named in an article, with their mentions."""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field

from tui.core.quotes_lexicon import (
    COMPASS_WORDS,
    CUE_FILLERS,
    CUE_WORDS,
    DATE_WORDS,
    DEMONYMS,
    FEMALE_NAMES,
    FEMALE_ROLE_WORDS,
    HONORIFICS,
    INSTITUTION_NOUNS,
    MALE_NAMES,
    MALE_ROLE_WORDS,
    METONYMS,
    NAME_CONNECTORS,
    NAME_SUFFIXES,
    NOT_ACRONYMS,
    ORG_BACKREF_NOUNS,
    ORG_ENDINGS,
    ORG_HEADS,
    ORG_NOUNS_AFTER,
    PLACE_ACRONYMS,
    PLACE_PREPOSITIONS,
    PLACES,
    ROLE_NOUNS,
    STOP_CAPS,
    TITLE_WORDS,
)

_CAPWORD = r"(?:[A-Z]\.(?:[A-Z]\.)+|[A-Z][a-z]{0,3}\.(?=[ \t]+[A-Z])|[A-Z][\w&]*(?:[-’'][A-Za-z]\w*)*)"
_CONNECT = "|".join(sorted(NAME_CONNECTORS, key=len, reverse=True))
_CHUNK = re.compile(rf"(?<![\w’'-]){_CAPWORD}(?:[ \t]+(?:(?:{_CONNECT})(?:[ \t]+the)?[ \t]+)?{_CAPWORD})*")
_POSSESSIVE = re.compile(r"[’']s?$")
_ABBREVIATIONS = {"Mr", "Mrs", "Ms", "Dr", "St", "Jr", "Sr", "Gen", "Sen", "Rep", "Gov", "Lt", "Col", "Capt",
                  "Sgt", "No", "vs", "Inc", "Corp", "Co", "Ltd", "Prof", "Rev", "Adm", "Mt", "Ft", "U.S", "a.m",
                  "p.m", "Jan", "Feb", "Aug", "Sept", "Sep", "Oct", "Nov", "Dec"}
_ROLE_BEFORE = re.compile(
    r"(?:\b(?:the|a|an)\s+)?((?:[A-Z][\w’'.-]*\s+){0,4}(?:[a-z][\w-]*\s+){0,2}(?:%s))(?:,)?\s+$"
    % "|".join(sorted(ROLE_NOUNS, key=len, reverse=True))
)
_ROLE_AFTER = re.compile(r",\s+(?:the|a|an)\s+([^,.;:“”\"()]{3,110}?)(?=,|\.|;|\s+(?:said|says|told|added)\b)")
_DATELINE = re.compile(r"^[A-Z][A-Z .,'’-]{2,40}\(([A-Z][\w .&-]{1,40})\)\s*[—–-]")
_DEFINITION = re.compile(r"\s*\(([A-Z][A-Za-z&.]{1,9})\)")
_BACKREF = re.compile(r"\b[Tt]he\s+(%s)\b" % "|".join(sorted(ORG_BACKREF_NOUNS, key=len, reverse=True)))


@dataclass
class Entity:
    """A mutable actor under construction."""

    name: str
    kind: str
    role: str | None = None
    aliases: set[str] = field(default_factory=set)
    spans: list[tuple[int, int]] = field(default_factory=list)
    gender: str | None = None    # "f" or "m" when the text or a first name says so


@dataclass(frozen=True)
class Mention:
    """One place in the text where an entity is named (or referred back to)."""

    start: int
    end: int
    entity: int


@dataclass
class Candidate:
    """A capitalised name found in the text, before entities are merged."""

    name: str
    start: int
    end: int
    kind: str            # person | organisation | place | surname | unknown
    role: str | None
    sentence_initial: bool
    gender: str | None = None
    headline: bool = False


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

    def last_before(self, pos: int, kinds: set[str], excluded: list[tuple[int, int]] = (),
                    gender: str | None = None) -> int | None:
        """The entity of the latest mention of one of kinds ending before pos, outside excluded spans."""
        index = bisect.bisect_left(self._starts, pos) - 1
        while index >= 0:
            mention = self.mentions[index]
            entity = self.entities[mention.entity]
            if mention.end <= pos and entity.kind in kinds and (gender is None or entity.gender in {None, gender}):
                if not any(a <= mention.start < b for a, b in excluded):
                    return mention.entity
            index -= 1
        return None


def is_sentence_initial(text: str, pos: int, floor: int = 0) -> bool:
    """True when pos opens a sentence: after paragraph start, . ? ! : or an opening quote mark."""
    index = pos - 1
    while index >= floor and text[index] in " \t“\"‘'(«[":
        index -= 1
    if index < floor or text[index] == "\n":
        return True
    if text[index] in "?!:":
        return True
    if text[index] in "”’\"'»)" and index > 0 and text[index - 1] in ".?!":
        return True
    if text[index] == ".":
        word = re.search(r"([\w.]+)\.$", text[max(0, index - 12):index + 1])
        if word and (word.group(1) in _ABBREVIATIONS or re.fullmatch(r"[A-Z]", word.group(1))):
            return False
        return True
    return False


def _is_acronym(token: str) -> bool:
    bare = token.replace(".", "").replace("&", "")
    return (2 <= len(bare) <= 6 and bare.isupper() and bare.isalpha() and token not in NOT_ACRONYMS
            and token not in PLACE_ACRONYMS and bare not in PLACE_ACRONYMS)


def _place_name(name: str) -> str | None:
    if name in PLACES:
        return name
    titled = name.title()
    if name.isupper() and titled in PLACES:
        return titled
    return None


def _is_name_token(token: str) -> bool:
    if token in NAME_SUFFIXES or token in NAME_CONNECTORS:
        return True
    if re.fullmatch(r"[A-Z]\.", token):
        return True
    return bool(re.fullmatch(r"(?:Mc|Mac|O[’'])?[A-Z][a-zà-ÿ’'-]+(?:-[A-Z][a-zà-ÿ]+)*", token))


def _split_title(tokens: list[str]) -> tuple[list[str], list[str]]:
    """Split leading titles and honorifics ("Prime Minister", "Mr.") from the name tokens."""
    index = 0
    while index < len(tokens) - 1:
        token = tokens[index]
        if token in TITLE_WORDS or token in HONORIFICS or (token in DEMONYMS and tokens[index + 1] in TITLE_WORDS):
            index += 1
        elif token in {"of", "for"} and index > 0 and index + 2 < len(tokens) and tokens[index - 1] in TITLE_WORDS:
            index += 2           # "Secretary of State John Kerry"
        else:
            break
    return tokens[:index], tokens[index:]


def _classify(tokens: list[str], next_word: str, prev_word: str) -> str:
    name = " ".join(tokens)
    if name in METONYMS:
        return "organisation"
    if tokens[-1] in ORG_ENDINGS or (tokens[0] in ORG_HEADS and "of" in tokens):
        return "organisation"
    if next_word in ORG_NOUNS_AFTER:
        return "organisation"
    if _place_name(name):
        return "place"
    if len(tokens) == 1:
        if _is_acronym(tokens[0]):
            return "organisation"
        if prev_word in PLACE_PREPOSITIONS:
            return "place"
        return "unknown"
    if tokens[0] in COMPASS_WORDS and _place_name(" ".join(tokens[1:])):
        return "place"
    if any(_is_acronym(token) for token in tokens):
        return "organisation"
    if len(tokens) <= 5 and all(_is_name_token(token) for token in tokens):
        return "person"
    return "organisation"


def _word_after(text: str, end: int) -> str:
    match = re.match(r"[ \t]+([a-z][\w-]*)", text[end:end + 30])
    return match.group(1) if match else ""


def _word_before(text: str, start: int) -> str:
    match = re.search(r"(\w+)[ \t]+$", text[max(0, start - 30):start])
    return match.group(1) if match else ""


def _role_before(text: str, start: int) -> str | None:
    window = text[max(0, start - 90):start]
    window = window[window.rfind("\n") + 1:]
    match = _ROLE_BEFORE.search(window)
    if not match:
        return None
    role = match.group(1).strip()
    words = role.split()
    while words and (words[0] in STOP_CAPS or words[0].lower() in {"the", "a", "an"}):
        words = words[1:]
    return " ".join(words) or None


def _role_after(text: str, end: int) -> str | None:
    match = _ROLE_AFTER.match(text, end, min(len(text), end + 130))
    if not match:
        return None
    role = match.group(1).strip()
    if not any(word.lower().strip("’'s") in ROLE_NOUNS for word in role.split()):
        return None
    return role


def _is_demonym_token(token: str, next_word: str) -> bool:
    if token in DEMONYMS or token.rstrip("s") in DEMONYMS:
        return True
    if "-" in token:
        parts = token.split("-")
        return any(part in DEMONYMS or part.islower() for part in parts)
    return False


def _candidates_in_chunk(text: str, start: int, end: int, floor: int) -> list[Candidate]:
    """Turn one capitalised run into name candidates (splitting at possessives)."""
    pieces: list[list[tuple[str, int, int]]] = [[]]
    for match in re.finditer(r"\S+", text[start:end]):
        token, t_start, t_end = match.group(), start + match.start(), start + match.end()
        possessive = _POSSESSIVE.search(token) if len(token) > 2 else None
        if possessive and token[-2:] in {"’s", "'s"}:
            pieces[-1].append((token[:-2], t_start, t_end - 2))
            pieces.append([])
        else:
            pieces[-1].append((token, t_start, t_end))
    result: list[Candidate] = []
    previous: Candidate | None = None
    for piece in pieces:
        candidate = _candidate_from_tokens(text, piece, floor)
        if candidate is None:
            previous = None
            continue
        if previous is not None and previous.kind == "organisation" and candidate.kind == "organisation" \
                and _is_acronym(previous.name) and text[previous.end:candidate.start].strip() in {"’s", "'s"}:
            candidate = Candidate(f"{previous.name} {candidate.name}", candidate.start, candidate.end,
                                  "organisation", None, False)
        result.append(candidate)
        previous = candidate
    return result


def _candidate_from_tokens(text: str, piece: list[tuple[str, int, int]], floor: int) -> Candidate | None:
    while piece and (piece[0][0] in STOP_CAPS or piece[0][0] in DATE_WORDS or piece[0][0] in NAME_CONNECTORS):
        piece = piece[1:]
    while piece and (piece[-1][0] in DATE_WORDS or piece[-1][0] in NAME_CONNECTORS or piece[-1][0] in STOP_CAPS):
        piece = piece[:-1]
    if not piece or any(token in DATE_WORDS for token, _, _ in piece):
        return None
    start, end = piece[0][1], piece[-1][2]
    tokens = [token for token, _, _ in piece]
    next_word, prev_word = _word_after(text, end), _word_before(text, start)
    initial = is_sentence_initial(text, start, floor)
    if len(tokens) == 1 and _is_demonym_token(tokens[0], next_word):
        if next_word in INSTITUTION_NOUNS and tokens[0] in DEMONYMS:
            return Candidate(f"{tokens[0]} {next_word}", start, end + 1 + len(next_word), "organisation", None, initial)
        return None
    kind = _classify(tokens, next_word, prev_word)
    role = None
    gender = None
    if kind in {"person", "unknown"}:
        titles, rest = _split_title(tokens)
        if titles and rest:
            offset = piece[len(titles)][1]
            start, tokens = offset, rest
            plain = [t for t in titles if t not in HONORIFICS]
            role = " ".join(plain) or None
            gender = _gender_of_titles(titles)
            kind = "person" if len(rest) > 1 or titles else kind
            if len(rest) == 1:
                kind = "surname"
        elif titles and not rest:
            return None
        if kind == "person" and all(t in TITLE_WORDS or t in HONORIFICS for t in tokens):
            return None
    return Candidate(" ".join(tokens), start, end, kind, role, initial, gender)


def _gender_of_titles(titles: list[str]) -> str | None:
    lowered = {t.lower().rstrip(".") for t in titles}
    if lowered & {"mrs", "ms", "miss", "madam", "mme", "queen", "princess", "lady", "dame"}:
        return "f"
    if lowered & {"mr", "sir", "king", "prince", "lord"}:
        return "m"
    return None


def _gender_of(entity: Entity) -> str | None:
    first = entity.name.split()[0]
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


def _is_headline(line: str) -> bool:
    """Title-case or upper-case lines (headlines, section heads) hold phrases, not names."""
    stripped = line.strip()
    words = re.findall(r"[A-Za-z][\w’'-]*", stripped)
    long_words = [w for w in words if len(w) > 3]
    if len(words) < 4 or len(long_words) < 3 or stripped.endswith("."):
        return False
    capitalised = sum(1 for w in long_words if w[0].isupper())
    return capitalised >= 0.8 * len(long_words)


def _find_candidates(text: str) -> list[Candidate]:
    candidates: list[Candidate] = []
    for p_match in re.finditer(r"[^\n]+", text):
        line_start, line = p_match.start(), p_match.group()
        if _is_call_to_action(line):
            continue
        headline = _is_headline(line)
        dateline = _DATELINE.match(line.lstrip())
        if dateline:
            offset = line_start + len(line) - len(line.lstrip()) + dateline.start(1)
            candidates.append(Candidate(dateline.group(1).strip(), offset, offset + len(dateline.group(1).strip()),
                                        "organisation", None, False))
        for match in _CHUNK.finditer(text, line_start, p_match.end()):
            if dateline and line_start + len(line) - len(line.lstrip()) + dateline.start(1) <= match.start() \
                    < line_start + len(line) - len(line.lstrip()) + dateline.end(1):
                continue
            found = _candidates_in_chunk(text, match.start(), match.end(), line_start)
            if headline:
                for cand in found:
                    cand.headline = True
            candidates.extend(found)
    return candidates


def _is_call_to_action(line: str) -> bool:
    """Short newsletter/boilerplate lines ("Get the Mirror in your inbox:") carry no actors."""
    stripped = line.strip()
    return len(stripped) < 80 and stripped.endswith(":") and not re.search(r"[.?!]", stripped[:-1])


def _is_cue_subject(text: str, end: int) -> bool:
    """Whether a name is followed by a reporting verb ("Xinhua, the official news agency, wrote")."""
    window = text[end:end + 160]
    appositive = re.match(r",[^,.;:“”\"]{3,110},", window)
    if appositive:
        window = window[appositive.end():]
    words = re.findall(r"[A-Za-z’']+", window[:60])[:4]
    for word in words:
        if word in CUE_WORDS:
            return True
        if word not in CUE_FILLERS:
            return False
    return False


class _Builder:
    """Merges candidates into entities in reading order."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.entities: list[Entity] = []
        self.by_name: dict[str, int] = {}
        self.mentions: list[Mention] = []

    def entity(self, name: str, kind: str) -> int:
        key = name.replace("’", "'")
        if key not in self.by_name:
            self.by_name[key] = len(self.entities)
            self.entities.append(Entity(name, kind))
        index = self.by_name[key]
        if self.entities[index].kind in {"unknown", "surname"} and kind not in {"unknown", "surname"}:
            self.entities[index].kind = kind
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


def _surname_owner(builder: _Builder, persons: list[tuple[int, int, str]], name: str, pos: int) -> int | None:
    """The person whose name ends (or starts) with this single word, preferring the latest before pos."""
    best: int | None = None
    for first_pos, index, full in persons:
        parts = [p for p in full.split() if p not in NAME_SUFFIXES]
        if parts and (parts[-1] == name or (len(parts) > 2 and name in parts[1:])):
            if best is None or first_pos <= pos:
                best = index
    return best


def build_actors(text: str) -> ActorIndex:
    """Find every actor and mention in text."""
    builder = _Builder(text)
    candidates = _find_candidates(text)
    body_names = {c.name for c in candidates if not c.headline}
    candidates = [c for c in candidates if not c.headline or c.name in body_names or " " not in c.name]
    org_names = {c.name for c in candidates if c.kind == "organisation"}
    for cand in candidates:
        if cand.kind == "person" and cand.name in org_names:
            cand.kind, cand.role = "organisation", None
    full_people = [(c.start, c.name) for c in candidates if c.kind == "person" and len(c.name.split()) > 1]
    persons: list[tuple[int, int, str]] = []
    for first_pos, name in full_people:
        index = builder.entity(name, "person")
        if all(p[1] != index for p in persons):
            persons.append((first_pos, index, name))
    persons.sort()
    definitions = _acronym_definitions(text, candidates)
    single_counts: dict[str, int] = {}
    for cand in candidates:
        if cand.kind in {"unknown", "surname"}:
            single_counts[cand.name] = single_counts.get(cand.name, 0) + 1
    for cand in candidates:
        _place_candidate(builder, cand, persons, definitions, single_counts)
        if cand.gender and cand.name.replace("’", "'") in builder.by_name:
            builder.entities[builder.by_name[cand.name.replace("’", "'")]].gender = cand.gender
    _add_backrefs(builder, text)
    entities = builder.entities
    for entity in entities:
        if entity.kind == "surname":
            entity.kind = "person"
        if entity.kind == "person" and entity.gender is None:
            entity.gender = _gender_of(entity)
    keep = [i for i, e in enumerate(entities) if e.spans and e.kind != "unknown"]
    remap = {old: new for new, old in enumerate(keep)}
    mentions = [Mention(m.start, m.end, remap[m.entity]) for m in builder.mentions if m.entity in remap]
    return ActorIndex([entities[i] for i in keep], mentions)


def _place_candidate(builder: _Builder, cand: Candidate, persons: list[tuple[int, int, str]],
                     definitions: dict[str, str], single_counts: dict[str, int]) -> None:
    text = builder.text
    role = cand.role or (_role_before(text, cand.start) if cand.kind in {"person", "surname"} else None)
    if cand.kind in {"person", "surname"} and not role:
        role = _role_after(text, cand.end)
    name = definitions.get(cand.name, cand.name)
    if name in builder.by_name or name.replace("’", "'") in builder.by_name:
        index = builder.by_name[name.replace("’", "'")]
        builder.alias(index, cand.name)
        builder.mention(index, cand.start, cand.end, role if builder.entities[index].kind == "person" else None)
        return
    if cand.kind in {"surname", "unknown"}:
        owner = _surname_owner(builder, persons, cand.name, cand.start)
        if owner is not None:
            builder.alias(owner, cand.name)
            builder.mention(owner, cand.start, cand.end, role)
            return
        if cand.kind == "unknown" and cand.sentence_initial and not _is_cue_subject(text, cand.end) \
                and single_counts.get(cand.name, 0) < 2:
            return
        if cand.kind == "unknown":
            if _is_cue_subject(text, cand.end):
                kind = "person"
            elif single_counts.get(cand.name, 0) >= 3:
                kind = "organisation"
            else:
                return
        else:
            kind = "person"
        index = builder.entity(cand.name, kind)
        builder.mention(index, cand.start, cand.end, role)
        return
    if cand.kind == "organisation":
        index = _org_suffix_owner(builder, cand.name)
        if index is None:
            index = builder.entity(METONYMS.get(name, name), "organisation")
        builder.alias(index, cand.name)
        builder.mention(index, cand.start, cand.end)
        return
    if cand.kind == "place":
        place = _place_name(cand.name) or cand.name
        index = builder.entity(place, "place")
        builder.alias(index, cand.name)
        builder.mention(index, cand.start, cand.end)
        return
    index = builder.entity(cand.name, cand.kind)
    builder.mention(index, cand.start, cand.end, role)


def _org_suffix_owner(builder: _Builder, name: str) -> int | None:
    """An earlier organisation whose name ends with this one ("Foreign Ministry" of "Russian Foreign Ministry")."""
    if len(name.split()) < 2:
        return None
    for index, entity in enumerate(builder.entities):
        if entity.kind == "organisation" and entity.name.endswith(" " + name):
            return index
    return None


def _acronym_definitions(text: str, candidates: list[Candidate]) -> dict[str, str]:
    """ACR -> Long Name for every "Long Name (ACR)" whose initials fit."""
    found: dict[str, str] = {}
    for cand in candidates:
        if len(cand.name.split()) < 2:
            continue
        match = _DEFINITION.match(text, cand.end)
        if not match:
            continue
        acronym = match.group(1)
        initials = "".join(word[0] for word in cand.name.split() if word[0].isupper())
        if acronym.replace(".", "")[0] == initials[0] and acronym not in found:
            found[acronym] = cand.name
    return found


def _add_backrefs(builder: _Builder, text: str) -> None:
    """Resolve "the ministry" to the latest organisation whose name holds that word."""
    org_mentions = sorted((m.start, m.entity) for m in builder.mentions
                          if builder.entities[m.entity].kind == "organisation")
    starts = [start for start, _ in org_mentions]
    for match in _BACKREF.finditer(text):
        noun = match.group(1).lower()
        if match.end() < len(text) and text[match.end()] in "’'" and text[match.end():match.end() + 2] not in {"’s", "'s"}:
            continue
        index = bisect.bisect_left(starts, match.start()) - 1
        while index >= 0:
            entity = builder.entities[org_mentions[index][1]]
            if noun in entity.name.lower().split() or (noun == "organisation" and "organization" in entity.name.lower()):
                builder.alias(org_mentions[index][1], match.group().lower() if match.group()[0] == "T" else match.group())
                builder.mention(org_mentions[index][1], match.start(), match.end())
                break
            index -= 1
