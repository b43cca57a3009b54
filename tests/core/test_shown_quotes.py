"""Quotes as every output shows them: the kind in words, a paraphrase never inside quotation
marks, every quoted phrase closed, no trailing comma; and on real news (events-dev) no shown quote
with an unbalanced mark."""

from __future__ import annotations

import json

import pytest
from conftest import shared_path

from tui.core.quotes.extractor import analyse
from tui.core.text import balanced, is_balanced, kind_word, labelled, shown_quote


@pytest.mark.parametrize(("kind", "word"), [("direct", "said"), ("partial", "in part"),
                                            ("indirect", "reported")])
def test_kinds_in_the_readme_words(kind: str, word: str) -> None:
    assert kind_word(kind) == word


def test_a_paraphrase_is_shown_bare_its_quoted_phrase_closed() -> None:
    text = 'the accident "the biggest regret of my life.'
    assert shown_quote(text, "indirect") == "the accident “the biggest regret of my life.”"
    assert labelled("Quentin Tarantino", text, "indirect") == \
        "Quentin Tarantino (reported): the accident “the biggest regret of my life.”"


def test_own_words_are_shown_in_marks_without_the_comma_before_the_cue() -> None:
    assert shown_quote("We are ready,", "direct") == "“We are ready”"
    assert shown_quote("a disaster,", "partial") == "“a disaster”"
    assert labelled(None, "We are ready,", "direct") == "(unattributed) (said): “We are ready”"


def test_a_reported_comma_inside_its_closing_mark_is_dropped() -> None:
    shown = shown_quote('The launch was "a show of force,"', "indirect")
    assert shown == "The launch was “a show of force”"


def test_pieces_joined_by_the_cue_lose_their_comma() -> None:
    assert shown_quote("This used to be ours, … but it is changing.", "direct") == \
        "“This used to be ours … but it is changing.”"


def test_a_phrase_quoted_inside_own_words_is_shown_in_single_marks() -> None:
    text = 'Felt we should tell y\'all so u stop askin, "How\'s Michael?\'\''
    assert shown_quote(text, "direct") == "“Felt we should tell y'all so u stop askin, ‘How's Michael?’”"


def test_a_closing_mark_without_its_opener_gets_one_where_its_phrase_starts() -> None:
    assert balanced("the plan ended” she said") == "“the plan ended” she said"
    assert balanced('it was "great" and then it ended” today') == "it was “great” “and then it ended” today"


def test_a_phrase_left_open_is_closed_before_the_next_one_opens() -> None:
    assert balanced('called it "a disaster and "a shame"') == "called it “a disaster and” “a shame”"


def test_straight_and_curly_marks_are_shown_as_one_pair() -> None:
    assert balanced('remained "ironclad”') == "remained “ironclad”"
    assert balanced("neighbour “beyond recovery.\"") == "neighbour “beyond recovery.”"


def test_controls_and_line_breaks_are_folded() -> None:
    assert shown_quote("two\n  lines\x1b[31m red", "indirect") == "two lines red"


@pytest.mark.parametrize("kind", ["direct", "partial", "indirect"])
def test_a_limit_cuts_at_a_word_and_keeps_the_marks_closed(kind: str) -> None:
    text = 'the accident was "the biggest regret of my life and of my career'
    shown = shown_quote(text, kind, limit=30)
    assert len(shown) <= 30 and "…" in shown and is_balanced(shown)
    assert shown_quote("short", kind, limit=30) == shown_quote("short", kind)


def test_no_shown_quote_on_real_news_has_an_unbalanced_mark() -> None:
    folder = shared_path("data", "stories", "events-dev", "data")
    shown = unbalanced_stored = 0
    for path in sorted(folder.glob("*.json")):
        text = json.loads(path.read_text(encoding="utf-8")).get("text") or ""
        for quote in analyse(text).shown():
            shown += 1
            unbalanced_stored += not is_balanced(quote.text)
            words = shown_quote(quote.text, quote.kind)
            assert is_balanced(words), (quote.kind, quote.text, words)
            assert not words.rstrip("”’").endswith(","), words
    assert shown > 1000
    assert unbalanced_stored <= 10       # 82 before reported content kept its closing marks
