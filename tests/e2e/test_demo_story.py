"""`byline story ID` on the offline demo: outlets side by side, who is quoted, the planted numbers that differ."""

from __future__ import annotations

import json

from byline_demo import SEEDS

from tui.cli.main import main
from tui.core.store import Store


def _json(capsys, *argv: str):  # type: ignore[no-untyped-def]
    assert main(list(argv)) == 0
    return json.loads(capsys.readouterr().out)


def _stories(demo, capsys) -> list[dict]:  # type: ignore[no-untyped-def]
    return _json(capsys, "--config", str(demo.path), "stories", "--json", "--min-outlets", "2")


def test_stories_json_gives_first_and_last_time_and_outlet_count(demo, capsys) -> None:  # type: ignore[no-untyped-def]
    stories = _stories(demo, capsys)
    assert len(stories) == 6
    for story in stories:
        times = sorted(a["published"] for a in story["articles"])
        assert story["first"] == times[0] and story["last"] == times[-1]
        assert story["outlet_count"] == len(story["outlets"]) >= 2


def test_story_json_compares_the_outlets(demo, capsys) -> None:  # type: ignore[no-untyped-def]
    [border] = [s for s in _stories(demo, capsys) if "Azerbaijan" in s["headline"]]
    record = _json(capsys, "--config", str(demo.path), "story", str(border["id"]), "--json")
    assert record["story"]["id"] == border["id"] and record["story"]["outlet_count"] == 3
    assert [a["id"] for a in record["articles"]] == [a["id"] for a in border["articles"]]
    joined = [a["joined"] for a in record["articles"] if a["joined"]]
    assert len(joined) == 2 and all(j["how"] == "matched" for j in joined)
    assert any("both quote Anna Karapetyan" in (j["reason"] or "") for j in joined), joined
    ids = {a["id"] for a in record["articles"]}
    assert all(j["matched_article"] in ids for j in joined)

    comparison = record["comparison"]
    outlets = {o["outlet"]: o for o in comparison["outlets"]}
    assert set(outlets) == {"Caucasus Ledger", "Meridian Wire", "Eurasia Business Daily"}
    business = outlets["Eurasia Business Daily"]
    assert "Gevorg Avetisyan" in {a["name"] for a in business["own_actors"]}
    assert "Anna Karapetyan" not in {a["name"] for o in outlets.values() for a in o["own_actors"]}
    assert any("locomotives" in q["text"] for q in business["own_quotes"])
    assert not any("kilometre" in q["text"] for o in outlets.values() for q in o["own_quotes"]), \
        "Karapetyan's kilometre quote is worded differently by two outlets: not any one's own"
    for outlet in outlets.values():
        assert outlet["lead"] and outlet["words"] > 200
    quoted = {p["speaker"]: p["outlets"] for p in comparison["quoted"]}
    assert len(quoted["Anna Karapetyan"]) >= 2
    timeline = comparison["timeline"]
    assert [t["first_report"] for t in timeline] == [True, False, False]
    assert [t["published"] for t in timeline] == sorted(t["published"] for t in timeline)
    assert any(n["text"] == "300 kilometres" for n in timeline[2]["new_numbers"])


def test_why_an_article_joined_is_in_words_never_a_score_or_terms(demo, capsys) -> None:  # type: ignore[no-untyped-def]
    stories = _stories(demo, capsys)
    joins = [a["joined"] for story in stories for a in story["articles"] if a["joined"]]
    for story in stories:
        record = _json(capsys, "--config", str(demo.path), "story", str(story["id"]), "--json")
        assert {a["id"]: a["joined"] for a in record["articles"]} == \
            {a["id"]: a["joined"] for a in story["articles"]}, "both commands say it the same way"
    assert joins and all(set(j) <= {"how", "matched_article", "reason", "merge"} for j in joins), joins
    assert all("score" not in json.dumps(j) and "shared_terms" not in j for j in joins)
    assert any(j["reason"] and j["reason"].startswith("both ") for j in joins)


def test_every_planted_difference_is_found_and_no_other(demo, capsys) -> None:  # type: ignore[no-untyped-def]
    planted = json.loads((SEEDS / "differences.json").read_text())["differences"]
    store = Store(demo.db_path)
    page = {article_id: url.split("/seeds/", 1)[1] for article_id, url in
            store.conn().execute("SELECT id, url FROM articles")}
    store.close()
    found = []
    for story in _stories(demo, capsys):
        record = _json(capsys, "--config", str(demo.path), "story", str(story["id"]), "--json")
        for difference in record["comparison"]["differences"]:
            numbers = {page[n["article"]]: n for n in difference["numbers"]}
            assert all(n["sentence"] and n["text"] in n["sentence"] for n in numbers.values())
            found.append((difference["unit"], {p: n["text"] for p, n in numbers.items()}))
    expected = [(p["unit"], p["numbers"]) for p in planted]
    assert sorted(found, key=str) == sorted(expected, key=str)


def test_an_unknown_story_is_one_clear_line(demo, capsys) -> None:  # type: ignore[no-untyped-def]
    assert main(["--config", str(demo.path), "story", "9999", "--json"]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "no story 9999" in err


def test_story_text_says_each_quotes_kind(demo, capsys) -> None:  # type: ignore[no-untyped-def]
    words = {"direct": "said", "partial": "in part", "indirect": "reported"}
    for story in _stories(demo, capsys):
        record = _json(capsys, "--config", str(demo.path), "story", str(story["id"]), "--json")
        assert main(["--config", str(demo.path), "story", str(story["id"])]) == 0
        text = capsys.readouterr().out
        for outlet in record["comparison"]["outlets"]:
            for quote in outlet["own_quotes"]:
                said = f"only here: {quote['speaker'] or '(unattributed)'} ({words[quote['kind']]}): "
                assert said in text
        for entry in record["comparison"]["timeline"]:
            for quote in [] if entry["first_report"] else entry["new_quotes"]:   # a first report adds all
                assert f"{quote['speaker'] or '(unattributed)'} ({words[quote['kind']]}): " in text


def test_the_story_line_says_why_in_names_never_terms_or_a_score(demo) -> None:  # type: ignore[no-untyped-def]
    from tui.screens.main import story_note

    store = Store(demo.db_path)
    try:
        ids = [row[0] for row in store.conn().execute("SELECT id FROM articles WHERE story_match IS NOT NULL")]
        notes = [story_note(store, store.article(i)) for i in ids]  # type: ignore[arg-type]
    finally:
        store.close()
    notes = [n for n in notes if n]
    assert notes and not any("score" in n or "joined on" in n for n in notes)
    assert any("both quote Anna Karapetyan" in n for n in notes), notes
