"""`byline extract SOURCE...`: article text, metadata, actors and quotes of URLs or files."""

from __future__ import annotations

import argparse
import asyncio
import json
import sys
from typing import Any

from tui.config import Config


def register(commands: Any) -> None:
    parser = commands.add_parser(
        "extract", help="extract article text, actors and quotes from URLs or files",
        description="Extract the article text of each SOURCE: an http(s) URL, an HTML file "
                    "(.html/.htm, optionally .gz) or a .txt file taken exactly as it is. With "
                    "several sources, --json prints one object per line (JSON Lines).")
    parser.add_argument("sources", nargs="+", metavar="SOURCE")
    parser.add_argument("--json", action="store_true", help="print JSON (one object per line)")
    parser.add_argument("--no-quotes", action="store_true",
                        help="skip finding actors and quotes")
    parser.add_argument("--all", action="store_true", dest="guesses",
                        help="also return the quotes below the shown confidence (guesses), each "
                             "with its confidence")
    parser.set_defaults(handler=run, needs_keymap_check=False)


def run(args: argparse.Namespace, config: Config) -> int:
    failures = 0
    for result in extract_all(args.sources, config, quotes=not args.no_quotes, guesses=args.guesses):
        failures += "error" in result
        if args.json:
            print(json.dumps(result, ensure_ascii=False))
        else:
            print_human(result)
    return 1 if failures else 0


def extract_all(sources: list[str], config: Config, quotes: bool = True, guesses: bool = False) -> Any:
    """Yield one result dict per source, in order; a failing source yields an error dict. Quotes are
    those shown to a reader; with guesses, also those below the shown confidence."""
    from tui.core.fulltext.sources import extract_sources

    urls = [s for s in sources if s.lower().startswith(("http://", "https://"))]
    fetched = asyncio.run(_extract_urls(urls, config)) if urls else {}
    files = iter(extract_sources([s for s in sources if s not in fetched]))
    for source in sources:
        result = fetched[source] if source in fetched else next(files)
        if quotes and "text" in result:
            from tui.core.quotes.extractor import analyse

            result.update(analyse(result["text"]).to_json(guesses))
        yield result


async def _extract_urls(urls: list[str], config: Config) -> dict[str, dict[str, Any]]:
    from tui.core.feeds.fetch import Fetcher
    from tui.core.fulltext.article import extract_html
    from tui.core.fulltext.pages import PAGE_ACCEPT
    from tui.core.fulltext.sniff import looks_like_html

    results: dict[str, dict[str, Any]] = {}
    async with Fetcher(config.settings.fetch_limits(config.settings.max_page_bytes)) as fetcher:
        responses = await asyncio.gather(*(fetcher.get(u, accept=PAGE_ACCEPT) for u in urls))
    for url, response in zip(urls, responses, strict=True):
        if response.error_kind:
            results[url] = {"source": url, "error": response.error or response.error_kind}
        elif not looks_like_html(response.body, response.headers.get("content-type")):
            results[url] = {"source": url, "error": "not an HTML page"}
        else:
            extracted = extract_html(response.body, response.final_url or url)
            results[url] = ({"source": url, "error": "no article text found"} if extracted is None
                            else {"source": url, "title": extracted.title,
                                  "author": extracted.author, "published": extracted.published,
                                  "text": extracted.text})
    return results


def print_human(result: dict[str, Any]) -> None:
    from tui.core.models import SHOWN_CONFIDENCE
    from tui.core.text import labelled, one_line, strip_controls

    if "error" in result:
        print(f"{result['source']}: error: {one_line(result['error'])}", file=sys.stderr)
        return
    print(f"== {one_line(result.get('title') or result['source'])}")
    meta = [one_line(v) for v in (result.get("author"), result.get("published")) if v]
    if meta:
        print(" · ".join(meta))
    print()
    print(strip_controls(result["text"]))
    for quote in result.get("quotes", [])[:50]:
        # In the app's words (said, in part, reported), as `byline quotes` and the reader show it.
        line = labelled(quote["speaker"], quote["text"], quote["kind"], 160)
        guess = f"  (a guess: confidence {quote['confidence']:.2f})" \
            if quote["confidence"] < SHOWN_CONFIDENCE else ""
        print(f"  {line}{guess}")
    print()
