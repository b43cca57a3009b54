"""How many people and organisations quote lookup shows under two names (issue 21, item 3), and
how many of one person's quotes following them gathers.

    .venv/bin/python bench/bench_names.py --config CONFIG --cache-dir DIR [--code CHECKOUT]
        [--follow "Uma Thurman"]

Reads what `byline quotes --json --limit 0` shows (the speakers of quote lookup, the exports and
`byline people`), run from CHECKOUT (default: this one) so an older Byline can be measured on its
own cache. Two shown names count as one person or organisation under two names when one is a
short form of the other that fits (`identity.two_name_pairs`: "Trump" and "Donald Trump", "Nasa"
and "NASA", "State Department" and "US State Department"), ambiguous or not; each group of names so
linked counts once. A name's kind is the kind its articles give it most (read from the cache file
directly, so the older schema can be read too). With --follow, a copy of the cache follows that
person and reports how many quotes `byline people` gathers, and how many of the quotes shown under
their last or first name alone are left out.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import sqlite3
import subprocess
import sys
import tempfile
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tui.core.quotes.identity import PERSON, is_full, two_name_pairs  # noqa: E402


def byline(code: Path, config: str, cache: Path, *args: str) -> str:
    env = {**os.environ, "PYTHONPATH": str(code)}
    return subprocess.run([sys.executable, "-m", "tui", "--config", config, "--cache-dir", str(cache), *args],
                          env=env, cwd=code, check=True, capture_output=True, text=True).stdout


def kinds(cache: Path) -> dict[str, str]:
    """Each actor name's kind, as most of its articles give it."""
    with sqlite3.connect(f"file:{cache / 'byline.db'}?mode=ro", uri=True) as conn:
        counts: dict[str, Counter[str]] = defaultdict(Counter)
        for name, kind in conn.execute("SELECT name, kind FROM actors"):
            counts[name][kind] += 1
        return {name: kinds.most_common(1)[0][0] for name, kinds in counts.items()}


def kind_of(name: str, known: dict[str, str]) -> str:
    kind = known.get(name)
    if kind in {"surname", "unknown", None}:
        bare = name.replace(".", "")
        kind = "organisation" if bare.isupper() and len(bare) > 1 else PERSON
    return kind or PERSON


def groups(pairs: list[tuple[str, str]]) -> list[set[str]]:
    """Names linked by pairs, each group once."""
    found: list[set[str]] = []
    for a, b in pairs:
        hits = [g for g in found if a in g or b in g]
        merged = {a, b}.union(*hits)
        found = [g for g in found if g not in hits] + [merged]
    return found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--config", required=True)
    parser.add_argument("--cache-dir", required=True, type=Path)
    parser.add_argument("--code", type=Path, default=ROOT)
    parser.add_argument("--follow", help="a person to follow in a copy of the cache")
    args = parser.parse_args()
    hits = json.loads(byline(args.code, args.config, args.cache_dir, "quotes", "--json", "--limit", "0"))
    known = kinds(args.cache_dir)
    shown = {(h["speaker"], kind_of(h["speaker"], known)) for h in hits if h["speaker"]}
    split = groups(two_name_pairs(shown))
    by_kind = Counter(PERSON if any(is_full(n) or kind_of(n, known) == PERSON for n in g)
                      and all(kind_of(n, known) != "organisation" for n in g) else "organisation"
                      for g in split)
    print(f"quotes shown: {len(hits)}, names shown: {len({n for n, _ in shown})}")
    print(f"under two names: {by_kind[PERSON]} people, {by_kind['organisation']} organisations")
    for group in sorted(split, key=lambda g: sorted(g)):
        print("   ", " / ".join(sorted(group)))
    if args.follow:
        follow(args, hits)


def follow(args: argparse.Namespace, hits: list[dict[str, str]]) -> None:
    words = args.follow.split()
    alone = Counter(h["speaker"] for h in hits if h["speaker"] in {words[0], words[-1]})
    with tempfile.TemporaryDirectory() as tmp:
        copy = Path(tmp) / "cache"
        shutil.copytree(args.cache_dir, copy)
        byline(args.code, args.config, copy, "people", "follow", args.follow)
        people = json.loads(byline(args.code, args.config, copy, "people", "--json"))
    gathered = sum(p["quotes"] for p in people)
    print(f"following {args.follow!r}: {gathered} quotes gathered; shown under one word alone "
          f"and left out: {dict(alone) or 'none'}")


if __name__ == "__main__":
    main()
