"""Reading a workbook: a large one is read by two readers at once, with the same tables as one
reader gives, and the memory they freed handed back."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pandas as pd
import pytest

from sanctions.workbook import reader
from sanctions.workbook.reader import read_workbook
from tests import workbooks


def _tables(path: Path) -> dict[str, tuple[int, dict[str, int], pd.DataFrame]]:
    book = read_workbook(path)
    return {
        name: (table.header_row, table.columns, table.frame) for name, table in book.tables.items()
    }


def test_two_readers_read_what_one_reads(
    build: Callable[..., Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    rows = workbooks.valid_rows()
    rows["persons"][0]["aliases"] = "Арман Тестбаев; A. Testbayev"
    path = build(rows)
    monkeypatch.setenv("SANCTIONS_PROCESSES", "1")
    alone = _tables(path)
    monkeypatch.setenv("SANCTIONS_PROCESSES", "2")
    monkeypatch.setattr(reader, "SPLIT_BYTES", 0)
    mine, theirs = reader._halves(path, list(alone))
    assert mine and theirs and sorted(mine + theirs) == sorted(alone)
    split = _tables(path)
    assert list(split) == list(alone)  # the workbook's order, whichever reader read a sheet
    for name, (header, columns, frame) in alone.items():
        assert split[name][:2] == (header, columns), name
        pd.testing.assert_frame_equal(split[name][2], frame)


def test_the_sheets_are_shared_by_size(
    build: Callable[..., Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    path = build(workbooks.valid_rows())
    names = list(read_workbook(path).tables)
    monkeypatch.setenv("SANCTIONS_PROCESSES", "2")
    assert reader._halves(path, names) == (names, [])  # small: one reader
    monkeypatch.setattr(reader, "SPLIT_BYTES", 0)
    mine, theirs = reader._halves(path, names)
    sizes = _sizes(path)
    assert mine[0] == max(names, key=lambda n: sizes[n])  # the largest first, then the lighter
    assert abs(sum(sizes[n] for n in mine) - sum(sizes[n] for n in theirs)) <= max(sizes.values())
    monkeypatch.setenv("SANCTIONS_PROCESSES", "1")
    assert reader._halves(path, names) == (names, [])  # one core: one reader


def _sizes(path: Path) -> dict[str, int]:
    import zipfile

    from sanctions.workbook.xmlscan import sheet_parts

    with zipfile.ZipFile(path) as archive:
        return {
            name: archive.getinfo(part).file_size for name, part in sheet_parts(archive).items()
        }


def test_a_sheet_that_breaks_in_either_reader_is_refused_as_one_reader_refuses_it(
    build: Callable[..., Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Two sheets break: the one named is the first in the workbook's order, whichever of
    the two readers met its own first."""
    import fastexcel

    path = build(workbooks.valid_rows())
    order = list(read_workbook(path).tables)
    monkeypatch.setenv("SANCTIONS_PROCESSES", "2")
    monkeypatch.setattr(reader, "SPLIT_BYTES", 0)
    mine, theirs = reader._halves(path, order)
    first = min(theirs, key=order.index)  # the second reader's, and a later one of the first's
    later = next(name for name in mine if order.index(name) > order.index(first))
    broken = {first, later}
    real = reader._read_group

    def breaks(book: object, names: list[str], expected: object) -> object:
        for name in names:
            if name in broken:
                raise fastexcel.CalamineError(f"Error while loading sheet {name}")
        return real(book, names, expected)  # type: ignore[arg-type]

    monkeypatch.setattr(reader, "_read_group", breaks)
    with pytest.raises(reader.UnreadableWorkbook, match="could not be read safely") as refused:
        read_workbook(path)
    assert f"sheet {first})" in str(refused.value)


def test_a_workbook_whose_parts_cannot_be_listed_is_read_by_one_reader(
    build: Callable[..., Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    from xml.etree.ElementTree import ParseError

    path = build(workbooks.valid_rows())
    monkeypatch.setenv("SANCTIONS_PROCESSES", "2")
    monkeypatch.setattr(reader, "SPLIT_BYTES", 0)

    def damaged(archive: object) -> dict[str, str]:
        raise ParseError("not well-formed")

    monkeypatch.setattr(reader, "sheet_parts", damaged)
    names = ["persons", "positions"]
    assert reader._halves(path, names) == (names, [])
