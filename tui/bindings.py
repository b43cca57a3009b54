"""The table of user-facing bindings: ids, keys, descriptions; used by help, README and config."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass


@dataclass(frozen=True)
class KeyInfo:
    """One user-facing binding."""

    scope: str
    id: str | None
    keys: str
    description: str
    tooltip: str


def binding_sources() -> list[tuple[str, type]]:
    """Every class whose BINDINGS the user meets, with the scope name the help shows."""
    from tui.app import BylineApp
    from tui.screens.main import MainScreen
    from tui.screens.quote_lookup import QuoteLookupScreen
    from tui.screens.stories import StoriesScreen
    from tui.widgets.article_list import ArticleList
    from tui.widgets.feed_list import FeedList
    from tui.widgets.reader import Reader

    return [("Global", BylineApp), ("Main screen", MainScreen), ("Article list", ArticleList),
            ("Feed list", FeedList), ("Reader", Reader), ("Stories", StoriesScreen),
            ("Quote lookup", QuoteLookupScreen)]


def key_table(overrides: Mapping[str, str] | None = None) -> Iterator[KeyInfo]:
    from textual.binding import Binding

    overrides = overrides or {}
    for scope, cls in binding_sources():
        for item in cls.BINDINGS:
            if not isinstance(item, Binding):
                continue
            keys = overrides.get(item.id, item.key) if item.id else item.key
            yield KeyInfo(scope, item.id, keys, item.description, item.tooltip)


def unknown_binding_ids(keymap: Mapping[str, str]) -> set[str]:
    known = {info.id for info in key_table() if info.id}
    return set(keymap) - known


_KEY_NAMES = {"question_mark": "?", "slash": "/", "backslash": "\\",
              "left_square_bracket": "[", "right_square_bracket": "]"}


def display_keys(keys: str) -> str:
    return ", ".join(_KEY_NAMES.get(k.strip(), k.strip()) for k in keys.split(","))


def markdown_table() -> str:
    """The README's key table, generated from the bindings (a test keeps the README in step)."""
    lines = ["| where | keys | does | binding id |", "| --- | --- | --- | --- |"]
    for info in key_table():
        keys = display_keys(info.keys).replace("|", "\\|")
        shown = ", ".join(f"`{k.strip()}`" for k in keys.split(", "))
        lines.append(f"| {info.scope} | {shown} | {info.tooltip or info.description} | "
                     f"{'`' + info.id + '`' if info.id else ''} |")
    return "\n".join(lines)


if __name__ == "__main__":
    print(markdown_table())
