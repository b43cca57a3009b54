"""A fast asyncio HTTP server for benchmarks: N feeds of real or synthetic news, validators,
optional latency, and real article pages for the full-text benchmark.

Run as a subprocess: `python bench/feed_server.py --feeds 200 --items 30 --port-file F
[--text real|zipf|tiny] [--pages 1000] [--ignore-validators] [--latency-ms 200]`; it writes its
port to F and serves until killed.

`--text real` (the default) builds items from the shared corpora: the 1,132 articles of PolNeAR
(../shared/data/quotes/polnear) and events-dev (../shared/data/stories/events-dev). Article k of
the corpus lands in several feeds, as wire copy does, each outlet keeping its own cut of the lead
(one paragraph, two, or the first paragraph shortened); titles, dates and authors are the
article's own. `--pages N` instead serves N items (25 a feed) whose links are real news pages
(the 181 pages of ../shared/data/extraction, cycled), for the full-text benchmark.
"""

from __future__ import annotations

import argparse
import asyncio
import csv
import gzip
import hashlib
import html
import json
import os
import random
import re
from dataclasses import dataclass
from datetime import UTC, datetime
from email.utils import formatdate
from functools import cache
from pathlib import Path

HERE = Path(__file__).resolve().parent
SHARED = Path(os.environ.get("BYLINE_SHARED", HERE.parent.parent / "shared"))
POLNEAR = SHARED / "data" / "quotes" / "polnear"
EVENTS = SHARED / "data" / "stories" / "events-dev"
PAGES = SHARED / "data" / "extraction"
ITEMS_PER_PAGE_FEED = 25

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


@cache
def _zipf() -> tuple[list[str], list[float]]:
    words = _vocabulary()
    return words, [1 / (rank + 1) for rank in range(len(words))]


def _words(rng: random.Random, count: int, realistic: bool) -> list[str]:
    if not realistic:
        return [rng.choice(WORDS) for _ in range(count)]
    words, weights = _zipf()
    return rng.choices(words, weights=weights, k=count)


# -- real news ------------------------------------------------------------------------------------
@dataclass(frozen=True)
class RealArticle:
    """One article of the shared corpora, as a feed would carry it."""

    title: str
    paragraphs: tuple[str, ...]
    published: int  # unix time
    author: str


def _timestamp(day: str) -> int:
    return int(datetime.fromisoformat(day[:19]).replace(tzinfo=UTC).timestamp())


@cache
def real_articles() -> tuple[RealArticle, ...]:
    """Every PolNeAR and events-dev article, in a fixed shuffled order (SystemExit if absent)."""
    if not (POLNEAR / "metadata.tsv").exists() or not (EVENTS / "index.tsv").exists():
        raise SystemExit(f"real news text needs {POLNEAR} and {EVENTS} (../shared beside the "
                         "checkout); use --text zipf without it")
    found: list[RealArticle] = []
    with (POLNEAR / "metadata.tsv").open(encoding="utf-8") as handle:
        for row in csv.DictReader(handle, delimiter="\t"):
            path = POLNEAR / row["compartment"] / "text" / f"{row['filename']}.txt"
            if not path.exists():
                continue
            blocks = [b.strip() for b in path.read_text(encoding="utf-8").split("\n\n")]
            paragraphs = tuple(b for b in blocks[1:] if b)
            if paragraphs:
                found.append(RealArticle(row["title"] or blocks[0], paragraphs,
                                         _timestamp(row["publication_date"]),
                                         row["author"] if row["author"] != "None" else ""))
    with (EVENTS / "index.tsv").open(encoding="utf-8") as handle:
        for row in csv.DictReader(handle, delimiter="\t"):
            data = json.loads((EVENTS / "data" / f"{row['dId']}.json").read_text("utf-8"))
            lines = [line.strip() for line in (data.get("text") or "").split("\n")]
            paragraphs = tuple(line for line in lines if len(line) > 40)
            if paragraphs:
                found.append(RealArticle(data["title"], paragraphs,
                                         _timestamp(row["date_publish"]),
                                         ", ".join(data.get("authors") or [])))
    random.Random(5).shuffle(found)
    return tuple(found)


def lead(article: RealArticle, cut: int) -> str:
    """The lead an outlet prints: one paragraph, two, or the first one shortened."""
    if cut == 1:
        return "\n\n".join(article.paragraphs[:2])
    first = article.paragraphs[0]
    if cut == 2 and len(first) > 200:
        return first[:first.rfind(" ", 0, 200)] + " …"
    return first


def real_feed_xml(feed: int, items: int, feeds: int, dated_after: int = 0) -> bytes:
    """RSS 2.0 of real articles: item i of feed f is article (f + i * feeds) mod N, so each
    article lands in about feeds * items / N different feeds and never twice in one. Dates are
    the articles' own, or with `dated_after`, spread over the two days after that time (news
    arriving after an existing cache's newest)."""
    articles = real_articles()
    parts = [_channel(feed, "Real news")]
    for item in range(items):
        number = (feed + item * feeds) % len(articles)
        article = articles[number]
        body = "".join(f"<p>{html.escape(p)}</p>" for p in lead(article, feed % 3).split("\n\n"))
        published = dated_after + number % 2880 * 60 if dated_after else article.published
        parts.append(_item(feed, item, html.escape(article.title), f"wire-{number}",
                           f"http://outlet{feed}.example/{number}", published,
                           html.escape(article.author), body))
    parts.append("</channel></rss>")
    return "\n".join(parts).encode()


def _channel(feed: int, kind: str) -> str:
    return ('<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0" '
            'xmlns:dc="http://purl.org/dc/elements/1.1/"><channel>'
            f"<title>Outlet {feed}</title><link>http://outlet{feed}.example/</link>"
            f"<description>{kind} outlet {feed}</description><language>en</language>")


def _item(feed: int, item: int, title: str, guid: str, link: str, published: int, author: str,
          body: str) -> str:
    creator = f"<dc:creator>{author}</dc:creator>" if author else ""
    return (f"<item><title>{title}</title><link>{link}</link>"
            f'<guid isPermaLink="false">outlet{feed}-{guid}</guid>'
            f"<pubDate>{formatdate(published, usegmt=True)}</pubDate>{creator}"
            f"<description><![CDATA[{body}]]></description></item>")


def feed_xml(feed: int, items: int, seed: int = 7, realistic: bool = False, *,
             text: str | None = None, feeds: int = 200, dated_after: int = 0) -> bytes:
    """An RSS 2.0 feed. `text` is "real" (the shared corpora), "zipf" (a 20,000-word Zipf
    vocabulary) or "tiny" (45 words: every item looks like every other, story grouping's worst
    case); without it, `realistic` picks zipf over tiny as before."""
    text = text or ("zipf" if realistic else "tiny")
    if text == "real":
        return real_feed_xml(feed, items, feeds, dated_after)
    rng = random.Random(seed * 100_003 + feed)
    parts = [_channel(feed, "Synthetic")]
    for item in range(items):
        title = " ".join(_words(rng, rng.randint(6, 12), text == "zipf")).capitalize()
        body = " ".join(_words(rng, rng.randint(40, 60), text == "zipf"))
        day = 1 + (feed + item) % 28
        parts.append(_item(feed, item, title, str(item), f"http://outlet{feed}.example/{item}",
                           1_761_955_200 + day * 86400 + item * 600, f"Reporter {item % 7}",
                           f"<p>{body.capitalize()}.</p>"))
    parts.append("</channel></rss>")
    return "\n".join(parts).encode()


# -- real pages for the full-text benchmark ---------------------------------------------------------
@cache
def real_pages() -> tuple[tuple[str, bytes, str], ...]:
    """(id, html bytes, first paragraph of the article) of the 181 extraction-benchmark pages."""
    truth_path = PAGES / "ground-truth.json"
    if not truth_path.exists():
        raise SystemExit(f"the full-text benchmark needs {PAGES} (../shared beside the checkout)")
    truth = json.loads(truth_path.read_text(encoding="utf-8"))
    pages = []
    for page_id in sorted(truth):
        body = gzip.decompress((PAGES / "html" / f"{page_id}.html.gz").read_bytes())
        first = truth[page_id]["articleBody"].strip().split("\n")[0]
        pages.append((page_id, body, first))
    return tuple(pages)


def page_feed_xml(feed: int, pages: int, base: str) -> bytes:
    """Feed `feed` of the full-text set: up to 25 items, item k linking to /page/k.html."""
    real = real_pages()
    parts = [_channel(feed, "Pages")]
    for number in range(feed * ITEMS_PER_PAGE_FEED, min(pages, (feed + 1) * ITEMS_PER_PAGE_FEED)):
        _, _, first = real[number % len(real)]
        title = html.escape(re.split(r"(?<=[.!?])\s", first, maxsplit=1)[0][:120])
        parts.append(_item(feed, number, title, f"page-{number}", f"{base}/page/{number}.html",
                           1_761_955_200 + number * 60, "", f"<p>{html.escape(first)}</p>"))
    parts.append("</channel></rss>")
    return "\n".join(parts).encode()


def page_feed_count(pages: int) -> int:
    return -(-pages // ITEMS_PER_PAGE_FEED)


# -- the server ----------------------------------------------------------------------------------
class FeedSite:
    """Precomputed responses for /feed/<n>.xml (and /page/<n>.html in the pages set)."""

    def __init__(self, feeds: int, items: int, ignore_validators: bool, latency: float,
                 realistic: bool = False, *, text: str | None = None, pages: int = 0,
                 base: str = "", dated_after: int = 0) -> None:
        if pages:
            self.bodies = {f"/feed/{n}.xml": page_feed_xml(n, pages, base)
                           for n in range(page_feed_count(pages))}
            real = real_pages()
            self.pages = {f"/page/{n}.html": real[n % len(real)][1] for n in range(pages)}
        else:
            self.bodies = {f"/feed/{n}.xml": feed_xml(n, items, realistic=realistic, text=text,
                                                      feeds=feeds, dated_after=dated_after)
                           for n in range(feeds)}
            self.pages = {}
        self.etags = {p: '"' + hashlib.md5(b).hexdigest() + '"' for p, b in self.bodies.items()}
        self.last_modified = formatdate(1_763_000_000, usegmt=True)
        self.ignore_validators = ignore_validators
        self.latency = latency
        self.requests = 0
        self.feeds_full = 0  # feed responses with a body
        self.feeds_not_modified = 0  # 304s

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
        if path == "/stats":  # what the benchmark checks: did a warm run really get 304s?
            body = json.dumps({"feeds_full": self.feeds_full,
                               "feeds_not_modified": self.feeds_not_modified}).encode()
            return (f"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n"
                    f"Content-Length: {len(body)}\r\n\r\n").encode() + body
        page = self.pages.get(path)
        if page is not None:
            return (f"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n"
                    f"Content-Length: {len(page)}\r\n\r\n").encode() + page
        body = self.bodies.get(path)
        if body is None:
            return b"HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\n\r\n"
        etag = self.etags[path]
        fresh = headers.get("if-none-match") == etag or \
            headers.get("if-modified-since") == self.last_modified
        if fresh and not self.ignore_validators:
            self.feeds_not_modified += 1
            return (f"HTTP/1.1 304 Not Modified\r\nETag: {etag}\r\n"
                    f"Last-Modified: {self.last_modified}\r\n\r\n").encode()
        self.feeds_full += 1
        return (f"HTTP/1.1 200 OK\r\nContent-Type: application/rss+xml; charset=utf-8\r\n"
                f"Content-Length: {len(body)}\r\nETag: {etag}\r\n"
                f"Last-Modified: {self.last_modified}\r\n\r\n").encode() + body


async def serve(args: argparse.Namespace) -> None:
    holder: dict[str, FeedSite] = {}

    async def handle(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        await holder["site"].handle(reader, writer)

    server = await asyncio.start_server(handle, "127.0.0.1", 0, backlog=1024)
    port = server.sockets[0].getsockname()[1]
    holder["site"] = FeedSite(args.feeds, args.items, args.ignore_validators,
                              args.latency_ms / 1000, text=args.text, pages=args.pages,
                              base=f"http://127.0.0.1:{port}", dated_after=args.dated_after)
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
    parser.add_argument("--text", choices=("real", "zipf", "tiny"), default="real")
    parser.add_argument("--vocabulary", choices=("tiny", "realistic"),
                        help="older spelling of --text tiny|zipf")
    parser.add_argument("--dated-after", type=int, default=0, metavar="TIMESTAMP",
                        help="date real items in the two days after this unix time")
    parser.add_argument("--pages", type=int, default=0,
                        help="serve this many real article pages, 25 a feed, instead")
    args = parser.parse_args()
    if args.vocabulary:
        args.text = "tiny" if args.vocabulary == "tiny" else "zipf"
    asyncio.run(serve(args))


if __name__ == "__main__":
    main()
