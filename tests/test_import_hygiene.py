"""The UI-free core never imports textual or rich, and `byline --help` stays light."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

CORE = Path(__file__).resolve().parents[1] / "tui" / "core"
CORE_MODULES = sorted(f"tui.core.{p.stem}" for p in CORE.glob("*.py") if p.stem != "__init__")


@pytest.mark.parametrize("module", CORE_MODULES)
def test_core_module_does_not_import_ui(module: str) -> None:
    code = (f"import sys, {module}; "
            "bad = [m for m in ('textual', 'rich') if m in sys.modules]; "
            "print(','.join(bad)); sys.exit(1 if bad else 0)")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, f"{module} imports {result.stdout.strip()} {result.stderr}"


def test_help_does_not_import_heavy_modules() -> None:
    code = ("import sys; from tui.cli import build_parser; build_parser().format_help(); "
            "heavy = [m for m in ('textual', 'trafilatura', 'feedparser', 'httpx', 'rapidfuzz',"
            " 'lxml') if m in sys.modules]; print(heavy); sys.exit(1 if heavy else 0)")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
