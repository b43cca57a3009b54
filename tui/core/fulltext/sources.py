"""Local files for `byline extract`: an HTML page (optionally gzipped) read into its article, a
text file taken as it is, and an error for anything else; a batch spread over the process pool."""

from __future__ import annotations

import gzip
import re
import zlib
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from tui.core.fulltext.article import extract_html
from tui.core.fulltext.pool import ExtractionPool, default_workers

# A .html.gz source may not inflate beyond this (a gzip bomb would otherwise exhaust memory).
MAX_INFLATED_BYTES = 64_000_000

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
        yield from pool.map_each(extract_source, sources, chunksize=2)


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
