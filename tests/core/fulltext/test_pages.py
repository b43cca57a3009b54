"""Full text through the refresh: pages fetched once, extracted in the pool, odd pages labelled."""

from __future__ import annotations

import asyncio
from pathlib import Path

from feedserver import FeedServer, article_page, rss

from tui.core.feeds.subscriptions import Subscription
from tui.core.models import TextStatus
from tui.core.refresh import refresh
from tui.core.settings import Settings
from tui.core.store import ArticleFilter, Store


def feed_for(server: FeedServer, pages: dict[str, str]) -> str:
    items = [{"title": f"Story {slug}", "guid": slug, "link": server.url(f"/p/{slug}"),
              "description": f"Short summary of {slug}."} for slug in pages]
    return server.add("/feed", body=rss("News", items))


def statuses(store: Store) -> dict[str, tuple[TextStatus, str | None, str]]:
    result = {}
    for row in store.article_rows(ArticleFilter(), limit=100):
        article = store.article(row.id)
        result[article.guid] = (article.text_status, article.text_note, article.text)
    return result


def test_pages_extracted_once_and_odd_pages_labelled(tmp_path: Path, server) -> None:
    server.add("/p/good", body=article_page("Budget cuts roads"), content_type="text/html")
    server.add("/p/empty", body=b"", content_type="text/html")
    server.add("/p/huge", body=b"<html><body>" + b"<p>word </p>" * 1_000_000 + b"</body></html>",
               content_type="text/html")
    server.add("/p/pdf", body=b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj <<>> endobj\n" * 50,
               content_type="text/html")
    server.add("/p/script", body=b"<html><head><script>var x = 1;</script></head>"
               b"<body><script>document.write('hi')</script></body></html>",
               content_type="text/html")
    server.add("/p/charset", body=article_page("Café budget").replace(b"Caf\xc3\xa9", b"Caf\xe9"),
               content_type="text/html; charset=utf-8")
    server.add("/p/loop", redirect_to=server.url("/p/loop"))
    server.add("/p/gone", status=404, body=b"not here", content_type="text/html")
    pages = {k: k for k in ("good", "empty", "huge", "pdf", "script", "charset", "loop", "gone")}
    feed = Subscription("News", feed_for(server, pages))
    settings = Settings(read_timeout=2, total_timeout=5, max_page_bytes=5_000_000)
    store = Store(tmp_path / "byline.db")
    summary = asyncio.run(refresh(store, [feed], settings))
    assert summary.fulltext.pages == 8
    found = statuses(store)
    status, note, text = found["good"]
    assert status is TextStatus.FULL and "hard choices" in text and "Copyright" not in text
    assert "\n\n" in text  # paragraphs kept
    assert store.article(store.article_rows()[0].id).author in ("Ann Lee", None)
    assert found["empty"][:2] == (TextStatus.SUMMARY, "empty page")
    assert found["huge"][:2] == (TextStatus.SUMMARY, "page too large")
    assert found["pdf"][0] is TextStatus.SUMMARY and "not HTML" in found["pdf"][1]
    assert found["script"][0] is TextStatus.SUMMARY
    assert found["charset"][0] in (TextStatus.FULL, TextStatus.SUMMARY)
    assert "redirects" in found["loop"][1]
    assert "404" in found["gone"][1]
    for guid in ("empty", "huge", "pdf", "script", "loop", "gone"):
        assert found[guid][2] == f"Short summary of {guid}."  # still reads from its summary
    requests_before = sum(server.requests.values())
    second = asyncio.run(refresh(store, [feed], settings))
    assert second.fulltext.pages == 0
    assert sum(server.requests.values()) == requests_before + 1  # only the feed itself
    store.reset_text([store.article_rows()[0].id])
    third = asyncio.run(refresh(store, [feed], settings))
    assert third.fulltext.pages == 1
    store.close()


def test_no_fulltext_skips_pages(tmp_path: Path, server) -> None:
    server.add("/p/good", body=article_page("Budget"), content_type="text/html")
    feed = Subscription("News", feed_for(server, {"good": "good"}))
    store = Store(tmp_path / "byline.db")
    summary = asyncio.run(refresh(store, [feed], Settings(), fulltext=False))
    assert summary.fulltext.pages == 0 and server.requests["/p/good"] == 0
    assert statuses(store)["good"][0] is TextStatus.PENDING
    store.close()


async def one_article_on_its_summary(server: FeedServer, tmp_path: Path):
    """A feed of one article whose page is at /p/good, fetched without its full text."""
    from tui.config import load_config

    url = feed_for(server, {"good": "good"})
    config_path = tmp_path / "feeds.toml"
    config_path.write_text(f'[settings]\nrefresh_minutes = 0\n[[feeds]]\nname = "News"\n'
                           f'url = "{url}"\n')
    config = load_config(config_path)
    store = Store(config.db_path)
    await refresh(store, config.feeds, config.settings, fulltext=False)
    return config, store


async def test_reader_shows_full_text_marker_and_reextracts(tmp_path: Path, server) -> None:
    from tui.app import make_app
    from tui.widgets.reader import Reader

    server.add("/p/good", body=article_page("Budget cuts roads"), content_type="text/html")
    config, store = await one_article_on_its_summary(server, tmp_path)
    app = make_app(config, store)
    async with app.run_test(size=(140, 40)) as pilot:
        await pilot.press("enter")
        await pilot.pause()
        header = app.screen.query_one(Reader).visible_text()
        assert "SUMMARY" in header and "not fetched yet" in header
        await pilot.press("e")
        await app.workers.wait_for_complete()
        await pilot.pause()
        reader = app.screen.query_one(Reader)
        assert reader.article.text_status is TextStatus.FULL
        assert "FULL TEXT" in reader.visible_text()
        assert "hard choices" in reader.visible_text()
        assert server.requests["/p/good"] == 1
    store.close()


def test_paywalled_page_is_labelled(tmp_path: Path, server) -> None:
    teaser = (b'<html><head><title>Locked</title><script type="application/ld+json">'
              b'{"@type": "NewsArticle", "isAccessibleForFree": false}</script></head>'
              b'<body><article><p>Only the first line is free.</p>'
              b'<div class="paywall">Subscribe to read more.</div></article></body></html>')
    server.add("/p/locked", body=teaser, content_type="text/html")
    feed = Subscription("News", feed_for(server, {"locked": "locked"}))
    store = Store(tmp_path / "byline.db")
    asyncio.run(refresh(store, [feed], Settings()))
    status, note, text = statuses(store)["locked"]
    assert (status, note) == (TextStatus.SUMMARY, "paywall")
    assert text == "Short summary of locked."
    store.close()


async def test_a_failed_reextract_says_so_on_the_status_line(tmp_path: Path, server,
                                                             monkeypatch) -> None:
    """Whatever goes wrong in `e`'s worker, the status line leaves "Fetching the page…"."""
    import tui.core.fulltext.pages as pages
    from tui.app import make_app

    async def broken(*_args, **_kwargs):
        raise RuntimeError("the network stack broke")

    config, store = await one_article_on_its_summary(server, tmp_path)
    # Standing in for any unexpected failure of the fetch (a bug, a broken cache file).
    monkeypatch.setattr(pages, "extract_one", broken)
    app = make_app(config, store)
    async with app.run_test(size=(140, 40)) as pilot:
        await pilot.press("enter")
        await pilot.pause()
        await pilot.press("e")
        await app.workers.wait_for_complete()
        await pilot.pause()
        status = str(app.screen.query_one("#status").render())
        assert "Fetching the page" not in status
        assert "Could not fetch the page again: RuntimeError: the network stack broke" in status
    store.close()
