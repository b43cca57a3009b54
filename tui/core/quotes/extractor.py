"""Who said what: rule-based extraction of an article's actors and its direct, partial and indirect quotes."""

from __future__ import annotations

import bisect
import logging
import re
from dataclasses import dataclass

from tui.core.models import SHOWN_CONFIDENCE, Actor, Analysis, Quote
from tui.core.quotes.actors import ActorIndex, build_actors
from tui.core.quotes.boilerplate import mask
from tui.core.quotes.confidence import calibrated
from tui.core.quotes.evidence import QUOTED_LIFTS, RATES, SPEAKER_CAPS
from tui.core.quotes.features import Signals
from tui.core.quotes.indirect import Indirect, find_indirect
from tui.core.quotes.judge import judge
from tui.core.quotes.lexicon import LISTENER_CUES, STATE_PLACES
from tui.core.quotes.marks import MarkSpan, find_mark_spans, paragraphs
from tui.core.quotes.speakers import Cue, Layout, Resolver, Subject, is_outlet, unnamed_source
from tui.core.quotes.tweets import Post, find_posts, with_authors

# Beyond this the rules still run but on a prefix: a reader never needs quotes from a 2 MB blob.
MAX_CHARS = 400_000
_MAX_ATTRIBUTION_WORDS = 14
_RESUMED_QUOTE = re.compile(r"[,!?]\s*(?:''|[”\"’'])\s+(?:[^\s“”\"]+\s+){1,12}?[^\s“”\"]+,$")
_GAP_AFTER_CUE = re.compile(r"[\w,:]\s$")
# The noun phrase a sentence opens with, before its verb: "An officer was directing people, …".
_OPENING_NOUN = re.compile(r"((?:An?|The|One|Another)\s+(?:[a-z-]+\s+){0,3}[a-z]+)\s+(?:was|were|is|are|had|has|kept|"
                           r"began|started|stood|ran)\b")
# A verb of shouting right before a quotation mark ("repeatedly shouting “Go quickly!”"): those words are
# that verb's, whatever attribution closes the sentence.
_ADJACENT_CUE = re.compile(r"\b(?:shout(?:ed|ing|s)?|yell(?:ed|ing|s)?|scream(?:ed|ing|s)?|chant(?:ed|ing|s)?|"
                           r"cr(?:ied|ying|ies))[,:]?\s+$")
LOG = logging.getLogger(__name__)


@dataclass
class _Draft:
    """A quote while its speaker is being worked out."""

    start: int
    end: int
    kind: str
    mark: MarkSpan | None = None
    entity: int | None = None
    cue: str | None = None
    confidence: float = 0.3
    attributed: bool = False
    own: bool = False                 # attributed by a cue of its own sentence, not by a neighbour
    cue_at: int | None = None         # where its cue stands: quotes sharing a cue are one unit
    source: str | None = None         # an unnamed source's words ("a senior official")
    hosted: bool = False              # a fragment inside a reported clause: part of that clause's quote
    rule: str = ""                    # which rule attributed it (confidence is calibrated per rule)
    subject: Subject | None = None    # how its speaker was named (a name, a pronoun, a description)

    @property
    def span(self) -> MarkSpan:
        """The quotation marks of a direct or partial draft (reported speech has none)."""
        if self.mark is None:
            raise ValueError("a reported-speech draft has no quotation marks")
        return self.mark


@dataclass
class _Unit:
    """One attribution unit under assembly: the drafts whose pieces it joins."""

    drafts: list[_Draft]

    @property
    def head(self) -> _Draft:
        return self.drafts[0]

    @property
    def last(self) -> _Draft:
        return self.drafts[-1]

    @property
    def lead(self) -> _Draft:
        """The piece that carries the attribution (its own cue), or the first: a quote running over
        paragraphs is often attributed only in its last one."""
        return next((d for d in self.drafts if d.own), self.drafts[0])


def analyse(text: str) -> Analysis:
    """Find the actors and quotes of one article; offsets index into exactly this text. Never raises."""
    if not isinstance(text, str) or not text.strip():
        return Analysis((), ())
    try:
        return _analyse(text[:MAX_CHARS])
    except Exception as exc:
        # Rules are heuristics over arbitrary input: a bug in one must not take the reader down,
        # but it must not pass for an article without quotes either.
        error = f"{type(exc).__name__}: {exc}"
        LOG.warning("the quote rules failed on a text of %d characters: %s", len(text), error,
                    exc_info=LOG.isEnabledFor(logging.DEBUG))
        return Analysis((), (), error=error)


def _analyse(original: str) -> Analysis:
    actors, quotes, _ = _analyse_explained(original)
    return Analysis(actors, quotes)


def explain(text: str, judged: bool = True) -> tuple[tuple[Actor, ...], list[tuple[Quote, Signals]]]:
    """The actors, and every candidate quote with the rule signals the judge weighs; `judged=False` gives
    the rules' own rates as confidence (what the judge is trained from: training never reads old weights)."""
    actors, quotes, signals = _analyse_explained(text[:MAX_CHARS], judged)
    return actors, list(zip(quotes, signals, strict=True))


def _analyse_explained(original: str, judged: bool = True) -> tuple[tuple[Actor, ...], tuple[Quote, ...],
                                                                    list[Signals]]:
    text = mask(original)            # boilerplate blanked: offsets stay those of the original
    actors = build_actors(text)
    posts = find_posts(original)     # off the original: the masking blanks embeds for the prose rules
    actors, authors = with_authors(actors, posts) if posts else (actors, [])
    marks = find_mark_spans(text)
    layout = Layout(text, paragraphs(text), marks)
    resolver = Resolver(text, actors, layout)
    indirect = find_indirect(text, layout, resolver)
    drafts = _direct_drafts(text, marks, layout, resolver)
    _attribute_partials(text, drafts, indirect, layout, resolver)
    reported = _indirect_drafts(text, indirect)
    if posts:
        drafts, reported = _posts_hold(posts, drafts), _posts_hold(posts, reported)
        drafts.extend(_post_drafts(posts, authors))
    units = _units(text, drafts, reported, layout)
    quotes, explained = [], []
    quoted: set[int] = set()
    for unit in units:
        _nearest_speaker(unit, resolver)
        who = _speaker_class(unit, actors)
        signals = _signals(original, unit, actors, layout, who)
        confidence = judge().probability(signals) if judged else signals.rate
        speaker = actors.entities[unit.head.entity] if unit.head.entity is not None else None
        if speaker is not None and speaker.evidence in SPEAKER_CAPS:
            confidence = min(confidence, speaker.confidence)   # a caption's speaker, a lone first name
        quotes.append(_public_quote(original, unit, actors, confidence))
        explained.append(signals)
        if unit.head.entity is not None and quotes[-1].confidence >= SHOWN_CONFIDENCE:
            quoted.add(unit.head.entity)
    for index in quoted:
        entity = actors.entities[index]
        if entity.kind == "person" and entity.evidence in QUOTED_LIFTS:
            entity.evidence, entity.confidence = "person quoted", RATES["person quoted"]
    return _public_actors(actors), tuple(quotes), explained


def _signals(text: str, unit: _Unit, actors: ActorIndex, layout: Layout, who: str) -> Signals:
    """What the rules know of a unit, for the judge."""
    head = unit.lead
    cue = next((d.cue for d in unit.drafts if d.cue), None)
    speaker = actors.entities[head.entity] if head.entity is not None else None
    return Signals(
        kind=head.kind, rule=head.rule or "-", who=who, cue=cue,
        rate=calibrated(head.kind, head.rule, who, head.cue),
        text=" … ".join(text[d.start:d.end] for d in unit.drafts), pieces=len(unit.drafts),
        evidence=speaker.evidence if speaker is not None else "",
        speaker_confidence=speaker.confidence if speaker is not None else 0.0,
        speaker_mentions=len(set(speaker.spans)) if speaker is not None else 0,
        unnamed=bool(head.source),
        continued=any(d.mark is not None and (d.mark.continued or d.mark.continues) for d in unit.drafts),
        first_paragraph=layout.paragraph_index(unit.head.start) == 0,
        outlet=speaker is not None and is_outlet(speaker.name),
        speaker_words=len(speaker.name.split()) if speaker is not None else 0,
        before=text[max(0, unit.head.start - 4):unit.head.start], after=text[unit.last.end:unit.last.end + 4],
        lead=text[max(0, unit.head.start - 40, _paragraph_start(layout, unit.head.start)):unit.head.start],
    )


def _paragraph_start(layout: Layout, pos: int) -> int:
    """Where pos's paragraph starts; an embedded post may stand where the masking left no paragraph."""
    index = layout.paragraph_index(pos)
    return layout.paragraphs[index][0] if 0 <= index < len(layout.paragraphs) else pos


def _nearest_speaker(unit: _Unit, resolver: Resolver) -> None:
    """A cue whose subject the rules could not read, and no unnamed source: the nearest person or
    organisation becomes a speaker candidate (the judge weighs the class: "person nearest")."""
    head = unit.lead
    if head.entity is not None or head.source or head.cue_at is None or head.cue is None:
        return
    subject = resolver.nearest(head.cue_at, head.cue_at + len(head.cue))
    if subject is None:
        return
    for draft in unit.drafts:
        if draft.entity is None and not draft.source:
            draft.entity, draft.subject = subject.entity, subject


def _speaker_class(unit: _Unit, actors: ActorIndex) -> str:
    """How the unit's speaker was named: "person name", "organisation pronoun", "unnamed", "none"."""
    head = unit.lead
    subject = head.subject
    if head.entity is None:
        return "unnamed" if head.source else "none"
    entity = actors.entities[head.entity]
    kind = "state" if entity.kind == "place" and entity.name in STATE_PLACES else entity.kind   # "China said"
    via = "nearest" if subject is not None and subject.nearest else \
        "pronoun" if subject is not None and subject.pronoun else \
        "described" if subject is not None and subject.described else \
        "epithet" if subject is not None and subject.topical else "name"
    return f"{kind} {via}"


def _public_actors(actors: ActorIndex) -> tuple[Actor, ...]:
    result = []
    for entity in actors.entities:
        spans = tuple(sorted(set(entity.spans)))
        result.append(Actor(entity.name, entity.kind, entity.role, tuple(sorted(entity.aliases)), len(spans),
                            spans[0][0], spans, confidence=entity.confidence))
    return tuple(sorted(result, key=lambda a: a.sort_key))


def _public_quote(text: str, unit: _Unit, actors: ActorIndex, confidence: float) -> Quote:
    head = unit.head
    speaker = head.source
    if head.entity is not None:
        entity = actors.entities[head.entity]
        # A place never speaks (a state named by its country or capital does): better no speaker than a wrong one.
        speaker = entity.name if entity.kind in {"person", "organisation"} or (
            entity.kind == "place" and entity.name in STATE_PLACES) else None
        joint = head.subject.joint if head.subject is not None else ()
        if speaker is not None and head.entity in joint:
            speaker = " and ".join(actors.entities[index].name for index in joint)   # "Jessica Alba and Cash Warren"
    pieces = tuple((d.start, d.end) for d in unit.drafts)
    cue = next((d.cue for d in unit.drafts if d.cue), None)
    if speaker is None:
        confidence = min(confidence, calibrated(head.kind, head.rule, "none"))   # a place named as speaker
    return Quote(speaker, " … ".join(text[a:b] for a, b in pieces), head.kind, cue, pieces[0][0], pieces[-1][1],
                 round(confidence, 2), pieces=pieces)


def _post_drafts(posts: list[Post], authors: list[int]) -> list[_Draft]:
    """An embedded post is a direct quote of its signed author."""
    return [_Draft(post.start, post.end, "direct", entity=author, cue="tweeted", confidence=0.9, attributed=True,
                   own=True, cue_at=post.signature_start, rule="tweet",
                   subject=Subject(author, post.author_start, post.author_end))
            for post, author in zip(posts, authors, strict=True)]


def _posts_hold(posts: list[Post], drafts: list[_Draft]) -> list[_Draft]:
    """The drafts outside every post: a phrase quoted or reported inside a post is part of the post."""
    return [d for d in drafts if not any(p.start <= d.start and d.end <= p.end for p in posts)]


# ---------------------------------------------------------------- attribution units


def _units(text: str, drafts: list[_Draft], indirect: list[_Draft], layout: Layout) -> list[_Unit]:
    """Join the attributed pieces into attribution units, the way a reader counts quotes.

    `"A," she said. "B."` is one unit of two pieces; quotes that share one cue (`"A," said X, "and B."`,
    `called it "a" and "b"`) are one unit; a fragment quoted inside a reported clause belongs to that
    clause (still reported speech: the phrase is in its text, quote marks and all). Scare quotes and
    titles (nothing attributes them) are no quotes at all.
    """
    units: list[_Unit] = []
    said = (d for d in drafts if d.attributed and not d.hosted and (d.entity is not None or d.source or d.cue))
    for draft in sorted(said, key=lambda d: d.start):
        previous = units[-1] if units else None
        if previous is not None and _continues(text, previous.last, draft, layout):
            previous.drafts.append(draft)
        else:
            units.append(_Unit([draft]))
    units.extend(_Unit([d]) for d in indirect)
    return sorted(units, key=lambda u: (u.head.start, u.last.end))


def _continues(text: str, previous: _Draft, draft: _Draft, layout: Layout) -> bool:
    """Whether a quote carries on the unit of the quote before it."""
    if previous.kind == "indirect" or draft.entity != previous.entity or draft.source != previous.source:
        return False
    if draft.cue_at is not None and draft.cue_at == previous.cue_at:
        return True                  # one cue for both
    if draft.kind != "direct" or previous.kind != "direct":
        return False
    if draft.mark is not None and draft.mark.continued and previous.mark is not None and previous.mark.continues:
        # A quote running over several paragraphs (newspaper style: only an opening mark until the last
        # paragraph, which may carry the attribution): one unit, whoever attributed which piece.
        return True
    if draft.own:
        return False
    return layout.paragraph_index(previous.start) == layout.paragraph_index(draft.start)


# ---------------------------------------------------------------- direct and partial quotes


def _direct_drafts(text: str, marks: list[MarkSpan], layout: Layout, resolver: Resolver) -> list[_Draft]:
    drafts = [_Draft(m.inner_start, m.inner_end, _quote_kind(text, m, layout), m) for m in marks]
    for index, draft in enumerate(drafts):
        if draft.kind == "direct":
            _attribute_in_sentence(text, draft, drafts, index, layout, resolver)
    _attribute_by_neighbours(text, drafts, layout, resolver)
    return drafts


def _quote_kind(text: str, mark: MarkSpan, layout: Layout) -> str:
    """direct for whole quoted sentences, partial for fragments embedded in the author's sentence."""
    if mark.continued or mark.continues:
        return "direct"
    inner = text[mark.inner_start:mark.inner_end].strip()
    if len(inner.split()) <= 5 and _looks_like_title(inner):
        return "partial"             # “Black Mirror” Season 4 is streaming: a title, whoever spoke last
    s_start, _ = layout.sentence(mark.open_start)
    before = text[s_start:mark.open_start].rstrip()
    if re.search(r"\bthat$", before):
        return "partial"             # mixed quote: 'said that "…"' is reported speech quoting words
    if _RESUMED_QUOTE.search(before):
        return "direct"              # "This used to be ours," he said, "but it is changing."
    if not before or before[-1] in ":":
        if len(inner.split()) >= 2 or inner[-1:] in ".!?":
            return "direct"
        # “Absolutely,” he said: a one-word answer is a whole quote when a cue follows at once.
        after = text[mark.close_end:mark.close_end + 40]
        return "direct" if inner[-1:] == "," and layout.cues(mark.close_end, mark.close_end + len(after)) \
            and re.match(r"\s*(?:[A-Za-z.’'-]+\s+){0,3}[a-z]+\b", after) else "partial"
    if _GAP_AFTER_CUE.search(before + " ") and layout.cues(max(s_start, mark.open_start - 60), mark.open_start):
        cue = layout.cues(max(s_start, mark.open_start - 60), mark.open_start)[-1]
        if _gap_ok(text[cue.end:mark.open_start], cue.text.lower()):
            return "direct" if inner[:1].isupper() or len(inner.split()) >= 4 else "partial"
    if inner[:1].isupper() and len(inner.split()) >= 6 and re.search(r"[.!?,]\W*$", inner):
        return "direct"
    return "partial"


def _attribute_in_sentence(text: str, draft: _Draft, drafts: list[_Draft], index: int,
                           layout: Layout, resolver: Resolver) -> None:
    """"…," X said / said X / X, the deputy chairman of Y, told Z / X said: "…"."""
    mark = draft.span
    s_start, s_end = layout.sentence(mark.open_start)
    _, s_end = layout.sentence(max(mark.open_start, mark.close_end - 1))
    next_open = drafts[index + 1].span.open_start if index + 1 < len(drafts) else s_end
    prev_close = drafts[index - 1].span.close_end if index > 0 else s_start
    after_end = min(s_end, next_open) if next_open > mark.close_end else s_end
    rule, found = "after", None
    if s_start < mark.open_start and _ADJACENT_CUE.search(text, max(s_start, mark.open_start - 40), mark.open_start):
        # 'an officer was … repeatedly shouting "Go quickly!" in French, Phillips said': the words belong to
        # the verb right before them, not to the attribution that closes the sentence
        rule, found = "before", _cue_before(text, max(s_start, prev_close), mark.open_start, layout, resolver)
    if found is None:
        rule, found = "after", _cue_after(text, mark.close_end, after_end, layout, resolver)
    if found is None:
        rule, found = "before", _cue_before(text, max(s_start, prev_close), mark.open_start, layout, resolver)
    if found is None and after_end == s_end and not text[mark.close_end:s_end].strip():
        following = drafts[index + 1].span.open_start if index + 1 < len(drafts) else len(text)
        rule, found = "next-sentence", _cue_in_next_sentence(text, s_end, following, layout, resolver)
    if found is None:
        rule, found = "colon", _colon_intro(text, max(s_start, prev_close), mark.open_start, resolver)
    if found is None and re.search(r"[,!?—–-]\W*$", text[mark.inner_start:mark.inner_end]):
        rule, found = "unlisted-verb", _unlisted_verb_after(text, mark.close_end, after_end, resolver)
    if found is None and s_start == mark.open_start and prev_close <= s_start:
        rule, found = "previous-sentence", _cue_in_previous_sentence(text, s_start, prev_close, layout, resolver)
    if found is None:
        return
    subject, cue = found
    _attribute(text, draft, subject, cue)
    draft.rule = rule
    draft.confidence = 0.8 if subject.pronoun else 0.9
    if subject.entity is None:
        draft.confidence = 0.6


def _attribute(text: str, draft: _Draft, subject: Subject, cue: Cue) -> None:
    """Give a draft its own speaker and cue."""
    draft.entity, draft.cue, draft.attributed = subject.entity, (None if cue.text == ":" else cue.text), True
    draft.own, draft.cue_at = True, cue.start
    draft.source = unnamed_source(text, subject)
    draft.subject = subject


def _cue_after(text: str, start: int, end: int, layout: Layout, resolver: Resolver) -> tuple[Subject, Cue] | None:
    for cue in layout.cues(start, end):
        between = text[start:cue.start]
        if len(between.split()) > _MAX_ATTRIBUTION_WORDS or ";" in between:
            return None
        if not between.strip(" ,\t’'"):          # a nested quote's last mark may stand before the cue
            subject = resolver.subject_after(cue.end, end)
        else:
            subject = resolver.subject_before(cue.start, start)
            if subject is not None and subject.start < start:
                subject = None
        if subject is not None:
            return subject, cue
        return None
    return None


def _cue_in_next_sentence(text: str, s_end: int, next_open: int, layout: Layout,
                          resolver: Resolver) -> tuple[Subject, Cue] | None:
    """"…." Trump said. -- the attribution as a short sentence of its own after the quote."""
    n_start, n_end = layout.sentence(s_end + 1 if s_end < len(text) and text[s_end].isspace() else s_end)
    if n_start < s_end or layout.paragraph_index(n_start) != layout.paragraph_index(s_end - 1):
        return None
    if next_open < n_end or len(text[n_start:n_end].split()) > 16:
        return None
    return _cue_after(text, n_start, n_end, layout, resolver)


def _unlisted_verb_after(text: str, start: int, end: int, resolver: Resolver) -> tuple[Subject, Cue] | None:
    """"Go back to Univision," Trump barked / scoffed Arianna Gil: a speaker and any past-tense verb."""
    window = text[start:min(end, start + 120)]
    lead = len(window) - len(window.lstrip(" ,"))
    mentions = [m for m in resolver.actors.mentions_between(start, start + len(window))
                if resolver.actors.entities[m.entity].kind in {"person", "organisation"}]
    pronoun = re.match(r"[ ,]*(he|she|they|it)\s+([a-z]+(?:ed|s))\b", window)
    if pronoun:
        subject = resolver.subject_before(start + pronoun.end(1), start)
        if subject is not None:
            return subject, Cue(start + pronoun.start(2), start + pronoun.end(2), pronoun.group(2))
    if not mentions or mentions[0].start - start > lead + 1 + 20:
        return None
    first = mentions[0]
    if first.start - start <= lead + 1:
        verb = re.match(r"(?:\s*\([^()]{1,30}\))?\s+([a-z]+ed)\b", text[first.end:first.end + 40])
        if verb:
            offset = first.end + verb.start(1)
            cue = Cue(offset, offset + len(verb.group(1)), verb.group(1))
            return Subject(first.entity, first.start, first.end), cue
        return None
    verb = re.fullmatch(r"[ ,]*([a-z]+ed)\s+", text[start:first.start])
    if verb:
        offset = start + verb.start(1)
        return Subject(first.entity, first.start, first.end), Cue(offset, offset + len(verb.group(1)), verb.group(1))
    return None


def _cue_in_previous_sentence(text: str, s_start: int, prev_close: int, layout: Layout,
                              resolver: Resolver) -> tuple[Subject, Cue] | None:
    """X said in a statement. "There are no paper ballots to recount." -- the quote opens the next sentence."""
    p_start, _ = layout.sentence(max(0, s_start - 2))
    if p_start >= s_start or layout.paragraph_index(p_start) != layout.paragraph_index(s_start):
        return None
    if p_start < prev_close:
        return None
    previous = text[p_start:s_start].rstrip()
    if not previous.endswith((".", ":")):
        return None
    cues = layout.cues(p_start, s_start)
    if not cues or len(text[cues[-1].end:s_start].split()) > 6:
        return None
    cue = cues[-1]
    subject = resolver.subject_before(cue.start, p_start) or resolver.subject_after(cue.end, s_start)
    return (subject, cue) if subject is not None else None


def _colon_intro(text: str, start: int, end: int, resolver: Resolver) -> tuple[Subject, Cue] | None:
    """Carl Bialik: "…" / Rubio fired back forcefully: "…"."""
    before = text[start:end].rstrip()
    if not before:
        before, start = _previous_paragraph_tail(text, end)
    if not before.endswith(":"):
        return None
    colon = start + len(before) - 1
    mentions = [m for m in resolver.actors.mentions_between(start, colon)
                if resolver.actors.entities[m.entity].kind in {"person", "organisation"}]
    if mentions and colon - mentions[-1].end <= 2:
        mention = mentions[-1]
    else:
        subject = resolver.sentence_subject(start, colon)
        if subject is None:
            # "The group said in a statement:" closing the paragraph before the quote: its verb's subject.
            return _cue_before(text, start, colon + 1, resolver.layout, resolver)
        return subject, Cue(colon, colon + 1, ":")
    return Subject(mention.entity, mention.start, mention.end), Cue(colon, colon + 1, ":")


def _previous_paragraph_tail(text: str, pos: int) -> tuple[str, int]:
    """The previous paragraph's last 200 characters, for a quote introduced by "… in the following way:"."""
    para_start = text.rfind("\n", 0, pos)
    if para_start == -1 or text[para_start + 1:pos].strip():
        return "", pos
    previous = text[:para_start].rstrip()
    start = max(previous.rfind("\n") + 1, len(previous) - 200)
    return previous[start:], start


def _cue_before(text: str, start: int, end: int, layout: Layout, resolver: Resolver) -> tuple[Subject, Cue] | None:
    cues = layout.cues(start, end)
    if not cues:
        return None
    cue = cues[-1]
    word = cue.text.lower()
    if not _gap_ok(text[cue.end:end], word):
        return None
    if word.startswith("according"):
        subject = resolver.subject_after(cue.end, end)
    elif word.endswith("ing") and re.search(r",\s+(?:[a-z]+ly\s+)?$", text[max(start, cue.start - 16):cue.start]):
        s_start = layout.sentence(cue.start)[0]
        subject = resolver.sentence_subject(s_start, cue.start)
        opening = _OPENING_NOUN.match(text, s_start, cue.start)
        if subject is None and opening:
            subject = resolver.description(s_start, s_start + len(opening.group(1)))   # "An officer was …, shouting"
    elif re.search(r"\band\s+(?:then\s+|also\s+)?$", text[max(start, cue.start - 12):cue.start]):
        s_start = layout.sentence(cue.start)[0]              # "X thanked … on Facebook and added: “…”"
        subject = resolver.sentence_subject(s_start, cue.start) or resolver.subject_before(cue.start, start)
    else:
        subject = resolver.subject_before(cue.start, start)
        if subject is None and cue.start - start <= 2:
            subject = resolver.subject_after(cue.end, end)       # Stated Stone: "…"
    return (subject, cue) if subject is not None else None


def _gap_ok(gap: str, word: str) -> bool:
    """Whether the words between a cue and the quote it introduces keep them together."""
    if re.fullmatch(r"\s*(?:that\s*)?[,:]?\s*", gap):
        return True
    if word in LISTENER_CUES and re.fullmatch(r"\s+(?:[\w’'.-]+\s+){0,5}?(?:that\s*|[\w’'.-]+\s*[,:]\s*)", gap):
        return True
    if word.startswith("according") and re.fullmatch(r"\s+[^,:“\"]{1,60}[,:]\s*", gap):
        return True
    return bool(re.fullmatch(
        r"\s+(?:on|in|at|last|this|during|after|before|of|to|about|from|with|for)\s[^,:“\"]{1,60}[,:]\s*", gap))


def _attribute_by_neighbours(text: str, drafts: list[_Draft], layout: Layout, resolver: Resolver) -> None:
    """Same-paragraph attribution first, then the person the sentence before is about, then continued
    paragraphs, then the last speaker nearby."""
    by_paragraph: dict[int, list[_Draft]] = {}
    for draft in drafts:
        by_paragraph.setdefault(layout.paragraph_index(draft.start), []).append(draft)
    last: _Draft | None = None
    last_para = -10
    for draft in drafts:
        para = layout.paragraph_index(draft.start)
        if draft.kind == "direct" and not draft.attributed:
            sources = [d for d in by_paragraph[para] if d.attributed and d.kind == "direct"]
            subject = None if sources or draft.span.continued else _previous_sentence_person(text, draft, layout,
                                                                                              resolver)
            if sources:
                source = min(sources, key=lambda d: abs(d.start - draft.start))
                _inherit(draft, source, 0.8, keep_cue=True)
                draft.rule = "same-paragraph"
            elif subject is not None:
                draft.entity, draft.subject, draft.attributed, draft.confidence = subject.entity, subject, True, 0.6
                draft.rule = "previous-subject"
            elif last is not None and (draft.span.continued or para - last_para <= 1):
                _inherit(draft, last, 0.75 if draft.span.continued else 0.55, keep_cue=draft.span.continued)
                draft.rule = "continued" if draft.span.continued else \
                    "quote-paragraph" if para - last_para == 1 and _only_quotes(text, layout, para, [draft]) \
                    and _only_quotes(text, layout, last_para, by_paragraph[last_para], last) else "next-paragraph"
        if draft.attributed and draft.kind == "direct":
            last, last_para = draft, para
    # A quote running over several paragraphs may be attributed only in a later one.
    for index in range(len(drafts) - 2, -1, -1):
        draft, following = drafts[index], drafts[index + 1]
        if draft.span.continues and following.span.continued and following.attributed \
                and (not draft.attributed or draft.confidence < following.confidence):
            _inherit(draft, following, 0.75, keep_cue=True)
            draft.rule = "continued"


def _previous_sentence_person(text: str, draft: _Draft, layout: Layout, resolver: Resolver) -> Subject | None:
    """"Yoshihiro Naito, 77, opposed the idea. “…”": a quote opening a sentence, after a sentence of the
    author's in its paragraph that a named person opens, is that person's."""
    s_start, _ = layout.sentence(draft.span.open_start)
    if s_start < draft.span.open_start - 1 or s_start == 0:
        return None
    p_start, p_end = layout.sentence(s_start - 1)
    if p_start >= s_start or layout.paragraph_index(p_start) != layout.paragraph_index(s_start) \
            or re.search(r"[“”\"]", text[p_start:p_end]):
        return None
    opener = next(iter(resolver.actors.mentions_between(p_start, min(p_end, p_start + 40))), None)
    if opener is None or resolver.actors.entities[opener.entity].kind != "person" \
            or text[opener.end:opener.end + 2] in {"’s", "'s"} or layout.cues(p_start, p_end):
        return None
    return Subject(opener.entity, opener.start, opener.end)


def _only_quotes(text: str, layout: Layout, para: int, drafts: list[_Draft], last: _Draft | None = None) -> bool:
    """Whether a paragraph is its quotes and, for the one before, a short attribution of the last speaker:
    "“…,” said Mayor Masaki Ohnishi." then "“…”" on its own is the mayor going on."""
    start, end = layout.paragraphs[para]
    rest = text[start:end]
    for draft in drafts:
        if draft.mark is not None:
            rest = rest.replace(text[draft.mark.open_start:draft.mark.close_end], " ")
    if last is None:
        return not rest.strip(" \t\n.,")
    return len(rest.split()) <= 12 and all(d.entity == last.entity for d in drafts if d.attributed)


def _inherit(draft: _Draft, source: _Draft, confidence: float, keep_cue: bool) -> None:
    draft.entity, draft.source = source.entity, source.source
    draft.cue = source.cue if keep_cue else None
    draft.confidence = min(confidence, source.confidence)
    draft.attributed = True
    draft.subject = source.subject


def _attribute_partials(text: str, drafts: list[_Draft], indirect: list[Indirect],
                        layout: Layout, resolver: Resolver) -> None:
    """A fragment inside reported speech belongs to its speaker; titles and scare quotes to no one."""
    starts = [r.start for r in indirect]
    for draft in drafts:
        if draft.kind != "partial":
            continue
        inner = text[draft.start:draft.end]
        if _looks_like_title(inner):
            continue
        host = _host_clause(indirect, starts, draft.span)
        if host is not None:
            draft.entity, draft.cue, draft.confidence, draft.attributed = host.subject.entity, host.cue.text, 0.7, True
            draft.hosted = True
            continue
        s_start, s_end = layout.sentence(draft.start)
        found = _cue_before(text, s_start, draft.span.open_start, layout, resolver)
        named = _named_subject_of_quote(text, draft, resolver, layout, s_start)
        if named is not None:
            found = named             # 'and that NORAD “determined …”': the words of the named subject
        if found is None:
            cues = [c for c in layout.cues(s_start, draft.span.open_start)]
            subject = resolver.subject_before(cues[-1].start, s_start) if cues else None
            found = (subject, cues[-1]) if subject is not None else None
        if found is not None:
            subject, cue = found
            _attribute(text, draft, subject, cue)
            draft.confidence, draft.rule = 0.6, "partial-cue"
            _widen_to_clause(text, draft, cue, s_end)
            continue
        echo = _sentence_subject(text, s_start, draft.span.open_start, resolver)
        # Papoyan did not specify those "situations": a person's own word quoted back (not a title or name).
        if echo is not None and inner[:1].islower() and resolver.actors.entities[echo].kind == "person":
            draft.entity, draft.confidence, draft.attributed, draft.rule = echo, 0.4, True, "echo"


def _named_subject_of_quote(text: str, draft: _Draft, resolver: Resolver, layout: Layout,
                            s_start: int) -> tuple[Subject, Cue] | None:
    """"… said X and that North American Aerospace Defense Command “determined …”": a that-clause whose
    named subject stands right before quoted words (a verb first) is that subject's, under the sentence's cue."""
    open_start = draft.span.open_start
    if not text[draft.start:draft.start + 1].islower():
        return None
    mention = resolver.actors.mention_at(max(s_start, open_start - 2), open_start)
    if mention is None or text[mention.end:open_start].strip() \
            or resolver.actors.entities[mention.entity].kind not in {"person", "organisation"}:
        return None
    if not re.search(r"\bthat\s+(?:the\s+)?$", text[max(s_start, mention.start - 12):mention.start]):
        return None
    cues = layout.cues(s_start, mention.start)
    if not cues:
        return None
    return Subject(mention.entity, mention.start, mention.end), cues[-1]


def _widen_to_clause(text: str, draft: _Draft, cue: Cue, s_end: int) -> None:
    """"called the plan “a disaster” for farmers": the quote is the words after the cue, fragment and all."""
    mark = draft.mark
    if mark is None:
        return
    start = cue.end
    lead = re.match(r"\s*(?:that\s+)?", text[start:mark.open_start])
    start += lead.end() if lead else 0
    end = _clause_end(text, mark.close_end, s_end)
    if start < mark.open_start and len(text[start:mark.open_start].split()) <= 12 and end > start:
        draft.start, draft.end, draft.kind = start, end, "indirect"


def _clause_end(text: str, pos: int, s_end: int) -> int:
    stop = re.search(r"[,;:—–]\s|\s-\s|[.!?](?:\s|$)|\s(?=(?:but|while|although|though|whereas)\s)", text[pos:s_end])
    end = pos + stop.start() if stop else s_end
    while end > pos and text[end - 1] in " .,;:!?":
        end -= 1
    return max(end, pos)


def _host_clause(indirect: list[Indirect], starts: list[int], mark: MarkSpan) -> Indirect | None:
    """The reported-speech clause (sorted by start) that contains this quoted fragment."""
    index = bisect.bisect_right(starts, mark.open_start) - 1
    for candidate in indirect[max(0, index - 2):index + 1]:
        if candidate.start <= mark.open_start and mark.close_end <= candidate.end + 2:
            return candidate
    return None


def _looks_like_title(inner: str) -> bool:
    """"Saturday Night Live", "War and Peace": capitalised words with no sentence punctuation."""
    words = inner.strip(" ,.").split()
    if len(words) < 2 or (re.search(r"[,.!?]\W*$", inner.strip()) and len(words) > 3):
        return False
    capitalised = [w for w in words if w[:1].isupper()]
    return len(capitalised) >= max(2, len([w for w in words if len(w) > 3]))


def _sentence_subject(text: str, s_start: int, pos: int, resolver: Resolver) -> int | None:
    """A person or organisation opening the sentence ("Papoyan did not specify those "situations"")."""
    mentions = resolver.actors.mentions_between(s_start, pos)
    if not mentions or mentions[0].start - s_start > 4:
        return None
    entity = mentions[0].entity
    if resolver.actors.entities[entity].kind not in {"person", "organisation"}:
        return None
    after = text[mentions[0].end:mentions[0].end + 3]
    return None if after.startswith(("’s", "'s")) else entity


def _indirect_drafts(text: str, indirect: list[Indirect]) -> list[_Draft]:
    return [_Draft(r.start, r.end, "indirect", None, r.subject.entity,
                   None if r.cue.text == ":" else re.sub(r"\s+", " ", r.cue.text),
                   r.confidence * (0.8 if r.subject.entity is None else 1.0), True, True, r.cue.start,
                   unnamed_source(text, r.subject), rule=r.rule, subject=r.subject) for r in indirect]
