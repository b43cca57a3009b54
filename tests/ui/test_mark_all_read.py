"""A (mark all read) asks first, as newsboat's confirm-mark-feed-read does, unless
`confirm_mark_all_read = false`; U takes back the latest mark-read, star or mute, through
ReadingState, so the feed pane and the list hear the undo as they heard the change (issue 23,
item 10)."""

from __future__ import annotations

from pathlib import Path

from byline_demo import copy_seeds, main_screen
from textual.pilot import Pilot

from tui.app import BylineApp, make_app
from tui.config import load_config
from tui.core.refresh import refresh
from tui.core.store import ArticleFilter, Store
from tui.screens.confirm_dialog import ConfirmScreen
from tui.screens.mute_dialog import MuteEditor
from tui.widgets.article_list import ArticleList
from tui.widgets.feed_list import FeedList


async def own_demo(tmp_path: Path, settings: str = "") -> tuple[BylineApp, Store, Path]:
    """The demo in a writable copy (feeds.toml is edited), with extra [settings] lines."""
    path = copy_seeds(tmp_path / "seeds", settings=settings)
    config = load_config(path)
    store = Store(config.db_path)
    await refresh(store, config.feeds, config.settings, fulltext=False)
    return make_app(config, store), store, path


def unread(app: BylineApp) -> int:
    return main_screen(app).query_one(FeedList).total_unread


async def test_a_asks_first_and_u_takes_it_back(demo_app: BylineApp) -> None:
    store = demo_app.state.store
    async with demo_app.run_test(size=(140, 40)) as pilot:
        before = unread(demo_app)
        assert before == store.count_articles(ArticleFilter(unread_only=True)) > 0
        await pilot.press("A")
        await pilot.pause()
        question = demo_app.screen
        assert isinstance(question, ConfirmScreen)
        assert question.question == (f"Mark the {before} unread articles of All articles read?"
                                     "\nU undoes it.")
        await pilot.press("n")  # declined: nothing marked
        await pilot.pause()
        assert not isinstance(demo_app.screen, ConfirmScreen) and unread(demo_app) == before

        await pilot.press("A", "y")
        await pilot.pause()
        assert unread(demo_app) == 0 == store.count_articles(ArticleFilter(unread_only=True))
        articles = main_screen(demo_app).query_one(ArticleList)
        assert all(articles.row(i).read for i in range(articles.count))

        await pilot.press("A")  # nothing left to mark: said, not asked
        await pilot.pause()
        assert not isinstance(demo_app.screen, ConfirmScreen)

        await pilot.press("U")
        await pilot.pause()
        assert unread(demo_app) == before == store.count_articles(ArticleFilter(unread_only=True))
        assert sum(not articles.row(i).read for i in range(articles.count)) == before
        await pilot.press("U")  # nothing more to undo
        await pilot.pause()
        assert unread(demo_app) == before
    store.close()


async def test_u_takes_back_a_star_then_a_mark_read_latest_first(demo_app: BylineApp) -> None:
    store = demo_app.state.store
    async with demo_app.run_test(size=(140, 40)) as pilot:
        articles = main_screen(demo_app).query_one(ArticleList)
        first = articles.current
        assert first is not None and not first.read and not first.starred
        before = unread(demo_app)
        await pilot.press("m", "s")
        await pilot.pause()
        flags = store.article_flags([first.id])[0]
        assert flags.read and flags.starred and unread(demo_app) == before - 1
        assert main_screen(demo_app).query_one(FeedList).starred == 1
        await pilot.press("U")  # the star first
        await pilot.pause()
        flags = store.article_flags([first.id])[0]
        assert flags.read and not flags.starred
        assert main_screen(demo_app).query_one(FeedList).starred == 0
        assert not articles.row(0).starred and articles.row(0).read
        await pilot.press("U")  # then the mark read
        await pilot.pause()
        assert not store.article_flags([first.id])[0].read and unread(demo_app) == before
        assert not articles.row(0).read
    store.close()


async def test_u_takes_back_a_new_mute(tmp_path: Path) -> None:
    app, store, path = await own_demo(tmp_path)
    async with app.run_test(size=(140, 40)) as pilot:
        articles = main_screen(app).query_one(ArticleList)
        everything = articles.count
        await pilot.press("X")  # the current article's outlet
        await pilot.pause()
        assert isinstance(app.screen, MuteEditor)
        await pilot.press("enter")
        await pilot.pause()
        assert len(load_config(path).mutes) == 1 and articles.count < everything
        await pilot.press("U")
        await pilot.pause()
        assert load_config(path).mutes == () and store.mutes == ()
        assert articles.count == everything
        assert "mute:0" not in main_screen(app).query_one(FeedList).choices
    store.close()


async def test_confirm_mark_all_read_false_marks_at_once(tmp_path: Path) -> None:
    app, store, _ = await own_demo(tmp_path, "confirm_mark_all_read = false\n")
    assert app.state.config.settings.confirm_mark_all_read is False
    async with app.run_test(size=(140, 40)) as pilot:
        before = unread(app)
        await pilot.press("A")
        await pilot.pause()
        assert not isinstance(app.screen, ConfirmScreen) and unread(app) == 0
        await pilot.press("U")  # undone all the same
        await pilot.pause()
        assert unread(app) == before
    store.close()


def test_the_question_snapshot(snap_compare, demo_app: BylineApp) -> None:
    async def ask(pilot: Pilot) -> None:
        await pilot.app.workers.wait_for_complete()  # the list and its status line drawn first
        await pilot.pause()
        await pilot.press("A")
        await pilot.pause()

    assert snap_compare(demo_app, terminal_size=(100, 30), run_before=ask)
