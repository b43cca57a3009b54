"""Round 4 of issue 21, found in the judged events-dev draw of seed 20261207: embedded posts are their
signed author's words, and "It said" goes on with the state or organisation the passage is about."""

from __future__ import annotations

from tui.core.quotes.extractor import analyse, explain
from tui.core.quotes.tweets import find_posts


def _shown(text: str) -> list[tuple[str | None, str, str]]:
    return [(q.speaker, q.kind, q.text) for q in analyse(text).shown()]


def test_an_embedded_post_is_a_direct_quote_of_its_signed_author() -> None:
    text = ("Musk tweeted late Friday about the launch.\n"
            "Falcon Heavy to launch next month from Apollo 11 pad at the Cape. Guaranteed to be exciting, one way "
            "or another. pic.twitter.com/AbC123 — Elon Musk (@elonmusk) December 2, 2017\n")
    shown = _shown(text)
    assert ("Elon Musk", "direct", "Falcon Heavy to launch next month from Apollo 11 pad at the Cape. Guaranteed to "
            "be exciting, one way or another.") in shown
    names = {a.name: a.aliases for a in analyse(text).actors}
    assert "Musk" in names["Elon Musk"] and "Musk" not in names     # one person, not two


def test_two_posts_on_one_line_are_two_quotes_and_the_words_quoted_inside_stay_in_them() -> None:
    text = ("Why...why do we all gotta go back, I do not know — christine teigen (@chrissyteigen) December 27, "
            "2017 They keep saying the person had a “United ticket.” We are on ANA. — christine teigen "
            "(@chrissyteigen) December 27, 2017\n")
    quotes = [(q.speaker, q.text) for q in analyse(text).shown()]
    assert quotes == [("Christine Teigen", "Why...why do we all gotta go back, I do not know"),
                      ("Christine Teigen", "They keep saying the person had a “United ticket.” We are on ANA.")]


def test_a_signature_without_words_or_a_shared_post_is_no_quote() -> None:
    assert find_posts("Spectacular — Ed Howlett (@eddiehow124) December 27, 2017\n") == []
    assert find_posts("Shooting at Route 91 A post shared by Randy (@randy_k) on Oct 1, 2017 at 10:56pm PDT\n") == []


def test_page_furniture_before_the_signature_is_not_part_of_the_post() -> None:
    [post] = find_posts("The media makes everything up! SIGN UP FOR OUR NEWSLETTER — Donald J. Trump "
                        "(@realDonaldTrump) June 29, 2016\n")
    assert post.author == "Donald J. Trump"


def test_it_said_goes_on_with_the_state_the_passage_is_about() -> None:
    text = ("North Korea fired a missile over Japan on Tuesday, prompting a meeting of the U.N. Security Council. "
            "It said the launch was a response to the drills.")
    _, explained = explain(text, judged=False)
    assert [q.speaker for q, _ in explained if q.cue == "said"] == ["North Korea"]


def test_it_said_after_a_states_ministry_is_that_state() -> None:
    text = ("Tunisia’s foreign ministry condemned the attack on Friday. It said the attacker had committed an act "
            "of “extreme cowardice” and expressed solidarity with France.")
    _, explained = explain(text, judged=False)
    assert [q.speaker for q, _ in explained if q.cue == "said"] == ["Tunisia"]


def test_it_said_after_a_named_organisation_keeps_that_organisation() -> None:
    text = ("The Foreign Ministry of Algeria said on Friday that two children died. It also said it was opening "
            "a judicial enquiry into the attack.")
    assert {q.speaker for q in analyse(text).shown()} == {"Foreign Ministry of Algeria"}
