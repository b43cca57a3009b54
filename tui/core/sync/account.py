"""The `[sync]` account: which server, as whom, and how to get the password (never stored)."""

from __future__ import annotations

import os
import subprocess
from dataclasses import dataclass

from tui.core.sync.model import SyncError

SERVICES = ("greader", "miniflux")
PASSWORD_COMMAND_SECONDS = 60


@dataclass(frozen=True)
class SyncAccount:
    """A sync server and a user on it. The password is asked for when a sync starts: from a
    command (argv, no shell) or an environment variable; Byline never writes it down."""

    service: str  # "greader" (the Google Reader API) or "miniflux" (its REST API)
    url: str
    username: str
    password_command: tuple[str, ...] = ()
    password_env: str | None = None

    @property
    def origin(self) -> str:
        """What synced feeds and articles say they come from (`local` for the others)."""
        return self.service

    @property
    def key(self) -> str:
        """Who this account is; a cache synced with another account starts over."""
        return f"{self.service} {self.url.rstrip('/')} {self.username}"

    def password(self) -> str:
        """The password, from the command's first line of output or the variable."""
        if self.password_env is not None:
            value = os.environ.get(self.password_env)
            if not value:
                raise SyncError("auth", f"sync: ${self.password_env} is not set (password_env "
                                        "in [sync])")
            return value
        if not self.password_command:
            raise SyncError("auth", "sync: no password_command or password_env in [sync]")
        return _run_password_command(self.password_command)


def _run_password_command(argv: tuple[str, ...]) -> str:
    try:
        done = subprocess.run(list(argv), capture_output=True, text=True, check=False,
                              timeout=PASSWORD_COMMAND_SECONDS, stdin=subprocess.DEVNULL)
    except FileNotFoundError:
        raise SyncError("auth", f"sync: password_command: no such program {argv[0]!r}") from None
    except subprocess.TimeoutExpired:
        raise SyncError("auth", f"sync: password_command {argv[0]!r} did not finish in "
                                f"{PASSWORD_COMMAND_SECONDS} s") from None
    except OSError as exc:
        raise SyncError("auth", f"sync: password_command {argv[0]!r}: {exc.strerror}") from None
    if done.returncode != 0:
        raise SyncError("auth", f"sync: password_command {argv[0]!r} failed with exit status "
                                f"{done.returncode}")
    lines = done.stdout.splitlines()
    if not lines or not lines[0]:
        raise SyncError("auth", f"sync: password_command {argv[0]!r} printed no password")
    return lines[0]
