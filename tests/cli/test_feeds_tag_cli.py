"""`byline feeds tag` on a feed without tags: written under its keys, the file otherwise as it
was (it crashed with tomlkit 0.15.3, which removed a private method Byline used)."""

from __future__ import annotations

from pathlib import Path

from tui.cli.main import main
from tui.config import load_config

CONFIG = """[settings]
refresh_minutes = 0

# untagged for now
[[feeds]]
name = "First"
url = "https://first.example/rss"   # the RSS, not the Atom

# the second one
[[feeds]]
name = "Second"
url = "https://second.example/rss"
"""


def test_tagging_an_untagged_feed(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "feeds.toml"
    path.write_text(CONFIG, encoding="utf-8")
    assert main(["--config", str(path), "feeds", "tag", "First", "news", "world"]) == 0
    assert path.read_text(encoding="utf-8") == CONFIG.replace(
        "# the RSS, not the Atom\n", '# the RSS, not the Atom\ntags = ["news", "world"]\n')
    assert [f.tags for f in load_config(path).feeds] == [("news", "world"), ()]
    assert "First" in capsys.readouterr().out
