"""Following a person (a quote's speaker), or no longer: through ReadingState, said in a toast;
from the main screen (the side panel, D under People) and from the quote lookups (ctrl+f)."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from tui.state import ReadingState


def toggle_follow(state: ReadingState, name: str) -> None:
    followed = state.toggle_follow(name)
    state.app.notify(f"Following {name}: their quotes are under People in the feed pane."
                     if followed else f"Stopped following {name}.", markup=False, timeout=4)
