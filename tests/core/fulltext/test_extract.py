"""Tests for article extraction: text and metadata, hostile pages, local sources and the process pool."""

from __future__ import annotations

import asyncio
import gzip
import json
import multiprocessing
import os
import re
import signal
import time
from collections import Counter
from pathlib import Path

import pytest
from conftest import shared_path

from tui.core.fulltext.article import Extracted, extract_html
from tui.core.fulltext.pool import ExtractionPool
from tui.core.fulltext.sniff import detect_paywall, looks_like_html
from tui.core.fulltext.sources import extract_source, extract_sources

PARAGRAPHS = [
    "The city council voted on Tuesday to extend the northern tram line by four kilometres, "
    "ending a debate that had dragged on for almost six years and split the governing coalition.",
    "Supporters said the extension would take thousands of cars off the ring road every morning, "
    "while opponents warned that the cost estimates had already doubled since the first study in 2019.",
    "Construction is expected to begin next spring, and the first trams should run on the new "
    "track before the end of 2028, according to the transport department's published timetable.",
    "Residents of the affected streets will be offered compensation for the noise during the works, "
    "the mayor said, adding that local shops would receive a temporary reduction in business rates.",
]


def article_page(
    paragraphs: list[str] = PARAGRAPHS,
    charset: str | None = "utf-8",
    title: str = "Council approves tram extension",
) -> str:
    """A small but realistic news page: head metadata, navigation, the article, a footer."""
    meta_charset = f'<meta charset="{charset}">' if charset else ""
    body = "\n".join(f"<p>{text}</p>" for text in paragraphs)
    return f"""<!DOCTYPE html>
<html lang="en-GB">
<head>
{meta_charset}
<title>{title} | The Daily Example</title>
<meta name="author" content="Jane Reporter">
<meta property="og:site_name" content="The Daily Example">
<meta property="article:published_time" content="2026-03-14T09:30:00+00:00">
</head>
<body>
<nav><ul><li><a href="/">Home</a></li><li><a href="/news">News</a></li><li><a href="/sport">Sport</a></li></ul></nav>
<main><article>
<h1>{title}</h1>
<p class="byline">By Jane Reporter</p>
{body}
</article></main>
<footer><p>Copyright 2026 The Daily Example. All rights reserved. Subscribe to our newsletter.</p></footer>
</body>
</html>"""


# --- extract_html ----------------------------------------------------------------------------------


def test_article_text_is_extracted_with_its_paragraphs() -> None:
    result = extract_html(article_page().encode("utf-8"), "https://example.org/news/tram")
    assert isinstance(result, Extracted)
    assert result.text.split("\n\n") == PARAGRAPHS
    assert "Subscribe to our newsletter" not in result.text
    assert "Sport" not in result.text


def test_metadata_is_extracted() -> None:
    result = extract_html(article_page(), "https://example.org/news/tram")
    assert result is not None
    assert result.title == "Council approves tram extension"
    assert result.author == "Jane Reporter"
    assert result.published is not None and result.published.startswith("2026-03-14")
    assert result.sitename == "The Daily Example"
    assert result.language == "en-GB"


def test_byline_markup_gives_the_author_when_meta_tags_have_none() -> None:
    page = article_page().replace('<meta name="author" content="Jane Reporter">', "")
    page = page.replace('<p class="byline">By Jane Reporter</p>', '<span class="byline">By Sam Writer</span>')
    result = extract_html(page)
    assert result is not None
    assert result.author == "Sam Writer"


def test_str_and_bytes_give_the_same_result() -> None:
    assert extract_html(article_page()) == extract_html(article_page().encode("utf-8"))


@pytest.mark.parametrize(
    "body",
    [
        b"",
        b"   \n\t ",
        "",
        b"<html><head><title>x</title></head><body></body></html>",
        b"<html><head><script>var a = 1; for (;;) { a++; }</script></head>"
        b"<body><script>document.write('<p>' + 'loading '.repeat(500) + '</p>')</script></body></html>",
        b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n" + bytes(range(256)) * 40,
        b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 40,
        bytes(range(256)) * 200,
        b"\xff\xfe\x00\x00garbage" * 1000,
    ],
    ids=["empty", "blank", "empty-str", "no-body-text", "script-only", "pdf", "png", "binary", "utf32-ish"],
)
def test_pages_without_article_text_give_none(body: bytes | str) -> None:
    assert extract_html(body) is None


def test_random_bytes_never_raise() -> None:
    import random

    rng = random.Random(1234)
    for size in (1, 17, 512, 4096, 65536):
        junk = bytes(rng.getrandbits(8) for _ in range(size))
        result = extract_html(b"<html><body><p>" + junk + b"</p></body></html>")
        assert result is None or isinstance(result.text, str)


def test_ten_megabyte_page_is_handled_quickly() -> None:
    script = "<script>window.__STATE__ = " + json.dumps({"items": ["x" * 100] * 90_000}) + ";</script>"
    junk = '<div class="related"><a href="/a">More stories</a></div>\n' * 40_000
    page = article_page().replace("</head>", script + "</head>").replace("</footer>", "</footer>" + junk)
    assert len(page) > 10_000_000
    started = time.perf_counter()
    result = extract_html(page.encode("utf-8"))
    elapsed = time.perf_counter() - started
    assert result is not None
    assert result.text.split("\n\n") == PARAGRAPHS
    assert elapsed < 20, f"a 10 MB page took {elapsed:.1f} s"


CYRILLIC = [
    "Городской совет во вторник проголосовал за продление северной линии трамвая на четыре километра.",
    "Сторонники проекта говорят, что продление уберёт тысячи машин с кольцевой дороги каждое утро.",
    "Противники предупреждают, что смета расходов удвоилась с момента первого исследования.",
]
FRENCH = [
    "Le conseil municipal a voté mardi le prolongement de la ligne de tramway vers le nord, après six années de débat.",
    "Les partisans du projet estiment que des milliers de voitures quitteront le périphérique chaque matin à Noël.",
    "Les opposants rappellent que le coût prévu a déjà doublé depuis la première étude, réalisée en été 2019.",
]


@pytest.mark.parametrize(
    ("paragraphs", "declared", "actual"),
    [
        (CYRILLIC, "iso-8859-1", "windows-1251"),
        (CYRILLIC, None, "windows-1251"),
        (FRENCH, "utf-8", "latin-1"),
        (FRENCH, "windows-1251", "latin-1"),
        (FRENCH, None, "latin-1"),
    ],
)
def test_wrong_or_missing_charset_is_decoded(paragraphs: list[str], declared: str | None, actual: str) -> None:
    page = article_page(paragraphs, charset=declared, title="Tram").encode(actual)
    result = extract_html(page)
    assert result is not None
    assert result.text.split("\n\n") == paragraphs


def test_utf8_page_with_a_stray_byte_stays_utf8() -> None:
    page = article_page(FRENCH, charset="utf-8", title="Tram").encode("utf-8").replace(b"</article>", b"\x96</article>")
    result = extract_html(page)
    assert result is not None
    assert result.text.split("\n\n")[:3] == FRENCH


# --- sniffers --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("body", "content_type", "expected"),
    [
        (b"<!DOCTYPE html><html><body><p>Hi</p></body></html>", "text/html; charset=utf-8", True),
        (b"<!DOCTYPE html><html><body><p>Hi</p></body></html>", None, True),
        (b"\n\n  <html><p>Hi</p></html>", "application/xhtml+xml", True),
        ("<html><p>Grüße</p></html>".encode("utf-16"), "text/html", True),
        (b"%PDF-1.4\n%\xc7\xec\x8f\xa2\n", "text/html", False),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "text/html", False),
        (b"\xff\xd8\xff\xe0\x00\x10JFIF\x00", "text/html", False),
        (b"GIF89a\x01\x00\x01\x00", None, False),
        (b"\x1f\x8b\x08\x00\x00\x00\x00\x00", "text/html", False),
        (b"<html><p>Hi</p></html>", "application/pdf", False),
        (b"<html><p>Hi</p></html>", "image/png", False),
        (b"just some words, no markup at all", None, False),
        (b"some text\x00with\x00nul\x00bytes<p>", "text/html", False),
        (b"", "text/html", False),
    ],
)
def test_looks_like_html(body: bytes, content_type: str | None, expected: bool) -> None:
    assert looks_like_html(body, content_type) is expected


@pytest.mark.parametrize(
    ("snippet", "expected"),
    [
        ('<script type="application/ld+json">{"@type": "NewsArticle", "isAccessibleForFree": "False"}</script>', True),
        ('<script type="application/ld+json">{"isAccessibleForFree":false}</script>', True),
        ('<meta itemprop="isAccessibleForFree" content="false">', True),
        ('<div class="article-body paywall-overlay"><p>Subscribe</p></div>', True),
        ('<section id="regwall"></section>', True),
        ('<script type="application/ld+json">{"isAccessibleForFree": true}</script>', False),
        ('<div class="article-body"><p>Free to read: a story about paywalls.</p></div>', False),
    ],
)
def test_detect_paywall(snippet: str, expected: bool) -> None:
    page = article_page().replace("</article>", snippet + "</article>")
    assert detect_paywall(page) is expected


# --- extract_source --------------------------------------------------------------------------------


def test_text_source_is_returned_byte_for_byte(tmp_path: Path) -> None:
    raw = "“Quoted,” she said.\r\nSecond line — with a dash\r\n\r\nLast\ttab line without newline".encode()
    path = tmp_path / "story.txt"
    path.write_bytes(raw)
    result = extract_source(str(path))
    assert result == {"source": str(path), "title": None, "author": None, "published": None, "text": raw.decode()}
    assert result["text"].encode("utf-8") == raw
    assert "\r\n" in result["text"]


def test_text_source_keeps_a_bom_and_lone_carriage_returns(tmp_path: Path) -> None:
    raw = "\ufeffline one\rline two\n".encode()
    path = tmp_path / "bom.txt"
    path.write_bytes(raw)
    assert extract_source(str(path))["text"].encode("utf-8") == raw


def test_text_source_that_is_not_utf8_gives_an_error(tmp_path: Path) -> None:
    path = tmp_path / "latin.txt"
    path.write_bytes("café".encode("latin-1"))
    result = extract_source(str(path))
    assert set(result) == {"source", "error"}
    assert "UTF-8" in result["error"]


@pytest.mark.parametrize("name", ["story.html", "story.htm", "story.html.gz", "STORY.HTM.GZ"])
def test_html_sources_are_extracted(tmp_path: Path, name: str) -> None:
    data = article_page().encode("utf-8")
    path = tmp_path / name
    path.write_bytes(gzip.compress(data) if name.lower().endswith(".gz") else data)
    result = extract_source(str(path))
    assert set(result) == {"source", "title", "author", "published", "text"}
    assert result["source"] == str(path)
    assert result["title"] == "Council approves tram extension"
    assert result["author"] == "Jane Reporter"
    assert result["published"].startswith("2026-03-14")
    assert result["text"].split("\n\n") == PARAGRAPHS
    json.dumps(result)  # the CLI prints it as JSON


def test_sources_that_fail_give_a_one_line_error(tmp_path: Path) -> None:
    (tmp_path / "broken.html.gz").write_bytes(b"this is not gzip")
    (tmp_path / "empty.html").write_bytes(b"")
    (tmp_path / "data.csv").write_text("a,b\n1,2\n")
    (tmp_path / "folder.html").mkdir()
    cases = {
        str(tmp_path / "missing.html"): "no such file",
        str(tmp_path / "broken.html.gz"): "gzip",
        str(tmp_path / "empty.html"): "no article text",
        str(tmp_path / "data.csv"): "unsupported file type",
        str(tmp_path / "folder.html"): "directory",
        "https://example.org/story": "URL",
    }
    for source, expected in cases.items():
        result = extract_source(source)
        assert set(result) == {"source", "error"}, source
        assert result["source"] == source
        assert expected in result["error"], result["error"]
        assert "\n" not in result["error"]


def test_a_batch_of_sources_keeps_order_and_errors(tmp_path: Path) -> None:
    sources = []
    for i, texts in enumerate([PARAGRAPHS, FRENCH, PARAGRAPHS[1:]]):
        path = tmp_path / f"page{i}.html"
        path.write_text(article_page(texts), encoding="utf-8")
        sources.append(str(path))
    (tmp_path / "note.txt").write_bytes(b"plain\r\ntext")
    sources[1:1] = [str(tmp_path / "nothing.html"), str(tmp_path / "note.txt")]
    expected = [extract_source(source) for source in sources]
    assert list(extract_sources(sources, workers=2)) == expected
    assert list(extract_sources(sources, workers=1)) == expected
    assert [("error" in result) for result in expected] == [False, True, False, False, False]


# --- the pool --------------------------------------------------------------------------------------


def _pages() -> list[tuple[bytes, str | None]]:
    variants = [PARAGRAPHS, PARAGRAPHS[::-1], PARAGRAPHS[:2], FRENCH]
    pages: list[tuple[bytes, str | None]] = [
        (article_page(list(texts)).encode("utf-8"), f"https://example.org/{i}") for i, texts in enumerate(variants)
    ]
    pages.append((b"%PDF-1.5 not a page", None))
    return pages


def test_pool_map_matches_extract_html_in_order() -> None:
    pages = _pages()
    with ExtractionPool(workers=2) as pool:
        assert pool.workers == 2
        results = list(pool.map(pages))
    assert results == [extract_html(html, url) for html, url in pages]
    assert results[-1] is None and all(results[:-1])


async def test_pool_extract_matches_extract_html() -> None:
    pages = _pages()
    with ExtractionPool() as pool:
        assert pool.workers >= 1
        results = await asyncio.gather(*(pool.extract(html, url) for html, url in pages))
    assert results == [extract_html(html, url) for html, url in pages]


@pytest.mark.parametrize("start_method", ["spawn", "forkserver"])
def test_pool_works_with_other_start_methods(start_method: str) -> None:
    html, url = _pages()[0]
    with ExtractionPool(workers=1, start_method=start_method) as pool:
        assert list(pool.map([(html, url)])) == [extract_html(html, url)]


async def test_pool_can_be_cancelled() -> None:
    page = article_page([f"{text} Item {i}." for i, text in enumerate(PARAGRAPHS * 30)]).encode("utf-8")
    pool = ExtractionPool(workers=1)
    tasks = [asyncio.ensure_future(pool.extract(page, None)) for _ in range(40)]
    await asyncio.sleep(0)  # every task has handed its page to the pool
    started = time.perf_counter()
    pool.close(cancel=True)
    outcomes = await asyncio.wait_for(asyncio.gather(*tasks, return_exceptions=True), timeout=60)
    assert time.perf_counter() - started < 10
    cancelled = [outcome for outcome in outcomes if isinstance(outcome, asyncio.CancelledError)]
    finished = [outcome for outcome in outcomes if not isinstance(outcome, asyncio.CancelledError)]
    assert len(cancelled) >= 30, f"only {len(cancelled)} of 40 queued extractions were cancelled"
    assert all(isinstance(outcome, Extracted) for outcome in finished), finished
    with pytest.raises(RuntimeError):
        await pool.extract(page, None)


async def test_cancelling_the_awaiting_task_does_not_break_the_pool() -> None:
    pages = _pages()
    with ExtractionPool(workers=1) as pool:
        doomed = [asyncio.ensure_future(pool.extract(html, url)) for html, url in pages * 5]
        await asyncio.sleep(0)
        for task in doomed:
            task.cancel()
        await asyncio.gather(*doomed, return_exceptions=True)
        html, url = pages[0]
        assert await pool.extract(html, url) == extract_html(html, url)


async def test_pool_recovers_when_a_worker_dies() -> None:
    html, url = _pages()[0]
    with ExtractionPool(workers=1) as pool:
        before = {child.pid for child in multiprocessing.active_children()}
        assert await pool.extract(html, url) is not None
        workers = [child for child in multiprocessing.active_children() if child.pid not in before]
        assert len(workers) == 1
        os.kill(workers[0].pid, signal.SIGKILL)
        workers[0].join(timeout=10)
        assert await pool.extract(html, url) is None  # the page that met the dead worker
        assert await pool.extract(html, url) == extract_html(html, url)


def _die_at_start(fulltext: bool) -> None:
    os._exit(3)


async def test_pool_runs_in_threads_when_workers_cannot_start(monkeypatch) -> None:
    from tui.core.fulltext import work
    from tui.core.fulltext.pool import WorkerLost

    monkeypatch.setattr(work, "warm", _die_at_start)  # every worker dies before answering
    pool = ExtractionPool(workers=1)
    for _ in range(2):
        with pytest.raises(WorkerLost):
            await pool.run(os.getpid)
    assert pool.inline
    assert await pool.run(os.getpid) == os.getpid()  # now in a thread of this process
    html, url = _pages()[0]
    assert await pool.extract(html, url) == extract_html(html, url)
    pool.close()


# --- the shared benchmark pages -----------------------------------------------------------------------

_WORD = re.compile(r"\w+")


def _four_gram_f1(gold: str, predicted: str) -> float:
    def grams(text: str) -> Counter[tuple[str, ...]]:
        words = _WORD.findall(text)
        return Counter(tuple(words[i : i + 4]) for i in range(max(1, len(words) - 3)))

    want, got = grams(gold), grams(predicted)
    overlap = sum((want & got).values())
    return 2 * overlap / (sum(want.values()) + sum(got.values()))


# Known-good pages, including two that need Byline's rescue passes (a teaser-only precision result and
# a page where trafilatura's own fallback picks the wrong block).
BENCHMARK_PAGES = [
    "076f4f33bf75059db581bedf36e76fb65e89a8f7752db3339aa3ea11c5122f32",
    "2c46804d9db4a85e8f8d31128ce0e11d02f25c7120c2faa5ec0664c604a47717",
    "f8ff621a",
    "b3c19dd5",
]


@pytest.mark.parametrize("prefix", BENCHMARK_PAGES, ids=lambda prefix: prefix[:8])
def test_benchmark_pages_score_well(prefix: str) -> None:
    root = shared_path("data", "extraction")
    gold = json.loads((root / "ground-truth.json").read_text(encoding="utf-8"))
    (key,) = [key for key in gold if key.startswith(prefix)]
    html = gzip.decompress((root / "html" / f"{key}.html.gz").read_bytes())
    result = extract_html(html, gold[key].get("url"))
    assert result is not None
    f1 = _four_gram_f1(gold[key]["articleBody"], result.text)
    assert f1 > 0.8, f"F1 {f1:.3f} on {key[:8]}"


def test_a_photo_gallerys_captions_are_left_out_of_the_article() -> None:
    captions = "".join(f"<p>Photos: Shocking celebrity splits Couple number {n} announced a split after years of "
                       f"marriage, their statement said. Hide Caption {n} of 30</p>" for n in range(1, 31))
    body = " ".join(f"<p>Paragraph {n} of the article itself, with enough words to be kept as real text by the "
                    f"extractor, which wants a few sentences.</p>" for n in range(1, 8))
    html = f"<html><head><title>Split</title></head><body><article>{captions}{body}</article></body></html>"
    extracted = extract_html(html, "http://127.0.0.1/split.html")
    assert extracted is not None and "Paragraph 1 of the article itself" in extracted.text
    assert "Hide Caption" not in extracted.text
