"""Subscription commands: `opml import/export`, `import-newsboat`, `feeds add/remove/rename/tag`."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from tui.config import Config
from tui.core.text import counted

if TYPE_CHECKING:
    from tui.core.feeds.discover import Probe


ADD_EXIT_STATUS = """\
exit status:
  0  saved
  1  not saved: not a feed (a web page's feeds are listed on stdout), no answer, a bad URL,
     already subscribed, or the sync server refused it (or could not be reached)
  2  a bad config file or bad arguments
"""


def register(commands: Any) -> None:
    opml = commands.add_parser("opml", help="import or export subscriptions as OPML",
                               description="Exchange subscriptions with other readers (OPML 2.0).")
    actions = opml.add_subparsers(dest="opml_action", metavar="ACTION", required=True)
    importer = actions.add_parser("import", help="add the feeds of an OPML file to feeds.toml",
                                  description="Add every feed of an OPML file; folders become tags.")
    importer.add_argument("file", metavar="FILE", help="OPML file to read")
    importer.add_argument("--allow-local", action="store_true",
                          help="also import file:// and local-path feeds")
    importer.set_defaults(handler=run_opml_import)
    exporter = actions.add_parser("export", help="write the subscriptions as OPML",
                                  description="Write the subscriptions as OPML 2.0 (tags become "
                                              "folders).")
    exporter.add_argument("file", nargs="?", metavar="FILE", help="output file (default: stdout)")
    exporter.set_defaults(handler=run_opml_export)

    newsboat = commands.add_parser("import-newsboat", help="import newsboat's urls file",
                                   description="Add the feeds of a newsboat `urls` file, with its "
                                               "tags and ~names.")
    newsboat.add_argument("file", metavar="URLS_FILE", help="newsboat urls file")
    newsboat.add_argument("--allow-local", action="store_true",
                          help="also import file:// and local-path feeds")
    newsboat.set_defaults(handler=run_newsboat_import)


def register_feed_actions(feeds_parser: argparse.ArgumentParser) -> None:
    """`byline feeds add|remove|rename|tag`, beside `byline feeds [--json]`."""
    actions = feeds_parser.add_subparsers(dest="feeds_action", metavar="ACTION")
    add = actions.add_parser(
        "add", help="subscribe to a feed", epilog=ADD_EXIT_STATUS,
        formatter_class=argparse.RawDescriptionHelpFormatter,
        description="Subscribe to a feed. The URL is fetched first, as `a` in the reader "
                    "does:\na feed is saved, a web page's feeds are listed (add one of them), "
                    "anything\nelse is refused and nothing is saved.")
    add.add_argument("url", metavar="URL",
                     help="feed URL (http(s), file:// or a path, relative to the config file)")
    add.add_argument("--name", help="display name (default: the feed's title, else the host name)")
    add.add_argument("--tag", action="append", default=[], help="a tag (repeatable)")
    add.add_argument("--no-check", action="store_true",
                     help="save the URL without fetching it first (a feed not up yet, offline)")
    where = add.add_mutually_exclusive_group()
    where.add_argument("--server", action="store_true",
                       help="subscribe on the [sync] server (the default when feeds.toml has "
                            "[sync]); its first tag is the server's folder")
    where.add_argument("--local", action="store_true",
                       help="add to feeds.toml even when feeds.toml has [sync]")
    add.set_defaults(handler=run_feed_add)
    remove = actions.add_parser("remove", help="unsubscribe (articles stay in the cache)",
                                description="Unsubscribe from a feed by name or URL: a feed "
                                            "from the [sync] server is unsubscribed there.")
    remove.add_argument("feed", metavar="NAME_OR_URL")
    remove.set_defaults(handler=run_feed_remove)
    rename = actions.add_parser("rename", help="rename a feed", description="Rename a feed.")
    rename.add_argument("feed", metavar="NAME_OR_URL")
    rename.add_argument("new_name", metavar="NEW_NAME")
    rename.set_defaults(handler=run_feed_rename)
    tag = actions.add_parser("tag", help="set a feed's tags",
                             description="Replace a feed's tags (none given clears them).")
    tag.add_argument("feed", metavar="NAME_OR_URL")
    tag.add_argument("tags", nargs="*", metavar="TAG")
    tag.set_defaults(handler=run_feed_tag)


def _edit(config: Config, change: Any) -> int:
    from tui.config_edit import EditError, config_path_for_edit, edit_feeds

    try:
        message, _ = edit_feeds(config, change)
    except EditError as exc:
        print(f"byline: {exc}", file=sys.stderr)
        return 1
    print(f"{message} ({config_path_for_edit(config)})")
    return 0


def _read(file: str) -> bytes:
    return Path(file).expanduser().read_bytes()


def run_opml_import(args: argparse.Namespace, config: Config) -> int:
    from tui.core.feeds.opml import OpmlError, read_opml

    try:
        result = read_opml(_read(args.file), allow_local=args.allow_local)
    except (OpmlError, OSError) as exc:
        print(f"byline: {args.file}: {exc}", file=sys.stderr)
        return 1
    return _merge(config, result, args.file)


def run_newsboat_import(args: argparse.Namespace, config: Config) -> int:
    from tui.core.feeds.newsboat import read_newsboat_urls
    from tui.core.feeds.subscriptions import SubscriptionError

    try:
        result = read_newsboat_urls(_read(args.file).decode("utf-8", errors="replace"),
                                    allow_local=args.allow_local)
    except (SubscriptionError, OSError) as exc:
        print(f"byline: {args.file}: {exc}", file=sys.stderr)
        return 1
    if not result.entries:
        print(f"byline: {args.file}: no feeds found", file=sys.stderr)
        return 1
    return _merge(config, result, args.file)


def _merge(config: Config, result: Any, source: str) -> int:
    for note in result.skipped:
        print(f"skipped: {note}", file=sys.stderr)

    def change(feeds: Any) -> str:
        added, duplicates = feeds.merge(result.entries)
        return (f"imported {counted(len(added), 'feed')} from {source}; "
                f"{len(duplicates)} already subscribed")

    return _edit(config, change)


def run_opml_export(args: argparse.Namespace, config: Config) -> int:
    from tui.core.feeds.opml import export_opml
    from tui.core.feeds.subscriptions import Subscription

    entries = [Subscription(f.name, f.url, f.tags) for f in config.feeds]
    text = export_opml(entries)
    if args.file:
        Path(args.file).expanduser().write_text(text, encoding="utf-8")
        print(f"wrote {counted(len(entries), 'feed')} to {args.file}")
    else:
        sys.stdout.write(text)
    return 0


def run_feed_add(args: argparse.Namespace, config: Config) -> int:
    from tui.cli.common import EXIT_USAGE
    from tui.core.feeds.subscriptions import Subscription

    if args.server and config.sync is None:
        print(f"byline: feeds add --server: no [sync] table in "
              f"{config.path or 'the config (none found)'}; see the README's Sync section",
              file=sys.stderr)
        return EXIT_USAGE
    on_server = config.sync is not None and not args.local
    refused = _refused_on_server(args, config) if on_server else _refused_unfetched(args, config)
    if refused:
        print(f"byline: {refused}", file=sys.stderr)
        return 1
    name = args.name
    if not args.no_check:
        probe = _probe(args.url, config)
        if probe.error is not None:
            print(f"byline: {args.url}: not saved: {probe.error}", file=sys.stderr)
            return 1
        if probe.links:
            print(f"byline: {args.url}: not saved: a web page, not a feed; it links to "
                  f"{counted(len(probe.links), 'feed')} (listed on stdout): add one of those",
                  file=sys.stderr)
            for link in probe.links:
                print(f"{link.url}  {link.title}")
            return 1
        name = name or probe.title
    if on_server:
        return _add_on_server(args, config, name)

    def change(feeds: Any) -> str:
        entry = Subscription.create(args.url, name, args.tag)
        feeds.add(entry)
        return f"added {entry.name}: {entry.url}"

    return _edit(config, change)


def _refused_unfetched(args: argparse.Namespace, config: Config) -> str | None:
    """Why the URL cannot be added whatever it holds (a bad URL, a feed already subscribed, a
    name taken): said before anything is fetched. Saving checks all this again."""
    from tui.config_edit import config_path_for_edit
    from tui.core.feeds.subscriptions import Subscription, SubscriptionError, feed_url_key, shown

    try:
        entry = Subscription.create(args.url, args.name, args.tag)
    except SubscriptionError as exc:
        return str(exc)
    base = config_path_for_edit(config).resolve().parent
    key = feed_url_key(entry.url, base)
    for feed in config.feeds:
        if feed_url_key(feed.url, base) == key:
            return f"{shown(entry.url)} is already subscribed as {feed.name!r}"
        if args.name and feed.name.casefold() == entry.name.casefold():
            return f"a feed named {feed.name!r} already exists ({shown(feed.url)})"
    return None


def _refused_on_server(args: argparse.Namespace, config: Config) -> str | None:
    """Why the URL cannot go to the sync server whatever it holds: not an http(s) URL (the
    server fetches it itself), or a feed the server already gives."""
    from tui.cli.common import open_cache
    from tui.core.feeds.subscriptions import Subscription, SubscriptionError, feed_url_key, shown

    try:
        entry = Subscription.create(args.url, args.name, args.tag)
    except SubscriptionError as exc:
        return str(exc)
    if not entry.url.lower().startswith(("http://", "https://")):
        return (f"{shown(entry.url)}: the sync server fetches feeds itself and needs an http(s) "
                "URL (--local adds it to feeds.toml)")
    store, _ = open_cache(config)
    try:
        key = feed_url_key(entry.url)
        known = next((f for f in store.feeds() if f.synced and feed_url_key(f.url) == key), None)
    finally:
        store.close()
    if known is not None:
        return f"{shown(entry.url)} is already subscribed on the sync server as {known.name!r}"
    return None


def _add_on_server(args: argparse.Namespace, config: Config, name: str | None) -> int:
    from tui.cli.common import EXIT_FAILURE, EXIT_OK, open_cache
    from tui.core.sync.model import SyncError
    from tui.core.sync.subscriptions import run_subscribe, server_label

    assert config.sync is not None
    store, _ = open_cache(config)
    try:
        feed = run_subscribe(store, config.sync, config.settings, args.url, title=name,
                             tags=args.tag, keep_urls=[f.url for f in config.feeds])
    except SyncError as exc:
        print(f"byline: {args.url}: not added: {exc}", file=sys.stderr)
        return EXIT_FAILURE
    finally:
        store.close()
    shown_name = feed.title if feed is not None else name or args.url
    print(f"added {shown_name} on {server_label(config.sync)}: {args.url} (byline sync brings "
          "its articles)")
    return EXIT_OK


def _probe(url: str, config: Config) -> Probe:
    """What `a` in the reader would find at the URL (tui/core/feeds/discover.py)."""
    import asyncio

    from tui.config_edit import config_path_for_edit
    from tui.core.feeds.discover import check_feed_url

    base = config_path_for_edit(config).resolve().parent
    return asyncio.run(check_feed_url(url, config.settings, base))


def run_feed_remove(args: argparse.Namespace, config: Config) -> int:
    synced = _synced_feed(args.feed, config)
    if synced is None:
        return _edit(config, lambda feeds: f"removed {feeds.remove(args.feed).name}")
    return _remove_on_server(args, config, synced)


def _synced_feed(name_or_url: str, config: Config) -> Any:
    """The feed from the sync server that NAME_OR_URL names (by URL, name, or name in any
    case), or None: then feeds.toml is looked in, as without [sync]."""
    if config.sync is None:
        return None
    from tui.cli.common import open_cache
    from tui.core.feeds.subscriptions import feed_url_key

    store, _ = open_cache(config)
    try:
        synced = [f for f in store.feeds() if f.synced]
    finally:
        store.close()
    wanted = name_or_url.strip()
    key = feed_url_key(wanted)
    for matches in (lambda f: f.url == wanted, lambda f: feed_url_key(f.url) == key,
                    lambda f: f.name == wanted, lambda f: f.name.casefold() == wanted.casefold()):
        hits = [f for f in synced if matches(f)]
        if len(hits) == 1:
            return hits[0]
    return None


def _remove_on_server(args: argparse.Namespace, config: Config, feed: Any) -> int:
    """Unsubscribe on the server; a feed feeds.toml also has leaves feeds.toml too."""
    from tui.cli.common import EXIT_FAILURE, open_cache
    from tui.core.feeds.subscriptions import feed_url_key
    from tui.core.sync.model import SyncError
    from tui.core.sync.subscriptions import run_unsubscribe, server_label

    assert config.sync is not None
    key = feed_url_key(feed.url)
    local = [f.url for f in config.feeds if feed_url_key(f.url) == key]
    store, _ = open_cache(config)
    try:
        run_unsubscribe(store, config.sync, config.settings, feed.id,
                        keep_urls=[f.url for f in config.feeds if f.url not in local])
    except SyncError as exc:
        print(f"byline: {args.feed}: not removed: {exc}", file=sys.stderr)
        return EXIT_FAILURE
    finally:
        store.close()
    print(f"removed {feed.name} on {server_label(config.sync)} (its articles stay in the cache)")
    if local:
        return _edit(config, lambda feeds: f"removed {feeds.remove(local[0]).name}")
    return 0


def run_feed_rename(args: argparse.Namespace, config: Config) -> int:
    def change(feeds: Any) -> str:
        feeds.rename(args.feed, args.new_name)
        return f"renamed {args.feed} to {args.new_name}"

    return _edit(config, change)


def run_feed_tag(args: argparse.Namespace, config: Config) -> int:
    def change(feeds: Any) -> str:
        feeds.set_tags(args.feed, args.tags)
        return f"tags of {args.feed}: {', '.join(args.tags) or '(none)'}"

    return _edit(config, change)
