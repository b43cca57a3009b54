"""Every place the TUI shows a quote says which kind it is, in the README's words, and shows the
words the same way (a paraphrase bare, own words in “…”, every quoted phrase closed): the side
panel, quote lookup (its rows and what ctrl+y copies) and Compare (which lists own words only).
On the offline demo, through the real app."""

from __future__ import annotations

from dataclasses import replace

from tui.app import make_app
from tui.core.store import Store
from tui.core.text import is_balanced, labelled, shown_quote
from tui.screens.compare import CompareList, CompareScreen
from tui.screens.help import HelpList
from tui.screens.quote_lookup import QuoteLookupScreen
from tui.screens.type_ahead import ResultList
from tui.widgets.side_panel import QuoteList, SidePanel, quote_prompt

WORDS = {"direct": "said", "partial": "in part", "indirect": "reported"}
CSTO = "Yerevan will not attend CSTO summit in Minsk, government confirms"



def rendered(listing, index: int, line: int, width: int) -> str:  # type: ignore[no-untyped-def]
    return "".join(segment.text for segment in listing.render_item_line(index, line, width))


async def test_side_panel_says_the_kind_and_shows_a_paraphrase_bare(demo) -> None:  # type: ignore[no-untyped-def]
    store = Store(demo.db_path)
    target = next(r for r in store.article_rows(limit=50) if r.title == CSTO)
    app = make_app(demo, store)
    async with app.run_test(size=(170, 40)) as pilot:
        app.screen.open_article(target.id)
        await pilot.pause()
        quotes = app.screen.query_one(SidePanel).shown_quotes
        listing = app.screen.query_one(QuoteList)
        assert {q.kind for q in quotes} >= {"direct", "indirect"}
        for index, quote in enumerate(quotes):
            assert rendered(listing, index, 0, 200).strip().endswith(f" · {WORDS[quote.kind]}")
            first = rendered(listing, index, 1, 200).strip()
            assert first.startswith("“") == (quote.kind != "indirect"), first
            body = " ".join(quote_prompt(quote, 60).plain.splitlines()[1:]).replace("   ", " ")
            assert is_balanced(body) and not body.rstrip("”").endswith(",")
        phrase = next(q for q in quotes if q.kind == "indirect" and "“" in q.text)
        assert "“has not changed and will not change at a summit”" in quote_prompt(phrase, 200).plain
    store.close()


async def test_quote_lookup_rows_and_copy_say_the_kind(demo) -> None:  # type: ignore[no-untyped-def]
    store = Store(demo.db_path)
    app = make_app(demo, store)
    async with app.run_test(size=(170, 40)) as pilot:
        await pilot.press("Q", *"Harutyunyan")
        await pilot.pause(0.3)
        await app.workers.wait_for_complete()
        await pilot.pause()
        lookup = app.screen
        assert isinstance(lookup, QuoteLookupScreen) and len(lookup.hits) > 3
        assert {h.kind for h in lookup.hits} >= {"direct", "indirect"}
        results = lookup.query_one(ResultList)
        for index, hit in enumerate(lookup.hits):
            row = rendered(results, index, 0, 400).rstrip()
            assert row == f"{hit.speaker} · {WORDS[hit.kind]}: {shown_quote(hit.text, hit.kind)}"
        narrow = [rendered(results, index, 0, width).rstrip()
                  for index in range(len(lookup.hits)) for width in range(40, 90, 7)]
        assert all(is_balanced(row) for row in narrow)      # a row cut short still closes its marks
        assert any(row.endswith("…”") for row in narrow) and any(row.endswith("…") for row in narrow)
        reported = next(i for i, h in enumerate(lookup.hits) if h.kind == "indirect")
        await pilot.press("tab", *["down"] * reported)
        await pilot.press("ctrl+y")
        await pilot.pause()
        hit = lookup.hits[reported]
        assert lookup.current == hit
        assert app.clipboard.startswith(f"{shown_quote(hit.text, hit.kind)} — {hit.speaker} (reported), ")
        assert not app.clipboard.startswith("“")
    store.close()


async def test_compare_says_the_kind_of_every_quote(demo) -> None:  # type: ignore[no-untyped-def]
    store = Store(demo.db_path)
    story = next(s.id for s in store.stories(min_outlets=2) if s.headline == CSTO)
    app = make_app(demo, store)
    async with app.run_test(size=(170, 45)) as pilot:
        await app.push_screen(CompareScreen(app.state, story))
        await app.workers.wait_for_complete()
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, CompareScreen) and screen.comparison is not None
        texts = [entry.text for entry in screen.query_one(CompareList).entries]
        quotes = [q for outlet in screen.comparison.outlets for q in outlet.own_quotes] + \
            [q for item in screen.comparison.timeline for q in item.new_quotes]
        assert len(quotes) > 3
        for quote in quotes:
            said = labelled(quote.speaker, quote.text, quote.kind)
            assert f"Only here: {said}" in texts or f"+ {said}" in texts
        assert sum(t.startswith("+ ") and "(said): “" in t for t in texts) >= 3
    store.close()


async def test_side_panel_explains_only_the_kinds_it_shows(demo) -> None:  # type: ignore[no-untyped-def]
    store = Store(demo.db_path)
    mixed = next(r for r in store.article_rows(limit=50) if r.title == CSTO)
    quotes = store.quotes_of(mixed.id)
    assert {q.kind for q in quotes} == {"direct", "indirect"}
    app = make_app(demo, store)
    async with app.run_test(size=(170, 40)) as pilot:
        app.screen.open_article(mixed.id)
        await pilot.pause()
        panel = app.screen.query_one(SidePanel)
        listing = panel.query_one(QuoteList)
        assert str(listing.border_title) == f"Quotes ({len(quotes)})"
        assert str(panel.border_subtitle) == "reported: paraphrase"
        assert not panel.query("#side-legend")  # no lines of the panel spent on a legend
        said = [q for q in quotes if q.kind == "direct"]
        panel.show(panel.actors, said)
        await pilot.pause()
        assert str(listing.border_title) == f"Quotes ({len(said)})"
        assert not panel.border_subtitle  # “…” says "said"
        panel.show(panel.actors, [replace(said[0], kind="partial")])
        await pilot.pause()
        assert str(panel.border_subtitle) == "in part: a phrase of theirs"
    store.close()


async def test_help_explains_every_quote_kind(demo) -> None:  # type: ignore[no-untyped-def]
    store = Store(demo.db_path)
    app = make_app(demo, store)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("question_mark")
        await pilot.pause()
        lines = app.screen.query_one(HelpList).lines
        heading = next(i for i, line in enumerate(lines) if line.action.startswith("Quote kinds"))
        assert [line.keys for line in lines[heading + 1:heading + 4]] == list(WORDS.values())
        assert "without quotation marks" in lines[heading + 3].action
    store.close()
