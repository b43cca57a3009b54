"""Worker processes end with the process that started them, even when it is killed outright."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time

import pytest

POOL_THEN_WAIT = """
import asyncio, os, sys, time
from tui.core.fulltext.pool import ExtractionPool

async def main():
    pool = ExtractionPool(2, sys.argv[1], fulltext=False)
    pids = await asyncio.gather(*(pool.run(os.getpid) for _ in range(6)))
    print(" ".join(str(p) for p in sorted(set(pids))), flush=True)
    time.sleep(60)

asyncio.run(main())
"""


def alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    try:  # a zombie has ended; only its parent has not read its status yet
        with open(f"/proc/{pid}/stat", encoding="ascii") as stat:
            return stat.read().rsplit(")", 1)[1].split()[0] != "Z"
    except OSError:
        return True


@pytest.mark.skipif(sys.platform != "linux", reason="the fork server and /proc are Linux's")
@pytest.mark.parametrize("start_method", ["forkserver", "spawn"])
def test_workers_end_when_their_parent_is_killed(start_method: str) -> None:
    parent = subprocess.Popen([sys.executable, "-c", POOL_THEN_WAIT, start_method],
                              stdout=subprocess.PIPE, text=True)
    try:
        line = parent.stdout.readline() if parent.stdout else ""
        workers = [int(pid) for pid in line.split()]
        assert workers and parent.pid not in workers
        assert all(alive(pid) for pid in workers)
    finally:
        os.kill(parent.pid, signal.SIGKILL)
        parent.wait()
    deadline = time.monotonic() + 10
    while any(alive(pid) for pid in workers) and time.monotonic() < deadline:
        time.sleep(0.1)
    left = [pid for pid in workers if alive(pid)]
    for pid in left:
        os.kill(pid, signal.SIGKILL)
    assert not left, f"workers {left} outlived their killed parent"
