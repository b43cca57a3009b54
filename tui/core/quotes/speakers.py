"""Sentence spans, cue finding and subject resolution shared by the direct and indirect quote rules."""

from __future__ import annotations

import bisect
import collections
import dataclasses
import re
from dataclasses import dataclass

from tui.core.quotes.actors import ActorIndex
from tui.core.quotes.forenames import FORENAMES
from tui.core.quotes.lexicon import (
    ATTITUDE_CUES,
    COMPASS_WORDS,
    CUE_FILLERS,
    CUE_WORDS,
    DEMONYMS,
    DOCUMENT_NOUNS,
    MULTIWORD_CUES,
    PRONOUNS_ORG,
    PRONOUNS_OTHER,
    PRONOUNS_PERSON,
    ROLE_NOUNS,
    SOURCE_NOUNS,
    STATE_PLACES,
)
from tui.core.quotes.marks import MarkSpan
from tui.core.quotes.names import place_name

# A state's organ after its name: "Tunisia’s foreign ministry", "China's state media" speak for the state.
_STATE_BODY = re.compile(r"[’']s\s+(?:[a-z]+\s+){0,2}(?:ministry|government|military|army|embassy|media|agency|"
                         r"office|presidency|cabinet|parliament|police|leadership|regime|mission)\b")

_ABBREV = re.compile(
    r"(?:\b(?:Mr|Mrs|Ms|Dr|St|Jr|Sr|Gen|Sen|Rep|Gov|Lt|Col|Capt|Sgt|No|vs|Inc|Corp|Co|Ltd|Prof|Rev|Adm|Mt|Ft|"
    r"Jan|Feb|Aug|Sept|Sep|Oct|Nov|Dec|U\.S|U\.N|U\.K|a\.m|p\.m|[A-Z])\.)$"
)
_SENTENCE_END = re.compile(r"[.?!…]+[”’\"'»)\]]*(?=\s+[“\"‘'(«A-Z0-9])")
_NOUNISH_CUES = {"hope", "hopes", "charge", "charges", "report", "reports", "note", "notes", "promise",
                 "promises", "counter", "signal", "fear", "fears", "tell", "state", "worry", "joke", "comment",
                 "comments", "estimate", "estimates", "caution", "concern", "continue", "reply", "vow", "pledge",
                 "tweet", "tweets", "post", "warning", "quip", "boast", "lament", "remark", "remarks",
                 "demand", "demands", "question", "questions", "plea", "call", "calls"}
# "47 percent of registered voters say", "Six in 10 say": survey results as sources.
_POLL_SUBJECT = re.compile(
    r"(?:(?:about|at least|nearly|almost|only|just|roughly|some|more than|fewer than|less than|over|under)\s+)?"
    r"(?:(?:\d[\d.,]*|[A-Za-z-]+)\s*(?:percent|%|in\s+(?:\d+|ten)|out\s+of\s+(?:\d+|ten))|half|a\s+third|"
    r"a\s+quarter|(?:a|the)\s+majority|majorities|(?:one|two|three|four)[- ](?:thirds|quarters|fifths))"
    # "of Democratic primary voters", or the group named right after ("Six in 10 Virginia Democratic voters")
    r"(?:\s+of\s+[\w\s’'-]{1,60}|\s+(?:[\w’'-]+\s+){0,4}(?:voters|respondents|Americans|adults|Democrats|"
    r"Republicans|people|supporters|members|residents|voters))?$",
    re.IGNORECASE,
)
_LEADING_CONJUNCTION = re.compile(r"^(?:but|and|yet|so|still|now|also|however|instead|meanwhile)\b,?\s*",
                                  re.IGNORECASE)
_NOT_IN_SUBJECT = {
    "that", "which", "who", "whom", "to", "is", "are", "was", "were", "be", "been", "being", "have", "has", "had",
    "and", "or", "but", "if", "when", "while", "because", "as", "so", "than", "not", "it", "this", "there", "what",
    "how", "why", "where", "would", "will", "can", "could", "should", "may", "might", "must", "do", "does", "did",
    "of", "in", "on", "at", "for", "with", "by", "from", "about", "into", "after", "before", "since", "until",
}
# What may stand before a clause's opening name ("But Sen."), and how its apposition begins ("(D-R.I.)", ", 29,").
_APPOSED_LEAD = re.compile(r"\s*(?:(?:But|And|However,?|Meanwhile,?|Still,?)\s+)?"
                           r"(?:(?:Sen|Rep|Gov|Dr|Mr|Mrs|Ms|Gen)\.\s+)?")
_APPOSED_START = re.compile(r"\s*(?:\([^()]{1,30}\)\s*)?(?:,|$)")
_PERSON_LINK = re.compile(r"[ \t]+(?:of|for|at|from)(?:[ \t]+the)?[ \t]+$")
_WORD = re.compile(r"[A-Za-z’'-]+")
_WORD_SCAN = re.compile(r"[A-Za-z]+")
# Three-word cues, found by their first word: "sounded the alarm that …", "made the case that …".
_TRIPLE_CUES = {("sound", "sounds", "sounded", "sounding"): "the alarm",
                ("raise", "raises", "raised", "raising"): "the alarm",
                ("make", "makes", "made", "making"): "the case"}
_TRIPLE_FIRST = {verb: rest for verbs, rest in _TRIPLE_CUES.items() for verb in verbs}
_MULTI_FIRST: dict[str, set[str]] = {}
for _phrase in (*MULTIWORD_CUES, *(c for c in CUE_WORDS if " " in c)):
    _first, _second = _phrase.split()
    _MULTI_FIRST.setdefault(_first, set()).add(_second)


@dataclass(frozen=True)
class Cue:
    """A reporting verb (or "according to") found in the text outside any quote."""

    start: int
    end: int
    text: str


@dataclass(frozen=True)
class Subject:
    """Who a cue points to: an entity, or an unnamed source (entity None) that still marks speech."""

    entity: int | None
    start: int
    end: int
    pronoun: bool = False
    weak: bool = False           # words before a cue that name no one who can speak ("the crowd")
    described: bool = False      # resolved from a description ("the company said") to an actor met earlier
    topical: bool = False        # an epithet ("the retired neurosurgeon") resolved to the person the story is about
    nearest: bool = False        # no subject the rules could read: the person or organisation nearest the cue
    joint: tuple[int, ...] = ()  # two people speaking together, in text order ("Alba and her husband Cash Warren")


_CAPTION_CHARS = 400
_HEADLINE_WORDS = 14


class Layout:
    """Paragraphs, sentences and quoted regions of one text, for fast position look-ups."""

    def __init__(self, text: str, paragraphs: list[tuple[int, int]], marks: list[MarkSpan]) -> None:
        self.text = text
        self.paragraphs = paragraphs
        self._para_starts = [start for start, _ in paragraphs]
        self.quoted = [(m.open_start, m.close_end) for m in marks]
        self._quoted_starts = [start for start, _ in self.quoted]
        self.sentences = self._split_sentences()
        self._sentence_starts = [start for start, _ in self.sentences]
        self._scan_cues()

    def _split_sentences(self) -> list[tuple[int, int]]:
        sentences: list[tuple[int, int]] = []
        for p_start, p_end in self.paragraphs:
            start = p_start
            for match in _SENTENCE_END.finditer(self.text, p_start, p_end):
                end = match.end()
                if self.in_quote(match.start()) and not self._closes_quote(match.start(), end):
                    continue
                if _ABBREV.search(self.text[max(p_start, match.start() - 6):match.start() + 1]):
                    continue
                sentences.append((start, end))
                start = end
                while start < p_end and self.text[start].isspace():
                    start += 1
            if start < p_end:
                sentences.append((start, p_end))
        return sentences

    def _closes_quote(self, start: int, end: int) -> bool:
        return any(a <= start < b <= end for a, b in self.quoted_near(start))

    def quoted_near(self, pos: int) -> list[tuple[int, int]]:
        index = bisect.bisect_right(self._quoted_starts, pos)
        return self.quoted[max(0, index - 2):index + 1]

    def in_quote(self, pos: int) -> bool:
        """True when pos lies strictly inside a quoted span (marks included)."""
        return any(a <= pos < b for a, b in self.quoted_near(pos))

    def paragraph_index(self, pos: int) -> int:
        return max(0, bisect.bisect_right(self._para_starts, pos) - 1)

    def captions_before(self, pos: int, reach: int = 6) -> list[tuple[int, int]]:
        """The caption lines among the few paragraphs before pos (see caption_line)."""
        index = self.paragraph_index(pos)
        return [(a, b) for a, b in self.paragraphs[max(0, index - reach):index + 1] if a < pos and self.caption_line(a)]

    def listed_line(self, pos: int) -> bool:
        """True when pos lies in a caption line next to another ("Elon Musk says global race for A.I. will
        cause WW3" among related links): a list of headlines, not the article's prose."""
        index = self.paragraph_index(pos)
        return self._headline(index) and (self._headline(index - 1) or self._headline(index + 1))

    def _headline(self, index: int) -> bool:
        """A short caption line with no "Label:" of a photo's caption ("Distance: Sarah explained …")."""
        if not 0 <= index < len(self.paragraphs):
            return False
        p_start, p_end = self.paragraphs[index]
        line = self.text[p_start:p_end].strip()
        return self.caption_line(p_start) and len(line.split()) <= _HEADLINE_WORDS \
            and not re.match(r"[^:]{1,30}:\s", line)

    def caption_line(self, pos: int) -> bool:
        """True when pos lies in a paragraph of one line that ends with no sentence's stop ("Memphis Hustle
        coach Glynn Cyprien tweeted that …"): a photo's caption or a headline, no prose a pronoun goes on from."""
        if not self.paragraphs:
            return False
        p_start, p_end = self.paragraphs[self.paragraph_index(pos)]
        if not p_start <= pos < p_end or p_end - p_start > _CAPTION_CHARS:
            return False                  # (a long paragraph is prose: and this test stays cheap)
        line = re.sub(r"[”’\"')»\]\s]+$", "", self.text[p_start:p_end])
        return bool(line) and line[-1] not in ".?!…:;," and "\n" not in self.text[p_start:p_end].strip()

    def sentence(self, pos: int) -> tuple[int, int]:
        index = max(0, bisect.bisect_right(self._sentence_starts, pos) - 1)
        return self.sentences[index] if self.sentences else (0, len(self.text))

    def attitude_cues(self, start: int, end: int) -> list[Cue]:
        """Verbs of thought, intention and evaluation ("believe", "want", "called"), outside quotes."""
        return self._slice(self._attitudes, self._attitude_starts, start, end)

    def cues(self, start: int, end: int) -> list[Cue]:
        """Cue words in [start, end) that are not inside a quote."""
        return self._slice(self._cues, self._cue_starts, start, end)

    @staticmethod
    def _slice(cues: list[Cue], starts: list[int], start: int, end: int) -> list[Cue]:
        low = bisect.bisect_left(starts, start)
        high = bisect.bisect_left(starts, end, low)
        return [cue for cue in cues[low:high] if cue.end <= end]

    def _scan_cues(self) -> None:
        """One pass over the words of the text, finding every speech and attitude cue."""
        self._cues: list[Cue] = []
        self._attitudes: list[Cue] = []
        words = list(_WORD_SCAN.finditer(self.text))
        for index, match in enumerate(words):
            lower = match.group().lower()
            following = words[index + 1] if index + 1 < len(words) else None
            if following is not None and lower in _MULTI_FIRST:
                second = following.group().lower()
                gap = self.text[match.end():following.start()]
                if second in _MULTI_FIRST[lower] and gap.isspace() and len(gap) < 3:
                    self._add(self._cues, match.start(), following.end())
                    continue
            if lower in _TRIPLE_FIRST and index + 2 < len(words):
                third = words[index + 2]
                phrase = " ".join(self.text[match.end():third.end()].split()).lower()
                if phrase == _TRIPLE_FIRST[lower] and third.end() - match.end() < 14:
                    self._add(self._cues, match.start(), third.end())
                    continue
            if lower in CUE_WORDS:
                self._add(self._cues, match.start(), match.end())
            if lower in ATTITUDE_CUES:
                self._add(self._attitudes, match.start(), match.end())
        self._cue_starts = [cue.start for cue in self._cues]
        self._attitude_starts = [cue.start for cue in self._attitudes]

    def _add(self, target: list[Cue], start: int, end: int) -> None:
        if self.in_quote(start) or not _is_cue_usage(self.text, start, self.text[start:end]):
            return
        target.append(Cue(start, end, self.text[start:end]))


def _is_cue_usage(text: str, start: int, word: str) -> bool:
    """Reject capitalised cue words that are names ("Said", "Hope") and nouns after articles."""
    if word[0].isupper() and word.lower() in _NOUNISH_CUES:
        return False
    if start > 0 and text[start - 1] in "-‑" or text[start + len(word):start + len(word) + 1] in {"-", "‑"}:
        return False             # so-called, self-described
    following = text[start + len(word):start + len(word) + 12]
    if word.lower() in _PLURAL_NOUN_CUES and (re.match(r"\s+(?:against|of|from|by|about|that\s+were)\b", following)
                                            or re.search(r"[\w]-[\w]+\s+$", text[max(0, start - 24):start])):
        return False             # "dismiss FCRA-based claims against Experian": a noun, not a verb of saying
    before = text[max(0, start - 20):start].lower()
    if word.endswith("ing") and re.search(r"\b(?:a|an|the|his|her|their|its|our)\s+[a-z]+\s+$", before):
        return False             # "the credit reporting industry": an adjective, not a verb
    if word.endswith("ing") and re.search(r"\b(?:in|of|for|about|without|from)\s+$", before):
        return False             # "interested in adding support": a gerund, not a report
    return not re.search(r"\b(?:a|an|the|his|her|their|its|our)\s+$", before)


class Resolver:
    """Turns the words around a cue into a speaker."""

    def __init__(self, text: str, actors: ActorIndex, layout: Layout) -> None:
        self.text = text
        self.actors = actors
        self.layout = layout
        self._topic_depth = 0

    def subject_before(self, cue_start: int, floor: int) -> Subject | None:
        """The subject that ends right before a cue: "Papoyan told", "he said", "X, the minister, said"."""
        window = max(floor, cue_start - 60)
        glossed = re.search(r"([A-Z][\w&.-]*)\s+\(([A-Z][\w&.]{1,9})\)\s*$", self.text[window:cue_start])
        if glossed:
            inner = self.actors.mention_at(window + glossed.start(2), window + glossed.end(2))
            if inner is not None and self.actors.entities[inner.entity].kind == "organisation" \
                    and glossed.group(1) in self.actors.entities[inner.entity].name:
                return Subject(inner.entity, inner.start, inner.end)   # "Goldman (GS) said": the ticker names it
        end = self.skip_fillers_left(cue_start, floor)
        if end <= floor:
            return None
        if self.text[end - 1] == ",":
            named = self._named_right_before(end - 1, floor) or self._apposed_opener(floor, end - 1)
            if named is not None:
                return named
            comma = self.text.rfind(",", floor, end - 1)
            if comma == -1 or end - comma > 160:
                return None
            end = self.skip_fillers_left(comma, floor)       # "Sen. Ted Cruz (R-Texas), also a …,"
        if end <= floor or self.layout.in_quote(end - 1):
            return None
        return self._subject_ending_at(end, floor)

    def _named_right_before(self, end: int, floor: int) -> Subject | None:
        """"the ministry spokeswoman, Maria Zakharova, said": the name before the comma is the speaker."""
        mention = self.actors.mention_at(max(floor, end - 1), end)
        if mention is None or mention.end < end - 2 or self.actors.entities[mention.entity].kind != "person":
            return None
        return Subject(mention.entity, mention.start, end)

    def _apposed_opener(self, floor: int, comma: int) -> Subject | None:
        """"Brianne Stone, 29, of Huntsville, Ala., says", "Sen. Jack Reed (D-R.I.), said": the name that
        opens the clause, then a comma, then an apposition that may hold commas of its own."""
        s_start = max(floor, self.layout.sentence(comma)[0])
        for mention in self.actors.mentions_between(s_start, comma):
            lead = self.text[s_start:mention.start]
            if not _APPOSED_LEAD.fullmatch(lead) or not self.speaks(mention.entity):
                return None
            apposition = self.text[mention.end:comma]
            if not _APPOSED_START.match(apposition) or len(apposition.split()) > 20 \
                    or re.search(r"[“”\"]|\b(?:said|says|told|who|which|that|and|but)\b", apposition):
                return None
            return Subject(mention.entity, mention.start, mention.end)
        return None

    def skip_fillers_left(self, pos: int, floor: int) -> int:
        end = pos
        while True:
            while end > floor and self.text[end - 1].isspace():
                end -= 1
            paren = re.search(r"\s*\([^()]{1,30}\)$", self.text[max(floor, end - 34):end])
            if paren:
                end -= len(paren.group())          # "Sen. Marco Rubio (R-Fla.) said"
                continue
            match = re.search(r"([A-Za-z’']+)$", self.text[max(floor, end - 20):end])
            if match and (match.group(1).lower() in CUE_FILLERS or _is_adverb(match.group(1))):
                end -= len(match.group(1))       # "has repeatedly said", "Manafort politely declined"
                continue
            quoted = re.search(r"\bquot(?:ed|es|ing)\s+[^,;:.“”\"]{2,60}?(\s+as)$", self.text[max(floor, end - 80):end])
            if quoted:
                end -= len(quoted.group(1))      # "KCNA quoted Kim as saying": Kim speaks, not the agency
                continue
            linked = re.search(r"\s(?:quoted\s+as|[a-z]{3,}ed\s+and)$", self.text[max(floor, end - 24):end])
            if linked and end - len(linked.group()) > floor:
                end -= len(linked.group())        # "Braynard is quoted as saying", "he laughed and said"
                continue
            contraction = re.search(r"\b(?:he|she|it|they|we|I|who)([’'](?:s|ve|d|ll))$",
                                    self.text[max(floor, end - 8):end],
                                    re.IGNORECASE)
            if contraction:
                end -= len(contraction.group(1))  # "he’s said"
                continue
            day = re.search(r"\s(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)$",
                            self.text[max(floor, end - 11):end])
            if day and end - len(day.group()) > floor:
                end -= len(day.group())            # "Priebus later Thursday told"
                continue
            time = re.search(r"(?:\bon\s+\w+|\blast\s+\w+|\bthis\s+\w+|\bearlier|\blater|\btoday|\byesterday|"
                             r"\btonight)$", self.text[max(floor, end - 25):end])
            if time and re.search(r"(?:day|week|month|year|earlier|later|tonight)$", time.group()):
                end -= len(time.group())
                continue
            return end

    def _subject_ending_at(self, end: int, floor: int) -> Subject | None:
        word_match = re.search(r"([A-Za-z’']+)$", self.text[max(floor, end - 20):end])
        if word_match:
            word = word_match.group(1)
            start = end - len(word)
            if word.lower() in {"who", "which"}:
                return self._relative_subject(start, floor)
            pronoun = self._pronoun(word, start)
            if pronoun is not False:
                return Subject(pronoun, start, end, pronoun=True)
        mention = self.actors.mention_at(max(floor, end - 1), end)
        if mention is not None and re.search(r"\b(?:on|via)\s+(?:the\s+)?$",
                                             self.text[max(floor, mention.start - 10):mention.start]):
            mention = None           # "thanked the services on Facebook and added": a place of posting
        if mention is not None and mention.end >= end - 2 and self.speaks(mention.entity) \
                and self._complement(mention.start, floor):
            role = self._role_phrase(mention.start, end, floor)
            if role is not None:
                return role
        if mention is not None and mention.end >= end - 2 \
                and self.actors.entities[mention.entity].kind == "organisation":
            member = _MEMBER_OF.search(self.text, max(floor, mention.start - 90), mention.start)
            if member and member.group(1).lower() in _PERSON_HEADS:
                return Subject(None, member.start(), end)   # "a commentator in … newspaper Haaretz said": unnamed
        if mention is not None and mention.end >= end - 2 and self.speaks(mention.entity) \
                and not self._complement(mention.start, floor):
            return self._person_of(mention.start, floor) or self._with_partner(
                Subject(mention.entity, mention.start, end), floor)
        # A description: "the official", "a spokesman for the ministry", "a senior Democratic aide".
        window_start = max(floor, end - 90)
        familiar = re.search(_FAMILIAR_SOURCES.pattern + r"[^,;:“”\"]{0,60}$", self.text[window_start:end],
                             re.IGNORECASE)
        if familiar:
            return self.description(window_start + familiar.start(), end)   # "people familiar with the matter"
        phrase = re.search(r"\b(?:[Tt]he|[Aa]n?|[Oo]ne|[Tt]wo|[Ss]ome|[Mm]any|[Oo]ther|[Ss]everal|[Tt]his|[Tt]hat|"
                           r"[Tt]hese|[Tt]hose|[Aa]nother|[Bb]oth|[Mm]ost|[Hh]is|[Hh]er|[Tt]heir|[Ii]ts)\s+[^,;:“”\"]{1,80}$",
                           self.text[window_start:end])
        if phrase:
            p_start = window_start + phrase.start()
            person = self._person_of(p_start, floor)
            if person is not None:
                return person
            if len(phrase.group().split()) <= 10:
                return self.description(p_start, end)
        return self._bare_noun_phrase(end, floor)

    def _relative_named(self, start: int, end: int) -> int | None:
        """"the brother" / "the friend": the person the article last introduced as one ("his brother, Eric
        Paddock", "another brother, Patrick Paddock II"), within a few paragraphs."""
        words = self.text[start:end].split()
        if len(words) != 2 or words[0] not in {"the", "The"} or words[1].lower() not in _RELATIVES:
            return None
        pattern = re.compile(r"\b(?:his|her|their|another|a|the|whose|one)\s+(?:older\s+|younger\s+|elder\s+|"
                             r"twin\s+|best\s+|close\s+)?%s,?\s+" % re.escape(words[1].lower()))
        found = None
        for match in pattern.finditer(self.text, max(0, start - 2500), start):
            mention = self.actors.mention_at(match.end(), match.end() + 1)
            if mention is not None and mention.start == match.end() \
                    and self.actors.entities[mention.entity].kind == "person":
                found = mention.entity
        return found

    def description(self, start: int, end: int) -> Subject | None:
        """A described speaker: "the minister" (an actor met earlier with that role), "a spokesman for
        the ministry" (the ministry), or an unnamed source kept as written ("a senior official")."""
        start, end = _trim_description(self.text, start, end)
        surname = self._surname_person(self.text[start:end])
        if surname is not None:
            return Subject(surname, start, end)       # "West said" where the article named "Darrell West"
        relative = self._relative_named(start, end)
        if relative is not None:
            return Subject(relative, start, end, described=True)   # "the brother said": the brother named before
        state = self._compass_state(start, end)
        if state is not None:
            return Subject(state, start, end)   # "The North routinely says": North Korea, by its short name
        head = source_head(self.text[start:end])
        topic = self._epithet_person(start, end)
        if topic is not None:
            return Subject(topic, start, end, topical=True)   # "the retired neurosurgeon told", "said the 46-year-old"
        if head is None:
            # Someone the rules cannot name ("the crowd", "Manafort politely"): a real attribution, so it
            # stays, with no speaker rather than a wrong one; long runs of words are no subject at all.
            words = self.text[start:end].split()
            plain = len(words) <= 8 and not re.search(r"[()]|\b(?:and|or|to|but)$", self.text[start:end])
            return Subject(None, start, end, pronoun=True, weak=True) if plain else None
        inside = [m for m in self.actors.mentions_between(start, end)
                  if self.actors.entities[m.entity].kind in {"person", "organisation"}]
        if inside and head in _COMPANY_WORDS and re.match(r"[Tt]he\s", self.text[start:end]) \
                and re.fullmatch(r"(?:-based)?\s+(?:[a-z-]+\s+){0,2}%s" % re.escape(head),
                                 self.text[inside[-1].end:end].lower().rstrip("s")):
            # "the New York bank": a place or a name as the company's modifier, not the company itself
            earlier = self._earlier_holder(head, start, latest=True)
            if earlier is not None and len(self.text[start:end].split()) <= 5:
                return Subject(earlier, start, end, described=True)
        if inside:
            last = inside[-1]
            kind = self.actors.entities[last.entity].kind
            complement = kind == "person" and self._complement(last.start, start)
            affiliated = kind == "organisation" and (head in _PERSON_HEADS and re.search(
                r"\b(?:in|at|with|of)\s+(?:[\w’'-]+\s+){0,4}$", self.text[start:last.start]) or re.search(
                r"\bwho\s+(?:works?|worked|serves?|served)\s+(?:for|at|with|in)\b", self.text[start:last.start]))
            if affiliated:
                return Subject(None, start, end)  # "a commentator in … newspaper Haaretz": a person, unnamed
            if (last.end >= end - 1 and not complement) or (kind == "organisation" and head not in _PERSON_HEADS):
                return Subject(last.entity, start, end)   # "a spokesman for the ministry", "the firm's CEO, Tim Cook"
            return Subject(None, start, end)  # "Theresa May's spokesperson", "the UN leader": someone else
        if re.match(r"[Tt]he\s", self.text[start:end]) and head in _PERSON_HEADS | ROLE_NOUNS:
            holder = self._role_holder(self.text[start:end], head, start)
            if holder is not None:
                return Subject(holder, start, end, described=True)   # "the North Korean leader": Kim Jong Un
        words = self.text[start:end].split()
        # "the New York bank", "the Seattle-based retailer": a company named before, by where it is based.
        if re.match(r"[Tt]he\s", self.text[start:end]) and (
                len(words) <= 3 or len(words) <= 5 and head in _COMPANY_WORDS):
            earlier = self._earlier_holder(head, start, latest=len(words) > 3)
            if earlier is not None:
                return Subject(earlier, start, end, described=True)
        if head in _SENT_DOCUMENTS and re.match(r"[Tt]he\s", self.text[start:end]):
            issuer = self._issuer(head, start)       # "X sent out an email … the email said": X
            if issuer is not None:
                return Subject(issuer, start, end, described=True)
        if head in _ISSUED_DOCUMENTS and re.match(r"[Tt](?:he|his)\s", self.text[start:end]):
            issuer = self.actors.last_before(start, {"organisation"})   # "the statement concluded": its issuer
            # farther back when the sentence before told of it ("The company … said in a statement …")
            s_start, _ = self.layout.sentence(start)
            told = re.search(r"\b(?:a|its|the)\s+(?:[a-z]+\s+)?%s\b" % head,
                             self.text[self.layout.sentence(max(0, s_start - 2))[0]:s_start])
            reach = _ISSUER_REACH if told else 400
            if issuer is not None and start - self._last_end(issuer, start) < reach:
                return Subject(issuer, start, end, described=True)
        return Subject(None, start, end)

    def _compass_state(self, start: int, end: int) -> int | None:
        """"the North", "the South": the state named before whose name opens with that word (North Korea),
        as news shortens it once it has named it; None when none fits or no one of several stands out."""
        match = re.fullmatch(r"[Tt]he\s+([A-Z][a-z]+)(?:\s+[a-z]+ly)?", self.text[start:end].strip())
        if match is None or match.group(1) not in COMPASS_WORDS:
            return None
        prefix = match.group(1) + " "
        fits = collections.Counter(m.entity for m in self.actors.mentions_between(max(0, start - 5000), start)
                                   if (entity := self.actors.entities[m.entity]).kind == "place"
                                   and entity.name in STATE_PLACES and entity.name.startswith(prefix))
        ranked = fits.most_common(2)
        if not ranked or len(ranked) == 2 and ranked[1][1] >= ranked[0][1]:
            return None                   # North Korea named often, North America once: the North is Korea
        return ranked[0][0]

    def _role_holder(self, words: str, head: str, pos: int) -> int | None:
        """The one person named before pos whose role holds every word of the description ("the North
        Korean leader" where "North Korean leader Kim Jong Un" was named); None when none or several fit."""
        wanted = {w.lower().strip("’'.") for w in re.findall(r"[A-Za-z][A-Za-z.’'-]*", words)} - {"the"}
        if head not in wanted or len(wanted) < 2:
            return None                   # "the leader" alone: the latest holder decides (_earlier_holder)
        named = {m.entity for m in self.actors.mentions_between(max(0, pos - 5000), pos)}
        fits = {index for index in named
                if (entity := self.actors.entities[index]).kind == "person" and entity.role
                and wanted <= {w.lower().strip("’'.") for w in entity.role.split()}}
        return fits.pop() if len(fits) == 1 else None

    def _surname_person(self, words: str) -> int | None:
        """The one person the article names in full whose last name is this capitalised word ("West", "Mr.
        Priebus"), when the actor rules did not take the word alone for a name (it is a common word)."""
        match = re.fullmatch(r"(?:(?:Mr|Mrs|Ms|Dr|Sen|Rep|Gov)\.?\s+)?([A-Z][a-z’'-]+)", words.strip())
        if match is None:
            return None
        owners = {index for index, entity in enumerate(self.actors.entities)
                  if entity.kind == "person" and len(entity.name.split()) >= 2
                  and entity.name.split()[-1] == match.group(1)}
        return owners.pop() if len(owners) == 1 else None

    def _epithet_person(self, start: int, end: int) -> int | None:
        """"the retired neurosurgeon told", "said the 46-year-old", "the Texan said": news names the person a
        passage is about by an epithet. The speaker is that person (who last spoke or opened a sentence of the
        author's), unless the same noun introduced someone new ("a fashion designer … said the designer"), an
        earlier holder of the role was named, or the epithet's gender differs. None when unsure."""
        head = _epithet_head(self.text[start:end])
        if head is None or self._topic_depth:
            return None                   # (and never while finding a topic: epithets don't chain)
        if self._earlier_holder(head, start) is not None:
            return None                   # "the minister": the role holder named earlier (the rule above)
        reach = max(0, start - _ISSUER_REACH * 4)
        for match in re.finditer(r"\b(?:[Aa]n?|[Aa]nother|[Oo]ne)\s+(?:[\w’'-]+\s+){0,3}%s\b" % re.escape(head),
                                 self.text[reach:start]):
            if not self.layout.in_quote(reach + match.start()):
                return None               # "a fashion designer … said the designer": someone new, unnamed
        gender = _epithet_gender(self.text[start:end])
        self._topic_depth += 1
        try:
            person = self._topic_person(start)
        finally:
            self._topic_depth -= 1
        if person is None or self.actors.entities[person].gender not in {None, gender} and gender is not None:
            return None
        return person

    def _topic_person(self, pos: int) -> int | None:
        """The person the passage before pos is about. The epithet's own sentence decides when it names one
        person before it, as its opener ("Cruz defends …: “…,” the senator says"); naming any other person
        there makes it unsure ("Ali rebuked Trump when the businessman …"). Otherwise the nearest sentence of
        the author's that names a person (within three paragraphs; questions passed over) decides: the person
        who speaks in it ("…, Ben Carson said Monday") or opens it ("The candidate's wife Melania Trump …").
        A sentence naming people but neither, or an interviewer asking, gives no one: better unsure than wrong."""
        s_start, _ = self.layout.sentence(pos)
        here = self._named_people(s_start, pos)
        if here:
            opener = self._opener(s_start, pos)
            return opener if opener is not None and here == {opener} else None
        index = bisect.bisect_right(self.layout._sentence_starts, s_start) - 1
        first_para = self.layout.paragraph_index(pos) - 3
        for b_start, b_end in reversed(self.layout.sentences[max(0, index - 10):max(0, index)]):
            if pos - b_start > 1800 or self.layout.paragraph_index(b_start) < first_para:
                return None
            if self.text[b_start:b_end].rstrip("”’\"' )").endswith("?") or not self._named_people(b_start, b_end):
                continue
            return self._sentence_topic(b_start, b_end)
        return None

    def _named_people(self, start: int, end: int) -> set[int]:
        """The people named (not quoted, not only in captions) in [start, end)."""
        return {m.entity for m in self.actors.mentions_between(start, end)
                if not self.layout.in_quote(m.start) and self.actors.entities[m.entity].kind == "person"
                and self.actors.entities[m.entity].confidence >= _TOPIC_CONFIDENCE}

    def _opener(self, s_start: int, s_end: int) -> int | None:
        opener = next((m for m in self.actors.mentions_between(s_start, min(s_end, s_start + 60))
                       if not self.layout.in_quote(m.start)), None)
        if opener is None or opener.start - s_start > 40 or self.text[opener.end:opener.end + 2] in {"’s", "'s"}:
            return None
        entity = self.actors.entities[opener.entity]
        return opener.entity if entity.kind == "person" and entity.confidence >= _TOPIC_CONFIDENCE else None

    def _sentence_topic(self, s_start: int, s_end: int) -> int | None:
        """Who a sentence naming people is about: the person named as the subject of its first speech cue,
        else the person opening it; None when an interviewer asks or an organisation speaks."""
        for cue in self.layout.cues(s_start, s_end):
            if cue.text.lower() in _ASKING:
                return None               # "Hannity asked Kasich …", "“…?” Borger asked": the other one answers
            subject = self.subject_before(cue.start, s_start)
            if (subject is None or subject.entity is None) and \
                    self.text[s_start:cue.start].rstrip()[-1:] in _CLOSING_MARKS:
                subject = self.subject_after(cue.end, s_end)          # "“…,” said Ben Carson."
            if subject is None or subject.entity is None or subject.weak or subject.pronoun:
                continue
            entity = self.actors.entities[subject.entity]
            if entity.kind != "person":
                return None
            return subject.entity if entity.confidence >= _TOPIC_CONFIDENCE else None
        return self._opener(s_start, s_end)

    def _issuer(self, noun: str, pos: int) -> int | None:
        """Who issued the document "the NOUN" refers to: the subject of the sentence that introduced it
        ("Clinton's campaign sent out an email", "Cruz said in a statement"), when it is near."""
        window_start = max(0, pos - _ISSUER_REACH)
        found = None
        for match in re.finditer(r"\b(?:a|an|in\s+a|its|his|her|their)\s+(?:[\w-]+\s+){0,2}%ss?\b" % noun,
                                 self.text[window_start:pos]):
            if not self.layout.in_quote(window_start + match.start()):
                found = window_start + match.start()
        if found is None:
            return None
        s_start, _ = self.layout.sentence(found)
        subject = self.sentence_subject(s_start, found)
        return subject.entity if subject is not None and subject.entity is not None \
            and self.speaks(subject.entity) else None

    def _last_end(self, entity: int, pos: int) -> int:
        return max((m.end for m in self.actors.mentions_between(max(0, pos - 5000), pos) if m.entity == entity),
                   default=-10_000)

    def passive(self, subject: Subject, cue: Cue) -> bool:
        """"it was announced", "It has been expected that", "are thought to": a passive cue names no source."""
        between = self.text[subject.end:cue.start]
        return bool(re.search(r"\b(?:was|were|is|are|been|be|being)\s+(?:\w+ly\s+)?$", between)) \
            and cue.text.lower().endswith(("ed", "thought", "told", "said", "known", "shown", "seen"))

    def _earlier_holder(self, head: str, pos: int, latest: bool = False) -> int | None:
        """"the minister said": the latest person before pos whose role holds that word; "the company
        said": the latest organisation (with `latest`, only when no person was named since: "the New York
        bank" after "Goldman Sachs", typed a person, is no earlier organisation)."""
        index = bisect.bisect_left(self.actors._starts, pos) - 1
        while index >= 0 and pos - self.actors.mentions[index].end < 3000:
            entity = self.actors.entities[self.actors.mentions[index].entity]
            if head in _COMPANY_WORDS and entity.kind == "organisation" and not is_outlet(entity.name):
                return self.actors.mentions[index].entity
            if latest and head in _COMPANY_WORDS and entity.kind == "person":
                return None
            if entity.kind == "person" and entity.role and head in entity.role.lower().split():
                return self.actors.mentions[index].entity
            index -= 1
        return None

    def speaks(self, entity: int) -> bool:
        """People and organisations speak; so does a state named by its country or capital ("North Korea
        said", "Moscow said"), as a metonym for its government. Other places never do."""
        actor = self.actors.entities[entity]
        return actor.kind in {"person", "organisation"} or (actor.kind == "place" and actor.name in STATE_PLACES)

    def _complement(self, start: int, floor: int) -> bool:
        """"ambassadors to the United Nations", "a representative for Thurman": the name completes a
        description of the speaker, it is not the speaker."""
        return self._complement_role(start, floor) is not None

    def _complement_role(self, start: int, floor: int) -> int | None:
        """Where the role word the name completes starts ("the US Ambassador to the United Nations": at
        "Ambassador", whatever its case), None when the name completes no description."""
        window = max(floor, start - 40)
        before = re.search(r"\b([A-Za-z]+)\s+(?:to|for|of|at|with|from)\s+(?:the\s+)?$", self.text[window:start])
        if before is None:
            return None
        word = before.group(1)
        if word[:1].isupper() and word.lower() not in _PERSON_HEADS:
            return None                   # "Bank of England": a capitalised word completes a name, not a role
        word = word.lower()
        forms = (word, word[:-1] if word.endswith("s") else "")
        return window + before.start(1) if any(form in SOURCE_NOUNS or form in ROLE_NOUNS for form in forms) else None

    def _role_phrase(self, start: int, end: int, floor: int) -> Subject | None:
        """"the US Ambassador to the United Nations said", "China's and Russia's ambassadors to the UN said":
        the described person speaks, not the institution the description names; as written when no one fits."""
        role = self._complement_role(start, floor)
        if role is None:
            return None
        lead = re.search(r"(?:(?:[Tt]he|[Aa]n?|[A-Z][\w.’'-]*|and|former|deputy|acting|top|senior|chief|new)\s+)*$",
                         self.text[max(floor, role - 80):role])
        p_start = max(floor, role - 80) + lead.start() if lead else role
        found = self.description(p_start, end)
        if found is None or found.entity is None:
            return found
        entity = self.actors.entities[found.entity]
        if entity.kind != "person" or entity.name.lower() in _PERSON_HEADS | ROLE_NOUNS:
            return Subject(None, p_start, end)    # never the institution, nor a role word taken for a name
        return found

    def _person_of(self, start: int, floor: int) -> Subject | None:
        """"Artur Ghazaryan of the Homeland Front party said": the person, not the organisation, speaks."""
        link = _PERSON_LINK.search(self.text, max(floor, start - 12), start)
        if link is None:
            return None
        mention = self.actors.mention_at(max(floor, link.start() - 1), link.start())
        if mention is None or mention.end != link.start() or self.actors.entities[mention.entity].kind != "person":
            return None
        return Subject(mention.entity, mention.start, mention.end)

    def _relative_subject(self, start: int, floor: int) -> Subject | None:
        """"Barkley, who said …": the relative pronoun stands for the name before it."""
        before = start
        while before > floor and self.text[before - 1] in " ,":
            before -= 1
        mention = self.actors.mention_at(max(floor, before - 1), before)
        if mention is not None and mention.end >= before - 2 and \
                self.actors.entities[mention.entity].kind in {"person", "organisation"}:
            return Subject(mention.entity, mention.start, mention.end)
        if mention is not None or self.text[before:start].strip(" ,"):
            return None
        # "critics who say", "the 30 percent of voters who said": the noun phrase before stands for them.
        words = list(re.finditer(r"[A-Za-z’'-]+", self.text[max(floor, before - 60):before]))
        kept: list[re.Match[str]] = []
        for word in reversed(words[-4:]):
            text = word.group()
            if text.lower() in _NOT_IN_SUBJECT or text[:1].isupper() or re.search(r"(?:ed|ly)$", text) \
                    or (kept and word.end() + 1 < kept[-1].start()):
                break                             # a verb, an adverb or a name: the phrase begins after it
            kept.append(word)
        if not kept:
            return None
        offset = max(floor, before - 60)
        found = self.description(offset + kept[-1].start(), before)
        return found if found is not None and not found.weak and found.entity is None \
            and unnamed_source(self.text, found) else None

    def _bare_noun_phrase(self, end: int, floor: int) -> Subject | None:
        """"Economists believe", "Republican leaders say": a short plain subject opening the clause."""
        start = floor
        comma = self.text.rfind(",", floor, end)
        if comma != -1:
            start = comma + 1
        phrase = _LEADING_CONJUNCTION.sub("", self.text[start:end].strip())
        if _FAMILIAR_SOURCES.match(phrase):
            return self.description(end - len(phrase), end)     # "people familiar with the matter"
        poll = _POLL_SUBJECT.search(phrase)
        if poll:
            found = self.description(end - len(poll.group()), end)
            if found is not None and found.weak:
                return Subject(None, found.start, found.end)   # "three-quarters said": a share of those polled
            return found
        words = phrase.split()
        if not 1 <= len(words) <= 4 or not all(re.fullmatch(r"[A-Za-z0-9’'-]+", w) for w in words):
            return None
        if any(w.lower() in _NOT_IN_SUBJECT for w in words):
            return None
        return self.description(end - len(phrase), end)

    def _pronoun(self, word: str, start: int) -> int | None | bool:
        lower = word.lower()
        quoted = self.layout.quoted_near(start)
        if lower in PRONOUNS_PERSON:
            gender = "f" if lower in {"she", "her"} else "m"
            same = self._sentence_person(start, gender)
            if same is not None:
                return same               # "Lawan Zanna, the father of Aisha Zanna, said that he hoped"
            recent = self._recent_subject(start, gender)
            if recent is not None:
                return recent             # "Thurman got to know Weinstein and his first wife, Eve. … she says"
            excluded = self._all_quoted_before(start) + self.layout.captions_before(start)
            return self.actors.last_before(start, {"person"}, excluded, gender)
        if lower in PRONOUNS_ORG:
            recent = self._recent_body(start)
            if recent is not None:
                return recent             # "Tunisia’s foreign ministry condemned the attack. It said …"
            return self.actors.last_before(start, {"organisation"}, quoted)
        if lower in PRONOUNS_OTHER:
            return None
        return False

    def _sentence_person(self, pos: int, gender: str) -> int | None:
        """The person opening this pronoun's sentence, when the pronoun is not its subject."""
        s_start, _ = self.layout.sentence(pos)
        if pos - s_start < 3:
            return None
        for mention in self.actors.mentions_between(s_start, pos):
            entity = self.actors.entities[mention.entity]
            if mention.start - s_start > 40:
                return None
            if entity.kind == "person" and entity.gender in {None, gender} and not self.layout.in_quote(mention.start):
                return mention.entity
            if entity.kind == "person":
                continue                  # "Aisha Zanna" is not "he"
        return None

    def _recent_subject(self, pos: int, gender: str) -> int | None:
        """The person who last opened a sentence of the author's before pos, if of this gender: in news a
        "she says" goes on with the person the story was just about, not the last name met ("his first
        wife, Eve"); a quote's sentence counts with its speaker. Persons of the other gender are passed over."""
        index = bisect.bisect_right(self.layout._sentence_starts, pos) - 1
        first_para = self.layout.paragraph_index(pos) - 2
        nearest = True
        for s_start, s_end in reversed(self.layout.sentences[max(0, index - 6):max(0, index)]):
            if pos - s_start > 1500 or self.layout.paragraph_index(s_start) < first_para:
                return None
            if self.layout.caption_line(s_start):
                first_para -= 1           # a caption between the paragraphs: no antecedent, and no step
                continue
            if self.text[s_start:s_start + 1] in "“\"‘'" or self.layout.in_quote(s_start):
                # a quote's sentence: its speaker, named in the attribution ("“…,” Papoyan told journalists")
                opener = next((m for m in self.actors.mentions_between(s_start, s_end)
                               if not self.layout.in_quote(m.start)), None)
            else:
                # the person opening it ("Royal Navy veteran Kevin Snow, 57, was …"), past a body in a title
                opener = next((m for m in self.actors.mentions_between(s_start, min(s_end, s_start + 60))
                               if self.actors.entities[m.entity].kind == "person"), None)
                if opener is not None and opener.start - s_start > 40:
                    opener = None
            if opener is not None and not self.layout.in_quote(opener.start) \
                    and self.text[opener.end:opener.end + 2] not in {"’s", "'s"}:
                entity = self.actors.entities[opener.entity]
                if entity.kind == "person" and (entity.gender == gender or (entity.gender is None and nearest)):
                    return opener.entity
            nearest = False
        return None

    def _recent_body(self, pos: int) -> int | None:
        """The organisation or state that opened one of the author's last sentences, for an "it" that
        opens a sentence: news goes on with the body it was just about ("North Korea fired … It said …"),
        not with the last organisation met ("… the U.N. Security Council. It said")."""
        if self.text[max(0, pos - 2):pos].strip(" \t\n“\"‘'") and pos - self.layout.sentence(pos)[0] > 2:
            return None
        index = bisect.bisect_right(self.layout._sentence_starts, pos) - 1
        first_para = self.layout.paragraph_index(pos) - 1
        for s_start, s_end in reversed(self.layout.sentences[max(0, index - 3):max(0, index)]):
            if pos - s_start > 1200 or self.layout.paragraph_index(s_start) < first_para:
                return None
            if self.text[s_start:s_start + 1] in "“\"‘'" or self.layout.in_quote(s_start):
                continue
            opener = next(iter(self.actors.mentions_between(s_start, min(s_end, s_start + 60))), None)
            if opener is None or opener.start - s_start > 40 or self.layout.in_quote(opener.start):
                continue
            entity = self.actors.entities[opener.entity]
            if entity.kind == "organisation" and self.text[opener.end:opener.end + 2] not in {"’s", "'s"}:
                return opener.entity
            if entity.kind == "place" and entity.name in STATE_PLACES and (
                    _STATE_BODY.match(self.text, opener.end) or re.match(r"\s+[a-z]", self.text[opener.end:])):
                return opener.entity      # "North Korea fired", "Tunisia’s foreign ministry condemned"
            return None
        return None

    def _all_quoted_before(self, pos: int) -> list[tuple[int, int]]:
        index = bisect.bisect_right(self.layout._quoted_starts, pos)
        return self.layout.quoted[max(0, index - 12):index]

    def subject_after(self, start: int, ceiling: int) -> Subject | None:
        """The subject right after an inverted cue: "said Peskov", "said Paul H. Chipok, a lawyer"."""
        window = self.text[start:min(ceiling, start + 120)]
        lead = len(window) - len(window.lstrip(" \t’'"))     # a nested quote's last mark before "said"
        stop = _AFTER_STOP.search(window, lead)
        p_start = start + lead
        p_end = start + (stop.start() if stop else len(window))
        setting = _SETTING_AFTER.search(self.text, p_start, p_end)
        if setting is not None:
            p_end = setting.start()       # "said Masao Okonogi by phone from Seoul": a place after "from" never speaks
        if p_end <= p_start:
            return None
        first = _WORD.match(self.text, p_start, p_end)
        if first:
            pronoun = self._pronoun(first.group(), p_start)
            if pronoun is not False:
                return Subject(pronoun, p_start, first.end(), pronoun=True)
        inside = [m for m in self.actors.mentions_between(p_start, p_end + 1)
                  if self.speaks(m.entity)]
        if inside and (inside[0].start - p_start < 40 or _TITLE_RUN.fullmatch(self.text, p_start, inside[0].start)):
            named = inside[0]
            for later in inside[1:]:
                between = self.text[named.end:later.start].lower().split()
                if 0 < len(between) <= 3 and any(w.strip("’'s,") in ROLE_NOUNS for w in between) \
                        and self.actors.entities[later.entity].kind == "person":
                    return Subject(later.entity, later.start, later.end)   # "said Clinton spokesman Jesse Ferguson"
            return self._with_partner(Subject(named.entity, named.start, named.end), p_start, p_end)
        appositive = self._named_after_comma(p_end, ceiling)
        if appositive is not None and source_head(self.text[p_start:p_end]) in ROLE_NOUNS | SOURCE_NOUNS:
            return appositive        # "said Common Sense's CEO, James Steyer", "said his best friend, Bruce Turry"
        phrase = self.text[p_start:p_end]
        relative = re.search(r"\s(?:who|whose|which|that)\s", phrase)
        if relative:                              # "said a Mexican official who was not authorized to speak"
            p_end = p_start + relative.start()
            phrase = self.text[p_start:p_end]
        if re.match(r"(?:the|a|an|one|another|his|her|their|its)\s", phrase, re.IGNORECASE) \
                and len(phrase.split()) <= 8:
            return self.description(p_start, p_end)
        surname = self._surname_person(phrase)
        if surname is not None:
            return Subject(surname, p_start, p_end)
        if re.match(r"[A-Z][\w’'.-]*(?:\s+[A-Z][\w’'.-]*){1,3}\s*$", phrase):
            return Subject(None, p_start, p_end)        # a name the actor rules missed ("Al From")
        return None

    def _with_partner(self, subject: Subject, floor: int, ceiling: int | None = None) -> Subject:
        """"Jessica Alba and her husband Cash Warren said": both people speak, the subject names the pair.
        Before a cue the partner precedes the subject; after one ("said X and Y") it follows it."""
        if subject.entity is None or self.actors.entities[subject.entity].kind != "person":
            return subject
        if ceiling is None:
            link = _PARTNER_BEFORE.search(self.text, max(floor, subject.start - 40), subject.start)
            others = [m for m in self.actors.mentions_between(max(floor, subject.start - 80), subject.start)
                      if link is not None and m.end == link.start()]
        else:
            link = _PARTNER_AFTER.match(self.text, subject.end, ceiling)
            others = [m for m in self.actors.mentions_between(subject.end, ceiling)
                      if link is not None and m.start == link.end()]
        if link is None or not others:
            return subject
        other = others[0]
        if other.entity == subject.entity or self.actors.entities[other.entity].kind != "person":
            return subject
        joint = (other.entity, subject.entity) if ceiling is None else (subject.entity, other.entity)
        return dataclasses.replace(subject, joint=joint)

    def nearest(self, cue_start: int, cue_end: int) -> Subject | None:
        """A speaker candidate when the rules read no subject: the person (else organisation) named nearest
        the cue in its sentence, before it ("Marley Anderson, 21, a junior from Las Vegas, said") or right
        after it; never one after a preposition ("told CNN", "in Berlin") or owning something ("Trump's")."""
        s_start, s_end = self.layout.sentence(cue_start)
        before = [m for m in self.actors.mentions_between(max(s_start, cue_start - 150), cue_start)
                  if self._free(m.start, m.end)]
        after = [m for m in self.actors.mentions_between(cue_end, min(s_end, cue_end + 40))
                 if self._free(m.start, m.end)]
        for kind in ("person", "organisation"):
            found = [m for m in before[::-1] + after if self.actors.entities[m.entity].kind == kind]
            if found:
                return Subject(found[0].entity, found[0].start, found[0].end, nearest=True)
        return None

    def _free(self, start: int, end: int) -> bool:
        """A mention that can be a clause's subject: not a preposition's object, not a possessive, not quoted."""
        if re.search(r"\b(?:in|to|with|from|of|at|by|for|about|on|against|than|like|told|asked)\s+(?:the\s+)?$",
                     self.text[max(0, start - 12):start], re.IGNORECASE):
            return False
        if self.text[max(0, start - 1):start] == "(" and self.text[end:end + 1] == ")":
            return False             # "the Islamic State (ISIL)": a gloss, never a speaker
        return self.text[end:end + 2] not in {"’s", "'s"} and not self.layout.in_quote(start)

    def _named_after_comma(self, end: int, ceiling: int) -> Subject | None:
        """A person named right after a description's comma ("…'s CEO, James Steyer")."""
        comma = re.match(r"\s*,\s*", self.text[end:end + 4])
        if comma is None:
            return None
        mention = self.actors.mention_at(end + comma.end(), min(ceiling, end + comma.end() + 1))
        if mention is None or mention.start != end + comma.end():
            return None
        if self.actors.entities[mention.entity].kind != "person":
            return None
        return Subject(mention.entity, mention.start, mention.end)

    def _fronted(self, s_start: int, end: int) -> bool:
        """Whether a phrase opening the sentence ends here with a comma ("Speaking in Berlin,", "In Paris,")."""
        return bool(re.match(r"[ \t]*,", self.text[end:end + 3])) and \
            bool(re.match(r"(?:[A-Z][a-z]+ing|In|At|From|Back\s+in|Later\s+in|Earlier\s+in)\b", self.text[s_start:end]))

    def sentence_subject(self, s_start: int, pos: int) -> Subject | None:
        """The person or organisation opening the sentence, for "…, saying" and "X fired back: "…"."""
        lead = re.match(r"(?:[A-Z][a-z]+\s+(?:year|week|month|night|time)\s+|[A-Z][a-z]+day\s+|Then\s+|Later\s+)"
                        r"(he|she|they|it|we|I)\b", self.text[s_start:pos])
        if lead:                     # "Last year he gave a speech in Wales …, telling the crowd": he speaks
            pronoun = self._pronoun(lead.group(1), s_start + lead.start(1))
            if pronoun is not False:
                return Subject(pronoun, s_start + lead.start(1), s_start + lead.end(1), pronoun=True)
        for mention in self.actors.mentions_between(s_start, pos):
            if mention.start - s_start > 40:
                return None
            if self.actors.entities[mention.entity].kind == "place" and self._fronted(s_start, mention.end):
                continue             # "Speaking in Berlin, Angela Merkel was blunt": the setting, not the speaker
            if self.speaks(mention.entity):
                return Subject(mention.entity, mention.start, mention.end)
        word = _WORD.match(self.text, s_start, pos)
        if word:
            pronoun = self._pronoun(word.group(), s_start)
            if pronoun is not False:
                return Subject(pronoun, s_start, word.end(), pronoun=True)
        return None


# Where the subject after an inverted cue stops: punctuation, a quote mark, a line end, or a full stop
# that ends the sentence (not that of a title: "said former Pennsylvania Gov. and DNC Chairman Ed Rendell").
_AFTER_STOP = re.compile(r"[,;:!?“”\"\n]|(?<!\bGov)(?<!\bSen)(?<!\bRep)(?<!\bSec)(?<!\bGen)(?<!\bLt)(?<!\bCol)"
                         r"(?<!\bSgt)(?<!\bSt)(?<!\bMr)(?<!\bMrs)(?<!\bMs)(?<!\bDr)(?<!\bProf)(?<!\bAtty)"
                         r"\.(?=\s+[a-z“\"]|\s*$)")
# Where and how the speaker spoke, after an inverted cue's subject: never part of who speaks.
_SETTING_AFTER = re.compile(r"\s+(?:by\s+(?:phone|telephone|email|e-mail|text|video\s+link)\b|"
                            r"(?:speaking\s+)?from\s+|in\s+an?\s+(?:interview|statement|email|call)\b|"
                            r"on\s+(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|Twitter)\b)")
# A run of title words before a name ("former Pennsylvania Gov. and Democratic National Committee Chairman"):
# capitalised words, with only a few lower-case ones of a title.
_TITLE_RUN = re.compile(r"(?:(?:[A-Z][\w.’'&-]*|former|acting|deputy|and|of|for|the|co-host|host|chief)\s+){1,12}")

# "X and her husband Y", "X and Y": the words joining two people who speak together.
_PARTNER_BEFORE = re.compile(r"\s+and\s+(?:(?:his|her|their)\s+(?:[a-z-]+\s+){0,2}?)?$")
_PARTNER_AFTER = re.compile(r"\s+and\s+(?:(?:his|her|their)\s+(?:[a-z-]+\s+){0,2}?)?")

_DETERMINERS = frozenset(
    "the a an one two three four some many several other these those this that his her their its our "
    "most both another few all each any".split())


def unnamed_source(text: str, subject: Subject) -> str | None:
    """An unnamed source as written ("a senior official", "analysts"), lower-cased where only the
    sentence start capitalised it; None for named speakers and for pronouns left unresolved."""
    if subject.entity is not None or subject.pronoun:
        return None
    if subject.weak:
        return None                       # "the crowd", "the time North Korea": no one the rules can name
    words = " ".join(text[subject.start:subject.end].split()).strip(" ,;:—–-")
    if not words or source_head(words) in DOCUMENT_NOUNS:
        return None                       # "the report said": an attribution, but no one speaks
    first = words.split()[0]
    tokens = words.split()
    head = source_head(words)
    named_only = head is None or (head == tokens[-1].lower() and head not in SOURCE_NOUNS
                                  and head.rstrip("s") not in SOURCE_NOUNS and head not in ROLE_NOUNS)
    if all(w[:1].isupper() for w in tokens) and first not in FORENAMES and named_only and (
            len(tokens) == 1 or first in DEMONYMS or place_name(words) or place_name(tokens[-1])):
        return None                       # "Hokkaido", "South Korean": a capitalised run no rule knows as a source
    # "the US Ambassador to the United Nations": a role written as a title is shown as a description.
    words = re.sub(r"(?<=\s)([A-Z][a-z]+)(?=\s+(?:to|at)\s)",
                   lambda m: m.group(1).lower() if m.group(1).lower() in _PERSON_HEADS else m.group(1), words)
    if first.lower() in _DETERMINERS or (first[:1].isupper() and first[1:].islower() and first[-2:-1] not in "’'"
                                         and first not in DEMONYMS and first.rstrip("s") not in DEMONYMS
                                         and first.lower().endswith("s")):
        words = first.lower() + words[len(first):]
    return words


_FAMILIAR_SOURCES = re.compile(r"(?:[A-Za-z-]+\s+){0,2}(?:people|sources|officials|persons|those|investors|analysts|"
                               r"experts|witnesses|residents|diplomats|lawmakers|aides|executives|economists)\s+"
                               r"(?:familiar|close|with\s+knowledge|briefed|knowledgeable|contacted|interviewed|"
                               r"polled|surveyed|speaking)\b", re.IGNORECASE)
# Heads naming a person in their own right: "the UN leader", "a U.S. law enforcement official" is not the
# UN or the U.S. speaking (a spokesman for the ministry is the ministry speaking).
# "a commentator in Israeli left-wing newspaper …", "an analyst at …": one of an organisation's people.
_MEMBER_OF = re.compile(r"\b(?:[Aa]n?|[Oo]ne)\s+(?:[a-z-]+\s+){0,2}([a-z]+)\s+(?:in|at|with|from)\s+(?:the\s+)?"
                        r"(?:[\w’'-]+\s+){0,4}$")
_PLURAL_NOUN_CUES = frozenset("claims reports charges warnings comments remarks statements complaints".split())
_RELATIVES = frozenset("brother sister son daughter father mother wife husband uncle aunt cousin friend neighbor "
                       "neighbour grandmother grandfather girlfriend boyfriend partner".split())
_PERSON_HEADS = frozenset("leader chief head president secretary minister official officer director chairman "
                          "chairwoman executive founder member aide adviser advisor lawyer attorney general "
                          "commander ambassador envoy diplomat analyst expert economist professor commentator "
                          "columnist editor reporter correspondent writer contributor".split())
_ISSUED_DOCUMENTS = frozenset("statement release".split())
# Documents whose words are their sender's: "the email said" speaks for whoever sent it.
_SENT_DOCUMENTS = frozenset("statement release email e-mail memo letter note message ad advertisement".split())
_ISSUER_REACH = 700
_COMPANY_WORDS = frozenset("company firm carrier airline bank lender retailer maker group network broadcaster giant "
                           "conglomerate automaker carmaker chipmaker supplier operator "
                           "newspaper startup insurer manufacturer developer studio club team".split())
_DESCRIPTION_CUT = re.compile(r"\s(?:of|for|at|with|from|in|on|by|familiar|close|who|that|which|to|briefed|involved|"
                              r"knowledgeable|based|speaking|said|says|published|released|issued|posted|"
                              r"obtained|seen|cited)\b|[,(]")
_TRAILING_TIME = re.compile(r"(?:\s+(?:today|tonight|yesterday|initially|also|earlier|later|now|recently|then|"
                            r"too|first|monday|tuesday|wednesday|thursday|friday|saturday|sunday))+$", re.IGNORECASE)


_OUTLETS = frozenset("CNN CNBC BBC NPR Reuters AP AFP Bloomberg Newsweek Politico Axios Vox Fox Sky RT TASS Xinhua "
                     "Sputnik Interfax Yonhap NHK Kyodo ABC NBC CBS PBS".split())


def is_outlet(name: str) -> bool:
    """A news outlet reporting the story: "the company said" is never the outlet that quotes it."""
    words = name.split()
    return words[0] in _OUTLETS or words[-1] in {"News", "Times", "Post", "Journal", "Magazine", "Daily", "TV", "Radio",
                                                 "Herald", "Tribune", "Gazette", "Telegraph", "Guardian", "Agency"}


def _trim_description(text: str, start: int, end: int) -> tuple[int, int]:
    """Trim a description of the time words before its cue ("the spokesman today")."""
    trailing = _TRAILING_TIME.search(text, start, end)
    if trailing and trailing.start() > start:
        end = trailing.start()
    fronted = re.match(r"(?:On|In|At|By|After|Before|Later|Earlier)\b[^,;:“”\"]{0,40},\s+", text[start:end])
    if fronted and start + fronted.end() < end:
        start += fronted.end()          # "On Saturday, Mr. Moon said": the time is no part of who
    return start, end


def source_head(words: str) -> str | None:
    """The noun heading a description when it names someone who can speak ("a senior official",
    "analysts at the bank", "people familiar with the matter"); None for anything else."""
    cut = _DESCRIPTION_CUT.search(" " + words)
    head_part = words[:max(0, cut.start() - 1)] if cut else words
    tokens = re.findall(r"[A-Za-z][A-Za-z’'-]*", head_part)
    if not tokens or len(tokens) > 8:
        return None
    last: str = tokens[-1].lower()
    if tokens[-1][:1].isupper() and len(tokens) > 1:
        tail = [t for t in tokens if t[:1].isupper()][-2:]
        name = " ".join(tail)
        if len(tail) == 2 and not place_name(name) and not place_name(tail[-1]) and tail[0] not in DEMONYMS:
            return last                   # "the Democratic front-runner Hillary Clinton": a name
        return None
    for form in (last, last[:-1] if last.endswith("s") else "", last[:-2] if last.endswith("es") else "",
                 last[:-3] + "y" if last.endswith("ies") else "", "person" if last == "people" else ""):
        if form and (form in SOURCE_NOUNS or form in ROLE_NOUNS or form in DOCUMENT_NOUNS
                     or (form != last and form.capitalize() in DEMONYMS)):     # "Americans", not "the South Korean"
            return form
    return None


# Epithets news uses for the person a passage is about ("the billionaire", "the retired neurosurgeon"); not
# the generic nouns that usually bring in someone else ("the official", "the spokesman", "the lawyer").
_EPITHETS = frozenset("billionaire tycoon mogul magnate businessman businesswoman entrepreneur candidate nominee "
                      "front-runner frontrunner hopeful contender incumbent challenger senator governor congressman "
                      "congresswoman neurosurgeon surgeon veteran star singer actor actress rapper comedian "
                      "model author novelist filmmaker donor politician socialist populist presidential scientist "
                      "researcher astronomer physicist astronaut engineer professor economist physician pilot coach "
                      "quarterback pitcher teenager student advocate activist campaigner "
                      "screenwriter playwright musician songwriter designer".split())
_EPITHET_PARTIES = frozenset("Republican Democrat Texan Californian Floridian Vermonter Ohioan".split())
_CLOSING_MARKS = frozenset("”\"’'")
_ASKING = frozenset("ask asks asked asking".split())
_FEMALE_EPITHETS = frozenset("businesswoman congresswoman actress mother wife daughter".split())
_MALE_EPITHETS = frozenset("businessman congressman actor father husband son".split())
_AGE_EPITHET = re.compile(r"\d{1,3}-year-old$")
# A person named only outside prose (a caption's photographer) gives no topic.
_TOPIC_CONFIDENCE = 0.5


def _epithet_head(words: str) -> str | None:
    """The head of an epithet for one known person ("the retired neurosurgeon" -> "neurosurgeon", "the
    46-year-old", "the Texan"); None for anything else (names, plurals, unnamed sources, long phrases)."""
    tokens = words.split()
    if not 2 <= len(tokens) <= 4 or tokens[0] not in {"the", "The"} or re.search(r"[’']s\b", words):
        return None                        # "the program's host": someone else's
    last = tokens[-1].strip(",.")
    if _AGE_EPITHET.search(last):
        return last
    if any(t[:1].isupper() for t in tokens[1:-1]) and not all(t in _EPITHET_PARTIES for t in tokens[1:]):
        return None                        # "the Clinton donor", "the Vermont senator": a name inside, unsure
    if last in _EPITHET_PARTIES and len(tokens) == 2:
        return last                        # "the Texan", "the Republican"
    return last if last in _EPITHETS else None


def _epithet_gender(words: str) -> str | None:
    last = words.split()[-1].lower()
    return "f" if last in _FEMALE_EPITHETS else "m" if last in _MALE_EPITHETS else None


_NOT_ADVERBS = frozenset("family ally rally assembly bully daily weekly monthly quarterly supply reply italy "
                         "july lily emily holly sally kelly molly billy".split())


def _is_adverb(word: str) -> bool:
    return bool(re.fullmatch(r"[a-z]{3,}ly", word)) and word not in _NOT_ADVERBS
