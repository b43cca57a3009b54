"""Page bytes to HTML text: whether a body is HTML at all, whether the page is paywalled, which
encoding it is in, and the inert blocks (scripts, styles, comments) a huge page can lose."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any, AnyStr

# How far into a body the sniffers look.
SNIFF_BYTES = 4096
PAYWALL_SCAN_CHARS = 2_000_000
# Legacy-encoding candidates are compared on this much of the decoded page.
MOJIBAKE_SAMPLE_CHARS = 200_000

# --- sniffing ------------------------------------------------------------------------------------

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


def drop_inert_blocks(html: AnyStr) -> AnyStr:
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
