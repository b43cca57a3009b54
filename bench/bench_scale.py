"""A year of news: start-up, interaction, memory, refresh and growth of Byline with 50,000
articles, 500 feeds and ~200,000 quotes (issue 8). Prints one table per item.

    .venv/bin/python bench/bench_scale.py            # full run (about 10 minutes)
    .venv/bin/python bench/bench_scale.py --quick    # fewer repetitions and growth points

Generated caches are kept in $BYLINE_SCALE_DIR (default /tmp/byline-scale) and reused; the first
run generates them (about 2.5 minutes for the 50,000-article cache).
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent))

from bench_fetch import served  # noqa: E402
from scale_common import (  # noqa: E402
    cache_bytes,
    ensure_cache,
    ms,
    point_feeds_at,
    print_table,
    summarise,
    working_copy,
    write_config,
)

INTERACTION_TARGET_S = 0.050
STARTUP_TARGET_S = 1.0
MEMORY_TARGET_MB = 300
RESPONSIVE_TARGET_S = 0.100


def verdict(ok: bool) -> str:
    return "met" if ok else "**missed**"


def drop_os_cache() -> bool:
    """Empty the kernel page cache (root only), as after a reboot; False when not allowed."""
    try:
        os.sync()
        Path("/proc/sys/vm/drop_caches").write_text("3\n")
    except OSError:
        return False
    return True


def startup(year: Path, empty: Path, runs: int, cold: bool) -> None:
    from scale_ui import launch

    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        for label, source in (("empty cache (500 feeds, 0 articles)", empty),
                              ("year cache (50,000 articles)", year)):
            folder = work / label.split()[0]
            db = working_copy(source, folder / "cache")
            config = write_config(db, folder / "feeds.toml")
            launch(config, folder / "cache")  # warm the OS page cache and bytecode
            firsts, readies, count = [], [], 0
            for _ in range(runs):
                first, ready, count = launch(config, folder / "cache")
                firsts.append(first)
                readies.append(ready)
            rows.append((label, f"{count:,}", f"{statistics.median(firsts):.2f}",
                         f"{max(firsts):.2f}", f"{statistics.median(readies):.2f}",
                         f"{max(readies):.2f}",
                         verdict(max(readies) <= STARTUP_TARGET_S)))
            if cold and drop_os_cache():
                first, ready, count = launch(config, folder / "cache")
                rows.append((label + ", cold OS page cache (1 run)", f"{count:,}",
                             f"{first:.2f}", "", f"{ready:.2f}", "",
                             verdict(ready <= STARTUP_TARGET_S)))
    print_table(f"2. Start-up: `byline --config X` in a 160x45 pseudo-terminal, {runs} runs "
                f"(target <= {STARTUP_TARGET_S:g} s)",
                ("cache", "rows listed", "first paint median s", "worst s",
                 "interactive median s", "worst s", "target"), rows)


def ui_session(year: Path, reps: int, refreshes: int, items: int) -> dict[str, object]:
    """One TUI process: browse, then refresh `refreshes` times from the loopback server."""
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        db = working_copy(year, work / "cache")
        with served(500, items, work) as base:
            point_feeds_at(db, base)
            config = write_config(db, work / "feeds.toml")
            result = subprocess.run(
                [sys.executable, str(HERE / "scale_ui.py"), "session", "--cache-dir",
                 str(work / "cache"), "--config", str(config), "--server", base, "--reps",
                 str(reps), "--refreshes", str(refreshes)],
                capture_output=True, text=True, cwd=HERE.parent)
    if result.returncode != 0:
        print(result.stderr[-4000:], file=sys.stderr)
        raise SystemExit("the TUI session failed")
    if os.environ.get("BYLINE_BENCH_STALLS"):
        print(result.stderr[-12000:], file=sys.stderr)    # the stall sampler's report (scale_ui.py)
    return json.loads(result.stdout)


def interaction(data: dict[str, object]) -> None:
    rows = []
    for name, samples in data["samples"].items():  # type: ignore[union-attr]
        median, p95, worst = summarise(samples)
        target = "(baseline)" if "overhead" in name else \
            verdict(median <= INTERACTION_TARGET_S and worst <= INTERACTION_TARGET_S) \
            if "QuoteIndex" not in name else verdict(worst <= INTERACTION_TARGET_S)
        rows.append((name, len(samples), ms(median), ms(p95), ms(worst), target))
    print_table("3. Interaction on the 50,000-article cache: key event to painted screen, in "
                f"run_test at 160x45 (target <= {INTERACTION_TARGET_S * 1000:.0f} ms)",
                ("action", "n", "median ms", "p95 ms", "worst ms", "target"), rows)
    print(f"\nIn-process app construction to first paint (run_test): "
          f"{data['mounted_s']:.2f} s, then {data.get('idle_s', 0):g} s idle before the first "
          f"key; rows listed {data['rows']:,}; quote queries typed: {data.get('quote_queries')}")


def memory(data: dict[str, object]) -> None:
    rows = [("after start-up", *data["rss_start_mb"]),  # type: ignore[misc]
            ("after moving through the list and switching feeds", *data["rss_after_list_mb"]),  # type: ignore[misc]
            ("after stories and quote lookup", *data["rss_after_browsing_mb"])]  # type: ignore[misc]
    for n, round_ in enumerate(data.get("refreshes", []), start=1):  # type: ignore[union-attr, arg-type]
        rows.append((f"after refresh {n} ({round_['seconds']:.1f} s, list {round_['rows']:,} rows)",
                     round_["peak_mb"], round_["rss_mb"]))
    peaks = [r[1] for r in rows]
    print_table(f"4. Memory of the TUI process (target peak <= {MEMORY_TARGET_MB} MB, no growth "
                "from refresh to refresh)", ("moment", "peak RSS MB (VmHWM)", "RSS MB (VmRSS)"),
                [(m, f"{p:.0f}", f"{c:.0f}") for m, p, c in rows])
    refresh_peaks = [r["peak_mb"] for r in data.get("refreshes", [])]  # type: ignore[union-attr]
    growth = refresh_peaks[-1] - refresh_peaks[0] if refresh_peaks else 0.0
    print(f"\nPeak {max(peaks):.0f} MB: {verdict(max(peaks) <= MEMORY_TARGET_MB)}; peak growth "
          f"from refresh 1 to {len(refresh_peaks)}: {growth:+.0f} MB")


def responsiveness(data: dict[str, object]) -> None:
    rows = []
    for n, round_ in enumerate(data.get("refreshes", []), start=1):  # type: ignore[union-attr, arg-type]
        keys = round_["keys"]
        if not keys:
            rows.append((n, f"{round_['seconds']:.1f}", 0, "", "", "", ""))
            continue
        median, p95, worst = summarise(keys)
        rows.append((n, f"{round_['seconds']:.1f}", len(keys), ms(median), ms(p95), ms(worst),
                     verdict(worst <= RESPONSIVE_TARGET_S)))
    print_table("5b. Keystrokes (j/k in the article list) while app.action_refresh() runs "
                f"against 500 loopback feeds (target <= {RESPONSIVE_TARGET_S * 1000:.0f} ms)",
                ("refresh", "refresh s", "keys", "median ms", "p95 ms", "worst ms", "target"),
                rows)


def refresh(year: Path, runs: int, latencies: list[float], items: int) -> None:
    from scale_refresh import compare, warm_into_year

    rows = []
    for latency in latencies:
        for row in compare(500, items, latency, runs):
            ours, theirs = row["byline_s"], row["newsboat_s"]
            ratio = ours / theirs if theirs else None  # type: ignore[operator]
            limit = 1.5 if row["scenario"] == "cold" and latency == 0 else 1.0
            rows.append((row["scenario"], f"{latency:g}", f"{ours:.2f}",
                         f"{theirs:.2f}" if theirs else "n/a",
                         f"{ratio:.2f}" if ratio else "n/a",
                         f"<= {limit:g}x: {verdict(ratio is not None and ratio <= limit)}"))
    print_table(f"5. Refresh of 500 feeds x {items} items over loopback: `byline fetch "
                "--no-fulltext` vs `newsboat -x reload` (reload-threads 10), median of "
                f"{runs} run(s)", ("scenario", "latency ms", "byline s", "newsboat s", "ratio",
                                   "target"), rows)
    year_rows = []
    for latency in latencies:
        result = warm_into_year(year, 500, items, latency)
        year_rows.append((f"{latency:g}", f"{result['first_s']:.2f}", f"{result['warm_s']:.2f}"))
    print_table("5c. Byline's refresh into the 50,000-article cache (500 feeds re-pointed at the "
                "loopback server)", ("latency ms", f"first ({500 * items:,} new items) s",
                                     "warm (304) s"), year_rows)


def growth(sizes: list[int], seed: int, pending: int) -> None:
    from scale_growth import measure

    results = [measure(size, seed, pending) for size in sizes]
    base = results[0]
    rows = []
    for r in results:
        scale = r["articles"] / base["articles"]  # type: ignore[operator]
        parts = r["parts"]
        parts_text = ", ".join(f"{k} {v / r['articles']:,.0f}"  # type: ignore[operator]
                               for k, v in parts.items()) if parts else "n/a"  # type: ignore[union-attr]
        rows.append((f"{r['articles']:,}", f"{r['bytes'] / 1e6:.0f}",  # type: ignore[operator]
                     f"{r['bytes_per_article']:,.0f}", parts_text,
                     f"{r['analyse_s']:.2f}", f"{r['analyse_s'] / base['analyse_s']:.2f}",  # type: ignore[operator]
                     f"{r['group_s']:.2f}", f"{r['group_s'] / base['group_s']:.2f}",  # type: ignore[operator]
                     f"{scale:.1f}"))
    print_table(f"6. Growth: extracting quotes from and grouping the newest {pending:,} articles "
                "as the cache grows (time ratios must stay <= the size ratio)",
                ("articles", "cache MB", "bytes/article", "bytes/article by part",
                 f"analyse_pending {pending} s", "x", f"group_pending {pending} s", "x",
                 "size x"), rows)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--quick", action="store_true",
                        help="fewer repetitions, one latency, two growth points")
    parser.add_argument("--seed", type=int, default=8)
    parser.add_argument("--cold", action="store_true",
                        help="also start once after emptying the OS page cache (needs root)")
    parser.add_argument("--only", choices=("startup", "ui", "refresh", "growth"), action="append",
                        help="run only these parts (repeatable)")
    args = parser.parse_args()
    parts = set(args.only or ("startup", "ui", "refresh", "growth"))
    started = time.perf_counter()
    print("## Byline at scale: a year of news", flush=True)
    year, generated = ensure_cache(50_000, args.seed)
    empty, _ = ensure_cache(0, args.seed)
    print(f"\n1. Year cache: {year} ({cache_bytes(year) / 1e6:.0f} MB)"
          + (f", generated in {generated:.0f} s" if generated else " (reused)"), flush=True)
    if "startup" in parts:
        startup(year, empty, 3 if args.quick else 5, args.cold)
    if "ui" in parts:
        data = ui_session(year, 12 if args.quick else 40, 3, 5)
        interaction(data)
        memory(data)
        responsiveness(data)
    if "refresh" in parts:
        refresh(year, 1, [0.0] if args.quick else [0.0, 200.0], 30)
    if "growth" in parts:
        growth([10_000, 50_000] if args.quick else [10_000, 25_000, 50_000], args.seed,
               300 if args.quick else 1_000)
    print(f"\nTotal bench time {time.perf_counter() - started:.0f} s")


if __name__ == "__main__":
    main()
