"""The Stories view through Pilot: open a story, step through outlets, follow it across a refresh."""

from __future__ import annotations

from pathlib import Path

from feedserver import FeedServer, rss

from tui.app import make_app
from tui.config import Config, load_config
from tui.core.refresh import refresh
from tui.core.store import Store
from tui.core.stories.headline import story_headline
from tui.screens.stories import StoriesScreen
from tui.widgets.reader import Reader

BORDER = ("Armenia and Azerbaijan sign Tavush border protocol", "Border commissions led by "
          "Anna Karapetyan and Elchin Mammadli agreed 14 km of the Tavush–Gazakh frontier.")
BORDER_2 = ("Tavush–Gazakh frontier deal: Karapetyan and Mammadli agree 14 km",
            "Armenia and Azerbaijan's border commissions fixed a 14 km Tavush stretch.")
BORDER_3 = ("Mammadli says Tavush border protocol goes to parliament in December",
            "The Tavush–Gazakh protocol agreed by Karapetyan and Mammadli needs ratification.")
OTHER = ("Kovra Pay fined 4.8 million lari over data leak", "Georgia's data regulator fined "
         "the fintech Kovra Pay after 2.1 million records were exposed.")


def feed(prefix: str, entries: list[tuple[str, str]], day: int) -> bytes:
    return rss(prefix, [{"title": t, "description": d, "guid": f"{prefix}{i}",
                         "link": f"http://e.org/{prefix}{i}",
                         "pubDate": f"Tue, {day + i:02d} Nov 2026 10:00:00 GMT"}
                        for i, (t, d) in enumerate(entries)])


async def two_outlets_on_the_border(server: FeedServer, tmp_path: Path) -> tuple[Config, Store]:
    """Ledger and Wire, both covering the border deal (Ledger has one other story), fetched."""
    return await ledger_and_wire(server, tmp_path, feed("a", [BORDER, OTHER], 24),
                                 feed("b", [BORDER_2], 24))


async def ledger_and_wire(server: FeedServer, tmp_path: Path, ledger: bytes,
                          wire: bytes) -> tuple[Config, Store]:
    """Two outlets serving these feeds, subscribed and fetched."""
    server.add("/a", body=ledger)
    server.add("/b", body=wire)
    config_path = tmp_path / "feeds.toml"
    config_path.write_text(
        "[settings]\nrefresh_minutes = 0\nfulltext = false\n"
        f'[[feeds]]\nname = "Ledger"\nurl = "{server.url("/a")}"\n'
        f'[[feeds]]\nname = "Wire"\nurl = "{server.url("/b")}"\n')
    config = load_config(config_path)
    store = Store(config.db_path)
    await refresh(store, config.feeds, config.settings)
    return config, store


async def test_open_step_follow_and_refresh(tmp_path: Path) -> None:
    with FeedServer() as server:
        config, store = await two_outlets_on_the_border(server, tmp_path)
        [border] = store.stories(min_outlets=2)
        assert border.article_count == 2
        app = make_app(config, store)
        async with app.run_test(size=(160, 40)) as pilot:
            await pilot.press("S")
            await pilot.pause()
            screen = app.screen
            assert isinstance(screen, StoriesScreen)
            assert screen.current.id == border.id
            await pilot.press("enter")  # open the story: its coverage
            await pilot.press("enter")  # read the first article
            await pilot.pause()
            reader = screen.query_one(Reader)
            first_outlet = reader.article.feed_name
            await pilot.press("n")
            await pilot.pause()
            assert reader.article.feed_name != first_outlet
            await pilot.press("p")
            await pilot.pause()
            assert reader.article.feed_name == first_outlet
            await pilot.press("f")
            await pilot.pause()
            assert store.stories(min_outlets=2)[0].followed
            server.add("/b", body=feed("b", [BORDER_2, BORDER_3], 24))
            await pilot.press("r")
            for _ in range(100):
                await pilot.pause(0.05)
                if not app.refreshing:
                    break
            await pilot.pause()
            [followed] = [s for s in screen.items if s.id == border.id]
            assert followed.followed and followed.article_count == 3
            assert followed.new_since_read == 1
            from tui.screens.stories import story_prompt

            assert "1 new" in story_prompt(followed).plain
            await pilot.press("A")
            await pilot.pause()
            assert all(item.read for item in screen.articles)
        store.close()


async def test_long_story_list_is_virtual(tmp_path: Path) -> None:
    """60 stories: all listed, scrolling reaches the last, only a screenful is drawn."""
    config_path = tmp_path / "feeds.toml"
    config_path.write_text("[settings]\nrefresh_minutes = 0\n")
    config = load_config(config_path)
    store = Store(config.db_path)
    store.sync_feeds([("http://a.example/f", "A", ()), ("http://b.example/f", "B", ())])
    with store.write() as tx:
        for n in range(60):
            for feed in (1, 2):
                tx.execute("INSERT INTO articles (feed_id, guid, title, fetched, sort_time, "
                           "story_id) VALUES (?, ?, ?, ?, ?, ?)",
                           (feed, f"{feed}-{n}", f"Story {n} at {feed}", 1_764_000_000,
                            1_764_000_000 - n * 60, n + 1))
    store.refresh_story_summaries(range(1, 61), story_headline)
    app = make_app(config, store)
    async with app.run_test(size=(160, 40)) as pilot:
        await pilot.press("S")
        await pilot.pause()
        screen = app.screen
        story_list = screen.query_one("#story-list")
        assert len(screen.items) == 60 and story_list.count == 60
        await pilot.press("G")
        await pilot.pause()
        assert story_list.cursor == 59
        assert screen.current.id == screen.items[59].id
        assert story_list.scroll_offset.y > 0
    store.close()


async def test_follow_and_seen_go_through_the_reading_state(tmp_path: Path) -> None:
    """Following a story and reading its new articles are told to every screen, and the story
    list stops counting articles as new once they are read."""
    from tui.messages import StoriesChanged
    from tui.screens.main import MainScreen

    with FeedServer() as server:
        config, store = await two_outlets_on_the_border(server, tmp_path)
        [border] = store.stories(min_outlets=2)
        store.set_followed(border.id, True)
        server.add("/b", body=feed("b", [BORDER_2, BORDER_3], 24))
        await refresh(store, config.feeds, config.settings)
        assert store.stories(min_outlets=2)[0].new_since_read == 1
        heard: dict[int, StoriesChanged] = {}  # one message per screen; the hook sees each
        # again as it bubbles to the app

        def hook(message) -> None:
            if isinstance(message, StoriesChanged):
                heard[id(message)] = message

        app = make_app(config, store)
        async with app.run_test(size=(160, 40), message_hook=hook) as pilot:
            await pilot.press("S")
            await pilot.pause()
            screen = app.screen
            assert isinstance(screen, StoriesScreen)
            main = next(s for s in app.screen_stack if isinstance(s, MainScreen))
            await pilot.press("enter", "enter")  # the coverage, then its first article
            await pilot.pause()
            # Seen, told to both screens (the main screen under the stories).
            assert [m.followed for m in heard.values()] == [None, None]
            [shown] = [s for s in screen.items if s.id == border.id]
            assert shown.new_since_read == 0 and store.stories(min_outlets=2)[0].new_since_read == 0
            await pilot.press("escape")  # from the article back to the story's coverage
            await pilot.pause()
            assert app.screen is screen and screen.reading is None
            await pilot.press("f")  # unfollow
            await pilot.pause()
            told = list(heard.values())[2:]
            assert [(m.followed, m.story_ids) for m in told] == [(False, {border.id})] * 2
            assert not store.stories(min_outlets=2)[0].followed
            assert main.is_attached
            await pilot.press("escape")  # then back to the feeds
            await pilot.pause()
            assert app.screen is main
        store.close()


async def test_enter_on_a_story_shows_its_coverage_on_a_narrow_screen(tmp_path: Path) -> None:
    """At 80 columns one pane shows at a time: enter swaps the list for the coverage at once, esc swaps back
    (the layout used to read the focus before the focus had moved, and kept showing the list)."""
    with FeedServer() as server:
        config, store = await two_outlets_on_the_border(server, tmp_path)
        app = make_app(config, store)
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.press("S")
            await pilot.pause()
            screen = app.screen
            assert isinstance(screen, StoriesScreen)
            story_list, coverage = screen.query_one("#story-list"), screen.query_one("#story-detail")
            assert story_list.display and not coverage.display
            await pilot.press("enter")
            await pilot.pause()
            assert coverage.display and not story_list.display
            await pilot.press("escape")
            await pilot.pause()
            assert story_list.display and not coverage.display
        store.close()


async def test_u_takes_back_marking_a_story_read(tmp_path: Path) -> None:
    with FeedServer() as server:
        config, store = await two_outlets_on_the_border(server, tmp_path)
        [border] = store.stories(min_outlets=2)
        app = make_app(config, store)
        async with app.run_test(size=(160, 40)) as pilot:
            await pilot.press("S")
            await pilot.pause()
            screen = app.screen
            assert isinstance(screen, StoriesScreen)
            unread_before = {a.article_id for a in store.story_articles(border.id) if not a.read}
            assert len(unread_before) == 2
            await pilot.press("A")
            await pilot.pause()
            assert all(a.read for a in store.story_articles(border.id))
            await pilot.press("U")
            await pilot.pause()
            assert {a.article_id for a in store.story_articles(border.id) if not a.read} == unread_before
            assert all(not item.read for item in screen.articles)
            [again] = [s for s in store.stories(min_outlets=2) if s.id == border.id]
            assert again.read_count == border.read_count
        store.close()
