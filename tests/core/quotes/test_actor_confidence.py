"""Actors a reader can trust: a confidence per class of evidence, and the rules that keep junk and wrong kinds out."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path

from tui.cli.main import main
from tui.core.models import SHOWN_CONFIDENCE, Actor
from tui.core.quotes.extractor import analyse


def shown_actors(text: str) -> dict[str, str]:
    return {a.name: a.kind for a in analyse(text).shown_actors()}


def speakers(text: str) -> list[str | None]:
    return [q.speaker for q in analyse(text).shown()]


# ------------------------------------------------------------------------------- what is shown


def test_extract_json_returns_shown_actors_and_all_adds_the_guesses(tmp_path: Path, capsys) -> None:
    page = tmp_path / "a.txt"
    page.write_text("Maria Lopez opened the mill on Monday. She flew to Showtime afterwards. "
                    "The mill employs forty people. Workers cheered.", encoding="utf-8")
    assert main(["extract", "--json", str(page)]) == 0
    default = json.loads(capsys.readouterr().out)["actors"]
    assert main(["extract", "--json", "--all", str(page)]) == 0
    everything = json.loads(capsys.readouterr().out)["actors"]
    assert [a["name"] for a in default] == ["Maria Lopez"]
    assert all(a["confidence"] >= SHOWN_CONFIDENCE for a in default)
    assert {a["name"] for a in everything} == {"Maria Lopez", "Showtime"}        # a place guessed from "to"


def test_the_side_panel_lists_only_sure_actors_in_kind_order(store) -> None:
    from tui.core.models import Outcome, ParsedEntry

    store.sync_feeds([("http://a.example/rss", "A", ())])
    feed_id = store.feed_id("http://a.example/rss")
    store.record_feed_result(feed_id, Outcome.OK, entries=[ParsedEntry(
        "g", "http://a.example/1", "T", None, datetime(2026, 11, 1, tzinfo=UTC), "text", "")])
    article_id = store.article_rows(limit=1)[0].id
    store.save_analyses([(article_id, [
        Actor("Yerevan", "place", None, (), 3, 0, ()),
        Actor("Lily", "person", None, (), 1, 5, (), confidence=0.4),
        Actor("Central Bank of Armenia", "organisation", None, (), 1, 9, (), confidence=0.95),
        Actor("Anna Karapetyan", "person", None, (), 2, 20, (), confidence=0.95),
    ], [])], version=1)
    assert [a.name for a in store.actors_of(article_id)] == ["Anna Karapetyan", "Central Bank of Armenia", "Yerevan"]
    assert "Lily" in [a.name for a in store.actors_of(article_id, min_confidence=0.0)]


# ------------------------------------------------------------------------------- the rules


def test_a_lone_forename_of_a_full_name_is_its_alias() -> None:
    analysis = analyse("Sarah Silverman and Michael Sheen have split. Sarah, 47, said it got hard. "
                       "“How is Michael?” fans asked. Sheen lives in Wales.")
    people = {a.name: a for a in analysis.actors if a.kind == "person"}
    assert set(people) == {"Sarah Silverman", "Michael Sheen"}
    assert "Sarah" in people["Sarah Silverman"].aliases and "Michael" in people["Michael Sheen"].aliases


def test_a_forename_two_full_names_share_is_not_shown() -> None:
    names = shown_actors("Michael Sheen met Michael Jordan in Wales. Michael laughed at the joke. "
                         "The two men talked for an hour.")
    assert "Michael" not in names and {"Michael Sheen", "Michael Jordan"} <= set(names)


def test_names_met_only_in_captions_and_link_lists_are_not_shown() -> None:
    text = ("Sarah Silverman announced the split on Monday.\n"
            "Splash News Michael Sheen and Sarah Silverman have broken up after four years\n"
            "The comedian said the distance had been hard.\n"
            "MOST READ IN TV & SHOWBIZ HOL ALONE Holly Willoughby hosts This Morning alone as Phil walks off set\n"
            "She thanked her fans for their support.\n")
    names = shown_actors(text)
    assert "Sarah Silverman" in names
    assert not {"Michael Sheen", "Holly Willoughby", "Phil"} & set(names)


def test_a_speaker_named_only_in_a_caption_gives_no_shown_quote() -> None:
    text = ("The pair announced their split on Monday.\n"
            "Twitter Comedienne Sarah said the pair had no big fight\n"
            "Fans were surprised by the news.\n"
            "The couple met in 2014.\n")
    assert speakers(text) == []


def test_a_capitalised_name_that_speaks_a_shown_quote_is_shown() -> None:
    names = shown_actors("“We all just knew that we had to run,” Dominique Molina said on Friday. "
                         "The crowd scattered along the seafront.")
    assert names.get("Dominique Molina") == "person"


def test_known_organisations_and_titles_are_no_people() -> None:
    names = shown_actors("Intel said its chips were safe. Intel shares fell. The British tabloid the Mirror says "
                         "the deal is off. Analysts disagreed.")
    assert names.get("Intel") == "organisation"
    assert "Mirror" not in names or names["Mirror"] == "organisation"


def test_a_place_only_guessed_from_a_preposition_is_hidden_a_city_of_is_shown() -> None:
    names = shown_actors("They met on the set of Showtime. Russia keeps a base in the northern city of Gyumri. "
                         "Officials declined to comment.")
    assert "Showtime" not in names and names.get("Gyumri") == "place"


def test_a_dateline_names_a_place() -> None:
    names = shown_actors("ALMATY, Nov 24 (Meridian Wire) - The two sides signed a protocol in Almaty on Tuesday. "
                         "Officials called it a small step.")
    assert names.get("Almaty") == "place"


def test_a_single_word_known_only_by_it_is_hidden() -> None:
    names = shown_actors("Chang'e will land next year. Chang'e carries its own rover. Chang'e is large. "
                         "Engineers are confident.")
    assert "Chang'e" not in names and "Chang’e" not in names


def test_a_first_name_keeps_a_surname_that_is_also_a_bill_or_a_demonym() -> None:
    analysis = analyse("Bill Clinton spoke in Nashua. Billionaire Mark Cuban would consider it.\n\n"
                       "“This is what I want to say,” Clinton told them.\n\n"
                       "“I would have the same conversation,” Cuban said.")
    assert {"Bill Clinton", "Mark Cuban"} <= {a.name for a in analysis.actors}
    assert [q.speaker for q in analysis.shown()] == ["Bill Clinton", "Mark Cuban"]


def test_a_full_name_with_a_first_name_owns_the_surname_over_a_title_run() -> None:
    text = ("Liberal Oscar-winner Sarandon ‘not sure’ about Clinton over Trump.\n\n"
            "Oscar-winning actress Susan Sarandon is not sure she can vote for Hillary Clinton.\n\n"
            "“That’s a legitimate concern,” Sarandon, 69, told MSNBC Monday.")
    assert speakers(text) == ["Susan Sarandon"]


def test_a_word_after_in_that_is_someones_surname_is_no_place() -> None:
    text = ("Insurgent tops institution in Sanders success\n\nBernie Sanders won New Hampshire.\n\n"
            "“Let me thank the volunteers,” Sanders said.")
    assert speakers(text) == ["Bernie Sanders"]
    assert "Sanders" not in shown_actors(text)


def test_the_north_is_the_country_named_before() -> None:
    analysis = analyse("North Korea fired a missile over Japan on Tuesday. The North says it will never give up "
                       "its weapons.")
    assert "North" not in {a.name for a in analysis.actors}
    assert [q.speaker for q in analysis.quotes] == ["North Korea"]


def test_the_email_speaks_for_whoever_sent_it() -> None:
    text = ("The Cruz campaign sent a fundraising email Wednesday.\n\n“Friend, let me be blunt,” the email read.")
    assert speakers(text) == ["Cruz"]


def test_a_first_name_and_a_camel_case_surname_is_a_person() -> None:
    assert shown_actors("Tom DeLay said he would vote for Sanders. The crowd cheered.").get("Tom DeLay") == "person"
