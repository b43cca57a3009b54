"""A fast asyncio HTTP server for benchmarks: N synthetic feeds, validators, optional latency.

Run as a subprocess: `python bench/feed_server.py --feeds 200 --items 30 --port-file F
[--ignore-validators] [--latency-ms 200]`; it writes its port to F and serves until killed.
"""

from __future__ import annotations

import argparse
import asyncio
import hashlib
import random
from email.utils import formatdate
from pathlib import Path

WORDS = ("government minister said talks border agreement market shares bank rate inflation "
         "election protest court ruling energy pipeline summit security council report data "
         "company regulator fine investigation climate deal parliament vote opposition leader "
         "economy growth exports sanctions ceasefire negotiations officials statement").split()


_SYLLABLES = [a + b for a in ("b br c d f g h k l m n p pr r s st t tr v w z".split())
              for b in ("a e i o u ai ou ea".split())]


def _vocabulary(size: int = 20_000, seed: int = 11) -> list[str]:
    rng = random.Random(seed)
    words: dict[str, None] = {}
    while len(words) < size:
        words["".join(rng.choice(_SYLLABLES) for _ in range(rng.randint(1, 4)))] = None
    return list(words)


_REALISTIC = _vocabulary()
_ZIPF_WEIGHTS = [1 / (rank + 1) for rank in range(len(_REALISTIC))]


def _words(rng: random.Random, count: int, realistic: bool) -> list[str]:
    if not realistic:
        return [rng.choice(WORDS) for _ in range(count)]
    return rng.choices(_REALISTIC, weights=_ZIPF_WEIGHTS, k=count)


def feed_xml(feed: int, items: int, seed: int = 7, realistic: bool = False) -> bytes:
    """An RSS 2.0 feed: titles, links, guids, dates, 250-400 character descriptions. Words come
    from a 45-word news vocabulary (every item looks like every other: the worst case for story
    grouping) or, realistic, from a 20,000-word Zipf vocabulary."""
    rng = random.Random(seed * 100_003 + feed)
    parts = ['<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0" '
             'xmlns:dc="http://purl.org/dc/elements/1.1/"><channel>'
             f"<title>Outlet {feed}</title><link>http://outlet{feed}.example/</link>"
             f"<description>Synthetic outlet {feed}</description><language>en</language>"]
    for item in range(items):
        title = " ".join(_words(rng, rng.randint(6, 12), realistic)).capitalize()
        body = " ".join(_words(rng, rng.randint(40, 60), realistic))
        day = 1 + (feed + item) % 28
        parts.append(
            f"<item><title>{title}</title><link>http://outlet{feed}.example/{item}</link>"
            f'<guid isPermaLink="false">outlet{feed}-{item}</guid>'
            f"<pubDate>{formatdate(1_761_955_200 + day * 86400 + item * 600, usegmt=True)}"
            f"</pubDate><dc:creator>Reporter {item % 7}</dc:creator>"
            f"<description><![CDATA[<p>{body.capitalize()}.</p>]]></description></item>")
    parts.append("</channel></rss>")
    return "\n".join(parts).encode()


class FeedSite:
    """Precomputed responses for /feed/<n>.xml."""

    def __init__(self, feeds: int, items: int, ignore_validators: bool, latency: float,
                 realistic: bool = False) -> None:
        self.bodies = {f"/feed/{n}.xml": feed_xml(n, items, realistic=realistic)
                       for n in range(feeds)}
        self.etags = {p: '"' + hashlib.md5(b).hexdigest() + '"' for p, b in self.bodies.items()}
        self.last_modified = formatdate(1_763_000_000, usegmt=True)
        self.ignore_validators = ignore_validators
        self.latency = latency
        self.requests = 0

    async def handle(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        try:
            while True:
                head = await reader.readuntil(b"\r\n\r\n")
                lines = head.decode("latin-1").split("\r\n")
                path = lines[0].split(" ")[1]
                headers = {k.strip().lower(): v.strip() for k, _, v in
                           (line.partition(":") for line in lines[1:] if line)}
                self.requests += 1
                if self.latency:
                    await asyncio.sleep(self.latency)
                writer.write(self.response(path, headers))
                await writer.drain()
                if headers.get("connection", "").lower() == "close":
                    break
        except (asyncio.IncompleteReadError, ConnectionError, IndexError):
            pass
        finally:
            writer.close()

    def response(self, path: str, headers: dict[str, str]) -> bytes:
        body = self.bodies.get(path)
        if body is None:
            return b"HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\n\r\n"
        etag = self.etags[path]
        fresh = headers.get("if-none-match") == etag or \
            headers.get("if-modified-since") == self.last_modified
        if fresh and not self.ignore_validators:
            return (f"HTTP/1.1 304 Not Modified\r\nETag: {etag}\r\n"
                    f"Last-Modified: {self.last_modified}\r\n\r\n").encode()
        return (f"HTTP/1.1 200 OK\r\nContent-Type: application/rss+xml; charset=utf-8\r\n"
                f"Content-Length: {len(body)}\r\nETag: {etag}\r\n"
                f"Last-Modified: {self.last_modified}\r\n\r\n").encode() + body


async def serve(args: argparse.Namespace) -> None:
    site = FeedSite(args.feeds, args.items, args.ignore_validators, args.latency_ms / 1000,
                    realistic=args.vocabulary == "realistic")
    server = await asyncio.start_server(site.handle, "127.0.0.1", 0, backlog=1024)
    port = server.sockets[0].getsockname()[1]
    Path(args.port_file).write_text(str(port))
    async with server:
        await server.serve_forever()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--feeds", type=int, default=200)
    parser.add_argument("--items", type=int, default=30)
    parser.add_argument("--port-file", required=True)
    parser.add_argument("--ignore-validators", action="store_true")
    parser.add_argument("--latency-ms", type=float, default=0.0)
    parser.add_argument("--vocabulary", choices=("tiny", "realistic"), default="tiny")
    asyncio.run(serve(parser.parse_args()))


if __name__ == "__main__":
    main()
