"""Other screens opened from the main screen (search, quote lookup, a person's quotes, stories,
compare), and what the reader comes back with: an article to open, at a quote or a search's
words, handed to the main screen's callbacks. The main screen delegates its keys to it."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from textual.screen import Screen

from tui.core.models import Article, QuoteHit
from tui.widgets.textual_internals import build_screen_ahead

if TYPE_CHECKING:
    from textual.app import App

    from tui.core.quotes.lookup import QuoteIndex
    from tui.state import ReadingState

# Open an article at a quote: its id, and where the quote starts and ends.
OpenQuote = Callable[[int, int, int], None]
# Open an article found by a search: its id, and the words searched for.
OpenFound = Callable[[int, str], None]


# The kept screens, in the order they are built ahead of time while the app is idle.
KEPT_SCREENS = ("stories", "quote-lookup", "search")
PREBUILD_LAYOUTS = 2
MAX_PREBUILD_LAYOUTS = 4  # more while the last one asked for another


class Navigator:
    """Opens the other screens; the search, lookup and stories screens are built once and kept,
    ahead of time when the app is idle (`prebuild_next`). `quote_index`: the main screen's one
    quote index; `open_quote` and `open_found`: what to do with the reader's choice."""

    def __init__(self, state: ReadingState, quote_index: Callable[[], QuoteIndex],
                 open_quote: OpenQuote, open_found: OpenFound) -> None:
        self.state = state
        self.quote_index = quote_index
        self.open_quote = open_quote
        self.open_found = open_found
        self._layouts: dict[str, int] = {}  # layouts done ahead of time, per kept screen

    @property
    def app(self) -> App[None]:
        return self.state.app

    def _make(self, name: str) -> Screen[Any]:
        if name == "stories":
            from tui.screens.stories import StoriesScreen

            return StoriesScreen(self.state)
        if name == "quote-lookup":
            from tui.screens.quote_lookup import QuoteLookupScreen

            return QuoteLookupScreen(self.state.store, self.quote_index())
        from tui.screens.search import SearchScreen

        return SearchScreen(self.state.store)

    def _push(self, name: str, opened: Callable[[Any], None] | None = None) -> None:
        """Open a screen built once and kept: opening it again costs no composing."""
        app = self.app
        if not app.is_screen_installed(name):
            app.install_screen(self._make(name), name)
        app.push_screen(name, opened)

    def prebuild_next(self) -> bool:
        """One step of building the kept screens ahead of time, without showing them. The next
        screen not built yet is composed and mounted; one built is styled and laid out at the
        terminal's size, twice and then while its widgets, sized, ask for another layout. Its
        first opening then costs what opening it again does. False when every one is ready.
        Textual has no public way to do this: `build_screen_ahead` holds the internals it takes,
        and tests/ui/test_repaint_work.py checks that the screens are still built and laid out."""
        app = self.app
        for name in KEPT_SCREENS:
            if not app.is_screen_installed(name):
                app.install_screen(self._make(name), name)
            screen = app.get_screen(name)
            done = self._layouts.get(name, 0)
            if screen.is_running and (not screen.is_mounted or screen.is_active or
                                      done >= MAX_PREBUILD_LAYOUTS or screen in app.screen_stack):
                continue
            step = build_screen_ahead(app, screen, layout=done < PREBUILD_LAYOUTS)
            if step == "laid out":
                self._layouts[name] = done + 1
            if step is not None:
                return True
        return False

    def _open_quote(self, hit: QuoteHit | None) -> None:
        if hit is not None:
            self.open_quote(hit.article_id, hit.start, hit.end)

    def search(self) -> None:
        from tui.screens.search import SearchChoice

        def opened(choice: SearchChoice | None) -> None:
            if choice is not None:
                self.open_found(choice.article_id, choice.query)

        self._push("search", opened)

    def quote_lookup(self) -> None:
        self._push("quote-lookup", self._open_quote)

    def person(self, name: str) -> None:
        """A followed person's quotes, newest first across outlets; enter opens one in its
        article. Opening them makes none of their quotes new any more."""
        from tui.screens.person_quotes import PersonQuotesScreen

        self.state.person_seen(name)
        self.app.push_screen(PersonQuotesScreen(self.state.store, self.quote_index(), name),
                             self._open_quote)

    def stories(self) -> None:
        self._push("stories")

    def compare(self, article: Article | None) -> None:
        """How each outlet covered the article's story."""
        from tui.screens.compare import CompareScreen

        if article is None or article.story_id is None:
            self.app.notify("Open an article of a story first.", timeout=2)
            return
        self.app.push_screen(CompareScreen(self.state, article.story_id, article.id))
