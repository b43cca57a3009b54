"""What a reader is shown: calibrated confidence, one shown threshold, and the rules behind real-news precision."""

from __future__ import annotations

from pathlib import Path

from tui.cli.main import main
from tui.core.models import SHOWN_CONFIDENCE
from tui.core.quotes.boilerplate import mask
from tui.core.quotes.confidence import calibrated
from tui.core.quotes.extractor import Quote, analyse


def shown(text: str) -> list[Quote]:
    return list(analyse(text).shown())


def actors(text: str) -> dict[str, str]:
    return {a.name: a.kind for a in analyse(text).actors}


# ------------------------------------------------------------------------------- the threshold


def test_extract_json_returns_shown_quotes_and_all_adds_the_guesses(tmp_path: Path, capsys) -> None:
    page = tmp_path / "a.txt"
    page.write_text("Maria Lopez said the bridge would reopen in May. Maria Lopez wants to buy the old mill by June.",
                    encoding="utf-8")
    import json

    assert main(["extract", "--json", str(page)]) == 0
    default = json.loads(capsys.readouterr().out)["quotes"]
    assert main(["extract", "--json", "--all", str(page)]) == 0
    everything = json.loads(capsys.readouterr().out)["quotes"]
    assert [q["text"] for q in default] == ["the bridge would reopen in May"]
    assert all(q["confidence"] >= SHOWN_CONFIDENCE for q in default)
    guesses = [q for q in everything if q["confidence"] < SHOWN_CONFIDENCE]
    assert [q["text"] for q in guesses] == ["to buy the old mill by June"]       # "wants": an intention


def test_the_threshold_has_one_name() -> None:
    """The store and the UI read models.SHOWN_CONFIDENCE itself: no re-export, no alias."""
    import tui.core.store
    import tui.core.store.query
    import tui.core.store.search

    assert "SHOWN_CONFIDENCE" not in tui.core.store.__all__
    assert "SHOWN_CONFIDENCE" not in tui.core.store.search.__all__
    assert not hasattr(tui.core.store.query, "SPEAKER_CONFIDENCE")


def test_confidence_is_a_rate_per_class() -> None:
    assert calibrated("direct", "after", "person name") > calibrated("direct", "next-paragraph", "person name")
    assert calibrated("indirect", "attitude", "person name", "criticized") >= SHOWN_CONFIDENCE
    assert calibrated("indirect", "attitude", "person name", "decided") < SHOWN_CONFIDENCE
    assert calibrated("direct", "after", "none") < SHOWN_CONFIDENCE


def test_a_quote_whose_speaker_is_not_resolved_is_not_shown() -> None:
    for text in ("“We will rebuild the pier,” the crowd chanted.",
                 "The letter added that the pier would be rebuilt by May."):
        [quote] = analyse(text).quotes
        assert quote.speaker is None and quote not in shown(text), text   # never "(unattributed)"


def test_unnamed_sources_are_shown_and_marked() -> None:
    [quote] = shown("A senior official said the talks would resume on Monday in Geneva.")
    assert quote.speaker == "a senior official" and quote.unnamed


# ------------------------------------------------------------------------- actions are no quotes


def test_action_verbs_are_guesses_not_quotes() -> None:
    for text in ("Joe Maddon called for his closer, Aroldis Chapman, in the eighth inning.",
                 "Apple has refused to pay some licensing fees to the chipmaker.",
                 "Carson Palmer decided to retire after 15 seasons in the league."):
        assert shown(text) == [], text


def test_an_attitude_holding_the_speakers_quoted_words_is_shown() -> None:
    [quote] = shown("Elchin Mammadli met officials. Mammadli called the protocol “a practical step” for both sides.")
    assert quote.speaker == "Elchin Mammadli" and "a practical step" in quote.text
    assert shown("Quentin Tarantino responded to the “New York Times” profile of the actress on Monday.") == []


def test_tweeted_photos_is_no_reported_speech() -> None:
    assert shown("Chrissy Teigen tweeted photos, videos and updates as they waited to resume the trip.") == []


def test_inverted_trailing_clause_needs_the_subject_to_end_the_sentence() -> None:
    text = ("Dean Johnson, a 55-year-old salesman from Sumter, says Cruz will leave here with momentum.")
    assert not any(q.text.startswith("Dean Johnson") for q in analyse(text).quotes)


def test_a_photo_caption_is_no_source() -> None:
    text = "Michael Neu, 67, is pictured being taken into custody for wire fraud, according to the Slidell Police."
    assert analyse(text).quotes == ()


def test_reported_quote_stops_where_the_authors_words_run_on() -> None:
    text = ("Hollande said that “we cannot prolong the state of emergency eternally,” a massive white truck came "
            "crashing through in Nice.")
    [quote] = [q for q in analyse(text).quotes if q.kind == "indirect"]
    assert "truck" not in quote.text


# ------------------------------------------------------------------------------------ speakers


def test_she_says_goes_on_with_the_subject_of_the_story_not_the_last_name() -> None:
    text = ("Uma Thurman got to know Weinstein and his first wife, Eve, in the afterglow of the film.\n"
            "“I knew him pretty well before he attacked me,” she said.\n"
            "Things soon went off-kilter in a meeting in his Paris hotel room. “It went right over my head,” she says.")
    assert {q.speaker for q in shown(text) if q.kind == "direct"} == {"Uma Thurman"}


def test_a_description_resolves_to_the_company_met_earlier() -> None:
    text = ("Goldman Sachs Group Inc. will take a hit from the tax law. The banking giant said on Friday that "
            "profits would fall by 5 billion dollars.")
    assert [q.speaker for q in shown(text)] == ["Goldman Sachs Group Inc"]


# -------------------------------------------------------------------------------------- actors


def test_a_role_glued_before_a_name_is_the_role() -> None:
    found = analyse("Federation Council Security Committee Franz Klintsevich said the strike was illegal.").actors
    person = next(a for a in found if a.kind == "person")
    assert person.name == "Franz Klintsevich" and person.role == "Federation Council Security Committee"
    mayor = next(a for a in analyse("Mayor of Chicago Rahm Emanuel posted a message.").actors)
    assert (mayor.name, mayor.role) == ("Rahm Emanuel", "Mayor of Chicago")


def test_a_bank_named_after_a_place_stays_one_organisation() -> None:
    assert actors("Bank of America Merrill Lynch said so.") == {"Bank of America Merrill Lynch": "organisation"}


def test_all_nippon_airways_keeps_its_first_word() -> None:
    assert actors("Passengers boarded the All Nippon Airways flight.") == {"All Nippon Airways": "organisation"}


def test_weapons_teams_and_indexes_are_no_actors() -> None:
    text = ("The ICBM flew 19 minutes. SWAT teams gathered on the 32nd floor. "
            "According to the Global Terrorism Index, deaths rose.")
    assert actors(text) == {}


def test_a_gallery_caption_is_boilerplate() -> None:
    text = "4/34 27 November 2017 David Jones and Margaret Tyler wait outside Kensington Palace\nThe couple met."
    assert "David Jones" not in mask(text)
    assert "David Jones" not in actors(text)


def test_the_authors_comment_after_a_trailing_cue_is_not_the_reported_clause() -> None:
    text = ("Armenia will boycott next week's summit of the security bloc in Minsk, its government said on "
            "Thursday, the latest sign of Yerevan's drift away from its traditional ally.")
    reported = [q.text for q in analyse(text).quotes if q.kind == "indirect"]
    assert reported == ["Armenia will boycott next week's summit of the security bloc in Minsk"]


def test_content_after_a_time_and_comma_is_still_reported_when_it_is_a_clause() -> None:
    text = "Lilit Harutyunyan said on Thursday, the alliance had failed to help Armenia in 2021."
    reported = [q.text for q in analyse(text).quotes if q.kind == "indirect"]
    assert reported == ["the alliance had failed to help Armenia in 2021"]
