"""At 200 columns the room is used: help shows every description whole with its keys apart,
and the article list's outlet column grows so long outlet names show whole. On the demo."""

from __future__ import annotations

from tui.app import make_app
from tui.core.store import Store
from tui.screens.help import HelpList, HelpScreen
from tui.widgets.article_list import ArticleList


def drawn(listing, rows: range) -> list[str]:  # type: ignore[no-untyped-def]
    return ["".join(s.text for s in listing.render_line(y)) for y in rows]


async def test_help_at_200_columns_shows_every_description_whole(demo) -> None:  # type: ignore[no-untyped-def]
    store = Store(demo.db_path)
    app = make_app(demo, store)
    async with app.run_test(size=(200, 50)) as pilot:
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        help_list = app.screen.query_one(HelpList)
        assert help_list.size.width >= 180
        rows = "\n".join(drawn(help_list, range(help_list.virtual_size.height)))
        assert "…" not in rows
        for line in help_list.lines:
            assert line.action in rows
        assert "pagedown, space  Page down" in rows or "space, pagedown  Page down" in rows
    store.close()


async def test_help_wraps_long_descriptions_where_narrow(demo) -> None:  # type: ignore[no-untyped-def]
    store = Store(demo.db_path)
    app = make_app(demo, store)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("question_mark")
        await pilot.pause()
        help_list = app.screen.query_one(HelpList)
        rows = drawn(help_list, range(help_list.virtual_size.height))
        assert not any("…" in row for row in rows)  # wrapped onto the next lines, not cut
        words = " ".join(" ".join(rows).split())
        assert "(or the feed, tag or person highlighted in the feed pane); any query will do" in words
    store.close()


async def test_outlet_column_grows_with_the_width(demo) -> None:  # type: ignore[no-untyped-def]
    store = Store(demo.db_path)
    app = make_app(demo, store)
    async with app.run_test(size=(200, 50)) as pilot:
        await pilot.pause()
        articles = app.screen.query_one(ArticleList)
        rows = drawn(articles, range(articles.count))
        assert any("Eurasia Business Daily " in row for row in rows)
        assert not any("Eurasia Business Da…" in row for row in rows)
    store.close()
