"""Other screens opened from the main screen (search, quote lookup, a person's quotes, stories,
compare), and what happens when the reader comes back with a choice. A component: the main
screen owns it and delegates its keys to it."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from textual.screen import Screen

from tui.core.models import Article, QuoteHit
from tui.widgets.reader import Reader

if TYPE_CHECKING:
    from tui.screens.main import MainScreen


class Navigator:
    """Opens the other screens; the search, lookup and stories screens are built once and kept."""

    def __init__(self, screen: MainScreen) -> None:
        self.screen = screen

    def _push(self, name: str, make: Callable[[], Screen[Any]],
              opened: Callable[[Any], None] | None = None) -> None:
        """Open a screen built once and kept: opening it again costs no composing."""
        app = self.screen.app
        if not app.is_screen_installed(name):
            app.install_screen(make(), name)
        app.push_screen(name, opened)

    def _open_quote(self, hit: QuoteHit | None) -> None:
        if hit is not None:
            self.screen.open_quote(hit.article_id, hit.start, hit.end)

    def search(self) -> None:
        from tui.screens.search import SearchChoice, SearchScreen

        main = self.screen

        def opened(choice: SearchChoice | None) -> None:
            if choice is not None:
                main.reveal_in_list(choice.article_id)
                main.open_article(choice.article_id)
                main.query_one(Reader).scroll_to_text(choice.query)

        self._push("search", lambda: SearchScreen(main.store), opened)

    def quote_lookup(self) -> None:
        from tui.screens.quote_lookup import QuoteLookupScreen

        main = self.screen
        self._push("quote-lookup", lambda: QuoteLookupScreen(main.store, main.quote_index()),
                   self._open_quote)

    def person(self, name: str) -> None:
        """A followed person's quotes, newest first across outlets; enter opens one in its
        article. Opening them makes none of their quotes new any more."""
        from tui.screens.person_quotes import PersonQuotesScreen

        main = self.screen
        main.state.person_seen(name)
        main.app.push_screen(PersonQuotesScreen(main.store, main.quote_index(), name),
                             self._open_quote)

    def stories(self) -> None:
        from tui.screens.stories import StoriesScreen

        self._push("stories", lambda: StoriesScreen(self.screen.state))

    def compare(self, article: Article | None) -> None:
        """How each outlet covered the article's story."""
        from tui.screens.compare import CompareScreen

        if article is None or article.story_id is None:
            self.screen.notify("Open an article of a story first.", timeout=2)
            return
        self.screen.app.push_screen(CompareScreen(self.screen.state, article.story_id,
                                                  article.id))
