"""Fixtures of the sync tests: a real PostgreSQL (one per run) and a real Miniflux (one per
test, on a database of its own), both on loopback; the tests skip when either is absent."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from sync.sync_servers import (
    ADMIN,
    ADMIN_PASSWORD,
    API_PASSWORD,
    Miniflux,
    Postgres,
    miniflux_binary,
    postgres_bin,
)
from tui.core.sync.account import SyncAccount


@pytest.fixture(scope="session")
def postgres() -> Iterator[Postgres]:
    bin_dir = postgres_bin()
    if bin_dir is None:
        pytest.skip("PostgreSQL is absent (no /usr/lib/postgresql/*/bin/pg_ctl)")
    cluster = Postgres(bin_dir).start()
    try:
        yield cluster
    finally:
        cluster.stop()


@pytest.fixture
def miniflux(request: pytest.FixtureRequest) -> Iterator[Miniflux]:
    """A fresh Miniflux (empty database, admin user, Google Reader API on), stopped after."""
    binary = miniflux_binary()
    if binary is None:
        pytest.skip("Miniflux is absent (run scripts/install-miniflux)")
    postgres: Postgres = request.getfixturevalue("postgres")
    server = Miniflux(binary, postgres, postgres.new_database()).start()
    try:
        server.enable_google_reader()
        yield server
    finally:
        server.stop()


@pytest.fixture(params=["greader", "miniflux"])
def service(request: pytest.FixtureRequest) -> str:
    """Each test of a sync runs through both APIs."""
    return str(request.param)


def account_for(server: Miniflux, service: str, monkeypatch: pytest.MonkeyPatch) -> SyncAccount:
    """The account of the fixture's admin on that API, its password in the environment."""
    monkeypatch.setenv("BYLINE_TEST_SYNC_PASSWORD",
                       API_PASSWORD if service == "greader" else ADMIN_PASSWORD)
    return SyncAccount(service, server.url, ADMIN, password_env="BYLINE_TEST_SYNC_PASSWORD")


@pytest.fixture
def account(miniflux: Miniflux, service: str, monkeypatch: pytest.MonkeyPatch) -> SyncAccount:
    return account_for(miniflux, service, monkeypatch)
