"""Countries and languages: typed as an editor types them, printed from their codes. Every
name is invented."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
from openpyxl import load_workbook

from sanctions.check.validate import validate
from sanctions.common.countries import country_code, language_code
from tests import workbooks
from tests.conftest import run_cli
from tests.workbooks import cell


@pytest.mark.parametrize(
    ("typed", "code"),
    [("kz", "kz"), ("KAZ", "kz"), ("Kazakhstan", "kz"), ("Republic of Kazakhstan", "kz"),
     ("Kazakh", "kz"), ("Russian", "ru"), ("Deutschland", "de"), ("Kazakstan", None),
     ("Astana", None), ("Germny", None)],
)  # fmt: skip
def test_what_reads_as_a_country(typed: str, code: str | None) -> None:
    assert country_code(typed) == code


def test_every_code_reads_as_itself_as_the_official_names_read_it() -> None:
    """A code is answered before the official names are normalised: the answer is the one
    the table of codes and official names gives, for every territory rigour knows."""
    from sanctions.common.countries import _official, _territories

    official = _official()
    for code in _territories():
        for typed in (code, code.upper(), f" {code} "):
            assert country_code(typed) == official[code.lower()] == code, typed


def test_a_misspelt_country_is_an_error_that_suggests_the_code(build) -> None:
    rows = workbooks.valid_rows()
    rows["persons"][0]["nationality"] = "Kazakstan"
    findings = [f for f in validate(build(rows)).findings if f.code == "country.unknown"]
    assert [(f.sheet, f.cell, f.severity) for f in findings] == [
        ("persons", cell("persons", "nationality", 0), "error")
    ]
    assert "did you mean Kazakhstan (kz)?" in findings[0].message


def test_names_are_normalised_and_never_printed_as_typed(build, tmp_path: Path) -> None:
    rows = workbooks.valid_rows()
    rows["persons"][0]["nationality"] = "Kazakh"
    rows["evidence"][0]["language"] = "English"
    book = build(rows)
    assert not [f for f in validate(book).findings if f.severity == "error"]
    out = tmp_path / "out"
    assert run_cli("export", str(book), "--out", str(out), "--only", "us").returncode == 0
    folder = out / book.stem / f"{book.stem}-us" / "send"
    table = (folder / f"{book.stem}-us-targets.csv").read_text(encoding="utf-8")
    assert "nationality Kazakhstan" in table and "Kazakh;" not in table
    with open(folder / "evidence.csv", encoding="utf-8-sig") as fh:
        languages = {row["evidence_id"]: row["language"] for row in csv.DictReader(fh)}
    assert languages["E001"] == "en" and language_code("English") == "en"


def test_tables_are_wide_enough_to_read(build, tmp_path: Path) -> None:
    out = tmp_path / "out"
    book = build(workbooks.valid_rows())
    assert run_cli("export", str(book), "--out", str(out), "--only", "us").returncode == 0
    book = load_workbook(
        out / book.stem / f"{book.stem}-us" / "send" / f"{book.stem}-us-targets.xlsx"
    )
    sheet = book["proposal"]
    header = [c.value for c in sheet[1]]
    name = "Entry as the SDN list prints it"
    column = sheet.cell(1, header.index(name) + 1).column_letter
    assert sheet.column_dimensions[column].width >= 60
    entry = sheet.cell(2, header.index(name) + 1)
    assert len(entry.value) > sheet.column_dimensions[column].width
    assert entry.alignment.wrap_text
