from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from sanctions.check.findings import Finding
from sanctions.check.validate import validate
from tests import workbooks

REPO = Path(__file__).resolve().parent.parent


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
