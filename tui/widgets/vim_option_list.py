"""An OptionList that also answers to vim keys, as every list in Byline does."""

from __future__ import annotations

from textual.widgets import OptionList

from tui import bindings


class VimOptionList(OptionList):
    """j/k, g/G besides the arrows, home and end."""

    BINDINGS = bindings.VIM_LIST
