"""Article text and metadata from one page with trafilatura: our settings, the rescue passes when
the first pass finds little, and a lean metadata pass."""

from __future__ import annotations

import logging
import re
import time
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from tui.core.fulltext.sniff import decode_html, drop_inert_blocks, looks_like_html

if TYPE_CHECKING:
    from lxml.html import HtmlElement

LOG = logging.getLogger(__name__)

# Pages above LARGE_PAGE_BYTES lose their scripts, styles and comments before parsing (the bulk of most
# huge pages is inline JSON); whatever is still above MAX_HTML_BYTES is cut, which bounds parse and
# extraction time (about a second per MB of dense markup) and memory.
LARGE_PAGE_BYTES = 1_000_000
MAX_HTML_BYTES = 3_000_000
# Rescue passes run only when the first pass took less than this (a typical page takes 10-20 ms).
RESCUE_BUDGET_SECONDS = 0.5


@dataclass(frozen=True)
class Extracted:
    """Clean article text (paragraphs separated by a blank line) and what is known about it."""

    text: str
    title: str | None
    author: str | None
    published: str | None
    sitename: str | None
    language: str | None


@dataclass(frozen=True)
class ExtractionSettings:
    """Trafilatura options for the first pass, and the rescues Byline runs when its result is short.

    The defaults are what bench/bench_extract.py's ablation picked on the article-extraction-benchmark:
    a fast precision-first pass (no readability/jusText comparison), which is right for most pages and
    cheap; then, only for a result shorter than ``short_text_chars``, trafilatura's full pass with the same
    options (which compares against its readability and jusText fallbacks) and, if still short, a second
    opinion from its balanced mode when that finds at least ``second_opinion_ratio`` times more text.
    """

    favor_precision: bool = True
    favor_recall: bool = False
    include_tables: bool = True
    include_comments: bool = False
    fast: bool = True
    short_text_chars: int = 500
    full_rescue: bool = True
    second_opinion: bool = True
    second_opinion_ratio: float = 2.0
    with_metadata: bool = True

    def first_pass_options(self) -> dict[str, Any]:
        """Keyword arguments for trafilatura.extract on the first pass."""
        return {
            "favor_precision": self.favor_precision,
            "favor_recall": self.favor_recall,
            "include_tables": self.include_tables,
            "include_comments": self.include_comments,
            "fast": self.fast,
        }


DEFAULT_SETTINGS = ExtractionSettings()
SECOND_OPINION_OPTIONS: dict[str, Any] = {"include_comments": False, "include_tables": True}


# --- extraction ------------------------------------------------------------------------------------


def extract_html(
    html: bytes | str, url: str | None = None, *, settings: ExtractionSettings = DEFAULT_SETTINGS
) -> Extracted | None:
    """Extract the article from one page; None when there is no article text. Never raises."""
    try:
        return _extract_checked(html, url, settings)
    except Exception as err:  # noqa: BLE001 - a hostile page must never take down a batch or a worker
        LOG.debug("extraction failed for %s: %r", url, err)
        return None


def _extract_checked(html: bytes | str, url: str | None, settings: ExtractionSettings) -> Extracted | None:
    tree = _parse(html)
    if tree is None:
        return None
    text = _article_text(tree, url, settings)
    if not text:
        return None
    meta = _metadata(tree, url) if settings.with_metadata else {}
    text = _without_leading_title(text, meta.get("title"))
    if not text:
        return None
    return Extracted(text=text, **{field: meta.get(field) for field in _META_FIELDS})


def _without_leading_title(text: str, title: str | None) -> str:
    """Drop the headline when the text starts with it: the reader shows the title in its header."""
    first, _, rest = text.partition("\n\n")
    if title and rest and " ".join(first.split()).casefold() == title.casefold():
        return rest
    return text


def _parse(html: bytes | str) -> HtmlElement | None:
    from trafilatura.utils import load_html

    if isinstance(html, bytes):
        if not looks_like_html(html, None):
            return None
        html = decode_html(html)
    if len(html) > LARGE_PAGE_BYTES:
        html = drop_inert_blocks(html)[:MAX_HTML_BYTES]
    if not html.strip():
        return None
    tree = load_html(html)
    if tree is None or len(tree) == 0:
        return None
    return tree


def _article_text(tree: HtmlElement, url: str | None, settings: ExtractionSettings) -> str | None:
    from trafilatura import extract

    # extract() copies a tree it is given, so the tree stays intact for later passes and the metadata.
    options = settings.first_pass_options()
    started = time.perf_counter()
    text = extract(tree, url=url, **options) or ""
    # The rescue passes cost several times the first one; on a huge page they would take minutes.
    affordable = time.perf_counter() - started < RESCUE_BUDGET_SECONDS
    if len(text) < settings.short_text_chars and settings.fast and settings.full_rescue and affordable:
        text = _longer(text, extract(tree, url=url, **{**options, "fast": False}) or "", 1.0)
    if len(text) < settings.short_text_chars and settings.second_opinion and affordable:
        other = extract(tree, url=url, **SECOND_OPINION_OPTIONS) or ""
        text = _longer(text, other, settings.second_opinion_ratio)
    return _paragraphs(text) or None


def _longer(current: str, candidate: str, ratio: float) -> str:
    """The candidate when it holds at least ``ratio`` times as much text as the current result."""
    return candidate if len(candidate) > ratio * len(current) or (candidate and not current) else current


def _paragraphs(text: str) -> str:
    """Trafilatura puts one block per line; the reader wants blank lines between paragraphs. A photo
    gallery's captions ("Photos: … Hide Caption 3 of 59") are left out: a page can hold dozens before
    its article begins."""
    blocks = (line.strip() for line in text.splitlines())
    return "\n\n".join(block for block in blocks if block and not _GALLERY_CAPTION.search(block))


_GALLERY_CAPTION = re.compile(r"\bHide Caption \d+ of \d+\s*$")


_META_FIELDS = ("title", "author", "published", "sitename", "language")


def _metadata(tree: HtmlElement, url: str | None) -> dict[str, str | None]:
    """Title, author, date, site name and language from meta tags and JSON-LD, falling back to the page.

    A leaner version of trafilatura's extract_metadata: it skips categories, tags, licence and the
    extensive date search, which together cost as much as the text extraction itself.
    """
    try:
        return _lean_metadata(tree, url)
    except Exception as err:  # noqa: BLE001 - metadata is a bonus; the text still counts
        LOG.debug("metadata extraction failed for %s: %r", url, err)
        return {}


def _lean_metadata(tree: HtmlElement, url: str | None) -> dict[str, str | None]:
    from htmldate import find_date
    from trafilatura.metadata import examine_meta, extract_meta_json, extract_sitename, extract_title

    meta = examine_meta(tree)
    if meta.author and " " not in meta.author:
        meta.author = None  # single tokens here are usually handles or site names, as trafilatura also assumes
    meta = extract_meta_json(tree, meta)
    title = meta.title or extract_title(tree)
    author = meta.author or _byline_author(tree)
    published = find_date(tree, url=url or meta.url, extensive_search=False, original_date=True)
    sitename = (meta.sitename or extract_sitename(tree) or "").lstrip("@") or None
    return {
        "title": _clean(title),
        "author": _clean(author),
        "published": published or None,
        "sitename": _clean(sitename),
        "language": _language(tree),
    }


# Byline markup that sites use when they have no author meta tag. Trafilatura's own fallback copies and
# prunes the whole tree first, which costs as much as the rest of the metadata put together.
_BYLINE_XPATH = (
    '//*[@rel="author" or @itemprop="author" or contains(@class, "byline") or contains(@class, "author-name")'
    ' or contains(@class, "article-author") or contains(@class, "story-author")]'
)
_BY_PREFIX = re.compile(r"^\s*(?:by|von|par|por|di|door)\s*[:\s]\s*", re.I)


def _byline_author(tree: HtmlElement) -> str | None:
    for element in tree.xpath(_BYLINE_XPATH)[:20]:
        name = _BY_PREFIX.sub("", " ".join(element.text_content().split())).strip(" ,|-")
        if 2 < len(name) <= 80 and len(name.split()) <= 8 and not any(ch.isdigit() for ch in name):
            return name
    return None


def _clean(value: str | None) -> str | None:
    if not value:
        return None
    value = " ".join(value.split())
    return value or None


_LANG_RE = re.compile(r"^[A-Za-z]{2,3}(?:[-_][A-Za-z0-9]{2,8})*$")


def _language(tree: HtmlElement) -> str | None:
    candidates = [tree.get("lang"), tree.get("{http://www.w3.org/XML/1998/namespace}lang")]
    candidates += tree.xpath(
        '//head/meta[translate(@http-equiv,"CONTENT-LANGUAGE","content-language")="content-language"]/@content'
    )
    candidates += tree.xpath('//head/meta[@property="og:locale"]/@content')
    for candidate in candidates:
        value = (candidate or "").split(",")[0].strip()
        if _LANG_RE.match(value):
            return value.replace("_", "-")
    return None
