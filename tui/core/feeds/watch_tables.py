"""Edit the [[watch]] and [[mute]] tables of feeds.toml in place (through FeedsFile, which keeps
the user's comments and layout and saves atomically). Queries are checked by the caller and again
when the edited file is read back as a config. A watchlist is found by its name; a mute (whose
name is optional) by its place among the mutes and its query, so an edit never lands on another
one when the file changed meanwhile."""

from __future__ import annotations

from typing import Any

from tui.core.feeds.feeds_file import FeedsFile
from tui.core.feeds.subscriptions import SubscriptionError

# The same careful edits FeedsFile makes to [[feeds]]: comments kept on changed lines and
# re-homed when a table is removed.
from tui.core.feeds.toml_edit import remove_table, set_key


def watch_names(feeds: FeedsFile) -> list[str]:
    return [str(table.get("name", "")) for table in _tables(feeds)]


def add_watch(feeds: FeedsFile, name: str, query: str) -> None:
    """Append a [[watch]] table after everything else."""
    name, query = _clean(feeds, name, query)
    _append(feeds, "watch", name, query)


def _append(feeds: FeedsFile, kind: str, name: str, query: str) -> None:
    import tomlkit

    document = feeds.document
    table = tomlkit.table()
    if name:
        table["name"] = name
    table["query"] = _string(query)
    tables = document.get(kind)
    if tables is None:
        tables = tomlkit.aot()
        tables.append(table)
        document.append(kind, tables)
    elif hasattr(tables, "body"):  # [[kind]] tables
        tables.append(table)
    else:
        raise SubscriptionError(f"{feeds.path}: '{kind}' must be an array of tables: [[{kind}]]")


def update_watch(feeds: FeedsFile, original: str, name: str, query: str) -> None:
    """Give the watchlist named `original` a new name and query, in place."""
    name, query = _clean(feeds, name, query)
    index = _index(feeds, original)
    set_key(feeds.document["watch"], index, "name", name)
    set_key(feeds.document["watch"], index, "query", _string(query))


def remove_watch(feeds: FeedsFile, name: str) -> None:
    """Remove a watchlist; comments that followed it (above the next table) stay."""
    _remove(feeds, "watch", _index(feeds, name))


def add_mute(feeds: FeedsFile, name: str, query: str) -> None:
    """Append a [[mute]] table after everything else (without a name when none is given)."""
    _append(feeds, "mute", " ".join(name.split()), _query(feeds, "mute", query))


def update_mute(feeds: FeedsFile, index: int, was: str, name: str, query: str) -> None:
    """Give mute number `index` (whose query was `was`) a new name and query, in place; an
    empty name removes it (the query names the mute)."""
    index = _mute_index(feeds, index, was)
    mutes = feeds.document["mute"]
    name = " ".join(name.split())
    if name:
        set_key(mutes, index, "name", name)
    elif "name" in mutes[index]:
        del mutes[index]["name"]
    set_key(mutes, index, "query", _string(_query(feeds, "mute", query)))


def remove_mute(feeds: FeedsFile, index: int, was: str) -> None:
    """Remove mute number `index` (whose query was `was`); comments after it stay."""
    _remove(feeds, "mute", _mute_index(feeds, index, was))


def _remove(feeds: FeedsFile, kind: str, index: int) -> None:
    document = feeds.document
    remove_table(document, kind, index)
    if kind in document and not len(document[kind]):
        document.remove(kind)  # an empty inline array would render as "kind = []"


def _tables(feeds: FeedsFile, kind: str = "watch") -> list[Any]:
    tables = feeds.document.get(kind)
    return list(tables) if tables is not None else []


def _mute_index(feeds: FeedsFile, index: int, was: str) -> int:
    tables = _tables(feeds, "mute")
    if not 0 <= index < len(tables) or str(tables[index].get("query", "")).strip() != was.strip():
        raise SubscriptionError(f"{feeds.path}: the mute {was!r} is not where it was: the file "
                                "changed since it was read (nothing saved)")
    return index


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


def _query(feeds: FeedsFile, kind: str, query: str) -> str:
    if not query.strip():
        raise SubscriptionError(f"{feeds.path}: a {kind} needs a query")
    return query.strip()


def _string(text: str) -> Any:
    """A literal 'string' when it reads better (queries often hold double quotes)."""
    import tomlkit

    literal = '"' in text and "'" not in text and text.isprintable()
    return tomlkit.string(text, literal=literal)
