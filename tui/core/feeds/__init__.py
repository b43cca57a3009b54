"""Feeds: everything between a feed's URL and its parsed entries.

- `fetch`: the one async HTTP client (limits, timeouts, conditional GET, size caps);
- `parse` and `fastparse`: RSS, Atom and RDF into `ParsedFeed` (a fast lxml path, feedparser
  for the rest);
- `subscriptions`: the `Subscription` record, its URL check and default name;
- `feeds_file`, `opml`, `newsboat`: subscriptions read from and written to files.
- `toml_edit`: feeds.toml edited through tomlkit's public API only (for `feeds_file` and
  `watch_tables`).

A new feed format goes in `parse` (or `fastparse` when lxml can read it safely).

No exports here: import each name from the module that owns it.
"""
