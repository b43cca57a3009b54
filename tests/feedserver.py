"""A real HTTP server on 127.0.0.1 for tests: routes with bodies, validators, delays and faults."""

from __future__ import annotations

import gzip
import threading
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


@dataclass
class Route:
    """How the server answers one path."""

    body: bytes = b""
    status: int = 200
    content_type: str = "application/rss+xml; charset=utf-8"
    etag: str | None = None
    last_modified: str | None = None
    honour_validators: bool = True
    delay: float = 0.0               # seconds before answering
    drip: float = 0.0                # seconds between single bytes of the body
    headers: dict[str, str] = field(default_factory=dict)
    gzip: bool = False
    redirect_to: str | None = None
    reset: bool = False              # close the connection without answering
    handler: Callable[[BaseHTTPRequestHandler], None] | None = None


class FeedServer:
    """Start with `with FeedServer() as server:`; `server.url(path)` gives an address."""

    def __init__(self) -> None:
        self.routes: dict[str, Route] = {}
        self.requests: Counter[str] = Counter()
        self.request_headers: dict[str, list[dict[str, str]]] = {}
        self.delay_all = 0.0
        self._server = ThreadingHTTPServer(("127.0.0.1", 0), self._handler_class())
        self._server.daemon_threads = True
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)

    def __enter__(self) -> FeedServer:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._server.shutdown()
        self._server.server_close()

    @property
    def base(self) -> str:
        host, port = self._server.server_address[:2]
        return f"http://{host}:{port}"

    def url(self, path: str) -> str:
        return self.base + path

    def add(self, path: str, route: Route | None = None, **kwargs: object) -> str:
        self.routes[path] = route or Route(**kwargs)  # type: ignore[arg-type]
        return self.url(path)

    def _handler_class(self) -> type[BaseHTTPRequestHandler]:
        server = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *args: object) -> None:  # keep test output clean
                pass

            def do_POST(self) -> None:  # noqa: N802 (http.server's naming)
                length = int(self.headers.get("Content-Length") or 0)
                self.posted = self.rfile.read(length) if length else b""
                self.do_GET()

            def do_PUT(self) -> None:  # noqa: N802 (http.server's naming)
                self.do_POST()

            def do_GET(self) -> None:  # noqa: N802 (http.server's naming)
                path = self.path.split("?", 1)[0]
                server.requests[path] += 1
                server.request_headers.setdefault(path, []).append(
                    {k.lower(): v for k, v in self.headers.items()})
                route = server.routes.get(path)
                if server.delay_all:
                    time.sleep(server.delay_all)
                if route is None:
                    self._send(404, b"not found", "text/plain")
                    return
                self._answer(route)

            def _answer(self, route: Route) -> None:
                if route.handler:
                    route.handler(self)
                    return
                if route.delay:
                    time.sleep(route.delay)
                if route.reset:
                    self.connection.shutdown(2)
                    self.close_connection = True
                    return
                if route.redirect_to:
                    self.send_response(302)
                    self.send_header("Location", route.redirect_to)
                    self.send_header("Content-Length", "0")
                    self.end_headers()
                    return
                if route.honour_validators and self._not_modified(route):
                    self.send_response(304)
                    if route.etag:
                        self.send_header("ETag", route.etag)
                    self.end_headers()
                    return
                body = gzip.compress(route.body) if route.gzip else route.body
                extra = dict(route.headers)
                if route.gzip:
                    extra["Content-Encoding"] = "gzip"
                if route.etag:
                    extra["ETag"] = route.etag
                if route.last_modified:
                    extra["Last-Modified"] = route.last_modified
                self._send(route.status, body, route.content_type, extra, drip=route.drip)

            def _not_modified(self, route: Route) -> bool:
                inm = self.headers.get("If-None-Match")
                ims = self.headers.get("If-Modified-Since")
                if route.etag and inm:
                    return inm == route.etag
                return bool(route.last_modified and ims and ims == route.last_modified)

            def _send(self, status: int, body: bytes, content_type: str,
                      extra: dict[str, str] | None = None, drip: float = 0.0) -> None:
                self.send_response(status)
                self.send_header("Content-Type", content_type)
                self.send_header("Content-Length", str(len(body)))
                for key, value in (extra or {}).items():
                    self.send_header(key, value)
                self.end_headers()
                try:
                    if drip:
                        for i in range(len(body)):
                            self.wfile.write(body[i:i + 1])
                            self.wfile.flush()
                            time.sleep(drip)
                    else:
                        self.wfile.write(body)
                except (BrokenPipeError, ConnectionResetError):
                    pass

        return Handler


def rss(title: str, items: list[dict[str, str]], link: str = "http://example.org/") -> bytes:
    """A small RSS 2.0 document; item keys: title, link, guid, description, pubDate, author."""
    parts = [f'<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel>'
             f"<title>{title}</title><link>{link}</link><description>test</description>"]
    for item in items:
        fields = "".join(f"<{k}>{v}</{k}>" for k, v in item.items())
        parts.append(f"<item>{fields}</item>")
    parts.append("</channel></rss>")
    return "".join(parts).encode()


def atom(title: str, entries: list[dict[str, str]]) -> bytes:
    """A small Atom 1.0 document; entry keys: title, id, link, updated, summary, author."""
    parts = ['<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom">'
             f"<title>{title}</title><id>urn:test:{title}</id><updated>2026-11-20T10:00:00Z</updated>"]
    for e in entries:
        parts.append(
            f"<entry><title>{e['title']}</title><id>{e['id']}</id>"
            f"<link href=\"{e.get('link', '')}\"/><updated>{e['updated']}</updated>"
            f"<author><name>{e.get('author', 'Staff')}</name></author>"
            f"<summary type=\"html\">{e.get('summary', '')}</summary></entry>")
    parts.append("</feed>")
    return "".join(parts).encode()


def rdf(title: str, items: list[dict[str, str]]) -> bytes:
    """A small RSS 1.0 (RDF) document; item keys: title, link, description, date."""
    parts = ['<?xml version="1.0" encoding="utf-8"?>'
             '<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" '
             'xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/">'
             f'<channel rdf:about="http://example.org/rdf"><title>{title}</title>'
             "<link>http://example.org/</link><description>test</description></channel>"]
    for item in items:
        parts.append(
            f'<item rdf:about="{item["link"]}"><title>{item["title"]}</title>'
            f'<link>{item["link"]}</link><description>{item.get("description", "")}</description>'
            f'<dc:date>{item["date"]}</dc:date></item>')
    parts.append("</rdf:RDF>")
    return "".join(parts).encode()


PARAGRAPHS = [
    "The finance ministry said on Tuesday that the new budget would cut spending on roads by a "
    "fifth while raising the allowance for schools across the northern provinces.",
    "“We have made hard choices, and we will defend every one of them,” Finance Minister Lena "
    "Arutyunova told parliament, adding that the deficit would narrow next year.",
    "Opposition deputies called the plan reckless and said the cuts would fall hardest on rural "
    "districts that already lack paved roads and reliable bus services.",
    "The bank of the republic is expected to comment on the budget at its meeting next week, "
    "when analysts expect it to hold its main interest rate at nine percent.",
]


def article_page(title: str) -> bytes:
    body = "".join(f"<p>{p}</p>" for p in PARAGRAPHS)
    return (f"<html lang='en'><head><title>{title}</title><meta name='author' content='Ann Lee'>"
            "</head><body><nav><a href='/'>Home</a> <a href='/world'>World</a></nav>"
            f"<article><h1>{title}</h1>{body}</article><footer>Copyright Example News</footer>"
            "</body></html>").encode()
