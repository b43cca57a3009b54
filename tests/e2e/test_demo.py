"""The offline demo in seeds/: stories per event, actors and quotes, the UI on top of them."""

from __future__ import annotations

import json
from pathlib import Path

from byline_demo import SEEDS

from tui.app import make_app
from tui.cli.main import main
from tui.core.store import Store
from tui.widgets.reader import Reader
from tui.widgets.side_panel import SidePanel


def test_the_demo_fetch_gets_every_page_in_full(fetched_demo) -> None:  # type: ignore[no-untyped-def]
    summary = fetched_demo.summary
    assert summary.fulltext.full == 24 and not summary.failed


def story_of_page(config, store: Store) -> dict[str, int]:  # type: ignore[no-untyped-def]
    root = config.path.parent
    rows = store.conn().execute("SELECT url, story_id FROM articles").fetchall()
    return {str(Path(url.removeprefix("file://")).relative_to(root)): story for url, story in rows}


def test_every_article_gets_full_text_quotes_and_a_story(demo) -> None:  # type: ignore[no-untyped-def]
    store = Store(demo.db_path)
    counts = store.conn().execute(
        "SELECT count(*), sum(story_id IS NOT NULL), sum(analysed > 0) FROM articles").fetchone()
    assert counts == (24, 24, 24)
    assert store.conn().execute("SELECT count(*) FROM quotes").fetchone()[0] > 50
    store.close()


def test_multi_outlet_events_are_stories(demo) -> None:  # type: ignore[no-untyped-def]
    events = json.loads((SEEDS / "events.json").read_text())
    store = Store(demo.db_path)
    stories = story_of_page(demo, store)
    store.close()
    for event, pages in events.items():
        if len(pages) > 1:
            assert len({stories[p] for p in pages}) == 1, f"{event} is split"
    owner = {page: event for event, pages in events.items() for page in pages}
    by_story: dict[int, set[str]] = {}
    for page, story in stories.items():
        by_story.setdefault(story, set()).add(owner[page])
    assert all(len(found) == 1 for found in by_story.values()), by_story


def test_stories_json_lists_outlets_and_articles(demo, capsys) -> None:  # type: ignore[no-untyped-def]
    assert main(["--config", str(demo.path), "stories", "--json", "--min-outlets", "2"]) == 0
    stories = json.loads(capsys.readouterr().out)
    assert len(stories) >= 4
    for story in stories:
        assert len(story["outlets"]) >= 2
        assert {"id", "url", "feed", "title", "published"} <= set(story["articles"][0])


def test_quotes_cli_survives_a_typo(demo, capsys) -> None:  # type: ignore[no-untyped-def]
    assert main(["--config", str(demo.path), "quotes", "--json", "Harutyunian"]) == 0
    hits = json.loads(capsys.readouterr().out)
    assert hits and all("Harutyunyan" in (h["speaker"] or "") + h["text"] for h in hits)


async def test_side_panel_quote_enter_scrolls_reader(demo) -> None:  # type: ignore[no-untyped-def]
    store = Store(demo.db_path)
    app = make_app(demo, store)
    async with app.run_test(size=(170, 40)) as pilot:
        screen = app.screen
        target = max(store.article_rows(limit=50),
                     key=lambda r: max((q.start for q in store.quotes_of(r.id)), default=0))
        screen.open_article(target.id)
        await pilot.pause()
        quotes = screen.query_one(SidePanel).shown_quotes
        last = len(quotes) - 1
        await pilot.press("right_square_bracket")
        await pilot.press("end")
        await pilot.press("enter")
        await pilot.pause(0.2)
        reader = screen.query_one(Reader)
        assert reader.highlights == tuple((start, end, "quote") for start, end in quotes[last].spans)
        assert reader.scroll_y > 0
    store.close()


async def test_side_panel_shows_a_quote_split_around_its_cue_once(demo) -> None:  # type: ignore[no-untyped-def]
    store = Store(demo.db_path)
    app = make_app(demo, store)
    async with app.run_test(size=(170, 40)) as pilot:
        screen = app.screen
        target = next(r for r in store.article_rows(limit=50)
                      if any("Every kilometre" in q.text for q in store.quotes_of(r.id)))
        screen.open_article(target.id)
        await pilot.pause()
        quotes = screen.query_one(SidePanel).shown_quotes
        split = [i for i, q in enumerate(quotes) if "Every kilometre" in q.text or "It is slow work" in q.text]
        assert len(split) == 1                       # "A," said X. "B." is one entry, not two
        quote = quotes[split[0]]
        assert len(quote.spans) == 2 and "It is slow work" in quote.text
        await pilot.press("right_square_bracket", "home", *["down"] * split[0], "enter")
        await pilot.pause(0.2)
        reader = screen.query_one(Reader)
        assert reader.highlights == tuple((start, end, "quote") for start, end in quote.spans)
        lit = " ".join(reader.article.text[start:end] for start, end, _ in reader.highlights)
        assert "Every kilometre" in lit and "It is slow work" in lit and " said " not in lit
    store.close()


async def test_quote_lookup_with_typo_lands_on_the_article(demo) -> None:  # type: ignore[no-untyped-def]
    store = Store(demo.db_path)
    app = make_app(demo, store)
    async with app.run_test(size=(170, 40)) as pilot:
        await pilot.press("Q")
        await pilot.press(*"mediaters")  # misspelt "mediators"
        await pilot.pause(0.3)
        await app.workers.wait_for_complete()
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        reader = app.screen.query_one(Reader)
        assert reader.article is not None
        # The typo's nearest spellings are "mediators" and "mediate"; since quotes are whole units
        # (the "without any mediators" fragment is part of its reported clause) either may rank first.
        highlights = reader.highlights
        assert highlights and all(kind == "quote" for _, _, kind in highlights)
        assert "mediat" in " ".join(reader.article.text[start:end] for start, end, _ in highlights)
    store.close()
