"""Refresh at scale: `byline fetch --no-fulltext` against `newsboat -x reload` (reload-threads 10)
over the loopback feed server, cold and warm, with and without server latency; plus byline's warm
refresh into the year-long cache."""

from __future__ import annotations

import shutil
import statistics
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from bench_fetch import byline_cmd, newsboat_cmd, served, timed, write_configs  # noqa: E402
from scale_common import point_feeds_at, working_copy, write_config  # noqa: E402


def compare(feeds: int, items: int, latency_ms: float, runs: int) -> list[dict[str, object]]:
    """Median seconds of cold (empty cache) and warm (every feed answers 304) refreshes."""
    has_newsboat = shutil.which("newsboat") is not None
    cold_b, cold_n, warm_b, warm_n = [], [], [], []
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        with served(feeds, items, work, latency_ms=latency_ms) as base:
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


def warm_into_year(year_cache: Path, feeds: int, items: int, latency_ms: float) -> dict[str, float]:
    """Byline's refresh into a copy of the year cache: first (new items) then warm (304)."""
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        db = working_copy(year_cache, work / "cache")
        with served(feeds, items, work, latency_ms=latency_ms) as base:
            point_feeds_at(db, base)
            toml = write_config(db, work / "feeds.toml")
            cmd = [sys.executable, "-m", "tui", "--config", str(toml), "--cache-dir",
                   str(work / "cache"), "fetch", "--no-fulltext", "-q"]
            first = timed(cmd)
            warm = timed(cmd)
    return {"first_s": first, "warm_s": warm}
