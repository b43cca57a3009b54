"""Every candidate the quote rules make, shown or not, as (speaker, kind, text): what the candidate
tests of tests/core/quotes compare."""

from __future__ import annotations

from tui.core.quotes.extractor import explain


def candidates(text: str) -> list[tuple[str | None, str, str]]:
    _, explained = explain(text, judged=False)
    return [(quote.speaker, quote.kind, quote.text) for quote, _ in explained]
