"""`sanctions status`: the target × government grid, merging the submissions sheet with the
latest screening and marking where they disagree. Every name is invented."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from openpyxl import load_workbook

from tests import screening_data
from tests.conftest import Ran, run_cli
from tests.workbooks import headers

STEPS = [
    # P001 is listed by the United States in the reference data (a certain match), but the
    # sheet records only the submission: the sheet should say designated.
    {"person_id": "P001", "jurisdiction": "us", "status": "submitted", "date": "2009-05-04"},
    # P002 is recorded as designated by the European Union, which screening does not find.
    {
        "person_id": "P002",
        "jurisdiction": "eu",
        "status": "submitted",
        "date": "2024-01-10",
        "reference": "EU-7",
    },
    {"person_id": "P002", "jurisdiction": "eu", "status": "designated", "date": "2025-02"},
    {"person_id": "P002", "jurisdiction": "ca", "status": "planned", "date": "2099-01-01"},
]


def run(*args: str) -> Ran:
    return run_cli(*args, cwd=Path.cwd())


@pytest.fixture(scope="module")
def screened(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    tmp = tmp_path_factory.mktemp("status")
    book = screening_data.write_workbook(tmp / "book.xlsx")
    workbook = load_workbook(book)
    sheet = workbook.create_sheet("submissions")
    sheet.append(headers("submissions"))
    for step in STEPS:
        sheet.append([step.get(h) for h in headers("submissions")])
    workbook.save(book)
    reference = screening_data.write_reference(tmp / "reference.ftm.json")
    out = tmp / "exports"
    proc = run("screen", str(book), "--against", str(reference), "--out", str(out), "-q")
    assert proc.returncode == 0, proc.stderr
    return book, out


def test_the_grid_shows_recorded_steps_and_disagreements(screened):
    book, out = screened
    proc = run("status", str(book), "--out", str(out))
    assert proc.returncode == 0, proc.stderr
    lines = {line.split("  ")[0]: line for line in proc.stdout.splitlines()}
    assert "submitted 2009-05-04 (!)" in lines["P001 Arman Testbayev"]
    cells = lines["P002 Dana Fictiyeva"].split("  ")
    assert "designated 2025-02 (!)" in cells and "planned 2099-01-01" in cells
    # never sent to the United Kingdom: what screening found is shown, and no disagreement;
    # a match below the confident score is only a possible designation
    assert "possibly designated 2015-03-15" in cells
    assert "designated 2011-03-15" in lines["P001 Arman Testbayev"].split("  ")
    assert sum(line.count("(!)") for key, line in lines.items() if key.startswith("P0")) == 2
    assert (
        "- P001 Arman Testbayev, United States: designated according to screening, not "
        "recorded in the submissions sheet" in proc.stdout
    )
    assert (
        "- P002 Dana Fictiyeva, European Union: recorded as designated, not found by screening"
        in proc.stdout
    )


def test_json_for_scripts(screened):
    book, out = screened
    proc = run("status", str(book), "--out", str(out), "--format", "json")
    assert proc.returncode == 0, proc.stderr
    data = {row["person_id"]: row for row in json.loads(proc.stdout)}
    eu = data["P002"]["governments"]["eu"]
    assert eu["recorded"] == "designated 2025-02"
    assert eu["first_submitted"] == "2024-01-10" and eu["reference"] == "EU-7"
    assert "not found by screening" in eu["disagreement"]
    assert data["P001"]["governments"]["us"]["screening"]["designated"] == "2010-03-15"


def test_xlsx_and_html_files(screened, tmp_path):
    book, out = screened
    sheet_path, page_path = tmp_path / "grid.xlsx", tmp_path / "grid.html"
    for fmt, path in (("xlsx", sheet_path), ("html", page_path)):
        proc = run("status", str(book), "--out", str(out), "--format", fmt, "--file", str(path))
        assert proc.returncode == 0, proc.stderr
        assert f"wrote {path}" in proc.stdout
    grid = load_workbook(sheet_path)
    rows = list(grid["status"].iter_rows(values_only=True))
    assert rows[0][:4] == ("person_id", "name", "status", "United States")
    assert len(list(grid["disagreements"].iter_rows())) == 3  # header and two
    page = page_path.read_text()
    assert page.count('class="disagree"') == 2 and "<script" not in page
    assert "<strong>Internal: not for publication." in page  # whom the list may propose


def test_a_workbook_with_errors_or_unreadable_is_refused(tmp_path):
    bad = tmp_path / "bad.xlsx"
    bad.write_text("not a workbook")
    proc = run("status", str(bad))
    assert proc.returncode == 2 and "bad.xlsx" in proc.stderr and "Traceback" not in proc.stderr
    missing = run("status", str(tmp_path / "nowhere.xlsx"))
    assert missing.returncode == 2 and "Traceback" not in missing.stderr


def test_a_malformed_submissions_sheet_stops_the_grid(tmp_path):
    from tests import workbooks

    rows = workbooks.valid_rows()
    rows["submissions"] = [{"person_id": "P001", "jurisdiction": "us", "status": "designated"}]
    book = workbooks.write(tmp_path / "book.xlsx", rows)
    proc = run("status", str(book), "--out", str(tmp_path / "exports"))
    assert proc.returncode == 1 and "Traceback" not in proc.stderr
    assert "submission.unsubmitted" in proc.stdout and "fix the errors above first" in proc.stderr


def test_since_names_the_designations_that_came_and_went_between_two_screenings(
    tmp_path, monkeypatch
):
    """The question an NGO asks every month: a screening in November, another in December
    against newer data in which the United Kingdom has listed Bolat Zhaksylykov (P003) and
    the listing of one of Dana Fictiyeva's matches (r06) is gone."""
    import datetime as dt

    from sanctions.common import dates

    book = screening_data.write_workbook(tmp_path / "book.xlsx")
    out = tmp_path / "exports"
    november = [e for e in screening_data.reference_entities() if e["id"] != "r08-sanction"]
    december = [e for e in screening_data.reference_entities() if e["id"] != "r06-sanction"]
    for day, entities, name in (
        (dt.date(2026, 11, 5), november, "november.ftm.json"),
        (dt.date(2026, 12, 5), december, "december.ftm.json"),
    ):
        monkeypatch.setattr(dates, "today", lambda day=day: day)
        reference = screening_data.write_reference(tmp_path / name, entities)
        proc = run("screen", str(book), "--against", str(reference), "--out", str(out), "-q")
        assert proc.returncode == 0, proc.stderr
    shown = run("status", str(book), "--out", str(out), "--since")
    assert proc.returncode == 0, shown.stderr
    since = shown.stdout[shown.stdout.index("since the screening") :]
    assert since.splitlines()[0] == "since the screening of 2026-11-05 (latest: 2026-12-05):"
    assert (
        "  P003 Bolat Zhaksylykov: newly designated by the United Kingdom (Global Human Rights, "
        "listed 2017-03-15)" in since
    )
    assert (
        "  P002 Dana Fictiyeva: no longer listed by the United Kingdom (Global Human Rights)"
        in (since)
    )
    # the same data again replaces the latest only: the comparison stays with November
    proc = run("screen", str(book), "--against", str(tmp_path / "december.ftm.json"), "--out",
               str(out), "-q")  # fmt: skip
    assert proc.returncode == 0
    again = run("status", str(book), "--out", str(out), "--since").stdout
    assert "since the screening of 2026-11-05" in again
