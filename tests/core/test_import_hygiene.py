"""The UI-free core never imports textual or rich, and `byline --help` stays light."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

CORE = Path(__file__).resolve().parents[2] / "tui" / "core"
CORE_MODULES = sorted(
    ".".join(("tui", "core", *p.relative_to(CORE).with_suffix("").parts)).removesuffix(".__init__")
    for p in CORE.rglob("*.py"))
# httpx imports its command line (click, pygments, rich) whenever click is installed, as it is
# beside import-linter in the test extras but not in a user's install: hide click, as there.
NO_CLICK = "import sys; sys.modules['click'] = None; "


@pytest.mark.parametrize("module", CORE_MODULES)
def test_core_module_does_not_import_ui(module: str) -> None:
    code = (NO_CLICK + f"import {module}; "
            "bad = [m for m in ('textual', 'rich') if m in sys.modules]; "
            "print(','.join(bad)); sys.exit(1 if bad else 0)")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, f"{module} imports {result.stdout.strip()} {result.stderr}"


def test_help_does_not_import_heavy_modules() -> None:
    code = ("import sys; from tui.cli.main import build_parser; build_parser().format_help(); "
            "heavy = [m for m in ('textual', 'trafilatura', 'feedparser', 'httpx', 'rapidfuzz',"
            " 'lxml') if m in sys.modules]; print(heavy); sys.exit(1 if heavy else 0)")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
