"""Feeds: everything between a feed's URL and its parsed entries.

- `fetch`: the one async HTTP client (limits, timeouts, conditional GET, size caps);
- `parse` and `fastparse`: RSS, Atom and RDF into `ParsedFeed` (a fast lxml path, feedparser
  for the rest);
- `subscriptions`: the `Subscription` record, its URL check and default name;
- `feeds_file`, `opml`, `newsboat`: subscriptions read from and written to files.
- `toml_edit`: feeds.toml edited through tomlkit's public API only (for `feeds_file` and
  `watch_tables`).

A new feed format goes in `parse` (or `fastparse` when lxml can read it safely).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from tui.core.lazy import lazy_exports

if TYPE_CHECKING:
    from tui.core.feeds.feeds_file import (
        FeedsFile as FeedsFile,
    )
    from tui.core.feeds.fetch import (
        Fetcher as Fetcher,
        FetchResponse as FetchResponse,
    )
    from tui.core.feeds.newsboat import (
        parse_newsboat_urls as parse_newsboat_urls,
        read_newsboat_urls as read_newsboat_urls,
    )
    from tui.core.feeds.opml import (
        OpmlError as OpmlError,
        export_opml as export_opml,
        parse_opml as parse_opml,
        read_opml as read_opml,
    )
    from tui.core.feeds.parse import (
        parse_feed as parse_feed,
    )
    from tui.core.feeds.subscriptions import (
        ImportResult as ImportResult,
        Subscription as Subscription,
        SubscriptionError as SubscriptionError,
        default_feed_name as default_feed_name,
        validate_feed_url as validate_feed_url,
    )

_EXPORTS = {
    "FeedsFile": "feeds_file", "Fetcher": "fetch", "FetchResponse": "fetch",
    "parse_newsboat_urls": "newsboat", "read_newsboat_urls": "newsboat",
    "OpmlError": "opml", "export_opml": "opml", "parse_opml": "opml", "read_opml": "opml",
    "parse_feed": "parse", "ImportResult": "subscriptions", "Subscription": "subscriptions",
    "SubscriptionError": "subscriptions", "default_feed_name": "subscriptions",
    "validate_feed_url": "subscriptions",
}
__all__ = sorted(_EXPORTS)
__getattr__ = lazy_exports(__name__, _EXPORTS)
