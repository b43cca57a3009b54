"""Turn untrusted feed and page text into inert plain text (no HTML, no escapes, no controls), and
say counts in words ("1 article", "24 articles")."""

from __future__ import annotations

import html
import re
from html.parser import HTMLParser

# ESC-introduced sequences: CSI (ESC [ ... final), OSC (ESC ] ... BEL or ST), DCS/SOS/PM/APC
# (ESC P/X/^/_ ... ST) and two-character escapes; plus their 8-bit C1 forms.
_ESCAPE_SEQUENCE = re.compile(
    r"""
    (?:\x1b\[|\x9b)[0-?]*[ -/]*[@-~]?              # CSI
    | (?:\x1b[\]PX^_]|[\x90\x98\x9d\x9e\x9f])       # OSC, DCS, SOS, PM, APC ...
      [^\x07\x1b\x9c]*(?:\x07|\x1b\\|\x9c)?         # ... up to BEL or ST
    | \x1b[ -/]*[0-~]?                              # any other ESC sequence
    """,
    re.VERBOSE,
)
_INTRODUCER = re.compile("[\x1b\x90\x98\x9b\x9d\x9e\x9f]")
# C0 and C1 controls (Unicode category Cc) but newline and tab, plus the bidirectional
# embeddings, overrides, isolates and marks that can reorder what the user sees.
_CONTROLS = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c]"
)


def strip_controls(text: str) -> str:
    """Remove terminal escape sequences, C0/C1 controls (but newline and tab) and bidi controls."""
    if not text:
        return ""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if _INTRODUCER.search(text):
        text = _ESCAPE_SEQUENCE.sub("", text)
    return _CONTROLS.sub("", text)


def one_line(text: str) -> str:
    """Clean text and fold all white space to single spaces, for titles, names and list rows."""
    return " ".join(strip_controls(text).split())


_BLOCK_TAGS = {
    "p", "div", "br", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote",
    "pre", "tr", "table", "section", "article", "header", "footer", "figure", "figcaption", "hr",
}
_SKIP_TAGS = {"script", "style", "head", "template", "noscript", "svg", "math"}


class _TextCollector(HTMLParser):
    """Collects the text of an HTML fragment, breaking paragraphs at block elements."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._skip_depth = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _SKIP_TAGS:
            self._skip_depth += 1
        elif tag in _BLOCK_TAGS:
            self.parts.append("\n\n" if tag != "br" else "\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIP_TAGS:
            self._skip_depth = max(0, self._skip_depth - 1)
        elif tag in _BLOCK_TAGS:
            self.parts.append("\n\n")

    def handle_data(self, data: str) -> None:
        if not self._skip_depth:
            self.parts.append(data)


def html_to_text(fragment: str) -> str:
    """Plain text of an HTML fragment (a feed title or summary), paragraphs kept as blank lines."""
    if not fragment:
        return ""
    if "<" not in fragment and "&" not in fragment:
        return _tidy_paragraphs(strip_controls(fragment))
    collector = _TextCollector()
    try:
        collector.feed(fragment)
        collector.close()
        raw = "".join(collector.parts)
    except Exception:  # HTMLParser is lenient, but never let a hostile fragment escape
        raw = html.unescape(re.sub(r"<[^>]*>", " ", fragment))
    return _tidy_paragraphs(strip_controls(raw))


def _tidy_paragraphs(text: str) -> str:
    paragraphs = (" ".join(block.split()) for block in re.split(r"\n\s*\n", text))
    return "\n\n".join(p for p in paragraphs if p)


_EMAIL_THEN_NAME = re.compile(r"^\S+@\S+\s*\((?P<name>[^()]+)\)$")
_NAME_THEN_EMAIL = re.compile(r"^(?P<name>[^()@]+?)\s*\(\S+@\S+\)$")
_BARE_EMAIL = re.compile(r"^\S+@\S+$")


def author_name(author: str) -> str:
    """A person's name from feed author fields: "a@b.c (Ann)" and "Ann (a@b.c)" give "Ann";
    a bare e-mail address is no name."""
    author = one_line(author)
    for pattern in (_EMAIL_THEN_NAME, _NAME_THEN_EMAIL):
        match = pattern.match(author)
        if match:
            return match.group("name").strip()
    return "" if _BARE_EMAIL.match(author) else author


_WORD = re.compile(r"\w+", re.UNICODE)


def first_hit_offset(text: str, query: str) -> int | None:
    """Character offset of the first query word in the text (case-insensitive), for scrolling."""
    words = [w.casefold() for w in _WORD.findall(query)]
    if not words:
        return None
    folded = text.casefold()
    positions = [p for w in words if (m := re.search(r"\b" + re.escape(w), folded))
                 for p in (m.start(),)]
    return min(positions) if positions else None


def counted(count: int, noun: str, plural: str | None = None) -> str:
    """"1 article", "0 articles", "24 articles"; `plural` for nouns that do not just take an s."""
    return f"{count} {noun if count == 1 else plural or noun + 's'}"
