"""Quotes exported as CSV, Markdown or JSON: one row each of speaker, kind, quote, outlet, date,
link; the quote as every other output shows it."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Sequence
from dataclasses import asdict, dataclass

from tui.core.models import QuoteHit
from tui.core.text import UNATTRIBUTED, kind_word, shown_quote

FORMATS = ("csv", "md", "json")
COLUMNS = ("speaker", "kind", "quote", "outlet", "date", "link")
# A spreadsheet runs a cell that starts with one of these as a formula; quotes come from the web.
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_MD_SPECIAL = "\\`*_[]<>|#!~"


@dataclass(frozen=True)
class QuoteRow:
    """One exported quote. `kind` is direct, partial or indirect (Markdown says it in words: said,
    in part, reported); `quote` is the text as shown (in “…” unless reported, marks closed); `date`
    is the article's UTC day; `link` its address ("" if none)."""

    speaker: str
    kind: str
    quote: str
    outlet: str
    date: str
    link: str


def quote_rows(hits: Sequence[QuoteHit]) -> list[QuoteRow]:
    return [QuoteRow(hit.speaker or UNATTRIBUTED, hit.kind, shown_quote(hit.text, hit.kind),
                     hit.feed_name, hit.time.date().isoformat(), hit.url or "") for hit in hits]


def export_quotes(hits: Sequence[QuoteHit], fmt: str) -> str:
    """The quotes in one of FORMATS, ending with a newline."""
    rows = quote_rows(hits)
    if fmt == "csv":
        return to_csv(rows)
    if fmt == "md":
        return to_markdown(rows)
    if fmt == "json":
        return json.dumps([asdict(r) for r in rows], ensure_ascii=False, indent=2) + "\n"
    raise ValueError(f"unknown export format {fmt!r} (known: {', '.join(FORMATS)})")


def to_csv(rows: Sequence[QuoteRow]) -> str:
    """RFC 4180 CSV with a header; a cell a spreadsheet would run as a formula gets a leading '."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(COLUMNS)
    for row in rows:
        writer.writerow([_inert(value) for value in (row.speaker, row.kind, row.quote, row.outlet,
                                                     row.date, row.link)])
    return out.getvalue()


def _inert(value: str) -> str:
    return "'" + value if value.startswith(_FORMULA_START) else value


def to_markdown(rows: Sequence[QuoteRow]) -> str:
    """A Markdown table; every character Markdown would read as syntax is escaped."""
    lines = ["| Speaker | Kind | Quote | Outlet | Date | Link |",
             "| --- | --- | --- | --- | --- | --- |"]
    for row in rows:
        link = f"<{row.link}>" if row.link and _safe_link(row.link) else md_escape(row.link)
        lines.append(f"| {md_escape(row.speaker)} | {md_escape(kind_word(row.kind))} | {md_escape(row.quote)} | "
                     f"{md_escape(row.outlet)} | {row.date} | {link} |")
    return "\n".join(lines) + "\n"


def md_escape(text: str) -> str:
    return "".join("\\" + ch if ch in _MD_SPECIAL else ch for ch in " ".join(text.split()))


def _safe_link(url: str) -> bool:
    """An autolink may hold no space, '<' or '>' (and only web or file addresses are linked)."""
    return url.startswith(("http://", "https://", "file://")) and not any(
        ch.isspace() or ch in "<>|" for ch in url)
