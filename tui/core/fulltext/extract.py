"""Article text and metadata extraction with trafilatura, and a process pool that runs it off the event loop."""

from __future__ import annotations

import asyncio
import contextlib
import gzip
import logging
import os
import re
import sys
import threading
import time
import zlib
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, AnyStr, TypeVar

if TYPE_CHECKING:
    from types import TracebackType

    from lxml.html import HtmlElement

LOG = logging.getLogger(__name__)
T = TypeVar("T")

# Pages above LARGE_PAGE_BYTES lose their scripts, styles and comments before parsing (the bulk of most
# huge pages is inline JSON); whatever is still above MAX_HTML_BYTES is cut, which bounds parse and
# extraction time (about a second per MB of dense markup) and memory.
LARGE_PAGE_BYTES = 1_000_000
MAX_HTML_BYTES = 3_000_000
# A .html.gz source may not inflate beyond this (a gzip bomb would otherwise exhaust memory).
MAX_INFLATED_BYTES = 64_000_000
# How far into a body the sniffers look.
SNIFF_BYTES = 4096
PAYWALL_SCAN_CHARS = 2_000_000
# Legacy-encoding candidates are compared on this much of the decoded page.
MOJIBAKE_SAMPLE_CHARS = 200_000
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


# --- sniffing --------------------------------------------------------------------------------------

_BINARY_MAGIC = (
    b"%PDF-",
    b"\x89PNG",
    b"GIF87a",
    b"GIF89a",
    b"\xff\xd8\xff",  # JPEG
    b"PK\x03\x04",  # zip, docx, epub
    b"\x1f\x8b",  # gzip that nobody decompressed
    b"BM",  # only trusted together with a NUL below
    b"OggS",
    b"ID3",
    b"fLaC",
    b"\x00\x00\x01\x00",  # ICO
    b"wOFF",
    b"wOF2",
    b"\x7fELF",
    b"Rar!",
    b"7z\xbc\xaf",
)
_NON_HTML_TYPES = re.compile(r"^(image|audio|video|font|model)/|^application/(pdf|zip|gzip|octet-stream|x-)", re.I)
_HTML_TYPES = re.compile(r"html|xml", re.I)
_HTML_MARKER = re.compile(rb"<\s*(!doctype|html|head|body|meta|title|p|div|article|main|section|script|!--)\b", re.I)
_UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")


def looks_like_html(body: bytes, content_type: str | None) -> bool:
    """Tell whether a response body is plausibly an HTML page, whatever the server claimed."""
    if not body or not body.strip():
        return False
    mime = (content_type or "").split(";", 1)[0].strip()
    if mime and _NON_HTML_TYPES.search(mime):
        return False
    head = body[:SNIFF_BYTES]
    if head.startswith(_UTF16_BOMS):
        head = head.decode("utf-16", errors="replace").encode("utf-8", errors="replace")
    if _has_binary_magic(head) or _looks_binary(head):
        return False
    if mime and _HTML_TYPES.search(mime):
        return True
    return _HTML_MARKER.search(body[: SNIFF_BYTES * 16]) is not None


def _has_binary_magic(head: bytes) -> bool:
    start = head.lstrip()[:8]
    return any(start.startswith(magic) for magic in _BINARY_MAGIC if magic != b"BM") or (
        start.startswith(b"BM") and b"\x00" in head[:64]
    )


def _looks_binary(head: bytes) -> bool:
    # Text never contains NUL, and more than a few other C0 controls means it is not text either.
    if b"\x00" in head:
        return True
    controls = sum(1 for byte in head if byte < 9 or 13 < byte < 32)
    return controls > len(head) // 50 + 2


_PAYWALL_PATTERNS = re.compile(
    r"""["']?isAccessibleForFree["']?\s*[:=]\s*["']?false"""
    r"""|itemprop\s*=\s*["']isAccessibleForFree["'][^>]*content\s*=\s*["']false"""
    r"""|content\s*=\s*["']false["'][^>]*itemprop\s*=\s*["']isAccessibleForFree"""
    r"""|(?:class|id)\s*=\s*["'][^"']*\b(?:paywall|pay-wall|regwall|reg-wall|subscriber-only|subscribers-only"""
    r"""|premium-content|article-locked|locked-content|piano-offer|meteredContent|tp-modal)\b""",
    re.I,
)


def detect_paywall(html: str) -> bool:
    """Cheap heuristic: does the page mark its content as paid-only or carry a paywall overlay?"""
    return _PAYWALL_PATTERNS.search(html[:PAYWALL_SCAN_CHARS]) is not None


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
        html = _drop_inert_blocks(html)[:MAX_HTML_BYTES]
    if not html.strip():
        return None
    tree = load_html(html)
    if tree is None or len(tree) == 0:
        return None
    return tree


# --- decoding ------------------------------------------------------------------------------------

_BOMS = ((b"\xef\xbb\xbf", "utf-8-sig"), (b"\xff\xfe", "utf-16"), (b"\xfe\xff", "utf-16"))
_DECLARED_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)
_WORDS = re.compile(r"[^\W\d_]{2,}")
_CYRILLIC = re.compile(r"[\u0400-\u04ff]")
_LATIN_EXTRA = re.compile(r"[\u00c0-\u024f]")
# WHATWG: these labels mean windows-1252 on the web, whatever they say.
_WEB_ALIASES = {"latin1": "cp1252", "iso8859_1": "cp1252", "ascii": "cp1252", "iso8859_9": "cp1254"}


def decode_html(body: bytes) -> str:
    """Decode a page: BOM, then UTF-8, else the legacy encoding whose result reads least like mojibake.

    A declared charset is only a candidate (pages often declare the wrong one); among equally plausible
    readings the declared one wins, then windows-1252 (the web's usual legacy default), then the
    statistical guesses.
    """
    for bom, encoding in _BOMS:
        if body.startswith(bom):
            return body.decode(encoding, errors="replace")
    try:
        return body.decode("utf-8")
    except UnicodeDecodeError:
        pass
    lenient = body.decode("utf-8", errors="replace")
    if lenient.count("\ufffd") * 1000 <= len(body):
        return lenient  # UTF-8 with a stray byte or two: reading it as a legacy encoding would garble it all
    best: tuple[float, int, str] | None = None
    for rank, encoding in enumerate(_candidate_encodings(body)):
        try:
            text = body.decode(encoding)
        except (LookupError, UnicodeDecodeError):
            continue
        score = _mojibake_score(text[:MOJIBAKE_SAMPLE_CHARS])
        if best is None or (score, rank) < best[:2]:
            best = (score, rank, text)
    return best[2] if best else lenient


def _candidate_encodings(body: bytes) -> list[str]:
    import codecs

    candidates = []
    if declared := _DECLARED_CHARSET.search(body[:8192]):
        candidates.append(declared[1].decode("ascii", errors="ignore"))
    candidates.append("cp1252")
    candidates += _guessed_encodings(body)
    normalised = []
    for name in candidates:
        try:
            codec = codecs.lookup(name).name
        except LookupError:
            continue
        codec = _WEB_ALIASES.get(codec.replace("-", "_"), codec)
        if codec not in normalised and not codec.startswith("utf"):
            normalised.append(codec)
    return normalised


def _guessed_encodings(body: bytes) -> list[str]:
    try:
        from charset_normalizer import from_bytes
    except ImportError:  # pragma: no cover - a dependency of trafilatura
        return []
    sample = body if len(body) < 20_000 else body[:10_000] + body[-10_000:]
    return [match.encoding for match in list(from_bytes(sample))[:4]]


def _mojibake_score(text: str) -> float:
    """Share of words that look like a wrong decoding: scripts mixed in one word, or Latin words made
    mostly of accented letters (Cyrillic or Greek bytes read as windows-1252)."""
    words = _WORDS.findall(text)
    if not words:
        return 0.0
    odd = 0
    for word in words:
        cyrillic = len(_CYRILLIC.findall(word))
        accented = len(_LATIN_EXTRA.findall(word))
        if (cyrillic and cyrillic < len(word)) or accented * 2 > len(word):
            odd += 1
    return round(odd / len(words), 3)


_INERT_BLOCKS = (("<script", "</script"), ("<style", "</style"), ("<!--", "-->"))


def _drop_inert_blocks(html: AnyStr) -> AnyStr:
    """Remove scripts (except JSON-LD metadata), styles and comments with a linear scan."""
    for opening, closing in _INERT_BLOCKS:
        html = _drop_blocks(html, opening, closing)
    return html


def _drop_blocks(html: AnyStr, opening: str, closing: str) -> AnyStr:
    as_type: Callable[[str], Any] = (lambda text: text.encode("ascii")) if isinstance(html, bytes) else str
    lower, open_tag, close_tag, keep_marker = html.lower(), as_type(opening), as_type(closing), as_type("ld+json")
    kept, position = [], 0
    while (start := lower.find(open_tag, position)) != -1:
        kept.append(html[position:start])
        end = lower.find(close_tag, start + len(open_tag))
        if end == -1:  # unterminated: a browser would swallow the rest of the page too
            return html[:0].join(kept)
        tag_end = lower.find(as_type(">"), end + len(close_tag) - 1)
        position = len(html) if tag_end == -1 else tag_end + 1
        opening_tag_end = lower.find(as_type(">"), start)
        if keep_marker in lower[start:opening_tag_end]:
            kept.append(html[start:position])
    kept.append(html[position:])
    return html[:0].join(kept)


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
    """Trafilatura puts one block per line; the reader wants blank lines between paragraphs."""
    blocks = (line.strip() for line in text.splitlines())
    return "\n\n".join(block for block in blocks if block)


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


# --- local sources for `byline extract` ----------------------------------------------------------

HTML_SUFFIXES = (".html", ".htm", ".xhtml")
TEXT_SUFFIXES = (".txt",)


def extract_source(source: str) -> dict[str, Any]:
    """Extract one local file for `byline extract`: an error dict instead of an exception on any failure."""
    if re.match(r"^[a-z][a-z0-9+.-]*://", source, re.I):
        return _error(source, "URLs are fetched by the CLI's HTTP client; extract_source reads local files only")
    path = Path(source)
    try:
        return _extract_file(source, path)
    except FileNotFoundError:
        return _error(source, f"no such file: {source}")
    except IsADirectoryError:
        return _error(source, f"is a directory, not a file: {source}")
    except PermissionError:
        return _error(source, f"permission denied: {source}")
    except (gzip.BadGzipFile, EOFError, zlib.error):
        return _error(source, f"not a valid gzip file: {source}")
    except UnicodeDecodeError as err:
        return _error(source, f"text file is not valid UTF-8 (byte {err.start}): {source}")
    except OSError as err:
        return _error(source, f"cannot read {source}: {err.strerror or err}")
    except _SourceError as err:
        return _error(source, str(err))


class _SourceError(Exception):
    """A source that was read but cannot be turned into text; the message is shown to the user."""


def extract_sources(sources: Iterable[str], workers: int | None = None) -> Iterator[dict[str, Any]]:
    """extract_source over a batch, in input order, spread over a process pool when there is more than one."""
    sources = list(sources)
    if len(sources) < 2 or workers == 1:
        yield from map(extract_source, sources)
        return
    with ExtractionPool(min(workers or default_workers(), len(sources))) as pool:
        yield from pool.map_sources(sources)


def _extract_file(source: str, path: Path) -> dict[str, Any]:
    name = path.name.lower()
    compressed = name.endswith(".gz")
    stem = name[:-3] if compressed else name
    if path.is_dir():
        raise IsADirectoryError(source)
    if stem.endswith(TEXT_SUFFIXES):
        return _text_result(source, _read_bytes(path, compressed).decode("utf-8"))
    if not stem.endswith(HTML_SUFFIXES):
        raise _SourceError(f"unsupported file type (expected .html, .htm, .txt, optionally .gz): {source}")
    extracted = extract_html(_read_bytes(path, compressed))
    if extracted is None:
        raise _SourceError(f"no article text found in {source}")
    return {
        "source": source,
        "title": extracted.title,
        "author": extracted.author,
        "published": extracted.published,
        "text": extracted.text,
    }


def _read_bytes(path: Path, compressed: bool) -> bytes:
    if not compressed:
        return path.read_bytes()
    with gzip.open(path, "rb") as stream:
        data = stream.read(MAX_INFLATED_BYTES + 1)
    if len(data) > MAX_INFLATED_BYTES:
        raise _SourceError(f"inflates beyond {MAX_INFLATED_BYTES // 1_000_000} MB: {path}")
    return data


def _text_result(source: str, text: str) -> dict[str, Any]:
    # Taken exactly as stored (no newline translation, BOM kept) so character offsets stay valid.
    return {"source": source, "title": None, "author": None, "published": None, "text": text}


def _error(source: str, message: str) -> dict[str, Any]:
    return {"source": source, "error": message}


# --- the process pool ------------------------------------------------------------------------------


def default_workers() -> int:
    """The number of cores this process may run on."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except (AttributeError, OSError):  # not on Linux
        return max(1, os.cpu_count() or 1)


def _extract_pair(page: tuple[bytes | str, str | None]) -> Extracted | None:
    html, url = page
    return extract_html(html, url)


class WorkerLost(Exception):
    """A worker process died (killed, or a crash in native code) before answering."""


def prepare_forkserver(modules: Sequence[str]) -> None:
    """Have the fork server import these once, so each worker forked from it starts with them
    (it counts only before the server starts; after that, workers import on first use)."""
    from multiprocessing import forkserver

    forkserver.set_forkserver_preload(list(modules))


def start_process_helpers(fulltext: bool) -> None:
    """Start multiprocessing's fork server (preloading what workers need) and resource tracker,
    if they are not running yet. The first pool does this itself when it starts; the TUI starts
    nothing up front, so a refresh pays for it, not start-up."""
    if sys.platform != "linux":
        return
    from multiprocessing import forkserver, resource_tracker

    from tui.core.fulltext.work import preload_modules

    prepare_forkserver(preload_modules(fulltext))
    with _lent_stderr():
        resource_tracker.ensure_running()
        forkserver.ensure_running()


_HELPERS_LOCK = threading.Lock()


@contextlib.contextmanager
def _lent_stderr() -> Iterator[None]:
    """Under Textual, sys.stderr is a stand-in whose fileno() is -1, which the resource tracker
    would hand its child process ("bad value(s) in fds_to_keep", found in a real terminal):
    while the helpers start, lend it /dev/null, which also keeps their output off the screen."""
    try:
        usable = sys.stderr.fileno() >= 0
    except (AttributeError, OSError, ValueError):
        usable = True  # the tracker skips a stream without a descriptor
    if usable:
        yield
        return
    with _HELPERS_LOCK, open(os.devnull, "w") as devnull:
        stand_in, sys.stderr = sys.stderr, devnull
        try:
            yield
        finally:
            sys.stderr = stand_in


class ExtractionPool:
    """A process pool sized to the machine's cores for CPU-bound work: page extraction, and the
    analysis of text (tui.core.fulltext.work).

    `fulltext` says whether pages will be extracted: without it, workers never import trafilatura.
    """

    def __init__(self, workers: int | None = None, start_method: str | None = None, *,
                 fulltext: bool = True) -> None:
        self.workers = workers or default_workers()
        self._start_method = start_method
        self._fulltext = fulltext
        self._executor: ProcessPoolExecutor | None = None
        self._closed = False
        self._in_flight: set[Future[Any]] = set()
        self.inline = False  # True once workers proved unable to start
        self._answered = False  # the current executor's workers completed a call
        self._failed_starts = 0
        self._starting: asyncio.Future[None] | None = None  # workers being started, in a thread
        self._started_for: ProcessPoolExecutor | None = None  # the executor they were started for
        # A shut-down executor must outlive close(): if it is garbage-collected first, its manager
        # thread never sees the request to cancel pending work.
        self._retired: list[ProcessPoolExecutor] = []

    def _pool(self) -> ProcessPoolExecutor:
        if self._closed:
            raise RuntimeError("ExtractionPool is closed")
        if self._executor is None:
            import functools
            import multiprocessing

            from tui.core.fulltext.work import warm

            if self._start_method == "forkserver":
                start_process_helpers(self._fulltext)
            elif self._start_method == "spawn":
                from multiprocessing import resource_tracker

                with _lent_stderr():
                    resource_tracker.ensure_running()
            context = multiprocessing.get_context(self._start_method) if self._start_method else None
            self._executor = ProcessPoolExecutor(self.workers, mp_context=context,
                                                 initializer=functools.partial(warm, self._fulltext, os.getpid()))
        return self._executor

    async def _ready(self) -> ProcessPoolExecutor:
        """The executor with its workers started. From the fork server, starting a worker waits
        until the server has imported what it preloads (a few hundred ms the first time): that
        happens in a thread, so an event loop that fetches and stores never waits for it."""
        if self._start_method != "forkserver":
            return self._pool()
        if self._executor is None or self._started_for is not self._executor:
            if self._starting is None or self._starting.done():
                self._starting = asyncio.ensure_future(asyncio.to_thread(self._start_workers))
            await asyncio.shield(self._starting)
        return self._pool()

    def _start_workers(self) -> None:
        executor = self._pool()
        with contextlib.suppress(BrokenProcessPool, RuntimeError, OSError):
            for _ in range(self.workers):  # each submission finding no idle worker starts one
                executor.submit(os.getpid)
        self._started_for = executor

    async def warm_up(self) -> None:
        """Start every worker; returns once each has answered (errors are left to later calls)."""
        try:
            await asyncio.gather(*(self.run(os.getpid) for _ in range(self.workers)))
        except (WorkerLost, RuntimeError, OSError):
            pass

    async def run(self, fn: Callable[..., T], *args: Any) -> T:
        """fn(*args) in a worker; cancelling the awaiting task drops it if not yet started.
        Raises WorkerLost when a worker died (the pool starts afresh for the next call). When
        workers die twice in a row before answering anything, they cannot start here: from
        then on calls run in a thread of this process instead."""
        if self.inline:
            return await asyncio.to_thread(fn, *args)
        executor = await self._ready()
        try:
            future = executor.submit(fn, *args)
            self._in_flight.add(future)
            future.add_done_callback(self._in_flight.discard)
            result = await asyncio.wrap_future(future)
        except BrokenProcessPool as exc:
            self._broken(executor)
            raise WorkerLost(str(exc)) from exc
        if executor is self._executor:
            self._answered, self._failed_starts = True, 0
        return result

    def _broken(self, executor: ProcessPoolExecutor) -> None:
        if executor is not self._executor:
            return  # another call already saw this executor break
        if not self._answered:
            self._failed_starts += 1
            if self._failed_starts >= 2:
                LOG.warning("worker processes cannot start; running their work in threads")
                self.inline = True
        self._discard_broken_pool()

    async def extract(self, html: bytes, url: str | None) -> Extracted | None:
        """Extract one page in a worker process; None when a worker died on it."""
        try:
            return await self.run(extract_html, html, url)
        except WorkerLost:
            return None

    def map(self, pages: Iterable[tuple[bytes, str | None]], chunksize: int = 4) -> Iterator[Extracted | None]:
        """Extract a batch in the workers; results come back in input order."""
        return self._pool().map(_extract_pair, pages, chunksize=chunksize)

    def map_sources(self, sources: Iterable[str], chunksize: int = 2) -> Iterator[dict[str, Any]]:
        """extract_source for each local file in the workers (they read the files); input order kept."""
        return self._pool().map(extract_source, sources, chunksize=chunksize)

    def _discard_broken_pool(self) -> None:
        executor, self._executor = self._executor, None
        self._answered = False
        if executor is not None:
            self._retired.append(executor)
            executor.shutdown(wait=False, cancel_futures=True)

    def close(self, cancel: bool = False) -> None:
        """Stop the workers; with cancel, pending pages are dropped and running ones are not waited for."""
        self._closed = True
        if cancel:
            for future in list(self._in_flight):
                future.cancel()  # only succeeds for pages no worker has started: exactly what we want
        executor, self._executor = self._executor, None
        if executor is not None:
            self._retired.append(executor)
            executor.shutdown(wait=not cancel, cancel_futures=cancel)

    def __enter__(self) -> ExtractionPool:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.close(cancel=exc_type is not None)
