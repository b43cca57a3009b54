"""Edit the [[watch]] tables of feeds.toml in place (through FeedsFile, which keeps the user's
comments and layout and saves atomically). Queries are checked by the caller and again when the
edited file is read back as a config."""

from __future__ import annotations

from typing import Any

# The same careful edits FeedsFile makes to [[feeds]]: comments kept on changed lines and
# re-homed when a table is removed.
from tui.core.feeds.feeds_file import (
    FeedsFile,
    _insert_before,
    _set_key,
    _tidy_leading_blanks,
    _trailing_trivia,
)
from tui.core.feeds.subscriptions import SubscriptionError


def watch_names(feeds: FeedsFile) -> list[str]:
    return [str(table.get("name", "")) for table in _tables(feeds)]


def add_watch(feeds: FeedsFile, name: str, query: str) -> None:
    """Append a [[watch]] table after everything else."""
    import tomlkit

    name, query = _clean(feeds, name, query)
    document = feeds.document
    table = tomlkit.table()
    table["name"] = name
    table["query"] = _string(query)
    watches = document.get("watch")
    if watches is None:
        watches = tomlkit.aot()
        watches.append(table)
        document.append("watch", watches)
    elif hasattr(watches, "body"):  # [[watch]] tables
        watches.append(table)
    else:
        raise SubscriptionError(f"{feeds.path}: 'watch' must be an array of tables: [[watch]]")


def update_watch(feeds: FeedsFile, original: str, name: str, query: str) -> None:
    """Give the watchlist named `original` a new name and query, in place."""
    name, query = _clean(feeds, name, query)
    table = _tables(feeds)[_index(feeds, original)]
    _set_key(table, "name", name)
    _set_key(table, "query", _string(query))


def remove_watch(feeds: FeedsFile, name: str) -> None:
    """Remove a watchlist; comments that followed it (above the next table) stay."""
    index = _index(feeds, name)
    document = feeds.document
    watches = document["watch"]
    trailing = _trailing_trivia(watches[index])
    del watches[index]
    if trailing and index > 0:
        previous = watches[index - 1]
        for item in _tidy_leading_blanks(trailing, previous.as_string()):
            previous.add(item)
    elif trailing:
        above = document.as_string().split("[[watch]]", 1)[0]
        _insert_before(document, "watch", _tidy_leading_blanks(trailing, above))
    if not len(watches):
        document.remove("watch")  # an empty array would render as "watch = []"


def _tables(feeds: FeedsFile) -> list[Any]:
    watches = feeds.document.get("watch")
    return list(watches) if watches is not None else []


def _index(feeds: FeedsFile, name: str) -> int:
    wanted = " ".join(name.split()).casefold()
    for index, table in enumerate(_tables(feeds)):
        if " ".join(str(table.get("name", "")).split()).casefold() == wanted:
            return index
    raise SubscriptionError(f"{feeds.path}: no watchlist named {name!r}")


def _clean(feeds: FeedsFile, name: str, query: str) -> tuple[str, str]:
    name, query = " ".join(name.split()), query.strip()
    if not name or not query:
        raise SubscriptionError(f"{feeds.path}: a watchlist needs a name and a query")
    return name, query


def _string(text: str) -> Any:
    """A literal 'string' when it reads better (queries often hold double quotes)."""
    import tomlkit

    literal = '"' in text and "'" not in text and text.isprintable()
    return tomlkit.string(text, literal=literal)
