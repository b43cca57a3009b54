"""The query language of watchlists and mutes: a tokenizer and a recursive-descent parser to an AST.

    query    := or_expr
    or_expr  := and_expr ("OR" and_expr)*
    and_expr := unary (["AND"] unary)*          two terms side by side are ANDed
    unary    := "NOT" unary | primary
    primary  := "(" or_expr ")" | term
    term     := word | "phrase" | field ":" (word | "phrase") | "unread" | "starred"

Words and phrases search titles and full text (FTS5); `word*` is a prefix. Fields: feed, tag,
speaker, actor, story (an id, `followed`, or headline words), after and before (a date
YYYY-MM-DD, or a span back from now: 12h, 7d, 2w). Operators and flags are case-insensitive;
quote them ("not") to search for the word itself. Every mistake is a `QueryError` naming the
character where it was found. SQL is made from the AST only in tui/core/store/query.py.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from typing import Literal

FIELDS = ("feed", "tag", "speaker", "actor", "story", "after", "before")
FLAGS = ("unread", "starred")
# Bounds keep the parser's recursion and the SQL it becomes small (SQLite caps expression depth).
MAX_DEPTH = 24
MAX_TERMS = 64
_WORD = re.compile(r"\w+", re.UNICODE)
_SPAN = re.compile(r"(\d{1,5})([hdw])", re.IGNORECASE)
_DATE = re.compile(r"(\d{4})-(\d{2})-(\d{2})")
_SPAN_HOURS = {"h": 1, "d": 24, "w": 24 * 7}


def _breaks(char: str) -> bool:
    return char.isspace() or char in '()"'


class QueryError(ValueError):
    """A query that cannot be read; `position` is the 0-based index of the offending character."""

    def __init__(self, message: str, position: int) -> None:
        super().__init__(f"{message} (at character {position + 1})")
        self.reason = message
        self.position = position


# -- the AST -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Words:
    """Words over title and text; `phrase` keeps them adjacent; `prefix` lets the last one grow."""

    text: str
    phrase: bool = False
    prefix: bool = False

    @property
    def tokens(self) -> tuple[str, ...]:
        return tuple(_WORD.findall(self.text))


@dataclass(frozen=True)
class Field:
    """feed:, tag:, speaker:, actor: or story: with its value as typed."""

    name: Literal["feed", "tag", "speaker", "actor", "story"]
    value: str


@dataclass(frozen=True)
class DateBound:
    """after: (on or after) or before: (strictly before) a UTC day, or a span of hours back."""

    name: Literal["after", "before"]
    day: date | None = None
    hours: int | None = None


@dataclass(frozen=True)
class Flag:
    """unread or starred."""

    name: Literal["unread", "starred"]


@dataclass(frozen=True)
class Not:
    operand: Node


@dataclass(frozen=True)
class And:
    operands: tuple[Node, ...]


@dataclass(frozen=True)
class Or:
    operands: tuple[Node, ...]


Node = Words | Field | DateBound | Flag | Not | And | Or


@dataclass(frozen=True)
class SavedQuery:
    """A named query from the config: a watchlist, or a mute (named by its text when unnamed)."""

    name: str
    text: str
    query: Node = field(compare=False)


# -- tokens ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Token:
    kind: Literal["word", "phrase", "field", "lparen", "rparen", "and", "or", "not", "flag", "end"]
    text: str
    position: int
    # For "field": the value and where it starts; whether the value was a "phrase".
    value: str = ""
    value_position: int = 0
    quoted: bool = False
    prefix: bool = False  # for "phrase": written "a phrase"*


def tokenize(text: str) -> list[Token]:
    """Split a query into tokens, ending with an "end" token at len(text)."""
    tokens: list[Token] = []
    index = 0
    while index < len(text):
        char = text[index]
        if char.isspace():
            index += 1
        elif char in "()":
            tokens.append(Token("lparen" if char == "(" else "rparen", char, index))
            index += 1
        elif char == '"':
            start = index
            phrase, index = _phrase(text, index)
            prefix = text.startswith("*", index)
            tokens.append(Token("phrase", phrase, start, prefix=prefix))
            index += prefix
            _spaced(text, index)
        else:
            start = index
            while index < len(text) and not _breaks(text[index]):
                index += 1
            tokens.append(_bare(text, start, index))
            if tokens[-1].kind == "field" and not tokens[-1].value:
                index = _field_value(text, index, tokens)
            _spaced(text, index)
    tokens.append(Token("end", "", len(text)))
    return tokens


def _spaced(text: str, index: int) -> None:
    """A term ends at a space, a parenthesis or the end: `feed:"A B"strikes` or `word"phrase"`
    could mean one term or two, so it is a mistake pointed at rather than a guess."""
    if index < len(text) and not text[index].isspace() and text[index] not in "()":
        raise QueryError("put a space between terms here", index)


def _phrase(text: str, start: int) -> tuple[str, int]:
    close = text.find('"', start + 1)
    if close < 0:
        raise QueryError("this quote is never closed", start)
    return text[start + 1:close], close + 1


def _bare(text: str, start: int, stop: int) -> Token:
    run = text[start:stop]
    upper = run.upper()
    if upper in ("AND", "OR", "NOT"):
        return Token(upper.lower(), run, start)  # type: ignore[arg-type]  # "and", "or", "not": kinds
    if run.lower() in FLAGS:
        return Token("flag", run.lower(), start)
    name, colon, value = run.partition(":")
    if colon and name.isalpha() and name.isascii():
        if name.lower() not in FIELDS:
            raise QueryError(f"unknown field '{name}:' (known: {', '.join(f + ':' for f in FIELDS)})",
                             start)
        return Token("field", name.lower(), start, value, start + len(name) + 1)
    return Token("word", run, start)


def _field_value(text: str, index: int, tokens: list[Token]) -> int:
    """A field written `name:"a phrase"`: read the phrase into the field token."""
    token = tokens[-1]
    if index < len(text) and text[index] == '"':
        value, after = _phrase(text, index)
        tokens[-1] = Token("field", token.text, token.position, value, index + 1, quoted=True)
        return after
    raise QueryError(f"'{token.text}:' needs a value", index)


# -- the parser --------------------------------------------------------------------------------


def parse(text: str) -> Node:
    """Parse a query; raises QueryError (and nothing else) on any mistake."""
    return _Parser(text, tokenize(text)).parse()


class _Parser:
    def __init__(self, text: str, tokens: list[Token]) -> None:
        self.text = text
        self.tokens = tokens
        self.index = 0
        self.depth = 0
        self.terms = 0

    @property
    def current(self) -> Token:
        return self.tokens[self.index]

    def at(self, kind: str) -> bool:
        """Whether the current token is of this kind (a call, so checks are never narrowed)."""
        return self.tokens[self.index].kind == kind

    def advance(self) -> Token:
        token = self.tokens[self.index]
        self.index += 1
        return token

    def parse(self) -> Node:
        if self.current.kind == "end":
            raise QueryError("the query is empty", 0)
        node = self.or_expr()
        token = self.current
        if token.kind == "rparen":
            raise QueryError("this ')' closes nothing", token.position)
        if token.kind != "end":  # unreachable while every token can start a term; kept as a guard
            raise QueryError(f"unexpected '{token.text}'", token.position)
        return node

    def or_expr(self) -> Node:
        operands = [self.and_expr()]
        while self.current.kind == "or":
            self.advance()
            operands.append(self.and_expr())
        return operands[0] if len(operands) == 1 else Or(tuple(operands))

    def and_expr(self) -> Node:
        operands = [self.unary()]
        while self.current.kind not in ("or", "rparen", "end"):
            if self.current.kind == "and":
                self.advance()
            operands.append(self.unary())
        return operands[0] if len(operands) == 1 else And(tuple(operands))

    def unary(self) -> Node:
        negations = 0
        while self.current.kind == "not":
            self.advance()
            negations += 1
        node = self.primary()
        return Not(node) if negations % 2 else node

    def primary(self) -> Node:
        token = self.current
        if token.kind == "lparen":
            return self.group()
        if token.kind in ("and", "or"):
            before = self.tokens[self.index - 1] if self.index else None
            if before is None or before.kind == "lparen":
                raise QueryError(f"'{token.text}' needs a term before it", token.position)
            raise QueryError(f"expected a term after '{before.text}', found '{token.text}'",
                             token.position)
        if token.kind == "rparen" and self.depth == 0:
            raise QueryError("this ')' closes nothing", token.position)
        if token.kind in ("rparen", "end"):
            before = self.tokens[self.index - 1] if self.index else None
            what = f"after '{before.text}'" if before and before.kind in ("and", "or", "not") \
                else "here"
            raise QueryError(f"expected a term {what}", token.position)
        self.terms += 1
        if self.terms > MAX_TERMS:
            raise QueryError(f"too many terms (at most {MAX_TERMS})", token.position)
        self.advance()
        return _term(token)

    def group(self) -> Node:
        opening = self.advance()
        if self.at("rparen"):
            raise QueryError("empty parentheses", opening.position)
        self.depth += 1
        if self.depth > MAX_DEPTH:
            raise QueryError(f"parentheses nest too deep (at most {MAX_DEPTH})", opening.position)
        node = self.or_expr()
        self.depth -= 1
        if not self.at("rparen"):
            raise QueryError("this '(' is never closed", opening.position)
        self.advance()
        return node


def _term(token: Token) -> Node:
    if token.kind == "flag":
        return Flag(token.text)  # type: ignore[arg-type]  # a flag token's text is one of FLAGS
    if token.kind == "phrase":
        if not _WORD.search(token.text):
            raise QueryError("this phrase has no letters or digits to search for", token.position)
        return Words(token.text, phrase=True, prefix=token.prefix)
    if token.kind == "word":
        prefix = token.text.endswith("*")
        if not _WORD.search(token.text):
            raise QueryError(f"'{token.text}' has no letters or digits to search for",
                             token.position)
        return Words(token.text.rstrip("*"), phrase=len(_WORD.findall(token.text)) > 1,
                     prefix=prefix)
    return _field(token)


def _field(token: Token) -> Node:
    name, value, where = token.text, token.value.strip(), token.value_position
    if not value:
        raise QueryError(f"'{name}:' needs a value", where)
    if name in ("after", "before"):
        return _date_bound(name, value, where)
    if name in ("speaker", "actor") and not _WORD.search(value):
        raise QueryError(f"'{name}:' needs a name with letters", where)
    if name == "story" and not _WORD.search(value):
        raise QueryError("'story:' needs an id, 'followed' or words of a headline", where)
    return Field(name, " ".join(value.split()))  # type: ignore[arg-type]  # tokenizer: FIELDS only


def _date_bound(name: str, value: str, where: int) -> DateBound:
    try:
        when = parse_when(value)
    except ValueError as exc:
        raise QueryError(f"'{name}:' {exc}", where) from None
    if isinstance(when, date):
        return DateBound(name, day=when)  # type: ignore[arg-type]  # "after" or "before", as called
    return DateBound(name, hours=when)  # type: ignore[arg-type]  # "after" or "before", as called


def parse_when(value: str) -> date | int:
    """A UTC day (2026-11-24), or a span back from now in hours (12h, 7d, 2w -> 12, 168, 336).
    Raises ValueError saying what was expected."""
    span = _SPAN.fullmatch(value.strip())
    if span:
        return int(span.group(1)) * _SPAN_HOURS[span.group(2).lower()]
    found = _DATE.fullmatch(value.strip())
    if found:
        try:
            return date(int(found.group(1)), int(found.group(2)), int(found.group(3)))
        except ValueError as exc:
            raise ValueError(f"'{value}' is not a date ({exc})") from None
    raise ValueError(f"needs a date like 2026-11-24 or a span like 7d, not '{value}'")


def uses_state(node: Node) -> bool:
    """Whether the query reads read or starred state (unread, starred): then a change of that
    state can move an article in or out of it."""
    if isinstance(node, Flag):
        return True
    if isinstance(node, Not):
        return uses_state(node.operand)
    if isinstance(node, (And, Or)):
        return any(uses_state(o) for o in node.operands)
    return False


# -- text back -----------------------------------------------------------------------------------


def describe(node: Node) -> str:
    """The query written back in canonical form (for tests, messages and the editor)."""
    if isinstance(node, Words):
        body = f'"{node.text}"' if node.phrase else node.text
        return body + ("*" if node.prefix else "")
    if isinstance(node, Field):
        value = f'"{node.value}"' if _needs_quotes(node.value) else node.value
        return f"{node.name}:{value}"
    if isinstance(node, DateBound):
        return f"{node.name}:{node.day.isoformat() if node.day else f'{node.hours}h'}"
    if isinstance(node, Flag):
        return node.name
    if isinstance(node, Not):
        return f"NOT {_grouped(node.operand)}"
    joiner = " AND " if isinstance(node, And) else " OR "
    return joiner.join(_grouped(o) for o in node.operands)


def _grouped(node: Node) -> str:
    return f"({describe(node)})" if isinstance(node, (And, Or)) else describe(node)


def _needs_quotes(value: str) -> bool:
    return any(_breaks(ch) for ch in value) or value.upper() in ("AND", "OR", "NOT")
