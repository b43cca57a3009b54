"""A throwaway PostgreSQL and Miniflux on loopback for the sync tests (real servers, no mocks).

PostgreSQL is Debian's (initdb and pg_ctl of the newest /usr/lib/postgresql/N), run as user
postgres when the tests run as root; Miniflux is the binary scripts/install-miniflux unpacks.
"""

from __future__ import annotations

import os
import pwd
import shutil
import socket
import subprocess
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx

ADMIN = "admin"
ADMIN_PASSWORD = "admin-password-1"
API_PASSWORD = "greader-password-1"  # the Google Reader API's own password, set in `integrations`


def miniflux_binary() -> Path | None:
    """The binary scripts/install-miniflux unpacked ($BYLINE_MINIFLUX_DIR, else the cache)."""
    folder = os.environ.get("BYLINE_MINIFLUX_DIR")
    if folder:
        roots = [Path(folder)]
    else:
        # The tests move HOME aside; the install script ran with the real one.
        home = Path(pwd.getpwuid(os.getuid()).pw_dir)
        roots = [Path(os.environ.get("XDG_CACHE_HOME", home / ".cache")) / "byline-miniflux",
                 home / ".cache" / "byline-miniflux"]
    for root in roots:
        binary = root / "root" / "usr" / "bin" / "miniflux"
        if binary.is_file() and os.access(binary, os.X_OK):
            return binary
    return None


def postgres_bin() -> Path | None:
    """The bin folder of the newest installed PostgreSQL (Debian's layout)."""
    found = sorted(Path("/usr/lib/postgresql").glob("*/bin/pg_ctl"),
                   key=lambda p: int(p.parent.parent.name) if p.parent.parent.name.isdigit() else 0)
    return found[-1].parent if found else None


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _wait_for(check: Any, what: str, seconds: float = 30.0) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if check():
            return
        time.sleep(0.05)
    raise RuntimeError(f"{what} did not come up in {seconds:g} s")


class Postgres:
    """One PostgreSQL cluster in a temporary folder, listening on 127.0.0.1 only."""

    def __init__(self, bin_dir: Path) -> None:
        self.bin = bin_dir
        self.port = free_port()
        self.root = Path(tempfile.mkdtemp(prefix="byline-pg-"))
        self._as_postgres = os.getuid() == 0  # initdb refuses to run as root
        self._databases = 0

    def _run(self, *argv: str, check: bool = True) -> subprocess.CompletedProcess[str]:
        command = list(argv)
        if self._as_postgres:
            command = ["runuser", "-u", "postgres", "--", *command]
        return subprocess.run(command, check=check, capture_output=True, text=True, cwd=self.root)

    def start(self) -> Postgres:
        if self._as_postgres:
            shutil.chown(self.root, "postgres")
        data = self.root / "data"
        self._run(str(self.bin / "initdb"), "-D", str(data), "-U", "postgres", "--auth=trust",
                  "-E", "UTF8", "--no-sync")
        options = (f"-p {self.port} -k {self.root} -c listen_addresses=127.0.0.1 -c fsync=off "
                   "-c synchronous_commit=off -c full_page_writes=off")
        self._run(str(self.bin / "pg_ctl"), "-D", str(data), "-l", str(self.root / "log"),
                  "-o", options, "-w", "start")
        return self

    def stop(self) -> None:
        self._run(str(self.bin / "pg_ctl"), "-D", str(self.root / "data"), "-m", "immediate",
                  "-w", "stop", check=False)
        shutil.rmtree(self.root, ignore_errors=True)

    def psql(self, sql: str, database: str = "postgres") -> str:
        done = subprocess.run(
            [str(self.bin / "psql"), "-h", "127.0.0.1", "-p", str(self.port), "-U", "postgres",
             "-d", database, "-v", "ON_ERROR_STOP=1", "-At", "-c", sql],
            check=True, capture_output=True, text=True)
        return done.stdout.strip()

    def new_database(self) -> str:
        self._databases += 1
        name = f"miniflux_{self._databases}"
        self.psql(f"CREATE DATABASE {name}")
        return name

    def url(self, database: str) -> str:
        return f"postgres://postgres@127.0.0.1:{self.port}/{database}?sslmode=disable"


@dataclass
class Miniflux:
    """A Miniflux on its own database; `rest` speaks its REST API as the admin."""

    binary: Path
    postgres: Postgres
    database: str
    port: int = field(default_factory=free_port)
    process: subprocess.Popen[bytes] | None = None
    log: Path | None = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def start(self) -> Miniflux:
        env = {
            "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
            "DATABASE_URL": self.postgres.url(self.database),
            "RUN_MIGRATIONS": "1", "CREATE_ADMIN": "1",
            "ADMIN_USERNAME": ADMIN, "ADMIN_PASSWORD": ADMIN_PASSWORD,
            "LISTEN_ADDR": f"127.0.0.1:{self.port}",
            "POLLING_FREQUENCY": "1440", "CLEANUP_FREQUENCY_HOURS": "1440",
            "WORKER_POOL_SIZE": "2", "DATABASE_MAX_CONNS": "8", "LOG_LEVEL": "warning",
        }
        self.log = self.postgres.root / f"miniflux-{self.database}.log"
        with self.log.open("ab") as log:
            self.process = subprocess.Popen([str(self.binary)], env=env, stdout=log,
                                            stderr=subprocess.STDOUT)
        _wait_for(self._healthy, f"Miniflux on port {self.port}")
        return self

    def _healthy(self) -> bool:
        if self.process is not None and self.process.poll() is not None:
            log = self.log.read_text(errors="replace") if self.log else ""
            raise RuntimeError(f"Miniflux exited with {self.process.returncode}: {log[-2000:]}")
        try:
            return httpx.get(f"{self.url}/healthcheck", timeout=1).text == "OK"
        except httpx.HTTPError:
            return False

    def stop(self) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        self.process = None

    def enable_google_reader(self, password: str = API_PASSWORD) -> None:
        """Switch the Google Reader API on for the admin, as its settings page would: a bcrypt
        hash of the API password in `integrations` (PostgreSQL's pgcrypto computes it)."""
        self.sql("CREATE EXTENSION IF NOT EXISTS pgcrypto")
        self.sql("UPDATE integrations SET googlereader_enabled = true, "
                 f"googlereader_username = '{ADMIN}', "
                 f"googlereader_password = crypt('{password}', gen_salt('bf')) "
                 f"WHERE user_id = (SELECT id FROM users WHERE username = '{ADMIN}')")

    def disable_google_reader(self) -> None:
        self.sql("UPDATE integrations SET googlereader_enabled = false")

    def sql(self, statement: str) -> str:
        return self.postgres.psql(statement, self.database)

    def rest(self, method: str, path: str, **kwargs: Any) -> Any:
        """One REST call as the admin; the JSON answer (None for 204)."""
        response = httpx.request(method, f"{self.url}/v1{path}", auth=(ADMIN, ADMIN_PASSWORD),
                                 timeout=60, **kwargs)
        response.raise_for_status()
        return response.json() if response.content else None

    def add_feed(self, feed_url: str, category: str | None = None) -> int:
        """Subscribe the admin to a feed (Miniflux fetches it at once); returns its id."""
        body: dict[str, Any] = {"feed_url": feed_url}
        if category:
            body["category_id"] = self.category(category)
        return int(self.rest("POST", "/feeds", json=body)["feed_id"])

    def category(self, title: str) -> int:
        for found in self.rest("GET", "/categories"):
            if found["title"] == title:
                return int(found["id"])
        return int(self.rest("POST", "/categories", json={"title": title})["id"])

    def entries(self, **params: Any) -> list[dict[str, Any]]:
        params.setdefault("limit", 10_000)
        params.setdefault("order", "id")
        params.setdefault("direction", "asc")
        return list(self.rest("GET", "/entries", params=params)["entries"])

    def entry(self, entry_id: int) -> dict[str, Any]:
        return dict(self.rest("GET", f"/entries/{entry_id}"))

    def set_status(self, entry_ids: list[int], status: str) -> None:
        self.rest("PUT", "/entries", json={"entry_ids": entry_ids, "status": status})

    def toggle_star(self, entry_id: int) -> None:
        self.rest("PUT", f"/entries/{entry_id}/bookmark")
