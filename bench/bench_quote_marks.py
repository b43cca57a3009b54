"""Quotation marks of the quotes Byline shows on real news (events-dev: 204 articles, 61 outlets).

For every quote `byline extract --json` shows (confidence at least the shown one), counts the
quotes whose stored text has an unbalanced double mark (an opening “ without its ”, or an odd
number of "), and the same for the text every output shows (`shown_quote` in tui/core/text.py); also how
many shown reported quotes begin and end with a quotation mark, and shown texts ending in a comma.
Run on older code (without the display helper), "shown" is what `byline quotes` printed then.

Run: .venv/bin/python bench/bench_quote_marks.py [--examples N]
"""

from __future__ import annotations

import argparse
import collections
import json
import os
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from tui.core.quotes.extractor import analyse  # noqa: E402

SHARED = Path(os.environ.get("BYLINE_SHARED", REPO.parent / "shared"))
EVENTS = SHARED / "data" / "stories" / "events-dev" / "data"


def unbalanced(text: str) -> bool:
    """The count the issue used: curly openers and closers differ, or straight marks are odd."""
    return (sum(text.count(m) for m in "“„«") != sum(text.count(m) for m in "”»")
            or text.count('"') % 2 == 1)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--examples", type=int, default=0, help="print this many unbalanced texts")
    args = parser.parse_args()
    if not EVENTS.is_dir():
        raise SystemExit(f"events-dev not found at {EVENTS}")
    try:
        from tui.core.text import shown_quote
    except ImportError:          # the code before the display helper: what `byline quotes` printed
        def shown_quote(text: str, kind: str) -> str:
            return "“" + " ".join(text.split()) + "”"
    counts: collections.Counter[str] = collections.Counter()
    examples: list[str] = []
    reported: list[str] = []
    for path in sorted(EVENTS.glob("*.json")):
        text = json.loads(path.read_text(encoding="utf-8")).get("text") or ""
        if not text.strip() or text == "None":
            continue
        counts["articles"] += 1
        for quote in analyse(text).shown():
            counts["quotes"] += 1
            if unbalanced(quote.text):
                counts["stored unbalanced"] += 1
                counts[f"stored unbalanced {quote.kind}"] += 1
                if len(examples) < args.examples:
                    examples.append(f"{quote.kind}: {' '.join(quote.text.split())}")
            shown = shown_quote(quote.text, quote.kind)
            counts["shown unbalanced"] += unbalanced(shown)
            counts["shown ending in a comma"] += shown.rstrip("”’").endswith(",")
            if quote.kind == "indirect":
                counts["shown reported, in marks"] += shown.startswith("“") and shown.endswith("”")
                if args.examples and shown.startswith("“") and shown.endswith("”"):
                    reported.append(shown)
    print("| measure | count |\n|---|---:|")
    for key in ("articles", "quotes", "stored unbalanced", "stored unbalanced direct",
                "stored unbalanced partial", "stored unbalanced indirect", "shown unbalanced",
                "shown ending in a comma", "shown reported, in marks"):
        print(f"| {key} | {counts[key]:,} |")
    for example in examples + reported[:args.examples]:
        print(example)
    return 0


if __name__ == "__main__":
    sys.exit(main())
