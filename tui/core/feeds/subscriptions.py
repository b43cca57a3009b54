"""Subscriptions: validate feed URLs, edit feeds.toml in place, read newsboat urls files."""

from __future__ import annotations

import difflib
import os
import re
import tempfile
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from tui.core.text import one_line

_SCHEME = re.compile(r"^([A-Za-z][A-Za-z0-9+.-]*):")
# "example.com/feed" typed without a scheme: a host name, not a relative path.
_BARE_HOST = re.compile(r"^(?:[A-Za-z0-9-]+\.)+([A-Za-z]{2,24})(?::\d+)?$")
# Suffixes that make "name.ext" a file rather than a host such as "example.com".
_FILE_SUFFIXES = {"xml", "rss", "atom", "rdf", "json", "opml", "txt", "feed", "html", "htm"}
_NEWSBOAT_SPECIAL = ("query:", "exec:", "filter:")
_MAX_SHOWN = 120


class SubscriptionError(ValueError):
    """Bad subscription input or file; the message is one line naming the file, URL or line."""


@dataclass(frozen=True)
class FeedEntry:
    """One subscription as feeds.toml, OPML and newsboat describe it."""

    name: str
    url: str
    tags: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        # Callers often pass a list; a tuple keeps the entry hashable and comparable.
        object.__setattr__(self, "tags", tuple(self.tags))

    @classmethod
    def create(cls, url: str, name: str | None = None, tags: Iterable[str] = ()) -> FeedEntry:
        """A validated, cleaned entry: the URL checked, the name defaulted to the host."""
        checked = validate_feed_url(url)
        label = clean_label(name or "") or default_feed_name(checked)
        return cls(label, checked, clean_tags(tags))


@dataclass
class ImportResult:
    """What an importer made of a file: the feeds, and one line per thing it skipped."""

    entries: list[FeedEntry] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)


def _shown(text: str) -> str:
    """A value quoted for a one-line message, shortened if huge."""
    flat = one_line(text)
    if len(flat) > _MAX_SHOWN:
        flat = flat[: _MAX_SHOWN - 1] + "…"
    return repr(flat)


def clean_label(text: str) -> str:
    """A name or tag as Byline stores it: one line, no controls, nothing XML cannot carry."""
    return "".join(ch for ch in one_line(text) if _xml_safe(ch))


def _xml_safe(ch: str) -> bool:
    code = ord(ch)
    return not (0xD800 <= code <= 0xDFFF or code in (0xFFFE, 0xFFFF))


def clean_tags(tags: Iterable[str]) -> tuple[str, ...]:
    """Tags cleaned, empty ones dropped, duplicates removed keeping the first."""
    seen: dict[str, None] = {}
    for tag in tags:
        label = clean_label(tag)
        if label:
            seen.setdefault(label, None)
    return tuple(seen)


def is_remote_url(url: str) -> bool:
    """True for http(s) URLs: the only kind a file from elsewhere may subscribe to by default."""
    return urlsplit(url).scheme.lower() in ("http", "https")


def check_importable(url: str, allow_local: bool) -> str:
    """Validate an imported URL; local files only when asked (an imported file is untrusted)."""
    checked = validate_feed_url(url)
    if not allow_local and not is_remote_url(checked):
        raise SubscriptionError(
            f"local feed {_shown(checked)} not imported: imports take http(s) feeds only; "
            "add local files with `byline feeds add`")
    return checked


def validate_feed_url(url: str) -> str:
    """The URL stripped if it is http(s)://host…, file://… or a local path; else raise."""
    if not isinstance(url, str) or not url.strip():
        raise SubscriptionError("feed URL is empty")
    candidate = url.strip()
    if any(unicodedata.category(ch) == "Cc" or not _xml_safe(ch) for ch in candidate):
        raise SubscriptionError(f"feed URL {_shown(candidate)} contains control characters")
    if candidate.startswith("|"):
        raise SubscriptionError(
            f"{_shown(candidate)} is a command feed (newsboat '|command'); "
            "Byline reads http(s):// URLs, file:// URLs and local paths")
    match = _SCHEME.match(candidate)
    if match and len(match.group(1)) > 1:  # one letter is a Windows drive, "C:\feeds"
        return _validate_with_scheme(candidate, match.group(1).lower())
    return _validate_path(candidate)


def _validate_with_scheme(url: str, scheme: str) -> str:
    if scheme in ("http", "https"):
        if " " in url:
            raise SubscriptionError(f"feed URL {_shown(url)} contains spaces")
        parts = urlsplit(url)
        try:
            parts.port  # noqa: B018  (raises ValueError on a bad port)
        except ValueError as exc:
            raise SubscriptionError(f"feed URL {_shown(url)} has a bad port: {exc}") from exc
        if not parts.hostname:
            raise SubscriptionError(f"feed URL {_shown(url)} has no host")
        return url
    if scheme == "file":
        parts = urlsplit(url)
        if not parts.path or parts.netloc not in ("", "localhost"):
            raise SubscriptionError(
                f"file URL {_shown(url)} must name a local file, like file:///home/me/feed.xml")
        return url
    raise SubscriptionError(
        f"unsupported URL scheme '{scheme}:' in {_shown(url)}: "
        "use http(s)://, file:// or a local path")


def _validate_path(path: str) -> str:
    first = re.split(r"[/\\]", path, maxsplit=1)[0]
    host = _BARE_HOST.match(first)
    if host and host.group(1).lower() not in _FILE_SUFFIXES:
        raise SubscriptionError(
            f"{_shown(path)} has no scheme: did you mean https://{path} ? "
            f"(write ./{path} for a local path)")
    looks_like_path = (
        "/" in path or "\\" in path or path.startswith(("~", "."))
        or (Path(path).suffix and " " not in path)
    )
    if not looks_like_path:
        raise SubscriptionError(
            f"{_shown(path)} is not a feed URL: expected http(s)://…, file://… "
            "or a path to a feed file")
    return path


def default_feed_name(url: str) -> str:
    """A name for a feed that has none: its host without www., or its file's stem."""
    parts = urlsplit(url)
    if parts.scheme.lower() in ("http", "https") and parts.hostname:
        host = parts.hostname
        return host[4:] if host.startswith("www.") and host.count(".") > 1 else host
    stem = Path(parts.path if parts.scheme.lower() == "file" else url).stem
    return clean_label(stem) or clean_label(url)


def feed_url_key(url: str, base: Path | None = None) -> str:
    """What two URLs share when they name the same feed (case of host, http vs https, slash)."""
    text = url.strip()
    match = _SCHEME.match(text)
    scheme = match.group(1).lower() if match and len(match.group(1)) > 1 else ""
    if scheme in ("http", "https"):
        parts = urlsplit(text)
        try:
            port = parts.port
        except ValueError:
            port = None
        host = (parts.hostname or "") + (f":{port}" if port not in (None, 80, 443) else "")
        path = parts.path.rstrip("/") or "/"
        return f"//{host}{path}" + (f"?{parts.query}" if parts.query else "")
    if scheme == "file":
        return "file:" + urlsplit(text).path
    if scheme:
        return text
    local = Path(text).expanduser()
    if not local.is_absolute() and base is not None:
        local = base / local
    return "file:" + os.path.normpath(str(local))


# --- newsboat ---------------------------------------------------------------------------------


def _newsboat_tokens(line: str) -> list[str]:
    """Split a urls line newsboat's way: blanks separate, quotes group, # outside quotes ends."""
    tokens: list[str] = []
    index, size = 0, len(line)
    while index < size:
        while index < size and line[index] in " \t":
            index += 1
        if index >= size or line[index] == "#":
            break
        if line[index] == '"':
            token, index = _quoted_token(line, index + 1)
        else:
            start = index
            while index < size and line[index] not in " \t":
                index += 1
            token = line[start:index]
        tokens.append(token)
    return tokens


_ESCAPES = {"n": "\n", "t": "\t", "r": "\r", '"': '"', "\\": "\\"}


def _quoted_token(line: str, index: int) -> tuple[str, int]:
    chars: list[str] = []
    while index < len(line) and line[index] != '"':
        if line[index] == "\\" and index + 1 < len(line):
            index += 1
            chars.append(_ESCAPES.get(line[index], line[index]))
        else:
            chars.append(line[index])
        index += 1
    return "".join(chars), index + 1


def read_newsboat_urls(text: str, *, allow_local: bool = False) -> ImportResult:
    """Feeds of a newsboat `urls` file, with what was skipped (queries, commands, bad URLs)."""
    result = ImportResult()
    seen: set[str] = set()
    for number, raw in enumerate(text.splitlines(), start=1):
        tokens = _newsboat_tokens(raw.strip())
        if not tokens:
            continue
        url, *rest = tokens
        if url.startswith(_NEWSBOAT_SPECIAL):
            kind = url.split(":", 1)[0]
            result.skipped.append(f"line {number}: {kind} feed {_shown(url)} skipped "
                                  "(newsboat-only feature)")
            continue
        try:
            entry = _newsboat_entry(check_importable(url, allow_local), rest)
        except SubscriptionError as exc:
            result.skipped.append(f"line {number}: {exc}")
            continue
        key = feed_url_key(entry.url)
        if key in seen:
            result.skipped.append(f"line {number}: duplicate of an earlier line {_shown(url)}")
            continue
        seen.add(key)
        result.entries.append(entry)
    return result


def _newsboat_entry(url: str, tags: list[str]) -> FeedEntry:
    titles = [tag[1:] for tag in tags if tag.startswith("~")]
    # "!" hides a feed in newsboat; Byline has no hidden feeds, so the marker is dropped.
    plain = [tag for tag in tags if not tag.startswith("~") and tag != "!"]
    return FeedEntry.create(url, titles[-1] if titles else None, plain)


def parse_newsboat_urls(text: str, *, allow_local: bool = False) -> list[FeedEntry]:
    """The feeds of a newsboat `urls` file (see read_newsboat_urls for what gets skipped)."""
    return read_newsboat_urls(text, allow_local=allow_local).entries


# --- feeds.toml -------------------------------------------------------------------------------


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
        return self._doc.as_string()

    def entries(self) -> list[FeedEntry]:
        """Every feed with a usable url, in file order (others are left alone, unlisted)."""
        return [entry for _, entry in self._indexed()]

    def _tables(self) -> list[Any]:
        feeds = self._doc.get("feeds")
        return list(feeds) if feeds is not None else []

    def _indexed(self) -> list[tuple[int, FeedEntry]]:
        """(position in the feeds array, entry) for every well-formed feed table."""
        found: list[tuple[int, FeedEntry]] = []
        for index, table in enumerate(self._tables()):
            entry = _entry_of(table)
            if entry is not None:
                found.append((index, entry))
        return found

    def _base(self) -> Path:
        return self.path.resolve().parent

    def _find(self, name_or_url: str) -> tuple[int, FeedEntry]:
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
                    f"{self.path}: {_shown(wanted)} matches several feeds ({names}); use the URL")
        close = difflib.get_close_matches(wanted, [e.name for _, e in indexed], n=1)
        hint = f"; did you mean {close[0]!r}?" if close else ""
        raise SubscriptionError(f"{self.path}: no feed named or at {_shown(wanted)}{hint}")

    def _check_new(self, entry: FeedEntry, ignore: int | None = None) -> None:
        base = self._base()
        key = feed_url_key(entry.url, base)
        for index, existing in self._indexed():
            if index == ignore:
                continue
            if feed_url_key(existing.url, base) == key:
                raise SubscriptionError(
                    f"{self.path}: {_shown(entry.url)} is already subscribed as {existing.name!r}")
            if existing.name.casefold() == entry.name.casefold():
                raise SubscriptionError(
                    f"{self.path}: a feed named {existing.name!r} already exists "
                    f"({_shown(existing.url)})")

    # editing ----------------------------------------------------------------------------------

    def add(self, entry: FeedEntry) -> None:
        """Append a feed; a bad URL, empty name or duplicate URL/name raises, changing nothing."""
        clean = _cleaned(entry)
        self._check_new(clean)
        self._append(clean)

    def remove(self, name_or_url: str) -> FeedEntry:
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
        self._check_new(FeedEntry(label, entry.url, entry.tags), ignore=index)
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

    def merge(self, entries: Iterable[FeedEntry]) -> tuple[list[FeedEntry], list[FeedEntry]]:
        """Add each feed whose URL is new: (added, skipped duplicates); taken names get " (2)"."""
        incoming = [_cleaned(entry) for entry in entries]  # validate all before changing anything
        base = self._base()
        existing = self.entries()
        known_urls = {feed_url_key(e.url, base) for e in existing}
        known_names = {e.name.casefold() for e in existing}
        added: list[FeedEntry] = []
        skipped: list[FeedEntry] = []
        for entry in incoming:
            key = feed_url_key(entry.url, base)
            if key in known_urls:
                skipped.append(entry)
                continue
            entry = FeedEntry(_unique_name(entry.name, known_names), entry.url, entry.tags)
            self._append(entry)
            known_urls.add(key)
            known_names.add(entry.name.casefold())
            added.append(entry)
        return added, skipped

    def _append(self, entry: FeedEntry) -> None:
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


def _entry_of(table: Any) -> FeedEntry | None:
    """The entry a feed table describes, or None when it has no usable url (left untouched)."""
    url = table.get("url")
    if not isinstance(url, str) or not url.strip():
        return None
    name = table.get("name")
    label = clean_label(name) if isinstance(name, str) else ""
    raw_tags = table.get("tags", [])
    tags = [t for t in raw_tags if isinstance(t, str)] if isinstance(raw_tags, list) else []
    return FeedEntry(label or default_feed_name(url.strip()), url.strip(), clean_tags(tags))


def _cleaned(entry: FeedEntry) -> FeedEntry:
    url = validate_feed_url(entry.url)
    name = clean_label(entry.name)
    if not name:
        raise SubscriptionError(f"feed {_shown(url)} needs a name")
    return FeedEntry(name, url, clean_tags(entry.tags))


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


def _inline_table(entry: FeedEntry) -> Any:
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
