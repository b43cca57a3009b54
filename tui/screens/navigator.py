"""Other screens opened from the main screen (search, quote lookup, a person's quotes, stories,
compare), and what happens when the reader comes back with a choice. A component: the main
screen owns it and delegates its keys to it."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from textual.screen import Screen

from tui.core.models import Article, QuoteHit
from tui.widgets.reader import Reader
from tui.widgets.textual_internals import build_screen_ahead

if TYPE_CHECKING:
    from tui.screens.component_host import NavigatorHost


# The kept screens, in the order they are built ahead of time while the app is idle.
KEPT_SCREENS = ("stories", "quote-lookup", "search")
PREBUILD_LAYOUTS = 2
MAX_PREBUILD_LAYOUTS = 4  # more while the last one asked for another


class Navigator:
    """Opens the other screens; the search, lookup and stories screens are built once and kept,
    ahead of time when the app is idle (`prebuild_next`)."""

    def __init__(self, screen: NavigatorHost) -> None:
        self.screen = screen
        self._layouts: dict[str, int] = {}  # layouts done ahead of time, per kept screen

    def _make(self, name: str) -> Screen[Any]:
        main = self.screen
        if name == "stories":
            from tui.screens.stories import StoriesScreen

            return StoriesScreen(main.state)
        if name == "quote-lookup":
            from tui.screens.quote_lookup import QuoteLookupScreen

            return QuoteLookupScreen(main.store, main.quote_index())
        from tui.screens.search import SearchScreen

        return SearchScreen(main.store)

    def _push(self, name: str, opened: Callable[[Any], None] | None = None) -> None:
        """Open a screen built once and kept: opening it again costs no composing."""
        app = self.screen.app
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
        app = self.screen.app
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
            self.screen.open_quote(hit.article_id, hit.start, hit.end)

    def search(self) -> None:
        from tui.screens.search import SearchChoice

        main = self.screen

        def opened(choice: SearchChoice | None) -> None:
            if choice is not None:
                main.reveal_in_list(choice.article_id)
                main.open_article(choice.article_id)
                main.query_one(Reader).scroll_to_text(choice.query)

        self._push("search", opened)

    def quote_lookup(self) -> None:
        self._push("quote-lookup", self._open_quote)

    def person(self, name: str) -> None:
        """A followed person's quotes, newest first across outlets; enter opens one in its
        article. Opening them makes none of their quotes new any more."""
        from tui.screens.person_quotes import PersonQuotesScreen

        main = self.screen
        main.state.person_seen(name)
        main.app.push_screen(PersonQuotesScreen(main.store, main.quote_index(), name),
                             self._open_quote)

    def stories(self) -> None:
        self._push("stories")

    def compare(self, article: Article | None) -> None:
        """How each outlet covered the article's story."""
        from tui.screens.compare import CompareScreen

        if article is None or article.story_id is None:
            self.screen.notify("Open an article of a story first.", timeout=2)
            return
        self.screen.app.push_screen(CompareScreen(self.screen.state, article.story_id,
                                                  article.id))
