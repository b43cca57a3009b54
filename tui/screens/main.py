"""The main screen: feeds, article list and reader side by side, with a refresh status line."""

from __future__ import annotations

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.screen import Screen
from textual.widgets import Footer, ProgressBar, Static

from tui import bindings
from tui.config import Config
from tui.core.store import Store
from tui.screens.article_actions import ArticleActions
from tui.screens.feed_actions import FeedEditingActions
from tui.widgets.article_list import ArticleList
from tui.widgets.feed_list import FeedChoice, FeedList
from tui.widgets.reader import Reader
from tui.widgets.side_panel import SidePanel


def story_note(store: Store, article) -> str | None:  # type: ignore[no-untyped-def]
    """One line on the article's story: how wide it is and why this article joined it."""
    member = store.membership(article.id)
    info = store.story(member.story_id) if member else None
    if member is None or info is None or info.article_count < 2:
        return None
    note = f"Story: {info.outlet_count} outlet(s), {info.article_count} articles"
    if member.matched_article_id is not None and member.shared_terms:
        terms = ", ".join(dict.fromkeys(member.shared_terms))
        note += f" · joined on {terms} (score {member.score:.0f})"
    return note


class MainScreen(ArticleActions, FeedEditingActions, Screen[None]):
    """Three panes; owns the reading actions (open, read, star, open link)."""

    BINDINGS = bindings.MAIN_SCREEN

    def __init__(self, config: Config, store: Store) -> None:
        super().__init__()
        self.config = config
        self.store = store
        self.unread_only = False
        self.choice: FeedChoice | None = None

    def compose(self) -> ComposeResult:
        with Horizontal(id="panes"):
            yield FeedList(id="feeds")
            with Vertical(id="list-pane"):
                yield Static(Text(""), id="list-status")
                yield ArticleList(self.store, id="articles")
            with Horizontal(id="reader-pane"):
                yield Reader(id="reader")
                yield SidePanel(id="side-panel")
        with Horizontal(id="status-line"):
            yield Static(Text(""), id="status")
            yield ProgressBar(id="refresh-progress", show_eta=False)
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#refresh-progress", ProgressBar).display = False
        self.query_one("#feeds", FeedList).border_title = "Feeds"
        self.query_one("#list-pane").border_title = "Articles"
        reader = self.query_one(Reader)
        reader.border_title = "Reader"
        reader.set_class(self.config.settings.reader_align == "center", "-centered")
        for part in reader.query("#reader-header, #reader-body"):
            part.styles.max_width = self.config.settings.reader_width
        self.reload_feeds()
        self.query_one(ArticleList).focus()
        self.warm_quote_index()

    @work(thread=True, exclusive=True, group="quote-index", exit_on_error=False)
    def warm_quote_index(self) -> None:
        """Read the quote vocabulary ahead of time, so the first lookup keystroke is quick."""
        self._quote_index().load()

    def on_resize(self) -> None:
        narrow = self.size.width < 100
        if narrow != getattr(self, "_narrow", None):
            self._narrow = narrow
            self.query_one(FeedList).display = not narrow
        cramped = self.size.width < 130
        if cramped != getattr(self, "_cramped", None):
            self._cramped = cramped
            self.query_one(SidePanel).display = not cramped

    def action_toggle_feeds(self) -> None:
        feeds = self.query_one(FeedList)
        feeds.display = not feeds.display
        if feeds.display:
            feeds.focus()

    # -- data ----------------------------------------------------------------------------
    def reload_feeds(self) -> None:
        feeds = self.store.feeds()
        unread = sum(f.unread_count for f in feeds)
        from tui.core.store import ArticleFilter

        starred = self.store.count_articles(ArticleFilter(starred_only=True))
        self.query_one(FeedList).set_feeds(feeds, unread, starred)
        if self.choice is None:
            self.show_choice(self.query_one(FeedList).highlighted_choice)

    def reload_articles(self) -> None:
        """Re-read the list after a refresh, keeping the cursor on the same article."""
        articles = self.query_one(ArticleList)
        current = articles.current
        articles.reload(keep_article=current.id if current else None)
        self._update_list_status()
        self.reload_feeds()
        reader = self.query_one(Reader)
        if reader.article is not None:
            fresh = self.store.article(reader.article.id)
            if fresh is not None and fresh != reader.article:
                self.display_article(fresh, keep_scroll=True)

    def show_choice(self, choice: FeedChoice | None) -> None:
        if choice is None:
            return
        from dataclasses import replace

        self.choice = choice
        flt = replace(choice.filter, unread_only=self.unread_only)
        self.query_one(ArticleList).show(flt)
        self._update_list_status()

    def _update_list_status(self) -> None:
        choice = self.choice
        articles = self.query_one(ArticleList)
        pane = self.query_one("#list-pane")
        title = choice.title if choice else "Articles"
        pane.border_title = f"{title} ({articles.count}{' unread' if self.unread_only else ''})"
        status = self.query_one("#list-status", Static)
        message = self._feed_problem(choice)
        problem = bool(message)
        if not message and articles.count == 0:
            message = ("No articles here yet: press r to refresh." if not self.unread_only
                       else "No unread articles here (u shows all).")
        status.update(Text(message, style="bold red" if problem else "italic"))
        status.set_class(not problem, "-hint")
        status.display = bool(message)

    def _feed_problem(self, choice: FeedChoice | None) -> str:
        if choice is None:
            return ""
        if choice.feed is not None:
            feed = next((f for f in self.query_one(FeedList).feeds if f.id == choice.feed.id),
                        choice.feed)
            if feed.last_error:
                return f"! {feed.name}: {feed.last_error}"
            return f"{feed.name}: {feed.last_warning}" if feed.last_warning else ""
        failing = [f for f in self.query_one(FeedList).feeds if f.failing]
        if failing:
            names = ", ".join(f.name for f in failing[:3]) + ("…" if len(failing) > 3 else "")
            return f"! {len(failing)} feed(s) failing: {names} (select one to see why)"
        return ""

    # -- events --------------------------------------------------------------------------
    @on(FeedList.Chosen)
    def _on_feed_chosen(self, event: FeedList.Chosen) -> None:
        if event.choice.key == "stories":
            if event.selected:
                self.action_stories()
            return
        self.show_choice(event.choice)

    @on(ArticleList.Opened)
    def _on_article_opened(self, event: ArticleList.Opened) -> None:
        self.open_article(event.article_id)

    def open_article(self, article_id: int) -> None:
        article = self.store.article(article_id)
        if article is None:
            return
        if not article.read:
            self.store.set_read([article_id], True)
            from dataclasses import replace

            article = replace(article, read=True)
            self.query_one(ArticleList).update_row(article_id, read=True)
            self.query_one(FeedList).bump_unread(article.feed_id, -1)
        self.display_article(article)

    def display_article(self, article, *, keep_scroll: bool = False) -> None:  # type: ignore[no-untyped-def]
        """Show an article in the reader with its story note, and its actors and quotes."""
        self.query_one(Reader).show(article, keep_scroll=keep_scroll,
                                    note=story_note(self.store, article))
        self.query_one(SidePanel).show(self.store.actors_of(article.id),
                                       self.store.quotes_of(article.id))

    @on(SidePanel.QuoteChosen)
    def _on_quote_chosen(self, event: SidePanel.QuoteChosen) -> None:
        reader = self.query_one(Reader)
        reader.highlight(((event.quote.start, event.quote.end, "quote"),))
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

    def action_toggle_panel(self) -> None:
        panel = self.query_one(SidePanel)
        panel.display = not panel.display

    def action_focus_actors(self) -> None:
        panel = self.query_one(SidePanel)
        panel.display = True
        panel.focus_actors()

    def action_focus_quotes(self) -> None:
        panel = self.query_one(SidePanel)
        panel.display = True
        panel.focus_quotes()

    # -- actions -------------------------------------------------------------------------
    def _panes(self) -> list:  # type: ignore[type-arg]
        panes = [self.query_one(FeedList), self.query_one(ArticleList), self.query_one(Reader)]
        return [pane for pane in panes if pane.display]

    def action_focus_next_pane(self) -> None:
        self._cycle_focus(1)

    def action_focus_previous_pane(self) -> None:
        self._cycle_focus(-1)

    def _cycle_focus(self, step: int) -> None:
        panes = self._panes()
        focused = self.focused
        index = next((i for i, p in enumerate(panes) if focused is p or
                      (focused is not None and p in focused.ancestors)), -1)
        panes[(index + step) % len(panes)].focus()

    def _target_article(self) -> int | None:
        reader = self.query_one(Reader)
        if self.focused is reader and reader.article is not None:
            return reader.article.id
        row = self.query_one(ArticleList).current
        if row is not None:
            return row.id
        return reader.article.id if reader.article else None

    def action_toggle_read(self) -> None:
        article_id = self._target_article()
        article = self.store.article(article_id) if article_id else None
        if article is None:
            return
        self.store.set_read([article.id], not article.read)
        self.query_one(ArticleList).update_row(article.id, read=not article.read)
        self.query_one(FeedList).bump_unread(article.feed_id, 1 if article.read else -1)

    def action_toggle_star(self) -> None:
        article_id = self._target_article()
        article = self.store.article(article_id) if article_id else None
        if article is None:
            return
        self.store.set_starred(article.id, not article.starred)
        self.query_one(ArticleList).update_row(article.id, starred=not article.starred)
        self.notify(("Starred: " if not article.starred else "Unstarred: ") + article.title,
                    markup=False, timeout=2)
        self.reload_feeds()

    def action_open_link(self) -> None:
        article_id = self._target_article()
        article = self.store.article(article_id) if article_id else None
        if article is None or not article.url:
            self.notify("This article has no link.", severity="warning")
            return
        if not article.url.lower().startswith(("http://", "https://")):
            self.notify("Only http(s) links are opened in the browser.", severity="warning")
            return
        self.app.open_url(article.url)

    def action_mark_all_read(self) -> None:
        articles = self.query_one(ArticleList)
        changed = self.store.mark_all_read(articles.filter)
        self.reload_articles()
        self.notify(f"Marked {changed} article(s) read.", timeout=2)

    def action_toggle_unread_only(self) -> None:
        self.unread_only = not self.unread_only
        self.show_choice(self.choice)
        self.notify("Showing unread only." if self.unread_only else "Showing all articles.",
                    timeout=2)

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
        keys = [k for k in feed_list.choices if k.startswith("feed:")]
        current = self.choice.key if self.choice else None
        start = keys.index(current) + 1 if current in keys else 0
        for key in keys[start:] + keys[:start]:
            choice = feed_list.choices[key]
            if choice.feed is not None and choice.feed.unread_count and key != current:
                feed_list.select_key(key)
                self.show_choice(choice)
                return self.store.next_unread(self.query_one(ArticleList).filter, None)
        return None

    def action_search(self) -> None:
        from tui.screens.search import SearchChoice, SearchScreen

        def opened(choice: SearchChoice | None) -> None:
            if choice is not None:
                self.reveal_in_list(choice.article_id)
                self.open_article(choice.article_id)
                self.query_one(Reader).scroll_to_text(choice.query)
                self.query_one(Reader).focus()

        self.app.push_screen(SearchScreen(self.store), opened)

    def action_quote_lookup(self) -> None:
        from tui.screens.quote_lookup import QuoteLookupScreen

        def opened(hit) -> None:  # type: ignore[no-untyped-def]
            if hit is not None:
                self.open_quote(hit.article_id, hit.start, hit.end)

        self.app.push_screen(QuoteLookupScreen(self.store, self._quote_index()), opened)

    def _quote_index(self):  # type: ignore[no-untyped-def]
        from tui.core.quotes.lookup import QuoteIndex

        if getattr(self, "_quotes", None) is None:
            self._quotes = QuoteIndex(self.store)
        return self._quotes

    def reveal_in_list(self, article_id: int) -> None:
        """Move the list cursor onto an article opened from elsewhere, when the list has it."""
        articles = self.query_one(ArticleList)
        index = self.store.row_index(articles.filter, article_id)
        if index is not None:
            articles.cursor = index

    def open_quote(self, article_id: int, start: int, end: int) -> None:
        """Open an article with one quote highlighted and scrolled into view."""
        self.reveal_in_list(article_id)
        self.open_article(article_id)
        reader = self.query_one(Reader)
        reader.highlight(((start, end, "quote"),))
        reader.scroll_to_offset(start)
        reader.focus()

    def action_stories(self) -> None:
        from tui.screens.stories import StoriesScreen

        self.app.push_screen(StoriesScreen(self.config, self.store))

    # -- refresh status ------------------------------------------------------------------
    def show_progress(self, phase: str, done: int, total: int) -> None:
        bar = self.query_one("#refresh-progress", ProgressBar)
        bar.display = True
        bar.update(total=max(total, 1), progress=done)
        what = {"feeds": "feeds", "pages": "article pages", "analysis": "quotes in articles",
                "stories": "stories"}.get(phase, phase)
        self.set_status(f"Refreshing {what}: {done}/{total}  (c cancels)")

    def hide_progress(self) -> None:
        self.query_one("#refresh-progress", ProgressBar).display = False

    def set_status(self, message: str) -> None:
        self.query_one("#status", Static).update(Text(message))
