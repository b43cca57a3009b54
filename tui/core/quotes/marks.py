"""Quote-mark pairing: spans inside curly, straight, doubled and single quote marks, per paragraph."""

from __future__ import annotations

import re
from dataclasses import dataclass

from tui.core.text import DOUBLE_MARKS, QUOTE_MARK, mark_role


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


Pair = tuple[int, str, int, str]


def _pair(text: str, tokens: list[tuple[int, str, str]],
          p_start: int | None = None) -> tuple[list[Pair], tuple[int, str] | None]:
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
            if opener[0] == p_start and _SENTENCE_BEFORE.search(text, max(p_start, pos - 4), pos):
                # '"The reckless act … a firm protest. "We have also …"': the paragraph's quote was never
                # closed before the next one opens; its words run to that sentence's end
                end = pos
                while end > opener[0] and text[end - 1].isspace():
                    end -= 1
                pairs.append((opener[0], opener[1], end, ""))
            opener = (pos, mark)     # the earlier opener was never closed
    return pairs, opener


_SENTENCE_BEFORE = re.compile(r"[.!?]\s+$")


def _opens_with_quote(text: str, start: int, end: int) -> bool:
    match = QUOTE_MARK.match(text, start)
    if match is None:
        return False
    return match.group() in DOUBLE_MARKS and mark_role(text, start, match.group()) in {"open", "ambig"}


def find_mark_spans(text: str) -> list[MarkSpan]:
    """Every quoted segment in text, in order; nested single quotes stay inside their double quote."""
    spans: list[MarkSpan] = []
    paras = paragraphs(text)
    carried = False
    for index, (p_start, p_end) in enumerate(paras):
        doubles: list[tuple[int, str, str]] = []
        singles: list[tuple[int, str, str]] = []
        for match in QUOTE_MARK.finditer(text, p_start, p_end):
            mark = match.group()
            role = mark_role(text, match.start(), mark)
            if role == "apostrophe":
                continue
            (doubles if mark in DOUBLE_MARKS else singles).append((match.start(), mark, role))
        pairs, opener = _pair(text, doubles, p_start)
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
