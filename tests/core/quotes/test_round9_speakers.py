"""Round 9 of issue 21 (seed 20261211): who said it, by general syntax."""

from __future__ import annotations

from quote_candidates import candidates

from tui.core.quotes.boilerplate import mask


def test_a_compass_word_is_the_state_the_story_named() -> None:
    text = ("North Korea fired a missile over Japan on Tuesday. Kim Jong Un watched the launch. Talks in North "
            "America went on. North Korea said it was a drill. The North routinely says it will never give up "
            "its nuclear weapons programs.")
    found = [(who, words) for who, _, words in candidates(text) if words.startswith("it will never")]
    assert found == [("North Korea", "it will never give up its nuclear weapons programs")]


def test_who_translated_a_speech_did_not_say_it() -> None:
    text = ("In his address, Kim Jong Un called for peace. \"North and South must work together to find peace,\" "
            "Kim said, according to a CNN translation of his speech.")
    found = candidates(text)
    assert all(who != "CNN" for who, _, _ in found)
    assert ("Kim Jong Un", "direct", "North and South must work together to find peace,") in found


def test_a_caption_line_gives_no_pronoun_its_antecedent() -> None:
    text = ("Tamika Mallory said she was scolded by the pilot. She told the pilot that she planned to file a "
            "complaint.\n"
            "Memphis Hustle coach Glynn Cyprien tweeted that the airline needs 'sensitivity training'\n"
            "'I sat down. I did not say one word to anybody,' she said.")
    found = [(who, words) for who, kind, words in candidates(text) if kind == "direct"]
    assert found == [("Tamika Mallory", "I sat down. I did not say one word to anybody,")]


def test_gallery_captions_in_one_line_each_end_a_sentence() -> None:
    line = " ".join(f"Photos: Bastille Day terror: Harrowing images of truck attack in Nice {caption} "
                    f"Hide Caption {n} of 3" for n, caption in enumerate(
                        ["A man sits next to the body of a victim following the attack early on Friday.",
                         "Authorities confirmed that the driver of the truck was killed by police officers.",
                         "Baby strollers are seen on the Promenade des Anglais in Nice, France, on Friday."], 1))
    masked = mask(line)
    assert len(masked) == len(line) and "Photos" not in masked and "Harrowing" not in masked
    assert [part.strip() for part in masked.split("\n") if part.strip()][1].startswith("Authorities confirmed")
    assert all(who != "Nice Authorities" for who, _, _ in candidates(line))


def test_a_described_advocate_is_the_person_the_passage_is_about() -> None:
    text = ("Shannon Watts, founder of Moms Demand Action, tweeted about the scene. Even Watts is frustrated by "
            "how much attention she has received.\n"
            "\"We are talking about leggings,\" the gun control advocate wrote on Medium.")
    assert ("Shannon Watts", "direct", "We are talking about leggings,") in candidates(text)


def test_the_statement_the_sentence_before_told_of_is_its_issuers() -> None:
    text = ("Credit agency giant Equifax said on Thursday that a breach of its cybersecurity system may have "
            "affected 143 million consumers in the United States as well as some data for British and Canadian "
            "residents.\nThe company, which safeguards financial data for consumers applying for credit, said in a "
            "statement it learned of the breach on July 29 and 'acted immediately' with the assistance of an "
            "independent cybersecurity firm to assess the impact.\n'Criminals exploited a US website application "
            "vulnerability to gain access to certain files,' the statement said.")
    found = [(who, words) for who, kind, words in candidates(text) if kind == "direct"]
    assert found == [("Equifax", "Criminals exploited a US website application vulnerability to gain access to "
                                 "certain files,")]


def test_a_said_colon_line_attributes_the_quote_paragraph_after_it() -> None:
    text = ("Prime Minister Shinzo Abe told reporters that his government was aware of the launch.\n"
            "Abe also said:\n"
            "\"The reckless act of firing a missile over our nation is a grave threat, and we have lodged a firm "
            "protest. \"We have also requested an emergency meeting of the U.N. Security Council.\"\n")
    found = [(who, words) for who, kind, words in candidates(text) if kind == "direct"]
    assert found and found[0][0] == "Shinzo Abe"
    assert found[0][1].startswith("The reckless act of firing a missile over our nation is a grave threat, and we "
                                  "have lodged a firm protest.")
