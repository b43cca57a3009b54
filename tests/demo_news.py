"""A new article for the demo's CSTO story: what a refresh brings to a followed story (shared by
the CLI and UI tests of news)."""

from __future__ import annotations

from pathlib import Path


def add_story_article(config: Path) -> None:
    """A new Caucasus Ledger item on the CSTO boycott, with its own page."""
    root = config.parent
    pages = root / "pages" / "caucasus-ledger"
    page = pages / "2026-11-28-csto-summit-opens.html"
    page.write_text((pages / "2026-11-26-armenia-skips-csto-summit.html").read_text("utf-8"),
                    encoding="utf-8")
    feed = root / "feeds" / "caucasus-ledger.xml"
    item = """  <item>
    <title>CSTO summit opens in Minsk without Armenia as Yerevan keeps its boycott</title>
    <link>../pages/caucasus-ledger/2026-11-28-csto-summit-opens.html</link>
    <guid isPermaLink="false">caucasus-ledger:2026-11-28-csto-summit-opens</guid>
    <pubDate>Sat, 28 Nov 2026 08:00:00 GMT</pubDate>
    <description>Armenia stays away from the Collective Security Treaty Organization (CSTO)
    summit in Minsk.</description>
  </item>
"""
    text = feed.read_text("utf-8")
    feed.write_text(text.replace("  <item>", item + "  <item>", 1), encoding="utf-8")
