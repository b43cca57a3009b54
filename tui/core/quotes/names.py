"""Name candidates for the actor finder: capitalised runs split into titles, names and kinds."""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from tui.core.quotes.forenames import FORENAMES
from tui.core.quotes.lexicon import (
    COMPASS_WORDS,
    CUE_FILLERS,
    CUE_WORDS,
    DATE_WORDS,
    DEMONYMS,
    FEMALE_NAMES,
    HONORIFICS,
    INSTITUTION_NOUNS,
    KNOWN_ORGANISATIONS,
    MALE_NAMES,
    METONYMS,
    NAME_CONNECTORS,
    NAME_SUFFIXES,
    NOT_ACRONYMS,
    ORG_ENDINGS,
    ORG_HEADS,
    ORG_NOUNS_AFTER,
    ORG_NOUNS_BEFORE,
    PLACE_ACRONYMS,
    PLACE_PREPOSITIONS,
    PLACES,
    PORTFOLIO_WORDS,
    ROLE_NOUNS,
    STOP_CAPS,
    TITLE_WORDS,
)

_ABBREVIATED = "Mr|Mrs|Ms|Dr|Gov|Sen|Rep|Gen|Lt|Col|Capt|Sgt|Adm|Cmdr|Maj|Jr|Sr|St|Ft|Mt|Rev|Prof|Hon|Atty|Pres|Sec|Det"
_CAPWORD = (rf"(?:[A-Z]\.(?:[A-Z]\.)+|(?:{_ABBREVIATED}|[A-Z])\.(?=[ \t]+[A-Z])|"
            r"[A-Z][\w&]*(?:[-’'][A-Za-z]\w*)*)")
_CONNECT = "|".join(sorted(NAME_CONNECTORS, key=len, reverse=True))
_CHUNK = re.compile(rf"(?<![\w’'-]){_CAPWORD}(?:[ \t]+(?:(?:{_CONNECT})(?:[ \t]+the)?[ \t]+)?{_CAPWORD})*")
_PLACE_ENDINGS = {"County", "City", "Province", "Island", "Islands", "Valley", "River", "Lake", "Mountains",
                  "Falls", "Springs", "Hills", "Rapids", "Creek", "Basin", "Canyon", "Coast", "Forest", "Gorge",
                  "Beach", "Bay", "Peninsula", "Strait", "Sea", "Ocean", "Desert", "Heights", "Township"}
_ROLE_OPENERS = frozenset(
    "singer actor actress rapper star eyewitness witness spokesman spokeswoman spokesperson director producer "
    "comedian model designer chef author writer novelist columnist host presenter coach player striker "
    "goalkeeper quarterback pitcher driver teammate officer sheriff deputy lawyer attorney analyst economist "
    "editor correspondent reporter journalist photographer secretary-general chairman chairwoman commissioner "
    "expert professor dr doctor survivor resident veteran owner founder ceo manager agent".split())
# Words that make a capitalised run a work, an event, a law or a product: no actor at all.
_NOT_ACTOR_WORDS = frozenset(
    "Show Series Olympics Games Cup Championship Championships Awards Award Festival Fiction Oddity Act Bill Law "
    "Treaty Accord Agreement Day Week Month Year Season Tour Album Song Film Movie Book Novel Edition Prize "
    "Trophy Open Grand Prix Bowl Stage Caption Image Images Photo Photos Video Getty Hide Enlarge Close "
    "Newsletter Sign Continue Please Click Share Subscribe "
    "Store Pixel iPhone Galaxy Engine Core Chrome Windows Android Parade Marathon Flight Mission Rocket Probe "
    "Lander Rover Satellite Heavy Index Model".split())
_CREDIT_WORDS = frozenset("Reuters AFP AP EPA Getty Splash Rex Shutterstock Barcroft Alamy PA".split())
_LONE_WORDS = frozenset("People Republic Authorities Officials Everyone Everybody Nobody Someone Somebody Anyone "
                        "Game Games Promenade Stage News Media "
                        "Watch Must Manager Coach Diplomats Officials Police Sources Experts Analysts".split())
# Organisation words too generic to name one alone ("Company", "Group"); brand names (Reuters) are not here.
_GENERIC_ORG_WORDS = frozenset(
    "Ministry Party Organization Organisation Union Committee Council Commission Agency Department Bureau Institute "
    "Institution University College School Association Assembly Court Bank Corporation Company Group Foundation "
    "Fund Federation League Alliance Coalition Service Services Office Administration Board Authority Force Forces "
    "Guard Center Centre Society Church Club Campaign Movement Front Network Project Program Programme Initiative "
    "Conference Convention Forum Summit Exchange Lab Laboratory Hospital Clinic Academy Museum Library Unit Squad "
    "Community Industry Report Poll Polling Research Strategies Consulting Analytics Systems Technologies "
    "Industries Holdings Partners Trust Media Channel Radio Television Press Review Magazine Weekly Daily".split())
_PLACE_OPENERS = frozenset("Cape Mount Lake Fort Gulf Mt. Port".split())
# Last words that make a capitalised run a place ("Harrington Road", "Croydon Town Hall").
FACILITY_WORDS = frozenset(
    "Road Street Avenue Ave AVE St Boulevard Blvd Lane Drive Square Plaza Park Bridge Airport Station Hall "
    "Stadium Arena Field Hotel Mall Tower Towers Building Palace Castle Cathedral Beach Harbour "
    "Harbor Port Highway Motorway Freeway Tunnel Promenade Peninsula Side Gate Terminal Pier Platform".split())
_PORTFOLIOS = frozenset("Foreign Home Interior Defence Defense Finance Justice Health Education Trade Environment "
                        "Transport Energy Agriculture Labour Labor Economy Culture Treasury".split())
# Words that make a building of a name wherever they stand: "Hyatt Regency Nice", "Mandalay Bay Resort".
_LODGING_WORDS = frozenset("Hotel Regency Resort Inn Suites Casino Hilton Marriott Hyatt Sheraton".split())
_CONTRACTION = re.compile(r"[’'](?:m|re|ve|ll|d|t)$")
_POSSESSIVE = re.compile(r"[’']s?$")
_ABBREVIATIONS = {"Mr", "Mrs", "Ms", "Dr", "St", "Jr", "Sr", "Gen", "Sen", "Rep", "Gov", "Lt", "Col", "Capt",
                  "Sgt", "No", "vs", "Inc", "Corp", "Co", "Ltd", "Prof", "Rev", "Adm", "Mt", "Ft", "U.S", "a.m",
                  "p.m", "Jan", "Feb", "Aug", "Sept", "Sep", "Oct", "Nov", "Dec"}
_ROLE_BEFORE = re.compile(
    r"(?:\b(?:the|a|an)\s+)?((?:[A-Z][\w’'.-]*\s+){0,4}(?:[a-z][\w-]*\s+){0,2}(?:%s))(?:,)?\s+$"
    % "|".join(sorted(ROLE_NOUNS, key=len, reverse=True))
)
_ROLE_AFTER = re.compile(r",\s+(?:the|a|an)\s+([^,.;:“”\"()]{3,110}?)(?=,|\.|;|\s+(?:said|says|told|added)\b)")
_MODIFIER = re.compile(r"[A-Z][\w.]*(?:-[A-Z][\w.]*)*-(?:based|backed|led|born|run|owned|linked|funded|controlled|"
                       r"allied|aligned|affiliated|registered|listed|headquartered|focused|supported)")
_PERSON_CONNECTIVES = {"of", "for", "on"}
# "A journalist for Agence France-Presse", "a reporter with the Rodong Sinmun": the press works for an outlet.
_PRESS_FOR = re.compile(r"\b(?:journalist|reporter|correspondent|editor|columnist|writer|photographer|anchor|"
                        r"contributor|critic)s?[ \t]+(?:for|at|with|of)[ \t]+(?:the[ \t]+)?$")
# "the regional daily Nice Matin", "the tabloid Bild": a paper's kind before its name.
_PAPER_BEFORE = re.compile(r"\b(?:[Tt]he|[Aa])[ \t]+(?:[a-z-]+[ \t]+){0,2}(?:daily|tabloid|paper|weekly|magazine|"
                           r"website|broadsheet|station)[ \t]+$")
_ROLE_AT = re.compile(r"\b(?:%s)(?:\s+of\s+[a-z][\w-]*(?:\s+[a-z][\w-]*)?)?\s+at\s+(?:the\s+)?(?:[\w’'-]+\s+){0,2}$"
                      % "|".join(sorted(ROLE_NOUNS, key=len, reverse=True)))
_ORG_NOUN_BEFORE = re.compile(r"(?:^|[^\w’'-])(?:[\w’'-]+\s+){0,2}(?<![\w’'])(?:%s)\s+$"
                              % "|".join(sorted(ORG_NOUNS_BEFORE, key=len, reverse=True)))
_INSTITUTION = re.compile(r"[ \t]+(?:(%s)[ \t]+)?(%s)\b" % ("|".join(sorted(PORTFOLIO_WORDS)),
                                                            "|".join(sorted(INSTITUTION_NOUNS))))
# "ALMATY —": the upper-case place that opens a wire story is a dateline, not an organisation.
_DATELINE_TAIL = (r"(?:,[ \t]*[A-Z][a-z]+\.?)?(?:,?[ \t]*[A-Z][a-z]{2,8}\.?[ \t]+\d{1,2})?,?[ \t]*"
                  r"(?:\([^()\n]{1,40}\)[ \t]*)?(?:[—–]|-[ \t])")
_CAPS_DATELINE = re.compile(r"[A-Z][A-Z.’'/-]*[A-Z.](?:[ \t]+[A-Z][A-Z.’'/-]*[A-Z.]){0,3}(?=%s)" % _DATELINE_TAIL)
_STORY_LABELS = {"EXCLUSIVE", "BREAKING", "BREAKING NEWS", "UPDATE", "UPDATED", "WATCH", "LIVE", "ANALYSIS",
                 "OPINION", "EDITORIAL", "COMMENTARY", "REVIEW", "PHOTOS", "VIDEO", "FACT CHECK", "NEW", "CORRECTION"}
_DATELINE = re.compile(r"^[A-Z][A-Z .,/'’-]{2,40}(?:[A-Z][a-z]+\.?,[ \t]*)?(?:[A-Z][a-z]{2,8}\.?[ \t]+\d{1,2}[ \t]*)?"
                       r"\(([A-Z][\w .&-]{1,40})\)\s*[—–-]")

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


def is_acronym(token: str) -> bool:
    bare = token.replace(".", "").replace("&", "")
    return (2 <= len(bare) <= 6 and bare.isupper() and bare.isalpha() and token not in NOT_ACRONYMS
            and token not in PLACE_ACRONYMS and bare not in PLACE_ACRONYMS)


def place_name(name: str) -> str | None:
    if name in PLACES:
        return name
    titled = name.title()
    if name.isupper() and titled in PLACES:
        return titled
    return None


def place_shaped(words: list[str]) -> bool:
    """A name shaped like a place: "Cook County", "Harrington Road", "Cape Canaveral", "North Wales", "U.K."."""
    return bool(words) and (
        (len(words) > 1 and (words[-1] in _PLACE_ENDINGS or words[-1] in FACILITY_WORDS or words[0] in _PLACE_OPENERS
                             or (words[0] in COMPASS_WORDS and place_name(" ".join(words[1:])) is not None)))
        or " ".join(words) in PLACE_ACRONYMS)


def _is_name_token(token: str) -> bool:
    if token in NAME_SUFFIXES or token in NAME_CONNECTORS:
        return True
    if re.fullmatch(r"[A-Z]\.", token):
        return True
    # "DeAndre", "LeBron", "DiMartino", "McCarthy": a name's prefix before a capital
    return bool(re.fullmatch(r"(?:Mc|Mac|O[’']|De|Le|La|Da|Di|Du|Ja)?[A-Z][a-zà-ÿ’'-]+(?:-[A-Z][a-zà-ÿ]+)*", token))


def _initials_name(tokens: list[str]) -> bool:
    """"J.J. Abrams", "A.Q. Shipley": initials, then a surname (not "U.S. Army")."""
    return 2 <= len(tokens) <= 3 and re.fullmatch(r"(?:[A-Z]\.){2,3}", tokens[0]) is not None \
        and tokens[0] not in PLACE_ACRONYMS and tokens[0].replace(".", "") not in PLACE_ACRONYMS \
        and all(_is_name_token(t) and t not in ORG_ENDINGS and not place_name(t) for t in tokens[1:])


def _split_title(tokens: list[str]) -> tuple[list[str], list[str]]:
    """Split the titles before a name ("White House Press Secretary", "Mr.") from the name tokens."""
    last = -1
    for index, token in enumerate(tokens[:-1]):
        if token in TITLE_WORDS or token in HONORIFICS:
            last = index
    if last < 0:
        return [], tokens
    prefix = tokens[:last + 1]
    if tokens[last + 1] in _PLACE_ENDINGS:
        return [], tokens            # "King County", "Queen City": a place's name, not a title before one
    if any(t in FEMALE_NAMES or t in MALE_NAMES for t in prefix if t not in TITLE_WORDS):
        return [], tokens            # "Martin Luther King Jr." keeps its "King"
    if prefix[-1] in {"Major", "General"} and tokens[last + 1].startswith(("League", "Motors", "Assembly",
                                                                           "Electric", "Mills", "Hospital")):
        return [], tokens            # "Major Leagues", "General Motors": a name, not a rank
    return prefix, tokens[last + 1:]


def _before_of(tokens: list[str]) -> list[str]:
    """"Bernie Sanders of Vermont" -> "Bernie Sanders": a person's "of PLACE" is no part of the name."""
    index = _person_connective(tokens)
    if index is not None:
        return tokens[:index]
    if "of" not in tokens:
        return tokens
    head = tokens[:tokens.index("of")]
    if head and head[-1] in ORG_ENDINGS:
        return tokens                # "National Bank of Georgia" is one name
    return head if head and all(_is_name_token(t) for t in head) else tokens


def _is_strong_org(tokens: list[str]) -> bool:
    name = " ".join(tokens)
    return (name in METONYMS or tokens[-1] in ORG_ENDINGS or _org_head_of(tokens)
            or (len(tokens) == 1 and is_acronym(tokens[0])))


def _org_head_of(tokens: list[str]) -> bool:
    """"Ministry of Defence", "National Bank of Georgia": an organisation noun before "of"."""
    joint = next((t for t in tokens if t in {"of", "for"}), None)
    if joint is None:
        return False
    head = tokens[:tokens.index(joint)]       # "Ministry of Defence", "Center for Global Policy"
    return bool(head) and (head[0] in ORG_HEADS or head[-1] in ORG_ENDINGS)


def _classify(tokens: list[str], next_word: str, prev_word: str) -> str:
    name = " ".join(tokens)
    if name in METONYMS and len(tokens) > 1 and tokens[-1] in _PLACE_ENDINGS:
        return "place"                   # "Silicon Valley": a region, whatever else it stands for
    if name in METONYMS:
        return "organisation"
    if name in PLACE_ACRONYMS or name in PLACES:
        return "place"                   # "U.S.", "UK", "West Bank" (not a bank)
    if len(tokens) == 2 and tokens[0] in FORENAMES and tokens[1] in KNOWN_ORGANISATIONS:
        return "person"                  # "Fiona Apple": a first name, then a surname that is also a brand
    if tokens[-1] in ORG_ENDINGS or _org_head_of(tokens):
        return "organisation"
    if place_name(name) or (len(tokens) > 1 and tokens[-1] in _PLACE_ENDINGS):
        return "place"
    if next_word in ORG_NOUNS_AFTER:
        # "Foreign ministry spokeswoman …": a portfolio's adjective is no organisation on its own
        return "unknown" if len(tokens) == 1 and tokens[0] in _PORTFOLIOS else "organisation"
    if len(tokens) == 1:
        if is_acronym(tokens[0]):
            return "organisation"
        if prev_word in PLACE_PREPOSITIONS:
            return "place"
        return "unknown"
    if tokens[0] in COMPASS_WORDS and place_name(" ".join(tokens[1:])):
        return "place"
    if _initials_name(tokens):
        return "person"
    if any(is_acronym(token) for token in tokens):
        return "organisation"
    if len(tokens) <= 5 and all(_is_name_token(token) for token in tokens):
        return "person"
    if len(tokens) <= 3 and tokens[0] in FORENAMES and re.fullmatch(r"(?:[A-Z][a-z]+){2,}", tokens[-1]):
        return "person"                  # "Danny DeVito", "Kevin McCarthy": a first name and a surname
    return "organisation"


def _has_first_name(tokens: list[str]) -> bool:
    """"a group Barack Obama won": a known first name makes a person whatever the words before say."""
    return len(tokens) > 1 and (tokens[0] in MALE_NAMES or tokens[0] in FEMALE_NAMES)


def named_as_organisation(text: str, start: int) -> bool:
    """"chief economist at Kartli Capital", "the statistics office Geostat": words before that make an organisation."""
    window = text[max(0, start - 80):start]
    return bool(_ROLE_AT.search(window) or _ORG_NOUN_BEFORE.search(window) or _PRESS_FOR.search(window)
                or _PAPER_BEFORE.search(window))


def _word_after(text: str, end: int) -> str:
    match = re.match(r"[ \t]+([a-z][\w-]*)", text[end:end + 30])
    return match.group(1) if match else ""


def _word_before(text: str, start: int) -> str:
    match = re.search(r"(\w+)[ \t]+$", text[max(0, start - 30):start])
    return match.group(1) if match else ""


def role_before(text: str, start: int) -> str | None:
    window = text[max(0, start - 90):start]
    window = window[window.rfind("\n") + 1:]
    sentence = max(window.rfind(". "), window.rfind("! "), window.rfind("? "))
    if sentence != -1:
        window = window[sentence + 2:]       # a role never reaches into the sentence before
    window = re.sub(r"^(?:Its|His|Her|Their|Our)\s+", "", window)
    match = _ROLE_BEFORE.search(window)
    if not match:
        return None
    role = match.group(1).strip()
    if re.search(r"(?:\b(?:[Tt]he|[Aa]n?)|[’']s)[ \t]+official\s*$", window):
        # "North Korea’s official Rodong Sinmun": an adjective, not a role
        return None                      # "the official Space Fleet uniform": an adjective, not a role
    words = role.split()
    while words and (words[0] in STOP_CAPS or words[0].lower() in {"the", "a", "an"} or words[0] in _CREDIT_WORDS):
        words = words[1:]                # "Reuters North Korean leader": a photo credit before the caption
    return " ".join(words) or None


def role_after(text: str, end: int, start: int | None = None) -> str | None:
    match = _ROLE_AFTER.match(text, end, min(len(text), end + 130))
    if not match:
        return None
    if start is not None and text[match.end():match.end() + 1] == " " \
            and re.search(r"\b(?:[Ii]n|[Ww]ith|[Tt]o|[Ff]or|[Ff]rom|[Bb]y)[ \t]+$", text[max(0, start - 6):start]):
        return None                  # "In an interview with Deadline Hollywood, the director said": the role is
        #                              the next clause's subject, not an apposition of the name
    role = match.group(1).strip()
    if not any(word.lower().strip("’'s") in ROLE_NOUNS for word in role.split()):
        return None
    return role


def _is_demonym_token(token: str, next_word: str) -> bool:
    if token in DEMONYMS or token.rstrip("s") in DEMONYMS:
        return True
    if token.endswith("ans") and (token[:-2] in PLACES or token[:-4] + "a" in PLACES):
        return True                  # Iowans, Californians
    if "-" in token:
        parts = token.split("-")
        return any(part in DEMONYMS or part.islower() for part in parts)
    return False


def _candidates_in_chunk(text: str, start: int, end: int, floor: int) -> list[Candidate]:
    """Turn one capitalised run into name candidates (splitting at possessives)."""
    pieces: list[list[tuple[str, int, int]]] = [[]]
    after_on: set[int] = set()
    for match in re.finditer(r"\S+", text[start:end]):
        token, t_start, t_end = match.group(), start + match.start(), start + match.end()
        possessive = _POSSESSIVE.search(token) if len(token) > 2 else None
        if pieces[-1] and _after_repeated_title(text, t_start):
            # "… Harrowing images of truck attack in Nice Authorities confirmed …": a gallery's title, repeated
            # before every caption, ends where the caption's first word starts
            pieces.append([(token, t_start, t_end)])
        elif pieces[-1] and t_start - pieces[-1][-1][2] >= 3 and not text[pieces[-1][-1][2]:t_start].strip():
            pieces.append([(token, t_start, t_end)])    # a blanked stretch of boilerplate: no name spans it
        elif token == "on" and pieces[-1] and _place_or_plural(text, [t for t, _, _ in pieces[-1]], pieces[-1][0][1]):
            # "Nice on the French Riviera", "Cape Erimo on Hokkaido", "Tensions on the Korean Peninsula": two
            # phrases ("Council on Foreign Relations" is one name)
            pieces.append([])
            after_on.add(len(pieces) - 1)
        elif token == "the" and not pieces[-1]:
            continue
        elif _MODIFIER.fullmatch(token) or (token == "The" and pieces[-1]) or token in _CREDIT_WORDS:
            # "Yerevan-based Caucasus Policy Institute" names the institute; "Reuters The United Nations
            # Security Council" and "Splash News Michael Sheen" are a photo credit glued to a name
            pieces.append([])
        elif possessive and token[-2:] in {"’s", "'s"} and not _common_possessive(text, token, t_end, end):
            pieces[-1].append((token[:-2], t_start, t_end - 2))
            pieces.append([])
        elif (token in COMPASS_WORDS or token.split("-")[0] in DEMONYMS) and _only_demonyms(text[t_start:end]) \
                and _names_something(pieces[-1]):
            # "the Ulchi Freedom Guardian South Korean-US joint exercises": a people's adjective after a
            # name of several words opens the next phrase, it is no part of the name
            pieces.append([(token, t_start, t_end)])
        else:
            pieces[-1].append((token, t_start, t_end))
    # "Arkansas on Super Tuesday": a day after "on" is a date, no name
    pieces = [piece for k, piece in enumerate(pieces)
              if k not in after_on or not piece or piece[-1][0] not in DATE_WORDS]
    pieces = [part for piece in pieces if piece for part in _split_person_connective(text, piece)]
    result: list[Candidate] = []
    previous: Candidate | None = None
    for piece in pieces:
        candidate = _candidate_from_tokens(text, piece, floor)
        if candidate is None:
            previous = None
            continue
        if previous is not None and previous.kind == "organisation" and candidate.kind == "organisation" \
                and is_acronym(previous.name) and text[previous.end:candidate.start].strip() in {"’s", "'s"}:
            candidate = Candidate(f"{previous.name} {candidate.name}", candidate.start, candidate.end,
                                  "organisation", None, False)
        result.append(candidate)
        previous = candidate
    return result


# A phrase this long before a word, met this often in the text, is a title repeated before each caption.
_TITLE_REACH = 40
_TITLE_REPEATS = 3


@functools.lru_cache(maxsize=8)
def _has_captions(text: str) -> bool:
    return text.count("Caption") >= _TITLE_REPEATS


def _after_repeated_title(text: str, pos: int) -> bool:
    """Whether the words just before pos are a title the text repeats (a gallery's, before each caption) that
    is followed by different words at its repeats: pos opens a caption, whatever its capital says."""
    if pos < _TITLE_REACH or not _has_captions(text):
        return False
    phrase = text[pos - _TITLE_REACH:pos]
    if "\n" in phrase:
        return False
    phrase = phrase.rstrip()
    found, after, index = 0, set(), text.find(phrase)
    while index != -1:
        found += 1
        after.add(text[index + len(phrase):index + len(phrase) + 12].strip()[:8])
        index = text.find(phrase, index + 1)
    return found >= _TITLE_REPEATS and len(after) >= _TITLE_REPEATS


_SHIP_PREFIXES = frozenset("USS HMS RMS HMAS HMCS MV SS".split())
_EXERCISE_WORDS = frozenset("exercise exercises drill drills wargames".split())
_ADJECTIVES_BEFORE_NOUN = frozenset("joint military naval annual large-scale summer winter spring".split())


def _names_an_exercise(text: str, end: int) -> bool:
    """"the Ulchi Freedom Guardian (South Korean-US) joint military exercises": a run naming the exercise that
    follows it, after at most a people's adjective and a few adjectives."""
    window = text[end:end + 60]
    if "xercise" not in window and "drill" not in window and "wargames" not in window:
        return False
    for word in re.findall(r"[\w-]+", window)[:5]:
        if word in _EXERCISE_WORDS:
            return True
        if not (word in _ADJECTIVES_BEFORE_NOUN or word in COMPASS_WORDS or _starts_demonym(word)):
            return False
    return False
_LEGAL_FORMS = frozenset("Inc Ltd Corp Co LLC LLP Plc PLC AG NV SA GmbH".split())
_WEEKDAYS = frozenset("Mon Tue Tues Wed Thu Thur Thurs Fri Sat Sun".split())


def _common_capital(text: str, token: str, start: int, end: int, initial: bool) -> bool:
    """A lone capitalised word that is a common noun here: an organisation's word after "a"/"an" or opening a
    sentence in the plural, a legal form alone, a weekday cut short."""
    if token in _LEGAL_FORMS or (token in _WEEKDAYS and text[end:end + 1] == "."):
        return True
    if (token not in ORG_ENDINGS and token not in _GENERIC_ORG_WORDS) or token in KNOWN_ORGANISATIONS \
            or token in METONYMS:
        return False
    if re.search(r"\b(?:a|an|A|An)[ \t]+$", text[max(0, start - 4):start]):
        return True
    return initial and token.endswith("s") and not token.isupper() \
        and re.search(r"\b%s\b" % re.escape(token.lower()), text) is not None     # "Airlines have …", "airlines"


_RANKS = frozenset("constable superintendent inspector sergeant commissioner consul envoy".split())


def is_title(token: str) -> bool:
    return token in TITLE_WORDS or token.lower() in ROLE_NOUNS or token.lower() in _RANKS


def _glued_to_a_body(tokens: list[str]) -> bool:
    rest = " ".join(tokens[1:])
    return (is_acronym(tokens[0]) or tokens[0] in KNOWN_ORGANISATIONS) and tokens[0] not in PLACE_ACRONYMS \
        and (place_name(rest) is not None or rest in METONYMS or (len(tokens) == 2 and is_title(tokens[1])))


def _common_possessive(text: str, token: str, t_end: int, end: int) -> bool:
    """"the Korean People’s Army": a common noun's possessive inside an organisation's name keeps the name
    whole (the run goes on, and ends in an organisation's word)."""
    rest = text[t_end:end].split()
    return token[:-2] in _LONE_WORDS and bool(rest) and rest[-1] in ORG_ENDINGS


def _starts_demonym(rest: str) -> bool:
    words = rest.split()
    if not words:
        return False
    first = words[0]
    if first in COMPASS_WORDS and len(words) > 1:
        first = words[1]
    return first in DEMONYMS or first.split("-")[0] in DEMONYMS


def _only_demonyms(rest: str) -> bool:
    """"South Korean-US": the run's last words are all peoples' adjectives."""
    words = rest.split()
    return bool(words) and _starts_demonym(rest) and all(w in COMPASS_WORDS or _starts_demonym(w) for w in words)


def _names_something(piece: list[tuple[str, int, int]]) -> bool:
    """Two capitalised words or more, none a first name, a connective or a people's adjective."""
    tokens = [token for token, _, _ in piece if token != "The"]
    if place_name(" ".join(tokens)) or place_shaped(tokens):
        return False                 # "a New Hampshire Republican", "United States Pacific Command"
    return len(tokens) >= 2 and not any(t in FORENAMES for t in tokens) and tokens[-1][:1].isupper() \
        and not any(_starts_demonym(t) or t in COMPASS_WORDS or t in PLACE_ACRONYMS or place_name(t) or is_acronym(t)
                    for t in tokens)


def _glued_name(tokens: list[str]) -> int | None:
    """Where a person's name starts after an organisation, a title or "of PLACE" glued before it, if it does."""
    if len(tokens) < 3:
        return None
    for cut in (len(tokens) - 2, len(tokens) - 3):
        if cut < 1:
            continue
        name, before = tokens[cut:], tokens[cut - 1]
        if not (all(_is_name_token(t) and t not in NAME_CONNECTORS and t not in NAME_SUFFIXES for t in name)
                or _initials_name(name)) \
                or any(t in ORG_ENDINGS or t in FACILITY_WORDS or t in TITLE_WORDS or t in HONORIFICS
                       or t in STOP_CAPS or place_name(t) or t in DEMONYMS for t in name) \
                or place_name(" ".join(name)) or len(name[0].rstrip(".")) < 2:
            continue
        org_or_title = before in ORG_ENDINGS or before in TITLE_WORDS or before.lower() in _ROLE_OPENERS
        of_place = cut >= 2 and tokens[cut - 2] == "of" and place_name(before) is not None \
            and tokens[0] in TITLE_WORDS     # "Mayor of Chicago Rahm Emanuel", not "Bank of America Merrill Lynch"
        if (org_or_title or of_place) and (name[0] in FORENAMES or cut >= 2):
            return cut
    return None


def _person_connective(tokens: list[str]) -> int | None:
    """Where a person's name stops at "of", "for" or "on" ("Anna Karapetyan for Armenia"), if it does.

    Organisation names with a connective ("National Bank of Georgia", "Council on Foreign Relations",
    "Missouri Secretary of State") have no person before it.
    """
    for index, token in enumerate(tokens):
        if token not in _PERSON_CONNECTIVES or index < 2:
            continue
        head = _split_title(tokens[:index])[1]
        if len(head) < 2 or not all(_is_name_token(t) and t not in NAME_CONNECTORS for t in head):
            return None
        if _is_strong_org(head) or place_name(" ".join(head)) or place_name(head[0]) \
                or any(t in ORG_HEADS or t in TITLE_WORDS for t in head):
            return None
        return index
    return None


def _split_person_connective(text: str, piece: list[tuple[str, int, int]]) -> list[list[tuple[str, int, int]]]:
    """"Artur Ghazaryan of the Homeland Front": the organisation after a person's connective is its own name.

    Anything else after the connective ("Bernie Sanders of Vermont") stays in the piece, and the name
    is cut there later, so the mention still covers the words a cue may follow.
    """
    tokens = [token for token, _, _ in piece]
    index = _person_connective(tokens)
    if index is None:
        return [piece]
    tail = index + 1
    if tail < len(tokens) and tokens[tail] == "the":
        tail += 1
    if tail < len(tokens) and (_is_strong_org(tokens[tail:]) or _word_after(text, piece[-1][2]) in ORG_NOUNS_AFTER):
        return [piece[:index], piece[tail:]]     # "… of the Green Dawn party": the party is named too
    return [piece]


def _surname_like_month(text: str, piece: list[tuple[str, int, int]]) -> bool:
    """Whether the piece ends in a month or modal that is a surname here: a known first name before it
    ("Theresa May") and no day number after it ("Theresa May 5" is no one)."""
    return (len(piece) >= 2 and piece[-1][0] in {"May", "June", "April", "August"} and piece[-2][0] in FORENAMES
            and not re.match(r"\s*\d", text[piece[-1][2]:piece[-1][2] + 3]))


def _opening_gerund(text: str, piece: list[tuple[str, int, int]], floor: int) -> bool:
    """"Deploying Thaad …", "Addressing New York State Republicans …": a verb's -ing form opening a sentence."""
    token = piece[0][0]
    return re.fullmatch(r"[A-Z][a-z]{3,}ing", token) is not None and token not in FORENAMES \
        and is_sentence_initial(text, piece[0][1], floor)


def _candidate_from_tokens(text: str, piece: list[tuple[str, int, int]], floor: int) -> Candidate | None:
    while piece and (piece[0][0] in STOP_CAPS or piece[0][0] in DATE_WORDS or piece[0][0] in NAME_CONNECTORS
                     or (len(piece) > 1 and re.fullmatch(r"[A-Z][a-z]{3,}ly", piece[0][0]))
                     or (len(piece) > 1 and _opening_gerund(text, piece, floor))):
        if piece[0][0] == "All" and len(piece) > 2 and piece[-1][0] in ORG_ENDINGS:
            break                    # "All Nippon Airways" is the airline's name, "All" and all
        piece = piece[1:]
    while piece and (piece[-1][0] in DATE_WORDS or piece[-1][0] in NAME_CONNECTORS or piece[-1][0] in STOP_CAPS):
        if _surname_like_month(text, piece):
            break                    # "Theresa May", "Brian May": a first name, then a surname that is a month
        if len(piece) == 2 and piece[-1][0] in DATE_WORDS and _only_before(text, piece[0][0], piece[-1][0]) \
                and not _named_alone(text, piece[0][0], piece[0][1]):
            return None              # "Super Tuesday", "Black Friday": a day's name, never the word alone
        piece = piece[:-1]
    if not piece or any(token in DATE_WORDS and not _surname_like_month(text, piece[:i + 1])
                        for i, (token, _, _) in enumerate(piece)):
        return None
    start, end = piece[0][1], piece[-1][2]
    tokens = [token for token, _, _ in piece]
    next_word, prev_word = _word_after(text, end), _word_before(text, start)
    initial = is_sentence_initial(text, start, floor)
    if len(tokens) == 1 and tokens[0] in DEMONYMS and not initial and is_cue_subject(text, end):
        # "Cuban said": the surname of a person named in full earlier (Mark Cuban), never a people
        return Candidate(tokens[0], start, end, "surname", None, initial)
    if len(tokens) == 1 and _is_demonym_token(tokens[0], next_word):
        institution = _INSTITUTION.match(text, end)
        if institution and tokens[0] in DEMONYMS and (not institution.group(1) or institution.group(2) == "ministry"):
            name = f"{tokens[0]} {' '.join(institution.group().split())}"
            return Candidate(name, start, institution.end(), "organisation", None, initial)
        return None
    if len(tokens) == 1 and initial and tokens[0] in ORG_ENDINGS and next_word in ROLE_NOUNS:
        return None                  # "Government spokeswoman Lilit Harutyunyan": a role, not an actor
    if len(tokens) > 1 and all(_starts_demonym(t) or t in COMPASS_WORDS for t in tokens):
        return None                  # "South Korean-US (joint exercises)": adjectives of peoples
    if _names_an_exercise(text, end):
        return None                  # "the Ulchi Freedom Guardian joint military exercises": an event
    if re.match(r"[ \t]+\d{1,2}:[ \t]+[A-Z][a-z]", text[end:end + 9]):
        return None                  # "Home Alone 2: Lost in New York": a work's title and its number
    if len(tokens) > 1 and tokens[0] in _SHIP_PREFIXES:
        return None                  # "the USS Callister", "HMS Queen Elizabeth": a ship, no actor
    if len(tokens) == 1 and initial and re.match(r"[ \t]+reporting[ \t]+by\b", text[end:end + 20]):
        return None                  # "(Additional reporting by …)": a wire credit
    if len(tokens) > 2 and tokens[-1] in TITLE_WORDS and tokens[-2] in _PLACE_ENDINGS:
        # "the King County Prosecutor’s Office": the place of an office, no one's name
        return Candidate(" ".join(tokens[:-1]), start, piece[-2][2], "place", None, initial)
    if len(tokens) == 2 and (tokens[0] in KNOWN_ORGANISATIONS or is_acronym(tokens[0])) \
            and tokens[0] not in PLACE_ACRONYMS and prev_word in {"told", "tells", "tell"} \
            and _is_name_token(tokens[1]) and tokens[1] not in _LONE_WORDS and tokens[1] not in _GENERIC_ORG_WORDS \
            and tokens[1] not in ORG_ENDINGS and tokens[1] not in _NOT_ACTOR_WORDS:
        # "… told CNN Abe's opponents are angry": the outlet spoken to, then the reported clause's subject
        return Candidate(tokens[0], start, piece[0][2], "organisation", None, initial)
    if len(tokens) in {2, 3} and len(piece) == len(tokens) and _glued_to_a_body(tokens):
        # "CNN Tokyo", "SpaceX CEO", "NPR White House (correspondent)": an organisation glued to a place, a
        # title or another body after it
        return Candidate(tokens[0], start, piece[0][2], "organisation", None, initial)
    if len(tokens) == 1 and _common_capital(text, tokens[0], start, end, initial):
        return None                  # "A Government statement", "Airlines have …", "Verb8tm, Inc.", "Sun. Dec. 31"
    tokens = [t for t in tokens if not _CONTRACTION.search(t)]
    if not tokens:
        return None
    tokens = [t for k, t in enumerate(tokens) if k == 0 or t != tokens[k - 1]]   # "Equifax Equifax"
    if len(tokens) > 1 and (any(t in {"THE", "AND", "OF", "IN", "ON", "TO", "FOR", "A"} for t in tokens)
                            or (len(tokens) > 2 and all(t.isupper() for t in tokens))):
        return None                  # "THE Cubs AND THE Black CAT …": an upper-case kicker run
    if len(tokens) > 1 and all(t.isupper() and t.isalpha() for t in tokens) \
            and any(t.title() in STOP_CAPS or t.title() in FACILITY_WORDS for t in tokens) \
            and not any(t in KNOWN_ORGANISATIONS or t in PLACE_ACRONYMS or t in {"JR", "SR"} for t in tokens):
        return None                  # "OH NO", "GILES ST": a shouted phrase or a map's label
    if len(tokens) == 3 and tokens[1] == "State" and re.fullmatch(r"[A-Z][a-z]+s", tokens[2]):
        return Candidate(" ".join(tokens), start, end, "organisation", None, initial)   # "Golden State Warriors"
    if len(tokens) > 1 and tokens[-1] in {"JR", "SR"} and tokens[0] in FORENAMES:
        tokens = [*tokens[:-1], tokens[-1].title() + "."]     # "Carl Edwards JR": Carl Edwards Jr.
    if len(tokens) == 2 and _initials_pair(text, tokens) and _among_people(text, start):
        # "JR Smith", "AJ Hinch": two initials written without their dots, then a surname
        return Candidate(" ".join(tokens), start, end, "person", None, initial)
    if len(tokens) > 1 and all(t.isupper() for t in tokens) and tokens[0].title() in FEMALE_NAMES | MALE_NAMES:
        tokens = [t.title() for t in tokens]     # "SCOTT HORSLEY, BYLINE:": a transcript's name label
    if len(tokens) > 1 and any(t[:1].isupper() and t[1:2].islower() for t in tokens):
        # "VLADIMIR Putin": a shouted word glued to a name is the name's word, in title case
        tokens = [t.title() if t.isupper() and len(t) > 3 and t not in NOT_ACRONYMS else t for t in tokens]
    late = next((k for k, t in enumerate(tokens) if k and t in FORENAMES and tokens[k - 1] not in FORENAMES), None)
    if late == 1 and _plain_name_word(text, tokens[0]):
        late = None                  # "Amina Ali Nkeki": a first name the list lacks, not a role before "Ali"
    if late is not None and 2 <= len(tokens) - late <= 3 and all(_is_name_token(t) for t in tokens[late:]) \
            and tokens[-1] not in ORG_ENDINGS and tokens[-1] not in FACILITY_WORDS \
            and not any(t in FORENAMES for t in tokens[:late]):
        # "Foreign Affairs Committee Leonid Slutsky", "Roc Nation COO Desiree Perez": the words before a
        # first name are a role (or a credit), the name starts at the first name
        role_words = " ".join(tokens[:late])
        return Candidate(" ".join(tokens[late:]), piece[late][1], end, "person",
                         None if any(t in _CREDIT_WORDS for t in tokens[:late]) else role_words, initial)
    glued = _glued_name(tokens)
    if glued is not None:
        # "Federation Council Security Committee Franz Klintsevich", "Mayor of Chicago Rahm Emanuel": an
        # organisation, a title or a place glued before a person's name is the person's role
        return Candidate(" ".join(tokens[glued:]), piece[glued][1], end, "person", " ".join(tokens[:glued]), initial)
    if len(tokens) > 1 and tokens[0].lower() in _ROLE_OPENERS and tokens[0] not in TITLE_WORDS \
            and (initial or tokens[1] in FORENAMES or len(tokens) > 2) and tokens[1] not in NAME_CONNECTORS \
            and all(_is_name_token(t) for t in tokens[1:]):
        # "Singer Rihanna", "Eyewitness Damien Allemend": a role word capitalised by the sentence start
        start = piece[1][1]
        rest = tokens[1:]
        kind = "person" if len(rest) > 1 or rest[0] in FEMALE_NAMES or rest[0] in MALE_NAMES else "surname"
        return Candidate(" ".join(rest), start, end, kind, tokens[0].lower(), initial)
    if len(tokens) > 1 and tokens[1] in FORENAMES and tokens[0] not in FORENAMES and tokens[0] not in TITLE_WORDS \
            and tokens[0] not in HONORIFICS and initial and re.fullmatch(r"[A-Z][a-z]+", tokens[0]):
        tokens = tokens[1:]          # "Devastated Hayley added": an adjective opening the sentence
        start = piece[1][1]
    if len(tokens) > 1 and tokens[0] in {"News", "Media", "Images", "Photo", "Pictures", "Video"}:
        tokens = tokens[1:]          # "News Michael Sheen": the end of a credit glued to a name
        start = piece[len(piece) - len(tokens)][1]
    if len(tokens) == 1 and tokens[0].isupper() and len(tokens[0]) >= 6:
        return None                  # "HACKERS are feared …": a shouted word, not an acronym
    if len(tokens) == 1 and (tokens[0] in _GENERIC_ORG_WORDS or tokens[0] in FACILITY_WORDS
                             or tokens[0] in _LONE_WORDS):
        return None                  # "Company", "Group", "Port", "Everyone": a common word, capitalised
    if len(tokens) > 1 and tokens[0] in _PLACE_OPENERS:
        return Candidate(" ".join(tokens), start, end, "place", None, initial)    # "Cape Canaveral"
    if len(tokens) == 2 and all(t.isupper() and len(t) > 3 for t in tokens) \
            and tokens[0].title() not in FORENAMES:
        return None                  # "FESTIVAL GROUNDS": a label on a map or a graphic
    if any(t in _NOT_ACTOR_WORDS for t in tokens) and not _is_strong_org(tokens) and not _forename_first(tokens):
        return None                  # "Winter Olympics", "Pulp Fiction", "Fair Credit Reporting Act"
    if len(tokens) > 1 and (tokens[-1] in FACILITY_WORDS or any(t in _LODGING_WORDS for t in tokens[:-1])):
        return Candidate(" ".join(tokens), start, end, "place", None, initial)   # "Harrington Road"
    if len(tokens) > 1 and place_name(tokens[0]) and re.fullmatch(r"[A-Z][a-z]+s", tokens[-1]) \
            and not place_name(" ".join(tokens)):
        return Candidate(" ".join(tokens), start, end, "organisation", None, initial)  # "Arizona Cardinals"
    role, gender = None, None
    if not _is_strong_org(tokens):
        titles, rest = _split_title(tokens)
        if titles and not rest:
            return None
        if titles:
            start = piece[len(titles)][1]
            plain = [t for t in titles if t not in HONORIFICS]
            role, gender = " ".join(plain) or None, gender_of_titles(titles)
            rest = _before_of(rest)
            if not rest or rest[0] in NAME_CONNECTORS or (len(rest) == 1 and rest[0] in _LONE_WORDS):
                return None          # "Mayor of China", "Democratic People's Republic" cut at a title
            if len(rest) == 1 and plain and is_title(rest[0]):
                return None          # "Prime Minister", "Assistant Chief Constable"
            if len(rest) == 1 and plain and rest[0] not in FORENAMES \
                    and all(t in PLACE_ACRONYMS or place_name(t) for t in plain):
                # "U.S. Census", "U.S. Consulate": a country's body, not a person called Census
                return Candidate(" ".join(tokens), piece[0][1], end, "organisation", None, initial)
            honoured = titles[-1] in HONORIFICS and len(rest) == 1 and _is_name_token(rest[0])
            if honoured and len(titles) == 1 and _common_word_titled(text, rest[0]):
                return None          # "dressed as Mr. Incredible": a common word the text writes in lower case
            if not honoured and (_is_strong_org(rest) or place_name(" ".join(rest))):
                # "Mr. Moon" is South Korea's president, whatever the gazetteer says of "Moon"
                kind = "organisation" if _is_strong_org(rest) else "place"
                return Candidate(" ".join(rest), start, end, kind, None, initial)
            kind = "person" if len(rest) > 1 else "surname"
            if not all(_is_name_token(t) for t in rest):
                kind = _classify(rest, next_word, prev_word)
            return Candidate(" ".join(rest), start, end, kind, role, initial, gender)
        tokens = _before_of(tokens)
    kind = _classify(tokens, next_word, prev_word)
    if kind in {"person", "unknown"} and not _has_first_name(tokens) and named_as_organisation(text, start):
        kind = "organisation"
    if kind == "person" and all(t in TITLE_WORDS or t in HONORIFICS for t in tokens):
        return None
    return Candidate(" ".join(tokens), start, end, kind, role, initial, gender)


def _initials_pair(text: str, tokens: list[str]) -> bool:
    """"JR Smith": two capitals that name no body or place and never stand alone in the text, then a surname."""
    first, last = tokens
    if not re.fullmatch(r"[A-Z]{2}", first) or first in KNOWN_ORGANISATIONS or first in PLACE_ACRONYMS \
            or first in NOT_ACRONYMS or not _is_name_token(last) or last in ORG_ENDINGS or last in FACILITY_WORDS \
            or place_name(last) or last in TITLE_WORDS or last in STOP_CAPS \
            or re.search(r"\b%s\b" % re.escape(last.lower()), text) is not None:
        return False                 # ("BT Sport", "NK Pro": a common word after the capitals)
    alone = len(re.findall(r"\b%s\b" % first, text))
    return alone == len(re.findall(r"\b%s[ \t]+%s\b" % (first, re.escape(last)), text))


def _common_word_titled(text: str, word: str) -> bool:
    """A word the text writes in lower case, and capitalised only right after an honorific ("Mr. Incredible")."""
    if re.search(r"\b%s\b" % re.escape(word.lower()), text) is None:
        return False
    alone = len(re.findall(r"\b%s\b" % re.escape(word), text))
    return alone == len(re.findall(r"\b(?:Mr|Mrs|Ms|Dr|Miss)\.?[ \t]+%s\b" % re.escape(word), text))


def _only_before(text: str, word: str, day: str) -> bool:
    """Whether the text writes word only right before day."""
    return len(re.findall(r"\b%s\b" % re.escape(word), text)) \
        == len(re.findall(r"\b%s[ \t]+%s\b" % (re.escape(word), re.escape(day)), text))


def _named_alone(text: str, word: str, start: int) -> bool:
    """A word that names something by itself: a place, a body, a first name, an acronym, or a word after "in",
    "of", "to" … ("the island of Hokkaido Friday")."""
    return bool(place_name(word) or word in KNOWN_ORGANISATIONS or word in FORENAMES or is_acronym(word)
                or re.search(r"\b(?:in|of|to|at|from|near|told|said|says)[ \t]+$", text[max(0, start - 6):start]))


def _place_or_plural(text: str, head: list[str], start: int) -> bool:
    """A place's name, or one plural word opening a sentence ("Executives on Equifax …"), before "on"."""
    if any(t in ORG_ENDINGS or t in ORG_HEADS or t in _GENERIC_ORG_WORDS for t in head):
        return False
    return bool(place_name(" ".join(head)) or place_shaped(head) or _word_before(text, start) in PLACE_PREPOSITIONS
                or (len(head) == 1 and head[0].endswith("s") and is_sentence_initial(text, start)))


def _among_people(text: str, start: int) -> bool:
    """"Richard Jefferson (second left) and JR Smith": a name in a list after a first name and a surname."""
    window = text[max(0, start - 60):start]
    match = re.search(r"(?:,|\band)[ \t]+$", window)
    return match is not None and any(m.group(1) in FORENAMES
                                     for m in re.finditer(r"\b([A-Z][a-z]+)[ \t]+[A-Z][a-z]+", window))


def _plain_name_word(text: str, token: str) -> bool:
    """A capitalised word that can only be part of a name: no title, role, body, place or people, and never
    written in lower case in the text."""
    return re.fullmatch(r"[A-Z][a-z]{2,}", token) is not None and token not in TITLE_WORDS \
        and not re.search(r"(?:ist|er|or|ian|ant|ent|ess|ee|ive)$", token) \
        and token not in ORG_ENDINGS and token not in ORG_HEADS and token not in _GENERIC_ORG_WORDS \
        and token not in STOP_CAPS and token not in DEMONYMS and token not in _CREDIT_WORDS \
        and token.lower() not in _ROLE_OPENERS and token.lower() not in ROLE_NOUNS and not place_name(token) \
        and re.search(r"\b%s\b" % token.lower(), text) is None


# Words of _NOT_ACTOR_WORDS that are also surnames ("Steven Law", "Vincent Price").
_SURNAME_WORDS = frozenset({"Law", "Price"})


def _forename_first(tokens: list[str]) -> bool:
    """"Bill Clinton", "Steven Law": a first name and a surname, though a word of them also names a law or
    a bill."""
    return 2 <= len(tokens) <= 3 and tokens[0] in FORENAMES and all(_is_name_token(t) for t in tokens) \
        and all(t == tokens[0] or t in _SURNAME_WORDS for t in tokens if t in _NOT_ACTOR_WORDS)


def gender_of_titles(titles: list[str]) -> str | None:
    lowered = {t.lower().rstrip(".") for t in titles}
    if lowered & {"mrs", "ms", "miss", "madam", "mme", "queen", "princess", "lady", "dame"}:
        return "f"
    if lowered & {"mr", "sir", "king", "prince", "lord"}:
        return "m"
    return None


def _is_headline(line: str, first: bool) -> bool:
    """Title-case or upper-case lines (headlines, section heads) hold phrases, not names."""
    stripped = line.strip()
    if first and stripped.endswith(".") and len(stripped) < 160 and not re.search(r"[.!?]\s", stripped) \
            and len([w for w in stripped.split() if len(w) > 3]) >= 6:
        stripped = stripped[:-1]     # archives end the title line with a full stop
    words = re.findall(r"[A-Za-z][\w’'-]*", stripped)
    long_words = [w for w in words if len(w) > 3]
    if len(words) < 4 or len(long_words) < 3 or stripped.endswith("."):
        return False
    capitalised = sum(1 for w in long_words if w[0].isupper())
    return capitalised >= 0.8 * len(long_words)


def find_candidates(text: str) -> list[Candidate]:
    candidates: list[Candidate] = []
    for p_match in re.finditer(r"[^\n]+", text):
        line_start, line = p_match.start(), p_match.group()
        if _is_call_to_action(line):
            continue
        headline = _is_headline(line, first=not text[:line_start].strip())
        dateline = _DATELINE.match(line.lstrip())
        if dateline:
            offset = line_start + len(line) - len(line.lstrip()) + dateline.start(1)
            agency = dateline.group(1).strip()
            candidates.append(Candidate(agency, offset, offset + len(agency),
                                        "place" if place_name(agency) else "organisation", None, False))
        caps = _CAPS_DATELINE.match(text, line_start + len(line) - len(line.lstrip()))
        if caps:
            candidates.extend(_dateline_places(caps.group(), caps.start()))
        chunks = list(_CHUNK.finditer(text, line_start, p_match.end()))
        joined = [False] + [_joined_by_and(text, chunks[k - 1], chunks[k]) for k in range(1, len(chunks))] + [False]
        for number, match in enumerate(chunks):
            if caps and match.start() < caps.end():
                continue
            if joined[number]:
                continue                 # read with the run before it
            stop = chunks[number + 1].end() if joined[number + 1] else match.end()
            if _quoted_title(text, match.start(), match.end()):
                continue                 # ABC's “Shark Tank,”: a show's title, not an actor
            if dateline and line_start + len(line) - len(line.lstrip()) + dateline.start(1) <= match.start() \
                    < line_start + len(line) - len(line.lstrip()) + dateline.end(1):
                continue
            found = _candidates_in_chunk(text, match.start(), stop, line_start)
            if headline:
                for cand in found:
                    cand.headline = True
            candidates.extend(found)
    return candidates


def _joined_by_and(text: str, first: re.Match[str], second: re.Match[str]) -> bool:
    """"the Securities and Exchange Commission": two runs joined by "and" into one body's name, the second
    ending in an organisation's word, the first holding no first name, place or acronym of its own."""
    if second.start() - first.end() > 7 or not re.fullmatch(r"[ \t]+and[ \t]+", text[first.end():second.start()]):
        return False
    head, tail = first.group().split(), second.group().split()
    while tail and (tail[-1] in DATE_WORDS or tail[-1] in NAME_CONNECTORS):
        tail = tail[:-1]             # "… Exchange Commission on Friday"
    if len(tail) < 2 or tail[-1] not in ORG_ENDINGS or len(head) > 3 or head[0] in FORENAMES \
            or place_name(head[-1]) or is_acronym(head[-1]) or first.group() in METONYMS or head[-1] in ORG_ENDINGS:
        return False
    alone = re.search(r"(?<!and )\b%s\b|\b%s\b(?! and )|(?:^|[^\w\s][ \t]*|\b[a-z][\w-]*[ \t]+)%s\b(?! %s)" % (
        re.escape(" ".join(tail)), re.escape(first.group()), re.escape(tail[0]), re.escape(tail[1])), text)
    return alone is None


def _quoted_title(text: str, start: int, end: int) -> bool:
    """A capitalised run standing alone between quote marks ("“Shark Tank,”", "“Black Mirror”")."""
    return start > 0 and text[start - 1] in "“\"‘'" and text[end:end + 2][:1] in "”\"’',." \
        and (text[end:end + 1] not in {",", "."} or text[end + 1:end + 2] in "”\"’'")


def _dateline_places(words: str, start: int) -> list[Candidate]:
    """The places of an upper-case dateline ("ALMATY", "YEREVAN/MOSCOW"), as places; nothing else."""
    found = []
    for part in re.finditer(r"[^/]+", words.rstrip(" ,")):           # "YEREVAN/MOSCOW"
        name = part.group()
        place = place_name(name)
        if place is None and (not re.search(r"\w{3}", name) or name in _STORY_LABELS):
            continue
        found.append(Candidate(place or name.title(), start + part.start(), start + part.end(), "place", None, True))
    return found


def _is_call_to_action(line: str) -> bool:
    """Short newsletter/boilerplate lines ("Get the Mirror in your inbox:") carry no actors."""
    stripped = line.strip()
    return len(stripped) < 80 and stripped.endswith(":") and not re.search(r"[.?!]", stripped[:-1])


def is_cue_subject(text: str, end: int) -> bool:
    """Whether a name is followed by a reporting verb ("Xinhua, the official news agency, wrote")."""
    window = text[end:end + 160]
    appositive = re.match(r",[^,.;:“”\"]{3,110},", window)
    if appositive and not re.match(r",[ \t]+(?:but|and|or|so|yet|because|if|when|while)\b", window):
        # "Sure, but you might have said …, say, the company": a clause after a conjunction is no apposition
        window = window[appositive.end():]
    words = re.findall(r"[A-Za-z’']+", window[:60])[:4]
    for word in words:
        if word in CUE_WORDS:
            return True
        if word not in CUE_FILLERS:
            return False
    return False
