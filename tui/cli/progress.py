"""`ProgressBar`: the one-line progress bar that `byline fetch` and `byline sync` draw on a terminal."""

from __future__ import annotations

from typing import Any, TextIO


class ProgressBar:
    """A one-line progress bar on a terminal; silent when the stream is not a terminal."""

    def __init__(self, stream: TextIO, width: int = 30) -> None:
        self.stream = stream
        self.width = width
        self.active = stream.isatty()

    def __call__(self, progress: Any) -> None:
        if not self.active:
            return
        filled = int(self.width * progress.done / max(progress.total, 1))
        bar = "#" * filled + "-" * (self.width - filled)
        from tui.core.text import one_line

        label = one_line(progress.label)[:40]
        self.stream.write(f"\r[{bar}] {progress.done}/{progress.total} {progress.phase} "
                          f"{label:<40}")
        self.stream.flush()

    def finish(self) -> None:
        if self.active:
            self.stream.write("\r" + " " * (self.width + 60) + "\r")
            self.stream.flush()
