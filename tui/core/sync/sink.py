"""What a service's client hands its findings to during a sync (the engine implements it over
the cache): clients know their API, never the store."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Protocol

from tui.core.models import ItemState, RemoteItem


class SyncSink(Protocol):
    """The cache as a sync's pull step sees it; every call is one transaction."""

    async def value(self, key: str) -> str | None:
        """A cursor kept from the last sync (None the first time)."""
        ...

    async def known(self, server_ids: Sequence[str]) -> set[str]:
        """Which of these items the cache holds."""
        ...

    async def items(self, items: Sequence[RemoteItem],
                    cursor: Mapping[str, str | None] | None = None) -> None:
        """Store a page of items (new ones added, known ones take their state), then the
        cursor after them."""
        ...

    async def states(self, states: Mapping[str, ItemState],
                     cursor: Mapping[str, str | None] | None = None) -> None:
        """Known items' state changed on the server."""
        ...

    async def state_sets(self, unread: set[str], starred: set[str]) -> None:
        """The server's complete unread and starred lists."""
        ...

    async def cursor(self, values: Mapping[str, str | None]) -> None:
        """Keep cursors for the next sync."""
        ...

    def progress(self, label: str) -> None:
        """Say what the pull is doing (for the status line)."""
        ...
