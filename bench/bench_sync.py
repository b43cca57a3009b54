"""A sync of 5,000 new items against the time the server needs to list them (issue 22).

`.venv/bin/python bench/bench_sync.py [--items 5000] [--runs 3]`

Starts a throwaway PostgreSQL and Miniflux on loopback (as the sync tests do; run
`scripts/install-miniflux` first), subscribes it to a loopback feed of `--items` items, then
for each API (greader, miniflux), in each run:

- the baseline: the server listing every item with its text through that API, paged as Byline
  pages it (REST: /v1/entries 500 at a time; Google Reader: the reading list's ids, then their
  contents 250 at a time), read by a bare httpx client that keeps nothing;
- Byline: `run_sync` into a fresh cache (log in, send the queue, subscriptions, every item
  stored with its state, then the unread and starred state);
- a later sync of that cache with nothing new on the server;
- after all runs, per run: 100 new items on the server (a new feed), then a later sync of each
  API's cache (the last run's), against the same run's listing.

Prints each run's ratios (same-run baseline), then medians; the issue's target is <= 2x for
the first sync.
"""

from __future__ import annotations

import argparse
import os
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


def sync_once(service: str, base: str, cache: Path) -> tuple[float, int]:
    """One sync of this cache (a new file: a first sync); seconds and new items."""
    store = Store(cache)
    password = API_PASSWORD if service == "greader" else ADMIN_PASSWORD
    os.environ["BYLINE_BENCH_PASSWORD"] = password
    account = SyncAccount(service, base, ADMIN, password_env="BYLINE_BENCH_PASSWORD")
    started = time.perf_counter()
    summary = run_sync(store, account, Settings())
    seconds = time.perf_counter() - started
    store.close()
    if summary.error:
        raise SystemExit(f"bench: {summary.error}")
    return seconds, summary.new


def story(i: int, published: str) -> dict[str, str]:
    return {"title": f"Story {i}", "link": f"http://example.org/s/{i}", "guid": f"s{i}",
            "description": f"&lt;p&gt;{'Words of the story. ' * 40}{i}&lt;/p&gt;",
            "pubDate": published}


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
                story(i, f"Mon, {1 + i % 28:02d} Dec 2026 10:{i % 60:02d}:00 GMT")
                for i in range(args.items)])
            started = time.perf_counter()
            server.add_feed(feeds.add("/bench.xml", body=body))
            print(f"Miniflux fetched {args.items} items in {time.perf_counter() - started:.1f} s")
            report(server, feeds, Path(tmp), args)
    finally:
        server.stop()
        postgres.stop()


def report(server: Miniflux, feeds: FeedServer, folder: Path,
           args: argparse.Namespace) -> None:
    listers = {"greader": list_greader, "miniflux": list_rest}
    listing: dict[str, list[float]] = {api: [] for api in listers}
    first: dict[str, list[float]] = {api: [] for api in listers}
    later: dict[str, list[float]] = {api: [] for api in listers}
    new100: dict[str, list[float]] = {api: [] for api in listers}
    caches: dict[str, Path] = {}
    print(f"\n{args.items} new items, {args.runs} runs (interleaved); ratios to the same run's "
          "listing\n")
    for run in range(args.runs):
        for service, lister in listers.items():
            started = time.perf_counter()
            assert lister(server.url) == args.items
            listing[service].append(time.perf_counter() - started)
            caches[service] = folder / f"{service}-{run}.db"
            seconds, new = sync_once(service, server.url, caches[service])
            assert new == args.items, new
            first[service].append(seconds)
            seconds, new = sync_once(service, server.url, caches[service])
            assert new == 0, new
            later[service].append(seconds)
            print(f"run {run + 1} {service}: listing {listing[service][-1]:.2f} s, first sync "
                  f"{first[service][-1] / listing[service][-1]:.2f}x, later sync (nothing new) "
                  f"{later[service][-1] / listing[service][-1]:.2f}x")
    for run in range(args.runs):
        now = time.strftime("%a, %d %b %Y %H:%M:%S GMT", time.gmtime())
        body = rss(f"New {run}", [story(1_000_000 * (run + 1) + i, now) for i in range(100)])
        server.add_feed(feeds.add(f"/new-{run}.xml", body=body))
        for service in listers:
            seconds, new = sync_once(service, server.url, caches[service])
            assert new == 100, new
            new100[service].append(seconds)
            print(f"run {run + 1} {service}: later sync (100 new) "
                  f"{seconds / listing[service][run]:.2f}x")
    print("\n| API | server lists them | first sync | later sync, nothing new | "
          "later sync, 100 new |")
    print("| --- | --- | --- | --- | --- |")
    for service in listers:
        ratios = [statistics.median(s / b for s, b in zip(times, listing[service], strict=True))
                  for times in (first[service], later[service], new100[service])]
        cells = [f"{statistics.median(t):.2f} s ({r:.2f}x)"
                 for t, r in zip((first[service], later[service], new100[service]), ratios,
                                 strict=True)]
        print(f"| {service} | {statistics.median(listing[service]):.2f} s | "
              + " | ".join(cells) + " |")


if __name__ == "__main__":
    main()
