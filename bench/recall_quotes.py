"""Recall of who-said-what on real news, judged by reading (events-dev; issue 21, item 5).

    .venv/bin/python bench/recall_quotes.py draw --seed 20261207 [--articles 8] [--out FILE]
        pick ARTICLES articles at random among those whose text holds at least 3 quoted passages
        (a pair of quotation marks around 12+ characters on one line), and write each one's text path,
        what `byline extract --json` shows and what `--all` stores below the threshold (with its
        confidence) into FILE (default bench/recall_seedSEED.json), with an empty list of wanted quotes
    .venv/bin/python bench/recall_quotes.py show FILE ARTICLE
        print the article's text, then Byline's shown quotes and the stored guesses
    .venv/bin/python bench/recall_quotes.py summary FILE
        count, over the judged articles, the wanted quotes shown with the right speaker, the misses
        stored below the threshold, and the misses never stored
    .venv/bin/python bench/recall_quotes.py check FILE
        run `byline extract --json` again on the file's articles and print every shown quote added or
        gone since the draw: whether a later change touched what was judged

The wanted quotes are listed by a person who reads each whole article: every direct quote and every clear
attribution of speech, with its speaker; each is then matched by hand to what Byline shows.
"""

from __future__ import annotations

import argparse
import collections
import json
import random
import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import handcheck_quotes as hc  # noqa: E402  (reuses its article texts and its `byline extract --json` run)

QUOTED = re.compile(r"“[^”\n]{12,}”|\"[^\"\n]{12,}\"|(?<!\w)[‘'][^’'\n]{12,}[’'](?!\w)")


def _brief(quote: dict) -> dict:
    keep = ("speaker", "kind", "cue", "text", "start", "end", "confidence", "unnamed")
    return {k: quote[k] for k in keep if k in quote}


def draw(seed: int, articles: int, out: Path) -> None:
    texts = hc.article_texts()
    eligible = sorted(name for name, text in texts.items() if len(QUOTED.findall(text)) >= 3)
    chosen = random.Random(seed).sample(eligible, articles)
    shown = hc.extract({name: texts[name] for name in chosen})
    stored = hc.extract({name: texts[name] for name in chosen}, guesses=True)
    records = []
    for name in chosen:
        shown_quotes = [_brief(q) for q in shown[name].get("quotes", [])]
        shown_spans = {(q["start"], q["end"]) for q in shown_quotes}
        below = [_brief(q) for q in stored[name].get("quotes", []) if (q["start"], q["end"]) not in shown_spans]
        records.append({"article": name, "path": str((hc.EVENTS / f"{name}.json").relative_to(hc.SHARED)),
                        "quoted_passages": len(QUOTED.findall(texts[name])),
                        "shown": shown_quotes, "stored_below_threshold": below, "wanted": []})
    out.write_text(json.dumps({"seed": seed, "population": {"articles": len(texts), "eligible": len(eligible)},
                               "criterion": "at least 3 quoted passages (quotation marks around 12+ characters "
                                            "on one line)",
                               "articles": records}, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(f"drew {articles} of {len(eligible)} eligible articles (of {len(texts)}) into {out}")


def show(path: Path, article: str) -> None:
    data = json.loads(path.read_text(encoding="utf-8"))
    record = next(r for r in data["articles"] if r["article"].startswith(article))
    print(hc.article_texts()[record["article"]])
    print("\n===== shown =====")
    for i, q in enumerate(record["shown"]):
        print(f"S{i} {q['speaker']!r} [{q['kind']}] cue={q.get('cue')!r}: {q['text']!r}")
    print("\n===== stored below the threshold =====")
    for i, q in enumerate(record["stored_below_threshold"]):
        print(f"B{i} {q.get('confidence')} {q['speaker']!r} [{q['kind']}] cue={q.get('cue')!r}: {q['text']!r}")


def summary(path: Path) -> None:
    data = json.loads(path.read_text(encoding="utf-8"))
    wanted = shown = 0
    misses: collections.Counter[str] = collections.Counter()
    for record in data["articles"]:
        w = record["wanted"]
        s = sum(1 for q in w if q["shown"])
        kinds = collections.Counter(q.get("miss", "?") for q in w if not q["shown"])
        wanted, shown = wanted + len(w), shown + s
        misses.update(kinds)
        below = kinds["stored below the threshold"]
        print(f"{record['article'][:12]}  wanted {len(w):3d}  shown right {s:3d}  "
              f"stored below {below:3d}  other misses {len(w) - s - below:3d}")
    print(f"total: {len(data['articles'])} articles, wanted {wanted}, shown with the right speaker {shown} "
          f"({shown / max(wanted, 1):.2f})")
    for kind, count in misses.most_common():
        print(f"  missed, {kind}: {count}")


def check(path: Path) -> None:
    data = json.loads(path.read_text(encoding="utf-8"))
    texts = hc.article_texts()
    now = hc.extract({r["article"]: texts[r["article"]] for r in data["articles"]})
    changed = 0
    for record in data["articles"]:
        was = {(q["speaker"], q["text"]) for q in record["shown"]}
        shown = {(q["speaker"], q["text"]) for q in now[record["article"]].get("quotes", [])}
        if shown != was:
            changed += 1
            print(record["article"][:12])
            for speaker, text in sorted(shown - was, key=str):
                print(f"  + {speaker!r}: {text[:90]!r}")
            for speaker, text in sorted(was - shown, key=str):
                print(f"  - {speaker!r}: {text[:90]!r}")
    print(f"articles whose shown quotes changed since the draw: {changed} of {len(data['articles'])}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = parser.add_subparsers(dest="command", required=True)
    drawing = sub.add_parser("draw")
    drawing.add_argument("--seed", type=int, required=True)
    drawing.add_argument("--articles", type=int, default=8)
    drawing.add_argument("--out", type=Path)
    showing = sub.add_parser("show")
    showing.add_argument("file", type=Path)
    showing.add_argument("article")
    summing = sub.add_parser("summary")
    summing.add_argument("file", type=Path)
    checking = sub.add_parser("check")
    checking.add_argument("file", type=Path)
    args = parser.parse_args()
    if args.command == "draw":
        draw(args.seed, args.articles, args.out or hc.REPO / "bench" / f"recall_seed{args.seed}.json")
    elif args.command == "show":
        show(args.file, args.article)
    elif args.command == "check":
        check(args.file)
    else:
        summary(args.file)


if __name__ == "__main__":
    main()
