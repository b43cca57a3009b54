"""How each outlet covered one story: what it alone names and quotes, the numbers that differ, a timeline."""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass
from datetime import datetime
from itertools import combinations

from tui.core.models import Actor, CoverageArticle, Quote, QuotedPerson, StoryInfo
from tui.core.store import Store
from tui.core.stories.numbers import UNIT_WORDS, NumberMention, find_numbers, sentences

# Quotes that show a wording (direct and partial); reported speech paraphrases by nature.
QUOTE_KINDS = ("direct", "partial")
ACTOR_KINDS = ("person", "organisation")
SAME_QUOTE = 60  # rapidfuzz token_set_ratio at which two quotes are one quote, worded differently
LEAD_MIN_WORDS = 8  # a shorter first sentence is a byline or dateline, not the lead
ALIKE = 0.2  # sentences this alike (Jaccard of content words) speak of one thing ...
ALIKE_WITH_WORD = 0.12  # ... or this alike, with a content word next to both numbers
SAME_ORDER = 3.0  # one quantity's values given by two outlets are within this factor of each other
# Amounts, shares, distances and weights are of some company, place or vehicle: two are one quantity
# only when their sentences name one in common ("Goldman's $32.6 billion", "Goldman Sachs ... $31.2
# billion") or the same thing measured ("25-tonne truck"); the dead and hurt of a story are its own.
HEAD_COUNTS = frozenset({"people", "dead"})
QUIET_DAYS = 14  # a story this long without an article that comes back is of another event
MAX_MENTIONS = 400  # numbers compared per story and unit: a long story's first ones say enough


@dataclass(frozen=True)
class Line:
    """Where to open an article to show a thing: the article and the span of text."""

    article_id: int
    start: int
    end: int


@dataclass(frozen=True)
class CoveredArticle:
    """One article as the comparison lists it."""

    article_id: int
    outlet: str
    title: str
    url: str | None
    time: datetime
    words: int
    lead: str
    lead_at: Line


@dataclass(frozen=True)
class NamedActor:
    name: str
    kind: str
    at: Line


@dataclass(frozen=True)
class QuoteLine:
    speaker: str | None
    text: str
    kind: str
    at: Line


@dataclass(frozen=True)
class NumberLine:
    """A number one article gives, with the sentence it comes from."""

    outlet: str
    text: str
    value: float
    unit: str
    sentence: str
    at: Line


@dataclass(frozen=True)
class OutletCoverage:
    """One outlet's coverage of the story."""

    outlet: str
    headline: str
    first: datetime
    last: datetime
    words: int
    lead: str
    lead_at: Line
    articles: tuple[CoveredArticle, ...]
    own_actors: tuple[NamedActor, ...]
    own_quotes: tuple[QuoteLine, ...]


@dataclass(frozen=True)
class NumberDifference:
    """Outlets giving different numbers for one thing ("14 km" against "15 km")."""

    thing: str
    unit: str
    numbers: tuple[NumberLine, ...]


@dataclass(frozen=True)
class TimelineEntry:
    """An article in time order, with what it added to the story."""

    article: CoveredArticle
    first: bool
    new_actors: tuple[NamedActor, ...]
    new_quotes: tuple[QuoteLine, ...]
    new_numbers: tuple[NumberLine, ...]


@dataclass(frozen=True)
class StoryComparison:
    story: StoryInfo
    articles: tuple[CoveredArticle, ...]
    outlets: tuple[OutletCoverage, ...]
    quoted: tuple[QuotedPerson, ...]
    differences: tuple[NumberDifference, ...]
    timeline: tuple[TimelineEntry, ...]


@dataclass(frozen=True)
class ReadArticle:
    """An article with what was found in it."""

    source: CoverageArticle
    covered: CoveredArticle
    actors: list[Actor]
    quotes: list[Quote]
    numbers: list[NumberMention]


def compare_story(store: Store, story_id: int) -> StoryComparison | None:
    """The comparison of a story's outlets, or None when there is no such story."""
    story = store.story(story_id)
    if story is None:
        return None
    reads = [read_article(article, store.actors_of(article.article_id), store.quotes_of(article.article_id))
             for article in store.story_coverage(story_id)]
    return compare(story, reads, tuple(store.quoted_people(story_id, limit=50)))


def compare(story: StoryInfo, reads: list[ReadArticle], quoted: tuple[QuotedPerson, ...]) -> StoryComparison:
    """Compare articles given oldest first."""
    by_outlet: dict[str, list[ReadArticle]] = defaultdict(list)
    for read in reads:
        by_outlet[read.source.outlet].append(read)
    # An outlet naming itself (in a dateline or credit) is not an actor of the story.
    names = {outlet.lower() for outlet in by_outlet}
    reads = [ReadArticle(r.source, r.covered, [a for a in r.actors if a.name.lower() not in names],
                         r.quotes, r.numbers) for r in reads]
    outlets = tuple(_outlet(outlet, [r for r in reads if r.source.outlet == outlet],
                            [r for r in reads if r.source.outlet != outlet])
                    for outlet in by_outlet)
    return StoryComparison(story, tuple(r.covered for r in reads), outlets, quoted,
                           tuple(_differences(reads)), tuple(_timeline(reads)))


def read_article(article: CoverageArticle, actors: list[Actor], quotes: list[Quote]) -> ReadArticle:
    """An article with its lead sentence, the actors and quotes worth comparing, and its numbers."""
    text = article.text
    lead, lead_start, lead_end = "", 0, 0
    for start, end in sentences(text):
        if len(text[start:end].split()) >= LEAD_MIN_WORDS:
            lead, lead_start, lead_end = text[start:end].strip(), start, end
            break
    covered = CoveredArticle(article.article_id, article.outlet, article.title, article.url, article.time,
                             len(text.split()), lead, Line(article.article_id, lead_start, lead_end))
    return ReadArticle(article, covered,
                 [a for a in actors if a.kind in ACTOR_KINDS],
                 [q for q in quotes if q.kind in QUOTE_KINDS and q.text.strip()],
                 find_numbers(text))


# ------------------------------------------------------------------ outlets


def _outlet(outlet: str, own: list[ReadArticle], others: list[ReadArticle]) -> OutletCoverage:
    first, last = own[0].covered, own[-1].covered
    other_names = {key for read in others for actor in read.actors for key in _actor_keys(actor)}
    other_text = "\n".join(read.source.text for read in others)
    own_actors: dict[str, NamedActor] = {}
    for read in own:
        for actor in read.actors:
            if actor.name in own_actors or other_names & _actor_keys(actor) or actor.name in other_text:
                continue
            own_actors[actor.name] = _named(actor, read)
    other_quotes = [quote.text for read in others for quote in read.quotes]
    own_quotes = [_quote_line(quote, read) for read in own for quote in read.quotes
                  if not _quoted_elsewhere(quote.text, other_quotes, other_text)]
    return OutletCoverage(outlet, first.title, first.time, last.time, sum(r.covered.words for r in own),
                          first.lead, first.lead_at, tuple(r.covered for r in own),
                          tuple(own_actors.values()), tuple(own_quotes))


def _actor_keys(actor: Actor) -> set[str]:
    """Every way to name an actor, lowercased; a person is also their surname."""
    keys = {actor.name.lower(), *(alias.lower() for alias in actor.aliases)}
    if actor.kind == "person" and " " in actor.name:
        keys.add(actor.name.rsplit(" ", 1)[1].lower())
    return keys


def _named(actor: Actor, read: ReadArticle) -> NamedActor:
    start, end = actor.spans[0] if actor.spans else (actor.first_offset, actor.first_offset + len(actor.name))
    return NamedActor(actor.name, actor.kind, Line(read.source.article_id, start, end))


def _quote_line(quote: Quote, read: ReadArticle) -> QuoteLine:
    return QuoteLine(quote.speaker, quote.text, quote.kind, Line(read.source.article_id, quote.start, quote.end))


def _quoted_elsewhere(text: str, other_quotes: list[str], other_text: str) -> bool:
    """Whether another outlet uses the same words: a close quote of its own, or the words in its text."""
    from rapidfuzz import fuzz

    if _squash(text) in _squash(other_text):
        return True
    return any(fuzz.token_set_ratio(text, other) >= SAME_QUOTE for other in other_quotes)


def _squash(text: str) -> str:
    return re.sub(r"\W+", " ", text.lower()).strip()


# ------------------------------------------------------------------ numbers


@dataclass(frozen=True)
class _Given:
    """A number one article gives, with what the comparison needs to know of the article."""

    outlet: str
    mention: NumberMention
    read: ReadArticle
    year: int  # when it was published: a year or month named beside a number other than this is another time
    month: int


def _differences(reads: list[ReadArticle]) -> list[NumberDifference]:
    """Outlets giving different values for one quantity. Per unit, two numbers from different outlets
    disagree when they count the same thing (`_one_quantity`), differ beyond rounding, and no article
    of the story gives both values (then both are true, of two things); each such pair, the most alike
    first, starts a group that takes in every other outlet's number counting the same thing as all of
    the group. Never two numbers of one article or outlet. When in doubt, a number is left out."""
    found: list[NumberDifference] = []
    for episode in _episodes(reads):
        found.extend(_episode_differences(episode))
    return found


def _episodes(reads: list[ReadArticle]) -> list[list[ReadArticle]]:
    """The story's articles in runs without a quiet spell of QUIET_DAYS: a story that goes quiet and
    comes back tells of another event (a second launch), whose figures are not the first one's."""
    episodes: list[list[ReadArticle]] = []
    last = None
    for read in sorted(reads, key=lambda r: r.source.time):
        if last is None or (read.source.time - last).days >= QUIET_DAYS:
            episodes.append([])
        episodes[-1].append(read)
        last = read.source.time
    return episodes


def _episode_differences(reads: list[ReadArticle]) -> list[NumberDifference]:
    by_unit: dict[str, list[_Given]] = defaultdict(list)
    for read in reads:
        for mention in read.numbers:
            if mention.unit in UNIT_WORDS and len(by_unit[mention.unit]) < MAX_MENTIONS:
                by_unit[mention.unit].append(_Given(read.source.outlet, mention, read, read.source.time.year,
                                                    read.source.time.month))
    found: list[NumberDifference] = []
    for unit, mentions in by_unit.items():
        given: dict[int, list[NumberMention]] = defaultdict(list)
        for number in mentions:
            given[number.read.source.article_id].append(number.mention)
        one = {(i, j) for (i, a), (j, b) in combinations(enumerate(mentions), 2)
               if a.outlet != b.outlet and _one_quantity(a, b)}
        seeds = sorted((pair for pair in one if _disagree(mentions[pair[0]].mention, mentions[pair[1]].mention,
                                                          given)),
                       key=lambda pair: -mentions[pair[0]].mention.likeness(mentions[pair[1]].mention))
        used: set[int] = set()
        for i, j in seeds:
            if i in used or j in used:
                continue
            members = _grown([i, j], one, mentions, used)
            used.update(members)
            thing = _thing([mentions[k].mention for k in members], unit)
            numbers = tuple(_number_line(mentions[k].outlet, mentions[k].mention, mentions[k].read)
                            for k in members)
            found.append(NumberDifference(thing, unit, numbers))
    return found


def _grown(members: list[int], one: set[tuple[int, int]], mentions: list[_Given], used: set[int]) -> list[int]:
    """A disagreeing pair with every other outlet's number that counts the same thing as each member
    (who agrees with whom is worth seeing too), one number per outlet."""
    outlets = {mentions[k].outlet for k in members}
    for k, number in enumerate(mentions):
        if k in used or number.outlet in outlets:
            continue
        if all((min(k, m), max(k, m)) in one for m in members) or any(
                number.mention.same_value(mentions[m].mention) and _same_subject(number, mentions[m])
                and number.mention.words & mentions[m].mention.words for m in members):
            members.append(k)  # counting the same thing as all, or giving one's value about it
            outlets.add(number.outlet)
    return sorted(members)


def _one_quantity(a: _Given, b: _Given) -> bool:
    """Whether two numbers of one unit count one thing: nothing says they are of different things
    (`_same_subject`), and two content words next to both, alike sentences, one word next to both in
    sentences somewhat alike, or the same thing measured ("a 25-tonne truck", "a 19-ton delivery
    truck"); the same noun for counts of people; values of one order (24 miles of border and 2,300
    miles of flight are two things)."""
    first, second = a.mention, b.mention
    if not _same_subject(a, b):
        return False
    shared, alike = len(first.context & second.context), first.likeness(second)
    measured = bool(first.head & second.head)
    if not (shared >= 2 or alike >= ALIKE or (shared and (alike >= ALIKE_WITH_WORD or measured))):
        return False
    if first.unit == "date" and not (shared and alike >= ALIKE):
        return False  # a story names many days: one is one thing only when both say so plainly
    if first.unit == "people" and first.noun != second.noun:
        return False  # "103 passengers" and "129 people" on board count different people
    return _same_order(first, second)


def _same_subject(a: _Given, b: _Given) -> bool:
    """Nothing says the two numbers are about different things: what each measures (the words right
    after it: "45 feet long", "15 feet away") is not different; they are of one time (a year or month
    named beside one, other than when its article appeared and not named beside the other, or words
    such as "earlier" and "last year", make it another time: injuries "between March 2015 and March
    2016", a launch "in July", a price "at 9:34 a.m."); and but for head counts, they name a company,
    place or vehicle in common or measure the same thing ("truck")."""
    first, second = a.mention, b.mention
    alike = first.likeness(second)
    if first.head and second.head and not first.head & second.head and alike < ALIKE:
        return False
    if first.years - {a.year} != second.years - {b.year} or first.earlier != second.earlier:
        return False
    if first.months - {a.month} != second.months - {b.month} or first.clock != second.clock:
        return False
    if first.unit in HEAD_COUNTS or first.unit == "date" or first.head & second.head:
        return True
    if not first.names & second.names:
        return False
    if not (len(first.context & second.context) >= 2 or alike >= ALIKE):
        return False
    if first.head and second.head or len(first.names & second.names) >= 2:
        return True
    return first.head <= second.words and second.head <= first.words  # "$1.9 billion in earnings", a charge


def _disagree(first: NumberMention, second: NumberMention, given: dict[int, list[NumberMention]]) -> bool:
    """Two numbers that differ beyond rounding, where no article gives both (then both are true: $82 a
    share now and $70 before, $60 of it in cash)."""
    if first.agrees(second):
        return False
    return not any(any(m.same_value(first) for m in numbers) and any(m.same_value(second) for m in numbers)
                   for numbers in given.values())


def _same_order(a: NumberMention, b: NumberMention) -> bool:
    """Values one quantity could take as two outlets give it: within SAME_ORDER of each other."""
    if a.unit == "date":
        return True
    low, high = sorted((abs(a.value), abs(b.value)))
    return low > 0 and high / low <= SAME_ORDER


def _thing(mentions: list[NumberMention], unit: str) -> str:
    """What the numbers count, in words the articles use: the words next to every one of them, as the
    first sentence writes them ("killed, crowd (people)"), never a stem."""
    pairs = list(combinations(mentions, 2))
    shared = (frozenset.intersection(*(m.context for m in mentions))
              or frozenset().union(*(a.context & b.context for a, b in pairs))
              or frozenset.intersection(*(m.words for m in mentions))
              or frozenset().union(*(a.words & b.words for a, b in pairs)))
    surfaces: list[tuple[int, str]] = []
    for word in shared:
        for mention in mentions:
            spelled = re.search(rf"\b({re.escape(word)}[\w-]*)", mention.sentence, re.IGNORECASE)
            if spelled and spelled.group(1).isalpha():
                distance = abs(spelled.start() - (mention.start - mention.sentence_start))
                surfaces.append((distance, spelled.group(1)))
                break
    words = list(dict.fromkeys(word for _, word in sorted(surfaces)))[:3]
    return f"{', '.join(words)} ({UNIT_WORDS[unit]})" if words else UNIT_WORDS[unit]


def _number_line(outlet: str, mention: NumberMention, read: ReadArticle) -> NumberLine:
    return NumberLine(outlet, mention.text, mention.value, mention.unit, mention.sentence,
                      Line(read.source.article_id, mention.start, mention.end))


# ----------------------------------------------------------------- timeline


def _timeline(reads: list[ReadArticle]) -> list[TimelineEntry]:
    """The first report, then each later article with the actors, quotes and numbers it was first to give."""
    from rapidfuzz import fuzz

    seen_actors: set[str] = set()
    seen_quotes: list[str] = []
    seen_numbers: list[NumberMention] = []
    entries = []
    for index, read in enumerate(sorted(reads, key=lambda r: (r.covered.time, r.covered.article_id))):
        new_actors = []
        for actor in read.actors:
            keys = _actor_keys(actor)
            if not keys & seen_actors:
                new_actors.append(_named(actor, read))
            seen_actors |= keys
        new_quotes = []
        for quote in read.quotes:
            if not any(fuzz.token_set_ratio(quote.text, old) >= SAME_QUOTE for old in seen_quotes):
                new_quotes.append(_quote_line(quote, read))
            seen_quotes.append(quote.text)
        new_numbers = []
        for mention in read.numbers:
            if not any(mention.agrees(old) for old in seen_numbers):
                new_numbers.append(_number_line(read.source.outlet, mention, read))
            seen_numbers.append(mention)
        entries.append(TimelineEntry(read.covered, index == 0, tuple(new_actors), tuple(new_quotes),
                                     tuple(new_numbers)))
    return entries
