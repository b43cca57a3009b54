"""Actors of the right kind, or none: teams, titles, common words capitalised, names glued to their neighbours."""

from __future__ import annotations

from tui.core.quotes.extractor import analyse


def shown_actors(text: str) -> dict[str, str]:
    return {a.name: a.kind for a in analyse(text).shown_actors()}


def test_a_team_after_the_is_an_organisation_not_a_person() -> None:
    names = shown_actors("The Cubs won the title on Wednesday night. Like the Boston Red Sox, who battled a curse "
                         "for decades, they had waited a long time. Fans filled the streets of Chicago.")
    assert names.get("Boston Red Sox") in {"organisation", None}
    assert "person" not in {kind for name, kind in names.items() if "Sox" in name}


def test_a_run_after_the_that_names_no_body_is_no_actor() -> None:
    names = shown_actors("The actress wore the official Space Fleet uniform in the episode. She said it was tight. "
                         "Less fun was the costume itself, said the designer.")
    assert "Space Fleet" not in names


def test_a_title_alone_is_no_person() -> None:
    names = shown_actors("Japan's Prime Minister, Shinzo Abe, issued instructions on Tuesday. The U.S. Ambassador "
                         "to the United Nations said the launch was reckless. Abe said Japan would respond.")
    assert "Minister" not in names and "Ambassador" not in names
    assert names.get("Shinzo Abe") == "person"


def test_a_body_named_with_and_is_one_name() -> None:
    names = shown_actors("Goldman Sachs said in a filing with the U.S. Securities and Exchange Commission on "
                         "Friday that the tax change would cost it $5 billion. The bank said it would recover.")
    assert "Securities" not in names and "Exchange Commission" not in names
    assert names.get("U.S. Securities and Exchange Commission") == "organisation"


def test_two_bodies_joined_by_and_stay_two() -> None:
    names = shown_actors("Harvey Weinstein was ousted on Sunday. The Miramax and Weinstein Company co-founder "
                         "denied the claims. Weinstein said he would fight.")
    assert "Miramax and Weinstein Company" not in names


def test_a_common_word_capitalised_is_no_organisation() -> None:
    names = shown_actors("Seoul said it was ready. A Government statement added: \"We are fully ready for any "
                         "threat.\" The Korean People's Army is the North's military, and the KPA said it would "
                         "respond.")
    assert "Government" not in names and "Army" not in names


def test_an_exercise_glued_to_the_words_after_it_is_no_actor() -> None:
    names = shown_actors("North Korea fired missiles after the start of the Ulchi Freedom Guardian South Korean-US "
                         "joint military exercises. The Pentagon said it was watching closely.")
    assert not any("Ulchi" in name or "Korean-US" in name for name in names)


def test_a_role_word_inside_a_name_is_no_role() -> None:
    names = shown_actors("The Singer Building in New York City was the world's tallest building in 1908. Fans of "
                         "the original “Star Trek.” will remember. Historians said it was demolished in 1968.")
    assert "Building" not in names and "Trek" not in names


def test_a_legal_form_or_a_weekday_alone_is_no_organisation() -> None:
    names = shown_actors("NPR transcripts are created on a rush deadline by Verb8tm, Inc., an NPR contractor. "
                         "The flight landed on Sun. Dec. 31, officials said.")
    assert "Inc" not in names and "Sun" not in names
