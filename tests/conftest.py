"""Shared fixtures: the location of ../shared data, and isolation from the user's config."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("BYLINE_SHARED", REPO.parent / "shared"))


def shared_path(*parts: str) -> Path:
    """Return a path under ../shared, skipping the test with a reason when it is absent."""
    path = SHARED.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"{path} is absent (a clone outside the Byline workspace has no ../shared data)")
    return path


@pytest.fixture(autouse=True)
def _isolate_user_config(tmp_path_factory, monkeypatch):
    """Keep the developer's own config, cache and environment out of every test."""
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / ".config"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(home / ".cache"))
    monkeypatch.delenv("BYLINE_CONFIG", raising=False)
    monkeypatch.delenv("BYLINE_CACHE_DIR", raising=False)


@pytest.fixture
def server():
    """A real HTTP server on 127.0.0.1 for the test (tests/feedserver.py)."""
    from feedserver import FeedServer

    with FeedServer() as srv:
        yield srv


@pytest.fixture
def store(tmp_path: Path):
    """A real SQLite cache in the test's temporary directory."""
    from tui.core.store import Store

    st = Store(tmp_path / "byline.db")
    yield st
    st.close()
