"""The one demo factory of the tests: the seeds (`SEEDS`), copied aside and fetched (once per
run, `fetch_demo`), a private copy of its cache (`demo_copy`), an editable demo of a test's own
(`own_demo`), and the app built on it as the CLI builds it (`make_demo_app`), with the clocks
held still (`FROZEN_NOW`)."""

from __future__ import annotations

import shutil
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from tui.app import BylineApp
    from tui.config import Config
    from tui.core.refresh import RefreshSummary
    from tui.screens.main import MainScreen

REPO = Path(__file__).resolve().parents[1]
SEEDS = REPO / "seeds"

# The demo's articles are dated 20-27 Nov 2026; ages are drawn against this moment.
FROZEN_NOW = datetime(2026, 11, 28, 12, 0, tzinfo=UTC)


@dataclass(frozen=True)
class FetchedDemo:
    """The offline demo fetched once: its folder (config and cache) and what the fetch did."""

    root: Path
    summary: RefreshSummary

    @property
    def config_path(self) -> Path:
        return self.root / "feeds.toml"


def copy_seeds(root: Path, *, settings: str = "", extra: str = "") -> Path:
    """seeds/ copied to `root` without any cache an older Byline left there when the demo was
    run in place; `settings` lines go at the top of [settings], `extra` tables at the end.
    Returns the copy's feeds.toml."""
    shutil.copytree(SEEDS, root, ignore=shutil.ignore_patterns("cache"))
    path = root / "feeds.toml"
    if settings or extra:
        text = path.read_text("utf-8").replace("[settings]\n", f"[settings]\n{settings}")
        path.write_text(text + extra, encoding="utf-8")
    return path


def fetch_demo(root: Path, *, fulltext: bool | None = None, extra: str = "") -> FetchedDemo:
    """seeds/ copied to `root` and fetched there (feeds, full text unless not wanted, quotes,
    stories), everything checkpointed into the cache file so a copy of it is complete."""
    from tui.config import load_config
    from tui.core.refresh import run_refresh
    from tui.core.store import Store

    config = load_config(copy_seeds(root, extra=extra))
    store = Store(config.db_path)
    summary = run_refresh(store, config.feeds, config.settings, fulltext=fulltext)
    store.checkpoint()
    store.close()
    return FetchedDemo(root, summary)


def demo_copy(fetched: FetchedDemo, target: Path) -> Config:
    """The fetched demo's config with a private copy of its cache in `target` (feeds stay where
    they were fetched from: their file:// URLs are their identity in the cache); returns the
    loaded config. Tests that edit feeds.toml make their own demo (`own_demo`)."""
    from tui.config import load_config

    target.mkdir(parents=True, exist_ok=True)
    shutil.copy(fetched.root / "cache" / "byline.db", target / "byline.db")
    return load_config(fetched.config_path, str(target))


def make_demo_app(config: Config) -> BylineApp:
    """The app over a demo's config and cache, built by the CLI's `make_app`."""
    from tui.app import make_app
    from tui.core.store import Store

    return make_app(config, Store(config.db_path))


def main_screen(app: BylineApp) -> MainScreen:
    """The app's main screen, wherever it is in the stack."""
    from tui.screens.main import MainScreen

    return next(s for s in app.screen_stack if isinstance(s, MainScreen))
