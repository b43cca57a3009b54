"""The TUI at scale: start-up under a pseudo-terminal, interaction timings around Pilot actions,
memory after browsing and after refreshes, and keystroke latency while a refresh runs.

`python bench/scale_ui.py session --cache-dir D --config F [--server URL] [--reps N]` runs one
in-process session (so its peak RSS is the TUI's) and prints JSON; bench_scale.py drives it.
"""

from __future__ import annotations

import argparse
import asyncio
import fcntl
import json
import os
import random
import re
import select
import signal
import struct
import subprocess
import sys
import termios
import time
from collections.abc import Callable
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent))

from scale_common import memory_mb  # noqa: E402

# Keys are timed once the user has looked at the list for a moment, as anyone does after a
# start: the work the app does in that idle time (reading the quote vocabulary, building the
# kept screens, freezing start-up's objects out of the collector) is then done, not counted
# in whichever key it would have landed on.
STARTUP_IDLE_S = 2.5

ANSI = re.compile(rb"\x1b(\[[0-9;?<>=]*[ -/]*[@-~]|\][^\x07\x1b]*(\x07|\x1b\\)|[()][0-9A-Za-z]|[=>])")
LIST_PAINTED = re.compile(rb"All articles \((\d+)\)")
UNREAD_PAINTED = re.compile(rb"All articles \(\d+ unread\)")


# -- start-up under a pseudo-terminal ----------------------------------------------------------
def launch(config: Path, cache_dir: Path, *, columns: int = 160, rows: int = 45,
           timeout: float = 30.0) -> tuple[float, float, int]:
    """(seconds to the first paint of the article list, seconds until a first keystroke is
    answered, articles in the list) for `byline --config X` started in a pseudo-terminal."""
    master, slave = os.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", rows, columns, 0, 0))
    env = {**os.environ, "TERM": "xterm-256color", "COLUMNS": str(columns), "LINES": str(rows)}
    env.pop("TEXTUAL", None)
    started = time.perf_counter()
    proc = subprocess.Popen([sys.executable, "-m", "tui", "--config", str(config), "--cache-dir",
                             str(cache_dir)], stdin=slave, stdout=slave, stderr=slave, env=env,
                            cwd=HERE.parent, start_new_session=True)
    os.close(slave)
    screen = b""
    first_paint = interactive = float("nan")
    count = -1
    try:
        while time.perf_counter() - started < timeout:
            ready, _, _ = select.select([master], [], [], 0.05)
            if not ready:
                continue
            try:
                chunk = os.read(master, 1 << 16)
            except OSError:
                break
            screen += ANSI.sub(b"", chunk)
            if first_paint != first_paint and (found := LIST_PAINTED.search(screen)):
                first_paint = time.perf_counter() - started
                count = int(found.group(1))
                screen = b""
                os.write(master, b"u")  # unread only: answered once the app handles keys
            elif first_paint == first_paint and UNREAD_PAINTED.search(screen):
                interactive = time.perf_counter() - started
                break
    finally:
        os.write(master, b"q")
        try:
            proc.wait(timeout=5)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGTERM)
            proc.wait()
        os.close(master)
    return first_paint, interactive, count


# -- one in-process session ---------------------------------------------------------------------
def paint(app) -> None:  # type: ignore[no-untyped-def]
    """Do now what the 60 Hz update timer would do next: layout and render the dirty regions."""
    app.screen._on_timer_update()


async def settle(pilot, app) -> None:  # type: ignore[no-untyped-def]
    """Wait until every message queued by an action (and those its handlers post) is handled.

    Pilot.press/pause wait for the process to look idle (at least 20 ms of sleeping each, three
    times per key), which would swamp the timings, so this drains the queues instead."""
    for _ in range(12):
        await pilot._wait_for_screen()
        nodes = [app, *app.screen.walk_children(with_self=True)]
        if all(node._message_queue.empty() for node in nodes):
            return


def send_key(app, key: str) -> None:  # type: ignore[no-untyped-def]
    """Post a key event as the terminal driver would (what Pilot.press does, minus its waits)."""
    import unicodedata

    from textual import events
    from textual.keys import _character_to_key, _get_unicode_name_from_key

    if len(key) == 1 and not key.isalnum():
        key = _character_to_key(key)
    try:
        char: str | None = unicodedata.lookup(_get_unicode_name_from_key(key))
    except KeyError:
        char = key if len(key) == 1 else None
    event = events.Key(key, char)
    event.set_sender(app)
    app._driver.send_message(event)


async def press(pilot, app, key: str) -> float:  # type: ignore[no-untyped-def]
    """Seconds from a key event to the screen painted with its effect."""
    started = time.perf_counter()
    send_key(app, key)
    await settle(pilot, app)
    paint(app)
    return time.perf_counter() - started


async def timed(pilot, app, change: Callable[[], None]) -> float:  # type: ignore[no-untyped-def]
    started = time.perf_counter()
    change()
    await settle(pilot, app)
    paint(app)
    return time.perf_counter() - started


async def session(cache_dir: Path, config_path: Path, server: str | None, reps: int,
                  refreshes: int) -> dict[str, object]:
    from tui.app import make_app
    from tui.config import load_config
    from tui.core.store import Store
    from tui.widgets.article_list import ArticleList
    from tui.widgets.feed_list import FeedList

    rng = random.Random(3)
    config = load_config(config_path, str(cache_dir))
    store = Store(config.db_path)
    out: dict[str, object] = {"rss_start_mb": memory_mb()}
    started = time.perf_counter()
    app = make_app(config, store)
    samples: dict[str, list[float]] = {}
    async with app.run_test(size=(160, 45)) as pilot:
        await pilot.pause()
        paint(app)
        out["mounted_s"] = time.perf_counter() - started
        out["idle_s"] = STARTUP_IDLE_S
        await asyncio.sleep(STARTUP_IDLE_S)
        await pilot.pause()
        main = app.screen
        articles = main.query_one(ArticleList)
        articles.focus()
        await pilot.pause()
        out["rows"] = articles.count
        samples["no-op key (harness overhead)"] = [await press(pilot, app, "f12")
                                                   for _ in range(reps)]
        samples["j (next row)"] = [await press(pilot, app, "j") for _ in range(reps * 2)]
        samples["pagedown"] = [await press(pilot, app, "pagedown") for _ in range(reps)]
        samples["G / g (last / first of 50k)"] = [await press(pilot, app, key)
                                                  for _ in range(reps // 4) for key in "Gg"]
        opened = []
        for _ in range(reps):
            target = rng.randrange(articles.count)
            articles.focus()  # opening an article focuses the reader
            articles.cursor = target
            await pilot.pause()
            paint(app)
            opened.append(await press(pilot, app, "enter"))
        await press(pilot, app, "escape")  # back to browsing
        samples["enter (open article + side panel)"] = opened
        feeds = main.query_one(FeedList)
        feeds.focus()
        first_feed = next(i for i, entry in enumerate(feeds.entries)
                          if entry.key.startswith("feed:"))
        feeds.cursor = first_feed
        await pilot.pause()
        samples["switch feed (j in the feed list)"] = [await press(pilot, app, "j")
                                                       for _ in range(reps)]
        switch_all = []
        for _ in range(reps // 4):
            switch_all.append(await timed(pilot, app, lambda: setattr(feeds, "cursor", 0)))
            switch_all.append(await timed(pilot, app, lambda: setattr(feeds, "cursor",
                                                                      first_feed + 7)))
        samples["switch All <-> a feed"] = switch_all
        feeds.cursor = 0  # back on All articles for the refreshes
        articles.focus()
        await pilot.pause()
        out["rss_after_list_mb"] = memory_mb()
        await stories_part(pilot, app, samples, reps)
        await quotes_part(pilot, app, store, samples, out)
        out["rss_after_browsing_mb"] = memory_mb()
        if server:
            await refresh_part(pilot, app, articles, out, refreshes)
    store.close()
    out["samples"] = samples
    return out


async def stories_part(pilot, app, samples: dict[str, list[float]], reps: int) -> None:  # type: ignore[no-untyped-def]
    opened = []
    for _ in range(3):
        opened.append(await press(pilot, app, "S"))
        await press(pilot, app, "escape")
    samples["S (open the Stories view)"] = opened
    await press(pilot, app, "S")
    screen = app.screen
    screen.action_toggle_multi() if screen.min_outlets > 1 else None  # every story listed
    await pilot.pause()
    # The 200-article story need not be among the 500 stories listed, so open it the way
    # highlighting it does (show_story), next to a small listed story for comparison.
    big_id = app.store.conn().execute(
        "SELECT id FROM stories WHERE article_count = 200 LIMIT 1").fetchone()[0]
    big = app.store.story(big_id)
    small = next(s for s in screen.items if 2 <= s.article_count <= 6)
    big_times, small_times = [], []
    for _ in range(max(reps // 4, 3)):
        big_times.append(await timed(pilot, app, lambda: screen.show_story(big)))
        small_times.append(await timed(pilot, app, lambda: screen.show_story(small)))
    samples["open a 200-article story"] = big_times
    samples["open a 2-6 article story"] = small_times
    screen.show_story(big)
    await settle(pilot, app)
    screen.query_one("#story-articles").focus()
    samples["enter on an article of the 200-article story"] = [
        await press(pilot, app, key) for _ in range(max(reps // 4, 3)) for key in ("enter", "j")][::2]
    for _ in range(4):                    # esc steps back a level at a time: article, coverage, Stories
        if type(app.screen).__name__ == "MainScreen":
            break
        await press(pilot, app, "escape")


async def quotes_part(pilot, app, store, samples: dict[str, list[float]],  # type: ignore[no-untyped-def]
                      out: dict[str, object]) -> None:
    from tui.core.quotes.lookup import QuoteIndex

    speaker, text = store.conn().execute(
        "SELECT speaker, text FROM quotes WHERE speaker IS NOT NULL ORDER BY id LIMIT 1 "
        "OFFSET 1234").fetchone()
    words = sorted((w.strip(".,").lower() for w in text.split() if len(w) >= 6), key=len)
    surname = speaker.split()[-1]
    typo = words[-1][:-2] + words[-1][-1] + words[-1][-2]  # swapped letters
    queries = [f"{words[0]} {typo}", f"{surname} {words[1]}", "the minister said"]
    out["quote_queries"] = queries
    shown: dict[str, float] = {}
    started = time.perf_counter()
    send_key(app, "Q")
    await settle(pilot, app)
    screen = app.screen
    original = screen._show

    def show(query: str, hits) -> None:  # type: ignore[no-untyped-def]
        original(query, hits)
        shown[query] = time.perf_counter()

    screen._show = show
    await until(pilot, app, lambda: "" in shown or screen.hits)
    paint(app)
    samples["Q (open quote lookup, vocabulary loaded)"] = [time.perf_counter() - started]
    from textual.widgets import Input

    field = screen.query_one("#type-ahead-input", Input)
    strokes = []
    for query in queries:
        if field.value:
            shown.clear()
            field.value = ""
            await until(pilot, app, lambda: "" in shown)
        for char in query:
            target = field.value + char
            started = time.perf_counter()
            send_key(app, char if char != " " else "space")
            await until(pilot, app, lambda target=target: target in shown)
            paint(app)
            strokes.append(time.perf_counter() - started)
            shown.clear()
    samples["quote lookup keystroke (screen)"] = strokes
    index = QuoteIndex(store)
    index.search("")
    searches = []
    for query in queries:
        for end in range(1, len(query) + 1):
            started = time.perf_counter()
            index.search(query[:end], limit=100)
            searches.append(time.perf_counter() - started)
    samples["QuoteIndex.search per keystroke"] = searches
    await press(pilot, app, "escape")


async def until(pilot, app, condition: Callable[[], object], timeout: float = 10.0) -> None:  # type: ignore[no-untyped-def]
    deadline = time.perf_counter() + timeout
    while not condition():
        if time.perf_counter() > deadline:
            raise TimeoutError("the screen never answered")
        await asyncio.sleep(0.001)
    await settle(pilot, app)


class StallSampler:
    """With BYLINE_BENCH_STALLS=1: every 2 ms, where the UI thread is (its innermost frames in tui/), and,
    for each key slower than 50 ms, what it was doing meanwhile; printed to stderr after the run. A
    measuring aid to find where a stall goes before changing anything."""

    def __init__(self) -> None:
        import threading

        self.thread_id = threading.get_ident()
        self.samples: list[tuple[float, str]] = []
        self.running = False
        self._thread = threading.Thread(target=self._run, daemon=True)

    def start(self) -> None:
        self.running = True
        self._thread.start()

    def stop(self) -> None:
        self.running = False

    def _run(self) -> None:
        import traceback

        while self.running:
            frame = sys._current_frames().get(self.thread_id)
            if frame is not None:
                stack = [f"{Path(f.filename).name}:{f.name}" for f in traceback.extract_stack(frame)
                         if "/tui/" in f.filename][-4:]
                self.samples.append((time.perf_counter(), " < ".join(reversed(stack)) or "(textual/asyncio)"))
            time.sleep(0.002)

    def report(self, slow: list[tuple[float, float]]) -> None:
        from collections import Counter

        overall = Counter(where for _, where in self.samples)
        print(f"UI thread during the refresh, {len(self.samples)} samples every 2 ms:", file=sys.stderr)
        for where, count in overall.most_common(15):
            print(f"  {count:5d}  {where}", file=sys.stderr)
        for began, took in slow:
            during = Counter(w for t, w in self.samples if began <= t <= began + took)
            print(f"key of {took * 1000:.0f} ms:", file=sys.stderr)
            for where, count in during.most_common(5):
                print(f"  {count:5d}  {where}", file=sys.stderr)


async def refresh_part(pilot, app, articles, out: dict[str, object], refreshes: int) -> None:  # type: ignore[no-untyped-def]
    articles.focus()
    articles.cursor = 10
    await pilot.pause()
    rounds = []
    for round_index in range(refreshes):
        started = time.perf_counter()
        sampler = StallSampler() if os.environ.get("BYLINE_BENCH_STALLS") and round_index == 0 else None
        slow: list[tuple[float, float]] = []
        if sampler is not None:
            sampler.start()
        app.action_refresh()
        latencies = []
        keys = "jk"
        while app.refreshing:
            pressed = time.perf_counter()
            latencies.append(await press(pilot, app, keys[len(latencies) % 2]))
            if latencies[-1] > 0.05:
                slow.append((pressed, latencies[-1]))
            await asyncio.sleep(0.05)
        if sampler is not None:
            sampler.stop()
            sampler.report(slow)
        peak, current = memory_mb()
        rounds.append({"seconds": time.perf_counter() - started, "keys": latencies,
                       "peak_mb": peak, "rss_mb": current, "rows": articles.count})
    out["refreshes"] = rounds


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    sub = parser.add_subparsers(dest="command", required=True)
    run = sub.add_parser("session")
    run.add_argument("--cache-dir", type=Path, required=True)
    run.add_argument("--config", type=Path, required=True)
    run.add_argument("--server")
    run.add_argument("--reps", type=int, default=40)
    run.add_argument("--refreshes", type=int, default=3)
    args = parser.parse_args()
    result = asyncio.run(session(args.cache_dir, args.config, args.server, args.reps,
                                 args.refreshes))
    print(json.dumps(result))


if __name__ == "__main__":
    main()
