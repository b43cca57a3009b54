"""`byline extract`: files and URLs, JSON Lines, errors per source, offsets into the text."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

from feedserver import FeedServer, article_page

from tui.cli.main import main


def run_json(args: list[str], capsys) -> list[dict]:  # type: ignore[no-untyped-def]
    code = main(["extract", "--json", *args])
    lines = capsys.readouterr().out.splitlines()
    return code, [json.loads(line) for line in lines]  # type: ignore[return-value]


def test_txt_is_taken_byte_for_byte_and_quotes_index_it(tmp_path: Path, capsys) -> None:
    text = ("The minister spoke.\r\n\r\n“We will not give up,” Defence Minister Aram Petrosyan "
            "said on Monday.\r\nHe added that talks would resume.\n")
    source = tmp_path / "article.txt"
    source.write_bytes(text.encode("utf-8"))
    code, [result] = run_json([str(source)], capsys)
    assert code == 0 and result["text"] == text
    [quote] = [q for q in result["quotes"] if q["kind"] == "direct"]
    assert text[quote["start"]:quote["end"]] == quote["text"] == "We will not give up,"
    assert quote["speaker"] == "Aram Petrosyan"
    assert any(a["name"] == "Aram Petrosyan" for a in result["actors"])


def test_batch_of_files_and_urls_as_json_lines(tmp_path: Path, capsys) -> None:
    html = tmp_path / "page.html"
    html.write_bytes(article_page("Budget cuts roads"))
    packed = tmp_path / "page2.html.gz"
    packed.write_bytes(gzip.compress(article_page("Second page")))
    with FeedServer() as server:
        url = server.add("/a", body=article_page("Served page"), content_type="text/html")
        missing = server.url("/missing")
        code, results = run_json([str(html), str(packed), url, missing,
                                  str(tmp_path / "absent.html")], capsys)
    assert code == 1  # some sources failed, the others still ran
    assert [r["source"] for r in results] == [str(html), str(packed), url, missing,
                                              str(tmp_path / "absent.html")]
    assert "hard choices" in results[0]["text"] and results[0]["title"] == "Budget cuts roads"
    assert "hard choices" in results[1]["text"]
    assert "hard choices" in results[2]["text"]
    assert "404" in results[3]["error"] and "error" in results[4]
    for result in results[:3]:
        for quote in result["quotes"]:
            assert result["text"][quote["start"]:quote["end"]] == quote["text"]


def test_human_output(tmp_path: Path, capsys) -> None:
    html = tmp_path / "page.html"
    html.write_bytes(article_page("Budget cuts roads"))
    assert main(["extract", str(html)]) == 0
    out = capsys.readouterr().out
    assert out.startswith("== Budget cuts roads") and "Arutyunova" in out
