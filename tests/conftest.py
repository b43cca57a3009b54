"""Shared fixtures: the location of ../shared data, and isolation from the user's config."""

from __future__ import annotations

import os
import shutil
from dataclasses import dataclass
from datetime import UTC, datetime
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


SEEDS = REPO / "seeds"


@dataclass(frozen=True)
class FetchedDemo:
    """The offline demo fetched once: its folder (config and cache) and what the fetch did."""

    root: Path
    summary: object


@pytest.fixture(scope="session")
def fetched_demo(tmp_path_factory: pytest.TempPathFactory) -> FetchedDemo:
    """seeds/ copied aside and fetched once for the whole run (feeds, full text, quotes,
    stories); tests take their own copy with `demo_copy`, so none sees another's changes."""
    from tui.config import load_config
    from tui.core.refresh import run_refresh
    from tui.core.store import Store

    root = tmp_path_factory.mktemp("demo") / "seeds"
    shutil.copytree(SEEDS, root, ignore=shutil.ignore_patterns("cache"))
    config = load_config(root / "feeds.toml")
    store = Store(config.db_path)
    summary = run_refresh(store, config.feeds, config.settings)
    store.checkpoint()  # everything in the file itself, so a copy of the folder is complete
    store.close()
    return FetchedDemo(root, summary)


def demo_copy(fetched: FetchedDemo, target: Path):  # type: ignore[no-untyped-def]
    """The fetched demo's config with a private copy of its cache in `target` (feeds stay where
    they were fetched from: their file:// URLs are their identity in the cache); returns the
    loaded config. Tests that edit feeds.toml make their own demo."""
    from tui.config import load_config

    target.mkdir(parents=True, exist_ok=True)
    shutil.copy(fetched.root / "cache" / "byline.db", target / "byline.db")
    return load_config(fetched.root / "feeds.toml", str(target))


# The demo's articles are dated 20-27 Nov 2026; ages are drawn against this moment.
FROZEN_NOW = datetime(2026, 11, 28, 12, 0, tzinfo=UTC)


@pytest.fixture
def demo_app(fetched_demo: FetchedDemo, tmp_path: Path, monkeypatch: pytest.MonkeyPatch):  # type: ignore[no-untyped-def]
    """A fresh copy of the fetched demo under the real app, with the clocks held still: ages
    against FROZEN_NOW, the status line five minutes after the demo was fetched."""
    from tui.app import make_app
    from tui.core.store import Store

    monkeypatch.setattr("tui.widgets.ages.utc_now", lambda: FROZEN_NOW)
    config = demo_copy(fetched_demo, tmp_path)
    store = Store(config.db_path)
    _never, fetched = store.fetch_ages()
    assert fetched is not None
    monkeypatch.setattr("tui.screens.refresh_status.now", lambda: fetched.timestamp() + 300)
    return make_app(config, store)
