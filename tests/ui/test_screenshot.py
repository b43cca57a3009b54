"""The palette's Screenshot on an account with no ~/Downloads (issue 23, item 11): saved in the
pictures folder, made when missing, else in Byline's data folder; the notice says where. HOME is
a fresh temporary folder (tests/conftest.py)."""

from __future__ import annotations

import os
from pathlib import Path

from textual.pilot import Pilot

from tui.app import make_app
from tui.config import Config
from tui.core.share.screenshots import screenshot_dir
from tui.core.store import Store


async def take_screenshot(tmp_path: Path) -> str:
    """Screenshot from the command palette, as a user takes it; returns the notices shown."""
    store = Store(tmp_path / "byline.db")
    app = make_app(Config(path=None, feeds=(), cache_dir=tmp_path), store)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("ctrl+p")
        await pilot.pause(0.3)
        await pilot.press(*"Screenshot")
        await pilot.pause(0.5)
        await pilot.press("enter")
        notices = await saved_notice(pilot)
    store.close()
    return notices


async def saved_notice(pilot: Pilot) -> str:
    """The screenshot's notice (the file is written in a thread; run_test draws no toasts)."""
    for _ in range(100):
        await pilot.pause(0.05)
        said = [n.message for n in pilot.app._notifications if n.title == "Screenshot"]
        if said:
            return " ".join(said)
    raise AssertionError("no notice about the screenshot")


async def test_a_screenshot_goes_to_pictures_made_when_missing(tmp_path: Path) -> None:
    home = Path(os.environ["HOME"])
    assert not (home / "Downloads").exists() and not (home / "Pictures").exists()
    notice = await take_screenshot(tmp_path)
    [saved] = list((home / "Pictures").glob("*.svg"))
    assert saved.read_text("utf-8").startswith("<svg")
    assert "Saved screenshot to" in notice and str(saved) in notice
    assert "Failed" not in notice


async def test_without_a_pictures_folder_it_goes_to_the_data_folder(tmp_path: Path) -> None:
    home = Path(os.environ["HOME"])
    (home / "Pictures").write_text("a file where the folder would be", encoding="utf-8")
    assert screenshot_dir() == home / ".local" / "share" / "byline" / "screenshots"
    notice = await take_screenshot(tmp_path)
    [saved] = list(screenshot_dir().glob("*.svg"))
    assert str(saved) in notice
