"""News for followers: what a refresh brought to followed stories, people and watchlists, said in
a line or two, and the user's notify_command run with it (never through a shell)."""

from __future__ import annotations

import subprocess
from collections.abc import Sequence
from dataclasses import dataclass

from tui.core.models import NewsItem
from tui.core.query import SavedQuery
from tui.core.settings import command_words
from tui.core.store import Store

NOTIFY_TIMEOUT_SECONDS = 30
_KIND_ORDER = {"story": 0, "person": 1, "watch": 2}


@dataclass(frozen=True)
class NewsMark:
    """Where the cache stood before a refresh: articles above `article_id` are new."""

    article_id: int


def mark_news(store: Store) -> NewsMark:
    return NewsMark(store.article_mark())


def collect_news(store: Store, mark: NewsMark, watches: Sequence[SavedQuery]) -> list[NewsItem]:
    """Followed stories, then people, then watchlists that gained visible articles since `mark`."""
    items = [*store.news_in_followed_stories(mark.article_id),
             *store.news_of_people(mark.article_id),
             *store.news_in_watchlists(watches, mark.article_id)]
    return sorted(items, key=lambda item: _KIND_ORDER.get(item.kind, 3))


def describe_item(item: NewsItem) -> str:
    """One line: 'story "Headline": 2 new articles'."""
    if item.kind == "person":
        noun = "new quote" if item.count == 1 else "new quotes"
        return f"{item.name}: {item.count} {noun}"
    noun = "new article" if item.count == 1 else "new articles"
    label = "story" if item.kind == "story" else "watchlist"
    return f"{label} “{item.name}”: {item.count} {noun}"


def news_message(items: Sequence[NewsItem]) -> tuple[str, str]:
    """(summary, body): 'Byline: news in 2 followed items' and one line per item."""
    if not items:
        return "", ""
    summary = (f"Byline: {describe_item(items[0])}" if len(items) == 1
               else f"Byline: news in {len(items)} followed stories, people and watchlists")
    return summary, "\n".join(describe_item(item) for item in items)


def notify_argv(command: str, items: Sequence[NewsItem]) -> list[str]:
    """The notify_command's words, then the summary and the body as two more arguments."""
    summary, body = news_message(items)
    return [*command_words(command), summary, body]


def run_notify_command(command: str, items: Sequence[NewsItem]) -> str | None:
    """Run notify_command (no shell, no input, bounded in time); None, or what went wrong."""
    if not command.strip() or not items:
        return None
    argv = notify_argv(command, items)
    try:
        finished = subprocess.run(argv, stdin=subprocess.DEVNULL, capture_output=True,
                                  timeout=NOTIFY_TIMEOUT_SECONDS, check=False)
    except (OSError, subprocess.SubprocessError, ValueError) as exc:
        return f"notify_command {argv[0]!r} failed: {exc}"
    if finished.returncode != 0:
        detail = finished.stderr.decode("utf-8", "replace").strip().splitlines()
        return (f"notify_command {argv[0]!r} exited with {finished.returncode}"
                + (f": {detail[-1][:200]}" if detail else ""))
    return None
