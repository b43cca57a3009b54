"""Shared fixtures: the location of ../shared data, isolation from the user's config, and the
demo (built by byline_demo.py, the one demo factory)."""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from byline_demo import FROZEN_NOW, REPO, FetchedDemo, demo_copy, fetch_demo, make_demo_app

if TYPE_CHECKING:
    from tui.app import BylineApp
    from tui.config import Config

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


@pytest.fixture(scope="session")
def fetched_demo(tmp_path_factory: pytest.TempPathFactory) -> FetchedDemo:
    """seeds/ copied aside and fetched once for the whole run (feeds, full text, quotes,
    stories); tests take their own copy of its cache (`demo`, `demo_app`, `demo_copy`), so none
    sees another's changes."""
    return fetch_demo(tmp_path_factory.mktemp("demo") / "seeds")


@pytest.fixture(scope="module")
def demo(fetched_demo: FetchedDemo, tmp_path_factory: pytest.TempPathFactory) -> Config:
    """The fetched demo's config over a copy of its cache for one test module, for tests that
    read it (one that changes the cache takes `demo_app`, or `demo_copy` into its tmp_path)."""
    return demo_copy(fetched_demo, tmp_path_factory.mktemp("demo"))


@pytest.fixture
def demo_app(fetched_demo: FetchedDemo, tmp_path: Path,
             monkeypatch: pytest.MonkeyPatch) -> BylineApp:
    """A fresh copy of the fetched demo under the real app, with the clocks held still: ages
    against FROZEN_NOW, the status line five minutes after the demo was fetched."""
    monkeypatch.setattr("tui.widgets.ages.utc_now", lambda: FROZEN_NOW)
    app = make_demo_app(demo_copy(fetched_demo, tmp_path))
    _never, fetched = app.state.store.fetch_ages()
    assert fetched is not None
    monkeypatch.setattr("tui.screens.refresh_status.now", lambda: fetched.timestamp() + 300)
    return app
