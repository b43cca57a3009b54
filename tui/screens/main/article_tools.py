"""The main screen's article tools: open in the browser, copy the link, save as Markdown,
fetch the page again. The screen calls them with the article; a page fetched again reaches the
reader as any refreshed article does, through ReadingState."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from functools import partial
from typing import TYPE_CHECKING

from tui.core.models import Article

if TYPE_CHECKING:
    from textual.app import App

    from tui.core.fulltext.pages import PageOutcome
    from tui.state import ReadingState


class ArticleTools:
    """What one can do with an article besides reading it; `set_status` writes the main
    screen's status line."""

    def __init__(self, state: ReadingState, set_status: Callable[[str], None]) -> None:
        self.state = state
        self.set_status = set_status

    @property
    def app(self) -> App[None]:
        return self.state.app

    def open_link(self, article: Article | None) -> None:
        from tui.core.share.browser import open_in_browser

        if article is None or not article.url:
            self.app.notify("This article has no link.", severity="warning")
            return
        problem = open_in_browser(article.url, self.state.config.settings.browser)
        if problem:
            self.app.copy_to_clipboard(article.url)
            self.app.notify(f"{problem} The link was copied instead (y copies it again).",
                            severity="warning", markup=False, timeout=6)

    def copy_link(self, article: Article | None) -> None:
        if article is None or not article.url:
            self.app.notify("This article has no link.", severity="warning")
            return
        self.app.copy_to_clipboard(article.url)
        self.app.notify(f"Copied {article.url}", markup=False, timeout=2)

    def save_markdown(self, article: Article | None) -> None:
        from tui.core.share.documents import save_folder
        from tui.core.share.markdown import article_markdown, markdown_path

        if article is None:
            return
        folder = save_folder(self.state.config.settings.save_dir)
        try:
            folder.mkdir(parents=True, exist_ok=True)
            path = markdown_path(folder, article)
            path.write_text(article_markdown(article), encoding="utf-8")
        except OSError as exc:
            self.app.notify(f"Cannot save: {exc}", severity="error", markup=False)
            return
        self.app.notify(f"Saved {path}", markup=False, timeout=4)

    def reextract(self, article: Article | None) -> None:
        if article is None or not article.url:
            self.app.notify("This article has no page to fetch.", severity="warning")
            return
        self.set_status(f"Fetching the page of “{article.title}”…")
        self.app.run_worker(partial(self._reextract, article.id), thread=True,
                            exclusive=True, group="reextract", exit_on_error=False)

    def _reextract(self, article_id: int) -> None:
        from tui.core.fulltext.pages import extract_one

        state = self.state
        try:
            outcome = asyncio.run(extract_one(state.store, article_id, state.config.settings))
        except Exception as exc:  # anything at all: the status line must not stay on "Fetching…"
            self.app.call_from_thread(self._reextract_failed, f"{type(exc).__name__}: {exc}")
            return
        self.app.call_from_thread(self._reextracted, article_id, outcome)

    def _reextract_failed(self, reason: str) -> None:
        self.set_status(f"Could not fetch the page again: {reason}")
        self.app.notify(f"Could not fetch the page again: {reason}", severity="error",
                        markup=False)

    def _reextracted(self, article_id: int, outcome: PageOutcome) -> None:
        # Its text, actors and quotes are stored again: a reader showing it shows them.
        self.state.analyses_stored(frozenset({article_id}))
        note = f": {outcome.note}" if outcome.note else ""
        self.set_status(f"Re-extracted: {outcome.status.value}{note}")
