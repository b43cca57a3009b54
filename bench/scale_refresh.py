"""Refresh at scale: `byline fetch --no-fulltext` against `newsboat -x reload` (reload-threads 10)
over the loopback feed server, cold and warm; byline's refresh into the year-long cache; and the
in-process TUI measurements bench_fetch.py runs in a subprocess of their own:

    python bench/scale_refresh.py first-row --config F --cache-dir D
        seconds from pressing r in the TUI (run_test) to the first article listed, and to the end
        of the refresh; prints JSON
    python bench/scale_refresh.py memory --config F --cache-dir D
        peak RSS of the TUI process, and of the worker processes, while it refreshes; JSON
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent))

from bench_fetch import byline_cmd, newsboat_cmd, served, timed, write_configs  # noqa: E402
from scale_common import point_feeds_at, working_copy, write_config  # noqa: E402
from scale_ui import send_key  # noqa: E402


def compare(feeds: int, items: int, latency_ms: float, runs: int,
            text: str = "real") -> list[dict[str, object]]:
    """Median seconds of cold (empty cache) and warm (every feed answers 304) refreshes."""
    has_newsboat = shutil.which("newsboat") is not None
    cold_b, cold_n, warm_b, warm_n = [], [], [], []
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        with served(feeds, items, work, latency_ms=latency_ms, text=text) as base:
            toml, urls, conf = write_configs(base, feeds, work)
            for run in range(runs):
                cache = work / f"byline-{run}"
                nb_cache = work / f"newsboat-{run}.db"
                cold_b.append(timed(byline_cmd(toml, cache)))
                if has_newsboat:
                    cold_n.append(timed(newsboat_cmd(urls, nb_cache, conf)))
                warm_b.append(timed(byline_cmd(toml, cache)))
                if has_newsboat:
                    warm_n.append(timed(newsboat_cmd(urls, nb_cache, conf)))
    rows = []
    for name, ours, theirs in (("cold", cold_b, cold_n), ("warm (304)", warm_b, warm_n)):
        rows.append({"scenario": name, "latency_ms": latency_ms,
                     "byline_s": statistics.median(ours),
                     "newsboat_s": statistics.median(theirs) if theirs else None})
    return rows


def warm_into_year(year_cache: Path, feeds: int, items: int, latency_ms: float,
                   text: str = "real") -> dict[str, float]:
    """Byline's refresh into a copy of the year cache: first (new items) then warm (304)."""
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        db = working_copy(year_cache, work / "cache")
        with served(feeds, items, work, latency_ms=latency_ms, text=text) as base:
            point_feeds_at(db, base)
            toml = write_config(db, work / "feeds.toml")
            cmd = [sys.executable, "-m", "tui", "--config", str(toml), "--cache-dir",
                   str(work / "cache"), "fetch", "--no-fulltext", "-q"]
            first = timed(cmd)
            warm = timed(cmd)
    return {"first_s": first, "warm_s": warm}


# -- in the TUI ---------------------------------------------------------------------------------
def _app(config_path: Path, cache_dir: Path):  # type: ignore[no-untyped-def]
    from tui.app import make_app
    from tui.config import load_config
    from tui.core.store import Store

    config = load_config(config_path, str(cache_dir))
    store = Store(config.db_path)
    app = make_app(config, store)
    app._refresh_due = lambda _minutes: False  # type: ignore[method-assign]  # r starts it
    return app, store


async def first_row(config_path: Path, cache_dir: Path) -> dict[str, float]:
    """Press r on an empty cache; time the first article listed and the refresh's end."""
    from tui.widgets.article_list import ArticleList

    app, store = _app(config_path, cache_dir)
    async with app.run_test(size=(160, 45)) as pilot:
        await pilot.pause()
        articles = app.screen.query_one(ArticleList)
        assert articles.count == 0, "the cache must start empty"
        started = time.perf_counter()
        # As the terminal driver would: Pilot.press waits for the app to go idle, which it does
        # not while a refresh is running.
        send_key(app, "r")
        listed = None
        while app.refreshing or listed is None:
            if listed is None and articles.count:
                listed = time.perf_counter() - started
            await asyncio.sleep(0.005)
            if time.perf_counter() - started > 600:
                raise SystemExit("the refresh did not finish in 10 minutes")
        finished = time.perf_counter() - started
        await pilot.pause()
        rows = articles.count
    store.close()
    return {"first_row_s": listed or float("nan"), "refresh_s": finished, "rows": rows}


def _rss_mb(pid: int) -> tuple[float, float]:
    """(peak, current) resident set of a process in MB; zeros once it is gone."""
    try:
        lines = Path(f"/proc/{pid}/status").read_text().splitlines()
    except OSError:
        return 0.0, 0.0
    values = {k: int(v.split()[0]) / 1024 for k, _, v in (line.partition(":") for line in lines)
              if k in ("VmHWM", "VmRSS")}
    return values.get("VmHWM", 0.0), values.get("VmRSS", 0.0)


def _descendants(pid: int) -> list[int]:
    children: dict[int, list[int]] = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                stat = (entry / "stat").read_text()
            except OSError:
                continue
            parent = int(stat.rsplit(")", 1)[1].split()[1])
            children.setdefault(parent, []).append(int(entry.name))
    found, todo = [], [pid]
    while todo:
        for child in children.get(todo.pop(), []):
            found.append(child)
            todo.append(child)
    return found


async def memory(config_path: Path, cache_dir: Path) -> dict[str, float]:
    """Peak RSS of the TUI process (start-up, browsing the list, one refresh) and of its helper
    processes (fork server, workers), sampled every 50 ms during the refresh."""
    from tui.widgets.article_list import ArticleList

    app, store = _app(config_path, cache_dir)
    helpers: dict[int, float] = {}
    async with app.run_test(size=(160, 45)) as pilot:
        await pilot.pause()
        articles = app.screen.query_one(ArticleList)
        rows_before = articles.count
        await pilot.press("G", "g")
        before = _rss_mb(os.getpid())[0]
        started = time.perf_counter()
        send_key(app, "r")
        await asyncio.sleep(0.1)
        by_phase: dict[str, float] = {}
        while app.refreshing:
            for pid in _descendants(os.getpid()):
                helpers[pid] = max(helpers.get(pid, 0.0), _rss_mb(pid)[1])
            phase = app._shown_progress().phase if app._phase_progress else "start"
            by_phase[phase] = max(by_phase.get(phase, 0.0), _rss_mb(os.getpid())[1])
            await asyncio.sleep(0.05)
        seconds = time.perf_counter() - started
        await pilot.pause()
        rows_after = articles.count
    store.close()
    peak, current = _rss_mb(os.getpid())
    return {"rows_before": rows_before, "rows_after": rows_after, "refresh_s": seconds,
            "peak_before_refresh_mb": before, "peak_mb": peak, "rss_mb": current,
            "helper_peaks_mb": sorted(helpers.values(), reverse=True),
            "rss_by_phase_mb": by_phase}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("what", choices=("first-row", "memory"))
    parser.add_argument("--config", type=Path, required=True)
    parser.add_argument("--cache-dir", type=Path, required=True)
    args = parser.parse_args()
    measure = first_row if args.what == "first-row" else memory
    print(json.dumps(asyncio.run(measure(args.config, args.cache_dir))))


if __name__ == "__main__":
    main()
