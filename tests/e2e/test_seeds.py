"""Checks on the offline demo corpus in seeds/: feeds parse, links resolve, events and quotes hold."""

from __future__ import annotations

import calendar
import html
import itertools
import json
import re
import tomllib
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urljoin, urlsplit

import feedparser
import pytest
from byline_demo import SEEDS

CONFIG = SEEDS / "feeds.toml"
FIRST_DAY = datetime(2026, 11, 16, tzinfo=UTC)
LAST_DAY = datetime(2026, 11, 28, tzinfo=UTC)


def _feeds() -> list[dict[str, Any]]:
    return tomllib.loads(CONFIG.read_text(encoding="utf-8"))["feeds"]


def _feed_path(feed: dict[str, Any]) -> Path:
    return (CONFIG.parent / feed["url"]).resolve()


def _parse(feed: dict[str, Any]) -> Any:
    return feedparser.parse(_feed_path(feed).read_bytes())


def _entry_time(entry: Any) -> datetime:
    stamp = entry.get("published_parsed") or entry.get("updated_parsed")
    assert stamp is not None, f"{entry.get('title')!r} has no date"
    return datetime.fromtimestamp(calendar.timegm(stamp), tz=UTC)


def _page_for(feed: dict[str, Any], entry: Any) -> Path:
    """Resolve an item link the way the app does: urljoin against the feed's file:// URI."""
    absolute = urljoin(_feed_path(feed).as_uri(), entry.link)
    parts = urlsplit(absolute)
    assert parts.scheme == "file", f"{entry.link} does not stay on the local disk"
    return Path(unquote(parts.path))


def _article_html(page: str) -> str:
    found = re.search(r"<article\b.*?</article>", page, re.S)
    assert found, "the page has no <article>"
    return found.group(0)


def _paragraphs(page: str) -> list[str]:
    raw = re.findall(r"<p>(.*?)</p>", _article_html(page), re.S)
    return [html.unescape(re.sub(r"<[^>]+>", "", p)) for p in raw]


def _words(text: str) -> set[str]:
    return set(re.findall(r"\w+", text.lower()))


def _meta(page: str, key: str) -> str:
    found = re.search(rf'<meta (?:name|property)="{re.escape(key)}" content="([^"]*)"', page)
    assert found, f"no <meta {key}>"
    return html.unescape(found.group(1))


def _all_items() -> list[tuple[dict[str, Any], Any]]:
    return [(feed, entry) for feed in _feeds() for entry in _parse(feed).entries]


FEED_NAMES = [feed["name"] for feed in _feeds()]


def test_config_has_four_outlets_in_three_feed_formats():
    feeds = _feeds()
    settings = tomllib.loads(CONFIG.read_text(encoding="utf-8"))["settings"]
    assert settings["refresh_minutes"] == 0
    assert len(feeds) >= 4
    assert len({feed["name"] for feed in feeds}) == len(feeds)
    for feed in feeds:
        assert not urlsplit(feed["url"]).scheme, "demo feeds must be local relative paths"
        assert _feed_path(feed).is_file()
    versions = {_parse(feed).version for feed in feeds}
    assert {"rss20", "atom10", "rss10"} <= versions


@pytest.mark.parametrize("name", FEED_NAMES)
def test_feed_parses_cleanly_with_dated_authored_items(name):
    feed = next(f for f in _feeds() if f["name"] == name)
    parsed = _parse(feed)
    assert not parsed.bozo, parsed.get("bozo_exception")
    assert 5 <= len(parsed.entries) <= 8
    ids = [entry.get("id") for entry in parsed.entries]
    assert all(ids) and len(set(ids)) == len(ids)
    for entry in parsed.entries:
        assert entry.get("title") and entry.get("link") and entry.get("author")
        assert 10 <= len(entry.get("summary", "").split()) <= 60, "a feed carries a short summary"
        assert FIRST_DAY <= _entry_time(entry) < LAST_DAY


@pytest.mark.parametrize("name", FEED_NAMES)
def test_every_link_resolves_to_an_article_page_that_carries_its_title(name):
    feed = next(f for f in _feeds() if f["name"] == name)
    for entry in _parse(feed).entries:
        page_path = _page_for(feed, entry)
        assert page_path.is_file(), f"{entry.link} -> {page_path} is missing"
        page = page_path.read_text(encoding="utf-8")
        missing = _words(entry.title) - _words(html.unescape(_article_html(page)))
        assert not missing, f"{page_path.name}: title words {missing} not in the article"
        assert _meta(page, "og:site_name") == feed["name"]
        assert _meta(page, "author") in entry.author
        published = datetime.fromisoformat(_meta(page, "article:published_time"))
        assert published == _entry_time(entry)


@pytest.mark.parametrize("name", FEED_NAMES)
def test_pages_are_realistic_articles_with_boilerplate(name):
    feed = next(f for f in _feeds() if f["name"] == name)
    for entry in _parse(feed).entries:
        page = _page_for(feed, entry).read_text(encoding="utf-8")
        assert re.search(r'<html lang="en(-[A-Z]{2})?">', page)
        assert "<title>" in page and "<nav" in page and "<footer" in page
        paragraphs = _paragraphs(page)
        words = sum(len(p.split()) for p in paragraphs)
        assert 5 <= len(paragraphs) <= 12, f"{entry.link}: {len(paragraphs)} paragraphs"
        assert 300 <= words <= 700, f"{entry.link}: {words} words"


def _events() -> dict[str, list[str]]:
    return json.loads((SEEDS / "events.json").read_text(encoding="utf-8"))


def _items_by_page() -> dict[str, tuple[dict[str, Any], Any]]:
    return {_page_for(feed, entry).relative_to(SEEDS).as_posix(): (feed, entry)
            for feed, entry in _all_items()}


def test_events_cover_every_linked_page_exactly_once():
    listed = [path for paths in _events().values() for path in paths]
    assert len(listed) == len(set(listed)), "a page belongs to two events"
    assert set(listed) == set(_items_by_page())


def test_multi_outlet_events_have_different_headlines_close_in_time():
    items = _items_by_page()
    multi = {event: paths for event, paths in _events().items()
             if len({items[path][0]["name"] for path in paths}) >= 2}
    assert len(multi) >= 4, f"only {sorted(multi)} are covered by two or more outlets"
    for event, paths in multi.items():
        titles = [items[path][1].title for path in paths]
        assert len(set(titles)) == len(titles), event
        times = sorted(_entry_time(items[path][1]) for path in paths)
        gaps = [later - earlier for earlier, later in itertools.pairwise(times)]
        assert max(gaps) <= timedelta(days=3), f"{event}: articles too far apart"


def test_generic_headline_and_unrelated_articles_stand_alone():
    items = _items_by_page()
    singles = [paths[0] for paths in _events().values() if len(paths) == 1]
    assert len(singles) >= 4
    assert any(items[path][1].title.lower().startswith("morning briefing") for path in singles)


def _article_text(relative: str) -> list[str]:
    return _paragraphs((SEEDS / relative).read_text(encoding="utf-8"))


def _paragraph_index(paragraphs: list[str], needle: str) -> int:
    hits = [i for i, paragraph in enumerate(paragraphs) if needle in paragraph]
    assert hits, f"{needle!r} is not in the article"
    return hits[0]


def test_quote_expectations_match_the_pages_verbatim():
    gold = json.loads((SEEDS / "quotes.json").read_text(encoding="utf-8"))["articles"]
    assert len(gold) >= 3
    kinds: set[str] = set()
    for relative, expected in gold.items():
        paragraphs = _article_text(relative)
        text = "\n".join(paragraphs)
        names = {actor["name"] for actor in expected["actors"]}
        for actor in expected["actors"]:
            assert actor["name"] in text or any(a in text for a in actor["aliases"]), actor
        for quote in expected["quotes"]:
            kinds.add(quote["kind"])
            assert quote["speaker"] is None or quote["speaker"] in names, quote
            first = _paragraph_index(paragraphs, quote["starts"])
            last = _paragraph_index(paragraphs[first:], quote["ends"]) + first
            if last == first:
                paragraph = paragraphs[first]
                assert paragraph.index(quote["starts"]) <= paragraph.rindex(quote["ends"]), quote
            else:  # a multi-paragraph quote: the next paragraph opens with a quote mark
                assert paragraphs[first + 1][0] in "“\"", quote
    assert {"direct", "partial", "indirect", "scare"} <= kinds


def test_text_has_the_quote_traps_the_extractor_must_handle():
    corpus = "\n".join("\n".join(_article_text(path)) for paths in _events().values()
                       for path in paths)
    assert "“" in corpus and "”" in corpus and '"' in corpus
    assert re.search(r"\w’\w", corpus), "curly apostrophes inside words (don’t, ministry’s)"
    assert re.search(r"[”\"] (?:she|he) (?:said|told)", corpus), "a pronoun speaker"
    assert "The Kremlin said" in corpus
    assert re.search(r"\([A-Z]{2,5}\)", corpus), "an acronym definition"
    assert re.search(r"\b(?:said|told \w+) that\b", corpus) and "According to" in corpus


def _corpus_files() -> list[Path]:
    """The corpus, without a cache/ that an older Byline wrote here when running the demo (a
    runtime file that git ignores)."""
    return [path for path in SEEDS.rglob("*")
            if path.is_file() and "cache" not in path.relative_to(SEEDS).parts[:1]]


def test_corpus_stays_small():
    total = sum(path.stat().st_size for path in _corpus_files())
    assert total < 1_000_000


def test_running_the_demo_writes_nothing_into_seeds(tmp_path: Path, capsys) -> None:
    """`byline --config seeds/feeds.toml` keeps its cache in the user cache directory (one per
    checkout), not in cache/ beside the demo's config: seeds/ is tracked, and tests copy it."""
    from platformdirs import user_cache_dir

    from tui.cli.main import main
    from tui.config import load_config

    before = sorted(SEEDS.rglob("*"))
    cache = load_config(CONFIG).cache_dir
    assert not cache.resolve().is_relative_to(SEEDS)
    assert cache.parent == Path(user_cache_dir("byline"))  # the autouse fixture's, in tmp
    assert main(["--config", str(CONFIG), "feeds", "--json"]) == 0  # opens (makes) the cache
    assert len(json.loads(capsys.readouterr().out)) == 4
    assert (cache / "byline.db").is_file()
    assert sorted(SEEDS.rglob("*")) == before
    # A copy of the demo is an ordinary config: its cache is cache/ beside it, and the
    # command line still decides over both.
    copy = tmp_path / "seeds" / "feeds.toml"
    copy.parent.mkdir()
    copy.write_bytes(CONFIG.read_bytes())
    assert load_config(copy).cache_dir == copy.parent.resolve() / "cache"
    assert load_config(CONFIG, str(tmp_path / "mine")).cache_dir == tmp_path / "mine"
