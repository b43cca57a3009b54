"""The README stays true: the key table matches the bindings, the quick start is two commands."""

from __future__ import annotations

import re
from pathlib import Path

from tui.bindings import markdown_table

ROOT = Path(__file__).resolve().parents[2]
README = (ROOT / "README.md").read_text(encoding="utf-8")


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


def test_both_commands_install_from_the_lock() -> None:
    """A fresh install gets the versions the tests passed with: the locks, with hashes, and the
    project itself without resolving anything again."""
    commands = {name: re.search(rf"<!-- {name}-command -->\n```sh\n(.*?)\n```", README, re.S)
                .group(1) for name in ("run", "test")}  # type: ignore[union-attr]
    for name, lock in (("run", "requirements.lock"), ("test", "requirements-test.lock")):
        command = commands[name]
        assert f"--require-hashes -r {lock}" in command
        assert "--no-deps" in command and "--no-build-isolation" in command
        assert "pip install -e" not in command  # anything unlocked would resolve afresh
        text = (ROOT / lock).read_text(encoding="utf-8")
        pins = re.findall(r"^([A-Za-z0-9_.-]+)==\S+ \\$", text, re.M)
        assert pins and all(f"{pin}==" in text for pin in pins)
        assert "setuptools==" in text  # the build of the editable install is locked too
        for block in re.split(r"\n(?=[A-Za-z])", text.split("\n", 1)[1]):
            if "==" in block:
                assert "--hash=sha256:" in block, block.splitlines()[0]


def test_the_locks_satisfy_pyproject() -> None:
    """A lock made before a range in pyproject.toml changed is stale: run scripts/upgrade-lock."""
    import tomllib

    from packaging.requirements import Requirement
    from packaging.utils import canonicalize_name

    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    wanted = {"requirements.lock": project["dependencies"],
              "requirements-test.lock": project["dependencies"]
              + project["optional-dependencies"]["test"]}
    for lock, requirements in wanted.items():
        text = (ROOT / lock).read_text(encoding="utf-8")
        pinned = {canonicalize_name(name): version for name, version
                  in re.findall(r"^([A-Za-z0-9_.-]+)==(\S+) \\$", text, re.M)}
        for line in requirements:
            requirement = Requirement(line)
            name = canonicalize_name(requirement.name)
            assert name in pinned, f"{lock} does not pin {name}: run scripts/upgrade-lock"
            assert requirement.specifier.contains(pinned[name], prereleases=True), \
                f"{lock} pins {name}=={pinned[name]}, outside {requirement.specifier}"
