"""Compact ages ("12m", "3d") for lists, against one clock that tests can set."""

from __future__ import annotations

from datetime import UTC, datetime


def utc_now() -> datetime:
    """The current time; snapshot tests replace this to keep ages still."""
    return datetime.now(UTC)


def age(when: datetime, now: datetime | None = None) -> str:
    """Compact age: 45s, 12m, 3h, 5d, 7w, 2y."""
    seconds = max(0, int(((now or utc_now()) - when).total_seconds()))
    for unit, size in (("y", 365 * 86400), ("w", 7 * 86400), ("d", 86400), ("h", 3600),
                       ("m", 60)):
        if seconds >= size:
            return f"{seconds // size}{unit}"
    return f"{seconds}s"
