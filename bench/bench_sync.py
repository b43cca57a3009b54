"""A sync of 5,000 new items against the time the server needs to list them (issue 22).

`.venv/bin/python bench/bench_sync.py [--items 5000] [--runs 3]`

Starts a throwaway PostgreSQL and Miniflux on loopback (as the sync tests do; run
`scripts/install-miniflux` first), subscribes it to a loopback feed of `--items` items, then
for each API (greader, miniflux), in each run:

- the baseline: the server listing every item with its text through that API, paged as Byline
  pages it (REST: /v1/entries 500 at a time; Google Reader: the reading list's ids, then their
  contents 250 at a time), read by a bare httpx client that keeps nothing;
- Byline: `run_sync` into a fresh cache (log in, send the queue, subscriptions, every item
  stored with its state, then the unread and starred state).

Prints medians and the ratio; the issue's target is <= 2x.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
sys.path.insert(0, str(HERE.parent / "tests"))

import httpx  # noqa: E402
from feedserver import FeedServer, rss  # noqa: E402
from sync.sync_servers import (  # noqa: E402
    ADMIN,
    ADMIN_PASSWORD,
    API_PASSWORD,
    Miniflux,
    Postgres,
    miniflux_binary,
    postgres_bin,
)

from tui.core.settings import Settings  # noqa: E402
from tui.core.store import Store  # noqa: E402
from tui.core.sync.account import SyncAccount  # noqa: E402
from tui.core.sync.engine import run_sync  # noqa: E402


def list_rest(base: str) -> int:
    """Every entry with its text through the REST API, 500 at a time."""
    count, after = 0, 0
    with httpx.Client(auth=(ADMIN, ADMIN_PASSWORD), timeout=60) as client:
        while True:
            page = client.get(f"{base}/v1/entries", params={
                "order": "id", "direction": "asc", "limit": 500, "after_entry_id": after,
            }).json()["entries"]
            count += len(page)
            if len(page) < 500:
                return count
            after = page[-1]["id"]


def list_greader(base: str) -> int:
    """Every item's id, then their contents 250 at a time, through the Google Reader API."""
    with httpx.Client(timeout=60) as client:
        login = client.post(f"{base}/accounts/ClientLogin",
                            data={"Email": ADMIN, "Passwd": API_PASSWORD}).text
        auth = dict(line.split("=", 1) for line in login.split())["Auth"]
        client.headers["Authorization"] = f"GoogleLogin auth={auth}"
        token = client.get(f"{base}/reader/api/0/token").text.strip()
        ids: list[str] = []
        continuation = None
        while True:
            params = {"output": "json", "s": "user/-/state/com.google/reading-list", "n": 10_000}
            if continuation:
                params["c"] = continuation
            answer = client.get(f"{base}/reader/api/0/stream/items/ids", params=params).json()
            ids += [ref["id"] for ref in answer["itemRefs"]]
            continuation = answer.get("continuation")
            if not continuation:
                break
        count = 0
        for start in range(0, len(ids), 250):
            body = {"T": token, "output": "json",
                    "i": [f"tag:google.com,2005:reader/item/{int(i):016x}"
                          for i in ids[start:start + 250]]}
            count += len(client.post(f"{base}/reader/api/0/stream/items/contents",
                                     data=body).json()["items"])
        return count


def sync_once(service: str, base: str, folder: Path) -> tuple[float, int]:
    store = Store(folder / f"{service}-{time.monotonic_ns()}.db")
    password = API_PASSWORD if service == "greader" else ADMIN_PASSWORD
    import os

    os.environ["BYLINE_BENCH_PASSWORD"] = password
    account = SyncAccount(service, base, ADMIN, password_env="BYLINE_BENCH_PASSWORD")
    started = time.perf_counter()
    summary = run_sync(store, account, Settings())
    seconds = time.perf_counter() - started
    store.close()
    if summary.error:
        raise SystemExit(f"bench: {summary.error}")
    return seconds, summary.new


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--items", type=int, default=5000)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    binary, bin_dir = miniflux_binary(), postgres_bin()
    if binary is None or bin_dir is None:
        raise SystemExit("bench: needs PostgreSQL and Miniflux (scripts/install-miniflux)")
    postgres = Postgres(bin_dir).start()
    server = Miniflux(binary, postgres, postgres.new_database())
    try:
        server.start()
        server.enable_google_reader()
        with FeedServer() as feeds, tempfile.TemporaryDirectory() as tmp:
            body = rss("Bench", [
                {"title": f"Story {i}", "link": f"http://example.org/s/{i}", "guid": f"s{i}",
                 "description": f"&lt;p&gt;{'Words of the story. ' * 40}{i}&lt;/p&gt;",
                 "pubDate": f"Mon, {1 + i % 28:02d} Dec 2026 10:{i % 60:02d}:00 GMT"}
                for i in range(args.items)])
            started = time.perf_counter()
            server.add_feed(feeds.add("/bench.xml", body=body))
            print(f"Miniflux fetched {args.items} items in {time.perf_counter() - started:.1f} s")
            report(server.url, Path(tmp), args)
    finally:
        server.stop()
        postgres.stop()


def report(base: str, folder: Path, args: argparse.Namespace) -> None:
    print(f"\n{args.items} new items, medians of {args.runs} runs (interleaved)\n")
    print("| API | server lists them | Byline syncs them | ratio |")
    print("| --- | --- | --- | --- |")
    for service, lister in (("greader", list_greader), ("miniflux", list_rest)):
        listing: list[float] = []
        syncing: list[float] = []
        for _ in range(args.runs):
            started = time.perf_counter()
            assert lister(base) == args.items
            listing.append(time.perf_counter() - started)
            seconds, new = sync_once(service, base, folder)
            assert new == args.items, new
            syncing.append(seconds)
        base_s, sync_s = statistics.median(listing), statistics.median(syncing)
        print(f"| {service} | {base_s:.2f} s | {sync_s:.2f} s | {sync_s / base_s:.2f}x |")


if __name__ == "__main__":
    main()
