"""Round 9 of the actor rules (issue 21): names across a caption's start, a first name that is also a country,
a town that "said", outlets typed as people, all-caps labels, a first name the list lacks before one it has."""

from __future__ import annotations

from tui.core.quotes.actors import build_actors
from tui.core.quotes.extractor import analyse


def kinds(text: str) -> dict[str, str]:
    return {e.name: e.kind for e in build_actors(text).entities}


def shown_actors(text: str) -> dict[str, str]:
    return {a.name: a.kind for a in analyse(text).shown_actors()}


_TITLE = "Photos: Bastille Day terror: Harrowing images of truck attack in Nice"


def test_a_repeated_gallery_title_ends_before_the_captions_first_word() -> None:
    captions = ["A woman cries near the scene.", "Authorities confirmed that the driver was killed by police.",
                "Police seal off the area around the scene.", "A forensics team inspects the truck.",
                "French President François Hollande said the state of emergency would be extended."]
    text = "Scores were killed in Nice, France, on Thursday.\n" + " ".join(
        f"{_TITLE} {caption} Hide Caption {n} of 5" for n, caption in enumerate(captions, 1))
    found = build_actors(text)
    names = {e.name for e in found.entities}
    assert "Nice Authorities" not in names and "Nice Police" not in names
    hollande = next(e for e in found.entities if e.name == "François Hollande")
    assert hollande.role == "French President"


def test_a_first_name_that_is_a_country_is_the_persons_first_name() -> None:
    text = ("Photos: Shocking celebrity splits Singer Avril Lavigne confirmed that she and hubby of two years Chad "
            "Kroeger separated. \"It is with heavy heart that Chad and I announce our separation today,\" she said.")
    found = kinds(text)
    assert "Chad" not in found and found.get("Chad Kroeger") == "person"


def test_the_country_stays_a_place_when_no_one_is_so_named() -> None:
    text = "The heads of the armies of Nigeria, Chad, Niger and Benin met in Niamey. Chad sent troops in July."
    assert kinds(text).get("Chad") == "place"


def test_a_town_before_a_role_noun_does_not_speak() -> None:
    text = ("Nearly 80 people were killed on Thursday on Nice's Promenade des Anglais, the Nice prosecutor said. "
            "\"This is a preliminary assessment,\" said Jean-Michel Priest, prosecutor of Nice. The truck stopped "
            "in Nice. Barack Obama condemned the attack in Nice, France.")
    assert kinds(text).get("Nice") != "person"


def test_a_clause_after_but_is_no_apposition_of_a_word_opening_the_sentence() -> None:
    text = ("Sure, but you might have said the same about Intel back when, say, the company invested in smart "
            "eyewear. Intel said it would go on.")
    assert "Sure" not in kinds(text)


def test_news_outlets_are_organisations() -> None:
    text = ("A journalist for Agence France-Presse said that the white truck rushed at full speed into the crowd. "
            "Forty-two people were in critical condition, according to the regional daily Nice Matin, which "
            "posted photographs of the truck.")
    found = kinds(text)
    assert found.get("Agence France-Presse") == "organisation"
    assert found.get("Nice Matin") in {"organisation", None}


def test_official_after_a_possessive_is_an_adjective_not_a_role() -> None:
    text = ("\"The US should know that it can neither browbeat the DPRK nor make it flinch,\" North Korea’s official "
            "Rodong Sinmun said later on Tuesday.")
    found = build_actors(text)
    paper = [e for e in found.entities if e.name == "Rodong Sinmun"]
    assert not paper or (paper[0].kind != "person" and paper[0].role is None)


def test_the_subject_of_the_next_clause_is_no_apposition() -> None:
    text = ("In an interview with Deadline Hollywood, the director said he heard that Uma was trepidatious about "
            "the driving shot. He said it was just driving.")
    assert kinds(text).get("Deadline Hollywood") != "person"


def test_a_place_on_another_place_is_two_places() -> None:
    text = ("Rescue workers help an injured woman in Nice on the French Riviera. The missile flew over Cape Erimo "
            "on Hokkaido. The Brent Scowcroft Center on International Security said so.")
    found = kinds(text)
    assert "Nice on the French Riviera" not in found and "Cape Erimo on Hokkaido" not in found
    assert found.get("Cape Erimo") == "place"
    assert found.get("Brent Scowcroft Center on International Security") == "organisation"


def test_all_caps_labels_are_no_actors() -> None:
    text = ("LAS VEGAS BLVD. FESTIVAL GROUNDS People fled in this direction GILES ST. NORTH Many victims lay on the "
            "grass.\nRelated stories OH NO, MO Moeen Ali doubt to bowl in Second Test.")
    found = kinds(text)
    assert "GILES ST" not in found and "OH NO" not in found


def test_a_shouted_suffix_is_the_persons_suffix() -> None:
    text = "When play resumed, the Cubs led, but Carl Edwards JR could not close out the game."
    found = kinds(text)
    assert "Carl Edwards JR" not in found
    assert found.get("Carl Edwards Jr.") in {"person", None}


def test_an_outlet_told_then_the_reported_clauses_subject() -> None:
    text = ("But Koichi Nakano, a professor at Sophia University, told CNN Abe's opponents are angry. \"We don't "
            "know if Abe has a hidden objective,\" Nakano said.")
    assert "CNN Abe" not in kinds(text)


def test_a_first_name_the_list_lacks_is_no_role_before_one_it_has() -> None:
    text = ("The first Chibok student to be recovered was Amina Ali Nkeki, who was found in May. Amina Ali told CNN "
            "in August that she was held hostage for two years.")
    found = build_actors(text)
    assert "Ali Nkeki" not in {e.name for e in found.entities}
    assert any(e.name == "Amina Ali Nkeki" and e.role is None for e in found.entities)


def test_a_role_word_before_a_first_name_stays_the_role() -> None:
    text = "Physicist David Wright, of the Union of Concerned Scientists, said the missile could reach Alaska."
    wright = next(e for e in build_actors(text).entities if e.name == "David Wright")
    assert wright.role == "Physicist"


def test_king_county_is_a_place_not_a_king() -> None:
    text = ("The emails were obtained via a request to the King County Prosecutor’s Office. A King County "
            "prosecutor said the tech community is a major buyer.")
    found = kinds(text)
    assert "County" not in found and "County Prosecutor" not in found
    assert found.get("King County") == "place"


def test_a_name_in_apposition_to_someones_relation_is_a_person() -> None:
    text = ("The director also addressed allegations by his girlfriend at the time, Mira Sorvino, and by Thurman "
            "that they had been victims of misconduct.")
    assert kinds(text).get("Mira Sorvino") == "person"


def test_a_days_name_is_no_actor() -> None:
    text = ("Hillary Clinton is marking several Super Tuesday victories with a rally in Miami. She declared “What a "
            "Super Tuesday!” and said that her campaign would go on. Sanders won on Tuesday.")
    assert "Super" not in kinds(text)


def test_an_honorific_before_a_common_word_is_no_person() -> None:
    text = ("Carl Edwards Jr., who had dressed as Mr. Incredible on a Halloween plane ride, tried to get the save. "
            "It was an incredible night for young fans. Ms. Young said the vote would go ahead. Young said so.")
    found = kinds(text)
    assert "Incredible" not in found and "Mr. Incredible" not in found
    assert found.get("Young") == "person"


def test_a_state_team_is_an_organisation() -> None:
    text = "Unlike when they defeated the Golden State Warriors to win the NBA Championship, Cleveland lost."
    found = kinds(text)
    assert "Warriors" not in found and found.get("Golden State Warriors") in {"organisation", None}
