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
    from tui.widgets.article_list import ArticleList
    from tui.widgets.feed_list import FeedList
    from tui.widgets.reader import Reader

    return [("Global", BylineApp), ("Main screen", MainScreen), ("Article list", ArticleList),
            ("Feed list", FeedList), ("Reader", Reader)]


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


def display_keys(keys: str) -> str:
    names = {"question_mark": "?", "space": "space", "shift+tab": "shift+tab"}
    return ", ".join(names.get(k.strip(), k.strip()) for k in keys.split(","))
