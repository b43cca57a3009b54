"""A change to feeds.toml made from the main screen: checked as a whole config, written, then
told to every view through ReadingState; a refusal is one line on screen."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from tui.config import Config
    from tui.core.feeds.feeds_file import FeedsFile
    from tui.state import ReadingState


def edit_config(state: ReadingState, change: Callable[[FeedsFile], str], *,
                refused: Callable[[str], None] | None = None) -> Config | None:
    """Apply a change to feeds.toml (validated as a whole config first) and tell every view;
    a refusal is one line on screen (or given to `refused`, for a dialog to show) and nothing
    is written. Returns the new config."""
    from tui.config_edit import EditError, edit_feeds

    try:
        message, config = edit_feeds(state.config, change)
    except EditError as exc:
        if refused is not None:
            refused(str(exc))
        else:
            state.app.notify(str(exc), severity="error", markup=False, timeout=8)
        return None
    state.config_changed(config)
    state.app.notify(message, markup=False, timeout=3)
    return config
