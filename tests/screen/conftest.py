"""The labelled fictional set screened once for every test of screening that reads it."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

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


@pytest.fixture
def schemas_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> Iterator[Callable[..., Path]]:
    """``use(*cached)``: an empty schemas folder that the tool reads from
    (``SANCTIONS_SCHEMAS``), the given cached readers cleared now and again afterwards."""
    cleared: list[Any] = []

    def use(*cached: Any) -> Path:
        folder = tmp_path / "schemas"
        folder.mkdir(exist_ok=True)
        monkeypatch.setenv("SANCTIONS_SCHEMAS", str(folder))
        cleared.extend(cached)
        for reader in cached:
            reader.cache_clear()
        return folder

    yield use
    monkeypatch.delenv("SANCTIONS_SCHEMAS", raising=False)
    for reader in cleared:
        reader.cache_clear()
