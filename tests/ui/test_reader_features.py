"""Reader essentials through Pilot and the CLI: search, next unread, filters, keymap, themes."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from feedserver import FeedServer, rss

from tui.app import make_app
from tui.cli.main import main
from tui.config import load_config
from tui.core.refresh import refresh
from tui.core.store import ArticleFilter, Store
from tui.widgets.article_list import ArticleList
from tui.widgets.feed_list import FeedList
from tui.widgets.reader import Reader

LONG = " ".join(f"Filler sentence number {i} about nothing in particular." for i in range(120))


def items(prefix: str, titles: list[str], bodies: list[str] | None = None) -> list[dict]:
    bodies = bodies or [f"Summary for {t}." for t in titles]
    return [{"title": t, "guid": f"{prefix}{i}", "link": f"http://example.org/{prefix}{i}",
             "description": b, "pubDate": f"Mon, {10 + i:02d} Nov 2026 08:00:00 GMT"}
            for i, (t, b) in enumerate(zip(titles, bodies, strict=True))]


@pytest.fixture
def setup(tmp_path: Path):
    with FeedServer() as server:
        server.add("/one", body=rss("One", items("a", [
            "Parliament debates water treaty", "Central bank holds rates", "Quiet day"],
            [LONG + " The zygomorphic clause was adopted.", "Rates stay at 9 percent.",
             "Nothing happened."])))
        server.add("/two", body=rss("Two", items("b", ["Tech firm fined", "Chip exports rise"])))
        config_path = tmp_path / "feeds.toml"
        config_path.write_text(
            "[settings]\nrefresh_minutes = 0\nfulltext = false\n"
            f'[[feeds]]\nname = "One"\nurl = "{server.url("/one")}"\ntags = ["politics"]\n'
            f'[[feeds]]\nname = "Two"\nurl = "{server.url("/two")}"\ntags = ["tech"]\n'
            '[keymap]\n"article.star" = "x"\n', encoding="utf-8")
        config = load_config(config_path)
        store = Store(config.db_path)
        import asyncio

        asyncio.run(refresh(store, config.feeds, config.settings))
        yield config, store
        store.close()


def test_store_search_ranks_titles_and_survives_odd_queries(setup) -> None:
    _, store = setup
    hits = store.search("rates")
    assert hits[0].title == "Central bank holds rates"
    assert "\x02" in hits[0].title_marked
    assert store.search("zygomorph")[0].title == "Parliament debates water treaty"  # prefix
    for odd in ['"', "AND", "-x", "a:b", "(", "*", "NEAR(", ""]:
        store.search(odd)  # never raises
    assert store.search('"water treaty"')[0].title.startswith("Parliament")
    assert store.search('"treaty water"') == []


def test_cli_search_json(setup, capsys) -> None:
    config, _ = setup
    assert main(["--config", str(config.path), "search", "chip", "--json"]) == 0
    [hit] = json.loads(capsys.readouterr().out)
    assert hit["title"] == "Chip exports rise" and hit["feed"] == "Two"


async def test_search_screen_opens_article_at_first_hit(setup) -> None:
    config, store = setup
    app = make_app(config, store)
    async with app.run_test(size=(120, 30)) as pilot:
        await pilot.press("slash")
        await pilot.press(*"zygomorphic")
        await pilot.pause(0.3)
        await app.workers.wait_for_complete()
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        reader = app.screen.query_one(Reader)
        assert reader.article.title == "Parliament debates water treaty"
        await pilot.pause()
        assert reader.scroll_y > 5  # the hit is far down a long text


async def test_next_unread_crosses_feeds_and_filters(setup) -> None:
    config, store = setup
    app = make_app(config, store)
    async with app.run_test(size=(120, 30)) as pilot:
        feeds = app.screen.query_one(FeedList)
        feeds.select_key(f"feed:{store.feed_id(config.feeds[0].url)}")
        await pilot.pause()
        opened = []
        for _ in range(5):
            await pilot.press("n")
            await pilot.pause()
            opened.append(app.screen.query_one(Reader).article.title)
        assert len(set(opened)) == 5  # all five unread articles, across both feeds
        assert store.count_articles(ArticleFilter(unread_only=True)) == 0
        await pilot.press("m")  # back to unread
        await pilot.press("u")
        await pilot.pause()
        assert app.screen.query_one(ArticleList).count == 1


async def test_keymap_override_and_theme_persist(setup) -> None:
    config, store = setup
    app = make_app(config, store)
    async with app.run_test(size=(120, 30)) as pilot:
        await pilot.press("x")  # remapped from s
        first = app.screen.query_one(ArticleList).current
        assert store.article(first.id).starred
        await pilot.press("s")
        assert store.article(first.id).starred  # s no longer stars
        app.theme = "nord"
        await pilot.pause()
    app = make_app(config, store)
    async with app.run_test(size=(120, 30)):
        assert app.theme == "nord"


async def _add_feed(app, pilot, url: str, name: str = "", tags: str = "") -> None:
    await pilot.press("a")
    await pilot.pause()
    await pilot.press(*url)
    await pilot.press("tab")
    await pilot.press(*name)
    await pilot.press("tab")
    await pilot.press(*tags)
    await pilot.press("enter")
    for _ in range(50):  # the URL is checked in a worker
        await pilot.pause(0.05)
        if not app.screen.query("#feed-error") or "Checking" not in str(
                app.screen.query_one("#feed-error").render()):
            break


async def test_add_feed_checks_the_url_saves_and_fetches_at_once(setup) -> None:
    config, store = setup
    with FeedServer() as server:
        url = server.add("/new", body=rss("New Outlet", items("n", ["First news", "Second"])))
        app = make_app(config, store)
        async with app.run_test(size=(120, 30)) as pilot:
            await _add_feed(app, pilot, url, "Newcomer", "tech, world")
            await app.workers.wait_for_complete()
            await pilot.pause()
            feeds = app.screen.query_one(FeedList).feeds
            assert "Newcomer" in [f.name for f in feeds]
            newcomer = next(f for f in feeds if f.name == "Newcomer")
            assert newcomer.article_count == 2  # fetched at once, without pressing r
    reloaded = load_config(config.path)
    assert ("Newcomer", ("tech", "world")) in [(f.name, f.tags) for f in reloaded.feeds]
    assert '[keymap]\n"article.star" = "x"' in config.path.read_text()


async def test_adding_a_feed_keeps_every_other_feed_listed(setup) -> None:
    """The new feed is fetched on its own; the feed pane still lists the others, with tags."""
    config, store = setup
    with FeedServer() as server:
        url = server.add("/new", body=rss("New Outlet", items("n", ["First news"])))
        app = make_app(config, store)
        async with app.run_test(size=(120, 30)) as pilot:
            await _add_feed(app, pilot, url, "Newcomer")
            await app.workers.wait_for_complete()
            await pilot.pause()
            feeds = app.screen.query_one(FeedList).feeds
            assert [(f.name, f.tags, f.article_count) for f in feeds] == [
                ("One", ("politics",), 3), ("Two", ("tech",), 2), ("Newcomer", (), 1)]
            assert [f.name for f in store.feeds()] == ["One", "Two", "Newcomer"]


async def test_add_feed_refuses_what_is_not_a_feed_and_saves_nothing(setup) -> None:
    config, store = setup
    before = config.path.read_text()
    with FeedServer() as server:
        missing = server.url("/missing")
        page = server.add("/page", body=b"<html><head><title>x</title></head><body>hi</body>"
                          b"</html>", content_type="text/html")
        app = make_app(config, store)
        async with app.run_test(size=(120, 30)) as pilot:
            for url, reason in ((missing, "404"), (page, "links to no feed"),
                                ("http://127.0.0.1:9/feed", "Not saved")):
                await _add_feed(app, pilot, url)
                error = str(app.screen.query_one("#feed-error").render())
                assert "Not saved" in error and reason in error, error
                await pilot.press("escape")
                await pilot.pause()
    assert config.path.read_text() == before


async def test_add_feed_offers_the_feeds_a_web_page_links_to(setup) -> None:
    config, store = setup
    with FeedServer() as server:
        feed = server.add("/site/rss.xml", body=rss("Site", items("s", ["Site news"])))
        page = server.add("/site/", content_type="text/html", body=(
            '<html><head><link rel="alternate" type="application/rss+xml" title="Site news" '
            'href="rss.xml"></head><body>Welcome</body></html>').encode())
        app = make_app(config, store)
        async with app.run_test(size=(120, 30)) as pilot:
            await _add_feed(app, pilot, page, "Site")
            assert "links to 1 feed" in str(app.screen.query_one("#feed-error").render())
            await pilot.press("enter")  # take the offered feed
            for _ in range(50):
                await pilot.pause(0.05)
                if not app.screen.query("#feed-error"):
                    break
            await app.workers.wait_for_complete()
            await pilot.pause()
    assert feed in [f.url for f in load_config(config.path).feeds]


def test_prune_keeps_starred(setup, capsys) -> None:
    config, store = setup
    starred = store.article_rows()[0].id
    store.set_starred(starred, True)
    store.conn().execute("UPDATE articles SET sort_time = sort_time - 400 * 86400")
    assert main(["--config", str(config.path), "prune", "--days", "30"]) == 0
    assert "pruned 4" in capsys.readouterr().out
    assert [r.id for r in store.article_rows()] == [starred]
