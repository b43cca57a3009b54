"""`byline story ID`: one story, its articles and how each outlet covered it."""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING, Any

from tui.config import Config

if TYPE_CHECKING:
    from tui.core.models import StoryMembership
    from tui.core.store import Store
    from tui.core.stories.compare import Line, NamedActor, NumberLine, QuoteLine, StoryComparison


def register(commands: Any) -> None:
    parser = commands.add_parser(
        "story", help="one story: its articles and how each outlet covered it",
        description="A story's articles, then per outlet its headline, lead, the actors only it "
                    "names and the quotes only it uses; who is quoted by whom; numbers that "
                    "differ between outlets; and a timeline of what each article added.")
    parser.add_argument("story_id", type=int, metavar="ID", help="the story's id (see `byline stories`)")
    parser.add_argument("--json", action="store_true", help="print JSON")
    parser.set_defaults(handler=run_story)


def run_story(args: argparse.Namespace, config: Config) -> int:
    from tui.cli.common import EXIT_FAILURE, open_cache, print_json
    from tui.core.stories.compare import compare_story

    store, _ = open_cache(config)
    try:
        comparison = compare_story(store, args.story_id)
        reasons = {} if comparison is None else {
            a.article_id: joined(store, a.article_id, store.membership(a.article_id)) for a in comparison.articles}
    finally:
        store.close()
    if comparison is None:
        print(f"byline: no story {args.story_id} (see `byline stories`)", file=sys.stderr)
        return EXIT_FAILURE
    record = story_record(comparison, reasons)
    if args.json:
        print_json(record)
    else:
        print_story(record)
    return 0


def joined(store: Store, article_id: int, member: StoryMembership | None) -> dict[str, Any] | None:
    """Why an article is in its story, in words (`byline story` and `byline stories` JSON): how
    ("matched" an article, or "merged" with its first story), the article it matched and the reason
    ("both quote Anna Karapetyan; both name Lachin corridor", None when they share no name); a merge
    with its story and reason. Never a score or the grouping's terms: those are the engine's."""
    from tui.core.stories.reasons import why_together

    if member is None or (member.matched_article_id is None and member.merge is None):
        return None
    matched = member.matched_article_id
    record: dict[str, Any] = {"how": "merged" if member.merge else "matched", "matched_article": matched,
                              "reason": None if matched is None else why_together(store, article_id, matched)}
    if member.merge is not None:
        record["merge"] = {"from_story": member.merge.from_story, "reason": member.merge.words()}
    return record


def story_record(comparison: StoryComparison, reasons: dict[int, dict[str, Any] | None]) -> dict[str, Any]:
    """The JSON of `byline story ID --json`: the story, its articles (each with why it `joined`, see
    `joined`) and the comparison."""
    story = comparison.story
    articles = [{
        "id": article.article_id, "outlet": article.outlet, "title": article.title,
        "url": article.url, "published": article.time.isoformat(), "words": article.words,
        "joined": reasons.get(article.article_id),
    } for article in comparison.articles]
    return {
        "story": {"id": story.id, "headline": story.headline, "first": story.first_seen.isoformat(),
                  "last": story.last_updated.isoformat(), "article_count": story.article_count,
                  "outlet_count": story.outlet_count, "followed": story.followed},
        "articles": articles,
        "comparison": {
            "outlets": [{
                "outlet": o.outlet, "headline": o.headline, "first": o.first.isoformat(),
                "last": o.last.isoformat(), "words": o.words, "lead": o.lead, **_at(o.lead_at),
                "articles": [a.article_id for a in o.articles],
                "own_actors": [_actor(a) for a in o.own_actors],
                "own_quotes": [_quote(q) for q in o.own_quotes],
            } for o in comparison.outlets],
            "quoted": [{"speaker": p.speaker, "outlets": list(p.outlets), "quotes": p.quotes}
                       for p in comparison.quoted],
            "differences": [{"thing": d.thing, "unit": d.unit, "numbers": [_number(n) for n in d.numbers]}
                            for d in comparison.differences],
            "timeline": [{
                "article": t.article.article_id, "outlet": t.article.outlet, "title": t.article.title,
                "published": t.article.time.isoformat(), "first_report": t.first,
                "new_actors": [_actor(a) for a in t.new_actors],
                "new_quotes": [_quote(q) for q in t.new_quotes],
                "new_numbers": [_number(n) for n in t.new_numbers],
            } for t in comparison.timeline],
        },
    }


def _at(line: Line) -> dict[str, int]:
    return {"article": line.article_id, "start": line.start, "end": line.end}


def _actor(actor: NamedActor) -> dict[str, Any]:
    return {"name": actor.name, "kind": actor.kind, **_at(actor.at)}


def _quote(quote: QuoteLine) -> dict[str, Any]:
    return {"speaker": quote.speaker, "text": quote.text, "kind": quote.kind, **_at(quote.at)}


def _number(number: NumberLine) -> dict[str, Any]:
    return {"outlet": number.outlet, "text": number.text, "value": number.value, "unit": number.unit,
            "sentence": number.sentence, **_at(number.at)}


def print_story(record: dict[str, Any]) -> None:
    """The same as plain text, one line per thing (feed text printed as data, on one line)."""
    from tui.core.text import counted, labelled, one_line

    story, comparison = record["story"], record["comparison"]
    print(f"{one_line(story['headline'])}  [{counted(story['outlet_count'], 'outlet')}, "
          f"{counted(story['article_count'], 'article')}, "
          f"{story['first'][:16]} – {story['last'][:16]}]")
    for outlet in comparison["outlets"]:
        print(f"\n{one_line(outlet['outlet'])}: {one_line(outlet['headline'])}")
        print(f"    {outlet['first'][:16]} – {outlet['last'][:16]}, {counted(outlet['words'], 'word')}")
        print(f"    lead: {one_line(outlet['lead'])}")
        if outlet["own_actors"]:
            print("    only here: " + ", ".join(one_line(a["name"]) for a in outlet["own_actors"]))
        for quote in outlet["own_quotes"]:
            print(f"    only here: {labelled(quote['speaker'], quote['text'], quote['kind'])}")
    if comparison["quoted"]:
        print("\nWho is quoted by whom")
        for person in comparison["quoted"]:
            print(f"    {one_line(person['speaker'])}: {', '.join(one_line(o) for o in person['outlets'])}")
    if comparison["differences"]:
        print("\nNumbers that differ")
        for difference in comparison["differences"]:
            print(f"    {one_line(difference['thing'])}")
            for number in difference["numbers"]:
                print(f"        {one_line(number['outlet'])}: {one_line(number['text'])} "
                      f"— {one_line(number['sentence'])}")
    print("\nTimeline")
    for entry in comparison["timeline"]:
        added = [one_line(a["name"]) for a in entry["new_actors"]] + \
                [labelled(q["speaker"], q["text"], q["kind"], limit=62) for q in entry["new_quotes"]] + \
                [one_line(n["text"]) for n in entry["new_numbers"]]
        label = "first report" if entry["first_report"] else "adds " + ("; ".join(added) or "nothing new")
        print(f"    {entry['published'][:16]}  {one_line(entry['outlet'])}: "
              f"{one_line(entry['title'])} — {label}")
