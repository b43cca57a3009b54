"""A synthetic year of news written straight into a Byline cache: feeds, full-text articles,
stories across outlets, actors and quotes; reproducible from a seed.

`.venv/bin/python bench/gen_year.py OUT.db [--articles 50000] [--feeds 500] [--seed 8]
[--pending 0]` writes a cache through a real Store (so the migrations run), then bulk-inserts
rows in big transactions. Articles arrive at a constant rate (50,000 a year), so a 10,000-article
cache is the first ~73 days of the same year. `--pending N` leaves the newest N articles without
a story and without actors/quotes (analysed = 0), as a refresh would find them.
"""

from __future__ import annotations

import argparse
import random
import sqlite3
import sys
import time
from dataclasses import dataclass, field
from itertools import accumulate
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from tui.core.quotes.pending import ANALYSIS_VERSION  # noqa: E402
from tui.core.store import Store  # noqa: E402

YEAR_ARTICLES = 50_000
YEAR_SECONDS = 365 * 86400
END_TIME = 1_764_000_000  # fixed so a seed always gives the same cache
BATCH = 2_000

FUNCTION_WORDS = ("the of and to in a that for on with as by at from is was were has have had "
                  "will would could its their this after over about more than into under "
                  "while but not also new last first two three year week month day").split()
VERBS = ("said", "told reporters", "added", "warned", "argued", "insisted", "explained",
         "acknowledged", "claimed", "noted")
ROLES = ("minister", "spokesperson", "chief executive", "senator", "professor", "mayor",
         "director", "analyst", "general", "ambassador", "economist", "lawyer")
ONSETS = ("b bl br c ch cl cr d dr f fl fr g gl gr h j k l m n p pl pr qu r s sh sk sl sm sn sp "
          "st str t th tr v w z").split()
VOWELS = ("a e i o u ai ea ee ie oa ou io").split()
CODAS = ("", "", "", "n", "r", "s", "t", "l", "m", "nd", "nt", "st", "rk", "ng", "ck", "x", "sh")


def _syllable(rng: random.Random) -> str:
    return rng.choice(ONSETS) + rng.choice(VOWELS) + rng.choice(CODAS)


def _word(rng: random.Random, syllables: tuple[int, int] = (1, 3)) -> str:
    return "".join(_syllable(rng) for _ in range(rng.randint(*syllables)))


@dataclass
class Vocabulary:
    """Pseudo-English content words with Zipf weights, people, organisations and places."""

    words: list[str]
    cum_weights: list[float]
    people: list[str]
    organisations: list[str]
    places: list[str]

    @classmethod
    def build(cls, rng: random.Random, size: int = 40_000) -> Vocabulary:
        # Frequent words are short, as in English.
        words = sorted(dict.fromkeys(_word(rng) for _ in range(size)), key=len)
        weights = list(accumulate(1.0 / (rank + 10) for rank in range(len(words))))
        people = list(dict.fromkeys(
            f"{_word(rng, (1, 2)).capitalize()} {_word(rng, (2, 3)).capitalize()}"
            for _ in range(6_000)))
        endings = ('Bank', 'Group', 'Council', 'Party', 'Institute', 'Union', 'Agency', 'Corp')
        organisations = list(dict.fromkeys(
            f"{_word(rng, (2, 3)).capitalize()} {rng.choice(endings)}" for _ in range(1_500)))
        places = list(dict.fromkeys(_word(rng, (2, 3)).capitalize() for _ in range(800)))
        return cls(words, weights, people, organisations, places)

    def content(self, rng: random.Random, k: int) -> list[str]:
        return rng.choices(self.words, cum_weights=self.cum_weights, k=k)


@dataclass
class Story:
    """An event covered by several outlets over a few days."""

    id: int
    terms: list[str]
    people: list[str]
    organisation: str
    place: str
    start: int
    span: int
    size: int
    outlets: list[int] = field(default_factory=list)


class Writer:
    """Builds the text of one article: paragraphs of sentences, with quotes at known offsets."""

    def __init__(self, rng: random.Random, vocab: Vocabulary) -> None:
        self.rng = rng
        self.vocab = vocab

    def clause(self, story: Story, words: int) -> str:
        rng = self.rng
        content = self.vocab.content(rng, words)
        picks = [rng.choice(FUNCTION_WORDS) if i % 3 == 1 else content[i] for i in range(words)]
        for _ in range(2):
            picks[rng.randrange(words)] = rng.choice(story.terms)
        if rng.random() < 0.3:
            picks[rng.randrange(words)] = rng.choice((story.place, story.organisation))
        return " ".join(picks)

    def sentence(self, story: Story) -> str:
        text = self.clause(story, self.rng.randint(10, 26))
        return text[0].upper() + text[1:] + "."

    def article(self, story: Story) -> tuple[str, str, list[tuple[str, str, str, int, int]],
                                             dict[str, list[tuple[int, int]]]]:
        """(title, body, quotes as (speaker, text, kind, start, end), spans per actor)."""
        rng = self.rng
        title = self.clause(story, rng.randint(6, 11)).capitalize()
        target_words = rng.randint(300, 1_200)
        speakers = rng.sample(story.people, k=min(len(story.people), rng.randint(2, 3)))
        roles = {name: rng.choice(ROLES) for name in speakers}
        quota = max(1, round(target_words / 190))  # about four quotes in an average article
        parts: list[str] = []
        length = 0
        words = 0
        quotes: list[tuple[str, str, str, int, int]] = []
        spans: dict[str, list[tuple[int, int]]] = {name: [] for name in speakers}
        spans[story.organisation] = []
        paragraph: list[str] = []

        def emit(piece: str) -> int:
            nonlocal length
            start = length + (1 if paragraph else 0)
            paragraph.append(piece)
            length = start + len(piece)
            return start

        while words < target_words:
            if paragraph and (len(paragraph) >= rng.randint(2, 4)):
                parts.append(" ".join(paragraph))
                paragraph = []
                length += 2  # the blank line between paragraphs
            if len(quotes) < quota and rng.random() < 0.3:
                speaker = rng.choice(speakers)
                said = self.sentence(story)[:-1]
                first = not spans[speaker]
                who = f"{speaker}, the {story.place} {roles[speaker]}," if first else \
                    speaker.split()[-1]
                verb = rng.choice(VERBS)
                if rng.random() < 0.75:
                    piece = f"“{said},” {who} {verb}."
                    start = emit(piece)
                    quotes.append((speaker, said, "direct", start + 1, start + 1 + len(said)))
                    name_at = start + len(said) + 4
                else:
                    piece = f"{who} {verb} that {said[0].lower()}{said[1:]}."
                    start = emit(piece)
                    quote_start = start + len(who) + len(verb) + 7
                    quotes.append((speaker, said[0].lower() + said[1:], "indirect",
                                   quote_start, quote_start + len(said)))
                    name_at = start
                spans[speaker].append((name_at, name_at + len(who.split(",")[0])))
                words += len(piece.split())
                continue
            piece = self.sentence(story)
            if rng.random() < 0.15:
                piece = f"{story.organisation} {piece[0].lower()}{piece[1:]}"
            start = emit(piece)
            if piece.startswith(story.organisation):
                spans[story.organisation].append((start, start + len(story.organisation)))
            words += len(piece.split())
        if paragraph:
            parts.append(" ".join(paragraph))
        body = "\n\n".join(parts)
        return title, body, quotes, spans


def plan_stories(rng: random.Random, vocab: Vocabulary, articles: int, feeds: int,
                 start_time: int, seconds: int) -> list[Story]:
    """Stories whose sizes add up to the article count: many singletons, a long tail, and one
    200-article story (the one the interaction benchmark opens)."""
    stories: list[Story] = []
    remaining = articles
    big = min(200, articles // 10)
    while remaining > 0:
        if not stories and big:
            size = big
        else:
            roll = rng.random()
            size = 1 if roll < 0.45 else rng.randint(2, 6) if roll < 0.85 else \
                rng.randint(7, 25) if roll < 0.98 else rng.randint(26, 80)
        size = min(size, remaining)
        remaining -= size
        span = min(seconds, int(rng.uniform(0.3, 1.0) * 86400 * (1 + size ** 0.5)))
        start = start_time + rng.randrange(max(seconds - span, 1))
        outlets = rng.sample(range(feeds), k=min(feeds, max(1, min(size, rng.randint(1, 40)))))
        stories.append(Story(
            len(stories) + 1, vocab.content(rng, 6), rng.sample(vocab.people, 5),
            rng.choice(vocab.organisations), rng.choice(vocab.places), start, span, size,
            outlets))
    return stories


def feed_names(rng: random.Random, feeds: int) -> list[str]:
    kinds = ("Times", "Post", "Herald", "Tribune", "Gazette", "Observer", "Chronicle", "Review",
             "Daily", "Wire", "Journal", "Courier", "Monitor", "News", "Dispatch", "Standard")
    names: list[str] = []
    seen: set[str] = set()
    while len(names) < feeds:
        name = f"The {_word(rng, (2, 3)).capitalize()} {rng.choice(kinds)}"
        if name not in seen:
            seen.add(name)
            names.append(name)
    return names


def feed_url(index: int) -> str:
    return f"http://outlet{index}.example/feed.xml"


def generate(path: Path, *, articles: int = YEAR_ARTICLES, feeds: int = 500, seed: int = 8,
             pending: int = 0) -> dict[str, float]:
    """Write the cache at `path` (replacing it); returns timings and counts."""
    started = time.perf_counter()
    for suffix in ("", "-wal", "-shm"):
        Path(str(path) + suffix).unlink(missing_ok=True)
    rng = random.Random(seed)
    vocab = Vocabulary.build(rng)
    seconds = max(int(YEAR_SECONDS * articles / YEAR_ARTICLES), 86400)
    start_time = END_TIME - YEAR_SECONDS  # every cache starts on the same day of the year
    stories = plan_stories(rng, vocab, articles, feeds, start_time, seconds)
    store = Store(path)
    conn = store.conn()
    conn.execute("PRAGMA synchronous = OFF")
    names = feed_names(rng, feeds)
    with store.write() as tx:
        tx.executemany(
            "INSERT INTO feeds (id, url, name, tags, title, last_checked, last_success, "
            "last_outcome, http_status) VALUES (?, ?, ?, ?, ?, ?, ?, 'ok', 200)",
            [(n + 1, feed_url(n), names[n], f"\n{('world', 'politics', 'business', 'tech', 'science')[n % 5]}\n",
              names[n], END_TIME, END_TIME) for n in range(feeds)])
    items = [(story, story.start + rng.randrange(max(story.span, 1)), story.outlets[i % len(story.outlets)])
             for story in stories for i in range(story.size)]
    items.sort(key=lambda item: item[1])
    writer = Writer(rng, vocab)
    counts = {"quotes": 0, "actors": 0, "text_bytes": 0}
    per_feed: dict[int, int] = {}
    for start in range(0, len(items), BATCH):
        rows, quote_rows, actor_rows = [], [], []
        for offset, (story, when, outlet) in enumerate(items[start:start + BATCH]):
            article_id = start + offset + 1
            is_pending = article_id > len(items) - pending
            title, body, quotes, spans = writer.article(story)
            guid_n = per_feed[outlet] = per_feed.get(outlet, 0) + 1
            summary = body[:body.find(".", 200) + 1 or 300][:400]
            rows.append((article_id, outlet + 1, f"year-{outlet}-{guid_n}",
                         f"http://outlet{outlet}.example/{when}/{guid_n}", title,
                         f"{rng.choice(vocab.people)}", when, when + 600, when, summary, body,
                         0 if is_pending else ANALYSIS_VERSION, None if is_pending else story.id,
                         None if is_pending else 20.0 + rng.random() * 30,
                         None if is_pending else "\n".join(story.terms[:3]),
                         int(rng.random() < 0.7)))
            counts["text_bytes"] += len(body.encode())
            if is_pending:
                continue
            for speaker, text, kind, q_start, q_end in quotes:
                quote_rows.append((article_id, speaker, text, kind,
                                   "said" if kind == "direct" else "said that", q_start, q_end,
                                   0.9 if kind == "direct" else 0.7))
            for name, where in spans.items():
                if not where:
                    continue
                kind = "organisation" if name == story.organisation else "person"
                actor_rows.append((article_id, name, kind, None if kind != "person" else
                                   rng.choice(ROLES), name.split()[-1], len(where), where[0][0],
                                   ";".join(f"{s},{e}" for s, e in where)))
        with store.write() as tx:
            tx.executemany(
                "INSERT INTO articles (id, feed_id, guid, url, title, author, published, fetched, "
                "sort_time, summary, body, text_status, analysed, story_id, story_score, "
                "story_terms, story_match, read) VALUES "
                "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'full text', ?, ?, ?, ?, NULL, ?)", rows)
            tx.executemany(
                "INSERT INTO quotes (article_id, speaker, text, kind, cue, start, end, confidence) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?)", quote_rows)
            tx.executemany(
                "INSERT INTO actors (article_id, name, kind, role, aliases, mentions, "
                "first_offset, spans) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", actor_rows)
        counts["quotes"] += len(quote_rows)
        counts["actors"] += len(actor_rows)
    fill_stories(store)
    store.conn().execute("PRAGMA wal_checkpoint(TRUNCATE)")
    store.conn().execute("ANALYZE")
    store.close()
    size = sum(Path(str(path) + s).stat().st_size for s in ("", "-wal")
               if Path(str(path) + s).exists())
    return {"articles": len(items), "stories": len(stories), "quotes": counts["quotes"],
            "actors": counts["actors"], "text_bytes": counts["text_bytes"], "bytes": size,
            "seconds": time.perf_counter() - started}


def fill_stories(store: Store) -> None:
    """The stories table from the articles' story_id, as grouping.refresh_story_summaries would
    (headline: the first article's title)."""
    with store.write() as tx:
        tx.execute("DELETE FROM stories")
        tx.execute(
            "INSERT INTO stories (id, headline, first_seen, last_updated, article_count, "
            "outlet_count) SELECT story_id, (SELECT title FROM articles f WHERE f.story_id = "
            "a.story_id ORDER BY sort_time, id LIMIT 1), min(sort_time), max(sort_time), "
            "count(*), count(DISTINCT feed_id) FROM articles a WHERE story_id IS NOT NULL "
            "GROUP BY story_id")


def make_pending(path: Path, newest: int) -> None:
    """Turn the newest N articles of an existing cache back into unanalysed, ungrouped ones."""
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("PRAGMA foreign_keys = ON")
    conn.execute("BEGIN")
    cutoff = conn.execute("SELECT id FROM articles ORDER BY id DESC LIMIT 1 OFFSET ?",
                          (newest - 1,)).fetchone()[0]
    conn.execute("DELETE FROM quotes WHERE article_id >= ?", (cutoff,))
    conn.execute("DELETE FROM actors WHERE article_id >= ?", (cutoff,))
    conn.execute("UPDATE articles SET story_id = NULL, story_score = NULL, story_terms = NULL, "
                 "analysed = 0 WHERE id >= ?", (cutoff,))
    conn.execute("COMMIT")
    conn.close()


def story_of_size(path: Path | str, size: int = 200) -> int | None:
    """The id of a story with exactly `size` articles (the generator makes one)."""
    conn = sqlite3.connect(path)
    row = conn.execute("SELECT id FROM stories WHERE article_count = ? LIMIT 1",
                       (size,)).fetchone()
    conn.close()
    return row[0] if row else None


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("out", type=Path, help="cache file to write (replaced)")
    parser.add_argument("--articles", type=int, default=YEAR_ARTICLES)
    parser.add_argument("--feeds", type=int, default=500)
    parser.add_argument("--seed", type=int, default=8)
    parser.add_argument("--pending", type=int, default=0,
                        help="leave the newest N articles unanalysed and ungrouped")
    args = parser.parse_args()
    stats = generate(args.out, articles=args.articles, feeds=args.feeds, seed=args.seed,
                     pending=args.pending)
    print(f"{stats['articles']:,} articles, {stats['stories']:,} stories, "
          f"{stats['quotes']:,} quotes, {stats['actors']:,} actors in {stats['seconds']:.1f} s; "
          f"cache {stats['bytes'] / 1e6:.0f} MB ({stats['bytes'] / stats['articles']:,.0f} "
          f"bytes/article; article text {stats['text_bytes'] / stats['articles']:,.0f} "
          f"bytes/article)")


if __name__ == "__main__":
    main()
