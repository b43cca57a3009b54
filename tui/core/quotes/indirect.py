"""Indirect (reported) speech: "X said that …", "…, X said.", "according to X", "X accused Y of …"."""

from __future__ import annotations

import re
from dataclasses import dataclass

from tui.core.quotes.lexicon import ACCUSE_CUES, AFTER_CUE_SKIP_RE, LISTENER_CUES, SPEECH_CUES
from tui.core.quotes.speakers import Cue, Layout, Resolver, Subject

_AFTER_CUE_SKIP = re.compile(AFTER_CUE_SKIP_RE, re.IGNORECASE)
_LISTENER = re.compile(r"\s+(?:[\w’'.-]+\s+){0,7}?(?=that\b)|\s+[\w’'.-]+(?:\s+[\w’'.-]+){0,4}?\s*:"
                       # "told CNN the …", "told the National Post he’s …"
                       r"|\s+(?:the\s+)?(?-i:(?:[A-Z][\w.&’'-]*\s+){1,4})(?=(?-i:[a-z]))"
                       # "told reporters the plan …", "told the crowd he …"
                       r"|\s+(?:him|her|them|me|us|reporters|journalists|supporters|lawmakers|voters|"
                       r"(?:the|a|an)\s+(?:[a-z-]+\s+){0,2}?(?:crowd|audience|reporters?|newspaper|paper|station|"
                       r"network|magazine|agency|committee|court|jury|interviewer))\s+(?=(?-i:[a-z]))", re.IGNORECASE)
# "asked Trump whether he would …": the question is the reported content.
_QUESTION = re.compile(r"(?:\s+(?:[\w’'.-]+\s+){0,4}?)?\s*((?=(?:if|whether|why|how|what|who|when|about)\b))",
                       re.IGNORECASE)
ASK_CUES = frozenset({"asked", "asks", "ask", "asking", "wondered", "wonders", "questioned"})
_NOT_A_CLAUSE = re.compile(
    r"(?:to|so|no|yes|nothing|something|anything|little|much|more|about|(?:all|everything)\s+about|of|for|with|"
    r"at|by|from|in|on|"
    r"if|whether|during|when|while|after|before|as|because|since|referring|according|it\.|this\.|"
    r"the\s+(?:same|word)|goodbye|hello|thanks|sorry|[.,;:!?)]|$)\b",
    re.IGNORECASE,
)
# "said while he was in charge there would be no nuclear weapons": a subordinate clause with its own subject,
# then the main clause of what was said (not "said while visiting Berlin", a setting).
_FRONTED_CLAUSE = re.compile(r"(?:while|when|if|as\s+long\s+as|once|unless|because|although)\s+(?:he|she|they|it|we|I|"
                             r"the\s+\w+)\s+[a-z’']+\b[^.;:]*?\b(?:there|he|she|they|it|we|I)\s+(?:would|will|is|was|"
                             r"are|were|had|has|could|should|must|can)\b", re.IGNORECASE)
_ACCUSE_OBJECT = re.compile(r"\s+(?:[\w’'.-]+\s+){0,6}?of\s+", re.IGNORECASE)
_MIN_WORDS = 3
_HYPOTHETICAL = re.compile(r"\b(?:to|would|could|might|may|will|should|can)\s+(?:\w+\s+)?$")
# A finite verb after the cue means a reported clause follows ("said the leaked data is …"), not a subject.
_VERBISH = re.compile(r"\b(?:is|are|was|were|has|have|had|will|would|can|could|did|does|do|may|might|must|"
                      r"should)\b|\b[a-z]{3,}ed\b")
# "…, its government said on Thursday, the latest sign of Yerevan's drift": the author's comment on the
# news, an apposition with no verb of its own, not what was said.
_COMMENT = re.compile(r"\s*,?\s*(?:the|a|an|in\s+a)\s+(?:[\w’'-]+\s+){0,3}?(?:sign|signs|step|move|blow|setback|"
                      r"reversal|boost|indication|signal|reminder|rebuke|escalation|victory|defeat|twist|turn|"
                      r"admission|acknowledgement|departure|shift|break|response|rebuff|snub|development)\b"
                      r"(?:(?!\bthat\b)[^“”\"])*$", re.IGNORECASE)
# "said in an interview with CNN on Sunday that …": a setting phrase before the reported clause.
_LATE_THAT = re.compile(r"\s+(?:in|at|during|on|to|with|after|before|while|from|through)\s(?:[^,;:“”\"]+?\s)?that\b")
_NOMINAL_CUE = re.compile(
    r"(?P<owner>\b(?:his|her|their|its|[A-Z][\w.-]*(?:’s|'s))\s+)?"
    r"(?P<noun>\b(?:claims?|beliefs?|concerns?|fears?|hopes?|idea|notion|suggestions?|assertions?|arguments?|"
    r"allegations?|warnings?|assurances?|insistence|accusations?|charges?|complaints?|predictions?|"
    r"expectations?|speculation|rumou?rs?|reports?|suspicions?)\s+that)\b"
)
_CLAUSE_BREAK = re.compile(r",[’'”\"]?\s+(?:but(?!\s+(?:that|not|never)\b)|and\s+(?=he|she|they|it|the|a|his|her)|"
                           r"while|which|who|although|"
                           r"because|as|even\s+as|whereas|though)\b|;|\s[—–]\s|,?\s+and\s+(?=(?:also\s+)?(?:said|says|added|"
                           r"told|argued|called|promised|noted|warned|insisted)\b)"
                           # the author's next clause: ", adding …", " - half of …", ", she applauds …"
                           r"|,\s+(?:adding|saying|noting|calling|referring|arguing|citing|echoing|according|explaining|"
                           r"pointing|insisting|acknowledging|conceding|suggesting|warning|prompting|sparking)\b"
                           # "…, but conceded that …": the subject's second verb
                           r"|,?\s+but\s+(?=(?:also\s+|later\s+)?(?:conceded|added|acknowledged|admitted|noted|said|"
                           r"insisted|warned|stressed|cautioned)\b)"
                           r"|\s-\s|,\s+(?:he|she|we|they|I)\s+[a-z]+(?:ed|s)\b"
                           # a second verb phrase of the subject: ", and has championed …", ", ruled Cruz eligible"
                           r"|,?\s+and\s+(?=(?:has|have|had|is|are|was|were|will|would)\s+(?:also\s+)?[a-z]+(?:ed|en|ing)\b)"
                           r"|,\s+(?=[a-z]{3,}ed\s+[A-Z])"
                           # the subject's second verb after a comma: "…, and declined to comment further"
                           r"|,\s+and\s+(?=(?:also\s+)?[a-z]{3,}ed\s+(?:to|that)\b)")
_QUOTE_CLOSE_BEFORE = re.compile(r"(?:[,.!?]\s*[”\"’']|”)[^.!?“”\"]{0,50}$")
_PREPOSITION_START = re.compile(r"(?:in|on|at|during|after|before|last|this|from|with|by|of|for|about|"
                                r"earlier|later|yesterday|today|again|also)\b", re.IGNORECASE)
_ATTITUDE_MIN_WORDS = 3
# What a post or a letter holds, not what its writer said: "tweeted photos", "wrote a letter".
_MEDIA_OBJECT = re.compile(r"(?:(?:a|an|the|some|several|two|three|his|her|their|its|new)\s+)?(?:photos?|pictures?|"
                           r"images?|videos?|clips?|footage|selfies?|links?|letters?|articles?|books?|posts?|"
                           r"messages?|notes?|emojis?|gifs?|screenshots?|updates?)\b", re.IGNORECASE)
# Reported content that opens with its own speaker and verb of saying: the inner attribution is the one.
_NESTED_SPEAKER = re.compile(r"(?:[A-Z][\w.’'-]*\s+){1,4}(?:has\s+|had\s+|also\s+)?(?:said|says|told|tells|wrote|"
                             r"writes|added|insisted|claimed|argued)\b")
_COORDINATED = re.compile(r"\band\s+(?:also\s+)?$")
_SECOND_CLAUSE = re.compile(r",\s+(?:but|and|while)\s+(?:he|she|they|it|I|we)\s+(?:also\s+)?$")
# "X said …, but added that …": the second verb's subject is the sentence's.
_CONTRASTED = re.compile(r",?\s+but\s+(?:also\s+|then\s+|later\s+)?$")
# "…, saying that", "while insisting", "by arguing": a participle whose subject opens the sentence.
_GERUND_AFTER = re.compile(r"(?:,|\bwhile|\bby)\s*$")
_QUOTED_AS = re.compile(r"\bquot(?:ed|es|ing)\s+(.{2,60}?)\s+as\s+$")
_DATELINE = re.compile(r"[A-Z][A-Z .,/'’-]{2,40}(?:[A-Z][a-z]+\.?,[ \t]*)?(?:[A-Z][a-z]{2,8}\.?[ \t]+\d{1,2}[ \t]*)?"
                       r"(?:\([^)]{1,40}\))?\s*[—–-]+\s*")


@dataclass(frozen=True)
class Indirect:
    """One reported-speech span with its subject and cue."""

    start: int
    end: int
    subject: Subject
    cue: Cue
    confidence: float
    rule: str = ""               # which pattern found it (confidence is calibrated per rule)


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start] in " \t,:;":
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in ".,;:!?"):
        end -= 1
    return start, end


def _skip_dateline(text: str, start: int, end: int) -> int:
    """Reported content never includes the "YEREVAN (Azatutyun) —" dateline."""
    match = _DATELINE.match(text, start, end)
    return match.end() if match else start


def _enough_words(text: str, start: int, end: int) -> bool:
    return len(text[start:end].split()) >= _MIN_WORDS


def find_indirect(text: str, layout: Layout, resolver: Resolver) -> list[Indirect]:
    """Every reported-speech clause found by the cue patterns, sentence by sentence."""
    headlines = headline_attributions(text, layout, resolver)
    found: list[Indirect] = []
    for s_start, s_end in layout.sentences:
        taken = [r for r in headlines if r.start < s_end and s_start < r.end]   # one sentence's results
        if layout.listed_line(s_start):
            continue                  # a list of related headlines: no one's words in the article
        cues = layout.cues(s_start, s_end)
        if cues and cues[-1].text.lower() in SPEECH_CUES:
            # "… unless Qualcomm agrees to negotiate, Tan said": the sentence is Tan's, not Qualcomm's attitude.
            _keep(_trailing(text, layout, resolver, cues[-1], s_start, s_end), taken)
        if cues and cues[-1].text.lower().startswith("according") and cues[-1].start - s_start > 2:
            # "Early reports indicated …, according to the South Korean military": the military is the source.
            _keep(_according_to(text, resolver, cues[-1], s_start, s_end), taken)
        for cue in cues:
            result = _match_cue(text, layout, resolver, cue, s_start, s_end)
            if result is None and not cue.text.lower().startswith("according"):
                result = _attitude(text, layout, resolver, cue, s_start, s_end)
            _keep(result, taken)
        for cue in layout.attitude_cues(s_start, s_end):
            _keep(_attitude(text, layout, resolver, cue, s_start, s_end), taken)
        for result in _nominal(text, layout, resolver, s_start, s_end):
            _keep(result, taken)
        found.extend(r for r in taken if r not in headlines)
    return sorted(headlines + found, key=lambda r: r.start)


def _nominal(text: str, layout: Layout, resolver: Resolver, s_start: int, s_end: int) -> list[Indirect]:
    """"his claim that …", "concerns that …": a noun of saying or thinking with a that-clause."""
    found = []
    for match in _NOMINAL_CUE.finditer(text, s_start, s_end):
        if layout.in_quote(match.start()):
            continue
        start, end = _trim(text, match.end(), s_end)
        end = _cut_at_clause(text, start, end)
        if not _enough_words(text, start, end):
            continue
        owner = match.group("owner")
        entity = None
        if owner:
            subject = resolver.subject_before(match.start("noun"), s_start)
            entity = subject.entity if subject is not None else None
        noun = match.group("noun").rsplit(None, 1)[0]
        cue = Cue(match.start("noun"), match.start("noun") + len(noun), noun)
        found.append(Indirect(start, end, Subject(entity, match.start(), match.start("noun")), cue, 0.3, "nominal"))
    return found


def _keep(result: Indirect | None, taken: list[Indirect]) -> None:
    if result is not None and not any(r.start < result.end and result.start < r.end for r in taken):
        taken.append(result)


def _match_cue(text: str, layout: Layout, resolver: Resolver, cue: Cue, s_start: int, s_end: int) -> Indirect | None:
    word = cue.text.lower()
    if word.startswith("according"):
        return _according_to(text, resolver, cue, s_start, s_end)
    if word in ACCUSE_CUES:
        return _accused(text, resolver, cue, s_start, s_end)
    return (_forward(text, layout, resolver, cue, s_start, s_end)
            or _trailing(text, layout, resolver, cue, s_start, s_end)
            or _parenthetical(text, layout, resolver, cue, s_start, s_end))


# After a parenthetical attribution, words that begin the author's own next clause.
_AUTHORS_NEXT_CLAUSE = re.compile(r"(?:and|as|but|while|whereas|which|after|when|because|with|adding|saying)\b")


def _parenthetical(text: str, layout: Layout, resolver: Resolver, cue: Cue, s_start: int,
                   s_end: int) -> Indirect | None:
    """"The question, she said, is not so cut and dried": the attribution set inside the reported sentence."""
    if cue.text.lower() not in SPEECH_CUES:
        return None
    after = re.match(r"(?:\s+(?:on|last|this)\s+\w+)?\s*,\s*", text[cue.end:s_end])
    comma = text.rfind(",", s_start, cue.start)
    if after is None or comma <= s_start or len(text[comma + 1:cue.start].split()) > 6:
        return None
    subject = resolver.subject_before(cue.start, comma + 1) or resolver.subject_after(cue.end, s_end)
    if subject is None or subject.weak:
        return None
    start, end = _trim(text, s_start, s_end)
    start = _skip_dateline(text, start, end)
    if text[start:start + 1] in "“\"‘'" or text[cue.end + after.end():cue.end + after.end() + 1] in "“\"‘'" \
            or not _enough_words(text, start, comma) or not _enough_words(text, cue.end + after.end(), end):
        return None              # '"A," she said, "B."' is a direct quote in two pieces
    rest = cue.end + after.end()
    if _AUTHORS_NEXT_CLAUSE.match(text, rest) and _VERBISH.search(text, start, comma):
        return None              # "Kazakhstan exported …, the ministry said on Wednesday, as rail congestion
                                 # eased": a whole clause, then the author's; the trailing rule takes it
    return Indirect(start, end, subject, cue, 0.55, "parenthetical")


_AND_THAT = re.compile(r",?\s+and\s+that\s+(?:the\s+)?")


def _cut_at_quoted_other(text: str, resolver: Resolver, start: int, end: int) -> int:
    """"said officials are assessing the launch and that NORAD “determined …”": the second clause has its own
    named speaker, quoted: the content ends before it, and the quoted words are that speaker's."""
    for match in _AND_THAT.finditer(text, start, end):
        mention = resolver.actors.mention_at(match.end(), match.end() + 1)
        if mention is not None and mention.start == match.end() \
                and resolver.actors.entities[mention.entity].kind in {"person", "organisation"} \
                and re.match(r"\s*(?:\([^()]{1,12}\)\s*)?[“\"]", text[mention.end:mention.end + 20]):
            return match.start()
    return end


_RELATIVE_BEFORE = re.compile(r"\b(?:who|whom|which)\s+$")
_VERB_FIRST = re.compile(r"(?:is|are|was|were|had|has|have|would|will|could|did|does)\b")


def _forward(text: str, layout: Layout, resolver: Resolver, cue: Cue, s_start: int, s_end: int) -> Indirect | None:
    """SUBJECT [has] CUE [on Monday] [that] CONTENT."""
    if _quote_closes_before(text, layout, cue):
        return None
    if re.search(r",\s*$", text[max(s_start, cue.start - 3):cue.start]) and not cue.text.lower().endswith("ing") \
            and len(text[cue.end:s_end].split()) <= 8 and not re.match(r"\s+that\b", text[cue.end:cue.end + 6]) \
            and not _VERBISH.search(text, cue.end, s_end):
        return None                  # "…, said Tunisia's foreign ministry": an inverted attribution, not a subject
    subject = _subject_of(text, resolver, cue, s_start) or _unnamed_source(text, resolver, cue, s_start)
    if subject is None:
        return None
    if resolver.passive(subject, cue):
        subject = Subject(None, subject.start, subject.end, pronoun=True, weak=True)   # "It is expected that"
    pos = cue.end
    word = re.sub(r"\s+", " ", cue.text.lower())
    has_that = False
    if word in ASK_CUES:
        question = _QUESTION.match(text, pos, s_end)
        if question:
            start, end = _trim(text, question.end(1), s_end)
            end = _cut_at_clause(text, start, end)
            if _enough_words(text, start, end):
                return Indirect(start, end, subject, cue, 0.5, "question")
    if word in LISTENER_CUES:
        listener = _LISTENER.match(text, pos, s_end)
        if not listener:
            return None
        pos = listener.end()
    skip = _AFTER_CUE_SKIP.match(text, pos, s_end)
    if skip:
        pos = skip.end()
    if _COMMENT.match(text, pos, s_end):
        return None                               # "said on Thursday, the latest sign of …": the author's comment
    that = re.match(r"\s*,?\s*that\b", text[pos:s_end], re.IGNORECASE) or _LATE_THAT.match(text[pos:s_end])
    if that:
        pos += that.end()
        has_that = True
    elif re.match(r"\s*,", text[pos:s_end]):
        return None                               # "he said, alluding to ..." is not reported content
    start, end = _trim(text, pos, s_end)
    quoted_start = text[start:start + 1] in {"“", '"', "‘", "'"} or (
        layout.in_quote(start) and _quote_fills(layout, start, end))
    if start >= end or (not has_that and quoted_start):
        return None
    if not has_that and (word not in SPEECH_CUES and word != "expressed hope"
                         or (_NOT_A_CLAUSE.match(text, start) and not _FRONTED_CLAUSE.match(text, start, end))
                         or _MEDIA_OBJECT.match(text, start)):
        return None                               # "tweeted photos, videos and updates": an action
    if has_that and text[start:start + 1] in "“\"":
        end = _quote_end(text, start, end)        # 'said that “…,” a truck came': the author's words follow
    if _NESTED_SPEAKER.match(text, start, end):
        return None              # "Deadline reported that Tarantino said …": Tarantino speaks, the outlet passes it on
    end = _cut_at_trailing_attribution(text, layout, start, end)
    end = _cut_at_clause(text, start, end)
    end = _cut_at_quoted_other(text, resolver, start, end)
    if not has_that and _RELATIVE_BEFORE.search(text, max(s_start, subject.start - 12), subject.start) \
            and _VERB_FIRST.match(text, start, end):
        # "a soldier, who the army said was bruised by her punch, obstructing …": the relative's predicate
        # is what was said; the sentence goes on with the author's own list after its comma
        comma = text.find(", ", start, end)
        end = comma if comma != -1 else end
    if not _enough_words(text, start, end):
        return None
    confidence = 0.65 if has_that else 0.55
    return Indirect(start, end, subject, cue, confidence, "forward-that" if has_that else "forward")


def _quote_end(text: str, start: int, end: int) -> int:
    """The end of the quotation that opens reported content, when the sentence runs on after it."""
    close = re.search(r"[”\"]", text[start + 1:end])
    if close is None or not text[start + 2 + close.start():end].strip(" .,;:!?”\"’'"):
        return end
    return start + 2 + close.start()


_TOPIC_ONLY = re.compile(r"(?:all|everything|more|much|little|nothing|a\s+lot)\s+(?:about|of)\b", re.IGNORECASE)


def _attitude(text: str, layout: Layout, resolver: Resolver, cue: Cue, s_start: int, s_end: int) -> Indirect | None:
    """SUBJECT believes/wants/called CONTENT: the rest of the clause after the verb."""
    if _quote_closes_before(text, layout, cue):
        return None              # '"…," she said in Iowa' attributes the quote; the words after are no content
    subject = _subject_of(text, resolver, cue, s_start) or _unnamed_source(text, resolver, cue, s_start)
    if subject is None:
        return None
    if _HYPOTHETICAL.search(text, max(s_start, cue.start - 20), cue.start):
        return None                  # "would slam the door", "to both sell chips and charge a royalty": no stance taken
    if subject.weak or resolver.passive(subject, cue) or (subject.pronoun and subject.entity is None):
        return None                  # "This other example shows", "are thought to", "they wanted": no one to name
    pos = cue.end
    skip = _AFTER_CUE_SKIP.match(text, pos, s_end)
    if skip and skip.end() > pos and not text[skip.end():skip.end() + 6].lstrip().startswith("that"):
        return None              # "said in a statement", "said last week" with no clause after
    that = re.match(r"\s*,?\s*that\b", text[pos:s_end], re.IGNORECASE)
    if that:
        pos += that.end()
    start, end = _trim(text, pos, s_end)
    if start >= end or text[start] in ",.;:!?)" or _PREPOSITION_START.match(text, start):
        return None
    if not that and _TOPIC_ONLY.match(text, start, end):
        return None              # "tells all about his version of the events": what the interview covers, no words
    if text[start] in "“\"‘'" and not that:
        return None              # a quotation after the verb is a direct quote, attributed elsewhere
    if not that and re.match(r"[^“”\".]{1,40}:\s*[“\"]", text[start:end]):
        return None              # "told Fox News: “…”": a colon introduction of a direct quote
    if _NESTED_SPEAKER.match(text, start, end):
        return None              # "Deadline reported that Tarantino said …": the inner attribution is the one
    end = _cut_at_clause(text, start, end)
    if len(text[start:end].split()) < _ATTITUDE_MIN_WORDS:
        return None
    # "called the protocol “a practical step”": the speaker's own words inside the clause make it a stance
    quoted = re.search(r"[“\"]", text[start:end]) is not None
    rule = "attitude-that" if that else "attitude-quoted" if quoted else "attitude"
    return Indirect(start, end, subject, cue, 0.45 if that else 0.35, rule)


# A second speaker's own attribution inside the content: "they were worried, and more than 4 in 10 said
# Trump would be best", "Putin wanted Trump to win, Clinton said she was not …": the content stops at its comma.
_NEXT_SPEAKER = re.compile(r",\s+(?:and\s+|but\s+)?(?:[\w’'.%-]+\s+){1,7}?(?:also\s+|has\s+|had\s+|have\s+)?"
                           r"(?:said|says|say|told|tells|added|wrote|writes|argued|argues|insisted|claimed|noted|"
                           r"warned|explained|declared)\s+(?!(?:on|in|at|last|this|to|of|about)\b)(?=[\w“\"])")
# The author's comparison or setting after the content: ", compared with 11 percent of Republicans".
_AUTHORS_TAIL = re.compile(r",\s+(?:compared\s+(?:with|to)|despite|where|leading|putting)\b"
                           r"|\s+while\s+(?:adding|saying|noting|insisting|arguing|warning)\b")


def _cut_at_clause(text: str, start: int, end: int) -> int:
    """Reported content stops where a new clause of the author's begins (", but …", ", which …")."""
    for pattern in (_NEXT_SPEAKER, _AUTHORS_TAIL):
        found = pattern.search(text, start, end)
        if found is not None and layout_safe(text, start, found.start()) and \
                len(text[start:found.start()].split()) >= _MIN_WORDS:
            end = found.start()
    pos = start
    while True:
        clause = _CLAUSE_BREAK.search(text, pos, end)
        if clause is None:
            return end
        dash = clause.group().strip()
        if dash in {"-", "—", "–"}:
            closing = text.find(f" {dash} ", clause.end(), min(end, clause.end() + 160))
            if closing != -1:
                pos = closing + 3        # "taxes - the rate is the highest - carried": an aside, not the end
                continue
        cut = clause.start() + (2 if text[clause.start() + 1:clause.start() + 2] in "’'”\"" else 0)
        return cut if layout_safe(text, start, cut) else end


def _through_closing_mark(text: str, start: int, end: int) -> int:
    """'was "a show of force," officials said': content that opened a quoted phrase keeps the mark
    that closes it (and the comma before it, which the display drops)."""
    closing = re.match(r"[,.;:!?]*[”\"]", text[end:end + 4])
    if closing is None or layout_safe(text, start, end):
        return end
    return end + closing.end()


def layout_safe(text: str, start: int, cut: int) -> bool:
    """Don't cut inside an open quotation: count the quote marks before the cut."""
    segment = text[start:cut]
    return segment.count("“") <= segment.count("”") and segment.count('"') % 2 == 0


_NEXT_STATEMENT = frozenset("adding noting saying explaining arguing insisting warning stressing".split())


def _quote_closes_before(text: str, layout: Layout, cue: Cue) -> bool:
    """Whether a quotation closes just before the cue, in the same paragraph ('"…," Dawson shouted')."""
    p_start = layout.paragraphs[layout.paragraph_index(cue.start)][0]
    if cue.text.lower() in _NEXT_STATEMENT and text[cue.start - 2:cue.start] == ", " \
            and re.match(r"\s+(?:that\s+)?[a-z]", text[cue.end:cue.end + 8]):
        return False             # '"…," he said, adding (that) …': the speaker's next statement
    s_start, _ = layout.sentence(cue.start)
    if re.match(r"\s+that\s+(?!(?:night|day|morning|afternoon|evening|week|month|year|time)\b)",
                text[cue.end:cue.end + 24]):
        return False             # 'On ABC's "This Week," Rubio said that …': a that-clause is this cue's content
    if re.search(r"[”\"’']\s+but\s+(?:also\s+|then\s+|later\s+)?$", text[max(p_start, cue.start - 20):cue.start]) \
            and text[s_start:s_start + 1] not in "“\"‘'":
        return False             # 'called it "extremely careless," but said …': a fragment, then a second verb
    if _SECOND_CLAUSE.search(text, max(p_start, cue.start - 20), cue.start):
        return False             # '"…," Carson said on NBC, but he said he is …': a clause of its own
    if _COORDINATED.search(text, max(p_start, cue.start - 12), cue.start) and \
            not re.search(r"[,.!?]\s*[”\"’']\s+and\s+(?:also\s+)?$", text[max(p_start, cue.start - 20):cue.start]):
        return False             # 'called it “a practical step” and said that …': a second verb, not an attribution
    window = max(p_start, cue.start - 60)
    closing = _QUOTE_CLOSE_BEFORE.search(text[window:cue.start])
    # '… in Nice, France." He said he had directed …': a quotation that ended the sentence before is no
    # part of this one's attribution.
    return closing is not None and window + closing.start() >= s_start - 1


def _unnamed_source(text: str, resolver: Resolver, cue: Cue, s_start: int) -> Subject | None:
    """"Officials familiar with the talks have long argued that …": a description as the subject, only
    when "that" follows the cue and the subject opens the sentence."""
    if not re.match(r"\s+that\b", text[cue.end:cue.end + 6]) or cue.start - s_start > 120:
        return None
    return resolver.description(s_start, resolver.skip_fillers_left(cue.start, s_start))


def _main_speaker(text: str, resolver: Resolver, cue: Cue, s_start: int) -> Subject | None:
    """"“…,” he said, adding that …" / "said Bill Ackman, adding that …": the participle goes on with the
    speaker of the verb of saying just before it, not with whoever opens the sentence (often a quote)."""
    said = [c for c in resolver.layout.cues(max(s_start, cue.start - 80), cue.start) if c.text.lower() in SPEECH_CUES]
    if not said or len(text[said[-1].end:cue.start].split()) > 8 or re.search(r"[“”\"]", text[said[-1].end:cue.start]):
        return None
    main = said[-1]
    subject = resolver.subject_before(main.start, s_start)
    if subject is None or subject.entity is None:
        subject = resolver.subject_after(main.end, cue.start) or subject
    return subject


# A phrase of time or place opening the sentence before its subject: "In a speech on Tuesday night, Trump …".
_FRONTED = re.compile(r"(?:In|On|At|After|Before|During|Later|Earlier|Last|While|When|Speaking|Addressing)\b"
                      r"[^,;:“”\"]{0,80},\s+")
# The noun phrase opening a sentence, before its verb: "His chief aide doubled down …", "The Russians have used …".
_OPENING_PHRASE = re.compile(r"((?:[Tt]he|[Hh]is|[Hh]er|[Tt]heir|[Ii]ts|An?|One|Another)\s+(?:[\w’'-]+\s+){0,3}?"
                             r"[\w’'-]+)\s+(?:(?:has|have|had|also|then|later)\s+)?(?:[a-z]{3,}(?:ed|s)|began|went|took|made|"
                             r"gave|came|spoke|met|led|sent|held|kept|left|put|ran|stood|won|lost|got|hit|drew|"
                             r"struck|threw|fought|sought|brought|built|cut)\b")


def _opening_subject(text: str, resolver: Resolver, s_start: int, pos: int) -> Subject | None:
    """"In a speech on Tuesday night, Trump mocked …, saying": the subject after a fronted phrase; "His chief aide
    doubled down …, saying": the description that opens the sentence."""
    fronted = _FRONTED.match(text, s_start, pos)
    if fronted is not None:
        subject = resolver.sentence_subject(fronted.end(), pos)
        if subject is not None:
            return subject
    start = fronted.end() if fronted is not None else s_start
    opening = _OPENING_PHRASE.match(text, start, pos)
    if opening is None:
        return None
    found = resolver.description(start, opening.end(1))
    return None if found is None or found.weak else found


def _subject_of(text: str, resolver: Resolver, cue: Cue, s_start: int) -> Subject | None:
    """The subject before a cue; for "…, saying X" the subject of the whole sentence."""
    if cue.text.lower().endswith("ing") and _GERUND_AFTER.search(text, max(s_start, cue.start - 8), cue.start):
        return _main_speaker(text, resolver, cue, s_start) or resolver.sentence_subject(s_start, cue.start) \
            or _opening_subject(text, resolver, s_start, cue.start)
    quoted_as = _QUOTED_AS.search(text, max(s_start, cue.start - 80), cue.start)
    if quoted_as and cue.text.lower() in {"saying", "telling", "writing"}:
        # "The AP quoted Paul Manafort as saying that …": the person quoted speaks, not the outlet.
        inside = [m for m in resolver.actors.mentions_between(quoted_as.start(1), quoted_as.end(1))
                  if resolver.speaks(m.entity)]
        if inside:
            return Subject(inside[-1].entity, inside[-1].start, inside[-1].end)
    subject = resolver.subject_before(cue.start, s_start)
    coordinated = _COORDINATED.search(text, max(s_start, cue.start - 12), cue.start)
    if _CONTRASTED.search(text, max(s_start, cue.start - 20), cue.start):
        return resolver.sentence_subject(s_start, cue.start)             # "X said …, but added that …"
    if coordinated and (subject is None or subject.entity is None):
        return resolver.sentence_subject(s_start, cue.start) or subject   # "Mammadli called … and said that …"
    return subject


def headline_attributions(text: str, layout: Layout, resolver: Resolver) -> list[Indirect]:
    """"Graham: Trump's rhetoric destroys the party": a short line opening with a name and a colon."""
    found = []
    for p_start, p_end in layout.paragraphs:
        if p_end - p_start > 200:
            continue
        colon = text.find(": ", p_start, p_end)
        if colon == -1:
            continue
        mentions = [m for m in resolver.actors.mentions_between(p_start, colon)
                    if resolver.actors.entities[m.entity].kind == "person"]    # "Las Vegas Massacre: …" is a title
        if not mentions or mentions[0].start != p_start or mentions[-1].end < colon - 1:
            continue
        start, end = _trim(text, colon + 1, p_end)
        if text[start:start + 1] in "“\"‘'" or not _enough_words(text, start, end):
            continue
        subject = Subject(mentions[-1].entity, mentions[-1].start, mentions[-1].end)
        found.append(Indirect(start, end, subject, Cue(colon, colon + 1, ":"), 0.5, "headline"))
    return found


def _quote_fills(layout: Layout, start: int, end: int) -> bool:
    return any(a <= start and b >= end - 2 for a, b in layout.quoted_near(start))


def _cut_at_trailing_attribution(text: str, layout: Layout, start: int, end: int) -> int:
    """Stop reported content before a following ", he added" or a fresh quote (a mark that opens:
    one ending the content after a word closes a quoted phrase, which the content keeps)."""
    for match in re.finditer(r",\s+(?:he|she|they|it)\s+(?:said|added|says)\b|\s+[“\"]\s*$", text[start:end]):
        return start + match.start()
    return end


def _trailing(text: str, layout: Layout, resolver: Resolver, cue: Cue, s_start: int, s_end: int) -> Indirect | None:
    """CONTENT, SUBJECT CUE [on Monday]. and CONTENT, CUE SUBJECT."""
    tail = text[cue.end:s_end]
    skip = _AFTER_CUE_SKIP.match(tail)
    rest = tail[skip.end():] if skip else tail
    inverted = None
    if not re.fullmatch(r"[\s.!?”’\"']*", rest):
        if _COMMENT.match(rest) and cue.text.lower() in SPEECH_CUES:
            pass                                  # "…, its government said on Thursday, the latest sign of …"
        elif re.match(r"\s*(?:to|in|at)\s+[^,]{1,60}[.!?]?\s*$", rest) and cue.text.lower() in SPEECH_CUES:
            pass                                  # "..., she told reporters." / "said in a statement."
        elif cue.text.lower() in LISTENER_CUES and re.fullmatch(r"\s*(?:[\w’'.-]+\s*){1,5}[.!?]?\s*", rest):
            pass                                  # "..., he told reporters."
        elif "," in tail[:len(tail) - len(rest.lstrip(" ,"))] and _AUTHORS_NEXT_CLAUSE.match(rest.lstrip(" ,")) \
                and cue.text.lower() in SPEECH_CUES:
            pass                                  # "…, the ministry said on Wednesday, as rail congestion eased"
        else:
            inverted = resolver.subject_after(cue.end, s_end)
            if inverted is None or cue.text.lower().endswith("ing") or not _ends_sentence(text, inverted.end, s_end):
                return None               # "…, saying he has …", "…, said she turned out": content follows
    comma = text.rfind(",", s_start, cue.start)
    if comma <= s_start:
        return None
    subject = inverted
    if subject is None:
        before = text[comma + 1:cue.start]
        if len(before.split()) > 14 or re.search(r"\b(?:than|as)\b", before):
            return None              # "…, some 2.5 million more than it had previously disclosed": a comparison
        subject = resolver.subject_before(cue.start, comma + 1)
        if subject is None:
            # "…, a leading member of the party said": the subject may hold its own commas.
            subject = resolver.subject_before(cue.start, s_start)
            if subject is None:
                return None
            comma = text.rfind(",", s_start, subject.start)
            if comma <= s_start:
                return None
    elif text[comma + 1:cue.start].strip(" \t”’\"'"):
        return None              # only the quotation's closing mark may stand between ("sooner,'' said X")
    start, end = _trim(text, s_start, comma)
    start = _skip_dateline(text, start, end)
    end = _through_closing_mark(text, start, end)
    if start >= end or layout.in_quote(start) and _quote_fills(layout, start, end):
        return None
    if text[start] in "“\"‘'" or text[start:start + 2] == "''":
        return None              # '"…," Trump, the front-runner, said' is a direct quote's attribution
    if not _enough_words(text, start, end):
        return None
    return Indirect(start, end, subject, cue, 0.6, "trailing-inverted" if inverted is not None else "trailing")


def _ends_sentence(text: str, pos: int, s_end: int) -> bool:
    """Whether only a time, an apposition or punctuation follows a subject ("…, said Peskov, the Kremlin's
    spokesman, on Monday.")."""
    rest = text[pos:s_end]
    skip = _AFTER_CUE_SKIP.match(rest)
    rest = rest[skip.end():] if skip else rest
    # An apposition: "…, the minister", "…, Facebook's global politics director", "…, who …"; not a clause
    # of the author's (", adding that …", ", and …").
    return bool(re.fullmatch(r"(?:,\s+(?!and\b|but\b|or\b|[a-z]+ing\b)[^“”\"]{1,150}?)?"
                             r"(?:\s+(?:on|in|at)\s+[^,“”\"]{1,40})?[\s.!?”’\"')]*", rest))


_CAPTION = re.compile(r"\b(?:is|are|was|were)\s+(?:pictured|photographed|shown|seen)\b|\(Photo\b|Photo(?:graph)?:",
                      re.IGNORECASE)


_TRANSLATION = re.compile(r"\s+(?:(?:an?|the|its|his|her|their)\s+)?(?:[\w’'.-]+\s+){0,3}?(?:translation|transcript|"
                          r"translator|interpreter|interpretation|subtitles?)s?\b", re.IGNORECASE)


def _according_to(text: str, resolver: Resolver, cue: Cue, s_start: int, s_end: int) -> Indirect | None:
    """"According to X, CONTENT." or "CONTENT, according to X."."""
    if _CAPTION.search(text, s_start, s_end):
        return None                  # "X is pictured being taken into custody, according to police": a caption
    if _TRANSLATION.match(text, cue.end, s_end):
        return None                  # "…, Kim said, according to a CNN translation": who translated did not say it
    subject = resolver.subject_after(cue.end, s_end)
    if subject is None:
        # "according to early results of exit polls conducted by …": a source, if not a named one.
        stop = re.search(r"[,.;:]", text[cue.end:s_end])
        source_end = cue.end + (stop.start() if stop else s_end - cue.end)
        if source_end - cue.end < 3:
            return None
        subject = resolver.description(cue.end + len(text[cue.end:source_end]) - len(text[cue.end:source_end].lstrip()),
                                       source_end)
        if subject is None:
            return None
    if cue.start - s_start <= 2:
        comma = text.find(",", subject.end, s_end)
        if comma == -1:
            return None
        start, end = _trim(text, comma + 1, s_end)
    else:
        start, end = _trim(text, s_start, cue.start)
    if not _enough_words(text, start, end):
        return None
    return Indirect(start, end, subject, cue, 0.65, "according")


def _accused(text: str, resolver: Resolver, cue: Cue, s_start: int, s_end: int) -> Indirect | None:
    """SUBJECT accused OBJECT of CONTENT."""
    subject = resolver.subject_before(cue.start, s_start)
    if subject is None:
        return None
    obj = _ACCUSE_OBJECT.match(text, cue.end, s_end)
    if not obj:
        return None
    start, end = _trim(text, obj.end(), s_end)
    comma = text.find(", ", start, end)
    if comma != -1 and not re.match(r", (?:and|or|but)\b", text[comma:comma + 6]):
        end = comma
    clause = re.search(r"\s(?:as|while|when|after|because|following|since|before|amid)\s"
                       r"|\s+and\s+(?=(?:the|a|an|he|she|they|it|his|her|their)\s)", text[start:end])
    if clause:
        end = start + clause.start()
    if not end > start:
        return None
    return Indirect(start, end, subject, cue, 0.5, "accused")
