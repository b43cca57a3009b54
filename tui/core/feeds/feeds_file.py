"""Edit feeds.toml in place with tomlkit, keeping the user's comments, order and layout."""

from __future__ import annotations

import difflib
import os
import re
import tempfile
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

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
from tui.core.feeds.toml_edit import end_last_line, remove_table, set_key
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
            lambda e: _as_config_reads(e.url, base) == wanted,  # as the reader shows it
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
        remove_table(self._doc, "feeds", index)
        return entry

    def update(self, name_or_url: str, entry: Subscription) -> Subscription:
        """Edit a feed where it stands: its place, its comments and what did not change are kept.

        The editor shows a relative path as the file:// URL the config resolves it to; given
        back unchanged, the path is kept as written. Returns the entry as saved.
        """
        index, current = self._find(name_or_url)
        clean = _cleaned(entry)
        url = current.url if clean.url == _as_config_reads(current.url, self._base()) else clean.url
        saved = Subscription(clean.name, url, clean.tags)
        self._check_new(saved, ignore=index)
        feeds = self._doc["feeds"]
        if url != current.url:
            set_key(feeds, index, "url", url)
        if saved.name != current.name:
            set_key(feeds, index, "name", saved.name)
        if saved.tags != current.tags:
            self._put_tags(index, saved.tags)
        return saved

    def rename(self, name_or_url: str, new_name: str) -> None:
        """Give a feed a new, unique name, keeping the line's comment."""
        index, entry = self._find(name_or_url)
        label = clean_label(new_name)
        if not label:
            raise SubscriptionError(f"{self.path}: a feed name cannot be empty")
        self._check_new(Subscription(label, entry.url, entry.tags), ignore=index)
        set_key(self._doc["feeds"], index, "name", label)

    def set_tags(self, name_or_url: str, tags: Sequence[str]) -> None:
        """Replace a feed's tags; no tags removes the key."""
        if isinstance(tags, str):
            raise SubscriptionError("tags must be a list of strings, not one string")
        index, _ = self._find(name_or_url)
        self._put_tags(index, clean_tags(tags))

    def _put_tags(self, index: int, tags: Sequence[str]) -> None:
        feeds = self._doc["feeds"]
        if tags:
            set_key(feeds, index, "tags", _toml_array(tags))
        elif "tags" in feeds[index]:
            del feeds[index]["tags"]

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
            end_last_line(target)
        if not text.endswith("\n\n"):
            target.add(tomlkit.nl())

    def _feeds_are_last(self) -> bool:
        keys = [key for key, _ in self._doc.body if key is not None]
        return bool(keys) and keys[-1].key == "feeds"

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


def _as_config_reads(url: str, base: Path) -> str:
    """The URL the config (and so the reader) shows for one in the file: a local path becomes
    an absolute file:// URL, as tui.config resolves it; anything else stays as written."""
    if urlsplit(url).scheme.lower() in ("http", "https", "file"):
        return url
    local = Path(url).expanduser()
    return (local if local.is_absolute() else base / local).resolve().as_uri()


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
