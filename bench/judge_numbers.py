"""Every "numbers that differ" entry Byline shows, with its sentences, for judging by reading (issue 23).

    .venv/bin/python bench/judge_numbers.py --config CONFIG --cache-dir DIR [--code CHECKOUT]
        [--judged bench/numbers_judged_events_dev.json] [--write-unjudged FILE]

Reads what the product shows: `byline stories --json --min-outlets 2`, then for each story
`byline story ID --json` and its `comparison.differences`, run from CHECKOUT (default: this one, so
an older Byline can be judged on the same cache). Prints each entry:
the story, what it counts, and per outlet the number and the sentence it is in.

With --judged, each entry is looked up in the judgements (an entry is known by its numbers: the
article's path, without the host, and the number as written) and the count right / shown is printed,
with the entries not yet judged listed; --write-unjudged writes those, verdict null, to fill in.
A judgement: {"key": [[path, text], ...], "story": ..., "right": true|false, "why": "..."}.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parent.parent


def byline(code: Path, config: str, cache: str, *args: str) -> Any:
    env = {**os.environ, "PYTHONPATH": str(code)}
    out = subprocess.run([sys.executable, "-m", "tui", "--config", config, "--cache-dir", cache, *args],
                         env=env, cwd=code, check=True, capture_output=True, text=True).stdout
    return json.loads(out)


def entries(code: Path, config: str, cache: str) -> list[dict[str, Any]]:
    """Every shown entry: the story's headline, the thing, and its numbers with their sentences."""
    found = []
    for story in byline(code, config, cache, "stories", "--json", "--min-outlets", "2", "--limit", "0"):
        record = byline(code, config, cache, "story", str(story["id"]), "--json")
        urls = {a["id"]: urlsplit(a["url"] or "").path for a in record["articles"]}
        for difference in record["comparison"]["differences"]:
            numbers = [{"outlet": n["outlet"], "text": n["text"], "path": urls.get(n["article"], ""),
                        "sentence": n["sentence"]} for n in difference["numbers"]]
            found.append({"story": story["headline"], "thing": difference["thing"], "numbers": numbers,
                          "key": sorted([n["path"], n["text"]] for n in numbers)})
    return found


def show(entry: dict[str, Any], verdict: str = "") -> None:
    print(f"\n{verdict}[{entry['story'][:70]}] {entry['thing']}")
    for number in entry["numbers"]:
        print(f"    {number['outlet']}: {number['text']!r} — {' '.join(number['sentence'].split())[:400]}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--config", required=True)
    parser.add_argument("--cache-dir", required=True)
    parser.add_argument("--code", type=Path, default=ROOT)
    parser.add_argument("--judged", type=Path)
    parser.add_argument("--write-unjudged", type=Path)
    args = parser.parse_args()
    found = entries(args.code.resolve(), args.config, args.cache_dir)
    judged = {}
    if args.judged and args.judged.exists():
        judged = {json.dumps(j["key"]): j for j in json.loads(args.judged.read_text())["entries"]}
    right = unjudged = 0
    pending = []
    for entry in found:
        verdict = judged.get(json.dumps(entry["key"]))
        if verdict is None or verdict.get("right") is None:
            unjudged += 1
            pending.append({**entry, "right": None, "why": ""})
            show(entry, "UNJUDGED ")
        else:
            right += bool(verdict["right"])
            show(entry, "RIGHT " if verdict["right"] else f"WRONG ({verdict['why']}) ")
    print(f"\n{len(found)} entries shown; right {right}, wrong {len(found) - right - unjudged}, "
          f"not judged {unjudged}")
    if args.write_unjudged:
        args.write_unjudged.write_text(json.dumps({"entries": pending}, indent=1, ensure_ascii=False) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
