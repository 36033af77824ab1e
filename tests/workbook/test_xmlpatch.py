"""A copy of a workbook with some cells set: the cells set, everything else kept."""

from __future__ import annotations

import zipfile
from pathlib import Path

import openpyxl

from sanctions.workbook.xmlpatch import set_cells


def _book(path: Path) -> None:
    wb = openpyxl.Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = "persons"
    ws.append(["person_id", "name"])
    ws.append(["P1", "Fictional Person"])
    wb.save(path)


def test_a_cell_past_the_sheets_dimension_is_read_by_readers_that_trust_it(tmp_path: Path) -> None:
    """openpyxl's read-only mode reads no cell outside ``<dimension>``: a column added past it
    was lost to such readers."""
    source, out = tmp_path / "in.xlsx", tmp_path / "out.xlsx"
    _book(source)
    set_cells(source, out, "persons", {(1, 4): "identity_evidence_ids", (3, 4): "E1"})
    wb = openpyxl.load_workbook(out, read_only=True)
    rows = list(wb["persons"].iter_rows(values_only=True))
    assert rows[0] == ("person_id", "name", None, "identity_evidence_ids")
    assert rows[2][3] == "E1"


def test_every_other_part_is_kept_byte_for_byte(tmp_path: Path) -> None:
    source, out = tmp_path / "in.xlsx", tmp_path / "out.xlsx"
    _book(source)
    set_cells(source, out, "persons", {(2, 2): "Another Name"})
    with zipfile.ZipFile(source) as before, zipfile.ZipFile(out) as after:
        assert before.namelist() == after.namelist()
        changed = [n for n in before.namelist() if before.read(n) != after.read(n)]
    assert changed == ["xl/worksheets/sheet1.xml"]
    assert openpyxl.load_workbook(out)["persons"]["B2"].value == "Another Name"
