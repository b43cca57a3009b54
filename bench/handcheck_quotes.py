"""Hand check of quotes and actors on real news (events-dev: 204 articles, 61 outlets).

The sample and the judgements live in bench/handcheck_sample.json. A person reads each drawn quote
and actor against the article text and records a verdict; this script only draws, shows and compares.

    .venv/bin/python bench/handcheck_quotes.py [--sample FILE] draw [--quotes 110 --actors 100 --seed 12]
        run `byline extract --json` over every article and draw a fresh sample of what it shows by
        default (quotes at or above the shown confidence; judgements cleared)
    .venv/bin/python bench/handcheck_quotes.py show [--only unjudged|all] [--kind quote|actor]
        print each sampled item with the text around it, to judge by hand
    .venv/bin/python bench/handcheck_quotes.py judge ID VERDICT [NOTE]
        record a verdict (quotes: right, wrong-speaker, not-a-quote, cut-short;
        actors: right, wrong-kind, junk)
    .venv/bin/python bench/handcheck_quotes.py check
        run `byline extract --json` again on the same articles, print the verdict table of the
        judged version and every sampled item whose output changed since it was judged
    .venv/bin/python bench/handcheck_quotes.py adopt ID VERDICT [NOTE]
        after reading a changed item again: store its current output (the quote overlapping it most,
        or the actor of that name) with a new verdict

--sample FILE (before the command) keeps the sample in FILE instead of bench/handcheck_sample.json, so a
fresh draw does not overwrite the judged one (bench/handcheck_sample_seed20261207_judged.json was drawn so).
"""

from __future__ import annotations

import argparse
import collections
import json
import os
import random
import subprocess
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("BYLINE_SHARED", REPO.parent / "shared"))
EVENTS = SHARED / "data" / "stories" / "events-dev" / "data"
SAMPLE = REPO / "bench" / "handcheck_sample.json"
QUOTE_VERDICTS = ("right", "wrong-speaker", "not-a-quote", "cut-short")
ACTOR_VERDICTS = ("right", "wrong-kind", "junk")


def article_texts() -> dict[str, str]:
    """dId -> the article's text as the set stores it (what a reader of the page sees, boilerplate and all)."""
    texts = {}
    for path in sorted(EVENTS.glob("*.json")):
        text = json.loads(path.read_text(encoding="utf-8")).get("text") or ""
        if text.strip() and text != "None":
            texts[path.stem] = text
    return texts


def extract(texts: dict[str, str], *, guesses: bool = False) -> dict[str, dict]:
    """`byline extract --json` over every article, as a user would run it on the saved texts
    (`--all` with guesses: also what is stored below the shown confidence)."""
    with tempfile.TemporaryDirectory() as folder:
        paths = []
        for name, text in texts.items():
            path = Path(folder) / f"{name}.txt"
            path.write_text(text, encoding="utf-8")
            paths.append(path)
        command = [sys.executable, "-c", "import sys; from tui.cli.main import main; sys.exit(main(sys.argv[1:]))",
                   "extract", "--json", *(["--all"] if guesses else []), *map(str, paths)]
        output = subprocess.run(command, cwd=REPO, capture_output=True, text=True, check=True).stdout
    results = [json.loads(line) for line in output.splitlines() if line.strip()]
    return {Path(r["source"]).stem: r for r in results}


def draw(quotes: int, actors: int, seed: int) -> None:
    texts = article_texts()
    results = extract(texts)
    all_quotes = [(name, q) for name in sorted(results) for q in results[name].get("quotes", [])]
    all_actors = [(name, a) for name in sorted(results) for a in results[name].get("actors", [])]
    rng = random.Random(seed)
    items = []
    for index, (name, quote) in enumerate(rng.sample(all_quotes, min(quotes, len(all_quotes)))):
        items.append({"id": f"q{index:03d}", "article": name, "type": "quote", "output": quote,
                      "verdict": None, "note": ""})
    for index, (name, actor) in enumerate(rng.sample(all_actors, min(actors, len(all_actors)))):
        items.append({"id": f"a{index:03d}", "article": name, "type": "actor", "output": actor,
                      "verdict": None, "note": ""})
    SAMPLE.write_text(json.dumps({"seed": seed, "population": {"articles": len(results), "quotes": len(all_quotes),
                                                               "actors": len(all_actors)},
                                  "items": items}, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(f"drew {quotes} of {len(all_quotes)} quotes and {actors} of {len(all_actors)} actors "
          f"from {len(results)} articles into {SAMPLE.relative_to(REPO) if SAMPLE.is_relative_to(REPO) else SAMPLE}")


def _context(text: str, start: int, end: int, reach: int = 220) -> str:
    left = text.rfind("\n", 0, max(0, start - reach)) + 1
    right = text.find("\n", min(len(text), end + reach))
    right = len(text) if right == -1 else right
    return (text[left:start] + "[[" + text[start:end] + "]]" + text[end:right]).strip()


def show(only: str, kind: str | None) -> None:
    data = json.loads(SAMPLE.read_text(encoding="utf-8"))
    texts = article_texts()
    for item in data["items"]:
        if (only == "unjudged" and item["verdict"]) or (kind and item["type"] != kind):
            continue
        text, out = texts[item["article"]], item["output"]
        if item["type"] == "quote":
            print(f"== {item['id']} [{out['kind']}] speaker={out['speaker']!r} cue={out['cue']!r} "
                  f"verdict={item['verdict']}")
            print(f"   text: {out['text']!r}")
            print("   " + _context(text, out["start"], out["end"]).replace("\n", "\n   "))
        else:
            first = text.find(out["name"])
            first = first if first != -1 else 0
            print(f"== {item['id']} actor {out['name']!r} kind={out['kind']} role={out['role']!r} "
                  f"aliases={out['aliases']} mentions={out['mentions']} verdict={item['verdict']}")
            print("   " + _context(text, first, first + len(out["name"]), 160).replace("\n", "\n   "))
        print()


def judge(item_id: str, verdict: str, note: str) -> None:
    data = json.loads(SAMPLE.read_text(encoding="utf-8"))
    item = next(i for i in data["items"] if i["id"] == item_id)
    allowed = QUOTE_VERDICTS if item["type"] == "quote" else ACTOR_VERDICTS
    if verdict not in allowed:
        sys.exit(f"verdict must be one of {', '.join(allowed)}")
    item["verdict"], item["note"] = verdict, note
    SAMPLE.write_text(json.dumps(data, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")


def _same_quote(old: dict, new: dict) -> bool:
    keys = ("speaker", "kind", "start", "end", "pieces")
    return all(old[k] == new[k] for k in keys)


def adopt(item_id: str, verdict: str, note: str) -> None:
    data = json.loads(SAMPLE.read_text(encoding="utf-8"))
    item = next(i for i in data["items"] if i["id"] == item_id)
    now = extract({item["article"]: article_texts()[item["article"]]})[item["article"]]
    out = item["output"]
    if item["type"] == "quote":
        def overlap(q: dict) -> int:
            return min(q["end"], out["end"]) - max(q["start"], out["start"])
        current = max(now.get("quotes", []), key=overlap, default=None)
        if current is None or overlap(current) <= 0:
            sys.exit(f"{item_id}: no quote overlaps it any more")
    else:
        current = next((a for a in now.get("actors", []) if a["name"] == out["name"]), None)
        if current is None:
            sys.exit(f"{item_id}: no actor of that name any more")
    item["output"] = current
    SAMPLE.write_text(json.dumps(data, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    judge(item_id, verdict, note)


def check() -> None:
    data = json.loads(SAMPLE.read_text(encoding="utf-8"))
    texts = article_texts()
    results = extract({name: texts[name] for name in sorted({i["article"] for i in data["items"]})})
    tables: dict[str, collections.Counter[str]] = {"quote": collections.Counter(), "actor": collections.Counter()}
    changed = []
    for item in data["items"]:
        tables[item["type"]][item["verdict"] or "unjudged"] += 1
        now = results[item["article"]]
        out = item["output"]
        if item["type"] == "quote":
            current = [q for q in now.get("quotes", []) if q["start"] < out["end"] and out["start"] < q["end"]]
            if not any(_same_quote(out, q) for q in current):
                changed.append((item, [f"{q['speaker']!r} [{q['kind']}] {q['text'][:70]!r}" for q in current]
                                or ["(gone)"]))
        else:
            current = [a for a in now.get("actors", []) if a["name"] == out["name"]]
            if not current or current[0]["kind"] != out["kind"] or current[0]["role"] != out["role"]:
                changed.append((item, [f"{a['name']!r} {a['kind']} role={a['role']!r}" for a in current]
                                or ["(gone)"]))
    for kind, verdicts in (("quote", QUOTE_VERDICTS), ("actor", ACTOR_VERDICTS)):
        counts = tables[kind]
        total = sum(counts.values())
        print(f"| {kind}s (judged version) | " + " | ".join(verdicts) + " | unjudged | right share |")
        print("|---" * (len(verdicts) + 3) + "|")
        right = counts["right"]
        print(f"| {total} sampled | " + " | ".join(str(counts[v]) for v in verdicts)
              + f" | {counts['unjudged']} | {right / total:.2f} ({right}/{total}) |")
        print()
    print(f"changed since judged: {len(changed)} of {len(data['items'])}")
    for item, now in changed:
        out = item["output"]
        label = (f"{out['speaker']!r} [{out['kind']}] {out['text'][:70]!r}" if item["type"] == "quote"
                 else f"{out['name']!r} {out['kind']} role={out['role']!r}")
        print(f"  {item['id']} ({item['verdict']}): was {label}\n      now " + "\n      now ".join(now))


def main() -> None:
    global SAMPLE
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sample", type=Path, default=SAMPLE, help="the sample file (default: %(default)s)")
    sub = parser.add_subparsers(dest="command", required=True)
    drawing = sub.add_parser("draw")
    drawing.add_argument("--quotes", type=int, default=110)
    drawing.add_argument("--actors", type=int, default=100)
    drawing.add_argument("--seed", type=int, default=12)
    showing = sub.add_parser("show")
    showing.add_argument("--only", choices=("unjudged", "all"), default="unjudged")
    showing.add_argument("--kind", choices=("quote", "actor"))
    judging = sub.add_parser("judge")
    judging.add_argument("id")
    judging.add_argument("verdict")
    judging.add_argument("note", nargs="?", default="")
    sub.add_parser("check")
    adopting = sub.add_parser("adopt")
    adopting.add_argument("id")
    adopting.add_argument("verdict")
    adopting.add_argument("note", nargs="?", default="")
    args = parser.parse_args()
    SAMPLE = args.sample.resolve()
    if not EVENTS.exists():
        sys.exit(f"{EVENTS} is absent: set BYLINE_SHARED")
    if args.command == "draw":
        draw(args.quotes, args.actors, args.seed)
    elif args.command == "show":
        show(args.only, args.kind)
    elif args.command == "judge":
        judge(args.id, args.verdict, args.note)
    elif args.command == "adopt":
        adopt(args.id, args.verdict, args.note)
    else:
        check()


if __name__ == "__main__":
    main()
