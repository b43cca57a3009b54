"""An article as a Markdown document, and a safe file name for it."""

from __future__ import annotations

import re
from pathlib import Path

from tui.core.models import Article


def article_markdown(article: Article) -> str:
    lines = [f"# {_escape(article.title)}", ""]
    meta = [f"**{_escape(article.feed_name)}**"]
    if article.author:
        meta.append(f"by {_escape(article.author)}")
    meta.append(article.time.strftime("%Y-%m-%d %H:%M UTC"))
    lines.append(" · ".join(meta))
    if article.url:
        lines += ["", f"<{article.url}>"]
    lines += ["", article.text.strip(), ""]
    return "\n".join(lines)


def _escape(text: str) -> str:
    return re.sub(r"([\\`*_\[\]#<>])", r"\\\1", text)


def markdown_path(folder: Path, article: Article) -> Path:
    """A file name from the date and title, unique within the folder."""
    slug = re.sub(r"[^\w]+", "-", article.title.casefold()).strip("-")[:60] or "article"
    stem = f"{article.time:%Y-%m-%d}-{slug}"
    path = folder / f"{stem}.md"
    counter = 2
    while path.exists():
        path = folder / f"{stem}-{counter}.md"
        counter += 1
    return path
