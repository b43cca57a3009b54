"""The main screen's feed actions: add (after checking the URL), edit and remove feeds,
written back to feeds.toml, or, with a [sync] server, subscribed and unsubscribed there. The
main screen delegates `a`, `E`, `D` to it; every change goes through ReadingState."""

from __future__ import annotations

import sqlite3
from typing import TYPE_CHECKING

from tui.core.feeds.subscriptions import Subscription
from tui.core.text import counted
from tui.screens.confirm_dialog import ConfirmScreen
from tui.screens.feed_dialog import FeedEditor, FeedForm
from tui.screens.main.config_change import edit_config

if TYPE_CHECKING:
    from textual.app import App

    from tui.config import Config
    from tui.core.feeds.feeds_file import FeedsFile
    from tui.core.models import FeedInfo
    from tui.state import ReadingState
    from tui.widgets.feed_list import FeedChoice


class FeedActions:
    """Subscribe, edit and unsubscribe; every change is validated as a whole config first."""

    def __init__(self, state: ReadingState) -> None:
        self.state = state

    @property
    def app(self) -> App[None]:
        return self.state.app

    @property
    def config(self) -> Config:
        return self.state.config

    def add(self) -> None:
        """The add dialog; with a [sync] server it adds there unless its tick is taken off."""
        account = self.config.sync
        server = None
        if account is not None:
            from tui.core.sync.subscriptions import server_label

            server = server_label(account)
        editor = FeedEditor(settings=self.config.settings, base=self._config_dir(),
                            save=self._write, server=server)
        self.app.push_screen(editor)

    def edit(self, choice: FeedChoice | None) -> None:
        feed = choice.feed if choice is not None else None
        if feed is None:
            self.app.notify("Select a feed in the feed list first.", severity="warning")
            return
        if feed.synced and not self._in_feeds_toml(feed.url):
            self.app.notify(f"{feed.name} is kept on the sync server: rename or retag it "
                               "there (the next sync brings the change).", markup=False,
                               severity="warning", timeout=6)
            return
        editor = FeedEditor(feed.name, feed.url, feed.tags, original=feed.url,
                            settings=self.config.settings, base=self._config_dir(),
                            save=self._write)
        self.app.push_screen(editor)

    def remove(self, choice: FeedChoice | None) -> None:
        feed = choice.feed if choice is not None else None
        if feed is None:
            self.app.notify("Select a feed in the feed list first.", severity="warning")
            return

        if feed.synced:
            self._remove_from_server(feed)
            return

        def confirmed(answer: bool | None) -> None:
            if answer:
                edit_config(self.state, lambda feeds: f"Removed {feeds.remove(feed.url).name}")

        count = feed.article_count
        self.app.push_screen(ConfirmScreen(
            f"Unsubscribe from {feed.name}? Its {counted(count, 'article')} "
            f"{'stays' if count == 1 else 'stay'} in the cache: in All articles, search and "
            "stories (byline prune removes old ones)."), confirmed)

    def _config_dir(self) -> str | None:
        path = self.config.path
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

        saved = edit_config(self.state, change, refused=refusals.append)
        if saved is not None and form.original != form.url:  # a new or re-pointed feed
            self.state.request_refresh([f.url for f in saved.feeds if f.name in names])
        return refusals[0] if refusals else ""

    # -- the [sync] server ------------------------------------------------------------------
    def _in_feeds_toml(self, url: str) -> bool:
        from tui.core.feeds.subscriptions import feed_url_key

        key = feed_url_key(url)
        return any(feed_url_key(f.url) == key for f in self.config.feeds)

    def _add_to_server(self, form: FeedForm) -> str:
        """Subscribe on the server in the background (the dialog closes); a feed the server
        already gives is refused in the dialog. The next sync, started at once, brings its
        articles."""
        from tui.core.feeds.subscriptions import feed_url_key, shown

        if not form.url.lower().startswith(("http://", "https://")):
            return ("the sync server fetches feeds itself and needs an http(s) URL (untick "
                    "the sync server to add it to feeds.toml)")
        key = feed_url_key(form.url)
        known = next((f for f in self.state.store.feeds() if f.synced
                      and feed_url_key(f.url) == key), None)
        if known is not None:
            return f"{shown(form.url)} is already subscribed on the sync server as {known.name!r}"
        self.app.notify(f"Subscribing to {form.name or shown(form.url)} on the sync server…",
                           markup=False, timeout=3)
        self.app.run_worker(self._server_add(form), group="server-feeds", exit_on_error=False)
        return ""

    async def _server_add(self, form: FeedForm) -> None:
        from tui.core.sync.model import SyncError
        from tui.core.sync.subscriptions import server_label, subscribe

        config = self.config
        assert config.sync is not None
        try:
            feed = await subscribe(self.state.store, config.sync, config.settings,
                                   form.url, title=form.name or None, tags=form.tags,
                                   keep_urls=[f.url for f in config.feeds])
        except (SyncError, sqlite3.Error) as exc:
            self.app.notify(f"Not added: {exc}", severity="error", markup=False, timeout=10)
            return
        self.state.library_changed()
        name = feed.title if feed is not None else form.name or form.url
        self.app.notify(f"Added {name} on {server_label(config.sync)}", markup=False, timeout=4)
        self.state.request_sync()

    def _remove_from_server(self, feed: FeedInfo) -> None:
        """Unsubscribe on the server (and from feeds.toml too when it has the feed)."""
        from tui.core.sync.subscriptions import server_label

        config = self.config
        if config.sync is None:  # [sync] gone from feeds.toml: the feed is no one's now
            self.app.notify(f"{feed.name} came from a sync server no longer in feeds.toml.",
                               severity="warning", markup=False)
            return
        also = " and from feeds.toml" if self._in_feeds_toml(feed.url) else ""
        count = feed.article_count

        def confirmed(answer: bool | None) -> None:
            if answer:
                self.app.run_worker(self._server_remove(feed), group="server-feeds",
                                       exit_on_error=False)

        self.app.push_screen(ConfirmScreen(
            f"Unsubscribe from {feed.name} on {server_label(config.sync)}{also}? Its "
            f"{counted(count, 'article')} {'stays' if count == 1 else 'stay'} in this cache; "
            "the server drops its copy."), confirmed)

    async def _server_remove(self, feed: FeedInfo) -> None:
        from tui.core.sync.model import SyncError
        from tui.core.sync.subscriptions import server_label, unsubscribe

        config = self.config
        assert config.sync is not None
        local = self._in_feeds_toml(feed.url)
        try:
            await unsubscribe(self.state.store, config.sync, config.settings, feed.id,
                              keep_urls=[f.url for f in config.feeds if f.url != feed.url])
        except (SyncError, sqlite3.Error) as exc:
            self.app.notify(f"Not removed: {exc}", severity="error", markup=False, timeout=10)
            return
        if local:
            edit_config(self.state, lambda feeds: f"Removed {feeds.remove(feed.url).name} "
                                                   "from feeds.toml")
        self.state.library_changed()
        self.app.notify(f"Unsubscribed from {feed.name} on {server_label(config.sync)}",
                           markup=False, timeout=4)
