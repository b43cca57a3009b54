"""Calibrated confidence: how often a quote of its class (kind, rule, how its speaker is named) is right.

A quote's confidence estimates the chance that a reader checking it against the text finds a real
attribution with the right speaker. The base rates per class were read off PolNeAR train
(`bench/bench_quotes.py --split train --classes`: span matched and, where the gold source is named,
the same speaker) and the events-dev hand checks read while developing (seeds 12, 2026, 2027 and the
draws listed in BENCHMARKS.md); where the two disagree the real-news rate counts more, since that is
what a reader sees. Only quotes at or above SHOWN_CONFIDENCE (tui/core/models.py) are shown.
"""

from __future__ import annotations

# (kind, rule) -> base rate for a named speaker (a person or an organisation named in the text).
_BASE: dict[tuple[str, str], float] = {
    ("direct", "after"): 0.95,             # "…," X said / said X
    ("direct", "before"): 0.9,             # X said: "…" / X said "…"
    ("direct", "next-sentence"): 0.93,     # "…". X said.
    ("direct", "unlisted-verb"): 0.88,     # "…," X barked
    ("direct", "previous-sentence"): 0.8,  # X said in a statement. "…"
    ("direct", "colon"): 0.7,              # X fired back: "…"
    ("direct", "same-paragraph"): 0.55,    # a quote of the paragraph whose speaker spoke just before
    ("direct", "continued"): 0.6,          # a quote running on over paragraphs
    ("direct", "next-paragraph"): 0.4,     # the last speaker of the paragraph before: often someone else
    ("direct", "tweet"): 0.95,             # an embedded post, signed "— Name (@handle) date"
    ("direct", "previous-subject"): 0.7,   # X, 77, opposed the idea. "…"
    ("direct", "quote-paragraph"): 0.7,    # "…," said X. ¶ "…" -- a paragraph of quote alone, after X
    ("indirect", "forward-that"): 0.9,     # X said (on Monday) that …
    ("indirect", "forward"): 0.86,         # X said the talks …
    ("indirect", "trailing"): 0.85,        # …, X said.
    ("indirect", "trailing-inverted"): 0.8,  # …, said X.
    ("indirect", "parenthetical"): 0.86,   # The question, she said, is …
    ("indirect", "according"): 0.85,       # according to X, …
    ("indirect", "question"): 0.8,         # X asked whether …
    ("indirect", "headline"): 0.72,        # X: short line
    ("indirect", "partial-cue"): 0.8,      # X called the plan "a disaster"
    ("indirect", "accused"): 0.6,          # X accused Y of …
    ("indirect", "attitude-that"): 0.7,    # X found that … (verbs of stance below: more)
    ("indirect", "attitude-quoted"): 0.86,  # X called the plan “a disaster”: their own words, quoted
    ("indirect", "attitude"): 0.6,         # X wants / called for / decided to …: as often an action as a stance
    ("indirect", "nominal"): 0.35,         # "concerns that …"
    ("partial", "partial-cue"): 0.3,       # a fragment whose clause could not be found
    ("partial", "echo"): 0.3,              # a person's own word quoted back
}
# How the speaker is named, as a factor on the base rate.
_SPEAKER: dict[str, float] = {
    "person name": 1.0,
    "organisation name": 0.97,
    "person pronoun": 0.93,        # "he said": right when the resolution is (most are)
    "organisation pronoun": 0.85,
    "person described": 0.9,       # "the minister said" -> the minister met earlier
    "organisation described": 0.92,  # "the company said" -> the company met earlier
    "person epithet": 0.9,         # "the retired neurosurgeon told" -> the person the passage is about
    "unnamed": 0.95,               # "a senior official": shown as written, marked as unnamed
    "person nearest": 0.7,         # no subject read: the person named nearest the cue (the judge weighs it)
    "organisation nearest": 0.6,
    "state name": 0.9,             # "North Korea said", "the United States has said": a state speaks
    "state pronoun": 0.8,
    "state described": 0.8,
    "state nearest": 0.5,
    "place name": 0.75,            # a place that is no state: sometimes only where it was said
    "place pronoun": 0.5,
    "place described": 0.5,
}
# Attitude verbs that state a view of something said or believed ("thinks", "criticized", "urged"):
# right about as often as speech verbs, on PolNeAR train and on real news. The rest of the attitude
# verbs ("called for his closer", "decided to retire", "refused to pay", "blasted a homer") read as
# actions as often as stances, and stay guesses.
STANCE_CUES = frozenset(
    "think thinks thought believe believes believed suggest suggests suggested criticize criticizes criticized "
    "criticise criticises criticised urge urges urged describe describes described reject rejects rejected "
    "praise praises praised defend defends defended announce announces announced doubt doubts doubted "
    "condemn condemns condemned dismiss dismisses dismissed insist insists insisted deny denies denied "
    "confirm confirms confirmed".split())
_STANCE = 0.86
# Verbs that take someone's quoted words as what they said of something ("called the protocol “a
# practical step”", "vowed to punish … for “defying the world”"); "responded to …", "emails reveal …" do not.
QUOTING_CUES = STANCE_CUES | frozenset(
    "call calls called warn warns warned vow vows vowed urge urges urged promise promises promised pledge "
    "pledges pledged say says said tell tells told".split())
# A unit whose speaker the text names but the rules could not resolve is never shown as unattributed.
_NO_SPEAKER = 0.25
# Attitudes of a speaker named only by a pronoun read as actions more often than speech.
_ATTITUDE_PRONOUN = 0.85


def calibrated(kind: str, rule: str, who: str, cue: str | None = None) -> float:
    """The estimated chance that a quote of this class is right, rounded to two places."""
    if who == "none":
        return _NO_SPEAKER
    if rule == "attitude-quoted" and (cue or "").lower() not in QUOTING_CUES:
        rule = "attitude"
    base = _BASE.get((kind, rule), 0.5)
    if rule.startswith("attitude") and (cue or "").lower() in STANCE_CUES:
        base = _STANCE
    factor = _SPEAKER.get(who, 0.7)
    if rule.startswith("attitude") and who.endswith("pronoun"):
        factor *= _ATTITUDE_PRONOUN
    return round(min(0.99, base * factor), 2)
