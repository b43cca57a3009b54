"""The one place Byline uses Textual's internals: building a screen ahead of time, without
showing it. Textual has no public way to do that; tests/ui/test_textual_internals.py fails,
naming the installed version, when these internals change, and pyproject.toml pins Textual to
the minor versions that test passed on (`CHECKED_ON`)."""

from __future__ import annotations

from importlib.metadata import version
from typing import Any, Literal

from textual.app import App
from textual.screen import Screen

CHECKED_ON = ("8.2",)  # Textual's minor versions this module was checked on

# What this module uses: (class, name).
INTERNALS = ((App, "_get_screen"), (Screen, "_refresh_layout"), (Screen, "_layout_required"))

Step = Literal["composed", "laid out"]


def textual_version() -> str:
    return version("textual")


def build_screen_ahead(app: App[Any], screen: Screen[Any], *, layout: bool) -> Step | None:
    """One step of building an installed screen that is not shown: compose and mount it if it
    is not running yet; else style it and lay it out at the terminal's size if `layout` or its
    widgets asked for a layout since the last one. None when there was nothing to do.

    Textual composes an installed screen only when it is first pushed (`App._get_screen` is
    what `push_screen` calls), and lays out only the screen shown (`Screen._refresh_layout`
    and `_layout_required` are what its update timer uses)."""
    if not screen.is_running:
        app._get_screen(screen)
        return "composed"
    if not (layout or screen._layout_required):
        return None
    # Styles first: the scrollbars made by the last layout have none yet, and getting them on
    # opening would cost one more layout then.
    screen.update_node_styles(animate=False)
    screen._layout_required = False
    screen._refresh_layout(app.size)
    return "laid out"
