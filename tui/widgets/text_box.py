"""A box of inert text that repaints, never relays out, when its text changes (its size is
set by the stylesheet): Static lays out the whole screen on every update."""

from __future__ import annotations

from rich.text import Text
from textual.widget import Widget


class TextBox(Widget):
    """Shows a Text; `set_text` swaps it for another at the cost of a repaint."""

    def __init__(self, text: Text | None = None, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._text = text or Text()

    @property
    def text(self) -> Text:
        return self._text

    def set_text(self, text: Text) -> None:
        if text != self._text:
            self._text = text
            self.refresh()

    def render(self) -> Text:
        return self._text
