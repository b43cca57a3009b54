"""Watch and mute queries on a real cache: each term's meaning, counts that follow read state,
mutes hidden from every list, followed people and the news a refresh brings."""

from __future__ import annotations

import os
import sqlite3
from datetime import UTC, datetime

import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

from tui.core.models import Actor, Outcome, ParsedEntry, Quote, StoryMembership
from tui.core.query import QueryError, SavedQuery, parse
from tui.core.store import ArticleFilter, Store
from tui.core.store.migrations import MIGRATIONS, SCHEMA_VERSION

EXAMPLES = int(os.environ.get("BYLINE_FUZZ_EXAMPLES", "150"))
FEEDS = [("http://ledger.example/rss", "Caucasus Ledger", ("caucasus", "demo")),
         ("http://wire.example/atom", "Meridian Wire", ("world",)),
         ("http://circuit.example/rss", "Circuit Policy", ("technology", "demo"))]
# (feed index, guid, title, text, day of November 2026, story)
ARTICLES = [
    (0, "csto", "Yerevan will not attend CSTO summit", "Anna Karapetyan said the CSTO failed.", 26, 1),
    (1, "bloc", "Armenia to boycott Russia-led bloc", "The CSTO summit goes ahead in Minsk.", 26, 1),
    (2, "kovra", "Kovra Pay fined over leak", "The regulator fined Kovra Pay; Ketevan Şahin objected.", 20, 2),
    (0, "leak", "Kovra Pay leak: what users need to know", "Customers of Kovra Pay ask.", 21, 2),
    (1, "weather", "Snow closes the Lars pass", "Trucks wait at Upper Lars.", 18, None),
]


def entry(guid: str, title: str, text: str, day: int) -> ParsedEntry:
    return ParsedEntry(guid, f"http://e.example/{guid}", title, None,
                       datetime(2026, 11, day, 9, tzinfo=UTC), text, "")


def _fill(store: Store) -> None:
    """The feeds and their articles (no analyses, no stories)."""
    store.sync_feeds(FEEDS)
    for index, (url, _, _) in enumerate(FEEDS):
        feed_id = store.feed_id(url)
        assert feed_id is not None
        store.record_feed_result(feed_id, Outcome.OK, entries=[
            entry(guid, title, text, day) for feed, guid, title, text, day, _ in ARTICLES
            if feed == index])


@pytest.fixture
def demo(store: Store) -> dict[str, int]:
    """Five articles, quotes, actors and two stories; returns article ids by guid."""
    _fill(store)
    ids: dict[str, int] = {}
    for row in store.article_rows(limit=10):
        article = store.article(row.id)
        assert article is not None
        ids[article.guid] = row.id
    anna = Quote("Anna Karapetyan", "failed to fulfil its obligations", "direct", "said", 0, 10, 0.9)
    store.save_analyses([
        (ids["csto"], [Actor("Anna Karapetyan", "person", None, ("Karapetyan",), 2, 0, ())], [anna]),
        (ids["bloc"], [], [Quote("Anna Karapetyan", "we will not go", "direct", "said", 0, 5, 0.9),
                           Quote("Anna Karapetyan", "a guess", "direct", "believes", 0, 5, 0.2)]),
        (ids["kovra"], [Actor("Ketevan Şahin", "person", None, ("Şahin",), 1, 0, ())],
         [Quote("Ketevan Şahin", "we will appeal", "direct", "said", 0, 5, 0.8)]),
    ], version=1)
    store.save_memberships({ids[g]: StoryMembership(story, 1.0, (), None)
                            for _, g, _, _, _, story in ARTICLES if story})
    store.refresh_story_summaries([1, 2], headline=lambda titles, _current: sorted(titles)[-1])
    return ids


def titles(store: Store, text: str) -> set[str]:
    return {r.title for r in store.article_rows(ArticleFilter(query=parse(text)), limit=100)}


@pytest.mark.parametrize(("query", "guids"), [
    ("csto", {"csto", "bloc"}),
    ("CSTO summit", {"csto", "bloc"}),
    ('"CSTO summit"', {"csto", "bloc"}),
    ('"summit CSTO"', set()),
    ("kov*", {"kovra", "leak"}),
    ('"CSTO" AND tag:caucasus', {"csto"}),
    ("tag:CAUCASUS", {"csto", "leak"}),
    ("tag:demo", {"csto", "leak", "kovra"}),
    ("tag:nowhere", set()),
    ('feed:"circuit  POLICY"', {"kovra"}),
    ("feed:http://wire.example/atom", {"bloc", "weather"}),
    ("feed:Circuit", set()),
    ("speaker:karapetyan", {"csto", "bloc"}),
    ('speaker:"Anna Karapetyan"', {"csto", "bloc"}),
    ("speaker:Sahin", {"kovra"}),  # diacritics folded, as FTS5 does
    ("actor:KARAPETYAN", {"csto"}),
    ("actor:sahin", {"kovra"}),
    ("actor:ketevan", {"kovra"}),
    ("actor:Karapety", set()),  # whole words only
    ("story:1", {"csto", "bloc"}),
    ('story:"kovra pay"', {"kovra", "leak"}),
    ("NOT story:1", {"kovra", "leak", "weather"}),  # the article with no story is kept
    ("after:2026-11-21", {"csto", "bloc", "leak"}),
    ("before:2026-11-21", {"kovra", "weather"}),
    ("after:2026-11-20 before:2026-11-22", {"kovra", "leak"}),
    ("kovra OR snow", {"kovra", "leak", "weather"}),
    ("NOT kovra", {"csto", "bloc", "weather"}),
    ("(csto OR snow) NOT feed:\"Meridian Wire\"", {"csto"}),
    ("unread", {"csto", "bloc", "kovra", "leak", "weather"}),
    ("starred", set()),
])
def test_each_term_selects_the_right_articles(store: Store, demo: dict[str, int], query: str,
                                              guids: set[str]) -> None:
    expected = {title for _, g, title, _, _, _ in ARTICLES if g in guids}
    assert titles(store, query) == expected


def test_flags_follow_state(store: Store, demo: dict[str, int]) -> None:
    store.set_starred(demo["weather"], True)
    store.set_read([demo["csto"]])
    assert titles(store, "starred") == {"Snow closes the Lars pass"}
    assert "Yerevan will not attend CSTO summit" not in titles(store, "unread")


def test_story_followed(store: Store, demo: dict[str, int]) -> None:
    assert titles(store, "story:followed") == set()
    store.set_followed(2, True)
    assert titles(store, "story:followed") == {"Kovra Pay fined over leak",
                                               "Kovra Pay leak: what users need to know"}
    assert len(titles(store, "NOT story:followed")) == 3


def test_spans_count_back_from_now(store: Store, demo: dict[str, int]) -> None:
    # The demo articles are dated November 2026; the span is relative to the real clock.
    days = (datetime.now(UTC) - datetime(2026, 11, 22, tzinfo=UTC)).days
    if days < 1:
        pytest.skip("the clock is before the fixture's dates")
    assert titles(store, f"after:{days}d") == {"Yerevan will not attend CSTO summit",
                                               "Armenia to boycott Russia-led bloc"}


def test_user_text_never_enters_the_sql(store: Store, demo: dict[str, int]) -> None:
    hostile = "x'); DROP TABLE articles; --"
    for text in (f'"{hostile}"', f'feed:"{hostile}"', f'speaker:"{hostile}"',
                 f'actor:"{hostile}"', f'story:"{hostile}"', f'tag:"{hostile}"'):
        clause = store.query_clause(parse(text))
        assert "DROP" not in clause.sql and "x'" not in clause.sql
        assert titles(store, text) == set()
    assert store.count_articles() == 5


def test_watchlist_unread_count_follows_read_state(store: Store, demo: dict[str, int]) -> None:
    watch = ArticleFilter(query=parse("kovra OR csto"), unread_only=True)
    assert store.count_articles(watch) == 4
    store.set_read([demo["kovra"]])
    assert store.count_articles(watch) == 3
    assert store.mark_all_read(ArticleFilter(query=parse("kovra OR csto"))) == 3
    assert store.count_articles(watch) == 0
    assert store.count_articles(ArticleFilter(unread_only=True)) == 1  # the rest untouched


# -- mutes -------------------------------------------------------------------------------------


def test_mutes_hide_in_every_view_until_shown(store: Store, demo: dict[str, int]) -> None:
    store.set_mutes([parse('feed:"Circuit Policy"'), parse("snow")])
    hidden = {demo["kovra"], demo["weather"]}
    assert store.hidden_count() == 2
    assert {r.id for r in store.article_rows(limit=10)}.isdisjoint(hidden)
    assert store.count_articles() == 3
    assert store.count_articles(ArticleFilter(query=parse("kovra"))) == 1
    assert {f.name: f.unread_count for f in store.feeds()} == {
        "Caucasus Ledger": 2, "Meridian Wire": 1, "Circuit Policy": 0}
    assert [h.article_id for h in store.search("kovra")] == [demo["leak"]]
    assert all(h.article_id not in hidden for h in store.quote_hits(None, limit=20))
    assert store.quote_hits('"appeal"') == []
    stories = {s.id: s for s in store.stories()}
    assert (stories[2].article_count, stories[2].outlet_count) == (1, 1)
    assert [a.article_id for a in store.story_articles(2)] == [demo["leak"]]
    assert store.stories(min_outlets=2)[0].id == 1
    assert [p.speaker for p in store.quoted_people(2)] == []
    assert store.row_index(ArticleFilter(), demo["weather"]) is None
    assert store.next_unread(ArticleFilter(), demo["leak"]) is None  # the weather is hidden

    store.show_muted = True
    assert store.count_articles() == 5
    assert store.hidden_count() == 2  # still says how many the mutes catch
    assert [p.speaker for p in store.quoted_people(2)] == ["Ketevan Şahin"]
    assert {s.id: s.article_count for s in store.stories()}[2] == 2
    store.show_muted = False
    store.set_mutes([])
    assert store.count_articles() == 5 and store.hidden_count() == 0


def test_story_badges_and_counts_leave_muted_outlets_out(store: Store,
                                                        demo: dict[str, int]) -> None:
    """Story 2 is covered by Circuit Policy and Caucasus Ledger: muting one outlet leaves the
    other's article with no other outlet (no badge), and the story's own counts follow."""
    def outlets() -> dict[int, int]:
        return {r.id: r.story_outlets for r in store.article_rows(limit=10)}

    assert outlets()[demo["leak"]] == 2 and outlets()[demo["csto"]] == 2
    store.set_mutes([parse('feed:"Circuit Policy"')])
    assert outlets()[demo["leak"]] == 1
    assert outlets()[demo["csto"]] == 2  # story 1 holds nothing muted: its count stands
    story = store.story(2)
    assert story is not None and (story.article_count, story.outlet_count) == (1, 1)
    assert [c.article_id for c in store.story_coverage(2)] == [demo["leak"]]
    # A mute's own list shows what it hides, whatever show_muted says; the badge of a muted
    # article counts the visible outlets besides its own.
    [kovra] = store.article_rows(ArticleFilter(query=parse('feed:"Circuit Policy"'),
                                               include_muted=True))
    assert kovra.id == demo["kovra"] and kovra.story_outlets == 2
    store.show_muted = True  # shown again: counted again
    assert outlets()[demo["leak"]] == 2
    story = store.story(2)
    assert story is not None and story.outlet_count == 2
    store.show_muted = False
    store.set_mutes([parse("snow")])  # a mute outside every story changes no badge
    assert outlets()[demo["leak"]] == 2


def test_a_seen_story_has_nothing_new_when_an_outlet_is_muted(store: Store, demo: dict[str, int]) -> None:
    """Muting an outlet takes its articles out of the story's count and out of its seen count
    alike: a story read in full does not turn "new" negative or hide a later arrival."""
    store.mark_story_seen(2)
    store.set_mutes([parse('feed:"Circuit Policy"')])
    [listed] = [s for s in store.stories() if s.id == 2]
    story = store.story(2)
    assert story is not None
    assert (listed.article_count, listed.new_since_read) == (1, 0)
    assert (story.article_count, story.new_since_read) == (1, 0)
    # one more visible article joins after the story was seen: it is new under the mute too
    store.conn().execute("UPDATE stories SET read_count = read_count - 1 WHERE id = 2")
    [listed] = [s for s in store.stories() if s.id == 2]
    assert listed.new_since_read == 1 and store.story(2).new_since_read == 1


def test_a_story_of_only_muted_articles_goes(store: Store, demo: dict[str, int]) -> None:
    store.set_mutes([parse("kovra")])
    assert [s.id for s in store.stories()] == [1]


def test_mutes_keep_articles_in_the_cache(store: Store, demo: dict[str, int]) -> None:
    store.set_mutes([parse("csto")])
    assert store.article(demo["csto"]) is not None
    assert store.conn().execute("SELECT count(*) FROM articles").fetchone()[0] == 5


# -- people and news ---------------------------------------------------------------------------


def test_followed_people_and_their_new_quotes(store: Store, demo: dict[str, int]) -> None:
    assert store.follow_person("Anna  Karapetyan")
    assert not store.follow_person("Anna Karapetyan")
    [anna] = store.followed_people()
    assert (anna.name, anna.quotes, anna.new_quotes) == ("Anna Karapetyan", 2, 0)
    store.conn().execute("UPDATE people SET seen_at = seen_at - 10")  # articles arrived later
    assert store.followed_people()[0].new_quotes == 2
    store.set_mutes([parse('feed:"Meridian Wire"')])
    assert (store.followed_people()[0].quotes, store.followed_people()[0].new_quotes) == (1, 1)
    store.mark_person_seen("Anna Karapetyan")
    assert store.followed_people()[0].new_quotes == 0
    assert store.is_followed("Anna Karapetyan")
    assert store.unfollow_person("Anna Karapetyan") and store.followed_people() == []


def test_news_since_a_mark(store: Store, demo: dict[str, int]) -> None:
    store.set_followed(1, True)
    store.follow_person("Ketevan Şahin")
    mark = store.article_mark()
    watch = SavedQuery("Passes", "pass OR summit", parse("pass OR summit"))
    assert store.news_in_followed_stories(mark) == []
    assert store.news_of_people(mark) == [] and store.news_in_watchlists([watch], mark) == []
    feed_id = store.feed_id(FEEDS[0][0])
    assert feed_id is not None
    store.record_feed_result(feed_id, Outcome.OK, entries=[
        entry("later", "CSTO summit opens without Armenia", "Minsk hosts the CSTO.", 27)])
    later = store.article_mark()
    store.save_memberships({later: StoryMembership(1, 1.0, (), None)})
    store.save_analyses([(later, [], [Quote("Ketevan Şahin", "no comment", "direct", "said", 0,
                                            2, 0.9)])], version=1)
    [story] = store.news_in_followed_stories(mark)
    assert (story.kind, story.story_id, story.count) == ("story", 1, 1)
    assert story.titles == ("CSTO summit opens without Armenia",)
    [person] = store.news_of_people(mark)
    assert (person.kind, person.name, person.count) == ("person", "Ketevan Şahin", 1)
    [news] = store.news_in_watchlists([watch], mark)
    assert (news.name, news.count) == ("Passes", 1)
    store.set_mutes([parse("minsk")])  # muted news is no news
    assert store.news_in_followed_stories(mark) == []
    assert store.news_in_watchlists([watch], mark) == []


def test_old_cache_gains_the_people_table(tmp_path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "old.db"
    conn = sqlite3.connect(path)
    for step in MIGRATIONS[:4]:
        conn.executescript(step)
    conn.execute("INSERT INTO feeds (url, name) VALUES ('http://x.example/f', 'X')")
    conn.execute("PRAGMA user_version = 4")
    conn.commit()
    conn.close()
    store = Store(path)
    assert store.schema_version == SCHEMA_VERSION >= 5
    assert store.feed_id("http://x.example/f") is not None
    assert store.follow_person("Someone") and store.followed_people()[0].quotes == 0
    store.close()


# -- fuzz: every query that parses runs --------------------------------------------------------

PIECES = ["csto", "kov*", '"kovra pay"', "AND", "OR", "NOT", "(", ")", "tag:demo", "tag:x",
          'feed:"Circuit Policy"', "speaker:anna", "actor:şahin", "story:1", "story:followed",
          'story:"csto"', "after:2026-11-20", "before:3d", "unread", "starred", " ", "_", "é",
          "日本", "'", ";", "--", "\\", "%", "x_y", "99999", "after:99999w"]


@pytest.fixture(scope="module")
def fuzz_store(tmp_path_factory):  # type: ignore[no-untyped-def]
    store = Store(tmp_path_factory.mktemp("fuzz") / "byline.db")
    _fill(store)
    yield store
    store.close()



@settings(max_examples=EXAMPLES, deadline=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(st.one_of(st.text(max_size=40), st.lists(st.sampled_from(PIECES), max_size=16).map(" ".join)))
def test_fuzz_every_parsed_query_runs(fuzz_store: Store, text: str) -> None:
    try:
        node = parse(text)
    except QueryError:
        return
    flt = ArticleFilter(query=node)
    assert 0 <= fuzz_store.count_articles(flt) <= 5
    fuzz_store.set_mutes([node])
    try:
        assert fuzz_store.count_articles() + fuzz_store.hidden_count() == 5
    finally:
        fuzz_store.set_mutes([])


def test_matching_tells_which_changed_articles_a_watchlist_holds(store: Store,
                                                                 demo: dict[str, int]) -> None:
    node = parse("kovra OR csto")
    assert store.matching(node, [demo["csto"], demo["weather"], demo["kovra"]]) == {
        demo["csto"], demo["kovra"]}
    assert store.matching(node, []) == set()
    store.set_mutes([parse("feed:\"Circuit Policy\"")])
    assert store.matching(node, [demo["kovra"]]) == set()
