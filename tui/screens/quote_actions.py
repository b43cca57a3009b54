"""What quote lookup (and a person's quotes) can do besides opening a quote: follow its speaker
(f), export the quotes listed as Markdown, CSV or JSON (x, then the format)."""

from __future__ import annotations

import re
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from tui.core.text import counted

if TYPE_CHECKING:
    from tui.core.models import QuoteHit


def export_path(folder: Path, label: str, now: datetime | None = None, fmt: str = "md") -> Path:
    """quotes-<label>-<UTC time>.<fmt> in the folder, the label reduced to a safe file name."""
    slug = re.sub(r"[^\w]+", "-", label.casefold()).strip("-")[:40] or "newest"
    stamp = (now or datetime.now(UTC)).strftime("%Y%m%d-%H%M%S")
    return folder / f"quotes-{slug}-{stamp}.{fmt}"


# The store's state key for the format quotes were last exported in (enter repeats it).
LAST_FORMAT_KEY = "export_format"


class QuoteActions:
    """Mixed into the quote lookup screens: they list `hits` and have a `current` hit."""

    hits: list[QuoteHit]

    def export_label(self) -> str:
        return str(getattr(self, "query_text", "")) or "newest"

    def action_follow_speaker(self) -> None:
        screen: Any = self
        hit = screen.current
        if hit is None or not hit.speaker:
            screen.notify("Highlight a quote with a speaker to follow them.", timeout=3)
            return
        from tui.screens.following import toggle_follow

        toggle_follow(screen.app.state, hit.speaker)

    def action_export_quotes(self) -> None:
        """Ask for a format, then write the quotes listed (as they are now) to save_dir."""
        from tui.screens.export_format import ExportFormatScreen

        screen: Any = self
        if not self.hits:
            screen.notify("No quotes listed to export.", timeout=3)
            return
        hits, label = list(self.hits), self.export_label()
        folder = export_folder(screen.app.config.settings.save_dir)
        store = screen.app.state.store
        prompt = ExportFormatScreen(len(hits), str(folder),
                                    store.get_state(LAST_FORMAT_KEY))
        screen.prompt(prompt, lambda fmt: self._export(hits, label, folder, fmt))

    def _export(self, hits: list[QuoteHit], label: str, folder: Path, fmt: str | None) -> None:
        from tui.core.share.export import export_quotes
        from tui.screens.export_format import NAMES

        screen: Any = self
        if fmt is None:
            return
        path = export_path(folder, label, fmt=fmt)
        try:
            folder.mkdir(parents=True, exist_ok=True)
            path.write_text(export_quotes(hits, fmt), encoding="utf-8", newline="")
        except OSError as exc:
            screen.notify(f"Cannot export: {exc}", severity="error", markup=False)
            return
        screen.app.state.store.set_state(LAST_FORMAT_KEY, fmt)
        screen.notify(f"Exported {counted(len(hits), 'quote')} as {NAMES[fmt]} to {path}", markup=False,
                      timeout=8)


def export_folder(save_dir: str | None) -> Path:
    """Where exports go: the save_dir setting, else the documents folder."""
    from tui.core.share.documents import save_folder

    return save_folder(save_dir)
