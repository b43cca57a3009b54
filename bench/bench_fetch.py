"""Benchmark: `byline fetch` against newsboat on N feeds served over loopback.

    .venv/bin/python bench/bench_fetch.py [--feeds 200] [--items 30] [--latency-ms 0] [--runs 3]

Prints a table: cold (empty cache), warm with 304s, warm with a server that ignores validators;
each for Byline and newsboat (`newsboat -x reload`, reload-threads 10), with ratios; plus
`byline --help` time and cache size against the XML size.
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from contextlib import contextmanager
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from feed_server import feed_xml  # noqa: E402

BYLINE = [sys.executable, "-m", "tui"]


@contextmanager
def served(feeds: int, items: int, work: Path, *, ignore_validators: bool = False,
           latency_ms: float = 0.0, vocabulary: str = "tiny", text: str | None = None,
           pages: int = 0):
    port_file = work / f"port-{time.monotonic_ns()}"
    text = text or ("zipf" if vocabulary == "realistic" else "tiny")
    cmd = [sys.executable, str(HERE / "feed_server.py"), "--feeds", str(feeds), "--items",
           str(items), "--port-file", str(port_file), "--latency-ms", str(latency_ms),
           "--text", text, "--pages", str(pages)]
    if ignore_validators:
        cmd.append("--ignore-validators")
    proc = subprocess.Popen(cmd)
    try:
        for _ in range(200):
            if port_file.exists() and port_file.read_text():
                break
            time.sleep(0.05)
        yield f"http://127.0.0.1:{port_file.read_text()}"
    finally:
        proc.terminate()
        proc.wait()


def write_configs(base: str, feeds: int, work: Path) -> tuple[Path, Path, Path]:
    toml = work / "feeds.toml"
    # Every feed is on one host here, so per_host is raised to the global limit (16, the
    # default); newsboat gets reload-threads 10.
    lines = ["[settings]", "refresh_minutes = 0", "fulltext = false", "per_host = 16"]
    for n in range(feeds):
        lines += ["[[feeds]]", f'name = "Outlet {n}"', f'url = "{base}/feed/{n}.xml"']
    toml.write_text("\n".join(lines) + "\n")
    urls = work / "urls"
    urls.write_text("".join(f"{base}/feed/{n}.xml\n" for n in range(feeds)))
    nb_config = work / "newsboat.conf"
    nb_config.write_text("reload-threads 10\n")
    return toml, urls, nb_config


def timed(cmd: list[str]) -> float:
    started = time.perf_counter()
    subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.perf_counter() - started


def byline_cmd(toml: Path, cache: Path) -> list[str]:
    return [*BYLINE, "--config", str(toml), "--cache-dir", str(cache), "fetch", "--no-fulltext"]


PHASES: dict[str, list[float]] = {}


def timed_byline(toml: Path, cache: Path, scenario: str) -> float:
    """Wall time of `byline fetch`, remembering its own phase times (feeds, quotes, stories)."""
    started = time.perf_counter()
    out = subprocess.run(byline_cmd(toml, cache), check=True, capture_output=True,
                         text=True).stdout
    wall = time.perf_counter() - started
    line = next((text for text in out.splitlines() if text.startswith("time: ")), "")
    for part in line.removeprefix("time: ").split(", "):
        if part:
            name, seconds = part.rsplit(" ", 1)
            PHASES.setdefault(f"{scenario}/{name}", []).append(float(seconds.rstrip("s")))
    return wall


def newsboat_cmd(urls: Path, cache: Path, conf: Path) -> list[str]:
    return ["newsboat", "-u", str(urls), "-c", str(cache), "-C", str(conf), "-x", "reload"]


def measure(args: argparse.Namespace) -> list[tuple[str, float, float | None]]:
    has_newsboat = shutil.which("newsboat") is not None
    rows: list[tuple[str, float, float | None]] = []
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        with served(args.feeds, args.items, work, latency_ms=args.latency_ms,
                    text=args.vocabulary) as base:
            toml, urls, conf = write_configs(base, args.feeds, work)
            cold_b, cold_n, warm_b, warm_n = [], [], [], []
            for run in range(args.runs):
                cache = work / f"byline-{run}"
                nb_cache = work / f"newsboat-{run}.db"
                cold_b.append(timed_byline(toml, cache, "cold"))
                if has_newsboat:
                    cold_n.append(timed(newsboat_cmd(urls, nb_cache, conf)))
                warm_b.append(timed_byline(toml, cache, "warm"))
                if has_newsboat:
                    warm_n.append(timed(newsboat_cmd(urls, nb_cache, conf)))
            rows.append(("cold (empty cache)", statistics.median(cold_b),
                         statistics.median(cold_n) if cold_n else None))
            rows.append(("warm, server answers 304", statistics.median(warm_b),
                         statistics.median(warm_n) if warm_n else None))
            cache_bytes = sum(p.stat().st_size for p in (work / "byline-0").iterdir())
            nb_bytes = (work / "newsboat-0.db").stat().st_size if has_newsboat else None
        with served(args.feeds, args.items, work, ignore_validators=True,
                    latency_ms=args.latency_ms, vocabulary=args.vocabulary) as base:
            toml, urls, conf = write_configs(base, args.feeds, work)
            ign_b, ign_n = [], []
            for run in range(args.runs):
                cache = work / f"byline-ign-{run}"
                nb_cache = work / f"newsboat-ign-{run}.db"
                subprocess.run(byline_cmd(toml, cache), check=True, stdout=subprocess.DEVNULL)
                ign_b.append(timed_byline(toml, cache, "ignored"))
                if has_newsboat:
                    subprocess.run(newsboat_cmd(urls, nb_cache, conf), check=True,
                                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
                    ign_n.append(timed(newsboat_cmd(urls, nb_cache, conf)))
            rows.append(("warm, server ignores validators", statistics.median(ign_b),
                         statistics.median(ign_n) if ign_n else None))
    xml_bytes = sum(len(feed_xml(n, args.items, realistic=args.vocabulary == "realistic"))
                    for n in range(args.feeds))
    help_time = statistics.median(timed([*BYLINE, "--help"]) for _ in range(5))
    python_time = statistics.median(timed([sys.executable, "-c", "pass"]) for _ in range(5))
    print(f"\n{args.feeds} feeds x {args.items} items over loopback, latency {args.latency_ms:g} "
          f"ms, {args.vocabulary} vocabulary, median of {args.runs} runs")
    print(f"{'scenario':<34} {'byline s':>9} {'newsboat s':>11} {'ratio':>7}")
    for name, ours, theirs in rows:
        ratio = f"{ours / theirs:.2f}" if theirs else "n/a"
        theirs_text = f"{theirs:.2f}" if theirs else "n/a"
        print(f"{name:<34} {ours:>9.2f} {theirs_text:>11} {ratio:>7}")
    cold = {k.split("/")[1]: statistics.median(v) for k, v in PHASES.items()
            if k.startswith("cold/")}
    if cold:
        print("\nwhere a cold byline refresh spends its time (median, s): "
              + ", ".join(f"{name} {seconds:.2f}" for name, seconds in cold.items())
              + "  (feeds = fetch, parse and store, the part newsboat does too; quotes and "
                "stories are Byline's own analysis)")
    print(f"\nbyline --help: {help_time * 1000:.0f} ms (bare python -c pass: "
          f"{python_time * 1000:.0f} ms)")
    size_line = f"cache: byline {cache_bytes / 1e6:.2f} MB"
    if nb_bytes:
        size_line += f", newsboat {nb_bytes / 1e6:.2f} MB"
    print(f"{size_line}; feed XML {xml_bytes / 1e6:.2f} MB; byline/XML "
          f"{cache_bytes / xml_bytes:.2f}" + (f", newsboat/XML {nb_bytes / xml_bytes:.2f}"
                                              if nb_bytes else ""))
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--feeds", type=int, default=200)
    parser.add_argument("--items", type=int, default=30)
    parser.add_argument("--latency-ms", type=float, default=0.0)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--vocabulary", choices=("tiny", "realistic", "real"), default="real",
                        help="item text: a 20,000-word Zipf vocabulary (realistic), or 45 words "
                             "so every item resembles every other (tiny: story grouping's worst "
                             "case)")
    measure(parser.parse_args())


if __name__ == "__main__":
    main()
