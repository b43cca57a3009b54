"""Article tools of the main screen: open in the browser, copy the link, save as Markdown,
fetch the page again. A component: the screen owns it and calls it with the article."""

from __future__ import annotations

import asyncio
from collections.abc import Collection
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from tui.core.models import Article, TextStatus
from tui.widgets.reader import Reader

if TYPE_CHECKING:
    from tui.core.fulltext.pages import PageOutcome
    from tui.screens.component_host import ArticleToolsHost


def documents_dir() -> Path:
    from platformdirs import user_documents_dir

    return Path(user_documents_dir()) / "byline"


class ArticleTools:
    """What one can do with an article besides reading it."""

    def __init__(self, screen: ArticleToolsHost) -> None:
        self.screen = screen

    def open_link(self, article: Article | None) -> None:
        from tui.core.share.browser import open_in_browser

        if article is None or not article.url:
            self.screen.notify("This article has no link.", severity="warning")
            return
        problem = open_in_browser(article.url, self.screen.config.settings.browser)
        if problem:
            self.screen.app.copy_to_clipboard(article.url)
            self.screen.notify(f"{problem} The link was copied instead (y copies it again).",
                               severity="warning", markup=False, timeout=6)

    def copy_link(self, article: Article | None) -> None:
        if article is None or not article.url:
            self.screen.notify("This article has no link.", severity="warning")
            return
        self.screen.app.copy_to_clipboard(article.url)
        self.screen.notify(f"Copied {article.url}", markup=False, timeout=2)

    def save_markdown(self, article: Article | None) -> None:
        from tui.core.share.markdown import article_markdown, markdown_path

        if article is None:
            return
        save_dir = self.screen.config.settings.save_dir
        folder = Path(save_dir).expanduser() if save_dir else documents_dir()
        try:
            folder.mkdir(parents=True, exist_ok=True)
            path = markdown_path(folder, article)
            path.write_text(article_markdown(article), encoding="utf-8")
        except OSError as exc:
            self.screen.notify(f"Cannot save: {exc}", severity="error", markup=False)
            return
        self.screen.notify(f"Saved {path}", markup=False, timeout=4)

    def reextract(self, article: Article | None) -> None:
        if article is None or not article.url:
            self.screen.notify("This article has no page to fetch.", severity="warning")
            return
        self.screen.set_status(f"Fetching the page of “{article.title}”…")
        self.screen.run_worker(partial(self._reextract, article.id), thread=True,
                               exclusive=True, group="reextract", exit_on_error=False)

    def _reextract(self, article_id: int) -> None:
        from tui.core.fulltext.pages import extract_one

        screen = self.screen
        try:
            outcome = asyncio.run(extract_one(screen.store, article_id, screen.config.settings))
        except Exception as exc:  # anything at all: the status line must not stay on "Fetching…"
            screen.app.call_from_thread(self._reextract_failed, f"{type(exc).__name__}: {exc}")
            return
        screen.app.call_from_thread(self._reextracted, article_id, outcome)

    def _reextract_failed(self, reason: str) -> None:
        self.screen.set_status(f"Could not fetch the page again: {reason}")
        self.screen.notify(f"Could not fetch the page again: {reason}", severity="error",
                           markup=False)

    def _reextracted(self, article_id: int, outcome: PageOutcome) -> None:
        fresh = self.screen.store.article(article_id)
        reader = self.screen.query_one(Reader)
        if fresh is not None and reader.article is not None and reader.article.id == article_id:
            self.screen.display_article(fresh, keep_scroll=True)
        note = f": {outcome.note}" if outcome.note else ""
        self.screen.set_status(f"Re-extracted: {outcome.status.value}{note}")

    def refresh_open_article(self, analysed: Collection[int] = ()) -> None:
        """Swap in the full text of the open article as soon as the refresh stored it, and its
        actors and quotes when they land (`analysed`: articles whose analysis just did)."""
        reader = self.screen.query_one(Reader)
        if reader.article is None:
            return
        landed = reader.article.id in analysed
        if reader.article.text_status is not TextStatus.PENDING and not landed:
            return
        fresh = self.screen.store.article(reader.article.id)
        if fresh is not None and (landed or fresh.text_status is not TextStatus.PENDING):
            self.screen.display_article(fresh, keep_scroll=True)
