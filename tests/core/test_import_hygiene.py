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


def test_what_workers_send_back_unpickles_without_the_quote_rules() -> None:
    """A refresh's process (the TUI's, which answers keys) unpickles every analysis the workers
    send: that must not import the quote rules, whose regexes take a few hundred ms to compile."""
    code = ("import pickle, sys; from tui.core.fulltext.work import analyse_texts; "
            "data = pickle.dumps(analyse_texts(['\"We will not accept this,\" said Ara Petrosyan.']))")
    made = subprocess.run([sys.executable, "-c", code + "; sys.stdout.buffer.write(data)"],
                          capture_output=True)
    assert made.returncode == 0, made.stderr
    check = ("import pickle, sys; analyses = pickle.loads(sys.stdin.buffer.read()); "
             "assert analyses[0].quotes, analyses; "
             "loaded = [m for m in sys.modules if m.startswith('tui.core.quotes')]; "
             "print(loaded); sys.exit(1 if loaded else 0)")
    result = subprocess.run([sys.executable, "-c", check], input=made.stdout, capture_output=True)
    assert result.returncode == 0, result.stdout + result.stderr
