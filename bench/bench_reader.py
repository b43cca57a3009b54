"""Opening an article costs the same whatever its length (issue 14): the reader draws only the
lines on screen. Prints one table: words in the article, UI-thread milliseconds from opening it
to a painted 160x45 screen (median and worst of 10), and the ratio to the shortest.

    .venv/bin/python bench/bench_reader.py
"""

from __future__ import annotations

import asyncio
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from tui.app import make_app  # noqa: E402
from tui.config import load_config  # noqa: E402
from tui.core.store import Store  # noqa: E402

PARAGRAPH = ("The council met on Tuesday and agreed a budget for the new tram line after a long "
             "debate in which the opposition asked for more stops in the northern districts. ")
LENGTHS = (300, 3_000, 10_000, 20_000)
REPEATS = 10


def body(words: int) -> str:
    per = len(PARAGRAPH.split())
    paragraphs = max(words // (per * 3), 1)
    return "\n\n".join([PARAGRAPH * 3] * paragraphs)


async def measure() -> dict[int, list[float]]:
    folder = Path(tempfile.mkdtemp())
    (folder / "feeds.toml").write_text("[settings]\nrefresh_minutes = 0\n")
    config = load_config(folder / "feeds.toml")
    store = Store(config.db_path)
    store.sync_feeds([("http://a.example/f", "A", ())])
    with store.write() as tx:
        for words in LENGTHS:
            tx.execute("INSERT INTO articles (feed_id, guid, title, fetched, sort_time, body, "
                       "text_status) VALUES (1, ?, ?, 1, ?, ?, 'full text')",
                       (str(words), f"{words} words", words, body(words)))
    ids = {int(guid): aid for aid, guid in store.conn().execute("SELECT id, guid FROM articles")}
    times: dict[int, list[float]] = {words: [] for words in LENGTHS}
    app = make_app(config, store)
    async with app.run_test(size=(160, 45)) as pilot:
        await pilot.pause()
        main = app.screen
        for _ in range(REPEATS):
            for words in LENGTHS:
                started = time.thread_time()
                main.open_article(ids[words])  # type: ignore[attr-defined]
                await pilot.pause()
                main._compositor.render_update(full=True)
                times[words].append((time.thread_time() - started) * 1000)
    store.close()
    return times


def main() -> None:
    times = asyncio.run(measure())
    shortest = statistics.median(times[LENGTHS[0]])
    print("| words | median ms | worst ms | ratio to 300 words |")
    print("| --- | --- | --- | --- |")
    for words, samples in times.items():
        median = statistics.median(samples)
        print(f"| {words:,} | {median:.1f} | {max(samples):.1f} | {median / shortest:.2f}× |")


if __name__ == "__main__":
    main()
