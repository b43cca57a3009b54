"""What watchlists and mutes cost the lists a user sees, on a generated cache (bench/gen_year.py).

`.venv/bin/python bench/bench_watch.py [--articles 50000] [--seed 8] [--runs 5]`

Each row times one store call the TUI makes for a screen (the first page of All articles, the
feed pane's counts, a search, the story list, a watchlist's unread count) and divides it by the
same call with nothing muted, measured in the same run: the ratio is the cost of the mutes. The
mutes and watch queries are chosen from the cache: its busiest feed and tag, a common title word,
its most quoted speaker and its most named actor. Also the CLI as a user runs it:
`byline articles --watch NAME` against `byline articles --feed NAME` (same page size).
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent))

from scale_common import ensure_cache, working_copy, write_config  # noqa: E402

from tui.core.query import parse  # noqa: E402
from tui.core.store import ArticleFilter, Store  # noqa: E402


def timed(call: Callable[[], object], runs: int) -> float:
    """Median seconds of `runs` calls after one warm-up call."""
    call()
    samples = []
    for _ in range(runs):
        started = time.perf_counter()
        call()
        samples.append(time.perf_counter() - started)
    return statistics.median(samples)


def pick_terms(store: Store) -> dict[str, str]:
    conn = store.conn()
    feed = conn.execute("SELECT f.name FROM feeds f JOIN articles a ON a.feed_id = f.id "
                        "GROUP BY f.id ORDER BY count(*) DESC LIMIT 1").fetchone()[0]
    tag = conn.execute("SELECT tags FROM feeds LIMIT 1").fetchone()[0].strip()
    speaker = conn.execute("SELECT speaker FROM quotes WHERE speaker IS NOT NULL GROUP BY speaker "
                           "ORDER BY count(*) DESC LIMIT 1").fetchone()[0]
    actor = conn.execute("SELECT name FROM actors GROUP BY name ORDER BY count(*) DESC "
                         "LIMIT 1").fetchone()[0]
    titles = [r[0] for r in conn.execute("SELECT title FROM articles ORDER BY id LIMIT 2000")]
    counts: dict[str, int] = {}
    for title in titles:
        for word in {w.lower() for w in title.split() if len(w) > 4 and w.isalpha()}:
            counts[word] = counts.get(word, 0) + 1
    common = max(counts, key=lambda w: counts[w])
    total = store.count_articles()

    def share(word: str) -> float:
        return conn.execute("SELECT count(*) FROM articles_fts WHERE articles_fts MATCH ?",
                            (f'"{word}"',)).fetchone()[0] / total

    # A topic word: in about 1% of articles (what a mute or a watchlist usually names).
    candidates = sorted((w for w, n in counts.items() if 5 <= n <= 60), key=lambda w: (counts[w], w))
    word = min(candidates[:200], key=lambda w: abs(share(w) - 0.01))
    return {"feed": feed, "tag": tag, "speaker": speaker, "actor": actor, "word": word,
            "common": common}


def list_calls(store: Store) -> dict[str, Callable[[], object]]:
    return {
        "All articles, first page (200 rows)": lambda: store.article_rows(ArticleFilter(), limit=200),
        # The article list reads 100 rows a page; their story badges leave muted outlets out.
        "All articles, a TUI page (100 rows, badges)":
            lambda: store.article_rows(ArticleFilter(), limit=100),
        "All articles, unread count": lambda: store.count_articles(ArticleFilter(unread_only=True)),
        "feed pane counts (every feed)": store.feeds,
        "search (a common word)": lambda: store.search("minister"),
        "story list (500)": store.stories,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=50_000)
    parser.add_argument("--seed", type=int, default=8)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    source, _ = ensure_cache(args.articles, args.seed)
    with tempfile.TemporaryDirectory() as folder:
        db = working_copy(source, Path(folder) / "cache")
        store = Store(db)
        terms = pick_terms(store)
        store.set_followed(store.stories(limit=1)[0].id, True)
        print(f"cache: {store.count_articles():,} articles; terms: {terms}\n")
        mutes = {
            "feed": f'feed:"{terms["feed"]}"',
            "word (~1%)": terms["word"],
            "common word": terms["common"],
            "speaker": f'speaker:"{terms["speaker"]}"',
            "actor": f'actor:"{terms["actor"]}"',
            "three mutes": f'feed:"{terms["feed"]}" OR {terms["word"]} OR actor:"{terms["actor"]}"',
        }
        calls = list_calls(store)
        baseline = {name: timed(call, args.runs) for name, call in calls.items()}
        print("| list (what the TUI asks) | nothing muted ms | "
              + " | ".join(f"{m} ×" for m in mutes) + " |")
        print("|---|---:|" + "---:|" * len(mutes))
        rows: dict[str, list[float]] = {name: [] for name in calls}
        hidden = {}
        for label, text in mutes.items():
            store.set_mutes([parse(text)])
            hidden[label] = store.hidden_count()
            for name, call in calls.items():
                rows[name].append(timed(call, args.runs) / baseline[name])
        store.set_mutes([])
        for name in calls:
            print(f"| {name} | {baseline[name] * 1000:.1f} | "
                  + " | ".join(f"{r:.2f}" for r in rows[name]) + " |")
        print("| (articles hidden) | | " + " | ".join(f"{hidden[m]:,}" for m in mutes) + " |")

        reference = timed(lambda: store.count_articles(
            ArticleFilter(tag=terms["tag"], unread_only=True)), args.runs)
        watches = {
            "word (~1%)": terms["word"],
            "common word": terms["common"],
            "word AND tag": f'{terms["word"]} AND tag:{terms["tag"]}',
            "speaker": f'speaker:"{terms["speaker"]}"',
            "actor": f'actor:"{terms["actor"]}"',
            "story:followed": "story:followed",
            "(word OR speaker) NOT feed, after:": (f'({terms["word"]} OR speaker:"{terms["speaker"]}")'
                                                  f' NOT feed:"{terms["feed"]}" after:2025-06-01'),
        }
        print(f"\n| watchlist unread count | ms | × a tag's unread count ({reference * 1000:.1f} ms) "
              "| articles |")
        print("|---|---:|---:|---:|")
        for label, text in watches.items():
            flt = ArticleFilter(query=parse(text), unread_only=True)
            seconds = timed(lambda flt=flt: store.count_articles(flt), args.runs)  # type: ignore[misc]
            print(f"| {label} | {seconds * 1000:.1f} | {seconds / reference:.2f} | "
                  f"{store.count_articles(flt):,} |")
        store.close()

        config = write_config(db, Path(folder) / "feeds.toml")
        config.write_text(config.read_text() + f'\n[[watch]]\nname = "W"\nquery = \'{watches["word AND tag"]}\'\n')
        byline = [sys.executable, "-m", "tui", "--config", str(config), "--cache-dir", str(db.parent)]

        def cli(*extra: str) -> Callable[[], object]:
            return lambda: subprocess.run([*byline, "articles", "--limit", "200", *extra],
                                          check=True, capture_output=True)

        feed_s = timed(cli("--feed", terms["feed"]), args.runs)
        watch_s = timed(cli("--watch", "W"), args.runs)
        print("\n| CLI (fresh process) | s | × `articles --feed` |")
        print("|---|---:|---:|")
        print(f"| byline articles --feed NAME | {feed_s:.3f} | 1.00 |")
        print(f"| byline articles --watch W (word AND tag) | {watch_s:.3f} | {watch_s / feed_s:.2f} |")


if __name__ == "__main__":
    main()
