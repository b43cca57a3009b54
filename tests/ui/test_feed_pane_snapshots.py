"""Snapshots of the feed pane with watchlists and followed people (fixed data, so the picture
never depends on the clock). Update after a deliberate change with
`.venv/bin/pytest tests/ui/test_feed_pane_snapshots.py --snapshot-update`, then look at the SVG."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from textual.app import App, ComposeResult

from tui.core.models import FeedInfo, PersonInfo
from tui.core.query import SavedQuery, parse
from tui.widgets.feed_list import FeedList

APP_CSS = Path(__file__).resolve().parents[2] / "tui" / "app.tcss"
WHEN = datetime(2026, 11, 27, 6, tzinfo=UTC)


def feed(id_: int, name: str, tags: tuple[str, ...], unread: int, error: str | None = None
         ) -> FeedInfo:
    return FeedInfo(id_, name, f"https://{id_}.example/rss", tags, name, WHEN, WHEN, "ok", error,
                    None, unread + 2, unread)


FEEDS = [feed(1, "Caucasus Ledger", ("caucasus", "demo"), 7),
         feed(2, "Meridian Wire", ("world", "demo"), 6),
         feed(3, "Eurasia Business Daily", ("business", "demo"), 6),
         feed(4, "Circuit Policy", ("technology", "demo"), 0, error="HTTP 503")]
WATCHES = [(SavedQuery("CSTO", '"CSTO" AND tag:caucasus', parse('"CSTO" AND tag:caucasus')), 1),
           (SavedQuery("Kovra Pay, this week", "kovra* after:7d", parse("kovra* after:7d")), 0)]
PEOPLE = [PersonInfo("Anna Karapetyan", WHEN, WHEN, 11, 2),
          PersonInfo("Elchin Mammadli", WHEN, WHEN, 4, 0)]


class FeedPaneApp(App[None]):
    """The feed pane alone, styled as in the app."""

    CSS_PATH = str(APP_CSS)

    def compose(self) -> ComposeResult:
        yield FeedList(id="feeds")

    def on_mount(self) -> None:
        pane = self.query_one(FeedList)
        pane.border_title = "Feeds"
        pane.styles.width = 34
        pane.set_feeds(FEEDS, 19, 1, WATCHES, PEOPLE)
        pane.focus()


def test_feed_pane_with_a_watchlist_highlighted(snap_compare) -> None:  # type: ignore[no-untyped-def]
    def highlight(pilot) -> None:  # type: ignore[no-untyped-def]
        pilot.app.query_one(FeedList).select_key("watch:csto")

    assert snap_compare(FeedPaneApp(), terminal_size=(40, 24), run_before=highlight)


def test_feed_pane_with_a_person_highlighted(snap_compare) -> None:  # type: ignore[no-untyped-def]
    def highlight(pilot) -> None:  # type: ignore[no-untyped-def]
        pilot.app.query_one(FeedList).select_key("person:Anna Karapetyan")

    assert snap_compare(FeedPaneApp(), terminal_size=(40, 24), run_before=highlight)
