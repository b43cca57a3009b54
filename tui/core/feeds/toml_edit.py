"""Careful edits of a tomlkit document through tomlkit's public API only: a key set in place or
under a table's other keys, a table removed with the comments around it kept.

tomlkit adds items only at the end of a table and has no public way to insert one in between.
Where an edit must, the table is rebuilt with `tomlkit.table()` and `raw_append`, item by item,
and put back in its place. Shared by `feeds_file` ([[feeds]]) and `watch_tables` ([[watch]],
[[mute]]).
"""

from __future__ import annotations

from typing import Any

# One (key, item) of a table's body; the key is None for a comment or a blank line.
BodyItem = tuple[Any, Any]


def set_key(tables: Any, index: int, key: str, value: Any) -> None:
    """Set `key` in `tables[index]` (an array of tables, or of inline tables).

    A key that is there is changed in place: its line comment stays, and a 'literal' string
    stays literal where it can. A new key goes under the table's last key, not after the comments
    and blank lines that end the table: those stand above the next table's header.
    """
    table = tables[index]
    if key in table:
        table[key] = _styled_like(table.get(key), value)
        return
    trailing = trailing_trivia(table)
    if not trailing:
        table[key] = value
        return
    body = _items(table)
    keys_end = len(body) - len(trailing)
    _replace(tables, index, [*body[:keys_end], (key, value), *body[keys_end:]])


def remove_table(document: Any, kind: str, index: int) -> None:
    """Remove `document[kind][index]`, keeping the comments and blank lines that followed its
    keys: they describe what comes next, so they stay above it.

    They join the end of the table above. Above the first table of the file there are only
    top-level keys and comments, where tomlkit's public API cannot insert: there they go just
    under the header of the table that follows, with the table they describe. An emptied array of
    tables is removed (it would render as `kind = []`).
    """
    from tomlkit.items import AoT

    tables = document[kind]
    trailing = trailing_trivia(tables[index])
    del tables[index]
    if trailing:
        _keep_above_next(document, kind, index, trailing)
    if not len(tables) and isinstance(tables, AoT):
        document.remove(kind)


def trailing_trivia(table: Any) -> list[Any]:
    """Comments and blank lines after a table's last key: they sit above the next header."""
    from tomlkit.items import Comment, Table, Whitespace

    if not isinstance(table, Table):  # an inline table holds no comments of its own
        return []
    body = _items(table)
    last_key = max((i for i, (key, _) in enumerate(body) if key is not None), default=-1)
    return [item for _, item in body[last_key + 1:] if isinstance(item, (Comment, Whitespace))]


def tidy_leading_blanks(items: list[Any], above: str) -> list[Any]:
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


def end_last_line(container: Any) -> None:
    """Give the last line of a table or document that ends without a newline its newline."""
    import tomlkit
    from tomlkit.items import Table, Whitespace

    body = container.value.body if isinstance(container, Table) else container.body
    last = body[-1][1] if body else None
    if last is None or isinstance(last, Whitespace):
        container.add(tomlkit.nl())
    else:
        last.trivia.trail += "\n"


def _keep_above_next(document: Any, kind: str, index: int, items: list[Any]) -> None:
    tables = document[kind]
    above = tables[index - 1] if index > 0 else _table_above(document, kind)
    if above is not None:
        for item in tidy_leading_blanks(items, above.as_string()):
            above.add(item)
        return
    comments = _without_outer_blanks(items)
    if comments and not _put_under_next_header(document, kind, comments):
        # Nothing follows, or only a table with tables inside it (which a rebuild would lay
        # out anew): the end of the file keeps them rather than lose them.
        for item in tidy_leading_blanks(items, document.as_string()):
            document.add(item)


def _table_above(document: Any, kind: str) -> Any:
    """The table whose end renders just above the first [[kind]] header; None when only
    top-level keys and comments do."""
    from tomlkit.items import AoT, Null, Table

    previous = None
    for key, item in document.body:
        if key is not None and key.key == kind:
            break
        if not isinstance(item, Null):
            previous = item
    if isinstance(previous, AoT) and len(previous):
        return previous[len(previous) - 1]
    if isinstance(previous, Table) and not previous.is_super_table():
        return previous
    return None


def _put_under_next_header(document: Any, kind: str, comments: list[Any]) -> bool:
    """Put comments just under the header of the table that now follows the top-level text: the
    rest of `kind`, else the next table of the file. False when none can take them."""
    from tomlkit.items import AoT, Null, Table

    on_top: list[BodyItem] = [(None, item) for item in comments]
    tables = document[kind]
    if len(tables):
        _replace(tables, 0, on_top + _items(tables[0]))
        return True
    keys = [key.key for key, item in document.body
            if key is not None and not isinstance(item, Null)]
    position = keys.index(kind)
    if position + 1 == len(keys):
        return False
    name = keys[position + 1]
    following = document.item(name)  # a table split across the file comes as a proxy: left be
    if isinstance(following, AoT) and len(following):
        _replace(following, 0, on_top + _items(following[0]))
        return True
    if isinstance(following, Table) and _holds_only_keys(following):
        document[name] = _rebuilt(following, on_top + _items(following))
        return True
    return False


def _holds_only_keys(table: Any) -> bool:
    from tomlkit.items import AoT, Table

    return not table.is_super_table() and not any(
        isinstance(item, (Table, AoT)) for _, item in table.value.body)


def _without_outer_blanks(items: list[Any]) -> list[Any]:
    from tomlkit.items import Whitespace

    kept = [i for i, item in enumerate(items) if not isinstance(item, Whitespace)]
    return items[kept[0]:kept[-1] + 1] if kept else []


def _items(table: Any) -> list[BodyItem]:
    """A table's keys, comments and blank lines in file order, without the empty placeholders
    tomlkit leaves where a key was deleted."""
    from tomlkit.items import Null

    return [(key, item) for key, item in table.value.body if not isinstance(item, Null)]


def _styled_like(old: Any, value: Any) -> Any:
    """A new plain string written as the old one was: a 'literal' stays 'literal' if it can
    (tomlkit 0.15.3 does this itself; older releases switch to a "basic" string)."""
    import tomlkit
    from tomlkit.exceptions import InvalidStringError
    from tomlkit.items import Item, String

    written = old.as_string() if isinstance(old, String) else ""
    if (not isinstance(value, str) or isinstance(value, Item) or not written.startswith("'")
            or written.startswith("'''")):
        return value
    try:
        return tomlkit.string(value, literal=True)
    except InvalidStringError:  # a ' or a control character needs a "basic" string
        return value


def _replace(tables: Any, index: int, body: list[BodyItem]) -> None:
    """Put a table rebuilt from `body` in place of `tables[index]`, its header kept."""
    old = tables[index]
    indents = [(table, table.trivia.indent) for table in tables]
    del tables[index]
    tables.insert(index, _rebuilt(old, body))
    # An array of tables made in this session (not parsed) adds blank lines around an insert.
    for table, indent in [(tables[index], old.trivia.indent), *indents]:
        table.trivia.indent = indent


def _rebuilt(old: Any, body: list[BodyItem]) -> Any:
    import tomlkit
    from tomlkit.items import Whitespace

    fresh = tomlkit.table()
    for key, item in body:
        if isinstance(item, Whitespace):
            # Fixed, or tomlkit would slide the next key above the blank line.
            item = tomlkit.ws(item.as_string())
        fresh.raw_append(key, item)
    for part in ("indent", "comment_ws", "comment", "trail"):
        setattr(fresh.trivia, part, getattr(old.trivia, part))
    return fresh
