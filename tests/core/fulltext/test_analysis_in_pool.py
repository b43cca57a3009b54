"""Actors and quotes found in the worker pool during a refresh: stored exactly as inline analysis
would store them, for full text and for summaries, kept current when text changes, and left
consistent by a cancelled refresh."""

from __future__ import annotations

import asyncio
import threading
from dataclasses import replace
from pathlib import Path

from feedserver import FeedServer, article_page, rss

from tui.core.feeds.subscriptions import Subscription
from tui.core.models import TextStatus
from tui.core.quotes.extractor import analyse
from tui.core.refresh import Progress, refresh
from tui.core.settings import Settings
from tui.core.store import ArticleFilter, Store

FAST = Settings(read_timeout=2, connect_timeout=2, total_timeout=5, per_host=8)

SUMMARIES = [
    "“We will not accept this deal,” Foreign Minister Ara Petrosyan told reporters in Yerevan on "
    "Monday, adding that talks would resume next week.",
    "The central bank kept its main rate at nine percent. “Inflation is still too high,” said "
    "Governor Maria Lind, who warned of further increases.",
    "Police said three people were injured when a tram left the rails in the city centre. The "
    "mayor, Tomas Berg, said the line would reopen on Friday.",
    "Opposition leader Karen Vardanyan called the budget “a betrayal of the regions” and said his "
    "party would vote against it.",
    "Shares in the utility fell sharply after the regulator, Ofgem, said it would cap prices for "
    "another year. “This is a blow,” one analyst said.",
]


def items(prefix: str, texts: list[str], link: str | None = None) -> list[dict[str, str]]:
    return [{"title": f"{prefix} story {i}", "guid": f"{prefix}-{i}",
             "link": link or f"http://example.org/{prefix}/{i}", "description": text,
             "pubDate": f"Mon, {10 + i:02d} Nov 2026 08:00:00 GMT"} for i, text in enumerate(texts)]


def comparable(records: list[object]) -> list[object]:
    """Stored records without the ids the cache gave them, in a stable order."""
    return sorted((replace(r, id=None, article_id=None) for r in records), key=repr)  # type: ignore[type-var]


def assert_stored_as_inline(store: Store, article_ids: list[int] | None = None) -> int:
    """Every given (default: every) article is analysed, and what is stored is exactly what
    analyse() finds in its stored text. Returns how many quotes that was."""
    ids = article_ids if article_ids is not None else \
        [row.id for row in store.article_rows(ArticleFilter(), limit=10_000)]
    assert not set(ids) & set(store.unanalysed())
    quotes = 0
    for article_id, text in store.texts(ids):
        inline = analyse(text)
        assert comparable(store.actors_of(article_id)) == comparable(list(inline.actors))
        stored = store.quotes_of(article_id, min_confidence=0.0)
        assert comparable(stored) == comparable(list(inline.quotes))
        quotes += len(stored)
    return quotes


def test_summaries_analysed_in_the_pool_as_inline(server: FeedServer, store: Store) -> None:
    # Wire copy: every text appears in three feeds; each copy is stored in full.
    feeds = [Subscription(f"Outlet {n}", server.add(f"/f{n}", body=rss(f"O{n}", items(
        f"o{n}", SUMMARIES[n % 2:] + SUMMARIES[:n % 2])))) for n in range(3)]
    seen: list[Progress] = []
    summary = asyncio.run(refresh(store, feeds, FAST, fulltext=False, progress=seen.append))
    assert summary.new_articles == 15 and summary.analysed == 15 and not summary.errors
    assert assert_stored_as_inline(store) >= 15  # quotes were found, in every copy
    analysis = [p for p in seen if p.phase == "analysis"]
    assert analysis and analysis[-1].done == analysis[-1].total == 15
    assert sorted(i for p in analysis for i in p.articles) == \
        sorted(r.id for r in store.article_rows(ArticleFilter()))


def test_full_text_analysed_in_the_worker_and_failed_pages_from_their_summary(
        server: FeedServer, store: Store) -> None:
    server.add("/p/good", body=article_page("Budget cuts roads"), content_type="text/html")
    server.add("/p/gone", status=404, body=b"not here", content_type="text/html")
    feed = Subscription("News", server.add("/feed", body=rss("News", [
        {"title": "Good", "guid": "good", "link": server.url("/p/good"),
         "description": SUMMARIES[0]},
        {"title": "Gone", "guid": "gone", "link": server.url("/p/gone"),
         "description": SUMMARIES[1]},
        {"title": "No link", "guid": "nolink", "description": SUMMARIES[2]}])))
    summary = asyncio.run(refresh(store, [feed], FAST))
    assert not summary.errors
    by_guid = {store.article(r.id).guid: store.article(r.id) for r in store.article_rows()}
    assert by_guid["good"].text_status is TextStatus.FULL
    assert by_guid["gone"].text_status is TextStatus.SUMMARY
    assert assert_stored_as_inline(store) > 0
    good_quotes = store.quotes_of(by_guid["good"].id, min_confidence=0.0)
    assert any("hard choices" in q.text for q in good_quotes)  # from the page, not the summary
    gone_quotes = store.quotes_of(by_guid["gone"].id, min_confidence=0.0)
    assert any("Inflation is still too high" in q.text for q in gone_quotes)


def test_summary_analysis_is_replaced_when_the_full_text_arrives(server: FeedServer,
                                                                 store: Store) -> None:
    server.add("/p/good", body=article_page("Budget cuts roads"), content_type="text/html")
    feed = Subscription("News", server.add("/feed", body=rss("News", items(
        "n", [SUMMARIES[0]], link=server.url("/p/good")))))
    asyncio.run(refresh(store, [feed], FAST, fulltext=False))
    [row] = store.article_rows()
    first = store.quotes_of(row.id, min_confidence=0.0)
    assert any("We will not accept this deal" in q.text for q in first)
    asyncio.run(refresh(store, [feed], FAST))  # now with full text
    assert store.article(row.id).text_status is TextStatus.FULL
    assert_stored_as_inline(store, [row.id])
    second = store.quotes_of(row.id, min_confidence=0.0)
    assert any("hard choices" in q.text for q in second)
    assert not any("We will not accept this deal" in q.text for q in second)


def test_changed_summary_is_analysed_again(server: FeedServer, store: Store) -> None:
    url = server.add("/feed", body=rss("News", items("n", [SUMMARIES[0]])))
    feed = Subscription("News", url)
    asyncio.run(refresh(store, [feed], FAST, fulltext=False))
    server.add("/feed", body=rss("News", items("n", [SUMMARIES[3]])))  # the outlet rewrote it
    asyncio.run(refresh(store, [feed], FAST, fulltext=False))
    [row] = store.article_rows()
    assert_stored_as_inline(store, [row.id])
    assert any("a betrayal of the regions" in q.text
               for q in store.quotes_of(row.id, min_confidence=0.0))


def test_reextracting_one_article_analyses_it_at_once(server: FeedServer, store: Store) -> None:
    from tui.core.fulltext.pages import extract_one

    server.add("/p/good", body=article_page("Budget cuts roads"), content_type="text/html")
    feed = Subscription("News", server.add("/feed", body=rss("News", items(
        "n", [SUMMARIES[0]], link=server.url("/p/good")))))
    asyncio.run(refresh(store, [feed], FAST, fulltext=False))
    [row] = store.article_rows()
    outcome = asyncio.run(extract_one(store, row.id, FAST))
    assert outcome.status is TextStatus.FULL
    assert_stored_as_inline(store, [row.id])
    assert any("hard choices" in q.text for q in store.quotes_of(row.id, min_confidence=0.0))


def test_cancelled_refresh_leaves_a_consistent_cache(tmp_path: Path, server: FeedServer) -> None:
    for n in range(6):
        server.add(f"/p/{n}", body=article_page(f"Budget {n}"), content_type="text/html",
                   delay=0.05)
    feeds = [Subscription(f"Outlet {n}", server.add(f"/f{n}", body=rss(f"O{n}", [
        {"title": f"Story {n}-{i}", "guid": f"{n}-{i}", "link": server.url(f"/p/{(n + i) % 6}"),
         "description": SUMMARIES[(n + i) % len(SUMMARIES)]} for i in range(8)]),
        delay=0.02 * n)) for n in range(6)]
    store = Store(tmp_path / "byline.db")
    cancel = threading.Event()

    def stop_soon(progress: Progress) -> None:
        if progress.phase == "pages" and progress.done >= 10:
            cancel.set()

    summary = asyncio.run(refresh(store, feeds, FAST, progress=stop_soon, cancel=cancel))
    assert summary.cancelled and summary.fulltext.pages == 48
    assert store.integrity_ok()
    ids = [row.id for row in store.article_rows(ArticleFilter(), limit=100)]
    pending = set(store.unanalysed())
    finished = [i for i in ids if i not in pending]
    assert pending and finished  # stopped half-way
    assert_stored_as_inline(store, finished)  # what was stored is whole
    statuses = {store.article(i).text_status for i in ids}
    assert TextStatus.PENDING in statuses  # pages not fetched yet stay pending
    store.close()

    store = Store(tmp_path / "byline.db")  # the next refresh finishes the work
    again = asyncio.run(refresh(store, feeds, FAST))
    assert not again.cancelled and not again.errors
    assert not store.unanalysed()
    assert all(store.article(i).text_status is not TextStatus.PENDING for i in ids)
    assert_stored_as_inline(store)
    store.close()
