"""Counts per day as a one-line picture of Unicode blocks (▁ for none, ▂ to █ scaled to the
busiest day), and the words that name the days it spans."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import UTC, date, datetime, timedelta

BARS = "▁▂▃▄▅▆▇█"
RECENT_DAYS = 14  # "last 14 days": the span the story list and a person's quotes show


def sparkline(counts: Sequence[int]) -> str:
    """One block per count: ▁ for none, so any day with something stands above the baseline,
    and █ for the largest."""
    top = max(counts, default=0)
    return "".join(BARS[0] if count <= 0 else BARS[max(1, -(-count * 7 // top))]
                   for count in counts)


def per_day(times: Iterable[datetime], first: date, last: date) -> list[int]:
    """How many of `times` fall on each UTC day from `first` to `last`; others are left out."""
    counts = [0] * ((last - first).days + 1)
    for moment in times:
        day = moment.astimezone(UTC).date()
        if first <= day <= last:
            counts[(day - first).days] += 1
    return counts


def recent_days(now: datetime, days: int = RECENT_DAYS) -> tuple[date, date]:
    """The first and last day of the `days` days that end today (UTC)."""
    last = now.astimezone(UTC).date()
    return last - timedelta(days=days - 1), last


def day_span(first: date, last: date) -> str:
    """"15 Nov – 28 Nov", or one day when both are the same."""
    start, end = f"{first:%d %b}", f"{last:%d %b}"
    return start if first == last else f"{start} – {end}"
