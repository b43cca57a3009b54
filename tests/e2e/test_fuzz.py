"""Property-based fuzzing: random and mutated feeds through parse -> store -> render.

Runs in CI with a small budget; for a longer local run:
    BYLINE_FUZZ_EXAMPLES=5000 .venv/bin/pytest tests/test_fuzz.py
"""

from __future__ import annotations

import io
import os
from datetime import UTC, datetime

from conftest import SHARED
from hypothesis import HealthCheck, given, settings, strategies as st
from rich.console import Console
from rich.text import Text

from tui.core.feeds.parse import parse_feed
from tui.core.models import Outcome
from tui.core.store import ArticleFilter, Store
from tui.widgets.reader import header_text, wrap_offsets

EXAMPLES = int(os.environ.get("BYLINE_FUZZ_EXAMPLES", "150"))
HOSTILE = ["\x1b[2J", "\x1b]0;pwned\x07", "\x1b]52;c;aGk=\x07", "\x9b31m", "\u202e", "\x00",
           "[bold]", "[@click=app.quit]x[/]", "[link=http://evil]y[/link]", "&#27;[2J", "]]>",
           "<![CDATA[", "&amp;", "<script>alert(1)</script>", "\ud7ff", "\U0001f600"]
CORPUS = sorted(p for p in (SHARED / "data" / "feeds").rglob("*.xml") if p.is_file())[:400] \
    if (SHARED / "data" / "feeds").is_dir() else []
TEMPLATE = ('<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>{t}</title>'
            "<item><title>{t}</title><guid>{g}</guid><link>http://e.org/{g}</link>"
            "<description>{d}</description><author>{a}</author></item></channel></rss>")


def render(article) -> str:  # type: ignore[no-untyped-def]
    out = io.StringIO()
    console = Console(file=out, width=80, force_terminal=False, color_system=None)
    console.print(header_text(article))
    console.print(Text("\n".join(article.text[a:b] for a, b in wrap_offsets(article.text, 80))))
    return out.getvalue()


def check_pipeline(body: bytes) -> None:
    parsed = parse_feed(body, "http://fuzz.example/feed.xml", {"content-type": "application/xml"})
    store = Store(":memory:")
    store.sync_feeds([("http://fuzz.example/feed.xml", "Fuzz", ())])
    feed_id = store.feed_id("http://fuzz.example/feed.xml")
    outcome = Outcome.PARSE_ERROR if parsed.error else Outcome.OK
    store.record_feed_result(feed_id, outcome, entries=parsed.entries, error=parsed.error)
    assert store.count_articles(ArticleFilter()) == len(parsed.entries)
    for row in store.article_rows(ArticleFilter(), limit=50):
        article = store.article(row.id)
        text = render(article)  # a plain console adds no escapes: any ESC came from the feed
        assert "\x1b" not in text and "\x9b" not in text
        stored = article.title + article.summary + article.body + (article.author or "")
        assert "\x1b" not in stored and "\u202e" not in stored and "\x9b" not in stored
    store.close()


hostile_text = st.lists(st.one_of(st.sampled_from(HOSTILE), st.text(max_size=20)),
                        max_size=8).map("".join)


@settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(title=hostile_text, description=hostile_text, author=hostile_text, guid=st.text(max_size=10))
def test_generated_feeds_with_hostile_text(title: str, description: str, author: str,
                                           guid: str) -> None:
    from xml.sax.saxutils import escape

    body = TEMPLATE.format(t=escape(title), d=escape(description), a=escape(author),
                           g=escape(guid)).encode("utf-8", errors="surrogatepass")
    check_pipeline(body)


@settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_mutated_corpus_feeds(data: st.DataObject) -> None:
    if not CORPUS:
        body = TEMPLATE.format(t="x", d="y", a="z", g="1").encode()
    else:
        body = data.draw(st.sampled_from(CORPUS)).read_bytes()[:200_000]
    for _ in range(data.draw(st.integers(0, 4))):
        position = data.draw(st.integers(0, max(len(body) - 1, 0)))
        action = data.draw(st.sampled_from(["flip", "cut", "insert", "delete"]))
        if action == "flip" and body:
            body = body[:position] + bytes([body[position] ^ 0xFF]) + body[position + 1:]
        elif action == "cut":
            body = body[:position]
        elif action == "insert":
            body = body[:position] + data.draw(st.sampled_from(HOSTILE)).encode(
                "utf-8", "surrogatepass") + body[position:]
        else:
            body = body[:position] + body[position + 20:]
    check_pipeline(body)


def test_render_of_a_known_hostile_article_is_inert() -> None:
    body = TEMPLATE.format(t="[@click=app.quit]Hi[/] \x1b]0;pwned\x07", d="\x1b[2Jclear",
                           a="[bold]Ann[/bold]", g="1").encode()
    parsed = parse_feed(body, "http://x/")
    [entry] = parsed.entries
    assert entry.title == "[@click=app.quit]Hi[/]"  # markup kept as literal text
    from tui.core.models import Article, TextStatus

    article = Article(1, 1, "F", entry.guid, entry.url, entry.title, entry.author, None,
                      datetime.now(UTC), entry.summary, entry.content, TextStatus.PENDING, None,
                      False, False)
    text = render(article)
    assert "[@click=app.quit]Hi[/]" in text and "[bold]Ann[/bold]" in text
    assert "pwned" not in text and "\x1b[2J" not in text

