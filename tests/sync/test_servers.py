"""The fixture's servers themselves: Miniflux on PostgreSQL fetches a loopback feed and answers
both of its APIs."""

from __future__ import annotations

import httpx
from feedserver import rss

from sync.sync_servers import ADMIN, API_PASSWORD


def test_miniflux_fetches_a_loopback_feed_and_answers_both_apis(miniflux, server) -> None:
    feed = server.add("/feed.xml", body=rss("Loop", [
        {"title": f"Item {i}", "link": f"http://example.org/{i}", "guid": f"g{i}"}
        for i in range(3)]))
    miniflux.add_feed(feed, category="World")
    assert len(miniflux.entries()) == 3
    login = httpx.post(f"{miniflux.url}/accounts/ClientLogin",
                       data={"Email": ADMIN, "Passwd": API_PASSWORD})
    assert login.status_code == 200
    token = dict(line.split("=", 1) for line in login.text.split())["Auth"]
    listed = httpx.get(f"{miniflux.url}/reader/api/0/subscription/list",
                       params={"output": "json"},
                       headers={"Authorization": f"GoogleLogin auth={token}"}).json()
    assert [s["url"] for s in listed["subscriptions"]] == [feed]
    assert listed["subscriptions"][0]["categories"][0]["label"] == "World"
