"""Counts per day as blocks: none is the baseline, anything stands above it, the most is full."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta, timezone

from tui.core.sparkline import day_span, per_day, recent_days, sparkline


def test_none_is_the_baseline_any_count_stands_above_it_and_the_most_is_full() -> None:
    assert sparkline([0, 1, 0, 7, 3, 100]) == "▁▂▁▂▂█"
    assert sparkline([0, 1, 2, 3, 4, 5, 6, 7]) == "▁▂▃▄▅▆▇█"
    assert sparkline([0, 0]) == "▁▁"
    assert sparkline([]) == ""


def test_per_day_counts_utc_days_and_leaves_out_days_outside_the_span() -> None:
    first, last = date(2026, 11, 20), date(2026, 11, 23)
    late_evening_east = datetime(2026, 11, 21, 1, 0, tzinfo=timezone(timedelta(hours=3)))  # 20 Nov UTC
    times = [datetime(2026, 11, 20, 9, tzinfo=UTC), late_evening_east,
             datetime(2026, 11, 23, 23, 59, tzinfo=UTC), datetime(2026, 11, 24, 0, 0, tzinfo=UTC),
             datetime(2026, 11, 19, 23, 59, tzinfo=UTC)]
    assert per_day(times, first, last) == [2, 0, 0, 1]


def test_the_last_fourteen_days_end_today_and_are_named_by_their_ends() -> None:
    first, last = recent_days(datetime(2026, 11, 28, 12, tzinfo=UTC))
    assert (first, last) == (date(2026, 11, 15), date(2026, 11, 28))
    assert day_span(first, last) == "15 Nov – 28 Nov"
    assert day_span(last, last) == "28 Nov"
