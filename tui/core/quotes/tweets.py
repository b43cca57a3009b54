"""Embedded posts: a tweet as pages flatten it ("… text … — Elon Musk (@elonmusk) December 2, 2017") is
its author's own words, signed, with no cue in the prose around it."""

from __future__ import annotations

import re
from dataclasses import dataclass

from tui.core.quotes.actors import ActorIndex, Entity, Mention
from tui.core.quotes.evidence import RATES
from tui.core.quotes.forenames import FORENAMES

# "— Name (@handle) Month D, YYYY" (or "D месяц YYYY г." and other day-first dates): Twitter's embed
# signature, which trafilatura keeps on the line of the post's text.
_SIGNATURE = re.compile(
    r"[ \t]*[—–][ \t]*(?P<name>[^\n()—–@“”\"]{1,60}?)[ \t]+\(@(?P<handle>\w{1,30})\)[ \t]+"
    r"(?P<date>[A-Z][a-z]{2,8}\.?[ \t]+\d{1,2},[ \t]+\d{4}|\d{1,2}[ \t]+\S{3,12}[ \t]+\d{4}(?:[ \t]*г\.)?)")
# Links and picture addresses that end a post: the reader wants the words.
_TRAILING_LINKS = re.compile(r"(?:\s*(?:pic\.twitter\.com/\S+|https?://\S+|[A-Z]{2,}(?:[ \t]+[A-Z]{2,}){2,}))+\s*$")
_MIN_WORDS = 3


@dataclass(frozen=True)
class Post:
    """One embedded post: its text's span and its signature's author."""

    start: int
    end: int
    author: str
    signature_start: int
    author_start: int
    author_end: int


def find_posts(text: str) -> list[Post]:
    """Every signed post whose text runs from its line's start (or the post before it on the line)."""
    posts: list[Post] = []
    floor = 0
    for signature in _SIGNATURE.finditer(text):
        line_start = text.rfind("\n", 0, signature.start()) + 1
        start = max(line_start, floor)
        floor = signature.end()
        body = text[start:signature.start()]
        tail = _TRAILING_LINKS.search(body)
        end = start + (tail.start() if tail else len(body.rstrip()))
        while start < end and text[start].isspace():
            start += 1
        if len(text[start:end].split()) < _MIN_WORDS:
            continue
        name = " ".join(signature.group("name").split())
        posts.append(Post(start, end, name, signature.start(), signature.start("name"),
                          signature.start("name") + len(signature.group("name").rstrip())))
    return posts


def with_authors(actors: ActorIndex, posts: list[Post]) -> tuple[ActorIndex, list[int]]:
    """The actors with each post's author among them (the one the article names, or a new one), and
    the author's entity for each post."""
    entities = list(actors.entities)
    mentions = list(actors.mentions)
    authors: list[int] = []
    for post in posts:
        index = _known(entities, post.author)
        if index is None:
            kind = _kind(post.author)
            evidence = f"{kind} speaks"
            entities.append(Entity(_display(post.author), kind, confidence=RATES[evidence], evidence=evidence))
            index = len(entities) - 1
        elif entities[index].confidence < RATES["person speaks"] and entities[index].kind == "person":
            entities[index].evidence, entities[index].confidence = "person speaks", RATES["person speaks"]
        entities[index].spans.append((post.author_start, post.author_end))
        mentions.append(Mention(post.author_start, post.author_end, index))
        authors.append(index)
    return ActorIndex(entities, mentions), authors


def _known(entities: list[Entity], author: str) -> int | None:
    """The person or organisation of the article the signature names ("Elon Musk", "christine teigen")."""
    wanted = author.casefold()
    for index, entity in enumerate(entities):
        if entity.kind in {"person", "organisation"} and (
                entity.name.casefold() == wanted or wanted in {a.casefold() for a in entity.aliases}):
            return index
    words = author.split()
    for index, entity in enumerate(entities):
        if entity.kind == "person" and len(words) > 1 and entity.name.casefold() == words[-1].casefold():
            entity.aliases.add(entity.name)        # "Musk" in the prose, "Elon Musk" signing the post
            entity.name = _display(author)
            return index
    return None


def _kind(author: str) -> str:
    words = author.split()
    if 2 <= len(words) <= 3 and words[0].title() in FORENAMES and all(w.replace("-", "").isalpha() for w in words):
        return "person"
    return "organisation" if len(words) == 1 or any(ch.isdigit() for ch in author) else "person"


def _display(author: str) -> str:
    """A signature in lower case ("christine teigen") shown as a name."""
    return author.title() if author.islower() else author
