"""Read newsboat's `urls` file: feeds with their tags, and what was skipped (queries, commands)."""

from __future__ import annotations

from tui.core.feeds.subscriptions import (
    ImportResult,
    Subscription,
    SubscriptionError,
    check_importable,
    feed_url_key,
    shown,
)

_NEWSBOAT_SPECIAL = ("query:", "exec:", "filter:")



def _newsboat_tokens(line: str) -> list[str]:
    """Split a urls line newsboat's way: blanks separate, quotes group, # outside quotes ends."""
    tokens: list[str] = []
    index, size = 0, len(line)
    while index < size:
        while index < size and line[index] in " \t":
            index += 1
        if index >= size or line[index] == "#":
            break
        if line[index] == '"':
            token, index = _quoted_token(line, index + 1)
        else:
            start = index
            while index < size and line[index] not in " \t":
                index += 1
            token = line[start:index]
        tokens.append(token)
    return tokens


_ESCAPES = {"n": "\n", "t": "\t", "r": "\r", '"': '"', "\\": "\\"}


def _quoted_token(line: str, index: int) -> tuple[str, int]:
    chars: list[str] = []
    while index < len(line) and line[index] != '"':
        if line[index] == "\\" and index + 1 < len(line):
            index += 1
            chars.append(_ESCAPES.get(line[index], line[index]))
        else:
            chars.append(line[index])
        index += 1
    return "".join(chars), index + 1


def read_newsboat_urls(text: str, *, allow_local: bool = False) -> ImportResult:
    """Feeds of a newsboat `urls` file, with what was skipped (queries, commands, bad URLs)."""
    result = ImportResult()
    seen: set[str] = set()
    for number, raw in enumerate(text.splitlines(), start=1):
        tokens = _newsboat_tokens(raw.strip())
        if not tokens:
            continue
        url, *rest = tokens
        if url.startswith(_NEWSBOAT_SPECIAL):
            kind = url.split(":", 1)[0]
            result.skipped.append(f"line {number}: {kind} feed {shown(url)} skipped "
                                  "(newsboat-only feature)")
            continue
        try:
            entry = _newsboat_entry(check_importable(url, allow_local), rest)
        except SubscriptionError as exc:
            result.skipped.append(f"line {number}: {exc}")
            continue
        key = feed_url_key(entry.url)
        if key in seen:
            result.skipped.append(f"line {number}: duplicate of an earlier line {shown(url)}")
            continue
        seen.add(key)
        result.entries.append(entry)
    return result


def _newsboat_entry(url: str, tags: list[str]) -> Subscription:
    titles = [tag[1:] for tag in tags if tag.startswith("~")]
    # "!" hides a feed in newsboat; Byline has no hidden feeds, so the marker is dropped.
    plain = [tag for tag in tags if not tag.startswith("~") and tag != "!"]
    return Subscription.create(url, titles[-1] if titles else None, plain)


def parse_newsboat_urls(text: str, *, allow_local: bool = False) -> list[Subscription]:
    """The feeds of a newsboat `urls` file (see read_newsboat_urls for what gets skipped)."""
    return read_newsboat_urls(text, allow_local=allow_local).entries
