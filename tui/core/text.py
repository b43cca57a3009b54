"""Turn untrusted feed and page text into inert plain text (no HTML, no escapes, no controls), say
counts in words ("1 article", "24 articles"), tell what each quotation mark does, and show a quote
as what it is, the same in every output (the kind in words, a paraphrase bare, every mark paired)."""

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


# -- quotation marks ----------------------------------------------------------------------------

# '' (two apostrophes) is how some archives (NYT) spell a double quote mark.
QUOTE_MARK = re.compile(r"''|[“”„\"«»‘’‚']")
DOUBLE_MARKS = frozenset({"“", "”", "„", '"', "«", "»", "''"})
_OPENING_PUNCT = set("([{—–-/:;,")


def mark_role(text: str, pos: int, mark: str) -> str:
    """'open', 'close', 'ambig', 'apostrophe' or 'ambig_single_s' for the mark at pos, from its
    neighbours."""
    before = text[pos - 1] if pos > 0 else " "
    after_pos = pos + len(mark)
    after = text[after_pos] if after_pos < len(text) else " "
    single = mark in {"‘", "’", "'", "‚"}
    if single and before.isalnum() and after.isalnum():
        return "apostrophe"          # don't, Papoyan’s, rock'n'roll
    if single and after.isdigit() and (before.isspace() or before in _OPENING_PUNCT):
        return "apostrophe"          # ’90s
    closes_word = not before.isspace() and before not in _OPENING_PUNCT
    if mark == "“" and closes_word and (after.isspace() or after in ".,;:!?)"):
        return "close"               # bad typography: “ used as a closer ("…here,“ said X")
    if mark in {"“", "„", "«", "‚"}:
        return "open"
    if mark == "‘":
        return "open" if not before.isalnum() else "apostrophe"
    if mark in {"”", "»"}:
        if (before.isspace() or before in _OPENING_PUNCT) and after.isalnum():
            return "open"            # bad typography: ” used as an opener
        return "close"
    space_before = before.isspace() or before in _OPENING_PUNCT or before in "“‘\"'"
    space_after = after.isspace() or after in ".,;:!?)]}—–-…\"'”’"
    if single and before in "sS" and space_after:
        return "ambig_single_s"      # voters' (possessive) or the close of 'quoted words'
    if space_before and not space_after:
        return "open"
    if space_after and not space_before:
        return "close"
    return "ambig"


def balanced(text: str, opening: str = "“", closing: str = "”") -> str:
    """The text with its double quotation marks in pairs, drawn as opening and closing: a phrase
    left open is closed at the end (or where the next one opens), a closing mark with none before
    it gets one where its phrase starts (after the previous phrase, at the first word)."""
    edits: list[tuple[int, int, str]] = []      # (start, end, replacement); start == end inserts
    opened = False
    after_last = 0                              # where the text after the last closed phrase starts
    for match in QUOTE_MARK.finditer(text):
        pos, end, mark = match.start(), match.end(), match.group()
        if mark not in DOUBLE_MARKS:
            continue
        role = mark_role(text, pos, mark)
        if not opened and role == "close":
            first = after_last
            while first < pos and text[first].isspace():
                first += 1
            edits.append((first, first, opening))
        elif opened and role == "open":
            cut = len(text[:pos].rstrip())
            edits.append((cut, cut, closing))
        if role == "open" or (role == "ambig" and not opened):
            edits.append((pos, end, opening))
            opened = True
        else:
            edits.append((pos, end, closing))
            opened, after_last = False, end
    if opened:
        cut = len(text.rstrip())
        edits.append((cut, cut, closing))
    return _edited(text, edits)


def is_balanced(text: str) -> bool:
    """Whether opening curly double marks and closing ones are as many, and straight ones pair up
    (how the benchmark counts quotes that lost a mark)."""
    return (sum(text.count(m) for m in "“„«") == sum(text.count(m) for m in "”»")
            and text.count('"') % 2 == 0)


def _edited(text: str, edits: list[tuple[int, int, str]]) -> str:
    parts: list[str] = []
    pos = 0
    for start, end, replacement in sorted(edits, key=lambda edit: (edit[0], edit[1])):
        parts += [text[pos:start], replacement]
        pos = end
    parts.append(text[pos:])
    return "".join(parts)


# -- quotes as shown ----------------------------------------------------------------------------

# How a quote relates to its speaker's words, in the words every output shows (the README's table).
KIND_WORDS = {"direct": "said", "partial": "in part", "indirect": "reported"}
UNATTRIBUTED = "(unattributed)"
# A comma ending the quote (or a piece of it, before the " … " that joins pieces), closing marks after.
_TRAILING_COMMA = re.compile(r",(?=[”’]*(?: … |$))")


def kind_word(kind: str) -> str:
    """"said", "in part" or "reported" (an unknown kind as it is)."""
    return KIND_WORDS.get(kind, kind)


def shown_quote(text: str, kind: str, limit: int | None = None) -> str:
    """The words to show for a quote of this kind: on one line and free of controls, in “…” unless
    reported (a paraphrase is never inside quotation marks), every phrase quoted inside it closed
    (as ‘…’ within “…”), a trailing comma dropped. With a limit, at most that many characters,
    cut at a word and marked "…", its marks still closed."""
    words = one_line(text)
    if limit is None:
        return _shown(words, kind)
    budget = max(limit, 1)
    shown = _shown(_cut(words, budget), kind)
    while len(shown) > limit and budget > 1:      # the marks it adds take room too
        budget = max(budget - (len(shown) - limit), 1)
        shown = _shown(_cut(words, budget), kind)
    return shown


def labelled(speaker: str | None, text: str, kind: str, limit: int | None = None) -> str:
    """"Quentin Tarantino (reported): the accident “the biggest regret of my life.”" (the limit
    is the quote's)."""
    return f"{one_line(speaker or '') or UNATTRIBUTED} ({kind_word(kind)}): {shown_quote(text, kind, limit)}"


def _shown(words: str, kind: str) -> str:
    if kind in {"direct", "partial"}:
        return "“" + _TRAILING_COMMA.sub("", balanced(words, "‘", "’")) + "”"
    return _TRAILING_COMMA.sub("", balanced(words))


def _cut(words: str, limit: int) -> str:
    """At most limit characters, ending at a whole word and "…" when anything was left out."""
    if len(words) <= limit:
        return words
    head = words[:max(limit - 1, 0)]
    if " " in head and not words[len(head)].isspace():
        head = head[:head.rindex(" ")]
    return head.rstrip(" ,;:") + "…"
