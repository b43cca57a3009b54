"""Hostile feeds and network faults against the local server: each one is a clear per-feed
error that costs at most its timeout and never stops the other feeds."""

from __future__ import annotations

import asyncio
import ssl
import subprocess
import threading
import time
from http.server import ThreadingHTTPServer
from pathlib import Path

import pytest
from feedserver import rss

from tui.core.feeds.parse import parse_feed
from tui.core.feeds.subscriptions import Subscription
from tui.core.models import Outcome
from tui.core.refresh import refresh
from tui.core.settings import Settings
from tui.core.store import ArticleFilter, Store

FAST = Settings(read_timeout=1.0, connect_timeout=1.0, total_timeout=2.0, fulltext=False)
GOOD = rss("Good", [{"title": "Fine", "guid": "ok1", "link": "http://example.org/ok"}])


@pytest.fixture
def server(server):
    server.add("/good", body=GOOD)
    return server


def refresh_all(store: Store, feeds: list[Subscription]) -> dict[str, object]:
    summary = asyncio.run(refresh(store, feeds, FAST))
    return {r.name: r for r in summary.results}


def entity_feed(declarations: str, use: str) -> bytes:
    return (f'<?xml version="1.0"?><!DOCTYPE rss [{declarations}]><rss version="2.0"><channel>'
            f"<title>t</title><item><title>x {use}</title><guid>1</guid>"
            f"<description>{use}</description></item></channel></rss>").encode()


def test_xml_attacks_are_refused(tmp_path: Path, server, store) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP-SECRET-LOCAL-CONTENT")
    laughs = '<!ENTITY a "lol">' + "".join(
        f'<!ENTITY {chr(98 + i)} "{("&" + chr(97 + i) + ";") * 10}">' for i in range(9))
    deep = (b'<?xml version="1.0"?><rss version="2.0"><channel><title>t</title><item>'
            b"<title>deep</title><guid>d</guid><description>" + b"<x>" * 200_000
            + b"</x>" * 200_000 + b"</description></item></channel></rss>")
    feeds = [
        Subscription("xxe", server.add("/xxe", body=entity_feed(
            f'<!ENTITY xxe SYSTEM "{secret.as_uri()}">', "&xxe;"))),
        Subscription("laughs", server.add("/laughs", body=entity_feed(laughs, "&j;"))),
        Subscription("deep", server.add("/deep", body=deep)),
        Subscription("huge", server.add("/huge", body=b"<rss>" + b" " * 50_000_000 + b"</rss>")),
        Subscription("good", server.url("/good")),
    ]
    started = time.monotonic()
    results = refresh_all(store, feeds)
    assert time.monotonic() - started < 20
    assert results["xxe"].outcome is Outcome.PARSE_ERROR and "entities" in results["xxe"].error
    assert results["laughs"].outcome is Outcome.PARSE_ERROR
    assert results["huge"].outcome is Outcome.TOO_LARGE
    assert results["deep"].outcome in (Outcome.OK, Outcome.PARSE_ERROR)
    assert results["good"].new_articles == 1
    dump = "\n".join(store.conn().iterdump())
    assert "TOP-SECRET" not in dump and "lollollol" not in dump


def test_parser_never_reads_local_files_even_without_doctype_check(tmp_path: Path) -> None:
    from tui.core.feeds.parse import parse_with_feedparser

    secret = tmp_path / "secret.txt"
    secret.write_text("TOP-SECRET-LOCAL-CONTENT")
    parsed = parse_with_feedparser(entity_feed(f'<!ENTITY xxe SYSTEM "{secret.as_uri()}">',
                                               "&xxe;"), "http://x/")
    assert "TOP-SECRET" not in repr(parsed)


def test_network_faults_are_clear_and_bounded(server, store) -> None:
    server.add("/drip", body=GOOD, drip=0.5)
    server.add("/reset", reset=True)
    server.add("/loop", redirect_to=server.url("/loop"))
    server.add("/badgzip", body=b"this is not gzip at all" * 10,
               headers={"Content-Encoding": "gzip"})
    server.add("/stall", body=GOOD, delay=10)
    server.add("/html-type", body=GOOD, content_type="text/html")
    latin1 = ('<?xml version="1.0" encoding="iso-8859-1"?><rss version="2.0"><channel>'
              "<title>t</title><item><title>Café crème</title><guid>c</guid></item>"
              "</channel></rss>").encode("latin-1")
    server.add("/charset", body=latin1, content_type="application/rss+xml; charset=utf-8")
    names = ["drip", "reset", "loop", "badgzip", "stall", "html-type", "charset"]
    feeds = [Subscription(n, server.url(f"/{n}")) for n in names] + \
        [Subscription("good", server.url("/good"))]
    started = time.monotonic()
    results = refresh_all(store, feeds)
    elapsed = time.monotonic() - started
    assert elapsed < FAST.total_timeout + 3, "faults run in parallel, each within its timeout"
    assert results["drip"].outcome is Outcome.TIMEOUT
    assert results["stall"].outcome is Outcome.TIMEOUT
    assert results["reset"].outcome is Outcome.NETWORK_ERROR
    assert "redirects" in results["loop"].error
    assert "compressed" in results["badgzip"].error
    assert results["html-type"].outcome is Outcome.OK
    assert results["charset"].outcome is Outcome.OK
    assert results["good"].new_articles == 1
    titles = {r.title for r in store.article_rows(ArticleFilter(), limit=50)}
    assert any(t.startswith("Caf") for t in titles)


def test_429_and_503_back_off_and_are_not_hammered(server, store) -> None:
    server.add("/limited", status=429, body=b"slow down", headers={"Retry-After": "120"})
    server.add("/down", status=503, body=b"maintenance")
    feeds = [Subscription("limited", server.url("/limited")),
             Subscription("down", server.url("/down")), Subscription("good", server.url("/good"))]
    first = refresh_all(store, feeds)
    assert first["limited"].outcome is Outcome.HTTP_ERROR and "429" in first["limited"].error
    assert "retry after 120" in first["limited"].error
    assert first["down"].outcome is Outcome.HTTP_ERROR
    _, _, retry_at = store.validators(store.feed_id(server.url("/limited")))
    assert retry_at is not None and retry_at >= time.time() + 100
    second = refresh_all(store, feeds)
    assert second["limited"].outcome is Outcome.BACKING_OFF
    assert second["down"].outcome is Outcome.BACKING_OFF
    assert server.requests["/limited"] == 1 and server.requests["/down"] == 1
    assert server.requests["/good"] == 2


def test_self_signed_tls_fails_verification_clearly(tmp_path: Path, store) -> None:
    key, cert = tmp_path / "key.pem", tmp_path / "cert.pem"
    subprocess.run(["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout",
                    str(key), "-out", str(cert), "-days", "1", "-subj", "/CN=127.0.0.1"],
                   check=True, capture_output=True)
    from feedserver import FeedServer as Plain

    plain = Plain()
    plain.add("/feed", body=GOOD)
    httpd: ThreadingHTTPServer = plain._server
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(cert, key)
    httpd.socket = context.wrap_socket(httpd.socket, server_side=True)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        port = httpd.server_address[1]
        results = refresh_all(store, [Subscription("tls", f"https://127.0.0.1:{port}/feed")])
    finally:
        httpd.shutdown()
        httpd.server_close()
    assert results["tls"].outcome is Outcome.NETWORK_ERROR
    assert "certificate" in results["tls"].error


def test_deeply_nested_and_binary_bodies_parse_without_crash() -> None:
    for body in (b"\x00\xff" * 10_000, b"<rss>" + b"<a>" * 100_000, b"\xef\xbb\xbf<rss/>"):
        result = parse_feed(body, "http://x/")
        assert result.error or result.entries == ()
