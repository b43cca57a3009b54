"""Stories benchmark: grouping quality (events-dev BCubed through `byline stories --json`, Google News NMI through
`byline cluster`), numbers that differ on the demo (`byline story ID --json`), and speed against baselines."""

from __future__ import annotations

import argparse
import csv
import dataclasses
import gc
import json
import math
import os
import random
import resource
import sys
import time
import tracemalloc
from collections import Counter, defaultdict
from collections.abc import Sequence
from datetime import datetime, timedelta, timezone
from pathlib import Path

ENGINE_ROOT = Path(__file__).resolve().parents[1]
if "--engine-root" in sys.argv:  # time another checkout's engine (say, main's) with this same benchmark
    ENGINE_ROOT = Path(sys.argv[sys.argv.index("--engine-root") + 1]).resolve()
sys.path.insert(0, str(ENGINE_ROOT))

from tui.core.settings import Settings  # noqa: E402
from tui.core.stories.engine import StoryEngine, StoryItem, cluster_records  # noqa: E402
from tui.core.stories.model import Tuning  # noqa: E402

SHARED = Path(os.environ.get("BYLINE_SHARED", Path(__file__).resolve().parents[1].parent / "shared"))
STORIES = SHARED / "data" / "stories"
GSDMM_NMI = {"T": 0.874, "S": 0.896, "TS": 0.928}

# ------------------------------------------------------------------ metrics


def _entropy(counts: Sequence[int], total: int) -> float:
    return -sum(c / total * math.log(c / total) for c in counts if c)


def nmi(truth: Sequence[object], predicted: Sequence[object]) -> float:
    """Normalised mutual information, arithmetic-mean normalisation (scikit-learn's default)."""
    total = len(truth)
    joint = Counter(zip(truth, predicted, strict=True))
    rows, cols = Counter(truth), Counter(predicted)
    mutual = sum(n / total * math.log(n * total / (rows[a] * cols[b])) for (a, b), n in joint.items())
    h_true, h_pred = _entropy(list(rows.values()), total), _entropy(list(cols.values()), total)
    denominator = (h_true + h_pred) / 2
    return 1.0 if denominator == 0 else mutual / denominator


def ari(truth: Sequence[object], predicted: Sequence[object]) -> float:
    """Adjusted Rand index (Hubert and Arabie)."""

    def pairs(n: int) -> float:
        return n * (n - 1) / 2

    index = sum(pairs(n) for n in Counter(zip(truth, predicted, strict=True)).values())
    rows = sum(pairs(n) for n in Counter(truth).values())
    cols = sum(pairs(n) for n in Counter(predicted).values())
    expected = rows * cols / pairs(len(truth))
    maximum = (rows + cols) / 2
    return 1.0 if maximum == expected else (index - expected) / (maximum - expected)


def bcubed(truth: Sequence[object], predicted: Sequence[object]) -> tuple[float, float, float]:
    """BCubed precision, recall and F1 averaged over items."""
    joint = Counter(zip(truth, predicted, strict=True))
    rows, cols = Counter(truth), Counter(predicted)
    precision = sum(joint[(a, b)] / cols[b] for a, b in zip(truth, predicted, strict=True)) / len(truth)
    recall = sum(joint[(a, b)] / rows[a] for a, b in zip(truth, predicted, strict=True)) / len(truth)
    return precision, recall, 2 * precision * recall / (precision + recall)


def pairwise_f1(truth: Sequence[object], predicted: Sequence[object]) -> float:
    """F1 over same-cluster pairs."""

    def pairs(n: int) -> int:
        return n * (n - 1) // 2

    both = sum(pairs(n) for n in Counter(zip(truth, predicted, strict=True)).values())
    true_pairs = sum(pairs(n) for n in Counter(truth).values())
    predicted_pairs = sum(pairs(n) for n in Counter(predicted).values())
    if both == 0:
        return 0.0
    precision, recall = both / predicted_pairs, both / true_pairs
    return 2 * precision * recall / (precision + recall)


# -------------------------------------------------------------------- data


def load_googlenews(kind: str) -> tuple[list[StoryItem], list[int]]:
    """GoogleNews-{T,S,TS}: pre-processed text, no dates; the text is the headline the engine sees."""
    items, labels = [], []
    with open(STORIES / "googlenews" / f"GoogleNews-{kind}.jsonl", encoding="utf-8") as handle:
        for number, line in enumerate(handle):
            record = json.loads(line)
            items.append(StoryItem(id=str(number), title=record["text"]))
            labels.append(record["cluster"])
    return items, labels


def load_events(with_text: bool) -> tuple[list[StoryItem], list[str]]:
    """events-dev: real articles with (partly unreliable) publication dates and outlets, with their
    whole text as full text gives it (actors and quotes are found in all of it; the engine reads
    the lead the store gives it)."""
    root = STORIES / "events-dev"
    items, labels = [], []
    with open(root / "index.tsv", encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle, delimiter="\t"):
            article = json.loads((root / "data" / f"{row['dId']}.json").read_text(encoding="utf-8"))
            published = article.get("date_publish")
            moment = datetime.fromisoformat(published).replace(tzinfo=timezone.utc) if published else None
            items.append(
                StoryItem(
                    id=row["dId"],
                    title=article.get("title") or row["title"],
                    text=(article.get("text") or "") if with_text else "",
                    outlet=row["source_domain"],
                    published=moment,
                )
            )
            labels.append(row["event_id"])
    return items, labels


def group(items: list[StoryItem], window: timedelta | None, **tuning: float) -> list[int]:
    engine = StoryEngine(window=window, **tuning)
    return [a.story_id for a in engine.add(items)]


# ----------------------------------------------------------------- quality


def quality_googlenews() -> list[tuple[str, ...]]:
    """What `byline cluster FILE --window none` prints for each set (no dates in Google News)."""
    rows = []
    for kind in ("T", "S", "TS"):
        items, labels = load_googlenews(kind)
        records = [{"id": item.id, "title": item.title} for item in items]
        predicted = [row["story"] for row in cluster_records(records, window_hours=None)]
        score = nmi(labels, predicted)
        rows.append(
            (
                f"GoogleNews-{kind}",
                f"{score:.3f}",
                f"{GSDMM_NMI[kind]:.3f}",
                "yes" if score > GSDMM_NMI[kind] else "no",
                f"{ari(labels, predicted):.3f}",
                str(len(set(predicted))),
            )
        )
    return rows


def window_ceiling(items: list[StoryItem], labels: list[str], reach: timedelta | None) -> float:
    """BCubed F1 of the true events cut wherever their articles are more than `reach` apart: the best possible."""
    if reach is None:
        return 1.0
    by_event: dict[str, list[tuple[datetime, int]]] = defaultdict(list)
    for index, (item, label) in enumerate(zip(items, labels, strict=True)):
        by_event[label].append((item.published or datetime.min.replace(tzinfo=timezone.utc), index))
    cut = [""] * len(items)
    for label, dated in by_event.items():
        part, previous = 0, None
        for moment, index in sorted(dated):
            if previous is not None and moment - previous > reach:
                part += 1
            cut[index], previous = f"{label}/{part}", moment
    return bcubed(labels, cut)[2]


def analysed_cache(items: list[StoryItem], folder: Path) -> Path:
    """A cache in `folder` holding `items` as one feed per outlet with their text as the body (what
    full text gives), analysed as a refresh analyses them (`analyse_pending`: actors and quotes), not
    yet grouped. Tunings are each scored on a copy of it: the analysis does not depend on them."""
    from tui.core.models import Outcome, ParsedEntry
    from tui.core.quotes.pending import analyse_pending
    from tui.core.store import Store

    path = folder / "byline.db"
    store = Store(path)
    outlets = sorted({item.outlet for item in items})
    store.sync_feeds((f"http://{outlet}/feed", outlet, ()) for outlet in outlets)
    for outlet in outlets:
        entries = [ParsedEntry(guid=item.id, url=f"http://{outlet}/{item.id}", title=item.title,
                               author=None, published=item.published, summary=item.text[:200],
                               content=item.text)
                   for item in items if item.outlet == outlet]
        feed_id = store.feed_id(f"http://{outlet}/feed")
        assert feed_id is not None
        store.record_feed_result(feed_id, Outcome.OK, entries=entries)
    analyse_pending(store)
    store.checkpoint()
    store.close()
    return path


_ANALYSED: dict[tuple[str, ...], Path] = {}


def product_stories(items: list[StoryItem], settings: Settings, tuning: Tuning | None = None) -> dict[str, int]:
    """Story of each item as `byline stories --json` lists it, after the refresh's own steps.

    The items' analysed cache (`analysed_cache`, made once per set of items) is copied, the
    refresh's grouping (`group_pending`) runs on the copy with `settings` and `tuning`, and
    `byline stories --json` is read back.
    """
    import contextlib
    import io
    import shutil
    import tempfile

    from tui.cli.main import main as byline
    from tui.core.store import Store
    from tui.core.stories.pending import group_pending

    key = tuple(item.id for item in items)
    if key not in _ANALYSED:
        _ANALYSED[key] = analysed_cache(items, Path(tempfile.mkdtemp(prefix="byline-bench-")))
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        (root / "cache").mkdir()
        shutil.copy(_ANALYSED[key], root / "cache" / "byline.db")
        store = Store(root / "cache" / "byline.db")
        if tuning is None:  # the product's own defaults (and what an older engine, --engine-root, takes)
            group_pending(store, settings.story_window_hours, settings.followed_story_days)
        else:
            group_pending(store, settings.story_window_hours, settings.followed_story_days, tuning)
        store.close()
        config = root / "feeds.toml"
        config.write_text("[settings]\nrefresh_minutes = 0\n", encoding="utf-8")
        out = io.StringIO()
        with contextlib.redirect_stdout(out):
            code = byline(["--config", str(config), "--cache-dir", str(root / "cache"),
                           "stories", "--json", "--limit", "100000"])
        assert code == 0, "byline stories --json failed"
    story_of = {}
    for story in json.loads(out.getvalue()):
        for article in story["articles"]:
            story_of[article["url"].rsplit("/", 1)[1]] = story["id"]
    return story_of


def quality_events() -> list[tuple[str, ...]]:
    """events-dev through the product: default settings, then with time turned off."""
    rows = []
    items, labels = load_events(with_text=True)
    defaults = Settings()
    for name, settings in (
        (f"default ({defaults.story_window_hours:g} h weak, {Tuning().strong_days:g} d strong)", defaults),
        ("no window (story_window_hours = 0)", dataclasses.replace(defaults, story_window_hours=0)),
    ):
        story_of = product_stories(items, settings)
        predicted = [story_of[item.id] for item in items]
        precision, recall, f1 = bcubed(labels, predicted)
        reach = None if settings.story_window_hours <= 0 else timedelta(days=Tuning().strong_days)
        rows.append((name, f"{precision:.3f}", f"{recall:.3f}", f"{f1:.3f}",
                     f"{window_ceiling(items, labels, reach):.3f}", f"{pairwise_f1(labels, predicted):.3f}",
                     str(len(set(predicted)))))
    return rows


# ------------------------------------------------- honest tuning: halves of events-dev

HALF_SEED = 26  # issue 26: events-dev's events are split into two halves with this seed
# What is tuned on a half: the thresholds of joining past the window, folding and merging, and
# min_df (issue 26). The first value of each is the one shipped before issue 26's second round (2
# for min_df, which it extends): a half moves off it only when another scores better. A tuning must
# keep precision >= MIN_PRECISION on its half and keep the demo's events whole and apart
# (tests/e2e/test_demo.py), as issue 15 found it must.
GRID: dict[str, tuple[float, ...]] = {
    "min_df": (2, 1),
    "far_threshold": (0.25, 0.28, 0.30),
    "merge_threshold": (0.20, 0.23, 0.25),
    "grown_threshold": (0.20, 0.23, 0.25),
}
MIN_PRECISION = 0.95
# Then, with the grid's best, the no-window reassignment sweep (issue 26, Google News): off (as
# shipped before), then its floor from the join threshold (0.20) down.
SWEEP: tuple[dict[str, float], ...] = (
    {"reassign_passes": 0},
    {"reassign_floor": 0.20},
    {"reassign_floor": 0.15},
    {"reassign_floor": 0.12},
    {"reassign_floor": 0.10},
)
# Issue 26's mechanisms, each turned off in turn on the scored half (not tuned: designed from
# half A's misses, so their effect on half B is the held-out evidence).
ABLATIONS: dict[str, dict[str, float]] = {
    "no join by headline subject": {"subject_focus": 2.0},
    "no own words lasting": {"own_strong": False},
    "grown merge from 2 articles only": {"grown_size": 2},
    "min_df 1 (lead details kept)": {"min_df": 1},
    "no reassignment sweep (no window)": {"reassign_passes": 0},
}


def split_events(labels: Sequence[str], seed: int = HALF_SEED) -> tuple[list[str], list[str]]:
    """events-dev's events in two halves (by event, never by article): sorted ids shuffled with `seed`."""
    events = sorted(set(labels))
    random.Random(seed).shuffle(events)
    middle = len(events) // 2
    return sorted(events[:middle]), sorted(events[middle:])


def half(items: list[StoryItem], labels: list[str], events: Sequence[str]) -> tuple[list[StoryItem], list[str]]:
    keep = set(events)
    pairs = [(item, label) for item, label in zip(items, labels, strict=True) if label in keep]
    return [item for item, _ in pairs], [label for _, label in pairs]


def score_events(items: list[StoryItem], labels: list[str], tuning: Tuning | None) -> dict[str, tuple[float, ...]]:
    """BCubed (P, R, F1) through the product, default settings and no window."""
    defaults = Settings()
    out = {}
    for name, settings in (("default", defaults), ("no window", dataclasses.replace(defaults, story_window_hours=0))):
        story_of = product_stories(items, settings, tuning)
        out[name] = bcubed(labels, [story_of[item.id] for item in items])
    return out


def tune(items: list[StoryItem], labels: list[str],
         demo: tuple[list[StoryItem], list[str]]) -> tuple[Tuning, str]:
    """The grid's best on these articles: highest mean F1 of the two settings among the tunings whose
    precision is at least MIN_PRECISION in both and that keep the demo's events whole and apart
    (ties: the earlier in the grid, so the shipped default when it is as good); with how many
    tunings were eligible."""
    best: tuple[float, Tuning, dict[str, tuple[float, ...]]] | None = None
    keys = list(GRID)
    grid = _product(*(GRID[k] for k in keys))
    whole = precise = 0
    for values in grid:
        tuning = Tuning(**dict(zip(keys, values, strict=True)))  # type: ignore[arg-type]
        if not demo_intact(tuning, *demo):
            continue
        whole += 1
        scores = score_events(items, labels, tuning)
        if not all(p >= MIN_PRECISION for p, _, _ in scores.values()):
            continue
        precise += 1
        objective = sum(f for _, _, f in scores.values()) / len(scores)
        if best is None or objective > best[0] + 1e-9:
            best = (objective, tuning, scores)
    assert best is not None, "no tuning keeps precision and the demo"
    chosen = best[1]
    for change in SWEEP:  # the sweep moves the no-window setting only: the demo (a window) is as above
        tuning = dataclasses.replace(chosen, **change)  # type: ignore[arg-type]
        scores = score_events(items, labels, tuning)
        if not all(p >= MIN_PRECISION for p, _, _ in scores.values()):
            continue
        objective = sum(f for _, _, f in scores.values()) / len(scores)
        if change == SWEEP[0] or objective > best[0] + 1e-9:
            best = (objective, tuning, scores)
    return best[1], f"{len(grid)} tunings, {whole} keep the demo, {precise} of those precision; then the sweep"


def _product(*pools: tuple[float, ...]) -> list[tuple[float, ...]]:
    import itertools

    return list(itertools.product(*pools))


def demo_articles() -> tuple[list[StoryItem], list[str]]:
    """The demo (`seeds/`) fetched into a fresh cache as a user would: its articles as the grouping
    reads them (actors, quotes, places) and the event of each (`seeds/events.json`)."""
    import dataclasses as dc
    import shutil
    import tempfile

    from tui.config import load_config
    from tui.core.refresh import run_refresh
    from tui.core.store import Store

    seeds = Path(__file__).resolve().parents[1] / "seeds"
    events = json.loads((seeds / "events.json").read_text(encoding="utf-8"))
    event_of = {page: event for event, pages in events.items() for page in pages}
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp) / "seeds"
        shutil.copytree(seeds, root, ignore=shutil.ignore_patterns("cache"))
        config = load_config(root / "feeds.toml")
        store = Store(config.db_path)
        run_refresh(store, config.feeds, config.settings)
        page = {str(i): url.split("/seeds/", 1)[1] for i, url in store.conn().execute("SELECT id, url FROM articles")}
        items = [dc.replace(item, story_id=None) for item in store.grouped_items(0)]
        store.close()
    return items, [event_of[page[item.id]] for item in items]


def demo_intact(tuning: Tuning, items: list[StoryItem], events: list[str]) -> bool:
    """Whether the demo's articles, grouped as a refresh groups them with `tuning`, keep every event
    in one story and no two events in one (what tests/e2e/test_demo.py asserts of the shipped one)."""
    window = timedelta(hours=Settings().story_window_hours)
    stories = [a.story_id for a in StoryEngine(window=window, **dataclasses.asdict(tuning)).add(items)]
    pairs = set(zip(events, stories, strict=True))
    return len(pairs) == len(set(events)) == len({story for _, story in pairs})


def held_out() -> tuple[list[tuple[str, ...]], list[tuple[str, ...]]]:
    """Each half scored by the tuning made on the other, against the shipped defaults on the same
    half; then each of issue 26's mechanisms turned off on the scored half (with that tuning)."""
    items, labels = load_events(with_text=True)
    halves = split_events(labels)
    demo = demo_articles()
    rows, ablations = [], []
    for tuned_on, scored_on in ((0, 1), (1, 0)):
        tuning, eligible = tune(*half(items, labels, halves[tuned_on]), demo)
        scored = half(items, labels, halves[scored_on])
        sweep = f"reassign_floor={tuning.reassign_floor:g}" if tuning.reassign_passes else "no sweep"
        knobs = ", ".join(f"{k}={getattr(tuning, k):g}" for k in GRID) + f", {sweep} (of {eligible})"
        before = score_events(*scored, None)
        after = score_events(*scored, tuning)
        name = f"{'AB'[scored_on]} ({len(scored[0])} articles)"
        for setting in ("default", "no window"):
            p0, r0, f0 = before[setting]
            p1, r1, f1 = after[setting]
            rows.append((name, f"{'AB'[tuned_on]}: {knobs}", setting,
                         f"{p0:.3f} / {r0:.3f} / {f0:.3f}", f"{p1:.3f} / {r1:.3f} / **{f1:.3f}**"))
        for what, off in ABLATIONS.items():
            changed = score_events(*scored, dataclasses.replace(tuning, **off))  # type: ignore[arg-type]
            ablations.append((name, what, *(
                f"{changed[s][0]:.3f} / {changed[s][2]:.3f}" for s in ("default", "no window"))))
    return rows, ablations


# ------------------------------------------------------------------- speed


def all_pairs_group(titles: list[str], threshold: float = 70.0) -> tuple[float, float, int]:
    """The baseline: every pair scored by rapidfuzz, then connected components over pairs above threshold."""
    from rapidfuzz import fuzz, process

    started, cpu = time.perf_counter(), time.process_time()
    parent = list(range(len(titles)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    try:  # cdist needs numpy, which the project does not depend on; extract scores the same pairs on one core
        matrix = process.cdist(titles, titles, scorer=fuzz.token_set_ratio, workers=-1, score_cutoff=threshold)
        linked = ((i, j) for i in range(len(titles)) for j in range(i + 1, len(titles)) if matrix[i][j] >= threshold)
    except ModuleNotFoundError:
        linked = (
            (i, j)
            for i, title in enumerate(titles)
            for _, _, j in process.extract(
                title, titles, scorer=fuzz.token_set_ratio, limit=None, score_cutoff=threshold
            )
            if j > i
        )
    for i, j in linked:
        parent[root(i)] = root(j)
    components = len({root(i) for i in range(len(titles))})
    return time.perf_counter() - started, time.process_time() - cpu, components


def cold_caches() -> None:
    """Forget what tokenizing learnt (its per-word tables), as in the fresh worker process a refresh
    groups in: each timed run starts cold, whichever engine (an older one may lack a table)."""
    from tui.core.stories import tokens

    for name in ("stem", "_normalise"):
        cached = getattr(tokens, name, None)
        if cached is not None and hasattr(cached, "cache_clear"):
            cached.cache_clear()
    known = getattr(tokens, "_word_infos", None)
    if known is not None:
        known.clear()
    from tui.core.stories import features

    for name in ("outlet_keys", "name_tokens"):
        cached = getattr(features, name, None)
        if cached is not None and hasattr(cached, "cache_clear"):
            cached.cache_clear()
    gc.collect()


def timed_group(items: list[StoryItem], window: timedelta | None) -> tuple[float, float]:
    """Wall and CPU seconds to group `items` in one batch, from cold caches."""
    cold_caches()
    wall, cpu = time.perf_counter(), time.process_time()
    StoryEngine(window=window).add(items)
    return time.perf_counter() - wall, time.process_time() - cpu


def timed_tokenize(items: list[StoryItem]) -> float:
    """CPU seconds to only tokenize the items' titles and leads as the engine reads them (from cold
    caches, as the engine is timed): the baseline."""
    from tui.core.stories.model import Tuning
    from tui.core.stories.tokens import tokenize

    chars = Tuning().text_chars
    cold_caches()
    cpu = time.process_time()
    for item in items:
        tokenize(item.title)
        if item.text:
            tokenize(item.text, limit=chars)
    return time.process_time() - cpu


def speed(items: list[StoryItem], sizes: Sequence[int], baseline_sizes: Sequence[int]) -> list[tuple[str, ...]]:
    """Engine time per size (best of 3) against tokenizing alone and all-pairs; past the measured sizes
    all-pairs is scaled by n squared."""
    rows = []
    ours = {size: min(timed_group(items[:size], None) for _ in range(3)) for size in sizes}
    tokens = {size: min(timed_tokenize(items[:size]) for _ in range(3)) for size in sizes}
    baseline = {size: all_pairs_group([i.title for i in items[:size]])[:2] for size in baseline_sizes}
    largest = max(baseline_sizes)
    for size in sizes:
        measured = baseline.get(size)
        scale = 1.0 if measured is not None else (size / largest) ** 2
        their_cpu = baseline[size if measured else largest][1] * scale
        mark = "" if measured else "~"
        wall, cpu = ours[size]
        rows.append((f"{size:,}", f"{wall:.3f}", f"{cpu:.3f}", f"{tokens[size]:.3f}", f"{cpu / tokens[size]:.1f}x",
                     f"{mark}{their_cpu:.2f}", f"{their_cpu / cpu:.0f}x"))
    return rows


def polnear_paragraphs() -> list[tuple[str, str]]:
    """Real paragraphs of news text (PolNeAR), each as (headline, text): its first sentence and the paragraph,
    taken round-robin across the 924 articles so that neighbours come from different articles."""
    articles = []
    for path in sorted((SHARED / "data" / "quotes" / "polnear").glob("*/text/*.txt")):
        paragraphs = [p.strip() for p in path.read_text(encoding="utf-8").split("\n\n") if len(p.strip()) > 200]
        articles.append(paragraphs)
    out = []
    for depth in range(max(map(len, articles))):
        for paragraphs in articles:
            if depth < len(paragraphs):
                headline, _, rest = paragraphs[depth].partition(". ")
                out.append((headline[:120], rest[:600]))
    return out


def grouping_cost() -> list[tuple[str, ...]]:
    """6,000 new articles in one batch (a first refresh), CPU best of 3, against tokenizing them alone."""
    paragraphs = polnear_paragraphs()
    start = datetime(2026, 5, 1, tzinfo=timezone.utc)
    rng = random.Random(5)

    def item(number: int, headline: str, text: str, outlet: str) -> StoryItem:
        moment = start + timedelta(seconds=rng.randrange(86400))
        return StoryItem(id=str(number), title=headline, text=text, outlet=outlet, published=moment)

    sets = {
        "6,000 distinct paragraphs of 924 articles":
            [item(n, h, t, f"feed{n % 200}") for n, (h, t) in enumerate(paragraphs[:6000])],
        "1,500 paragraphs x 4 feeds (wire copies)":
            [item(n * 4 + c, h, t, f"feed{rng.randrange(200)}") for n, (h, t) in enumerate(paragraphs[:1500])
             for c in range(4)],
    }
    rows = []
    for name, items in sets.items():
        engine = min(timed_group(items, timedelta(hours=72))[1] for _ in range(3))
        baseline = min(timed_tokenize(items) for _ in range(3))
        stories = len({a.story_id for a in StoryEngine().add(items)})
        rows.append((name, f"{len(items):,}", f"{stories:,}", f"{engine:.3f}", f"{baseline:.3f}",
                     f"{engine / baseline:.1f}x"))
    return rows


def planted_differences() -> list[tuple[str, ...]]:
    """The demo fetched into a fresh cache; `byline story ID --json` of each multi-outlet story, its
    differences against the ones planted in seeds/differences.json."""
    import contextlib
    import io
    import shutil
    import tempfile

    from tui.cli.main import main as byline
    from tui.config import load_config
    from tui.core.refresh import run_refresh
    from tui.core.store import Store

    seeds = Path(__file__).resolve().parents[1] / "seeds"
    planted = json.loads((seeds / "differences.json").read_text(encoding="utf-8"))["differences"]
    found: list[tuple[str, dict[str, str]]] = []
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp) / "seeds"
        shutil.copytree(seeds, root, ignore=shutil.ignore_patterns("cache"))
        config = load_config(root / "feeds.toml")
        store = Store(config.db_path)
        run_refresh(store, config.feeds, config.settings)
        page = {i: url.split("/seeds/", 1)[1] for i, url in store.conn().execute("SELECT id, url FROM articles")}
        story_ids = [story.id for story in store.stories(min_outlets=2)]
        store.close()
        for story_id in story_ids:
            out = io.StringIO()
            with contextlib.redirect_stdout(out):
                assert byline(["--config", str(config.path), "story", str(story_id), "--json"]) == 0
            for difference in json.loads(out.getvalue())["comparison"]["differences"]:
                found.append((difference["unit"], {page[n["article"]]: n["text"] for n in difference["numbers"]}))
    expected = [(p["unit"], p["numbers"]) for p in planted]
    hits = sum(1 for p in expected if p in found)
    false = [f for f in found if f not in expected]
    return [(str(len(story_ids)), str(len(expected)), str(hits), str(len(false)),
             "; ".join(f"{unit}: {', '.join(numbers.values())}" for unit, numbers in found))]


def redated(items: list[StoryItem], count: int, seed: int = 7) -> list[StoryItem]:
    """`count` items cycled from `items`, each given a random time within one year."""
    rng = random.Random(seed)
    start = datetime(2025, 1, 1, tzinfo=timezone.utc)
    out = []
    for number in range(count):
        source = items[number % len(items)]
        moment = start + timedelta(seconds=rng.randrange(365 * 86400))
        out.append(StoryItem(id=f"r{number}", title=source.title, published=moment, seen=moment))
    return out


def growth(items: list[StoryItem]) -> list[tuple[str, ...]]:
    """Group 50,000 re-dated items (72 h window), then time adding 100 more at the end of the year."""
    history = redated(items, 50_000)
    engine = StoryEngine()
    started = time.perf_counter()
    engine.add(history)
    bulk = time.perf_counter() - started
    latest = max(i.published for i in history if i.published)
    rng = random.Random(11)
    fresh = [
        StoryItem(id=f"new{n}", title=items[rng.randrange(len(items))].title, published=latest + timedelta(minutes=n))
        for n in range(100)
    ]
    started = time.perf_counter()
    engine.add(fresh)
    incremental = time.perf_counter() - started

    restored = StoryEngine()
    started = time.perf_counter()
    restored.restore((item, engine.assignment(item.id).story_id) for item in history)  # type: ignore[union-attr]
    restore_time = time.perf_counter() - started

    # What a refresh restores (group_pending): the grouped articles listed within reach.
    engine_now = StoryEngine()
    reach = getattr(engine_now, "reach", engine_now.window)  # an older engine restores its window
    assert reach is not None
    story_of = {item.id: engine.assignment(item.id).story_id for item in history}  # type: ignore[union-attr]
    window = [item for item in history if item.published and item.published >= latest - reach]
    refresh = StoryEngine()
    cold_caches()  # a refresh groups in a fresh worker process
    started = time.perf_counter()
    refresh.restore((item, story_of[item.id]) for item in window)
    window_time = time.perf_counter() - started
    return [
        ("group 50,000 re-dated items (one batch)", f"{bulk:.2f} s"),
        ("add 100 new items to 50,000", f"{incremental * 1000:.0f} ms"),
        ("restore 50,000 persisted assignments", f"{restore_time:.2f} s"),
        (f"restore what a refresh restores: the articles of the last {reach.days} days "
         f"({len(window):,})", f"{window_time:.2f} s"),
    ]


def peak_memory(items: list[StoryItem]) -> list[tuple[str, ...]]:
    gc.collect()
    tracemalloc.start()
    StoryEngine(window=None).add(items)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return [
        (f"tracemalloc peak, grouping {len(items):,} items", f"{peak / 2**20:.1f} MiB"),
        ("process max RSS over the whole run", f"{rss:.0f} MiB"),
    ]


# ------------------------------------------------------------------ output


def table(headers: Sequence[str], rows: list[tuple[str, ...]]) -> str:
    widths = [max(len(h), *(len(r[i]) for r in rows)) for i, h in enumerate(headers)]
    line = "| " + " | ".join(h.ljust(w) for h, w in zip(headers, widths, strict=True)) + " |"
    rule = "|" + "|".join("-" * (w + 2) for w in widths) + "|"
    body = ["| " + " | ".join(c.ljust(w) for c, w in zip(r, widths, strict=True)) + " |" for r in rows]
    return "\n".join([line, rule, *body])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--quality-only", action="store_true", help="skip the timing runs")
    parser.add_argument("--speed-only", action="store_true", help="skip the quality runs")
    parser.add_argument("--halves-only", action="store_true", help="only the split-half tuning of events-dev")
    parser.add_argument("--engine-root", metavar="DIR",
                        help="time the engine of another checkout (with --speed-only), e.g. ../main for a baseline")
    args = parser.parse_args()
    if not STORIES.exists():
        sys.exit(f"{STORIES} is absent: set BYLINE_SHARED to the shared data folder")
    if args.engine_root and not args.speed_only:
        sys.exit("--engine-root times another engine: use it with --speed-only")

    print(f"Engine: {ENGINE_ROOT}\n")
    if args.halves_only:
        print(split_events(load_events(with_text=False)[1]))
        print_halves()
        return
    if not args.speed_only:
        print_quality()
    if args.quality_only:
        return
    print_speed()


def print_quality() -> None:
    print("## Quality: events-dev through `byline stories --json` (tuned here)\n")
    print(table(("settings", "BCubed P", "BCubed R", "BCubed F1", "F1 ceiling", "pairwise F1", "stories"),
                quality_events()))
    print("\nF1 ceiling: the true events cut wherever their articles are further apart than anything can join.")
    print(f"\n## Quality: events-dev by halves (events split with seed {HALF_SEED}), each scored by a tuning made "
          "on the other\n")
    print_halves()
    print("\n## Quality: Google News, no window (untouched by issue 26's tuning)\n")
    print(table(("set", "NMI", "GSDMM NMI", "beats", "ARI", "stories"), quality_googlenews()))
    print("\n## Numbers that differ: the demo's multi-outlet stories through `byline story ID --json`\n")
    print(table(("stories", "planted", "found", "false", "differences found"), planted_differences()))


def print_halves() -> None:
    rows, ablations = held_out()
    print(table(("scored half", "tuned on", "settings", "shipped defaults P / R / F1", "held-out tuning P / R / F1"),
                rows))
    print("\nIssue 26's mechanisms turned off one at a time on the scored half (with its held-out tuning):\n")
    print(table(("scored half", "turned off", "default P / F1", "no window P / F1"), ablations))


def print_speed() -> None:
    items, _ = load_googlenews("T")
    print("\n## Speed: Google News titles, no window, one batch (best of 3), vs tokenizing alone and all-pairs\n")
    rows = speed(items, (1_000, 2_000, 5_000, len(items)), (1_000, 2_000))
    print(table(("items", "engine wall s", "engine CPU s", "tokenize CPU s", "engine / tokenize",
                 "all-pairs CPU s", "all-pairs / engine"), rows))
    print("\n~ = all-pairs time scaled by n squared from its 2,000-item run (not run at that size)")
    print("\n## Grouping cost: 6,000 new articles of real text in one batch (CPU, best of 3)\n")
    print(table(("set", "articles", "stories", "engine CPU s", "tokenize CPU s", "engine / tokenize"),
                grouping_cost()))
    print("\n## Growth and memory\n")
    print(table(("measure", "value"), growth(items) + peak_memory(items)))


if __name__ == "__main__":
    main()
