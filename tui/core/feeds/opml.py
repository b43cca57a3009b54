"""OPML import and export of subscriptions: nested outlines and categories become tags and back."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime, timezone
from email.utils import format_datetime
from typing import Any

from tui.core.feeds.subscriptions import (
    ImportResult,
    Subscription,
    SubscriptionError,
    check_importable,
    clean_label,
    clean_tags,
    feed_url_key,
)

_XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*\?>")
_CATEGORY_SEPARATORS = re.compile(r"[,/]")
_MAX_ERROR = 160


class OpmlError(ValueError):
    """Not OPML, malformed, unsafe, or without any feed; the message is one clear line."""


# --- import -----------------------------------------------------------------------------------


def parse_opml(data: bytes | str, *, allow_local: bool = False) -> list[Subscription]:
    """The feeds of an OPML 1.0/2.0 document (see read_opml for what gets skipped)."""
    return read_opml(data, allow_local=allow_local).entries


def read_opml(data: bytes | str, *, allow_local: bool = False) -> ImportResult:
    """Feeds of an OPML document with folder outlines and `category` as tags, plus skip notes.

    Only http(s) feeds unless allow_local: an OPML file from elsewhere should not make Byline
    read files on this machine.
    """
    root = _parse_xml(data)
    if _local_name(root.tag).lower() != "opml":
        raise OpmlError(f"not an OPML file: the root element is <{_local_name(root.tag)}>, "
                        "expected <opml>")
    body = next((child for child in root if _is_element(child, "body")), None)
    if body is None:
        raise OpmlError("not a usable OPML file: it has no <body> element")
    collector = _Collector(allow_local=allow_local)
    collector.walk(body, ())
    if not collector.result.entries:
        if collector.result.skipped:
            raise OpmlError(f"OPML file has no usable feed: {collector.result.skipped[0]}")
        raise OpmlError("OPML file contains no feeds (no <outline> has an xmlUrl)")
    return collector.result


def _parse_xml(data: bytes | str) -> Any:
    from lxml import etree

    if isinstance(data, str):
        # lxml refuses str input that declares an encoding; the text is already decoded.
        data = _XML_DECLARATION.sub("", data.lstrip("\ufeff"), count=1).encode("utf-8")
    if not data.strip():
        raise OpmlError("not an OPML file: the document is empty")
    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False,
                             huge_tree=False, remove_comments=True, remove_pis=True)
    try:
        root = etree.fromstring(data, parser)
    except etree.XMLSyntaxError as exc:
        raise OpmlError(f"not an OPML file: malformed XML: {_short(str(exc))}") from exc
    if root is None:
        raise OpmlError("not an OPML file: no root element")
    _refuse_entities(root)
    return root


def _refuse_entities(root: Any) -> None:
    """Entity declarations have no place in OPML and are how XML bombs and file reads start."""
    dtd = root.getroottree().docinfo.internalDTD
    if dtd is not None and any(True for _ in dtd.entities()):
        raise OpmlError("refusing OPML file that declares XML entities (<!ENTITY>)")


def _short(text: str) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= _MAX_ERROR else flat[: _MAX_ERROR - 1] + "…"


def _local_name(tag: Any) -> str:
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""


def _is_element(node: Any, name: str) -> bool:
    return _local_name(node.tag).lower() == name


def _attributes(outline: Any) -> dict[str, str]:
    """Attributes by lower-case name (xmlurl, xmlUrl and XMLURL all occur in the wild)."""
    return {key.lower(): value for key, value in outline.attrib.items() if "}" not in key}


@dataclass
class _Collector:
    """Walks outlines depth-first, merging the tags of a URL listed in several folders."""

    allow_local: bool = False
    result: ImportResult = field(default_factory=ImportResult)
    by_key: dict[str, int] = field(default_factory=dict)

    def walk(self, parent: Any, folders: tuple[str, ...]) -> None:
        for outline in parent:
            if not _is_element(outline, "outline"):
                continue
            attributes = _attributes(outline)
            if attributes.get("xmlurl", "").strip():
                self.add_feed(outline, attributes, folders)
                self.walk(outline, folders)
            else:
                label = clean_label(attributes.get("text") or attributes.get("title") or "")
                self.walk(outline, folders + (label,) if label else folders)

    def add_feed(self, outline: Any, attributes: dict[str, str], folders: tuple[str, ...]) -> None:
        name = attributes.get("text") or attributes.get("title") or ""
        categories = _CATEGORY_SEPARATORS.split(attributes.get("category", ""))
        try:
            url = check_importable(attributes["xmlurl"], self.allow_local)
            entry = Subscription.create(url, name, (*folders, *categories))
        except SubscriptionError as exc:
            self.result.skipped.append(f"line {outline.sourceline}: {exc}")
            return
        key = feed_url_key(entry.url)
        if key in self.by_key:
            index = self.by_key[key]
            first = self.result.entries[index]
            merged = Subscription(first.name, first.url, clean_tags((*first.tags, *entry.tags)))
            self.result.entries[index] = merged
            return
        self.by_key[key] = len(self.result.entries)
        self.result.entries.append(entry)


# --- export -----------------------------------------------------------------------------------


def export_opml(entries: Iterable[Subscription], title: str = "Byline subscriptions",
                created: datetime | None = None) -> str:
    """OPML 2.0: one folder outline per first tag, other tags in `category`; import reverses it.

    A later tag that holds "," or "/" cannot live in `category`, so the folders nest deeper
    until every remaining tag can: import(export(x)) keeps each feed's tags in order. Folders
    appear where their first feed was; feeds without tags stay at the top level.
    """
    from lxml import etree

    root = etree.Element("opml", version="2.0")
    head = etree.SubElement(root, "head")
    etree.SubElement(head, "title").text = clean_label(title) or "Byline subscriptions"
    stamp = (created or datetime.now(timezone.utc)).astimezone(timezone.utc)
    etree.SubElement(head, "dateCreated").text = format_datetime(stamp)
    etree.SubElement(head, "docs").text = "https://opml.org/spec2.opml"
    body = etree.SubElement(root, "body")
    folders: dict[tuple[str, ...], Any] = {(): body}
    for entry in entries:
        path, categories = _folders_and_categories(clean_tags(entry.tags))
        parent = _folder(folders, path)
        _feed_outline(parent, entry, categories)
    etree.indent(root, space="  ")
    text = etree.tostring(root, encoding="unicode")
    return f'<?xml version="1.0" encoding="UTF-8"?>\n{text}\n'


def _folders_and_categories(tags: tuple[str, ...]) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """Split tags into folder path and category list so that folder + category == tags."""
    if not tags:
        return (), ()
    unsafe = [index for index, tag in enumerate(tags) if _CATEGORY_SEPARATORS.search(tag)]
    split = max(1, unsafe[-1] + 1 if unsafe else 1)
    return tags[:split], tags[split:]


def _folder(folders: dict[tuple[str, ...], Any], path: tuple[str, ...]) -> Any:
    from lxml import etree

    if path not in folders:
        parent = _folder(folders, path[:-1])
        folders[path] = etree.SubElement(parent, "outline", text=path[-1], title=path[-1])
    return folders[path]


def _feed_outline(parent: Any, entry: Subscription, categories: tuple[str, ...]) -> None:
    from lxml import etree

    name = clean_label(entry.name) or entry.url
    outline = etree.SubElement(parent, "outline", type="rss", text=name, title=name,
                               xmlUrl=entry.url)
    if categories:
        outline.set("category", ",".join(categories))
