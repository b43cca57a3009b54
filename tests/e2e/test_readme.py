"""The README stays true: the key table matches the bindings, the quick start is two commands."""

from __future__ import annotations

import re
from pathlib import Path

from tui.bindings import markdown_table

README = (Path(__file__).resolve().parents[2] / "README.md").read_text(encoding="utf-8")


def test_key_table_matches_bindings() -> None:
    found = re.search(r"<!-- keys:start -->\n(.*?)\n<!-- keys:end -->", README, re.S)
    assert found, "README lost its generated key table"
    assert found.group(1) == markdown_table(), "run `python -m tui.bindings` and paste the table"


def test_quick_start_is_two_commands() -> None:
    blocks = [re.search(rf"<!-- {name}-command -->\n```sh\n(.*?)\n```", README, re.S)
              for name in ("run", "test")]
    assert all(blocks)
    run, test = (b.group(1) for b in blocks)  # type: ignore[union-attr]
    assert "\n" not in run and "\n" not in test
    assert run.endswith("byline") and test.endswith("pytest")
