"""Article actions of the main screen: re-extract, copy the link, save as Markdown."""

from __future__ import annotations

from collections.abc import Collection
from pathlib import Path
from typing import TYPE_CHECKING

from textual import work

from tui.core.models import TextStatus
from tui.widgets.reader import Reader

if TYPE_CHECKING:
    from tui.config import Config
    from tui.core.store import Store


def _documents_dir() -> Path:
    from platformdirs import user_documents_dir

    return Path(user_documents_dir()) / "byline"


class ArticleActions:
    """Mixed into MainScreen: actions on the current article beyond reading it."""

    config: Config
    store: Store

    def action_reextract(self) -> None:
        article = self._current_article()
        if article is None or not article.url:
            self.notify("This article has no page to fetch.", severity="warning")
            return
        self.set_status(f"Fetching the page of “{article.title}”…")
        self.reextract(article.id)

    @work(thread=True, exclusive=True, group="reextract", exit_on_error=False)
    def reextract(self, article_id: int) -> None:
        import asyncio

        from tui.core.fulltext.pages import extract_one

        outcome = asyncio.run(extract_one(self.store, article_id, self.config.settings))
        self.app.call_from_thread(self._reextracted, article_id, outcome)

    def _reextracted(self, article_id: int, outcome) -> None:  # type: ignore[no-untyped-def]
        fresh = self.store.article(article_id)
        reader = self.query_one(Reader)
        if fresh is not None and reader.article is not None and reader.article.id == article_id:
            self.display_article(fresh, keep_scroll=True)
        note = f": {outcome.note}" if outcome.note else ""
        self.set_status(f"Re-extracted: {outcome.status.value}{note}")

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

    def _current_article(self):  # type: ignore[no-untyped-def]
        article_id = self._target_article()
        return self.store.article(article_id) if article_id else None

    def action_copy_link(self) -> None:
        article = self._current_article()
        if article is None or not article.url:
            self.notify("This article has no link.", severity="warning")
            return
        self.app.copy_to_clipboard(article.url)
        self.notify(f"Copied {article.url}", markup=False, timeout=2)

    def action_save_markdown(self) -> None:
        from tui.core.markdown import article_markdown, markdown_path

        article = self._current_article()
        if article is None:
            return
        folder = Path(self.config.settings.save_dir).expanduser() if \
            self.config.settings.save_dir else _documents_dir()
        try:
            folder.mkdir(parents=True, exist_ok=True)
            path = markdown_path(folder, article)
            path.write_text(article_markdown(article), encoding="utf-8")
        except OSError as exc:
            self.notify(f"Cannot save: {exc}", severity="error", markup=False)
            return
        self.notify(f"Saved {path}", markup=False, timeout=4)
