"""The labelled fictional set screened once for every test of screening that reads it."""

from __future__ import annotations

from pathlib import Path

import pytest

from sanctions.check.validate import validate
from sanctions.screen.matching import screen
from sanctions.screen.reference import read_file
from sanctions.tracking.screening import Screening
from tests import screening_data as data


@pytest.fixture(scope="module")
def labelled(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path, Screening]:
    tmp = tmp_path_factory.mktemp("labelled")
    book = data.write_workbook(tmp / "book.xlsx")
    reference = data.write_reference(tmp / "reference.ftm.json")
    result = validate(book)
    assert result.errors == []
    return book, reference, screen(result, book, read_file(reference))
