"""Where a screenshot of the app is saved: the user's pictures folder, made when missing (a
fresh account may have no ~/Downloads, Textual's choice, nor ~/Pictures), else Byline's data
folder."""

from __future__ import annotations

import os
from pathlib import Path


def screenshot_dir() -> Path:
    """The first of the pictures folder and `<data dir>/screenshots` that exists, or can be
    made, and can be written to; the last one tried when none can (saving then says why)."""
    from platformdirs import user_data_dir, user_pictures_dir

    candidates = (Path(user_pictures_dir()), Path(user_data_dir("byline")) / "screenshots")
    for folder in candidates:
        try:
            folder.mkdir(parents=True, exist_ok=True)
        except OSError:
            continue
        if os.access(folder, os.W_OK):
            return folder
    return candidates[-1]
