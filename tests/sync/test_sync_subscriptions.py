"""Subscribing and unsubscribing on the server, against the real Miniflux through both APIs: the
feed arrives on the server in the folder of its first tag, the cache lists it as synced at once
and the next sync brings its items; unsubscribing drops it on the server and from the feed list
while its articles stay; refusals (a feed already there, one the server cannot fetch) are one
line in the server's words. `byline feeds add` and `remove` do the same from the shell, and
`byline feeds` shows a failed sync on every synced feed."""

from __future__ import annotations

import asyncio
import json

import pytest
from feedserver import rss

from sync.test_sync_cli import byline, write_config
from sync.test_sync_miniflux import SETTINGS, items
from tui.core.sync.engine import run_sync
from tui.core.sync.model import SyncError
from tui.core.sync.subscriptions import run_subscribe, run_unsubscribe, subscribe


def server_feeds(miniflux) -> dict[str, tuple[str, str]]:
    """The server's feeds: (title, category) by feed URL."""
    return {f["feed_url"]: (f["title"], f["category"]["title"])
            for f in miniflux.rest("GET", "/feeds")}


def test_subscribe_then_unsubscribe(miniflux, server, account, store) -> None:
    url = server.add("/planet.xml", body=rss("Planet", items(3)))
    feed = run_subscribe(store, account, SETTINGS, url, title="Planet news",
                         tags=("Science", "Space"))
    assert feed is not None and feed.url == url
    assert server_feeds(miniflux) == {url: ("Planet news", "Science")}
    synced = {f.url: f for f in store.feeds()}
    assert (synced[url].name, synced[url].tags, synced[url].origin) == (
        "Planet news", ("Science",), account.service)
    summary = run_sync(store, account, SETTINGS)
    assert summary.error is None and summary.new == 3
    run_unsubscribe(store, account, SETTINGS, synced[url].id)
    assert server_feeds(miniflux) == {}
    assert store.feeds() == []
    assert store.count_articles() == 3  # the articles stay in the cache
    assert run_sync(store, account, SETTINGS).line() == "0 new"
    assert store.feeds() == []


def test_no_folder_goes_to_the_first_category(miniflux, server, account, store) -> None:
    url = server.add("/plain.xml", body=rss("Plain", items(1)))
    run_subscribe(store, account, SETTINGS, url)
    assert server_feeds(miniflux) == {url: ("Plain", "All")}


def test_refusals_are_one_line_in_the_servers_words(miniflux, server, account, store) -> None:
    url = server.add("/world.xml", body=rss("World", items(2)))
    miniflux.add_feed(url)
    with pytest.raises(SyncError) as twice:
        run_subscribe(store, account, SETTINGS, url)
    assert twice.value.kind == "refused"
    assert str(twice.value) == f"sync: 127.0.0.1:{miniflux.port} refused: This feed already exists."
    with pytest.raises(SyncError) as missing:
        run_subscribe(store, account, SETTINGS, server.url("/gone.xml"))
    assert missing.value.kind == "refused" and "404" in str(missing.value)
    assert "\n" not in str(missing.value)
    assert list(server_feeds(miniflux)) == [url]


def test_a_feed_also_in_feeds_toml_stays_local(miniflux, server, account, store) -> None:
    url = server.add("/both.xml", body=rss("Both", items(2)))
    store.sync_feeds([(url, "Both", ())])
    asyncio.run(subscribe(store, account, SETTINGS, url, keep_urls=[url]))
    feed = store.feeds()[0]
    assert feed.origin == account.service
    run_unsubscribe(store, account, SETTINGS, feed.id, keep_urls=[url])
    assert [(f.url, f.origin) for f in store.feeds()] == [(url, "local")]


# -- the command line ------------------------------------------------------------------------
def test_feeds_add_and_remove_on_the_server(miniflux, server, account, tmp_path, capsys) -> None:
    url = server.add("/planet.xml", body=rss("Planet", items(2)))
    config = write_config(tmp_path, account)
    code, out, err = byline(config, "feeds", "add", url, "--tag", "Science", capsys=capsys)
    assert (code, err) == (0, "")
    assert out == (f"added Planet on {_label(account, miniflux)}: {url} (byline sync brings its "
                   "articles)\n")
    assert server_feeds(miniflux) == {url: ("Planet", "Science")}
    assert "[[feeds]]" not in config.read_text()  # feeds.toml is left alone
    code, _, err = byline(config, "feeds", "add", url, capsys=capsys)
    assert code == 1 and "already subscribed on the sync server as 'Planet'" in err
    code, out, _ = byline(config, "sync", capsys=capsys)
    assert (code, out) == (0, "2 new\n")
    code, out, _ = byline(config, "feeds", "remove", "planet", capsys=capsys)
    assert code == 0
    assert out == f"removed Planet on {_label(account, miniflux)} (its articles stay in the cache)\n"
    assert server_feeds(miniflux) == {}
    code, out, _ = byline(config, "feeds", "--json", capsys=capsys)
    assert json.loads(out) == []


def test_feeds_add_local_keeps_it_in_feeds_toml(miniflux, server, account, tmp_path,
                                                capsys) -> None:
    url = server.add("/local.xml", body=rss("Local", items(2)))
    config = write_config(tmp_path, account)
    code, out, _ = byline(config, "feeds", "add", url, "--local", capsys=capsys)
    assert code == 0 and out.startswith(f"added Local: {url}")
    assert server_feeds(miniflux) == {}
    assert f'url = "{url}"' in config.read_text()
    code, _, err = byline(config, "feeds", "add", "--server", "feeds.xml", capsys=capsys)
    assert code == 1 and "needs an http(s) URL" in err


def test_feeds_add_server_without_sync_is_a_usage_error(tmp_path, capsys) -> None:
    config = tmp_path / "feeds.toml"
    config.write_text("")
    code, _, err = byline(config, "feeds", "add", "--server", "http://example.org/f.xml",
                          capsys=capsys)
    assert code == 2 and "no [sync] table" in err


def test_a_server_refusal_exits_1(miniflux, server, account, tmp_path, capsys) -> None:
    config = write_config(tmp_path, account)
    # Not checked by Byline first: the server's own fetch fails.
    code, _, err = byline(config, "feeds", "add", server.url("/gone.xml"), "--no-check",
                          capsys=capsys)
    assert code == 1 and "not added: sync:" in err and "refused" in err
    assert err.count("\n") == 1
    assert server_feeds(miniflux) == {}


def test_byline_feeds_shows_a_failed_sync_on_synced_feeds(miniflux, server, account, tmp_path,
                                                         capsys, monkeypatch) -> None:
    miniflux.add_feed(server.add("/world.xml", body=rss("World", items(2))), category="News")
    local = server.add("/local.xml", body=rss("Local", items(1, start=10)))
    config = write_config(tmp_path, account, f'[[feeds]]\nname = "Local"\nurl = "{local}"\n')
    code, _, _ = byline(config, "fetch", "--no-fulltext", capsys=capsys)
    assert code == 0
    code, out, _ = byline(config, "feeds", capsys=capsys)
    lines = dict(line.split(None, 1) for line in out.splitlines())
    assert "ok 20" in lines["World"] and "ok 20" in lines["Local"]
    monkeypatch.setenv("BYLINE_TEST_SYNC_PASSWORD", "not-the-password")
    code, _, _ = byline(config, "sync", capsys=capsys)
    assert code == 1
    code, out, _ = byline(config, "feeds", capsys=capsys)
    lines = dict(line.split(None, 1) for line in out.splitlines())
    assert lines["World"].endswith(f"ERROR sync: 127.0.0.1:{miniflux.port} refused the login "
                                   "(HTTP 401): wrong username or password, or the API is not "
                                   "enabled for this user")
    assert "ok 20" in lines["Local"]  # a local feed keeps its own health
    code, out, _ = byline(config, "feeds", "--json", capsys=capsys)
    world = next(f for f in json.loads(out) if f["name"] == "World")
    assert world["status"] == "error" and "HTTP 401" in world["last_error"]
    assert world["origin"] == account.service
    monkeypatch.setenv("BYLINE_TEST_SYNC_PASSWORD", _password(account))
    assert byline(config, "sync", capsys=capsys)[0] == 0
    code, out, _ = byline(config, "feeds", capsys=capsys)
    assert "ERROR" not in out


def _password(account) -> str:
    from sync.sync_servers import ADMIN_PASSWORD, API_PASSWORD

    return API_PASSWORD if account.service == "greader" else ADMIN_PASSWORD


def _label(account, miniflux) -> str:
    service = "Google Reader API" if account.service == "greader" else "miniflux"
    return f"{service} at 127.0.0.1:{miniflux.port}"
