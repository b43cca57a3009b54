"""Round 9 of issue 21 (seed 20261211): what is said, and what is only the author's."""

from __future__ import annotations

from quote_candidates import candidates


def test_a_list_of_related_headlines_is_no_ones_words() -> None:
    text = ("Elon Musk shares first pic of futuristic underground tunnel\n"
            "Elon Musk says global race for A.I. will cause WW3\n"
            "Elon Musk reveals new SpaceX spacesuit\n")
    assert candidates(text) == []


def test_a_labelled_photo_caption_keeps_its_reported_words() -> None:
    text = ("Distance: Sarah Silverman explained that 'it got hard' to maintain the relationship as they 'live in "
            "different countries'\n"
            "Out and about: Silverman wore a black dress with fishnet stockings\n")
    assert [who for who, _, _ in candidates(text)] == ["Sarah Silverman"]


def test_what_an_interview_covers_is_not_what_was_said() -> None:
    text = ("In an extensive interview with Deadline, Quentin Tarantino tells all about his version of the events, "
            "including the parts of the story where it mentions the crash.")
    assert candidates(text) == []


def test_a_relatives_reported_predicate_ends_at_its_comma() -> None:
    text = ("The charge sheet included counts of aggravated assault against a soldier, who the army said was "
            "bruised on his brow by her punch, obstructing a soldier in the performance of his duty and throwing "
            "stones at troops.")
    assert [words for _, _, words in candidates(text)] == ["was bruised on his brow by her punch"]


def test_a_named_subject_inside_anothers_clause_owns_its_quoted_words() -> None:
    text = ("Col. Rob Manning said American officials are still assessing the launch and that the North American "
            "Aerospace Defense Command \"determined the missile launch did not pose a threat to North America.\"")
    found = {(who, words) for who, _, words in candidates(text)}
    assert ("Rob Manning", "American officials are still assessing the launch") in found
    assert ("North American Aerospace Defense Command",
            "determined the missile launch did not pose a threat to North America.") in found
