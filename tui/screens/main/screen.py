"""The main screen: feeds and articles while browsing; the reader and who-said-what while reading."""

from __future__ import annotations

import contextlib
import math
import threading
import time
from collections.abc import Callable, Collection
from dataclasses import replace
from typing import TYPE_CHECKING

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.reactive import Reactive
from textual.screen import Screen
from textual.timer import Timer
from textual.widget import Widget

from tui import bindings
from tui.config import Config
from tui.core.models import Article, TextStatus
from tui.core.store import ArticleFilter
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
)
from tui.screens import main_layout
from tui.screens.confirm_dialog import ConfirmScreen
from tui.screens.following import toggle_follow
from tui.screens.main.article_tools import ArticleTools
from tui.screens.main.feed_actions import FeedActions
from tui.screens.main.list_snapshot import (
    FeedPane,
    ListSnapshot,
    SnapshotRequest,
    read_feed_pane,
    read_snapshot,
)
from tui.screens.main.mute_actions import MuteActions, suggestion
from tui.screens.main.navigator import Navigator
from tui.screens.main.status_line import StatusLine
from tui.screens.main.story_note import story_note
from tui.screens.main.watch_actions import WatchActions
from tui.screens.refresh_status import RefreshClock, refresh_outcome
from tui.state import ReadingState
from tui.widgets.article_list import ArticleList
from tui.widgets.feed_list import FeedChoice, FeedList
from tui.widgets.geometry import content_width
from tui.widgets.key_bar import KeyBar
from tui.widgets.list_status import ListStatus
from tui.widgets.reader import Reader
from tui.widgets.side_panel import SidePanel
from tui.widgets.virtual_list import VirtualList

if TYPE_CHECKING:
    from tui.core.quotes.lookup import QuoteIndex

# New articles are listed as feeds land, at most this often (longer when a reload is slow).
LIST_RELOAD_INTERVAL = 0.4
# A refresh's progress is drawn a few times a second: each update costs a layout.
PROGRESS_INTERVAL = 0.15
# The kept screens (stories, quote lookup, search) are built ahead of time, one at a time, once
# start-up is over and nothing was pressed for a moment: building one on its key cost 30-60 ms.
PREBUILD_START = 0.8  # seconds after mount: the first paint and a first keystroke come first
PREBUILD_IDLE = 0.5  # seconds without a key or the mouse before a screen is built


def _import_refresh_ahead() -> None:
    """Import what a refresh runs (httpx, the feed parser, the analysis queue: ~140 ms) while the
    user is idle, once the kept screens are built: the refresh's thread would import it holding
    the interpreter, and a key pressed as a refresh starts would wait for it (issue 25)."""
    import tui.core.feeds.parse  # noqa: F401
    import tui.core.fulltext.analysis  # noqa: F401
    import tui.core.refresh  # noqa: F401


class MainScreen(Screen[None]):
    """Browsing and reading; owns the reading actions, and hears every change (the user's, a
    refresh's, a sync's) as a message from ReadingState. Article tools, feed, watchlist and
    mute actions and the navigator to other screens are components it delegates to, each
    given only the callbacks it needs. `idle_seconds`: how long since the last key or click
    (the app's), so kept screens are built ahead while nothing is pressed."""

    BINDINGS = bindings.MAIN_SCREEN
    # Textual repaints the whole screen when the focus moves; the widgets whose look depends
    # on focus repaint themselves, so that repaint only doubled the cost of opening an article.
    focused: Reactive[Widget | None] = Reactive(None, repaint=False)

    def __init__(self, state: ReadingState,
                 idle_seconds: Callable[[], float] = lambda: math.inf) -> None:
        super().__init__()
        self.state = state
        self.store = state.store
        self.idle_seconds = idle_seconds
        self.unread_only = False
        self.choice: FeedChoice | None = None
        self.reading = False
        self.panel_toggled = False  # the panel key: hide it when wide, show it when narrow
        self.feeds_toggled = False  # the feed pane key: hide it when wide, show it when narrow
        self.tools = ArticleTools(state, self.set_status)
        self.feed_actions = FeedActions(state)
        self.navigator = Navigator(state, self.quote_index, self.open_quote, self._open_found)
        self.watch_actions = WatchActions(state, self._select_entry)
        self.mute_actions = MuteActions(state, self._select_entry,
                                        lambda: self.query_one(FeedList).has_focus)
        self._quotes: QuoteIndex | None = None
        self._quotes_lock = threading.Lock()
        self.refresh_clock = RefreshClock(state.config.settings.refresh_minutes * 60)
        self._last_list_reload = 0.0
        self._list_reload_interval = LIST_RELOAD_INTERVAL
        self._list_reload_timer: Timer | None = None
        # During a refresh the lists are read in a worker (list_snapshot.py); a snapshot read
        # while the lists changed some other way (a key, an edit) is stale and dropped.
        self._list_generation = 0
        self._list_reading = False
        self._list_reload_wanted = False
        self._last_progress = 0.0

    @property
    def config(self) -> Config:
        return self.state.config

    def compose(self) -> ComposeResult:
        with Horizontal(id="panes"):
            yield FeedList(id="feeds")
            with Vertical(id="list-pane"):
                yield ListStatus(Text(""), id="list-status")
                yield ArticleList(self.store, id="articles")
            yield Reader(id="reader")
            yield SidePanel(id="side-panel")
        yield StatusLine(self.refresh_clock, lambda: self.query_one(FeedList).total_unread,
                         id="status-line")
        yield KeyBar()

    @property
    def status_line(self) -> StatusLine:
        return self.query_one(StatusLine)

    def on_mount(self) -> None:
        self.query_one(FeedList).border_title = "Feeds"
        reader = self.query_one(Reader)
        reader.border_title = "Reader"
        reader.set_text_width(self.config.settings.reader_width,
                              centered=self.config.settings.reader_align == "center")
        self.reload_feeds()
        self.arrange_panes()
        self.query_one(ArticleList).focus()
        self.warm_quote_index()
        _never, oldest = self.store.fetch_ages()
        self.status_line.start_clock(oldest.timestamp() if oldest is not None else None)
        self.set_timer(PREBUILD_START, self._prebuild_when_idle)

    def _prebuild_when_idle(self) -> None:
        """Build the next kept screen when the user is not pressing anything, no refresh runs
        and this screen shows; come back until every one is built."""
        if not self.is_attached:  # closing
            return
        wait = PREBUILD_IDLE - self.idle_seconds()
        if wait <= 0:
            if self.status_line.progress_shown or self.app.screen is not self:
                wait = PREBUILD_IDLE
            elif not self.navigator.prebuild_next():
                _import_refresh_ahead()
                return
            else:
                wait = PREBUILD_IDLE / 4  # the next one once this one has mounted
        self.set_timer(wait, self._prebuild_when_idle)

    @work(thread=True, exclusive=True, group="quote-index", exit_on_error=False)
    def warm_quote_index(self) -> None:
        """Read the quote vocabulary ahead of time, so the first lookup keystroke is quick."""
        self.quote_index().load()

    def quote_index(self) -> QuoteIndex:
        """The one quote index, built on first use: the warming worker and a lookup may ask
        from two threads at once, and must share what the warming read."""
        if self._quotes is None:
            with self._quotes_lock:
                if self._quotes is None:
                    from tui.core.quotes.lookup import QuoteIndex

                    self._quotes = QuoteIndex(self.store)
        return self._quotes

    # -- layout ----------------------------------------------------------------------------
    def on_resize(self) -> None:
        self.arrange_panes()

    def arrange_panes(self) -> None:
        """Size and show the panes for the mode (browsing or reading) and the width."""
        width = self.size.width
        feeds = self.query_one(FeedList)
        if self.reading:
            panes = main_layout.reading(width, reader_width=self.config.settings.reader_width,
                                        panel_toggled=self.panel_toggled, list_wanted=True)
        else:
            longest = max((len(e.label or e.title) for e in feeds.entries), default=12)
            panes = main_layout.browsing(width, feeds_toggled=self.feeds_toggled,
                                         longest_label=longest)
        reader, panel = self.query_one(Reader), self.query_one(SidePanel)
        for widget, size in ((feeds, panes.feeds), (self.query_one("#list-pane"), panes.articles),
                             (reader, panes.reader), (panel, panes.panel)):
            main_layout.set_width(widget, size)
        if panes.reader:
            reader.expect_width(content_width(panes.reader, reader))
        if panes.panel:
            panel.expect_width(panes.panel)
        self.set_class(self.reading, "-reading")
        focused = self.focused
        if focused is None or not self._shown(focused):
            self._focus_main_pane()

    def _shown(self, widget: Widget) -> bool:
        return all(node.display for node in (widget, *widget.ancestors_with_self)
                   if isinstance(node, Widget))

    def _focus_main_pane(self) -> None:
        for widget in (self.query_one(Reader) if self.reading else None,
                       self.query_one(SidePanel).focus_target(), self.query_one(ArticleList),
                       self.query_one(FeedList)):
            if widget is not None and self._shown(widget):
                widget.focus()
                return

    def action_close_reader(self) -> None:
        """esc: back to browsing, with the cursor where it was."""
        if not self.reading:
            return
        self.reading = False
        self.arrange_panes()
        self.query_one(ArticleList).focus()

    def action_toggle_feeds(self) -> None:
        self.feeds_toggled = not self.feeds_toggled
        self.reading = False
        self.arrange_panes()
        feeds = self.query_one(FeedList)
        (feeds if self._shown(feeds) else self.query_one(ArticleList)).focus()

    def action_toggle_panel(self) -> None:
        if not self.reading:
            self.notify("Who said what opens beside an article: open one first.", timeout=3)
            return
        self.panel_toggled = not self.panel_toggled
        self.arrange_panes()
        panel = self.query_one(SidePanel)
        if self._shown(panel) and self.size.width < main_layout.SINGLE_PANE:
            panel.focus_quotes()

    def action_focus_actors(self) -> None:
        self._show_panel()
        self.query_one(SidePanel).focus_actors()

    def action_focus_quotes(self) -> None:
        self._show_panel()
        self.query_one(SidePanel).focus_quotes()

    def _show_panel(self) -> None:
        if self.reading and not self._shown(self.query_one(SidePanel)):
            self.panel_toggled = not self.panel_toggled
            self.arrange_panes()

    def _panes(self) -> list[Widget]:
        panes: list[Widget] = [self.query_one(FeedList), self.query_one(ArticleList),
                               self.query_one(Reader), self.query_one(SidePanel)]
        return [pane for pane in panes if self._shown(pane)]

    def action_focus_next_pane(self) -> None:
        self._cycle_focus(1)

    def action_focus_previous_pane(self) -> None:
        self._cycle_focus(-1)

    def _cycle_focus(self, step: int) -> None:
        panes = self._panes()
        if not panes:
            return
        focused = self.focused
        index = next((i for i, p in enumerate(panes) if focused is p or
                      (focused is not None and p in focused.ancestors)), -1)
        target = panes[(index + step) % len(panes)]
        if isinstance(target, SidePanel):
            target.focus_quotes()
        else:
            target.focus()

    # -- data ------------------------------------------------------------------------------
    def reload_feeds(self) -> None:
        feed_list = self._show_feed_pane(read_feed_pane(self.store, self.config.watches,
                                                        self.config.mutes, self.mute_actions.hidden_by))
        current = self.choice.key if self.choice else None
        choice = feed_list.choices.get(current) if current else feed_list.highlighted_choice
        if choice is None:
            choice = feed_list.choices["all"]
        if choice.key != "stories":
            self.show_choice(choice, keep_cursor=True)

    def reload_articles(self) -> None:
        """Re-read feeds, the list and the open article after a refresh or an edit."""
        self.reload_feeds()
        reader = self.query_one(Reader)
        if reader.article is not None:
            fresh = self.store.article(reader.article.id)
            if fresh is not None and fresh != reader.article:
                self.display_article(fresh, keep_scroll=True)

    def show_choice(self, choice: FeedChoice, *, keep_cursor: bool = False) -> None:
        if choice.filter is None:
            return
        self._list_generation += 1
        self.choice = choice
        articles = self.query_one(ArticleList)
        articles.show(replace(choice.filter, unread_only=self.unread_only),
                      keep_article=self._kept_article() if keep_cursor else None)
        self._update_list_status()

    def _kept_article(self) -> int | None:
        """The article the list's cursor stays on when the list is read again. A reader who has
        not moved off the top nor opened anything is watching the newest: articles arriving
        above stay above the cursor only once they have chosen one."""
        articles = self.query_one(ArticleList)
        chosen = articles.cursor > 0 or self.query_one(Reader).article is not None
        return articles.current.id if chosen and articles.current else None

    def _update_list_status(self) -> None:
        choice = self.choice
        articles = self.query_one(ArticleList)
        title = choice.title if choice else "Articles"
        # A feed's or person's name is untrusted text: a Text, never markup.
        self.query_one("#list-pane").border_title = \
            Text(f"{title} ({articles.count}{' unread' if self.unread_only else ''})")
        self.query_one(ListStatus).show(choice, self.query_one(FeedList).feeds, articles.count,
                                        self.unread_only)

    # -- one state -------------------------------------------------------------------------
    @on(ArticlesChanged)
    def _articles_changed(self, event: ArticlesChanged) -> None:
        self._list_generation += 1
        self.query_one(ArticleList).update_rows(event.article_ids, read=event.read,
                                                starred=event.starred)
        self.query_one(FeedList).apply_unread_deltas(event.unread_deltas, event.starred_delta,
                                                     self._watch_counts(event))
        reader = self.query_one(Reader)
        if reader.article is not None and reader.article.id in event.article_ids:
            reader.article = replace(
                reader.article, read=reader.article.read if event.read is None else event.read,
                starred=reader.article.starred if event.starred is None else event.starred)

    def _watch_counts(self, event: ArticlesChanged) -> dict[str, int]:
        """Watchlist unread counts after a change of read or starred state: moved by how many
        of the changed articles each holds, or counted again when its query reads that state."""
        from tui.core.query import uses_state

        counts: dict[str, int] = {}
        ids = sorted(event.article_ids)
        for watch, count in self.query_one(FeedList).watches:
            if uses_state(watch.query):
                counts[watch.name] = self.store.count_articles(
                    ArticleFilter(query=watch.query, unread_only=True))
            elif event.read is not None:
                held = len(self.store.matching(watch.query, ids))
                counts[watch.name] = count + (-held if event.read else held)
        return counts

    def _show_feed_pane(self, pane: FeedPane) -> FeedList:
        """Show the feed pane as read, and on the status line how many articles mutes hide (and
        how to see them)."""
        feed_list = self.query_one(FeedList)
        feed_list.set_feeds(pane.feeds, pane.total_unread, pane.starred, pane.watches, pane.people,
                            pane.mutes)
        self.status_line.show_muted(pane.hidden, self.store.show_muted)
        return feed_list

    @on(LibraryChanged)
    def _library_changed(self) -> None:
        self.reload_articles()

    # -- what a refresh (and the sync it starts with) brings ---------------------------------
    @on(RefreshProgress)
    def _refresh_progress(self, message: RefreshProgress) -> None:
        self.status_line.show_progress(message.progress)

    @on(RefreshCancelling)
    def _refresh_cancelling(self) -> None:
        self.set_status("Cancelling refresh…")

    @on(ArticlesStored)
    def _articles_stored(self) -> None:
        """List new articles as their feeds land, coalesced to a few reloads a second."""
        if self._list_reload_timer is not None:
            return
        wait = self._last_list_reload + self._list_reload_interval - time.monotonic()
        if wait <= 0:
            self._reload_list()
        else:
            self._list_reload_timer = self.set_timer(wait, self._reload_list)

    def _reload_list(self) -> None:
        self._list_reload_timer = None
        choice = self.choice
        if self.store.path == ":memory:" or choice is None or choice.filter is None:
            # One connection for every thread (a test's cache), or nothing chosen yet: read here.
            started = time.monotonic()
            self.reload_articles()
            self._listed(started)
            return
        if self._list_reading:
            self._list_reload_wanted = True
            return
        articles = self.query_one(ArticleList)
        reader = self.query_one(Reader)
        top = int(articles.scroll_offset.y)
        request = SnapshotRequest(
            generation=self._list_generation,
            watches=self.config.watches,
            mutes=self.config.mutes,
            article_filter=replace(choice.filter, unread_only=self.unread_only),
            keep_article=self._kept_article(),
            rows_around=(top, top + articles.size.height),
            open_article=reader.article.id if reader.article is not None else None,
        )
        self._list_reading = True
        self._read_lists(request)

    @work(thread=True, group="list-snapshot", exit_on_error=False)
    def _read_lists(self, request: SnapshotRequest) -> None:
        """Read the lists off the UI thread (the refresh is writing), then swap them in."""
        import sqlite3

        snapshot = None
        try:
            snapshot = read_snapshot(self.store, request, self.mute_actions.hidden_by)
        except sqlite3.Error:
            pass  # read again on the next batch of articles, or when the refresh ends
        finally:
            with contextlib.suppress(RuntimeError):  # the app is closing
                self.app.call_from_thread(self._swap_in, snapshot)

    def _swap_in(self, snapshot: ListSnapshot | None) -> None:
        """Show a snapshot of the lists, unless they changed some other way since it was read."""
        started = time.monotonic()
        self._list_reading = False
        choice = self.choice
        if snapshot is not None and snapshot.generation == self._list_generation \
                and choice is not None:
            feed_list = self._show_feed_pane(snapshot.pane)
            fresh_choice = feed_list.choices.get(choice.key)
            if fresh_choice is not None:
                self.choice = fresh_choice
                articles = self.query_one(ArticleList)
                kept = snapshot.index if snapshot.index is not None else \
                    (articles.cursor if snapshot.keep_article else 0)
                articles.swap_in(snapshot.article_filter, snapshot.count, snapshot.pages, kept)
                self._update_list_status()
            reader = self.query_one(Reader)
            fresh = snapshot.open_article
            if reader.article is not None and fresh is not None and fresh.id == reader.article.id \
                    and fresh != reader.article:
                self.display_article(fresh, keep_scroll=True)
            self._listed(started)
        else:
            self._list_reload_wanted = True
        if self._list_reload_wanted:
            self._list_reload_wanted = False
            self._articles_stored()

    def _listed(self, started: float) -> None:
        self._last_list_reload = time.monotonic()
        # On a big cache a reload takes a while: keep the UI thread mostly free for keys.
        self._list_reload_interval = max(LIST_RELOAD_INTERVAL,
                                         8 * (self._last_list_reload - started))

    @on(PagesStored)
    def _pages_stored(self) -> None:
        self.refresh_open_article()

    @on(AnalysesStored)
    def _analyses_stored(self, message: AnalysesStored) -> None:
        """Fill in the side panel of an open article whose analysis just landed."""
        self.refresh_open_article(message.article_ids)

    def refresh_open_article(self, analysed: Collection[int] = ()) -> None:
        """Swap in the full text of the open article as soon as the refresh stored it, and its
        actors and quotes when they land (`analysed`: articles whose analysis just did)."""
        reader = self.query_one(Reader)
        if reader.article is None:
            return
        landed = reader.article.id in analysed
        if reader.article.text_status is not TextStatus.PENDING and not landed:
            return
        fresh = self.store.article(reader.article.id)
        if fresh is not None and (landed or fresh.text_status is not TextStatus.PENDING):
            self.display_article(fresh, keep_scroll=True)

    @on(RefreshFinished)
    def _refresh_finished(self, message: RefreshFinished) -> None:
        """Say what the refresh did (the line and a toast); the lists re-read on the
        LibraryChanged that follows."""
        if self._list_reload_timer is not None:
            self._list_reload_timer.stop()
            self._list_reload_timer = None
        self.status_line.hide_progress()
        self.warm_quote_index()
        outcome = refresh_outcome(message.summary, message.error, message.sync)
        self.status_line.refreshed(outcome.text, outcome.note, succeeded=outcome.succeeded)
        self.notify(outcome.text, severity=outcome.severity, markup=False)

    # -- events ----------------------------------------------------------------------------
    @on(VirtualList.Highlighted, "#feeds")
    def _feed_highlighted(self, event: VirtualList.Highlighted) -> None:
        choice = self.query_one(FeedList).highlighted_choice
        if choice is not None and choice.key != "stories":
            self.show_choice(choice)

    @on(VirtualList.Selected, "#feeds")
    def _feed_selected(self, event: VirtualList.Selected) -> None:
        choice = self.query_one(FeedList).highlighted_choice
        if choice is None:
            return
        if choice.key == "stories":
            self.action_stories()
            return
        if choice.person is not None:
            self.open_person(choice.person.name)
            return
        self.show_choice(choice)
        if self.size.width < main_layout.SINGLE_PANE:
            self.feeds_toggled = False  # narrow: the chosen feed's list replaces the feed pane
            self.arrange_panes()
        self.query_one(ArticleList).focus()

    @on(VirtualList.Selected, "#articles")
    def _article_selected(self, event: VirtualList.Selected) -> None:
        row = self.query_one(ArticleList).row(event.index)
        if row is not None:
            self.open_article(row.id)

    def open_article(self, article_id: int) -> None:
        """Open an article in the reader (reading mode) and mark it read everywhere."""
        article = self.store.article(article_id)
        if article is None:
            return
        if not article.read:
            self.state.set_read([article_id], True)
            article = replace(article, read=True)
        self.reading = True
        self.arrange_panes()
        self.display_article(article)
        self.query_one(Reader).focus()

    def display_article(self, article: Article, *, keep_scroll: bool = False) -> None:
        """Show an article in the reader with its story note, and its actors and quotes."""
        self.query_one(Reader).show(article, keep_scroll=keep_scroll,
                                    note=story_note(self.store, article))
        self.query_one(SidePanel).show(self.store.actors_of(article.id),
                                       self.store.quotes_of(article.id))

    @on(SidePanel.QuoteChosen)
    def _on_quote_chosen(self, event: SidePanel.QuoteChosen) -> None:
        reader = self.query_one(Reader)
        reader.highlight(tuple((start, end, "quote") for start, end in event.quote.spans))
        reader.scroll_to_offset(event.quote.start)

    @on(SidePanel.ActorChosen)
    def _on_actor_chosen(self, event: SidePanel.ActorChosen) -> None:
        reader = self.query_one(Reader)
        if event.actor is None:
            reader.highlight(())
            return
        reader.highlight(tuple((s, e, "mention") for s, e in event.actor.spans))
        if event.actor.spans:
            reader.scroll_to_offset(event.actor.spans[0][0])

    # -- reading actions -------------------------------------------------------------------
    def target_article(self) -> Article | None:
        """The article an action is about: the open one while reading, else the list's."""
        reader = self.query_one(Reader)
        if self.reading and reader.article is not None:
            return self.store.article(reader.article.id)
        row = self.query_one(ArticleList).current
        return self.store.article(row.id) if row is not None else None

    def action_toggle_read(self) -> None:
        article = self.target_article()
        if article is not None:
            self.state.set_read([article.id], not article.read, undoable=True)

    def action_toggle_star(self) -> None:
        article = self.target_article()
        if article is None:
            return
        self.state.set_starred(article.id, not article.starred)
        self.notify(("Starred: " if not article.starred else "Unstarred: ") + article.title,
                    markup=False, timeout=2)

    def action_mark_all_read(self) -> None:
        """A: every unread article of the list read, after asking (unless the settings say not
        to ask, as newsboat's confirm-mark-feed-read)."""
        flt = self.query_one(ArticleList).filter
        unread = self.store.count_articles(replace(flt, unread_only=True))
        if not unread:
            self.notify("Nothing to mark: every article here is read.", timeout=2)
            return
        if not self.config.settings.confirm_mark_all_read:
            self._mark_all_read(flt)
            return
        title = self.choice.title if self.choice else "this list"
        question = f"Mark the {counted(unread, 'unread article')} of {title} read?\nU undoes it."
        self.app.push_screen(ConfirmScreen(question),
                             lambda answer: self._mark_all_read(flt) if answer else None)

    def _mark_all_read(self, flt: ArticleFilter) -> None:
        changed = self.state.mark_all_read(flt)
        self.notify(f"Marked {counted(changed, 'article')} read (U undoes it).", timeout=3)

    def action_undo(self) -> None:
        """U: take back the latest mark-read, star or mute."""
        done = self.state.undo()
        self.notify(f"Undone: {done}." if done else "Nothing to undo.", markup=False, timeout=3)

    def action_toggle_unread_only(self) -> None:
        self.unread_only = not self.unread_only
        if self.choice is not None:
            self.show_choice(self.choice, keep_cursor=True)
        self.notify("Showing unread only." if self.unread_only else "Showing all articles.",
                    timeout=2)

    def action_step_article(self, step: int) -> None:
        articles = self.query_one(ArticleList)
        target = articles.cursor + step
        row = articles.row(target)
        if row is None:
            self.notify("No more articles that way.", timeout=2)
            return
        articles.cursor = target
        self.open_article(row.id)

    def action_next_unread(self) -> None:
        articles = self.query_one(ArticleList)
        current = articles.current
        target = self.store.next_unread(articles.filter, current.id if current else None)
        if target is None:
            target = self._next_feed_with_unread()
        if target is None:
            self.notify("No unread articles left.", timeout=2)
            return
        articles.show(articles.filter, keep_article=target)
        self.open_article(target)

    def _next_feed_with_unread(self) -> int | None:
        """Select the next feed (after the current one) that has unread articles."""
        feed_list = self.query_one(FeedList)
        keys = [e.key for e in feed_list.entries if e.key.startswith("feed:")]
        current = self.choice.key if self.choice else None
        start = keys.index(current) + 1 if current in keys else 0
        for key in keys[start:] + keys[:start]:
            choice = feed_list.choices[key]
            if choice.count and key != current:
                feed_list.select_key(key)
                self.show_choice(choice)
                return self.store.next_unread(self.query_one(ArticleList).filter, None)
        return None

    @on(SidePanel.FollowRequested)
    def _on_follow_requested(self, event: SidePanel.FollowRequested) -> None:
        self.toggle_follow(event.name)

    def toggle_follow(self, name: str) -> None:
        toggle_follow(self.state, name)

    def action_toggle_muted(self) -> None:
        if not self.store.mutes:
            self.notify("Nothing is muted: X mutes the current article's outlet, or anything "
                        "a query names.", timeout=4)
            return
        shown = self.state.toggle_muted()
        hidden = self.store.hidden_count()
        self.notify(f"Showing {counted(hidden, 'muted article')}." if shown
                    else f"Hiding {counted(hidden, 'muted article')} again.", timeout=3)

    def reveal_in_list(self, article_id: int) -> None:
        """Move the list cursor onto an article opened from elsewhere, when the list has it."""
        articles = self.query_one(ArticleList)
        index = self.store.row_index(articles.filter, article_id)
        if index is not None:
            articles.cursor = index

    def _open_found(self, article_id: int, words: str) -> None:
        """Open an article a search found, scrolled to the words searched for."""
        self.reveal_in_list(article_id)
        self.open_article(article_id)
        self.query_one(Reader).scroll_to_text(words)

    def _select_entry(self, key: str) -> None:
        """Move the feed pane onto an entry once it has re-read: a change was broadcast before
        this runs, so its message comes first in this screen's queue."""
        self.call_later(self.query_one(FeedList).select_key, key)

    def open_quote(self, article_id: int, start: int, end: int) -> None:
        """Open an article with one quote highlighted and scrolled into view."""
        self.reveal_in_list(article_id)
        self.open_article(article_id)
        reader = self.query_one(Reader)
        # A quote of several pieces ("A," she said. "B.") lights up its pieces, not the cue between.
        spans = next((q.spans for q in self.store.quotes_of(article_id, 0.0)
                      if (q.start, q.end) == (start, end)), ((start, end),))
        reader.highlight(tuple((s, e, "quote") for s, e in spans))
        reader.scroll_to_offset(start)
        self.query_one(SidePanel).point_at_quote(start, end)

    # -- other screens (the navigator) -------------------------------------------------------
    def action_search(self) -> None:
        self.navigator.search()

    def action_quote_lookup(self) -> None:
        self.navigator.quote_lookup()

    def open_person(self, name: str) -> None:
        self.navigator.person(name)

    def action_stories(self) -> None:
        self.navigator.stories()

    def action_compare_story(self) -> None:
        self.navigator.compare(self.target_article())

    # -- components ------------------------------------------------------------------------
    def action_open_link(self) -> None:
        self.tools.open_link(self.target_article())

    def action_copy_link(self) -> None:
        self.tools.copy_link(self.target_article())

    def action_save_markdown(self) -> None:
        self.tools.save_markdown(self.target_article())

    def action_reextract(self) -> None:
        self.tools.reextract(self.target_article())

    def action_add_feed(self) -> None:
        self.feed_actions.add()

    def action_edit_feed(self) -> None:
        choice = self.query_one(FeedList).highlighted_choice
        if choice is not None and choice.watch is not None:
            self.watch_actions.edit(choice.watch)
            return
        if choice is not None and self.mute_actions.edit(choice):
            return
        self.feed_actions.edit(choice)

    def action_remove_feed(self) -> None:
        choice = self.query_one(FeedList).highlighted_choice
        if choice is not None and choice.watch is not None:
            self.watch_actions.remove(choice.watch)
            return
        if choice is not None and choice.person is not None:
            self.toggle_follow(choice.person.name)
            return
        if choice is not None and self.mute_actions.remove(choice):
            return
        self.feed_actions.remove(choice)

    def action_add_watch(self) -> None:
        self.watch_actions.add()

    def action_add_mute(self) -> None:
        feeds = self.query_one(FeedList)
        choice = feeds.highlighted_choice if feeds.has_focus else None
        self.mute_actions.add(suggestion(choice, self.target_article()))

    @on(SidePanel.MuteRequested)
    def _on_mute_requested(self, event: SidePanel.MuteRequested) -> None:
        self.mute_actions.add(event.query)

    def set_status(self, message: str) -> None:
        self.status_line.set_status(message)
