"""One source of truth and one channel: every change (the user's, a refresh's, a sync's) goes to
the cache first, then every open screen is told by a message, so no view keeps a stale copy."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from textual.app import App
from textual.message import Message
from textual.screen import Screen

from tui.config import Config
from tui.core.store import ArticleFilter, Store
from tui.core.text import counted
from tui.messages import (
    AnalysesStored,
    ArticlesChanged,
    ArticlesStored,
    LibraryChanged,
    PagesStored,
    RefreshCancelling,
    RefreshFinished,
    RefreshProgress,
    StoriesChanged,
)

if TYPE_CHECKING:
    from tui.core.models import Progress
    from tui.core.refresh import RefreshSummary
    from tui.core.sync.model import SyncSummary

UNDO_DEPTH = 20  # how many changes U can take back, latest first


@dataclass(frozen=True)
class Undo:
    """A change the user may take back (U): what it did, in words, and how to revert it."""

    done: str
    revert: Callable[[], object]


class ReadingState:
    """The cache, the current config, and every change: the user's made in the store (or
    feeds.toml) first, a refresh's and a sync's stored by their worker; each is then broadcast
    to every open screen. Marking read, starring and muting are kept, so U can take them back."""

    def __init__(self, app: App[None], store: Store, config: Config,
                 request_refresh: Callable[[Sequence[str]], None],
                 request_sync: Callable[[], None] | None = None) -> None:
        self.app = app
        self.store = store
        self.config = config
        self.request_refresh = request_refresh  # fetch these feed URLs now (the app's worker)
        # Sync with the [sync] server now (a feed just subscribed there brings its items).
        self.request_sync = request_sync or (lambda: None)
        store.set_mutes([mute.query for mute in config.mutes])
        self.undoable: list[Undo] = []  # latest last

    def config_changed(self, config: Config) -> None:
        """feeds.toml was edited: subscriptions, watchlists and mutes follow it, and every view
        re-reads."""
        self.config = config
        self.store.sync_feeds((f.url, f.name, f.tags) for f in config.feeds)
        self.store.set_mutes([mute.query for mute in config.mutes])
        self.library_changed()

    def toggle_muted(self) -> bool:
        """Show the articles mutes hide, or hide them again; returns whether they show."""
        self.store.show_muted = not self.store.show_muted
        self.library_changed()
        return self.store.show_muted

    def toggle_follow(self, name: str) -> bool:
        """Follow someone (a quote's speaker), or stop; returns whether they are followed."""
        followed = not self.store.is_followed(name)
        if followed:
            self.store.follow_person(name)
        else:
            self.store.unfollow_person(name)
        self.library_changed()
        return followed

    def person_seen(self, name: str) -> None:
        """Their quotes were looked at: none of them is new any more."""
        self.store.mark_person_seen(name)
        self.library_changed()

    def _broadcast(self, make: Callable[..., Message], **fields: object) -> None:
        # One message per screen: a message is consumed by the screen it is posted to. Not to
        # Textual's empty screen at the bottom of the stack: it has nothing to update, and any
        # message it handles makes it repaint the whole terminal over the screen on top.
        for screen in self.app.screen_stack:
            if type(screen) is not Screen:
                screen.post_message(make(**fields))

    def set_read(self, article_ids: Sequence[int], read: bool = True, *,
                 undoable: bool = False) -> int:
        """Mark articles read or unread; returns how many changed. `undoable` for the user's
        own m (not for an article marked read by opening it)."""
        changed = [f for f in self.store.article_flags(article_ids) if f.read != read]
        if not changed:
            return 0
        ids = [f.id for f in changed]
        self.store.set_read(ids, read)
        deltas = Counter(f.feed_id for f in changed)
        sign = -1 if read else 1
        self._broadcast(ArticlesChanged, article_ids=frozenset(ids), read=read,
                        unread_deltas={feed: sign * n for feed, n in deltas.items()})
        if undoable:
            self.remember(f"Marked {counted(len(ids), 'article')} {'read' if read else 'unread'}",
                          lambda: self.set_read(ids, not read))
        return len(changed)

    def set_starred(self, article_id: int, starred: bool, *, undoable: bool = True) -> None:
        flags = self.store.article_flags([article_id])
        if not flags or flags[0].starred == starred:
            return
        self.store.set_starred(article_id, starred)
        self._broadcast(ArticlesChanged, article_ids=frozenset({article_id}), starred=starred,
                        starred_delta=1 if starred else -1)
        if undoable:
            self.remember("Starred an article" if starred else "Unstarred an article",
                          lambda: self.set_starred(article_id, not starred, undoable=False))

    def mark_all_read(self, flt: ArticleFilter) -> int:
        """Mark every unread article of a list read (U marks the same ones unread again)."""
        ids = self.store.mark_all_read_ids(flt)
        if ids:
            self.library_changed()
            self.remember(f"Marked {counted(len(ids), 'article')} read",
                          lambda: self._mark_unread_again(ids))
        return len(ids)

    def _mark_unread_again(self, article_ids: list[int]) -> None:
        self.store.set_read(article_ids, False)
        self.library_changed()  # many at once: every view re-reads, unread-only lists included

    def remember(self, done: str, revert: Callable[[], object]) -> None:
        """Keep a change U may take back (the latest UNDO_DEPTH of them); `revert` goes through
        this state, so every screen hears the undo as it heard the change."""
        self.undoable.append(Undo(done, revert))
        del self.undoable[:-UNDO_DEPTH]

    def undo(self) -> str | None:
        """Take back the latest change kept; returns what it had done (None when none is)."""
        if not self.undoable:
            return None
        change = self.undoable.pop()
        change.revert()
        return change.done

    def mark_story_read(self, story_id: int) -> int:
        """Mark a story's articles read (U marks the same ones unread again)."""
        ids, read_count = self.store.mark_story_read_ids(story_id)
        if ids:
            self.library_changed()
            self.remember(f"Marked {counted(len(ids), 'article')} of a story read",
                          lambda: self._story_unread_again(story_id, ids, read_count))
        return len(ids)

    def _story_unread_again(self, story_id: int, article_ids: list[int], read_count: int) -> None:
        self.store.restore_story_read(story_id, article_ids, read_count)
        self.library_changed()

    def set_story_followed(self, story_id: int, followed: bool) -> None:
        """Follow a story (pinned, with a count of its new articles), or stop."""
        self.store.set_followed(story_id, followed)
        self._broadcast(StoriesChanged, story_ids=frozenset({story_id}), followed=followed)

    def story_seen(self, story_id: int) -> None:
        """A story's articles were looked at: none of them is new any more."""
        self.store.mark_story_seen(story_id)
        self._broadcast(StoriesChanged, story_ids=frozenset({story_id}))

    def library_changed(self) -> None:
        """Feeds, articles or stories changed wholesale: every view re-reads."""
        self._broadcast(LibraryChanged)

    # -- what a refresh (and the sync it starts with) changes --------------------------------
    def refresh_progress(self, progress: Progress) -> None:
        """A refresh started or moved on: the step worth showing."""
        self._broadcast(RefreshProgress, progress=progress)

    def refresh_cancelling(self) -> None:
        self._broadcast(RefreshCancelling)

    def articles_stored(self) -> None:
        """A feed's (or a sync's) new articles are in the cache."""
        self._broadcast(ArticlesStored)

    def pages_stored(self) -> None:
        """Full texts of some articles are in the cache."""
        self._broadcast(PagesStored)

    def analyses_stored(self, article_ids: frozenset[int]) -> None:
        """Actors and quotes of these articles are in the cache."""
        self._broadcast(AnalysesStored, article_ids=article_ids)

    def refresh_finished(self, summary: RefreshSummary | None, error: str | None = None,
                         sync: SyncSummary | None = None) -> None:
        """A refresh ended (completed, cancelled or failed): what it did, then every view
        re-reads."""
        self._broadcast(RefreshFinished, summary=summary, error=error, sync=sync)
        self.library_changed()
