"""Candidates the rules once missed (issue 21, recall): appositions with commas, polls, clause ends."""

from __future__ import annotations

from quote_candidates import candidates


def test_a_name_opening_the_clause_speaks_past_an_apposition_with_commas() -> None:
    text = "Brianne Stone, 29, of Huntsville, Ala., says her biggest concern is global warming."
    assert candidates(text) == [("Brianne Stone", "indirect", "her biggest concern is global warming")]


def test_a_share_of_those_polled_is_an_unnamed_source() -> None:
    text = "In Vermont, about half of Democratic primary voters said they want a more liberal president."
    assert candidates(text) == [("about half of Democratic primary voters", "indirect",
                                  "they want a more liberal president")]


def test_a_second_speaker_ends_the_first_ones_words() -> None:
    text = ("Most said they were very worried about the economy, and more than 4 in 10 said Donald Trump "
            "would be best at handling it.")
    found = candidates(text)
    assert ("most", "indirect", "they were very worried about the economy") in found
    assert [q for _, _, q in found][-1] == "Donald Trump would be best at handling it"


def test_a_quotation_ending_the_sentence_before_does_not_block_a_report() -> None:
    text = ('Barack Obama condemned "what appears to be a horrific terrorist attack." He said he had directed '
            "his team to assist with the investigation.")
    assert ("Barack Obama", "indirect", "he had directed his team to assist with the investigation") \
        in candidates(text)


def test_a_company_described_by_where_it_is_based_is_the_one_named_before() -> None:
    text = "Goldman Sachs cut its forecast on Monday. The New York bank said the economy was slowing."
    assert candidates(text) == [("Goldman Sachs", "indirect", "the economy was slowing")]


def test_a_gallery_caption_keeps_its_prose_and_loses_its_label_title_and_counter() -> None:
    from tui.core.quotes.boilerplate import mask

    lines = ["Photos: Shocking celebrity splits In February comic Sarah Silverman tweeted that she and her partner "
             "broke up after four years. Hide Caption 1 of 59",
             "Photos: Shocking celebrity splits Actress Jennifer Hudson and David Otunga have broken up, according to "
             "a statement from her rep. Hide Caption 2 of 59"]
    whole = mask("\n".join(lines))
    assert len(whole) == len("\n".join(lines)) and "Hide" not in whole
    masked = [line.strip() for line in whole.split("\n") if line.strip()]   # each caption ends its line
    assert masked[0] == "In February comic Sarah Silverman tweeted that she and her partner broke up after four years."
    assert masked[1].startswith("Actress Jennifer Hudson")


def test_a_date_after_the_cue_is_no_part_of_what_was_said() -> None:
    text = "Actors Chris Pratt and Anna Faris announced August 6 that they were separating after eight years."
    assert [q for _, _, q in candidates(text)] == ["they were separating after eight years"]


def test_a_participle_of_saying_goes_with_the_subject_after_a_fronted_phrase() -> None:
    text = ("In five primaries on Tuesday night, Donald Trump mocked the front-runner, saying she would be a bad "
            "president.")
    assert ("Donald Trump", "indirect", "she would be a bad president") in candidates(text)


def test_a_participle_of_saying_goes_with_the_description_opening_the_sentence() -> None:
    text = "His chief aide doubled down on the attacks, saying she is experienced only on paper."
    assert candidates(text) == [("his chief aide", "indirect", "she is experienced only on paper")]


def test_a_colon_closing_the_paragraph_before_a_quote_introduces_it() -> None:
    text = 'The group said in a statement:\n\n"We will keep fighting for the families. This is only the start."'
    assert candidates(text) == [("the group", "direct",
                                  "We will keep fighting for the families. This is only the start.")]


def test_a_listener_named_as_a_common_noun_or_with_the_is_no_part_of_what_was_said() -> None:
    assert [q for _, _, q in candidates("Donald Trump told reporters the plan was working.")] == \
        ["the plan was working"]
    assert [q for _, _, q in candidates("Rob Calabrese told the National Post he had received hundreds of "
                                         "emails.")] == ["he had received hundreds of emails"]


def test_who_after_a_plain_noun_phrase_is_that_group() -> None:
    text = "Barack Obama rebuked critics who say he should condemn terrorists as radical Islamists."
    assert ("critics", "indirect", "he should condemn terrorists as radical Islamists") in candidates(text)


def test_a_that_clause_after_a_quoted_title_is_the_cue_s_content() -> None:
    text = 'On ABC News’s "This Week," Marco Rubio said that by refusing to say the words, Democrats are wrong.'
    assert ("Marco Rubio", "indirect", "by refusing to say the words, Democrats are wrong") in candidates(text)


def test_a_company_description_never_skips_back_past_a_name_to_an_unrelated_organisation() -> None:
    text = ("The logo appears on the floor of the New York Stock Exchange. Goldman Sachs expects a loss. "
            "The New York bank said two thirds of the hit is due to repatriation taxes.")
    speakers = [s for s, _, q in candidates(text) if q.startswith("two thirds")]
    assert speakers and speakers[0] != "New York Stock Exchange"
