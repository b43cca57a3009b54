"""The main screen and its parts: the screen (`screen`), its status line, and the components it
delegates to (article tools, feed, watchlist and mute actions, the navigator to other screens),
each given only the callbacks it needs."""

from __future__ import annotations

from tui.screens.main.screen import MainScreen
from tui.screens.main.story_note import story_note

__all__ = ["MainScreen", "story_note"]
