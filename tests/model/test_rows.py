"""The one reading of a workbook's cells that entities, documents and screening share."""

from __future__ import annotations

from dataclasses import fields

import pyarrow as pa
import pytest

from sanctions.check.validate import validate
from sanctions.model.rows import RECORDS, Rows, read_rows
from sanctions.workbook.layout import load_layout
from tests import workbooks


@pytest.mark.parametrize("sheet", sorted(RECORDS))
def test_each_record_has_exactly_the_sheets_columns(sheet: str) -> None:
    spec = load_layout().sheet(sheet)
    types = {f.name: f.type for f in fields(RECORDS[sheet]) if f.name != "row"}
    assert set(types) == set(spec.column_index)
    for col in spec.columns:
        if col.multi:
            assert types[col.name] == "list[str]", col.name
        elif col.vocabulary == "yes_no":
            assert types[col.name] == "bool", col.name
        elif col.required:
            assert types[col.name] == "str", col.name
        else:
            assert types[col.name] == "str | None", col.name


def test_cells_are_read_once_as_lists_flags_and_empties(build) -> None:
    rows = workbooks.valid_rows()
    rows["persons"][0]["aliases"] = "Arman Testbaev;  A. Testbayev ;"
    rows["submitter"] = [{"key": "organisation", "value": "Example Watch"}, {"key": "email"}]
    read = read_rows(validate(build(rows)))
    first, second = read.persons
    assert first.row == 2 and second.row == 3  # the Excel row, below the header
    assert first.aliases == ["Arman Testbaev", "A. Testbayev"]
    assert second.aliases == [] and second.patronymic is None
    assert read.positions[1].evidence_ids == ["E001", "E002"]
    incident = read.incidents[0]
    assert incident.victims == ["Victim One", "Victim Two"]
    assert incident.victims_confidential is True and incident.confidential is False
    assert incident.violation_types == ["arbitrary_detention", "ill_treatment"]
    assert read.submitter == {"organisation": "Example Watch"}


def test_each_distinct_cell_is_read_once_and_equal_cells_share_one_object() -> None:
    from sanctions.model.rows import _once_each

    calls: list[object] = []

    def upper(value: object) -> object:
        calls.append(value)
        return None if value is None else str(value).upper()

    values = ["kz", "ru", "kz", None, "".join(["k", "z"]), None]
    read = _once_each(pa.array(values), upper)
    assert read == ["KZ", "RU", "KZ", None, "KZ", None]
    assert calls == ["kz", "ru", None]  # once each: the values in the column's order, then empty
    assert read[0] is read[2] is read[4]
    kept = _once_each(pa.array(values), None)
    assert kept == values and kept[0] is kept[4]
    assert _once_each(pa.array(["kz"]), upper) == ["KZ"] and calls[-1] == "kz"  # no empty cell
    assert _once_each(pa.array([], pa.string()), upper) == []


def test_a_value_read_as_a_sequence_stays_one_value() -> None:
    from sanctions.model.rows import _once_each

    assert _once_each(pa.array(["a", "b", "a"]), lambda v: (v, v)) == [
        ("a", "a"),
        ("b", "b"),
        ("a", "a"),
    ]


def test_multi_valued_cells_keep_their_rows_and_share_their_items(build) -> None:
    rows = workbooks.valid_rows()
    rows["persons"][0]["nationality"] = "KZ; RU"
    rows["persons"][1]["nationality"] = "Kazakhstan"
    read = read_rows(validate(build(rows)))
    first, second = read.persons
    assert first.nationality == ["kz", "ru"] and second.nationality == ["kz"]
    assert first.nationality[0] is second.nationality[0]


def test_a_validated_workbook_s_rows_are_read_once_for_every_step(build) -> None:
    """The rules, the entities, the packages and the report read one set of rows: what is
    worked out of a row once (what a public output may give of it) serves every step."""
    result = validate(build(workbooks.valid_rows()))
    rows = Rows.of(result)
    assert Rows.of(result) is rows and Rows.of(result.sheets) is rows
    assert Rows.of(rows) is rows
    assert [p.person_id for p in rows.persons] == list(result.frames["persons"]["person_id"])


def test_one_sheet_s_rows_are_read_alone_and_are_those_of_the_whole_reading(build) -> None:
    """A rule that reads two sheets, in a process of its own, reads those two; the rows read
    later for every sheet are the same records, not a second reading of them."""
    from sanctions.model.rows import sheet_rows

    result = validate(build(workbooks.valid_rows()))
    memo = result.sheets._memo
    memo.pop("_rows", None)
    for key in [k for k in memo if k.startswith("_rows.")]:
        del memo[key]
    incidents = sheet_rows(result.sheets, "incidents")
    assert [r.incident_id for r in incidents] == list(result.frames["incidents"]["incident_id"])
    assert "_rows" not in memo and [k for k in memo if k.startswith("_rows.")] == [
        "_rows.incidents"
    ]
    rows = Rows.of(result)
    assert rows.incidents is incidents
    assert sheet_rows(result, "persons") is rows.persons and sheet_rows(rows, "evidence") is (
        rows.evidence
    )
