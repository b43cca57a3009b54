"""Quote export: CSV, Markdown and JSON each round-trip (read back with csv, json, a Markdown
parser), and text from the web stays data in all three."""

from __future__ import annotations

import csv
import io
import json
from datetime import UTC, datetime

import pytest
from markdown_it import MarkdownIt

from tui.core.models import QuoteHit
from tui.core.share.export import COLUMNS, UNATTRIBUTED, export_quotes, quote_rows

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


def hit(index: int, text: str, speaker: str | None = "Anna Karapetyan",
        url: str | None = "https://ledger.example/a?x=1&y=2") -> QuoteHit:
    return QuoteHit(index, index, speaker, text, "direct", 0, len(text), "Caucasus Ledger",
                    "Title", url, datetime(2026, 11, 24, 9, 30, tzinfo=UTC))


HITS = [hit(i, text) for i, text in enumerate(HOSTILE)] + [
    hit(100, "unattributed words", speaker=None, url=None)]


def test_rows_hold_speaker_quote_outlet_date_link() -> None:
    [row] = quote_rows([hit(1, "  It is   slow work. ")])
    assert (row.speaker, row.quote, row.outlet, row.date, row.link) == (
        "Anna Karapetyan", "It is slow work.", "Caucasus Ledger", "2026-11-24",
        "https://ledger.example/a?x=1&y=2")
    assert quote_rows([HITS[-1]])[0].speaker == UNATTRIBUTED


def test_csv_round_trips_through_the_csv_module() -> None:
    text = export_quotes(HITS, "csv")
    rows = list(csv.reader(io.StringIO(text, newline="")))
    assert tuple(rows[0]) == COLUMNS
    expected = quote_rows(HITS)
    assert len(rows) == len(expected) + 1
    for got, want in zip(rows[1:], expected, strict=True):
        quote = got[1].removeprefix("'") if want.quote.startswith(("=", "+", "@")) else got[1]
        assert (got[0], quote, got[2], got[3], got[4]) == (
            want.speaker, want.quote, want.outlet, want.date, want.link)


def test_csv_defuses_spreadsheet_formulas() -> None:
    rows = list(csv.reader(io.StringIO(export_quotes(HITS, "csv"), newline="")))
    quotes = [r[1] for r in rows[1:]]
    assert not any(q.startswith(("=", "+", "-", "@")) for q in quotes)
    assert "'=HYPERLINK(\"http://evil.example\",\"click\")" in quotes


def test_json_round_trips() -> None:
    data = json.loads(export_quotes(HITS, "json"))
    assert [tuple(d) for d in data] == [COLUMNS] * len(HITS)
    assert [d["quote"] for d in data] == [r.quote for r in quote_rows(HITS)]


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
    assert text.splitlines()[0] == "| Speaker | Quote | Outlet | Date | Link |"
    got = cells(text)
    expected = quote_rows(HITS)
    assert len(got) == len(expected)
    for row, want in zip(got, expected, strict=True):
        assert row == [want.speaker, want.quote, want.outlet, want.date, want.link]


def test_markdown_links_only_web_addresses() -> None:
    [row] = cells(export_quotes([hit(1, "x", url="javascript:alert(1)")], "md"))
    assert row[-1] == "javascript:alert(1)"  # shown as text, not a link
    assert "<javascript" not in export_quotes([hit(1, "x", url="javascript:alert(1)")], "md")


def test_unknown_format_is_refused() -> None:
    with pytest.raises(ValueError, match="unknown export format"):
        export_quotes(HITS, "xml")
