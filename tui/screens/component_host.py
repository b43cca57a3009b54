"""What the main screen's components need from the screen that holds them, as protocols: a
component names its host by what it uses, so none imports the main screen (no import cycle)."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any, Protocol, TypeVar

if TYPE_CHECKING:
    from textual.app import App
    from textual.notifications import SeverityLevel
    from textual.widget import Widget
    from textual.worker import Worker, WorkType

    from tui.config import Config
    from tui.core.models import Article
    from tui.core.quotes.lookup import QuoteIndex
    from tui.core.store import Store
    from tui.state import ReadingState

W = TypeVar("W", bound="Widget")
R = TypeVar("R")


class ComponentHost(Protocol):
    """What every component uses: the app, the reading state, and the screen's own tools."""

    @property
    def app(self) -> App[object]: ...

    @property
    def config(self) -> Config: ...

    @property
    def state(self) -> ReadingState: ...

    @property
    def store(self) -> Store: ...

    def notify(self, message: str, *, title: str = "", severity: SeverityLevel = "information",
               timeout: float | None = None, markup: bool = True) -> None: ...

    def query_one(self, selector: type[W]) -> W: ...

    def run_worker(self, work: WorkType[R], name: str | None = "", group: str = "default",
                   description: str = "", exit_on_error: bool = True, start: bool = True,
                   exclusive: bool = False, thread: bool = False) -> Worker[R]: ...

    def call_later(self, callback: Callable[..., Any], *args: Any, **kwargs: Any) -> bool: ...


class ArticleToolsHost(ComponentHost, Protocol):
    """The article tools also show a status line and the article fetched again."""

    def set_status(self, message: str) -> None: ...

    def display_article(self, article: Article, *, keep_scroll: bool = False) -> None: ...


class MuteEditingHost(ComponentHost, Protocol):
    """Mute editing fills a new mute in from the article in front of the reader."""

    def target_article(self) -> Article | None: ...


class NavigatorHost(ComponentHost, Protocol):
    """The navigator opens what the reader chose on another screen."""

    def quote_index(self) -> QuoteIndex: ...

    def open_article(self, article_id: int) -> None: ...

    def open_quote(self, article_id: int, start: int, end: int) -> None: ...

    def reveal_in_list(self, article_id: int) -> None: ...
