"""Watchlists, people, mutes, news and quote export in the real app (Pilot), on the offline demo:
the "done when" of issue 16 as a new user would try it."""

from __future__ import annotations

import asyncio
import csv
import json
import shlex
import shutil
import sys
from pathlib import Path

import pytest
from byline_demo import copy_seeds
from demo_news import add_story_article
from feedserver import rss
from textual.widgets import Input

from tui.app import make_app
from tui.cli.main import main
from tui.config import load_config
from tui.core.store import Store
from tui.core.text import shown_quote
from tui.screens.export_format import ExportFormatScreen
from tui.screens.mute_dialog import MuteEditor
from tui.screens.person_quotes import PersonQuotesScreen
from tui.screens.quote_lookup import QuoteLookupScreen
from tui.screens.watch_dialog import WatchEditor
from tui.widgets.article_list import ArticleList
from tui.widgets.feed_list import FeedList
from tui.widgets.reader import Reader
from tui.widgets.side_panel import ActorList, QuoteList, SidePanel

WATCH = '\n[[watch]]\nname = "CSTO"\nquery = \'"CSTO" AND tag:caucasus\'\n'
MUTE = '\n[[mute]]\nquery = \'feed:"Circuit Policy"\'\n'
CSTO_TITLE = "Yerevan will not attend CSTO summit in Minsk, government confirms"


@pytest.fixture(scope="module")
def fetched(tmp_path_factory) -> Path:  # type: ignore[no-untyped-def]
    """The demo fetched once into seeds/cache; tests copy the cache, not the feeds."""
    root = tmp_path_factory.mktemp("demo") / "seeds"
    copy_seeds(root)
    assert main(["--config", str(root / "feeds.toml"), "fetch", "-q"]) == 0
    return root


def demo_config(fetched: Path, tmp_path: Path, extra: str = ""):  # type: ignore[no-untyped-def]
    """A config of the test's own beside the demo feeds, with a private copy of the cache."""
    config = fetched / f"{tmp_path.name}.toml"
    settings = f'[settings]\nrefresh_minutes = 0\nsave_dir = "{tmp_path / "saved"}"\n'
    text = (fetched / "feeds.toml").read_text("utf-8").replace(
        "[settings]\nrefresh_minutes = 0          # no background refresh for the demo; press r "
        "to re-read\n", settings)
    config.write_text(text + extra, encoding="utf-8")
    cache = tmp_path / "cache"
    cache.mkdir()
    for suffix in ("", "-wal", "-shm"):  # the write-ahead log holds the latest writes
        source = fetched / "cache" / f"byline.db{suffix}"
        if source.exists():
            shutil.copyfile(source, cache / source.name)
    return load_config(config, str(cache))


def feed_list(app) -> FeedList:  # type: ignore[no-untyped-def]
    return app.screen.query_one(FeedList)


async def choose(app, pilot, key: str) -> None:  # type: ignore[no-untyped-def]
    feeds = feed_list(app)
    feeds.focus()
    feeds.select_key(key)
    await pilot.pause()


# -- watchlists ------------------------------------------------------------------------------------


async def test_watchlist_is_a_feed_whose_count_follows_read_state(fetched: Path,
                                                                  tmp_path: Path) -> None:
    config = demo_config(fetched, tmp_path, WATCH)
    store = Store(config.db_path)
    app = make_app(config, store)
    async with app.run_test(size=(150, 40)) as pilot:
        assert feed_list(app).choices["watch:csto"].count == 1
        assert feed_list(app).choices["heading:watch"].is_heading
        await choose(app, pilot, "watch:csto")
        articles = app.screen.query_one(ArticleList)
        assert [articles.row(i).title for i in range(articles.count)] == [CSTO_TITLE]
        await pilot.press("enter")  # chosen: the list takes the focus
        await pilot.press("enter")  # open the article: read
        await pilot.pause()
        assert app.screen.query_one(Reader).article.title == CSTO_TITLE
        assert feed_list(app).choices["watch:csto"].count == 0
        await pilot.press("m")
        assert feed_list(app).choices["watch:csto"].count == 1
        await pilot.press("m")
        assert feed_list(app).choices["watch:csto"].count == 0
    store.close()


async def test_watch_editor_shows_the_query_error_in_place_then_saves(fetched: Path,
                                                                      tmp_path: Path) -> None:
    config = demo_config(fetched, tmp_path)
    store = Store(config.db_path)
    app = make_app(config, store)
    async with app.run_test(size=(150, 40)) as pilot:
        await pilot.press("W")
        await pilot.pause()
        editor = app.screen
        assert isinstance(editor, WatchEditor)
        assert editor.focused is editor.query_one("#query-text")  # the query first, as in mutes
        await pilot.press(*'"border protocol"AND (tag:caucasus')
        await pilot.pause()
        error = str(editor.query_one("#query-error").render())
        assert "put a space between terms here (at character 18)" in error  # not read as meant
        assert str(editor.query_one("#query-caret").render()).rstrip() == " " * 17 + "^"
        editor.query_one("#query-text", Input).cursor_position = 17
        await pilot.press("space", "end")
        await pilot.pause()
        error = str(editor.query_one("#query-error").render())
        assert "never closed (at character 23)" in error
        assert str(editor.query_one("#query-caret").render()).rstrip() == " " * 22 + "^"
        await pilot.press("enter")  # refused: nothing saved
        assert app.screen is editor and load_config(config.path).watches == ()
        await pilot.press(*" OR speaker:Karapetyan)")
        await pilot.press("enter")  # the query reads; the name is asked for, and focused
        await pilot.pause()
        assert "needs a name" in str(editor.query_one("#query-error").render())
        assert editor.focused is editor.query_one("#query-name")
        await pilot.press(*"Border")
        await pilot.press("enter")
        await pilot.pause()
        assert not isinstance(app.screen, WatchEditor)
        saved = load_config(config.path)
        assert [(w.name, w.text) for w in saved.watches] == [
            ("Border", '"border protocol" AND (tag:caucasus OR speaker:Karapetyan)')]
        await pilot.pause()
        choice = feed_list(app).highlighted_choice
        assert choice is not None and choice.key == "watch:border" and choice.count == 1

        await pilot.press("E")  # edit it: the same editor, filled in
        await pilot.pause()
        editor = app.screen
        assert isinstance(editor, WatchEditor)
        query = editor.query_one("#query-text")
        query.value = "border"
        await pilot.press("enter")
        await pilot.pause()
        assert [w.text for w in load_config(config.path).watches] == ["border"]
        assert feed_list(app).choices["watch:border"].count > 1

        await pilot.press("D", "y")  # delete it
        await pilot.pause()
        assert load_config(config.path).watches == ()
        assert "watch:border" not in feed_list(app).choices
    store.close()


def border_article(store: Store) -> int:
    """The demo's article on the border protocol (Caucasus Ledger), which quotes Anna Karapetyan."""
    return int(store.conn().execute(
        "SELECT id FROM articles WHERE title LIKE 'Armenia and Azerbaijan sign%'").fetchone()[0])


# -- people ----------------------------------------------------------------------------------------


async def test_follow_an_actor_then_read_their_quotes_from_every_outlet(fetched: Path,
                                                                        tmp_path: Path) -> None:
    config = demo_config(fetched, tmp_path)
    store = Store(config.db_path)
    border = border_article(store)
    app = make_app(config, store)
    async with app.run_test(size=(170, 40)) as pilot:
        app.screen.open_article(border)
        await pilot.pause()
        await pilot.press("left_square_bracket")  # the actors
        actors = app.screen.query_one(ActorList)
        panel = app.screen.query_one(SidePanel)
        actors.cursor = next(i for i, a in enumerate(panel.actors) if a.name == "Anna Karapetyan")
        await pilot.press("f")
        await pilot.pause()
        assert store.is_followed("Anna Karapetyan")
        person = feed_list(app).choices["person:Anna Karapetyan"]
        assert person.count == 0  # nothing new yet

        await choose(app, pilot, "person:Anna Karapetyan")
        await pilot.press("enter")
        await pilot.pause(0.3)
        await app.workers.wait_for_complete()
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, PersonQuotesScreen)
        # 7 quotes as attribution units (issue 12: "A," she said. "B." is one quote, not two)
        assert len(screen.hits) == 7 and {h.speaker for h in screen.hits} == {"Anna Karapetyan"}
        assert {h.feed_name for h in screen.hits} == {"Caucasus Ledger", "Meridian Wire",
                                                      "Eurasia Business Daily"}
        times = [h.time for h in screen.hits]
        assert times == sorted(times, reverse=True)  # newest first
        target = screen.hits[1]
        await pilot.press("down", "enter")
        await pilot.pause()
        reader = app.screen.query_one(Reader)
        assert reader.article.id == target.article_id
        # a quote of several pieces lights up each piece, first to last (issue 12)
        highlights = reader.highlights
        assert highlights[0][0] == target.start and highlights[-1][1] == target.end
        assert {kind for _, _, kind in highlights} == {"quote"}

        await pilot.press("escape")
        await choose(app, pilot, "person:Anna Karapetyan")
        await pilot.press("D")  # stop following
        await pilot.pause()
        assert not store.is_followed("Anna Karapetyan")
        assert "person:Anna Karapetyan" not in feed_list(app).choices
    store.close()


async def test_new_quotes_are_counted_until_the_person_is_opened(fetched: Path,
                                                                 tmp_path: Path) -> None:
    config = demo_config(fetched, tmp_path)
    store = Store(config.db_path)
    store.follow_person("Anna Karapetyan")
    store.conn().execute("UPDATE people SET seen_at = 0")  # every quote arrived since
    app = make_app(config, store)
    async with app.run_test(size=(150, 40)) as pilot:
        assert feed_list(app).choices["person:Anna Karapetyan"].count == 7    # quote units (issue 12)
        await choose(app, pilot, "person:Anna Karapetyan")
        await pilot.press("enter")
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
        assert feed_list(app).choices["person:Anna Karapetyan"].count == 0
    store.close()


async def test_quote_lookup_follows_the_speaker_and_exports(fetched: Path, tmp_path: Path) -> None:
    config = demo_config(fetched, tmp_path)
    store = Store(config.db_path)
    app = make_app(config, store)
    async with app.run_test(size=(150, 40)) as pilot:
        await pilot.press("Q")
        await pilot.press(*"Karapetyan")
        await pilot.pause(0.3)
        await app.workers.wait_for_complete()
        await pilot.pause()
        lookup = app.screen
        assert isinstance(lookup, QuoteLookupScreen) and lookup.hits
        assert lookup.current.speaker == "Anna Karapetyan"
        await pilot.press("ctrl+f")
        await pilot.pause()
        assert store.is_followed("Anna Karapetyan")
        await pilot.press("tab")  # the result list: f and x work as plain keys there
        await pilot.press("x")
        await pilot.pause()
        assert isinstance(app.screen, ExportFormatScreen)
        await pilot.press("m")
        await pilot.pause()
        [exported] = list((tmp_path / "saved").glob("quotes-karapetyan-*.md"))
        lines = exported.read_text("utf-8").splitlines()
        assert lines[0] == "| Speaker | Kind | Quote | Outlet | Date | Link |"
        assert len(lines) == len(lookup.hits) + 2
        assert all("Anna Karapetyan" in line for line in lines[2:])
        await pilot.press("escape")
        await pilot.pause()
        assert "person:Anna Karapetyan" in feed_list(app).choices
    store.close()


# -- mutes -----------------------------------------------------------------------------------------


async def test_mute_hides_an_outlet_everywhere_until_toggled(fetched: Path, tmp_path: Path) -> None:
    config = demo_config(fetched, tmp_path, MUTE)
    store = Store(config.db_path)
    app = make_app(config, store)
    async with app.run_test(size=(150, 40)) as pilot:
        feeds = feed_list(app)
        articles = app.screen.query_one(ArticleList)
        status = app.screen.query_one("#mute-status")
        circuit = next(key for key, c in feeds.choices.items() if c.title == "Circuit Policy")
        assert articles.count == 19 and feeds.choices["all"].count == 19
        assert feeds.choices[circuit].count == 0
        assert str(status.render()) == "5 muted hidden (M shows)" and status.display
        assert all(articles.row(i).feed_name != "Circuit Policy" for i in range(articles.count))
        await pilot.press("slash")
        await pilot.press(*"Kovra")
        await pilot.pause(0.3)
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert app.screen.hits and all(h.feed_name != "Circuit Policy" for h in app.screen.hits)
        await pilot.press("escape")
        await pilot.press("M")
        await pilot.pause()
        assert articles.count == 24 and feed_list(app).choices[circuit].count == 5
        assert str(status.render()) == "showing 5 muted (M hides)"
        await pilot.press("M")
        await pilot.pause()
        assert articles.count == 19
    store.close()


async def export_as(app, pilot, *keys: str) -> Path | None:  # type: ignore[no-untyped-def]
    """x in quote lookup, then the keys of the prompt; the file written (None if none was)."""
    saved = app.config.settings.save_dir
    before = set(Path(saved).glob("quotes-*")) if Path(saved).exists() else set()
    await pilot.press("x")
    await pilot.pause()
    assert isinstance(app.screen, ExportFormatScreen)
    await pilot.press(*keys)
    await pilot.pause()
    assert isinstance(app.screen, QuoteLookupScreen)
    written = set(Path(saved).glob("quotes-*")) - before
    assert len(written) <= 1
    return written.pop() if written else None


async def test_quote_export_writes_each_format_and_says_where(fetched: Path,
                                                              tmp_path: Path) -> None:
    config = demo_config(fetched, tmp_path)
    store = Store(config.db_path)
    app = make_app(config, store)
    async with app.run_test(size=(150, 40)) as pilot:
        await pilot.press("Q", *"Karapetyan")
        await pilot.pause(0.3)
        await app.workers.wait_for_complete()
        await pilot.pause()
        lookup = app.screen
        assert isinstance(lookup, QuoteLookupScreen) and len(lookup.hits) > 1
        await pilot.press("tab")

        exported = await export_as(app, pilot, "c")
        assert exported is not None and exported.suffix == ".csv"
        with exported.open(encoding="utf-8", newline="") as handle:
            rows = list(csv.DictReader(handle))
        assert [(r["speaker"], r["kind"], r["quote"], r["outlet"], r["link"]) for r in rows] == [
            (h.speaker, h.kind, shown_quote(h.text, h.kind), h.feed_name, h.url) for h in lookup.hits]
        assert f"as CSV to {exported}" in list(app._notifications)[-1].message

        exported = await export_as(app, pilot, "j")
        assert exported is not None and exported.suffix == ".json"
        data = json.loads(exported.read_text("utf-8"))
        assert [d["speaker"] for d in data] == [h.speaker for h in lookup.hits]
        assert set(data[0]) == {"speaker", "kind", "quote", "outlet", "date", "link"}

        await pilot.pause(1.1)  # a new second: a new file name
        exported = await export_as(app, pilot, "enter")  # enter: the format used last
        assert exported is not None and exported.suffix == ".json"

        assert await export_as(app, pilot, "escape") is None  # cancelled: nothing written
        assert len(list((tmp_path / "saved").iterdir())) == 3
    store.close()


# -- editing mutes ---------------------------------------------------------------------------------


def badge(app, title: str) -> str:  # type: ignore[no-untyped-def]
    """The story badge ("+2") drawn on the article list's line of that title."""
    articles = app.screen.query_one(ArticleList)
    index = next(i for i in range(articles.count) if articles.row(i).title == title)
    return articles.render_item_line(index, 0, 100)[1].text.strip()


KOVRA_LEAK = "Kovra Pay leak: what Armenian and Azerbaijani users need to know"
AI_BILL = "Kazakh AI bill spares private sector heavy compliance, to developers' relief"


async def test_mute_editor_checks_the_query_and_the_mute_applies_at_once(fetched: Path,
                                                                         tmp_path: Path) -> None:
    config = demo_config(fetched, tmp_path)
    store = Store(config.db_path)
    app = make_app(config, store)
    async with app.run_test(size=(150, 40)) as pilot:
        feeds = feed_list(app)
        articles = app.screen.query_one(ArticleList)
        status = app.screen.query_one("#mute-status")
        assert articles.count == 24 and not status.display
        assert (badge(app, KOVRA_LEAK), badge(app, AI_BILL)) == ("+2", "+1")
        circuit = next(key for key, c in feeds.choices.items() if c.title == "Circuit Policy")
        await choose(app, pilot, circuit)
        await pilot.press("X")  # on a feed in the feed pane: that feed
        await pilot.pause()
        editor = app.screen
        assert isinstance(editor, MuteEditor)
        query = editor.query_one("#query-text", Input)
        assert query.value == 'feed:"Circuit Policy"'
        assert editor.focused is query  # the query first, as in watchlists
        await pilot.press(*"kovra")  # typing extends it; with no space it is a mistake, shown
        await pilot.pause()
        assert query.value == 'feed:"Circuit Policy"kovra'
        assert "put a space between terms here (at character 22)" in str(
            editor.query_one("#query-error").render())
        assert str(editor.query_one("#query-caret").render()).rstrip() == " " * 21 + "^"
        query.value = 'feed:"Circuit Policy"'
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert str(editor.query_one("#query-count").render()) == "Hides 5 articles now."

        query.value = 'feed:"Circuit Policy" OR (kovra'
        await pilot.pause()
        assert "this '(' is never closed (at character 26)" in str(
            editor.query_one("#query-error").render())
        assert str(editor.query_one("#query-caret").render()).rstrip() == " " * 25 + "^"
        await pilot.press("enter")  # refused: nothing saved, nothing hidden
        assert app.screen is editor and load_config(config.path).mutes == ()
        assert store.mutes == ()

        query.value = 'feed:"Circuit Policy"'
        await pilot.press("enter")
        await pilot.pause()
        assert not isinstance(app.screen, MuteEditor)
        assert [(m.name, m.text) for m in load_config(config.path).mutes] == [
            ('feed:"Circuit Policy"', 'feed:"Circuit Policy"')]
        # At once, everywhere: the list, the counts, the status line, the badges.
        assert feeds.choices["heading:mutes"].is_heading
        assert feeds.choices["mute:0"].count == 5
        assert feeds.highlighted_choice.key == "mute:0"  # made from the feed pane: shown there
        assert articles.count == 5  # a mute lists what it hides
        assert feeds.choices["all"].count == 19 and feeds.choices[circuit].count == 0
        assert str(status.render()) == "5 muted hidden (M shows)" and status.display
        await choose(app, pilot, "all")
        assert articles.count == 19
        assert (badge(app, KOVRA_LEAK), badge(app, AI_BILL)) == ("+1", "")

        await choose(app, pilot, "mute:0")
        await pilot.press("E")  # edit: the same editor, filled in
        await pilot.pause()
        editor = app.screen
        assert isinstance(editor, MuteEditor) and editor.query_one("#query-name", Input).value == ""
        editor.query_one("#query-name", Input).value = "Kovra news"
        editor.query_one("#query-text", Input).value = "kovra"
        await pilot.press("enter")
        await pilot.pause()
        assert [(m.name, m.text) for m in load_config(config.path).mutes] == [("Kovra news", "kovra")]
        assert feeds.choices["mute:0"].title == "Kovra news"
        assert feeds.choices[circuit].count == 3  # back but for its two Kovra Pay articles
        assert feeds.choices["all"].count == 24 - feeds.choices["mute:0"].count

        await pilot.press("D", "y")  # remove it: everything shows again
        await pilot.pause()
        assert load_config(config.path).mutes == () and store.mutes == ()
        assert "heading:mutes" not in feeds.choices and feeds.choices["all"].count == 24
        assert not status.display
    store.close()


async def test_mute_the_current_article_s_outlet_or_a_speaker_from_the_panel(fetched: Path,
                                                                            tmp_path: Path) -> None:
    config = demo_config(fetched, tmp_path)
    store = Store(config.db_path)
    border = border_article(store)
    app = make_app(config, store)
    async with app.run_test(size=(170, 40)) as pilot:
        app.screen.open_article(border)
        await pilot.pause()
        await pilot.press("X")  # while reading: the article's outlet
        await pilot.pause()
        assert app.screen.query_one("#query-text", Input).value == 'feed:"Caucasus Ledger"'
        await pilot.press("escape")  # cancelled: nothing saved
        await pilot.pause()
        assert load_config(config.path).mutes == ()

        await pilot.press("right_square_bracket")  # the quotes: X mutes the speaker
        quotes = app.screen.query_one(QuoteList)
        panel = app.screen.query_one(SidePanel)
        quotes.cursor = next(i for i, q in enumerate(panel.shown_quotes)
                             if q.speaker == "Anna Karapetyan")
        await pilot.press("X")
        await pilot.pause()
        assert isinstance(app.screen, MuteEditor)
        assert app.screen.query_one("#query-text", Input).value == 'speaker:"Anna Karapetyan"'
        await pilot.press("enter")
        await pilot.pause()
        assert [m.text for m in load_config(config.path).mutes] == ['speaker:"Anna Karapetyan"']
        articles = app.screen.query_one(ArticleList)
        quoting = {r[0] for r in store.conn().execute(
            "SELECT DISTINCT article_id FROM quotes WHERE speaker = 'Anna Karapetyan'")}
        assert quoting and articles.count == 24 - feed_list(app).choices["mute:0"].count
        assert all(articles.row(i).id not in quoting for i in range(articles.count))
        assert feed_list(app).highlighted_choice.key == "all"  # the reader kept its place
        assert app.screen.query_one(Reader).article.id == border
    store.close()


# -- news ------------------------------------------------------------------------------------------


async def test_a_refresh_that_brings_news_to_a_followed_story_notifies(tmp_path: Path) -> None:
    root = tmp_path / "seeds"
    copy_seeds(root, extra=WATCH)
    assert await asyncio.to_thread(main, ["--config", str(root / "feeds.toml"), "fetch", "-q"]) == 0
    config = load_config(root / "feeds.toml")
    store = Store(config.db_path)
    story = store.conn().execute("SELECT story_id FROM articles WHERE title = ?",
                                 (CSTO_TITLE,)).fetchone()[0]
    store.set_followed(story, True)
    add_story_article(root / "feeds.toml")
    app = make_app(config, store)
    async with app.run_test(size=(150, 40)) as pilot:
        await pilot.press("r")
        await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.pause(0.3)
        news = [n for n in app._notifications if n.title == "News"]
        assert len(news) == 1
        lines = news[0].message.splitlines()
        assert lines[0].startswith("story “") and lines[0].endswith("”: 1 new article")
        assert lines[1] == "watchlist “CSTO”: 1 new article"
        assert feed_list(app).choices["watch:csto"].count == 2
    store.close()


# -- the browser setting ---------------------------------------------------------------------------


async def test_o_runs_the_browser_setting_without_a_shell(tmp_path: Path, server) -> None:
    link = "http://127.0.0.1:9/a?b=1&c=$(touch pwned)"
    server.add("/f", body=rss("F", [{"title": "One", "guid": "1", "link": link,
                                     "description": "x"}]))
    out = tmp_path / "args.json"
    script = "import json, sys; open(sys.argv[1], 'w').write(json.dumps(sys.argv[2:]))"
    browser = shlex.join([sys.executable, "-c", script, str(out)]) + " --new-tab %u"
    config_path = tmp_path / "feeds.toml"
    config_path.write_text(f'[settings]\nrefresh_minutes = 0\nfulltext = false\n'
                           f'browser = {json.dumps(browser)}\n'
                           f'[[feeds]]\nname = "F"\nurl = "{server.url("/f")}"\n', "utf-8")
    assert await asyncio.to_thread(main, ["--config", str(config_path), "fetch", "-q"]) == 0
    config = load_config(config_path)
    store = Store(config.db_path)
    app = make_app(config, store)
    async with app.run_test(size=(120, 30)) as pilot:
        await pilot.press("o")
        for _ in range(100):
            await pilot.pause(0.05)
            if out.exists() and out.read_text():
                break
        assert json.loads(out.read_text()) == ["--new-tab", link]
    store.close()
