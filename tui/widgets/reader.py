"""The reader pane: a header (outlet, author, date, length, text status) and the article text."""

from __future__ import annotations

from rich.console import Console
from rich.text import Text
from textual.containers import VerticalScroll
from textual.widgets import Static

from tui import bindings
from tui.core.models import Article, TextStatus

WORDS_PER_MINUTE = 230


def reading_stats(text: str) -> tuple[int, int]:
    words = len(text.split())
    return words, max(1, round(words / WORDS_PER_MINUTE)) if words else 0


def header_text(article: Article) -> Text:
    """The article's header as inert text."""
    header = Text()
    header.append(article.title, style="bold")
    header.append("\n")
    meta = [article.feed_name]
    if article.author:
        meta.append(f"by {article.author}")
    when = article.published or article.fetched
    meta.append(when.strftime("%a %d %b %Y %H:%M UTC"))
    words, minutes = reading_stats(article.text)
    meta.append(f"{words} words, {minutes} min read")
    header.append(" · ".join(meta), style="italic")
    header.append("\n")
    if article.text_status is TextStatus.FULL:
        header.append(" FULL TEXT ", style="reverse green")
    elif article.text_status is TextStatus.PENDING:
        header.append(" SUMMARY · full text not fetched yet ", style="reverse yellow")
    else:
        reason = article.text_note or article.text_status.value
        header.append(f" SUMMARY ONLY: {reason} ", style="reverse yellow")
    if article.url:
        header.append("  ")
        header.append(article.url, style="underline dim")
    return header


HIGHLIGHT_STYLES = {"quote": "reverse", "mention": "bold underline", "hit": "reverse"}


def body_text(article: Article, highlights: tuple[tuple[int, int, str], ...] = ()) -> Text:
    """The article text as inert Text, with (start, end, kind) ranges highlighted."""
    if not article.text:
        return Text("(This article has no text in the feed.)", style="dim")
    text = Text(article.text, no_wrap=False)
    for start, end, kind in highlights:
        text.stylize(HIGHLIGHT_STYLES.get(kind, "reverse"), start, end)
    return text


class Reader(VerticalScroll, can_focus=True):
    """Shows one article; all text is rendered as plain Text, never as markup."""

    BINDINGS = bindings.READER

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.article: Article | None = None
        self.note: str | None = None
        self.highlights: tuple[tuple[int, int, str], ...] = ()

    def compose(self):  # type: ignore[no-untyped-def]
        yield Static(Text("Select an article and press enter.", style="dim"), id="reader-header")
        yield Static(Text(""), id="reader-body")

    def show(self, article: Article, *, keep_scroll: bool = False, note: str | None = None,
             highlights: tuple[tuple[int, int, str], ...] = ()) -> None:
        """Display an article; keep_scroll keeps the position when the same article is updated."""
        same = self.article is not None and self.article.id == article.id
        self.article = article
        self.note = note
        header = header_text(article)
        if note:
            header.append("\n")
            header.append(note, style="dim italic")
        self.query_one("#reader-header", Static).update(header)
        self.highlight(highlights)
        if not (same and keep_scroll):
            self.scroll_home(animate=False)

    def highlight(self, highlights: tuple[tuple[int, int, str], ...]) -> None:
        """Redraw the text with these ranges highlighted (no ranges: plain)."""
        self.highlights = highlights
        if self.article is not None:
            self.query_one("#reader-body", Static).update(body_text(self.article, highlights))

    def clear(self) -> None:
        self.article = None
        self.query_one("#reader-header", Static).update(Text(""))
        self.query_one("#reader-body", Static).update(Text(""))

    def scroll_to_text(self, query: str) -> None:
        """Scroll so the first word of the query found in the text is near the top."""
        from tui.core.text import first_hit_offset

        if self.article is None:
            return
        offset = first_hit_offset(self.article.text, query)
        if offset is not None:
            self.scroll_to_offset(offset)

    def scroll_to_offset(self, offset: int) -> None:
        body = self.query_one("#reader-body", Static)

        def scroll() -> None:
            line = self.line_of_offset(offset)
            self.scroll_to(y=body.virtual_region.y + max(line - 2, 0), animate=False)

        self.call_after_refresh(scroll)

    def line_of_offset(self, offset: int) -> int:
        """The display line (within the body) where a character offset of the text lands.

        Wrapping is greedy from the start, so the text before the offset wraps exactly as it
        does on screen; its line count is the answer."""
        if self.article is None:
            return 0
        body = self.query_one("#reader-body", Static)
        width = max(body.content_region.width, 20)
        before = Text(body_text(self.article).plain[:offset])
        lines = before.wrap(Console(width=width, legacy_windows=False), width)
        return max(len(lines) - 1, 0)
