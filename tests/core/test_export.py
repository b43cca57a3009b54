"""Quote export: CSV, Markdown and JSON each round-trip (read back with csv, json, a Markdown
parser), say each quote's kind, show its words as every other output does, and text from the web
stays data in all three."""

from __future__ import annotations

import csv
import io
import json
from datetime import UTC, datetime

import pytest
from markdown_it import MarkdownIt

from tui.core.models import QuoteHit
from tui.core.share.export import COLUMNS, UNATTRIBUTED, export_quotes, quote_rows
from tui.core.text import shown_quote

HOSTILE = [
    'He said "no", then left',
    "comma, newline\nand\r\ncarriage",
    "pipes | and \\ backslashes \\| here",
    "*stars* _under_ `code` [link](http://evil.example) <b>html</b> # not a heading",
    "=HYPERLINK(\"http://evil.example\",\"click\")",
    "+1 for the plan",
    "@sum(A1)",
    "Ünïcödé “curly” — dash 日本語",
]


KINDS = ("indirect", "partial", "direct")
KIND_WORDS = {"direct": "said", "partial": "in part", "indirect": "reported"}


def hit(index: int, text: str, speaker: str | None = "Anna Karapetyan",
        url: str | None = "https://ledger.example/a?x=1&y=2", kind: str = "direct") -> QuoteHit:
    return QuoteHit(index, index, speaker, text, kind, 0, len(text), "Caucasus Ledger",
                    "Title", url, datetime(2026, 11, 24, 9, 30, tzinfo=UTC))


# Every kind in turn.
HITS = [hit(i, text, kind=KINDS[i % 3]) for i, text in enumerate(HOSTILE)] + [
    hit(100, "unattributed words", speaker=None, url=None)]
# A paraphrase whose quoted phrase lost its closing mark, and a direct quote cut before "she said".
UNEVEN = [hit(1, 'the accident "the biggest regret of my life.', "Quentin Tarantino", kind="indirect"),
          hit(2, "We are ready,", kind="direct")]


def test_rows_hold_speaker_kind_quote_outlet_date_link() -> None:
    [row] = quote_rows([hit(1, "  It is   slow work. ")])
    assert (row.speaker, row.kind, row.quote, row.outlet, row.date, row.link) == (
        "Anna Karapetyan", "direct", "“It is slow work.”", "Caucasus Ledger", "2026-11-24",
        "https://ledger.example/a?x=1&y=2")
    assert quote_rows([HITS[-1]])[0].speaker == UNATTRIBUTED


def test_rows_show_a_paraphrase_bare_and_every_mark_closed() -> None:
    reported, direct = quote_rows(UNEVEN)
    assert (reported.kind, reported.quote) == ("indirect", "the accident “the biggest regret of my life.”")
    assert (direct.kind, direct.quote) == ("direct", "“We are ready”")


@pytest.mark.parametrize("fmt", ["csv", "md", "json"])
def test_every_format_shows_the_words_as_the_other_outputs_do(fmt: str) -> None:
    exported = export_quotes(UNEVEN, fmt)
    for quote in UNEVEN:
        assert shown_quote(quote.text, quote.kind) in exported
    assert "“the accident" not in exported and "ready," not in exported


def test_csv_round_trips_through_the_csv_module() -> None:
    text = export_quotes(HITS, "csv")
    rows = list(csv.reader(io.StringIO(text, newline="")))
    assert tuple(rows[0]) == COLUMNS
    expected = quote_rows(HITS)
    assert len(rows) == len(expected) + 1
    for got, want in zip(rows[1:], expected, strict=True):
        quote = got[2].removeprefix("'") if want.quote.startswith(("=", "+", "@")) else got[2]
        assert (got[0], got[1], quote, got[3], got[4], got[5]) == (
            want.speaker, want.kind, want.quote, want.outlet, want.date, want.link)
    assert [row[1] for row in rows[1:4]] == list(KINDS)


def test_csv_defuses_spreadsheet_formulas() -> None:
    reported = [hit(i, text, kind="indirect") for i, text in enumerate(HOSTILE)]  # no marks around
    rows = list(csv.reader(io.StringIO(export_quotes(reported, "csv"), newline="")))
    quotes = [r[2] for r in rows[1:]]
    assert not any(q.startswith(("=", "+", "-", "@")) for q in quotes)
    assert "'=HYPERLINK(“http://evil.example”,“click”)" in quotes


def test_json_round_trips() -> None:
    data = json.loads(export_quotes(HITS, "json"))
    assert [tuple(d) for d in data] == [COLUMNS] * len(HITS)
    assert [d["quote"] for d in data] == [r.quote for r in quote_rows(HITS)]
    assert [d["kind"] for d in data] == [h.kind for h in HITS]


def cells(markdown: str) -> list[list[str]]:
    """The text of every body cell, as a Markdown reader sees it (HTML would be a failure)."""
    tokens = MarkdownIt().enable("table").parse(markdown)
    rows: list[list[str]] = []
    inside_body = False
    for token in tokens:
        if token.type == "tbody_open":
            inside_body = True
        elif token.type == "tr_open" and inside_body:
            rows.append([])
        elif token.type == "inline" and inside_body:
            text = ""
            for child in token.children or []:
                assert child.type in ("text", "link_open", "link_close"), child
                text += child.content
            rows[-1].append(text)
    return rows


def test_markdown_round_trips_through_a_markdown_parser() -> None:
    text = export_quotes(HITS, "md")
    assert text.splitlines()[0] == "| Speaker | Kind | Quote | Outlet | Date | Link |"
    got = cells(text)
    expected = quote_rows(HITS)
    assert len(got) == len(expected)
    for row, want in zip(got, expected, strict=True):
        assert row == [want.speaker, KIND_WORDS[want.kind], want.quote, want.outlet, want.date, want.link]
    assert [row[1] for row in got[:3]] == ["reported", "in part", "said"]


def test_markdown_links_only_web_addresses() -> None:
    [row] = cells(export_quotes([hit(1, "x", url="javascript:alert(1)")], "md"))
    assert row[-1] == "javascript:alert(1)"  # shown as text, not a link
    assert "<javascript" not in export_quotes([hit(1, "x", url="javascript:alert(1)")], "md")


def test_unknown_format_is_refused() -> None:
    with pytest.raises(ValueError, match="unknown export format"):
        export_quotes(HITS, "xml")
