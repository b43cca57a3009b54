"""What quote lookup (and a person's quotes) can do besides opening a quote: follow its speaker
(f), export the quotes listed as Markdown (x)."""

from __future__ import annotations

import re
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from tui.core.models import QuoteHit


def export_path(folder: Path, label: str, now: datetime | None = None) -> Path:
    """quotes-<label>-<UTC time>.md in the folder, the label reduced to a safe file name."""
    slug = re.sub(r"[^\w]+", "-", label.casefold()).strip("-")[:40] or "newest"
    stamp = (now or datetime.now(UTC)).strftime("%Y%m%d-%H%M%S")
    return folder / f"quotes-{slug}-{stamp}.md"


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
        main = getattr(screen.app, "main", None)
        if main is not None:
            main.toggle_follow(hit.speaker)

    def action_export_quotes(self) -> None:
        from tui.core.share.export import export_quotes
        from tui.screens.article_tools import documents_dir

        screen: Any = self
        if not self.hits:
            screen.notify("No quotes listed to export.", timeout=3)
            return
        save_dir = screen.app.config.settings.save_dir
        folder = Path(save_dir).expanduser() if save_dir else documents_dir()
        path = export_path(folder, self.export_label())
        try:
            folder.mkdir(parents=True, exist_ok=True)
            path.write_text(export_quotes(self.hits, "md"), encoding="utf-8")
        except OSError as exc:
            screen.notify(f"Cannot export: {exc}", severity="error", markup=False)
            return
        screen.notify(f"Exported {len(self.hits)} quote(s) to {path} (CSV or JSON: byline "
                      "quotes --format csv|json)", markup=False, timeout=6)
