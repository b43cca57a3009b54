"""Every feed file of the shared test suites goes through parse_feed without an exception."""

from __future__ import annotations

import json

from conftest import shared_path

from tui.core.feeds.parse import parse_feed
from tui.core.text import strip_controls


def test_every_shared_feed_parses_without_exception() -> None:
    root = shared_path("data", "feeds")
    files = [p for p in sorted(root.rglob("*")) if p.is_file()]
    assert len(files) > 4000
    parsed = errors = 0
    for path in files:
        result = parse_feed(path.read_bytes(), path.as_uri())
        parsed += 1
        errors += result.error is not None
        for entry in result.entries:
            assert entry.guid and entry.title
            assert strip_controls(entry.title) == entry.title
            assert entry.published is None or entry.published.tzinfo is not None
    assert parsed == len(files)
    assert errors < len(files) * 0.2, "most of the corpus is feeds, not errors"


def test_real_outlet_feeds_match_expected_item_counts() -> None:
    root = shared_path("data", "feeds", "rss-parser-tests")
    checked = 0
    for expected_file in sorted((root / "output").glob("*.json")):
        inputs = list((root / "input").glob(expected_file.stem + ".*"))
        if not inputs:
            continue
        expected = json.loads(expected_file.read_bytes().decode("utf-8", errors="replace"))
        items = expected.get("feed", {}).get("items")
        if not isinstance(items, list):
            continue
        result = parse_feed(inputs[0].read_bytes(), inputs[0].as_uri())
        if result.error:
            continue
        titled = [i for i in items if i.get("title") or i.get("link") or i.get("guid")]
        assert len(result.entries) >= len(titled) - 1, expected_file.name
        checked += 1
    assert checked >= 15


def test_fast_path_agrees_with_feedparser_on_the_corpus() -> None:
    from tui.core.feeds.fastparse import parse_fast
    from tui.core.feeds.parse import parse_with_feedparser

    root = shared_path("data", "feeds")
    compared = 0
    for path in sorted(root.rglob("*")):
        if not path.is_file():
            continue
        body = path.read_bytes()
        fast = parse_fast(body, path.as_uri(), "application/xml")
        if fast is None:
            continue
        slow = parse_with_feedparser(body, path.as_uri(), {"content-type": "application/xml"})
        assert fast.entries == slow.entries, path
        compared += 1
    assert compared > 400
