"""Shared helpers of the scale benchmark: generated caches kept between runs, configs that match
them, working copies, memory readings and table printing."""

from __future__ import annotations

import os
import shutil
import sqlite3
import statistics
import sys
from collections.abc import Sequence
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent))

from gen_year import generate  # noqa: E402

# Generated caches are big (about 0.5 GB for a year) and slow to make, so they live outside the
# repository and are reused while the generator and seed stay the same.
SCALE_DIR = Path(os.environ.get("BYLINE_SCALE_DIR", "/tmp/byline-scale"))
GENERATOR_VERSION = 1


def cache_path(articles: int, seed: int) -> Path:
    # The analysis version is in the name: a cache analysed by an older extractor would be
    # re-analysed whole by the first refresh measured (migrations reset `analysed`).
    from tui.core.quotes.pending import ANALYSIS_VERSION

    return SCALE_DIR / f"year-v{GENERATOR_VERSION}-a{ANALYSIS_VERSION}-{articles}-s{seed}.db"


def ensure_cache(articles: int, seed: int, *, log: bool = True) -> tuple[Path, float | None]:
    """The generated cache of that size, made now if missing; (path, seconds it took or None)."""
    path = cache_path(articles, seed)
    if path.exists():
        migrate(path)
        return path, None
    SCALE_DIR.mkdir(parents=True, exist_ok=True)
    partial = path.with_suffix(".partial")
    if log:
        print(f"  generating {articles:,} articles (seed {seed}) -> {path} …", flush=True)
    stats = generate(partial, articles=articles, seed=seed)
    partial.rename(path)
    for suffix in ("-wal", "-shm"):
        Path(str(partial) + suffix).unlink(missing_ok=True)
    if log:
        print(f"  generated in {stats['seconds']:.1f} s, {stats['bytes'] / 1e6:.0f} MB", flush=True)
    return path, stats["seconds"]


def migrate(path: Path) -> None:
    """Bring a kept cache to the current schema once, so no measured run pays for it."""
    from tui.core.store import Store

    Store(path).close()


def working_copy(source: Path, folder: Path) -> Path:
    """A private copy of a cache as `folder/byline.db` (what --cache-dir folder opens)."""
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / "byline.db"
    for suffix in ("", "-wal", "-shm"):
        Path(str(target) + suffix).unlink(missing_ok=True)
    shutil.copyfile(source, target)
    return target


def point_feeds_at(db: Path, base: str) -> None:
    """Re-point the cache's feeds at a loopback server serving /feed/<n>.xml."""
    conn = sqlite3.connect(db)
    conn.execute("UPDATE feeds SET url = ? || '/feed/' || (id - 1) || '.xml'", (base,))
    conn.commit()
    conn.close()


def write_config(db: Path, path: Path, *, per_host: int = 16) -> Path:
    """A feeds.toml listing exactly the cache's feeds (names, urls, tags): nothing to sync,
    no refresh at start."""
    conn = sqlite3.connect(db)
    feeds = conn.execute("SELECT name, url, tags FROM feeds ORDER BY id").fetchall()
    conn.close()
    lines = ["[settings]", "refresh_minutes = 0", "fulltext = false", f"per_host = {per_host}",
             ""]
    for name, url, tags in feeds:
        tag_list = ", ".join(f'"{t}"' for t in tags.split("\n") if t)
        lines += ["[[feeds]]", f'name = "{name}"', f'url = "{url}"', f"tags = [{tag_list}]", ""]
    path.write_text("\n".join(lines))
    return path


def memory_mb() -> tuple[float, float]:
    """(peak RSS, current RSS) of this process in MB, from /proc/self/status."""
    values = {}
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith(("VmHWM:", "VmRSS:")):
            key, value = line.split(":", 1)
            values[key] = int(value.split()[0]) / 1024
    return values["VmHWM"], values["VmRSS"]


def cache_bytes(db: Path) -> int:
    return sum(Path(str(db) + s).stat().st_size for s in ("", "-wal")
               if Path(str(db) + s).exists())


def ms(seconds: float) -> str:
    return f"{seconds * 1000:.1f}"


def summarise(samples: Sequence[float]) -> tuple[float, float, float]:
    """(median, 95th percentile, worst) of a list of seconds."""
    ordered = sorted(samples)
    p95 = ordered[min(len(ordered) - 1, int(round(0.95 * (len(ordered) - 1))))]
    return statistics.median(ordered), p95, ordered[-1]


def print_table(title: str, header: Sequence[str], rows: Sequence[Sequence[object]]) -> None:
    """A Markdown table (readable in a terminal and pasteable into results)."""
    print(f"\n### {title}\n")
    print("| " + " | ".join(header) + " |")
    print("|" + "|".join(" --- " for _ in header) + "|")
    for row in rows:
        print("| " + " | ".join(str(cell) for cell in row) + " |")
    sys.stdout.flush()
