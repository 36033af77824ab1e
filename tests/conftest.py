from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from sanctions.check.findings import Finding
from sanctions.check.validate import validate
from tests import workbooks

REPO = Path(__file__).resolve().parent.parent


def run_cli(*args: str, cwd: Path = REPO, timeout: int = 300) -> subprocess.CompletedProcess[str]:
    """``sanctions ARGS`` in a fresh process, as an editor runs it (from ``cwd``)."""
    return subprocess.run(
        [sys.executable, "-m", "sanctions", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=timeout,
        env={**os.environ, "PYTHONPATH": str(REPO)},
    )


@pytest.fixture
def build(tmp_path: Path) -> Callable[..., Path]:
    counter = iter(range(10_000))

    def make(rows: workbooks.Rows, **kw: object) -> Path:
        return workbooks.write(tmp_path / f"book{next(counter)}.xlsx", rows, **kw)  # type: ignore[arg-type]

    return make


@pytest.fixture
def findings_of(build: Callable[..., Path]) -> Callable[..., list[Finding]]:
    def run(rows: workbooks.Rows, **kw: object) -> list[Finding]:
        return validate(build(rows, **kw)).findings

    return run
