"""Untrusted text becomes inert plain text: no escapes, controls, bidi overrides or HTML."""

from __future__ import annotations

from hypothesis import given, strategies as st

from tui.core.text import html_to_text, one_line, strip_controls


def test_escape_sequences_and_controls_are_removed() -> None:
    hostile = ("a\x1b[2Jb\x1b]0;title\x07c\x1b]52;c;aGk=\x1b\\d\x9b31me\x07f\x00g\x85h"
               "\u202eright\u2066i\x1bPqdcs\x1b\\j")
    assert strip_controls(hostile) == "abcdefghrightij"


def test_newlines_and_tabs_survive_and_crlf_is_normalised() -> None:
    assert strip_controls("one\r\ntwo\rthree\tfour") == "one\ntwo\nthree\tfour"


def test_markup_is_left_as_literal_text() -> None:
    text = "[bold]x[/bold] [@click=app.quit]y[/]"
    assert strip_controls(text) == text


def test_html_to_text_keeps_paragraphs_and_drops_scripts() -> None:
    html = "<p>One &amp; <b>two</b></p><script>alert(1)</script><p>Three<br>four</p>"
    assert html_to_text(html) == "One & two\n\nThree four"


def test_one_line_folds_whitespace() -> None:
    assert one_line("  a\n\n b\t c ") == "a b c"


@given(st.text())
def test_cleaning_is_idempotent_and_leaves_no_controls(text: str) -> None:
    cleaned = strip_controls(text)
    assert strip_controls(cleaned) == cleaned
    assert not any(ord(c) < 32 and c not in "\n\t" for c in cleaned)
    assert not any(0x7F <= ord(c) <= 0x9F for c in cleaned)
    assert "\u202e" not in cleaned and "\x1b" not in cleaned


def test_counts_are_said_in_words() -> None:
    from tui.core.text import counted

    assert [counted(n, "article") for n in (0, 1, 2)] == ["0 articles", "1 article", "2 articles"]
    assert counted(3, "story", "stories") == "3 stories"
