"""Benchmark the quote and actor extractor on the demo corpus, the seed article's gold and PolNeAR; prints tables.

Run: .venv/bin/python bench/bench_quotes.py [--split dev|train] [--limit N] [--errors N]
"""

from __future__ import annotations

import argparse
import json
import os
import re
import statistics
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from tui.core.models import SHOWN_CONFIDENCE  # noqa: E402
from tui.core.quotes.extractor import analyse  # noqa: E402

SHARED = Path(os.environ.get("BYLINE_SHARED", REPO.parent / "shared"))
SEED = SHARED / "seeds" / "000_1a2815832409c3ba.txt"
POLNEAR = SHARED / "data" / "quotes" / "polnear"
QUOTE_CHARS = "“”\"'‘’«»„"
NOT_NAMES = {
    "The", "A", "An", "He", "She", "It", "They", "We", "I", "You", "His", "Her", "Their", "Its", "Our", "My",
    "Some", "Many", "One", "Two", "Three", "Several", "Other", "Others", "Both", "This", "That", "These",
    "Those", "Most", "All", "Mr", "Mrs", "Ms", "Dr", "Mr.", "Mrs.", "Ms.", "Dr.", "In", "But", "And", "Who",
    "Which", "What", "Each", "Every", "No", "Few", "Him", "Them", "Me", "Us",
}


# ------------------------------------------------------------------------------------------ PolNeAR


@dataclass(frozen=True)
class GoldAttribution:
    """One PolNeAR attribution: its content characters, and the source's text."""

    chars: frozenset[int]
    source: str
    direct: bool
    cue: str = ""
    quoted: bool = False

    @property
    def quoting(self) -> bool:
        """Whether its content quotes the source's own words ("called the protocol “a practical step”")."""
        return self.quoted

    @property
    def speech(self) -> bool:
        """Whether its cue is a verb of saying ("said", "told reporters", "has also said", "according to")."""
        return is_speech_cue(self.cue)


# Verbs of saying, fixed before any model was trained (issue 21): an attribution cued by one of these is
# what a reader wants shown. Attitudes ("believes", "wants", "called for") and actions are not counted.
SPEECH_VERBS = frozenset(
    form for base in ("say tell add write ask state announce explain argue note claim insist declare reply respond "
                      "report tweet acknowledge admit confirm deny comment remark warn stress emphasize emphasise "
                      "reiterate testify recall quip joke shout yell exclaim complain assert contend concede "
                      "maintain allege answer").split()
    for form in (base, base + "s", base + "ed", base + "d", base[:-1] + "ied" if base.endswith("y") else base,
                 base[:-1] + "ies" if base.endswith("y") else base, base + "ing", base[:-1] + "ing")
) | {"said", "told", "wrote", "written", "says", "telling", "saying", "writing"}


def is_speech_cue(cue: str) -> bool:
    """A cue whose verb is one of saying: any of its words is one, or it is "according to"."""
    words = re.findall(r"[a-z]+", cue.lower())
    return "according to" in " ".join(words) or any(word in SPEECH_VERBS for word in words)


def _segments(offsets: str) -> list[tuple[int, int]]:
    return [tuple(map(int, part.split())) for part in offsets.split(";")]


def load_polnear(split: str) -> list[tuple[str, str, list[GoldAttribution]]]:
    """(name, text, gold attributions) per article; the first annotator's file where several exist."""
    texts = POLNEAR / split / "text"
    annotations = sorted((POLNEAR / split / "attributions").glob("*.ann"))
    chosen: dict[str, Path] = {}
    for path in annotations:
        chosen.setdefault(path.stem.rsplit("_", 1)[0], path)
    articles = []
    for base, path in sorted(chosen.items()):
        text = (texts / f"{base}.txt").read_text(encoding="utf-8")
        articles.append((base, text, _parse_ann(path, text)))
    return articles


def _parse_ann(path: Path, text: str) -> list[GoldAttribution]:
    spans: dict[str, list[tuple[int, int]]] = {}
    gold = []
    lines = path.read_text(encoding="utf-8").splitlines()
    for line in lines:
        parts = line.split("\t")
        if parts[0].startswith("T") and len(parts) >= 3:
            spans[parts[0]] = _segments(parts[1].split(" ", 1)[1])
    seen: set[frozenset[int]] = set()
    for line in lines:
        parts = line.split("\t")
        if not parts[0].startswith("E") or len(parts) < 2:
            continue
        roles = dict(item.split(":", 1) for item in parts[1].split() if ":" in item)
        content = spans.get(roles.get("Content", ""))
        if not content:
            continue
        chars = frozenset(i for start, end in content for i in range(start, end))
        if chars in seen:
            continue                      # the same content annotated twice: one attribution
        seen.add(chars)
        source = " ".join(text[s:e] for s, e in spans.get(roles.get("Source", ""), []))
        cue = " ".join(text[s:e] for s, e in spans.get(roles.get("Cue", ""), []))
        first = text[content[0][0]:content[0][1]].lstrip()
        inside = "".join(text[s:e] for s, e in content)
        gold.append(GoldAttribution(chars, source, first[:1] in QUOTE_CHARS, cue, bool(re.search("[“”\"]|''", inside))))
    return gold


def run_extract(paths: list[Path]) -> list[dict]:
    """`byline extract --json` over the files, one result per file: exactly what a user gets."""
    command = [sys.executable, "-c", "import sys; from tui.cli.main import main; sys.exit(main(sys.argv[1:]))",
               "extract", "--json", *map(str, paths)]
    output = subprocess.run(command, cwd=REPO, capture_output=True, text=True, check=True).stdout
    results = [json.loads(line) for line in output.splitlines() if line.strip()]
    if len(results) != len(paths):
        sys.exit(f"byline extract gave {len(results)} results for {len(paths)} files")
    return results


def unit_chars(text: str, quote: dict) -> frozenset[int]:
    """A returned quote's span, first piece to last, widened over its own quote marks (gold spans include
    them). No pieces are joined, dropped or moved: the quote is scored as `byline extract --json` gives it."""
    start, end = quote["pieces"][0]["start"], quote["pieces"][-1]["end"]
    if quote["kind"] != "indirect":
        while start > 0 and text[start - 1] in QUOTE_CHARS and quote["start"] - start < 2:
            start -= 1
        while end < len(text) and text[end] in QUOTE_CHARS and end - quote["end"] < 2:
            end += 1
    return frozenset(range(start, end))


def match_units(gold: list[frozenset[int]], predicted: list[frozenset[int]]) -> list[tuple[int, int]]:
    """One-to-one pairs (gold index, predicted index) overlapping by at least half of the longer span."""
    candidates = []
    for g_index, g_chars in enumerate(gold):
        for p_index, p_chars in enumerate(predicted):
            overlap = len(g_chars & p_chars)
            if overlap and overlap >= 0.5 * max(len(g_chars), len(p_chars)):
                candidates.append((overlap, g_index, p_index))
    used_g, used_p, pairs = set(), set(), []
    for _, g_index, p_index in sorted(candidates, reverse=True):
        if g_index not in used_g and p_index not in used_p:
            used_g.add(g_index)
            used_p.add(p_index)
            pairs.append((g_index, p_index))
    return pairs


def _core(text: str, chars: frozenset[int]) -> frozenset[int]:
    """A span's characters without edge white space, quote marks and punctuation (for exact matching)."""
    ordered = sorted(chars)
    low, high = 0, len(ordered)
    while low < high and (text[ordered[low]].isspace() or text[ordered[low]] in QUOTE_CHARS + ",.;:"):
        low += 1
    while high > low and (text[ordered[high - 1]].isspace() or text[ordered[high - 1]] in QUOTE_CHARS + ",.;:!?"):
        high -= 1
    return frozenset(ordered[low:high])


def exact_matches(text: str, gold: list[frozenset[int]], predicted: list[frozenset[int]]) -> int:
    """Units whose spans are identical once edge punctuation and quote marks are set aside."""
    remaining = {_core(text, g) for g in gold}
    hits = 0
    for chars in predicted:
        core = _core(text, chars)
        if core in remaining:
            remaining.discard(core)
            hits += 1
    return hits


def _name_tokens(source: str) -> set[str]:
    tokens = set(re.findall(r"[A-Z][\w’'.-]*", source))
    return {t.rstrip(".,’'s").rstrip("’'") for t in tokens if t not in NOT_NAMES and len(t) > 1}


def speaker_right(source: str, speaker: str | None, result: dict) -> bool:
    """Right when our speaker (or one of its aliases) shares a proper-name word with the gold source."""
    if speaker is None:
        return False
    names = {speaker}
    for actor in result["actors"]:
        if actor["name"] == speaker:
            names.update(actor["aliases"])
    ours = set().union(*(_name_tokens(name) for name in names))
    return bool(ours & _name_tokens(source))


@dataclass
class Tally:
    """Counts for one evaluation row."""

    gold: int = 0
    predicted: int = 0
    matched: int = 0
    named: int = 0
    named_right: int = 0
    matched_precision: int | None = None     # predicted units that match any gold unit, when not `matched`

    def row(self, label: str) -> str:
        hits = self.matched if self.matched_precision is None else self.matched_precision
        precision = hits / self.predicted if self.predicted else 0.0
        recall = self.matched / self.gold if self.gold else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        speaker = f"{self.named_right / self.named:.3f} ({self.named_right}/{self.named})" if self.named else "n/a"
        return (f"| {label} | {self.gold} | {self.predicted} | {precision:.3f} | {recall:.3f} | {f1:.3f} | "
                f"{speaker} |")


def evaluate_polnear(split: str, limit: int | None, errors: int) -> tuple[list[str], list[float]]:
    articles = load_polnear(split)[:limit]
    results = run_extract([POLNEAR / split / "text" / f"{name}.txt" for name, _, _ in articles])
    direct, everything, baseline, speech = Tally(), Tally(), Tally(), Tally(matched_precision=0)
    exact = {True: Tally(), False: Tally()}
    timings: list[float] = []
    shown = 0
    for (name, text, gold), result in zip(articles, results, strict=True):
        began = time.perf_counter()
        analyse(text)
        timings.append((time.perf_counter() - began) * 1000)
        for tally, direct_only in ((direct, True), (everything, False)):
            subset = [g for g in gold if g.direct or not direct_only]
            quotes = [q for q in result.get("quotes", []) if q["kind"] == "direct" or not direct_only]
            units = [unit_chars(text, q) for q in quotes]
            gold_spans = [_span(g.chars) for g in subset]
            pairs = match_units(gold_spans, units)
            tally.gold += len(subset)
            tally.predicted += len(units)
            tally.matched += len(pairs)
            exact[direct_only].gold += len(subset)
            exact[direct_only].predicted += len(units)
            exact[direct_only].matched += exact_matches(text, gold_spans, units)
            if not direct_only:
                _tally_speech(speech, subset, pairs, quotes, result)
            for g_index, p_index in pairs:
                if _name_tokens(subset[g_index].source):
                    tally.named += 1
                    right = speaker_right(subset[g_index].source, quotes[p_index]["speaker"], result)
                    tally.named_right += right
                    if not right and direct_only and shown < errors:
                        shown += 1
                        print(f"SPEAKER {name}: gold={subset[g_index].source!r} ours={quotes[p_index]['speaker']!r}"
                              f" :: {quotes[p_index]['text'][:80]!r}")
        base_units = _baseline_units(text)
        subset = [g for g in gold if g.direct]
        baseline.gold += len(subset)
        baseline.predicted += len(base_units)
        baseline.matched += len(match_units([_span(g.chars) for g in subset], base_units))
    rows = [
        f"| PolNeAR {split} | gold | predicted | precision | recall | F1 (overlap >= 1/2 longer) "
        "| speaker acc (gold source named) |",
        "|---|---|---|---|---|---|---|",
        direct.row("(a) direct quotes"),
        everything.row("(b) all attributions"),
        speech.row("(c) speech attributions (gold cue a verb of saying; precision as (b))"),
        baseline.row("baseline: every paired quote mark, direct"),
        exact[True].row("(a) direct, exact span match (published measure)"),
        exact[False].row("(b) all, exact span match (published measure)"),
    ]
    return rows, timings


def _tally_speech(speech: Tally, gold: list[GoldAttribution], pairs: list[tuple[int, int]], quotes: list[dict],
                  result: dict) -> None:
    """Recall of the attributions cued by a verb of saying, and speaker accuracy on those matched; the
    precision is that of all shown quotes against all gold attributions (a shown quote matching an
    attitude is no error), so the row takes (b)'s predicted and matched counts for its precision."""
    wanted = {index for index, g in enumerate(gold) if g.speech}
    speech.gold += len(wanted)
    speech.predicted += len(quotes)
    matched = [(g, p) for g, p in pairs if g in wanted]
    speech.matched_precision += len(pairs)
    speech.matched += len(matched)
    for g_index, p_index in matched:
        if _name_tokens(gold[g_index].source):
            speech.named += 1
            speech.named_right += speaker_right(gold[g_index].source, quotes[p_index]["speaker"], result)


def _span(chars: frozenset[int]) -> frozenset[int]:
    """A gold attribution's span, first content segment to last (as for ours)."""
    return frozenset(range(min(chars), max(chars) + 1))


def _baseline_units(text: str) -> list[frozenset[int]]:
    """The naive rule: every span between paired double quote marks is a direct quote."""
    return [frozenset(range(m.start(), m.end())) for m in re.finditer(r"“[^”\n]*”|\"[^\"\n]*\"|''[^'\n]*''", text)]


def evaluate_classes(split: str, limit: int | None) -> list[str]:
    """Precision of each class of returned quote (kind, rule, how the speaker was named) on a split, with
    every unit the extractor finds (also those below the shown confidence): what confidence is tuned on.
    A unit is right when it matches a gold attribution and, where the gold source is named, names it
    (a pronoun or a description in the gold cannot check our speaker: the span decides)."""
    from tui.core.quotes.extractor import explain

    counts: dict[str, list[int]] = {}
    for _, text, gold in load_polnear(split)[:limit]:
        actors, explained = explain(text)
        result = {"actors": [{"name": a.name, "aliases": list(a.aliases)} for a in actors]}
        quotes = [{"start": q.start, "end": q.end, "kind": q.kind, "speaker": q.speaker,
                   "pieces": [{"start": a, "end": b} for a, b in q.spans]} for q, _ in explained]
        pairs = dict((p, g) for g, p in match_units([_span(g.chars) for g in gold],
                                                    [unit_chars(text, q) for q in quotes]))
        for index, (quote, signals) in enumerate(explained):
            row = counts.setdefault(f"{signals.kind} {signals.rule} {signals.who}", [0, 0, 0, 0])
            row[0] += 1
            if index in pairs:
                row[1] += 1
                source = gold[pairs[index]].source
                # A gold source with no name ("he", "the company") cannot check ours: the span decides.
                row[2] += speaker_right(source, quote.speaker, result) if _name_tokens(source) else True
            row[3] += quote.confidence >= SHOWN_CONFIDENCE
    rows = [f"| class on PolNeAR {split} | returned | matched | matched, right speaker | precision | now shown |",
            "|---|---|---|---|---|---|"]
    for features, (total, matched, right, shown) in sorted(counts.items(), key=lambda kv: -kv[1][0]):
        rows.append(f"| {features} | {total} | {matched} | {right} | {right / total:.2f} | {shown} |")
    return rows


def evaluate_coverage(split: str, limit: int | None) -> list[str]:
    """The candidates' ceiling: the share of gold direct quotes and speech attributions that some candidate
    (any confidence, `explain(judged=False)`) matches one to one, as the tables match shown quotes."""
    from tui.core.quotes.extractor import explain

    wanted = {"direct": [0, 0], "speech": [0, 0]}
    for _, text, gold in load_polnear(split)[:limit]:
        _, explained = explain(text, judged=False)
        quotes = [{"start": q.start, "end": q.end, "kind": q.kind,
                   "pieces": [{"start": a, "end": b} for a, b in q.spans]} for q, _ in explained]
        covered = {g for g, _ in match_units([_span(g.chars) for g in gold], [unit_chars(text, q) for q in quotes])}
        for index, attribution in enumerate(gold):
            for name, counted in (("direct", attribution.direct), ("speech", attribution.speech)):
                if counted:
                    wanted[name][0] += 1
                    wanted[name][1] += index in covered
    rows = [f"| candidates' coverage on PolNeAR {split} | gold | covered by a candidate | share |", "|---|---|---|---|"]
    for name, (total, hit) in wanted.items():
        rows.append(f"| {name} | {total} | {hit} | {hit / total:.3f} |")
    return rows


# --------------------------------------------------------------------------------------- seed article


def _norm(name: str) -> str:
    name = name.replace("’", "'").strip()
    return re.sub(r"^(?:the)\s+", "", name, flags=re.IGNORECASE).lower()


def _locate(text: str, fragment: str) -> tuple[int, int] | None:
    index = text.find(fragment)
    return (index, index + len(fragment)) if index != -1 else None


def _holds(quote: dict, span: tuple[int, int], kind: str) -> bool:
    """Whether a returned quote holds a gold quote: one of its pieces overlaps it by half the longer of
    the two (a gold quote is one piece; a unit may have several), or, for a fragment quoted inside
    reported speech, a piece of the reported clause contains it."""
    for piece in quote["pieces"]:
        overlap = min(span[1], piece["end"]) - max(span[0], piece["start"])
        if kind == "partial" and piece["start"] <= span[0] and span[1] <= piece["end"]:
            return True
        if quote["kind"] == kind and overlap > 0 and overlap >= 0.5 * max(span[1] - span[0],
                                                                          piece["end"] - piece["start"]):
            return True
    return False


def evaluate_seed() -> list[str]:
    text = SEED.read_text(encoding="utf-8")
    gold = json.loads(SEED.with_suffix("").with_suffix(".gold.json").read_text(encoding="utf-8"))
    result = run_extract([SEED])[0]
    rows = ["| seed article | found | of | score | target |", "|---|---|---|---|---|"]
    for kind in ("direct", "partial", "indirect"):
        wanted = [q for q in gold["quotes"] if q["kind"] == kind]
        found = right = 0
        for quote in wanted:
            span = _locate(text, quote["text"])
            ours = [q for q in result["quotes"] if span and _holds(q, span, kind)]
            found += bool(ours)
            right += any(q["speaker"] == quote["speaker"] for q in ours)
        target = "5 of 5 with right speaker" if kind == "direct" else "reported"
        rows.append(f"| {kind} quotes found (right speaker) | {found} ({right}) | {len(wanted)} | "
                    f"{right / len(wanted):.2f} | {target} |")
    named = [a for a in gold["actors"] if a["kind"] in {"person", "org"} and a["name"] != "Government of Armenia"]
    gold_names = [{_norm(a["name"]), *(_norm(x) for x in a["aliases"])} for a in named]
    ours = [a for a in result["actors"] if a["kind"] in {"person", "organisation"}]
    our_names = [{_norm(a["name"]), *(_norm(x) for x in a["aliases"])} for a in ours]
    hits_p = sum(any(_norm(a["name"]) in names for names in gold_names) for a in ours)
    hits_r = sum(any(names & mine for mine in our_names) for names in gold_names)
    precision = hits_p / len(ours) if ours else 0.0
    recall = hits_r / len(named)
    rows.append(f"| actor precision (people + organisations) | {hits_p} | {len(ours)} | {precision:.2f} | >= 0.90 |")
    rows.append(f"| actor recall (people + organisations) | {hits_r} | {len(named)} | {recall:.2f} | >= 0.90 |")
    return rows


DEMO = REPO / "seeds"


def evaluate_demo() -> list[str]:
    """The project's own demo articles against seeds/quotes.json, as the app sees them (extract_html)."""
    expected = json.loads((DEMO / "quotes.json").read_text(encoding="utf-8"))["articles"]
    quotes_right = quotes_total = actors_found = actors_total = 0
    pages = sorted(expected)
    for page, result in zip(pages, run_extract([DEMO / page for page in pages]), strict=True):
        gold = expected[page]
        names = {actor["name"] for actor in result["actors"]}
        actors_total += len(gold["actors"])
        actors_found += sum(actor["name"] in names for actor in gold["actors"])
        for quote in gold["quotes"]:
            quotes_total += 1
            if quote["speaker"] is None:     # a scare quote: right when nobody is said to have said it
                quotes_right += not any(quote["starts"] in q["text"] and q["speaker"] for q in result["quotes"])
            else:
                quotes_right += any(quote["starts"] in q["text"] and q["speaker"] == quote["speaker"]
                                    for q in result["quotes"])
    return ["| demo corpus (seeds/quotes.json, 3 articles) | found | of | score | target |", "|---|---|---|---|---|",
            f"| gold actors found by canonical name | {actors_found} | {actors_total} | "
            f"{actors_found / actors_total:.2f} | all |",
            f"| gold quotes found with the right speaker | {quotes_right} | {quotes_total} | "
            f"{quotes_right / quotes_total:.2f} | >= 0.90 |"]


_TIMER = """
import pathlib, statistics, sys, time
from tui.core.quotes.extractor import analyse
texts = [p.read_text(encoding="utf-8") for p in sorted(pathlib.Path(sys.argv[1]).glob("*.txt"))]
for text in texts[:5]:
    analyse(text)
times = []
for text in texts:
    began = time.perf_counter()
    analyse(text)
    times.append((time.perf_counter() - began) * 1000)
print(statistics.median(times))
"""


def compare_speed(split: str, other: Path, runs: int = 3) -> list[str]:
    """Median ms per article of this checkout's extractor and another checkout's (e.g. /work/main), each in
    its own process, alternating, so both see the same machine load."""
    folder = POLNEAR / split / "text"
    ours, theirs = [], []
    for _ in range(runs):
        for checkout, times in ((REPO, ours), (other, theirs)):
            env = {**os.environ, "PYTHONPATH": str(checkout)}
            out = subprocess.run([sys.executable, "-c", _TIMER, str(folder)], env=env, cwd="/",
                                 capture_output=True, text=True, check=True).stdout
            times.append(float(out))
    mine, base = statistics.median(ours), statistics.median(theirs)
    return ["| extractor speed, same run | this checkout ms | baseline ms | ratio |", "|---|---|---|---|",
            f"| median of {runs} alternating runs over PolNeAR {split} ({other}) | {mine:.2f} | {base:.2f} | "
            f"x{mine / base:.2f} |",
            f"| best of {runs} | {min(ours):.2f} | {min(theirs):.2f} | x{min(ours) / min(theirs):.2f} |"]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--split", default="dev", help="PolNeAR split: dev (report) or train (develop)")
    parser.add_argument("--limit", type=int, default=None, help="only the first N articles")
    parser.add_argument("--errors", type=int, default=0, help="print up to N wrong direct-quote speakers")
    parser.add_argument("--classes", action="store_true",
                        help="only the precision of each class of quote (what confidence is calibrated on)")
    parser.add_argument("--coverage", action="store_true",
                        help="only the candidates' ceiling: gold direct and speech attributions some candidate matches")
    parser.add_argument("--compare-with", type=Path, default=None, metavar="CHECKOUT",
                        help="also time another checkout's extractor in the same run (e.g. /work/main)")
    args = parser.parse_args()
    if args.compare_with is not None:
        print("\n".join(compare_speed(args.split, args.compare_with)))
        return
    if args.classes:
        print("\n".join(evaluate_classes(args.split, args.limit)))
        return
    if args.coverage:
        print("\n".join(evaluate_coverage(args.split, args.limit)))
        return
    if not SHARED.exists():
        sys.exit(f"{SHARED} is absent: set BYLINE_SHARED")
    print("\n".join(evaluate_demo()))
    print()
    print("\n".join(evaluate_seed()))
    print()
    rows, timings = evaluate_polnear(args.split, args.limit, args.errors)
    print("\n".join(rows))
    timings.sort()
    p95 = timings[min(len(timings) - 1, int(round(0.95 * (len(timings) - 1))))]
    print()
    print("| speed over PolNeAR " + args.split + " | articles | median ms | p95 ms | max ms | target |")
    print("|---|---|---|---|---|---|")
    print(f"| analyse() per article | {len(timings)} | {statistics.median(timings):.2f} | {p95:.2f} | "
          f"{timings[-1]:.2f} | median <= 10 ms |")


if __name__ == "__main__":
    main()
