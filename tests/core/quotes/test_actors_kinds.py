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


def test_an_honorific_makes_a_person_of_a_word_the_gazetteer_knows() -> None:
    names = shown_actors("Mr. Moon, considered a dovish leader, ordered his government to act. \"We will deter "
                         "them,\" Mr. Moon said after a meeting of his National Security Council.")
    assert names.get("Moon") == "person"


def test_an_organisation_glued_to_a_place_or_a_title_is_the_organisation() -> None:
    names = shown_actors("CNN Tokyo reported the launch on Monday. SpaceX CEO Elon Musk said the rocket was "
                         "ready. The network said more tests would follow.")
    assert "CNN Tokyo" not in names and "SpaceX CEO" not in names
    assert names.get("Elon Musk") == "person"


def test_a_wire_credit_line_names_no_one_by_its_first_word() -> None:
    names = shown_actors("Seoul said it was ready, officials said on Monday.\n"
                         "(Additional reporting by Jack Kim; Editing by Lincoln Feast)")
    assert "Additional" not in names


def test_a_country_before_one_word_is_its_body() -> None:
    names = shown_actors("Incomes declined by 0.2% from 2005 to 2014, according to U.S. Census data, "
                         "analysts said on Monday.")
    assert "Census" not in names


def test_a_region_the_lexicon_calls_a_metonym_is_a_place() -> None:
    names = shown_actors("More than 700 brothels are based in Silicon Valley, the study said. Police in San Jose "
                         "said they would act.")
    assert names.get("Silicon Valley") == "place"


def test_a_work_and_its_number_is_no_actor() -> None:
    names = shown_actors("The film Home Alone 2: Lost in New York was a hit in 1992, critics said. Its star "
                         "Macaulay Culkin said he loved it.")
    assert "Alone" not in names and "Home Alone" not in names


def test_a_group_after_the_stays_an_actor() -> None:
    names = shown_actors("The Hollywood Chamber of Commerce has announced that it will not remove his star "
                         "on the Walk of Fame, a spokesman said.")
    assert names.get("Hollywood Chamber") == "organisation"


def test_a_verb_opening_a_sentence_is_no_part_of_a_name() -> None:
    names = shown_actors("Deploying Thaad would anger Beijing, analysts said. The Pentagon said the system was "
                         "defensive.")
    assert not any(name.startswith("Deploying") for name in names)


def test_a_common_word_opening_a_sentence_is_no_speaker() -> None:
    names = shown_actors("The Cubs won after 108 years, and the city will remember it. History will say the hero "
                         "was Ben Zobrist. Fans said history was made.")
    assert "History" not in names


def test_a_town_named_as_one_is_a_place() -> None:
    names = shown_actors("A truck drove into a crowd in the southern French city of Nice on Thursday. Officials "
                         "in Nice said 84 people died. The Nice attack shocked France, Hollande said.")
    assert names.get("Nice") in {"place", None}


def test_a_ship_is_no_actor() -> None:
    names = shown_actors("In the beginning, the USS Callister is rooted in a retro design, the designer said. "
                         "Netflix said the episode was popular.")
    assert "USS Callister" not in names
