"""Where saved articles and exported quotes go: the save_dir setting, else the documents folder."""

from __future__ import annotations

from pathlib import Path


def documents_dir() -> Path:
    from platformdirs import user_documents_dir

    return Path(user_documents_dir()) / "byline"


def save_folder(save_dir: str | None) -> Path:
    """The save_dir setting (its ~ expanded), else Byline's folder among the user's documents."""
    return Path(save_dir).expanduser() if save_dir else documents_dir()
