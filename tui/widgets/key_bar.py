"""The key bar at the bottom: the keys that work here, drawn as one line.

Textual's Footer rebuilds a widget per key whenever focus moves, which cost more than opening an
article; this paints the same information as text, and keeps to one line: when the keys do not
fit, the last ones are left out rather than cut."""

from __future__ import annotations

from rich.text import Text
from textual.widget import Widget

SEPARATOR = "  "
PALETTE = ("^p", "palette")
PINNED_ACTION = "help"  # the key to every other key is always shown


class KeyBar(Widget):
    """The shown bindings of the focused widget and its ancestors, key then description."""

    DEFAULT_CSS = """
    KeyBar { height: 1; width: 1fr; background: $panel; color: $text-muted; }
    """

    def on_mount(self) -> None:
        self.screen.bindings_updated_signal.subscribe(self, self._bindings_changed)

    def on_unmount(self) -> None:
        self.screen.bindings_updated_signal.unsubscribe(self)

    def _bindings_changed(self, _screen: object) -> None:
        self.refresh()

    def keys(self) -> tuple[list[tuple[str, str]], list[tuple[str, str]]]:
        """(key as shown, description) of every shown binding, one per action: those that may
        be left out when space is short, and the help key, which never is."""
        seen: set[str] = set()
        optional: list[tuple[str, str]] = []
        pinned: list[tuple[str, str]] = []
        for _node, binding, enabled, _tooltip in self.screen.active_bindings.values():
            if not binding.show or not enabled or binding.action in seen:
                continue
            seen.add(binding.action)
            entry = (self.app.get_key_display(binding), binding.description)
            (pinned if binding.action == PINNED_ACTION else optional).append(entry)
        return optional, pinned

    def render(self) -> Text:
        key_style = self.app.theme_variables.get("footer-key-foreground", "") or "bold"

        def item(key: str, description: str) -> Text:
            return Text.assemble((key, key_style), " ", description)

        optional, pinned = self.keys()
        right = Text()
        for key, description in [*pinned, PALETTE]:
            if right.cell_len:
                right.append(SEPARATOR)
            right.append_text(item(key, description))
        line = Text(no_wrap=True, overflow="crop")
        room = self.size.width - right.cell_len - len(SEPARATOR) - 1
        for key, description in optional:
            shown = item(key, description)
            if line.cell_len + len(SEPARATOR) + shown.cell_len > room:
                break  # fewer keys rather than cut ones; ? lists them all
            if line.cell_len:
                line.append(SEPARATOR)
            line.append_text(shown)
        line.pad_right(max(self.size.width - line.cell_len - right.cell_len - 1, 1))
        line.append_text(right)
        return line
