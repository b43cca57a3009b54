"""Feed editing from the main screen: add (after checking the URL), edit and remove feeds,
written back to feeds.toml, or, with a [sync] server, subscribed and unsubscribed there. A
component: the main screen owns it and delegates `a`, `E`, `D`."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from typing import TYPE_CHECKING

from tui.core.feeds.subscriptions import Subscription
from tui.core.text import counted
from tui.screens.feed_editor import ConfirmScreen, FeedEditor, FeedForm

if TYPE_CHECKING:
    from tui.config import Config
    from tui.core.feeds.feeds_file import FeedsFile
    from tui.core.models import FeedInfo
    from tui.screens.component_host import ComponentHost
    from tui.widgets.feed_list import FeedChoice


class FeedEditing:
    """Subscribe, edit and unsubscribe; every change is validated as a whole config first."""

    def __init__(self, screen: ComponentHost) -> None:
        self.screen = screen

    def add(self) -> None:
        """The add dialog; with a [sync] server it adds there unless its tick is taken off."""
        account = self.screen.config.sync
        server = None
        if account is not None:
            from tui.core.sync.subscriptions import server_label

            server = server_label(account)
        editor = FeedEditor(settings=self.screen.config.settings, base=self._config_dir(),
                            save=self._write, server=server)
        self.screen.app.push_screen(editor)

    def edit(self, choice: FeedChoice | None) -> None:
        feed = choice.feed if choice is not None else None
        if feed is None:
            self.screen.notify("Select a feed in the feed list first.", severity="warning")
            return
        if feed.synced and not self._in_feeds_toml(feed.url):
            self.screen.notify(f"{feed.name} is kept on the sync server: rename or retag it "
                               "there (the next sync brings the change).", markup=False,
                               severity="warning", timeout=6)
            return
        editor = FeedEditor(feed.name, feed.url, feed.tags, original=feed.url,
                            settings=self.screen.config.settings, base=self._config_dir(),
                            save=self._write)
        self.screen.app.push_screen(editor)

    def remove(self, choice: FeedChoice | None) -> None:
        feed = choice.feed if choice is not None else None
        if feed is None:
            self.screen.notify("Select a feed in the feed list first.", severity="warning")
            return

        if feed.synced:
            self._remove_from_server(feed)
            return

        def confirmed(answer: bool | None) -> None:
            if answer:
                edit_config(self.screen, lambda feeds: f"Removed {feeds.remove(feed.url).name}")

        count = feed.article_count
        self.screen.app.push_screen(ConfirmScreen(
            f"Unsubscribe from {feed.name}? Its {counted(count, 'article')} "
            f"{'stays' if count == 1 else 'stay'} in the cache: in All articles, search and "
            "stories (byline prune removes old ones)."), confirmed)

    def _config_dir(self) -> str | None:
        path = self.screen.config.path
        return str(path.resolve().parent) if path else None

    def _write(self, form: FeedForm) -> str:
        """Write the editor's form to feeds.toml; why it was refused ("" when written)."""
        if form.server:
            return self._add_to_server(form)
        names: list[str] = []
        refusals: list[str] = []

        def change(feeds: FeedsFile) -> str:
            entry = Subscription.create(form.url, form.name or None, form.tags)
            names.append(entry.name)
            if form.original is None:
                feeds.add(entry)
                return f"Added {entry.name}"
            return f"Saved {feeds.update(form.original, entry).name}"  # in place, comments kept

        saved = edit_config(self.screen, change, refused=refusals.append)
        if saved is not None and form.original != form.url:  # a new or re-pointed feed
            self.screen.state.request_refresh([f.url for f in saved.feeds if f.name in names])
        return refusals[0] if refusals else ""


    # -- the [sync] server ------------------------------------------------------------------
    def _in_feeds_toml(self, url: str) -> bool:
        from tui.core.feeds.subscriptions import feed_url_key

        key = feed_url_key(url)
        return any(feed_url_key(f.url) == key for f in self.screen.config.feeds)

    def _add_to_server(self, form: FeedForm) -> str:
        """Subscribe on the server in the background (the dialog closes); a feed the server
        already gives is refused in the dialog. The next sync, started at once, brings its
        articles."""
        from tui.core.feeds.subscriptions import feed_url_key, shown

        if not form.url.lower().startswith(("http://", "https://")):
            return ("the sync server fetches feeds itself and needs an http(s) URL (untick "
                    "the sync server to add it to feeds.toml)")
        key = feed_url_key(form.url)
        known = next((f for f in self.screen.state.store.feeds() if f.synced
                      and feed_url_key(f.url) == key), None)
        if known is not None:
            return f"{shown(form.url)} is already subscribed on the sync server as {known.name!r}"
        self.screen.notify(f"Subscribing to {form.name or shown(form.url)} on the sync server…",
                           markup=False, timeout=3)
        self.screen.run_worker(self._server_add(form), group="server-feeds", exit_on_error=False)
        return ""

    async def _server_add(self, form: FeedForm) -> None:
        from tui.core.sync.model import SyncError
        from tui.core.sync.subscriptions import server_label, subscribe

        config = self.screen.config
        assert config.sync is not None
        try:
            feed = await subscribe(self.screen.state.store, config.sync, config.settings,
                                   form.url, title=form.name or None, tags=form.tags,
                                   keep_urls=[f.url for f in config.feeds])
        except (SyncError, sqlite3.Error) as exc:
            self.screen.notify(f"Not added: {exc}", severity="error", markup=False, timeout=10)
            return
        self.screen.state.library_changed()
        name = feed.title if feed is not None else form.name or form.url
        self.screen.notify(f"Added {name} on {server_label(config.sync)}", markup=False, timeout=4)
        self.screen.state.request_sync()

    def _remove_from_server(self, feed: FeedInfo) -> None:
        """Unsubscribe on the server (and from feeds.toml too when it has the feed)."""
        from tui.core.sync.subscriptions import server_label

        config = self.screen.config
        if config.sync is None:  # [sync] gone from feeds.toml: the feed is no one's now
            self.screen.notify(f"{feed.name} came from a sync server no longer in feeds.toml.",
                               severity="warning", markup=False)
            return
        also = " and from feeds.toml" if self._in_feeds_toml(feed.url) else ""
        count = feed.article_count

        def confirmed(answer: bool | None) -> None:
            if answer:
                self.screen.run_worker(self._server_remove(feed), group="server-feeds",
                                       exit_on_error=False)

        self.screen.app.push_screen(ConfirmScreen(
            f"Unsubscribe from {feed.name} on {server_label(config.sync)}{also}? Its "
            f"{counted(count, 'article')} {'stays' if count == 1 else 'stay'} in this cache; "
            "the server drops its copy."), confirmed)

    async def _server_remove(self, feed: FeedInfo) -> None:
        from tui.core.sync.model import SyncError
        from tui.core.sync.subscriptions import server_label, unsubscribe

        config = self.screen.config
        assert config.sync is not None
        local = self._in_feeds_toml(feed.url)
        try:
            await unsubscribe(self.screen.state.store, config.sync, config.settings, feed.id,
                              keep_urls=[f.url for f in config.feeds if f.url != feed.url])
        except (SyncError, sqlite3.Error) as exc:
            self.screen.notify(f"Not removed: {exc}", severity="error", markup=False, timeout=10)
            return
        if local:
            edit_config(self.screen, lambda feeds: f"Removed {feeds.remove(feed.url).name} "
                                                   "from feeds.toml")
        self.screen.state.library_changed()
        self.screen.notify(f"Unsubscribed from {feed.name} on {server_label(config.sync)}",
                           markup=False, timeout=4)


def edit_config(screen: ComponentHost, change: Callable[[FeedsFile], str], *,
                refused: Callable[[str], None] | None = None) -> Config | None:
    """Apply a change to feeds.toml (validated as a whole config first) and tell every view;
    a refusal is one line on screen (or given to `refused`, for a dialog to show) and nothing
    is written. Returns the new config."""
    from tui.config_edit import EditError, edit_feeds

    try:
        message, config = edit_feeds(screen.config, change)
    except EditError as exc:
        if refused is not None:
            refused(str(exc))
        else:
            screen.notify(str(exc), severity="error", markup=False, timeout=8)
        return None
    screen.state.config_changed(config)
    screen.notify(message, markup=False, timeout=3)
    return config
