"""Edit feeds.toml in place with tomlkit, keeping the user's comments, order and layout."""

from __future__ import annotations

import difflib
import os
import re
import tempfile
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from tui.core.feeds.subscriptions import (
    Subscription,
    SubscriptionError,
    clean_label,
    clean_tags,
    default_feed_name,
    feed_url_key,
    shown,
    validate_feed_url,
)
from tui.core.text import one_line


class FeedsFile:
    """Edits feeds.toml in place with tomlkit, keeping the user's comments, order and layout.

    Load, edit and save in one go: save() refuses to overwrite a file that changed on disk
    since it was loaded, so a long-lived instance never clobbers someone else's edit.
    """

    def __init__(self, path: Path, document: Any, original: str | None) -> None:
        self.path = path
        self._doc = document
        self._original = original

    @classmethod
    def load(cls, path: Path) -> FeedsFile:
        """Parse the file; a missing file is an empty document, a broken one a SubscriptionError."""
        import tomlkit
        from tomlkit.exceptions import ParseError

        path = Path(path)
        try:
            source = _decode(path.read_bytes())
        except FileNotFoundError:
            return cls(path, tomlkit.document(), None)
        except (OSError, UnicodeDecodeError) as exc:
            raise SubscriptionError(f"{path}: cannot read: {exc}") from exc
        try:
            document = tomlkit.parse(source)
        except ParseError as exc:
            detail = re.sub(r" at line \d+ col \d+$", "", one_line(str(exc)))
            raise SubscriptionError(
                f"{path}:{exc.line}: TOML syntax error at column {exc.col}: {detail}") from exc
        feeds = document.get("feeds")
        if feeds is not None and not _is_feed_list(feeds):
            raise SubscriptionError(f"{path}: 'feeds' must be an array of tables: [[feeds]]")
        return cls(path, document, source)

    # reading ----------------------------------------------------------------------------------

    def dumps(self) -> str:
        """The document as it would be saved."""
        return str(self._doc.as_string())

    @property
    def document(self) -> Any:
        """The tomlkit document, for edits of other tables (feeds/watch_tables.py)."""
        return self._doc

    def entries(self) -> list[Subscription]:
        """Every feed with a usable url, in file order (others are left alone, unlisted)."""
        return [entry for _, entry in self._indexed()]

    def _tables(self) -> list[Any]:
        feeds = self._doc.get("feeds")
        return list(feeds) if feeds is not None else []

    def _indexed(self) -> list[tuple[int, Subscription]]:
        """(position in the feeds array, entry) for every well-formed feed table."""
        found: list[tuple[int, Subscription]] = []
        for index, table in enumerate(self._tables()):
            entry = _entry_of(table)
            if entry is not None:
                found.append((index, entry))
        return found

    def _base(self) -> Path:
        return self.path.resolve().parent

    def _find(self, name_or_url: str) -> tuple[int, Subscription]:
        wanted = name_or_url.strip()
        indexed = self._indexed()
        base = self._base()
        key = feed_url_key(wanted, base)
        for matcher in (
            lambda e: e.url == wanted,
            lambda e: feed_url_key(e.url, base) == key,
            lambda e: e.name == wanted,
            lambda e: e.name.casefold() == wanted.casefold(),
        ):
            hits = [pair for pair in indexed if matcher(pair[1])]
            if len(hits) == 1:
                return hits[0]
            if len(hits) > 1:
                names = ", ".join(repr(entry.name) for _, entry in hits)
                raise SubscriptionError(
                    f"{self.path}: {shown(wanted)} matches several feeds ({names}); use the URL")
        close = difflib.get_close_matches(wanted, [e.name for _, e in indexed], n=1)
        hint = f"; did you mean {close[0]!r}?" if close else ""
        raise SubscriptionError(f"{self.path}: no feed named or at {shown(wanted)}{hint}")

    def _check_new(self, entry: Subscription, ignore: int | None = None) -> None:
        base = self._base()
        key = feed_url_key(entry.url, base)
        for index, existing in self._indexed():
            if index == ignore:
                continue
            if feed_url_key(existing.url, base) == key:
                raise SubscriptionError(
                    f"{self.path}: {shown(entry.url)} is already subscribed as {existing.name!r}")
            if existing.name.casefold() == entry.name.casefold():
                raise SubscriptionError(
                    f"{self.path}: a feed named {existing.name!r} already exists "
                    f"({shown(existing.url)})")

    # editing ----------------------------------------------------------------------------------

    def add(self, entry: Subscription) -> None:
        """Append a feed; a bad URL, empty name or duplicate URL/name raises, changing nothing."""
        clean = _cleaned(entry)
        self._check_new(clean)
        self._append(clean)

    def remove(self, name_or_url: str) -> Subscription:
        """Remove a feed, keeping comments that sat after it (they describe what follows)."""
        index, entry = self._find(name_or_url)
        feeds = self._doc["feeds"]
        table = feeds[index]
        trailing = _trailing_trivia(table)
        del feeds[index]
        if trailing:
            self._keep_trivia(trailing, index)
        if not len(feeds) and hasattr(feeds, "body"):
            # An empty array of tables would render as "feeds = []" at the top of the file.
            self._doc.remove("feeds")
        return entry

    def rename(self, name_or_url: str, new_name: str) -> None:
        """Give a feed a new, unique name, keeping the line's comment."""
        index, entry = self._find(name_or_url)
        label = clean_label(new_name)
        if not label:
            raise SubscriptionError(f"{self.path}: a feed name cannot be empty")
        self._check_new(Subscription(label, entry.url, entry.tags), ignore=index)
        _set_key(self._doc["feeds"][index], "name", label)

    def set_tags(self, name_or_url: str, tags: Sequence[str]) -> None:
        """Replace a feed's tags; no tags removes the key."""
        if isinstance(tags, str):
            raise SubscriptionError("tags must be a list of strings, not one string")
        index, _ = self._find(name_or_url)
        table = self._doc["feeds"][index]
        cleaned = clean_tags(tags)
        if cleaned:
            _set_key(table, "tags", _toml_array(cleaned))
        elif "tags" in table:
            del table["tags"]

    def merge(self, entries: Iterable[Subscription]) -> tuple[list[Subscription], list[Subscription]]:
        """Add each feed whose URL is new: (added, skipped duplicates); taken names get " (2)"."""
        incoming = [_cleaned(entry) for entry in entries]  # validate all before changing anything
        base = self._base()
        existing = self.entries()
        known_urls = {feed_url_key(e.url, base) for e in existing}
        known_names = {e.name.casefold() for e in existing}
        added: list[Subscription] = []
        skipped: list[Subscription] = []
        for entry in incoming:
            key = feed_url_key(entry.url, base)
            if key in known_urls:
                skipped.append(entry)
                continue
            entry = Subscription(_unique_name(entry.name, known_names), entry.url, entry.tags)
            self._append(entry)
            known_urls.add(key)
            known_names.add(entry.name.casefold())
            added.append(entry)
        return added, skipped

    def _append(self, entry: Subscription) -> None:
        import tomlkit

        feeds = self._doc.get("feeds")
        if feeds is not None and not hasattr(feeds, "body"):  # feeds = [{...}] inline tables
            feeds.append(_inline_table(entry))
            return
        self._end_with_blank_line(feeds)
        if feeds is None:
            feeds = tomlkit.aot()
            self._doc.append("feeds", feeds)
            feeds = self._doc["feeds"]
        table = tomlkit.table()
        table["name"] = entry.name
        table["url"] = entry.url
        if entry.tags:
            table["tags"] = _toml_array(entry.tags)
        feeds.append(table)
        # tomlkit adds its own blank line to AoTs it built; we already placed one.
        table.trivia.indent = table.trivia.indent.replace("\n", "")
        if not self._feeds_are_last():
            table.add(tomlkit.nl())

    def _end_with_blank_line(self, feeds: Any) -> None:
        """Put a blank line before the new [[feeds]] header, as a person would."""
        import tomlkit

        target: Any
        if feeds is not None and len(feeds):
            # Only the last table, not the whole file: merging thousands stays linear.
            target = feeds[len(feeds) - 1]
            text = target.as_string()
        else:
            text = self._doc.as_string()
            if not text.strip():
                return
            last = self._doc.body[-1][1] if self._doc.body else None
            target = last if isinstance(last, tomlkit.items.Table) else self._doc
        if not text.endswith("\n"):
            _end_last_line(target)
        if not text.endswith("\n\n"):
            target.add(tomlkit.nl())

    def _feeds_are_last(self) -> bool:
        keys = [key for key, _ in self._doc.body if key is not None]
        return bool(keys) and keys[-1].key == "feeds"

    def _keep_trivia(self, trailing: list[Any], removed_index: int) -> None:
        """Re-home the comments and blank lines that followed a removed feed's keys."""
        feeds = self._doc["feeds"]
        if removed_index > 0:
            previous = feeds[removed_index - 1]
            for item in _tidy_leading_blanks(trailing, previous.as_string()):
                previous.add(item)
            return
        above = self._doc.as_string().split("[[feeds]]", 1)[0]
        _insert_before(self._doc, "feeds", _tidy_leading_blanks(trailing, above))

    # writing ----------------------------------------------------------------------------------

    def save(self) -> None:
        """Write atomically (temp file + os.replace) beside the real file, even via a symlink."""
        target = self.path.resolve() if self.path.is_symlink() else self.path
        current = _read_or_none(target)
        if current != self._original:
            raise SubscriptionError(
                f"{self.path}: changed on disk since it was loaded; reload and try again")
        text = _match_line_endings(self.dumps(), self._original)
        target.parent.mkdir(parents=True, exist_ok=True)
        mode = target.stat().st_mode & 0o7777 if target.exists() else None
        handle, temp_name = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.",
                                             suffix=".tmp")
        try:
            with os.fdopen(handle, "w", encoding="utf-8", newline="") as stream:
                stream.write(text)
                stream.flush()
                os.fsync(stream.fileno())
            if mode is not None:
                os.chmod(temp_name, mode)
            os.replace(temp_name, target)
        except BaseException:
            Path(temp_name).unlink(missing_ok=True)
            raise
        self._original = text


def _match_line_endings(text: str, original: str | None) -> str:
    """New lines come out of tomlkit as \n; a Windows-edited file keeps \r\n throughout."""
    if original and "\r\n" in original:
        return re.sub(r"(?<!\r)\n", "\r\n", text)
    return text


def _decode(data: bytes) -> str:
    """UTF-8 with \r\n kept as written; a Notepad byte-order mark is dropped."""
    return data.decode("utf-8-sig")


def _read_or_none(path: Path) -> str | None:
    try:
        return _decode(path.read_bytes())
    except FileNotFoundError:
        return None
    except (OSError, UnicodeDecodeError) as exc:
        raise SubscriptionError(f"{path}: cannot read: {exc}") from exc


def _is_feed_list(feeds: Any) -> bool:
    return isinstance(feeds, list) and all(isinstance(item, dict) for item in feeds)


def _entry_of(table: Any) -> Subscription | None:
    """The entry a feed table describes, or None when it has no usable url (left untouched)."""
    url = table.get("url")
    if not isinstance(url, str) or not url.strip():
        return None
    name = table.get("name")
    label = clean_label(name) if isinstance(name, str) else ""
    raw_tags = table.get("tags", [])
    tags = [t for t in raw_tags if isinstance(t, str)] if isinstance(raw_tags, list) else []
    return Subscription(label or default_feed_name(url.strip()), url.strip(), clean_tags(tags))


def _cleaned(entry: Subscription) -> Subscription:
    url = validate_feed_url(entry.url)
    name = clean_label(entry.name)
    if not name:
        raise SubscriptionError(f"feed {shown(url)} needs a name")
    return Subscription(name, url, clean_tags(entry.tags))


def _unique_name(name: str, taken: set[str]) -> str:
    candidate, number = name, 2
    while candidate.casefold() in taken:
        candidate = f"{name} ({number})"
        number += 1
    return candidate


def _toml_array(values: Sequence[str]) -> Any:
    import tomlkit

    array = tomlkit.array()
    array.extend(values)
    return array


def _inline_table(entry: Subscription) -> Any:
    import tomlkit

    table = tomlkit.inline_table()
    table["name"] = entry.name
    table["url"] = entry.url
    if entry.tags:
        table["tags"] = _toml_array(entry.tags)
    return table


def _body(table: Any) -> list[tuple[Any, Any]] | None:
    """The key/comment/whitespace items of a [[feeds]] table (None for an inline table)."""
    container = getattr(table, "value", None)
    return getattr(container, "body", None)


def _trailing_trivia(table: Any) -> list[Any]:
    """Comments and blank lines after a table's last key: they sit above the next header."""
    body = _body(table)
    if not body:
        return []
    from tomlkit.items import Comment, Whitespace

    last_key = max((i for i, (key, _) in enumerate(body) if key is not None), default=-1)
    # A deleted key leaves a Null placeholder behind; it renders as nothing.
    return [item for _, item in body[last_key + 1:] if isinstance(item, (Comment, Whitespace))]


def _end_last_line(container: Any) -> None:
    """Give the last line of a file that ends without a newline its newline back."""
    import tomlkit

    body = _body(container) if _body(container) is not None else container.body
    last = body[-1][1] if body else None
    if last is None or isinstance(last, tomlkit.items.Whitespace):
        container.add(tomlkit.nl())
    else:
        last.trivia.trail += "\n"


def _tidy_leading_blanks(items: list[Any], above: str) -> list[Any]:
    """Moved comments get one blank line above them: none after nothing or a blank line."""
    import tomlkit
    from tomlkit.items import Whitespace

    index = 0
    while index < len(items) and isinstance(items[index], Whitespace):
        index += 1
    rest = items[index:]
    if not index or not above.strip() or above.endswith("\n\n"):
        return rest if index else items
    return [tomlkit.ws("\n" if above.endswith("\n") else "\n\n"), *rest]


def _set_key(table: Any, key: str, value: Any) -> None:
    """Set a key in place (keeping its comment), or add it after the table's last key."""
    if key in table:
        table[key] = value
        return
    body = _body(table)
    keys = [k for k, _ in body or [] if k is not None]
    if body is None or not keys:
        table[key] = value
        return
    # tomlkit appends after trailing comments, which belong visually to the next table.
    table.value._insert_after(keys[-1], key, value)
    dict.__setitem__(table, key, table.value.item(key))  # what Table.append would record


def _insert_before(document: Any, key: str, items: list[Any]) -> None:
    """Insert comment/whitespace items into the document just before `key` (no public API)."""
    import tomlkit

    container = document
    position = container._map.get(tomlkit.items.SingleKey(key))
    if isinstance(position, tuple):
        position = min(position)
    if position is None:
        for item in items:
            container.add(item)
        return
    for offset, item in enumerate(items):
        container._body.insert(position + offset, (None, item))
    shift = len(items)
    for map_key, value in list(container._map.items()):
        if isinstance(value, tuple):
            container._map[map_key] = tuple(v + shift if v >= position else v for v in value)
        elif value >= position:
            container._map[map_key] = value + shift
