"""Helpers for tests of forked helpers: a parent killed outright while its helper works."""

from __future__ import annotations

import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

from sanctions.common.beside import running

REPO = Path(__file__).resolve().parent.parent


def helper_outlives_killed_parent(script: str, seconds: float = 10.0) -> bool:
    """Run ``script`` (which starts a helper and prints its process id), kill it outright
    (SIGKILL: no code of its runs), and say whether the helper still runs ``seconds`` later."""
    parent = subprocess.Popen(
        [sys.executable, "-c", textwrap.dedent(script)],
        cwd=REPO,
        stdout=subprocess.PIPE,
        text=True,
    )
    assert parent.stdout is not None
    helper = int(parent.stdout.readline())
    assert running(helper), "the helper had not started"
    parent.send_signal(signal.SIGKILL)
    parent.wait()
    deadline = time.monotonic() + seconds
    while running(helper) and time.monotonic() < deadline:
        time.sleep(0.05)
    return running(helper)
