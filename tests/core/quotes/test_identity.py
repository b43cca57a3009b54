"""One person, one name (issue 21, item 3): the rules of tui/core/quotes/identity.py, inside an
article and across the cache, each with the case it must leave alone."""

from __future__ import annotations

from tui.core.models import Actor, NameUse, Quote
from tui.core.quotes.identity import article_names, cache_names, two_name_pairs


def actor(name: str, kind: str = "person", aliases: tuple[str, ...] = (), mentions: int = 1) -> Actor:
    return Actor(name, kind, None, aliases, mentions, 0, ())


def quote(speaker: str) -> Quote:
    return Quote(speaker, "words", "direct", "said", 0, 5, 0.9)


def fulls(actors: list[Actor], speakers: list[str]) -> dict[str, str]:
    return {alias: full for alias, full, _ in article_names(actors, [quote(s) for s in speakers])}


# -- inside an article ------------------------------------------------------------------------


def test_short_forms_resolve_to_the_full_name_the_article_gives() -> None:
    names = fulls([actor("Donald Trump"), actor("Ren Guoqiang"), actor("Hua Chunying"), actor("Hua")],
                  ["Trump", "Mr. Trump", "Ren", "Hua", "President Donald Trump"])
    assert names["Trump"] == names["Mr. Trump"] == names["President Donald Trump"] == "Donald Trump"
    assert names["Ren"] == "Ren Guoqiang"
    assert names["Hua"] == "Hua Chunying"        # two actors of one person, as the issue found them


def test_a_first_name_alone_resolves_in_its_article() -> None:
    assert fulls([actor("Uma Thurman")], ["Uma"])["Uma"] == "Uma Thurman"


def test_an_alias_the_extractor_tied_wins_over_the_surname_rule() -> None:
    names = fulls([actor("Donald Trump", aliases=("Trump",)), actor("Melania Trump")], ["Trump"])
    assert names["Trump"] == "Donald Trump"


def test_a_short_name_two_full_names_fit_stays_as_written_without_mr() -> None:
    names = fulls([actor("Donald Trump"), actor("Melania Trump")], ["Mr. Trump", "Pope Francis"])
    assert names["Mr. Trump"] == "Trump"
    assert names["Pope Francis"] == "Pope Francis"   # a title with no full name found stays


def test_a_capital_speaking_for_its_government_is_no_person_s_first_name() -> None:
    assert fulls([actor("Astana Hub")], ["Astana"])["Astana"] == "Astana"
    assert cache_names([use(1, 1, "Astana Hub"), use(2, 1, "Astana")])[(2, "Astana")] == "Astana"


def test_the_main_subject_is_not_a_relative_named_in_passing() -> None:
    # "This Is Why Uma Thurman Is Angry": "Thurman" 31 times, her father "Robert Thurman" once
    names = fulls([actor("Thurman", mentions=31), actor("Robert Thurman")], ["Thurman"])
    assert names["Thurman"] == "Thurman"


def test_a_one_word_name_typed_as_an_organisation_still_finds_its_person() -> None:
    names = dict((a, (f, k)) for a, f, k in article_names([actor("Hua Chunying"), actor("Hua", "organisation")], []))
    assert names["Hua"] == ("Hua Chunying", "person")


def test_organisations_in_an_article_longer_form_owned_by_a_country() -> None:
    names = fulls([actor("US State Department", "organisation"), actor("State Department", "organisation"),
                   actor("Foreign Ministry", "organisation"), actor("Ex-Foreign Ministry", "organisation")], [])
    assert names["State Department"] == "US State Department"
    assert names["Foreign Ministry"] == "Foreign Ministry"   # "Ex-" is no country


def test_unnamed_sources_and_places_are_not_names() -> None:
    names = fulls([actor("Geneva", "place")], ["officials", "Trump"])
    assert "officials" not in names and "Geneva" not in names


# -- across the cache -------------------------------------------------------------------------


def use(article: int, story: int | None, alias: str, full: str | None = None, kind: str = "person") -> NameUse:
    return NameUse(article, story, alias, full or alias, kind)


def test_a_short_name_takes_the_full_name_seen_with_it_in_its_story() -> None:
    uses = [use(1, 7, "Thurman", "Uma Thurman"), use(1, 7, "Uma Thurman"),
            use(2, 7, "Thurman"), use(2, 7, "Robert Thurman"),      # her father, named in passing
            use(3, 9, "Robert Thurman")]
    shown = cache_names(uses)
    assert shown[(2, "Thurman")] == "Uma Thurman"
    assert shown[(2, "Robert Thurman")] == "Robert Thurman"


def test_a_short_name_takes_a_full_name_of_its_story_that_fits() -> None:
    uses = [use(1, 7, "Hua Chunying"), use(2, 7, "Hua"), use(3, 8, "Hua Guofeng")]
    assert cache_names(uses)[(2, "Hua")] == "Hua Chunying"


def test_a_short_name_takes_the_only_full_name_of_the_cache_that_fits() -> None:
    uses = [use(1, 1, "Harvey Weinstein"), use(2, None, "Weinstein"), use(3, 5, "Weinstein")]
    shown = cache_names(uses)
    assert shown[(2, "Weinstein")] == shown[(3, "Weinstein")] == "Harvey Weinstein"


def test_ambiguity_across_the_cache_leaves_the_name_as_written() -> None:
    uses = [use(1, 1, "Kim Jong-un"), use(2, 2, "Kim Yong-hyun"), use(3, 3, "Kim"),
            use(4, 4, "Tony Molina"), use(5, 5, "Tony")]      # a first name alone: only in its story
    shown = cache_names(uses)
    assert shown[(3, "Kim")] == "Kim"
    assert shown[(5, "Tony")] == "Tony"


def test_spellings_of_one_name_show_as_the_most_used() -> None:
    uses = [use(1, 1, "Kim Jong-un"), use(2, 2, "Kim Jong-un"), use(3, 3, "Kim Jong Un"),
            use(4, 4, "Francois Hollande"), use(5, 5, "François Hollande"), use(6, 6, "François Hollande"),
            use(7, 7, "Donald Trump"), use(8, 8, "Donald Trump Jr."),
            use(9, 9, "NASA", kind="organisation"), use(10, 10, "Nasa", kind="organisation")]
    shown = cache_names(uses)
    assert shown[(3, "Kim Jong Un")] == "Kim Jong-un"
    assert shown[(4, "Francois Hollande")] == "François Hollande"
    assert shown[(8, "Donald Trump Jr.")] == "Donald Trump Jr."     # the son is another man
    assert shown[(10, "Nasa")] == "NASA"                            # a tie: the capitals


def test_an_organisation_s_short_form_resolves_in_its_story_only() -> None:
    uses = [use(1, 1, "US State Department", kind="organisation"), use(2, 1, "State Department", kind="organisation"),
            use(3, 2, "State Department", kind="organisation"),
            use(4, 3, "New York Times", kind="organisation"), use(5, 3, "Los Angeles Times", kind="organisation"),
            use(6, 3, "Times", kind="organisation")]
    shown = cache_names(uses)
    assert shown[(2, "State Department")] == "US State Department"
    assert shown[(3, "State Department")] == "State Department"      # another story: no guess
    assert shown[(6, "Times")] == "Times"                            # two papers fit


def test_the_measure_counts_every_name_a_reader_sees_split() -> None:
    pairs = two_name_pairs([("Trump", "person"), ("Donald Trump", "person"), ("Melania Trump", "person"),
                            ("NASA", "organisation"), ("Nasa", "organisation"), ("officials", "person")])
    assert set(pairs) == {("Trump", "Donald Trump"), ("Trump", "Melania Trump"), ("NASA", "Nasa")}


# -- titles, initials, organisations' variants and acronyms ---------------------------------------


def test_honorifics_of_many_countries_are_stripped_for_matching() -> None:
    uses = [use(1, 1, "Alhaji Lai Mohammed"), use(2, 2, "Lai Mohammed"), use(3, 3, "Lai Mohammed"),
            use(4, 4, "Mallam Garba Shehu"), use(5, 5, "Garba Shehu"), use(6, 6, "Asst Ch Con Robin Smith"),
            use(7, 7, "Robin Smith"), use(8, 8, "Robin Smith")]
    shown = cache_names(uses)
    assert shown[(1, "Alhaji Lai Mohammed")] == "Lai Mohammed"
    assert shown[(6, "Asst Ch Con Robin Smith")] == "Robin Smith"
    assert shown[(4, "Mallam Garba Shehu")] == shown[(5, "Garba Shehu")]
    assert fulls([actor("Alhaji Lai Mohammed")], ["Lai Mohammed"])["Lai Mohammed"] == "Alhaji Lai Mohammed"


def test_initials_must_agree_with_the_full_name() -> None:
    names = fulls([actor("Rex W. Tillerson")], ["W. Tillerson", "Tillerson", "Rex Tillerson", "J. Tillerson"])
    assert names["W. Tillerson"] == names["Tillerson"] == names["Rex Tillerson"] == "Rex W. Tillerson"
    assert names["J. Tillerson"] == "J. Tillerson"         # a first initial that is not Rex's
    shown = cache_names([use(1, 1, "W. Tillerson"), use(2, 2, "Tillerson"),
                         use(3, 3, "W. Smith"), use(4, 4, "J. Smith"), use(5, 5, "Smith")])
    assert shown[(2, "Tillerson")] == "W. Tillerson"       # the one initialled form, no full name known
    assert shown[(5, "Smith")] == "Smith"                   # two: left apart


def test_organisation_spelling_variants_and_acronyms_within_a_story() -> None:
    org = "organisation"
    uses = [use(1, 1, "All Nippon Airways", kind=org), use(2, 1, "All-Nippon Airways", kind=org),
            use(3, 1, "ANA", kind=org), use(4, 2, "ANA", kind=org),
            use(5, 3, "National Aeronautics and Space Administration", kind=org), use(6, 3, "NASA", kind=org),
            use(7, 4, "American Nurses Association", kind=org), use(7, 4, "Americans for National Arts", kind=org),
            use(8, 4, "ANA", kind=org), use(9, 5, "South Korea's military", kind=org),
            use(10, 6, "South Korea’s military", kind=org)]
    shown = cache_names(uses)
    assert shown[(1, "All Nippon Airways")] == shown[(2, "All-Nippon Airways")] == shown[(3, "ANA")]
    assert shown[(3, "ANA")] in ("All Nippon Airways", "All-Nippon Airways")
    assert shown[(6, "NASA")] == "National Aeronautics and Space Administration"
    assert shown[(4, "ANA")] == "ANA"          # another story: never cache-wide
    assert shown[(8, "ANA")] == "ANA"          # two names with those initials: left apart
    assert shown[(9, "South Korea's military")] == shown[(10, "South Korea’s military")]
    names = fulls([actor("Korean Central News Agency", org), actor("KCNA", org)], [])
    assert names["KCNA"] == "Korean Central News Agency"


# -- round 4: read off every speaker name of events-dev --------------------------------------------


def _cache(*rows: tuple[int, int | None, str, str, str]) -> dict[tuple[int, str], str]:
    return cache_names([NameUse(*row) for row in rows])


def test_a_misspelt_name_is_the_name_its_story_spells_more_often() -> None:
    shown = _cache((1, 1, "Manuel Valls", "Manuel Valls", "person"),
                   (2, 1, "Manuel Valls", "Manuel Valls", "person"),
                   (3, 1, "Manual Valls", "Manual Valls", "person"),
                   (4, 2, "Eric Drattell", "Eric Drattell", "person"),
                   (5, 2, "Eric Drattell", "Eric Drattell", "person"),
                   (6, 2, "Eric Dartell", "Eric Dartell", "person"),
                   (7, 3, "Bernard Cazeneuve", "Bernard Cazeneuve", "person"),
                   (8, 3, "Bernard Cazeneuve", "Bernard Cazeneuve", "person"),
                   (9, 4, "Bernard Cazaneuve", "Bernard Cazaneuve", "person"))
    assert shown[(3, "Manual Valls")] == "Manuel Valls"
    assert shown[(6, "Eric Dartell")] == "Eric Drattell"
    assert shown[(9, "Bernard Cazaneuve")] == "Bernard Cazeneuve"   # a letter of a long surname: anywhere


def test_brothers_and_short_namesakes_stay_apart() -> None:
    shown = _cache((1, 1, "Eric Paddock", "Eric Paddock", "person"),
                   (2, 1, "Patrick Paddock", "Patrick Paddock", "person"),
                   (3, 2, "Tony Molina", "Tony Molina", "person"), (4, 3, "Tony Molino", "Tony Molino", "person"))
    assert shown[(1, "Eric Paddock")] == "Eric Paddock" and shown[(2, "Patrick Paddock")] == "Patrick Paddock"
    assert shown[(4, "Tony Molino")] == "Tony Molino"          # another story, a short surname: not a typo


def test_a_credit_glued_to_a_name_is_that_person() -> None:
    shown = _cache((1, 1, "Zhang Yuanxun", "Zhang Yuanxun", "person"),
                   (2, 1, "China DailyZhang Yuanxun", "China DailyZhang Yuanxun", "organisation"))
    assert shown[(2, "China DailyZhang Yuanxun")] == "Zhang Yuanxun"


def test_legal_forms_small_words_and_initials_of_an_organisation_are_one_name() -> None:
    shown = _cache((1, 1, "Broadcom Ltd", "Broadcom Ltd", "organisation"),
                   (2, 2, "Broadcom", "Broadcom", "organisation"),
                   (3, 3, "UN Security Council", "UN Security Council", "organisation"),
                   (4, 4, "United Nations Security Council", "United Nations Security Council", "organisation"),
                   (5, 5, "International Committee for the Red Cross", "International Committee for the Red Cross",
                    "organisation"),
                   (6, 6, "International Committee of the Red Cross", "International Committee of the Red Cross",
                    "organisation"),
                   (7, 7, "Nigeria's government", "Nigeria's government", "organisation"),
                   (8, 8, "Nigerian government", "Nigerian government", "organisation"))
    assert shown[(1, "Broadcom Ltd")] == shown[(2, "Broadcom")] == "Broadcom"
    assert shown[(3, "UN Security Council")] == shown[(4, "United Nations Security Council")]
    assert shown[(5, "International Committee for the Red Cross")] == \
        shown[(6, "International Committee of the Red Cross")]
    assert shown[(7, "Nigeria's government")] == shown[(8, "Nigerian government")]


def test_the_first_word_of_an_organisation_is_it_only_when_the_full_name_is_as_common() -> None:
    shown = _cache((1, 1, "Goldman", "Goldman", "organisation"),
                   (2, 1, "Goldman Sachs", "Goldman Sachs", "organisation"),
                   (3, 1, "Goldman Sachs Group Inc", "Goldman Sachs Group Inc", "organisation"),
                   (4, 2, "Google", "Google", "organisation"), (5, 2, "Google", "Google", "organisation"),
                   (6, 2, "Google Camera", "Google Camera", "organisation"))
    assert shown[(1, "Goldman")] == shown[(3, "Goldman Sachs Group Inc")] == "Goldman Sachs"
    assert shown[(4, "Google")] == "Google" and shown[(6, "Google Camera")] == "Google Camera"


def test_inside_an_article_a_cut_name_and_a_misspelt_surname_find_their_full_name() -> None:
    names = fulls([actor("All Nippon Airways", "organisation", mentions=3), actor("Nippon", "organisation"),
                   actor("Ofer Shacham")], ["Schacham"])
    assert names["Nippon"] == "All Nippon Airways"
    assert names["Schacham"] == "Ofer Shacham"


def test_a_description_ending_in_a_name_is_that_name() -> None:
    names = fulls([actor("Nice Matin", "organisation"), actor("United Nations", "organisation")],
                  ["the regional daily Nice Matin", "the United Nations", "the US ambassador to the United Nations"])
    assert names["the regional daily Nice Matin"] == "Nice Matin"
    assert names["the United Nations"] == "United Nations"
    assert "the US ambassador to the United Nations" not in names
