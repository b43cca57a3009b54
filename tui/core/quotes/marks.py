"""Quote-mark pairing: spans inside curly, straight, doubled and single quote marks, per paragraph."""

from __future__ import annotations

import re
from dataclasses import dataclass

# '' (two apostrophes) is how some archives (NYT) spell a double quote mark.
_MARK = re.compile(r"''|[“”„\"«»‘’‚']")
_DOUBLE = {"“", "”", "„", '"', "«", "»", "''"}
_OPENING_PUNCT = set("([{—–-/:;,")


@dataclass(frozen=True)
class MarkSpan:
    """One quoted segment: the marks' positions and the text between them, inside one paragraph."""

    open_start: int
    inner_start: int
    inner_end: int
    close_end: int
    double: bool
    continues: bool = False      # an unclosed quote that runs on into the next paragraph
    continued: bool = False      # this segment carries on a quote from the previous paragraph


def paragraphs(text: str) -> list[tuple[int, int]]:
    """(start, end) of each non-blank line, trimmed of surrounding white space."""
    spans: list[tuple[int, int]] = []
    for match in re.finditer(r"[^\n]+", text):
        start, end = match.start(), match.end()
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        if end > start:
            spans.append((start, end))
    return spans


def _is_wordish(ch: str) -> bool:
    return ch.isalnum()


def _role(text: str, pos: int, mark: str) -> str:
    """'open', 'close', 'ambig' or 'apostrophe' for the mark at pos, from its neighbours."""
    before = text[pos - 1] if pos > 0 else " "
    after_pos = pos + len(mark)
    after = text[after_pos] if after_pos < len(text) else " "
    single = mark in {"‘", "’", "'", "‚"}
    if single and _is_wordish(before) and _is_wordish(after):
        return "apostrophe"          # don't, Papoyan’s, rock'n'roll
    if single and after.isdigit() and (before.isspace() or before in _OPENING_PUNCT):
        return "apostrophe"          # ’90s
    closes_word = not before.isspace() and before not in _OPENING_PUNCT
    if mark == "“" and closes_word and (after.isspace() or after in ".,;:!?)"):
        return "close"               # bad typography: “ used as a closer ("…here,“ said X")
    if mark in {"“", "„", "«", "‚"}:
        return "open"
    if mark == "‘":
        return "open" if not _is_wordish(before) else "apostrophe"
    if mark in {"”", "»"}:
        if (before.isspace() or before in _OPENING_PUNCT) and _is_wordish(after):
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


Pair = tuple[int, str, int, str]


def _pair(text: str, tokens: list[tuple[int, str, str]]) -> tuple[list[Pair], tuple[int, str] | None]:
    """Pair tokens of one family in order; return pairs and an unclosed opener, if any."""
    pairs: list[tuple[int, str, int, str]] = []
    opener: tuple[int, str] | None = None
    for pos, mark, role in tokens:
        if opener is None:
            if role in {"open", "ambig"}:
                opener = (pos, mark)
            continue
        if role in {"close", "ambig", "ambig_single_s"}:
            pairs.append((opener[0], opener[1], pos, mark))
            opener = None
        elif role == "open":
            opener = (pos, mark)     # the earlier opener was never closed
    return pairs, opener


def _opens_with_quote(text: str, start: int, end: int) -> bool:
    match = _MARK.match(text, start)
    if match is None:
        return False
    return match.group() in _DOUBLE and _role(text, start, match.group()) in {"open", "ambig"}


def find_mark_spans(text: str) -> list[MarkSpan]:
    """Every quoted segment in text, in order; nested single quotes stay inside their double quote."""
    spans: list[MarkSpan] = []
    paras = paragraphs(text)
    carried = False
    for index, (p_start, p_end) in enumerate(paras):
        doubles: list[tuple[int, str, str]] = []
        singles: list[tuple[int, str, str]] = []
        for match in _MARK.finditer(text, p_start, p_end):
            mark = match.group()
            role = _role(text, match.start(), mark)
            if role == "apostrophe":
                continue
            (doubles if mark in _DOUBLE else singles).append((match.start(), mark, role))
        pairs, opener = _pair(text, doubles)
        segment_spans: list[MarkSpan] = []
        for first, (o_pos, o_mark, c_pos, c_mark) in enumerate(pairs):
            segment_spans.append(MarkSpan(o_pos, o_pos + len(o_mark), c_pos, c_pos + len(c_mark), True,
                                          continued=carried and first == 0 and o_pos == p_start))
        next_opens = index + 1 < len(paras) and _opens_with_quote(text, *paras[index + 1])
        carried = False
        if opener is not None and next_opens:
            o_pos, o_mark = opener
            if o_pos + len(o_mark) < p_end:
                segment_spans.append(MarkSpan(o_pos, o_pos + len(o_mark), p_end, p_end, True, continues=True,
                                              continued=bool(spans and spans[-1].continues and o_pos == p_start)))
            carried = True
        segment_spans.extend(_single_spans(text, singles, segment_spans))
        spans.extend(sorted(segment_spans, key=lambda span: span.open_start))
    return [span for span in spans if span.inner_end > span.inner_start]


def _single_spans(text: str, singles: list[tuple[int, str, str]], doubles: list[MarkSpan]) -> list[MarkSpan]:
    """Single-quoted spans that lie outside every double-quoted span (headline and British style)."""
    outside = [tok for tok in singles if not any(s.open_start <= tok[0] < s.close_end for s in doubles)]
    pairs, _ = _pair(text, outside)
    result = []
    for o_pos, o_mark, c_pos, c_mark in pairs:
        inner = text[o_pos + len(o_mark):c_pos]
        if 0 < len(inner) <= 400 and not inner[:1].isspace():
            result.append(MarkSpan(o_pos, o_pos + len(o_mark), c_pos, c_pos + len(c_mark), False))
    return result
