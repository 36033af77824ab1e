"""The workbook's shape: sheets, headers, formulas, error values, and what the reader keeps."""

from __future__ import annotations

import datetime as dt
import hashlib

from openpyxl import Workbook, load_workbook
from openpyxl.utils import get_column_letter

from sanctions.check.validate import validate
from tests import workbooks
from tests.workbooks import cell, headers


def codes_at(findings):
    return {(f.code, f.sheet, f.cell) for f in findings}


def test_missing_required_sheet(findings_of):
    rows = workbooks.valid_rows()
    del rows["evidence"]
    found = findings_of(rows)
    assert ("sheet.missing", "evidence", None) in codes_at(found)
    assert next(f for f in found if f.code == "sheet.missing").severity == "error"


def test_a_renamed_sheet_is_named_and_nothing_else_is_blamed_for_it(build):
    """The involvement sheet renamed "Involvement of persons": its one error says which sheet
    holds its columns, and no person "has no row on the involvement sheet"."""
    path = build(workbooks.valid_rows())
    book = load_workbook(path)
    book["involvement"].title = "Involvement of persons"
    book.save(path)
    found = validate(path).findings
    (missing,) = [f for f in found if f.code == "sheet.missing"]
    assert missing.message == (
        "the workbook has no sheet named 'involvement': sheet 'Involvement of persons' has its "
        "columns; rename it 'involvement'; the checks between sheets wait until it is there"
    )
    assert [f.code for f in found if f.severity == "error"] == ["sheet.missing"]


def test_optional_sheets_may_be_absent(findings_of):
    rows = workbooks.valid_rows()
    del rows["relations"]
    assert not [f for f in findings_of(rows) if f.severity == "error"]


def test_unknown_sheet_is_a_warning_and_underscore_sheets_are_ignored(findings_of):
    rows = workbooks.valid_rows()
    rows["notes"] = [{"x": 1}]
    rows["_lists"] = [{"x": 1}]
    found = findings_of(rows, header_overrides={"notes": ["x"], "_lists": ["x"]})
    assert [(f.code, f.sheet) for f in found] == [("sheet.unknown", "notes")]


def test_missing_unknown_and_duplicate_columns(findings_of):
    rows = workbooks.valid_rows()
    names = [h for h in headers("organizations") if h != "type"] + ["comment", "country"]
    found = findings_of(rows, header_overrides={"organizations": names})
    got = codes_at(found)
    assert ("column.missing", "organizations", None) in got
    assert ("column.unknown", "organizations", "F1") in got
    assert ("column.duplicate", "organizations", "G1") in got
    missing = next(f for f in found if f.code == "column.missing")
    assert missing.column == "type" and missing.row == 1
    # a missing column is reported once, not once per row
    assert not [f for f in found if f.code == "value.missing" and f.sheet == "organizations"]


def test_headers_are_matched_without_case_or_spaces(findings_of):
    rows = workbooks.valid_rows()
    names = [f" {h.upper()} " for h in headers("persons")]
    for record in rows["persons"]:
        for h, upper in zip(headers("persons"), names, strict=True):
            record[upper] = record.get(h)
    assert findings_of(rows, header_overrides={"persons": names}) == []


def test_header_below_a_title_row_keeps_true_cell_references(tmp_path):
    rows = workbooks.valid_rows()
    path = workbooks.write(tmp_path / "b.xlsx", rows)
    book = load_workbook(path)
    book["persons"].insert_rows(1, amount=2)
    book["persons"]["A1"] = "Persons proposed for listing"
    book["persons"].cell(5, headers("persons").index("birth_date") + 1, "1965-13-01")
    book.save(path)
    (hit,) = [f for f in validate(path).findings if f.code == "date.invalid"]
    assert hit.cell == f"{cell('persons', 'birth_date', 0)[0]}5"


def test_blank_rows_are_skipped_but_numbering_is_kept(tmp_path):
    rows = workbooks.valid_rows()
    path = workbooks.write(tmp_path / "b.xlsx", rows)
    book = load_workbook(path)
    book["persons"].insert_rows(3, amount=3)
    book.save(path)
    rows_seen = sorted(validate(path).frames["persons"].index)
    assert rows_seen == [2, 6]


def test_column_with_values_but_no_header(tmp_path):
    path = workbooks.write(tmp_path / "b.xlsx", workbooks.valid_rows())
    book = load_workbook(path)
    book["evidence"].cell(2, len(headers("evidence")) + 2, "stray note")
    book.save(path)
    hits = [f for f in validate(path).findings if f.code == "column.no_header"]
    stray = get_column_letter(len(headers("evidence")) + 2)
    assert [(h.sheet, h.cell) for h in hits] == [("evidence", f"{stray}1")]


def test_hidden_sheet_is_validated_with_a_warning(tmp_path):
    rows = workbooks.valid_rows()
    rows["persons"][0]["birth_date"] = "1965-13-01"
    path = workbooks.write(tmp_path / "b.xlsx", rows)
    book = load_workbook(path)
    book["persons"].sheet_state = "hidden"
    book.save(path)
    got = {f.code for f in validate(path).findings}
    assert {"sheet.hidden", "date.invalid"} <= got


def test_formula_and_error_cells(tmp_path):
    path = workbooks.write(tmp_path / "b.xlsx", workbooks.valid_rows())
    book = load_workbook(path)
    ws = book["persons"]
    summary = headers("persons").index("summary") + 1
    birth = headers("persons").index("birth_date") + 1
    ws.cell(2, summary, '=CONCAT("Minister ", "of Examples")')
    ws.cell(3, birth, "#REF!")
    book.save(path)
    found = validate(path).findings
    formula = [f for f in found if f.code == "cell.formula"]
    error = [f for f in found if f.code == "cell.error_value"]
    assert [(f.cell, f.severity) for f in formula] == [(cell("persons", "summary", 0), "warning")]
    assert [(f.cell, f.value, f.severity) for f in error] == [
        (cell("persons", "birth_date", 1), "#REF!", "error")
    ]


def test_values_are_not_coerced(tmp_path):
    rows = workbooks.valid_rows()
    rows["persons"][0]["id_numbers"] = "007123"
    rows["persons"][1]["id_numbers"] = 12345
    rows["evidence"][0]["confidential"] = True
    rows["persons"][0]["birth_date"] = dt.datetime(1970, 5, 1)
    rows["positions"][0]["start_date"] = dt.date(2015, 1, 2)
    path = workbooks.write(tmp_path / "b.xlsx", rows)
    result = validate(path)
    persons = result.frames["persons"]
    assert list(persons["id_numbers"]) == ["007123", "12345"]
    assert list(persons["birth_date"]) == ["1970-05-01", "1981"]
    assert result.frames["evidence"].iloc[0]["confidential"] == "yes"
    assert result.frames["positions"].iloc[0]["start_date"] == "2015-01-02"
    assert not [f for f in result.findings if f.severity == "error"]


def test_enum_values_are_case_insensitive(findings_of):
    rows = workbooks.valid_rows()
    rows["evidence"][0]["confidential"] = "No"
    rows["persons"][0]["gender"] = "Male"
    assert findings_of(rows) == []


def test_the_editors_workbook_is_never_modified(tmp_path):
    rows = workbooks.valid_rows()
    rows["persons"][0]["birth_date"] = "1965-13-01"
    path = workbooks.write(tmp_path / "b.xlsx", rows, copies=False)
    before = hashlib.sha256(path.read_bytes()).hexdigest()
    mtime = path.stat().st_mtime_ns
    validate(path)
    assert hashlib.sha256(path.read_bytes()).hexdigest() == before
    assert path.stat().st_mtime_ns == mtime
    assert sorted(p.name for p in tmp_path.iterdir()) == ["b.xlsx"]


def test_a_completely_empty_sheet_reports_its_missing_columns(tmp_path):
    path = workbooks.write(tmp_path / "b.xlsx", workbooks.valid_rows())
    book = load_workbook(path)
    del book["submitter"]
    book.create_sheet("submitter")
    book.save(path)
    found = [f for f in validate(path).findings if f.sheet == "submitter"]
    assert {f.code for f in found} == {"column.missing", "submitter.missing"}


def test_empty_workbook_reports_every_required_sheet(tmp_path):
    path = tmp_path / "empty.xlsx"
    book = Workbook()
    book.save(path)
    found = validate(path).findings
    missing = sorted(f.sheet for f in found if f.code == "sheet.missing")
    assert missing == [
        "evidence",
        "incidents",
        "involvement",
        "organizations",
        "persons",
        "positions",
    ]


def test_a_sheet_that_starts_away_from_a1_keeps_its_cell_references(tmp_path):
    """The reader drops leading empty columns; the letters must still be the sheet's own."""
    path = workbooks.write(tmp_path / "b.xlsx", workbooks.valid_rows())
    book = load_workbook(path)
    book["persons"].insert_cols(1, amount=2)
    book["persons"].insert_rows(1, amount=3)
    birth = headers("persons").index("birth_date") + 3
    book["persons"].cell(6, birth, "1965-13-01")
    book.save(path)
    (hit,) = [f for f in validate(path).findings if f.code == "date.invalid"]
    assert hit.cell == f"{get_column_letter(birth)}6"


def test_times_fractions_and_late_headers_read_as_excel_shows_them(tmp_path):
    from sanctions.workbook.reader import read_workbook, text_or_none

    book = Workbook()
    sheet = book.active
    sheet.title = "notes"
    for _ in range(24):
        sheet.append([])
    sheet.append(["when", "amount", "flag", "text"])
    sheet.append([dt.time(10, 30), 2.5, False, "true story"])
    sheet.append([dt.datetime(1970, 3, 1, 12, 5), 3.0, None, "  spaced  "])
    path = tmp_path / "late.xlsx"
    book.save(path)
    table = read_workbook(path).tables["notes"]
    assert table.header_row == 25
    assert list(table.frame.index) == [26, 27]
    assert {k: [text_or_none(v) for v in vs] for k, vs in table.frame.to_dict("list").items()} == {
        "when": ["10:30:00", "1970-03-01 12:05:00"],
        "amount": ["2.5", "3"],
        "flag": ["no", None],
        "text": ["true story", "  spaced  "],
    }
