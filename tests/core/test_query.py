"""The query language: each operator and term, precedence, error positions, and a fuzzed parser
that raises nothing but QueryError."""

from __future__ import annotations

import os
from datetime import date

import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

from tui.core.query import (
    MAX_DEPTH,
    MAX_TERMS,
    And,
    DateBound,
    Field,
    Flag,
    Not,
    Or,
    QueryError,
    Words,
    describe,
    parse,
    parse_when,
    tokenize,
    uses_state,
)

EXAMPLES = int(os.environ.get("BYLINE_FUZZ_EXAMPLES", "300"))
W = Words


def test_words_and_phrases() -> None:
    assert parse("csto") == W("csto")
    assert parse('"border protocol"') == W("border protocol", phrase=True)
    assert parse("gov*") == W("gov", prefix=True)
    assert parse('"border prot"*') == W("border prot", phrase=True, prefix=True)
    # A word with punctuation inside is searched as the phrase FTS5 would make of it.
    assert parse("Russia-led") == W("Russia-led", phrase=True)
    assert parse("Russia-led").tokens == ("Russia", "led")  # type: ignore[union-attr]


def test_side_by_side_terms_are_anded() -> None:
    assert parse("armenia border") == And((W("armenia"), W("border")))
    assert parse("armenia AND border") == parse("armenia border")
    assert parse("armenia and border") == parse("armenia border")  # operators in any case


def test_or_binds_looser_than_and() -> None:
    assert parse("a b OR c") == Or((And((W("a"), W("b"))), W("c")))
    assert parse("a OR b c") == Or((W("a"), And((W("b"), W("c")))))
    assert parse("a OR b OR c") == Or((W("a"), W("b"), W("c")))


def test_not_binds_tightest_and_double_not_cancels() -> None:
    assert parse("NOT a b") == And((Not(W("a")), W("b")))
    assert parse("NOT (a b)") == Not(And((W("a"), W("b"))))
    assert parse("NOT NOT a") == W("a")
    assert parse("a NOT b") == And((W("a"), Not(W("b"))))


def test_parentheses_group() -> None:
    assert parse("(a OR b) c") == And((Or((W("a"), W("b"))), W("c")))
    assert parse("((a))") == W("a")


@pytest.mark.parametrize(("text", "node"), [
    ("feed:Wire", Field("feed", "Wire")),
    ('feed:"Circuit Policy"', Field("feed", "Circuit Policy")),
    ("FEED:x", Field("feed", "x")),
    ("tag:caucasus", Field("tag", "caucasus")),
    ('speaker:"Anna  Karapetyan"', Field("speaker", "Anna Karapetyan")),
    ("actor:Karapetyan", Field("actor", "Karapetyan")),
    ("story:12", Field("story", "12")),
    ("story:followed", Field("story", "followed")),
    ("after:2026-11-24", DateBound("after", day=date(2026, 11, 24))),
    ("before:7d", DateBound("before", hours=168)),
    ("after:12h", DateBound("after", hours=12)),
    ("after:2w", DateBound("after", hours=336)),
    ("unread", Flag("unread")),
    ("Starred", Flag("starred")),
    ('"unread"', W("unread", phrase=True)),
    ("feed:http://e.org/x:y", Field("feed", "http://e.org/x:y")),
    ("10:30", W("10:30", phrase=True)),
])
def test_fields_and_flags(text: str, node: object) -> None:
    assert parse(text) == node


def test_the_issue_example() -> None:
    assert parse('"CSTO" AND tag:caucasus') == And((W("CSTO", phrase=True), Field("tag", "caucasus")))


# (query, 1-based character the error names, words the message holds)
ERRORS = [
    ("", 1, "empty"),
    ("   ", 1, "empty"),
    ("a AND", 6, "after 'AND'"),
    ("a OR", 5, "after 'OR'"),
    ("NOT", 4, "after 'NOT'"),
    ("AND a", 1, "before it"),
    ("(OR a)", 2, "before it"),
    ("a OR OR b", 6, "found 'OR'"),
    ("a AND NOT OR b", 11, "after 'NOT'"),
    ("(a", 1, "never closed"),
    ("x (a (b)", 3, "never closed"),
    ("a)", 2, "closes nothing"),
    (")", 1, "closes nothing"),
    ("()", 1, "empty parentheses"),
    ('a "open', 3, "quote is never closed"),
    ('tag:"open', 5, "quote is never closed"),
    ("foo:bar", 1, "unknown field 'foo:'"),
    ("a  Sourc:x", 4, "unknown field"),
    ("tag:", 5, "needs a value"),
    ("tag: x", 5, "needs a value"),
    ('tag:""', 6, "needs a value"),
    ("after:yesterday", 7, "a date like"),
    ("before:2026-02-30", 8, "not a date"),
    ("!!!", 1, "no letters or digits"),
    ('a "--"', 3, "no letters or digits"),
    ("speaker:---", 9, "name with letters"),
    ("*", 1, "no letters or digits"),
    ('feed:"Caucasus Ledger"strikes', 23, "put a space between terms"),
    ('strikes"border deal"', 8, "put a space between terms"),
    ('"a b"*x', 7, "put a space between terms"),
    ('tag:x"y"', 6, "put a space between terms"),
]


@pytest.mark.parametrize(("text", "column", "words"), ERRORS)
def test_errors_name_the_character(text: str, column: int, words: str) -> None:
    with pytest.raises(QueryError) as caught:
        parse(text)
    assert caught.value.position == column - 1
    assert f"(at character {column})" in str(caught.value)
    assert words in str(caught.value)


def test_depth_and_size_are_bounded_with_a_position() -> None:
    deep = "(" * (MAX_DEPTH + 1) + "a" + ")" * (MAX_DEPTH + 1)
    with pytest.raises(QueryError, match="nest too deep") as caught:
        parse(deep)
    assert caught.value.position == MAX_DEPTH
    assert parse("(" * MAX_DEPTH + "a" + ")" * MAX_DEPTH) == W("a")
    many = " ".join(f"w{i}" for i in range(MAX_TERMS + 1))
    with pytest.raises(QueryError, match="too many terms") as caught:
        parse(many)
    assert caught.value.position == many.rindex("w")


def test_tokens_carry_positions() -> None:
    tokens = tokenize('NOT (tag:x "a b")')
    assert [(t.kind, t.position) for t in tokens] == [
        ("not", 0), ("lparen", 4), ("field", 5), ("phrase", 11), ("rparen", 16), ("end", 17)]


def test_parse_when() -> None:
    assert parse_when("2026-01-31") == date(2026, 1, 31)
    assert parse_when("3D") == 72
    with pytest.raises(ValueError, match="a span like 7d"):
        parse_when("3 days")


@pytest.mark.parametrize("text", [
    "csto", '"CSTO" AND tag:caucasus', "a b OR c", "NOT (x OR y) unread",
    'feed:"Circuit Policy" OR starred', "after:2026-11-24 before:3d", "gov* NOT speaker:Anna",
    "(a OR b) (c OR NOT d)", 'story:"border deal"', 'tag:"AND"',
])
def test_describe_round_trips(text: str) -> None:
    node = parse(text)
    assert parse(describe(node)) == node


# -- fuzzing -----------------------------------------------------------------------------------

PIECES = ["a", "CSTO", "AND", "OR", "NOT", "and", "(", ")", '"', '"x y"', "tag:", "feed:",
          "speaker:", "actor:", "story:", "after:", "before:", "2026-11-24", "7d", "unread",
          "starred", "*", ":", " ", "  ", "-", "x*", "foo:", "\u00a0", "é", "日本", "\x00", "\\"]


def parses_or_points_at_the_mistake(text: str) -> None:
    """Any text either parses to a query that reads back the same, or raises a QueryError whose
    position lies within the text."""
    try:
        node = parse(text)
    except QueryError as exc:
        assert 0 <= exc.position <= len(text)
        return
    assert parse(describe(node)) == node


@settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(max_size=80))
def test_fuzz_any_text_raises_only_query_error(text: str) -> None:
    parses_or_points_at_the_mistake(text)


@settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(PIECES), max_size=40))
def test_fuzz_token_soup_raises_only_query_error(pieces: list[str]) -> None:
    text = "".join(pieces)
    parses_or_points_at_the_mistake(text)


def test_uses_state() -> None:
    assert uses_state(parse("csto NOT (a OR unread)"))
    assert uses_state(parse("Starred"))
    assert not uses_state(parse('csto tag:x "unread"'))
