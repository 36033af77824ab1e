"""Submission packages and the public list: complete, deterministic, and nothing confidential public."""

from __future__ import annotations

import csv
import hashlib
import json
import zipfile
from pathlib import Path

import pytest
from docx import Document
from openpyxl import load_workbook

from sanctions.common.writers import write_csv, write_xlsx
from sanctions.export.run import export as run_export
from sanctions.governments import listformat as formats
from sanctions.governments import registry as known
from sanctions.governments.registry import codes
from tests import workbooks

CANARY = "CANARY-7f3a"


def export(workbook: Path, out: Path, only: list[str] | None = None) -> Path:
    return run_export(workbook, out, only).folder


def rows_with_detail():
    rows = workbooks.valid_rows()
    rows["persons"][0].update(aliases="Arman Testbaev", name_original="Арман Тестбаев")
    rows["incidents"][0]["violation_types"] = "torture; arbitrary_detention"
    rows["persons"].append(
        {
            "person_id": "P003",
            "name": "Bolat Examplov",
            "first_name": "Bolat",
            "last_name": "Examplov",
            "status": "proposed",
            "summary": "Judge.",
        }
    )
    rows["incidents"].append(
        {
            "incident_id": "I002",
            "title": "Trial of Example Activist",
            "date": "2021-05-05",
            "country": "kz",
            "violation_types": "unfair_trial; arbitrary_detention",
            "summary": "An unfair trial.",
            "victims": "Example Activist",
            "evidence_ids": "E001",
            "confidential": "no",
        }
    )
    rows["involvement"].append(
        {
            "person_id": "P003",
            "incident_id": "I002",
            "role": "judge",
            "description": "Sentenced the activist after a closed hearing.",
            "evidence_ids": "E001",
        }
    )
    rows["positions"].append(
        {"person_id": "P003", "org_id": "O001", "title": "Judge", "evidence_ids": "E001"}
    )
    return rows


def read_csv(path: Path) -> list[dict[str, str]]:
    with open(path, encoding="utf-8") as fh:
        return list(csv.DictReader(fh))


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("pkg")
    book = workbooks.write(tmp / "testland.xlsx", rows_with_detail())
    return export(book, tmp / "out"), book


def test_every_package_has_its_files(built):
    folder, _ = built
    for code in codes():
        package = folder / f"testland-{code}"
        names = sorted(p.name for p in package.iterdir())
        assert names == sorted(
            [
                "entities.ftm.json",
                "entities-confidential.ftm.json",  # the fixture has confidential victims
                "evidence",  # the local copies of the evidence cited
                "evidence.csv",
                "manifest.json",
                "notes.txt",
                "submission.docx",
                f"testland-{code}-targets.csv",
                f"testland-{code}-targets.xlsx",
            ]
        ), code
        assert (folder / f"testland-{code}.zip").exists()


def test_documents_and_tables_reopen_with_the_targets(built):
    folder, _ = built
    for code in codes():
        package = folder / f"testland-{code}"
        text = "\n".join(p.text for p in Document(package / "submission.docx").paragraphs)
        assert "Arman Testbayev" in text and "Evidence index" in text and "Confidentiality" in text
        sheet = load_workbook(package / f"testland-{code}-targets.xlsx").active
        cells = " ".join(str(c.value) for row in sheet.iter_rows() for c in row if c.value)
        assert "Testbayev" in cells or "TESTBAYEV" in cells, code
        with open(package / f"testland-{code}-targets.csv", encoding="utf-8") as fh:
            header = next(csv.reader(fh))
        assert header == formats.header(known.load()[code]), code


def test_list_formats(built):
    """A smoke test on the shared fixture; tests/governments/test_listformat.py checks each format in full."""
    folder, _ = built
    us = read_csv(folder / "testland-us" / "testland-us-targets.csv")
    arman = next(r for r in us if "TESTBAYEV" in r["Entry"])
    assert arman["Entry"] == (
        "TESTBAYEV, Arman (a.k.a. TESTBAEV, Arman); DOB 1 May 1970; nationality Kazakhstan; "
        "Gender Male (individual) [GLOMAG]."
    )
    gb = read_csv(folder / "testland-gb" / "testland-gb-targets.csv")
    primary = next(r for r in gb if r["Name 6"] == "TESTBAYEV")
    assert primary["Name 1"] == "Arman" and primary["D.O.B"] == "01/05/1970"
    assert primary["Name non-latin script"] == "Арман Тестбаев"
    assert any(r["Name type"] == "Alias" and r["Name 6"] == "TESTBAEV" for r in gb)
    ca = read_csv(folder / "testland-ca" / "testland-ca-targets.csv")
    assert any(
        r["Schedule line (SOR/2017-233)"] == "Arman TESTBAYEV (born on May 1, 1970)" for r in ca
    )
    eu = read_csv(folder / "testland-eu" / "testland-eu-targets.csv")
    assert any("DOB: 1.5.1970" in r["Identifying information"] for r in eu)


def test_scope_is_checked_not_assumed(built):
    """The UK and Australian regimes cover life, torture and slavery only."""
    folder, _ = built
    for code in ("gb", "au"):
        notes = (folder / f"testland-{code}" / "notes.txt").read_text(encoding="utf-8")
        assert "Bolat Examplov" in notes
        table = (folder / f"testland-{code}" / f"testland-{code}-targets.csv").read_text(
            encoding="utf-8"
        )
        assert "Examplov" not in table
        text = "\n".join(
            p.text for p in Document(folder / f"testland-{code}" / "submission.docx").paragraphs
        )
        assert "Persons not proposed under this regime" in text and "Bolat Examplov" in text
    us = (folder / "testland-us" / "testland-us-targets.csv").read_text(encoding="utf-8")
    assert "EXAMPLOV" in us


def test_manifests_verify(built):
    folder, book = built
    for code in codes():
        package = folder / f"testland-{code}"
        manifest = json.loads((package / "manifest.json").read_text())
        assert manifest["source"]["sha256"] == hashlib.sha256(book.read_bytes()).hexdigest()
        listed = {f["path"] for f in manifest["files"]}
        inside = {p.relative_to(package).as_posix() for p in package.rglob("*") if p.is_file()}
        assert listed == inside - {"manifest.json"}
        for item in manifest["files"]:
            data = (package / item["path"]).read_bytes()
            assert hashlib.sha256(data).hexdigest() == item["sha256"] and len(data) == item["size"]
        assert manifest["tool"].startswith("sanctions ") and manifest["counts"]["targets"] >= 2


def test_two_exports_are_byte_identical(tmp_path):
    book = workbooks.write(tmp_path / "testland.xlsx", rows_with_detail())
    first = export(book, tmp_path / "a")
    second = export(book, tmp_path / "b")
    files = sorted(p.relative_to(first) for p in first.rglob("*") if p.is_file())
    assert files
    for rel in files:
        assert (first / rel).read_bytes() == (second / rel).read_bytes(), rel


def test_only_and_per_person_restriction(tmp_path):
    rows = rows_with_detail()
    rows["persons"][1]["jurisdictions"] = "us"
    book = workbooks.write(tmp_path / "testland.xlsx", rows)
    folder = export(book, tmp_path / "out", only=["us", "eu"])
    assert sorted(p.name for p in folder.iterdir() if p.is_dir()) == [
        "public",
        "report",
        "testland-eu",
        "testland-us",
    ]
    assert "FICTIYEVA" in (folder / "testland-us" / "testland-us-targets.csv").read_text(
        encoding="utf-8"
    )
    assert "FICTIYEVA" not in (folder / "testland-eu" / "testland-eu-targets.csv").read_text(
        encoding="utf-8"
    )


def test_formula_like_text_is_written_as_text(tmp_path):
    rows = rows_with_detail()
    rows["persons"][0]["aliases"] = "@SUM(A1) Testbayev; +7 701 Testbayev; -2+3 Testbayev"
    book = workbooks.write(tmp_path / "testland.xlsx", rows)
    folder = export(book, tmp_path / "out", only=["au"])
    sheet = load_workbook(folder / "testland-au" / "testland-au-targets.xlsx").active
    risky = [
        c
        for row in sheet.iter_rows()
        for c in row
        if isinstance(c.value, str) and c.value[:1] in "@+-"
    ]
    assert len(risky) == 3 and all(c.data_type == "s" for c in risky)
    text = (folder / "testland-au" / "testland-au-targets.csv").read_text(encoding="utf-8")
    assert "'@SUM(A1)" in text and "'+7 701" in text and "'-2+3" in text


def test_writers_never_write_formulas(tmp_path):
    evil = '=HYPERLINK("http://evil.example","x")'
    write_xlsx(tmp_path / "t.xlsx", {"s": (["a"], [{"a": evil}, {"a": "\tx"}, {"a": "fine"}])})
    cells = [
        c for row in load_workbook(tmp_path / "t.xlsx").active.iter_rows(min_row=2) for c in row
    ]
    assert [c.value for c in cells] == [evil, "\tx", "fine"]
    assert all(c.data_type == "s" for c in cells)
    write_csv(tmp_path / "t.csv", ["a"], [{"a": evil}])
    assert (
        (tmp_path / "t.csv").read_text(encoding="utf-8").splitlines()[1].startswith("\"'=HYPERLINK")
    )


def confidential_workbook() -> workbooks.Rows:
    """Every confidential field of the layout carries the canary."""
    rows = rows_with_detail()
    rows["incidents"][0].update(victims=f"Victim {CANARY}", victims_confidential="yes")
    rows["involvement"][0]["description"] = f"Ordered the detention of {CANARY}."
    rows["incidents"].append(
        {
            "incident_id": "I099",
            "title": f"Secret {CANARY}",
            "date": "2021",
            "end_date": "2021",
            "place": f"Place {CANARY}",
            "country": "kz",
            "violation_types": "torture",
            "summary": f"Witness {CANARY}",
            "victims": f"V {CANARY}",
            "evidence_ids": "E099",
            "confidential": "yes",
        }
    )
    rows["evidence"].append(
        {
            "evidence_id": "E099",
            "title": f"Statement {CANARY}",
            "publisher": CANARY,
            "kind": "testimony",
            "url": f"https://example.org/{CANARY}",
            "file": f"{CANARY}.pdf",
            "confidential": "yes",
        }
    )
    rows["involvement"].append(
        {
            "person_id": "P001",
            "incident_id": "I099",
            "role": "perpetrated",
            "description": f"Beat {CANARY}",
            "evidence_ids": "E099",
        }
    )
    rows["positions"].append(
        {
            "person_id": "P002",
            "org_id": "O002",
            "title": f"Secret post {CANARY}",
            "evidence_ids": "E099",
        }
    )
    return rows


def texts_in(path: Path) -> str:
    """All text in a file, looking inside .docx, .xlsx and .zip archives."""
    data = path.read_bytes()
    if zipfile.is_zipfile(path):
        with zipfile.ZipFile(path) as archive:
            return "\n".join(archive.read(n).decode("utf-8", "replace") for n in archive.namelist())
    return data.decode("utf-8", "replace")


def test_canary_never_reaches_a_public_file(tmp_path):
    book = workbooks.write(tmp_path / "testland.xlsx", confidential_workbook())
    folder = export(book, tmp_path / "out")
    public = sorted(p for p in (folder / "public").rglob("*") if p.is_file())
    # the public copy of the public report, and the page and table
    assert [p.relative_to(folder / "public").as_posix() for p in public] == [
        "evidence/example-city-report.txt",
        "evidence/statements/witness-1.pdf",
        "index.html",
        "list.xlsx",
    ]
    for path in public:
        assert CANARY not in texts_in(path), path
    html = (folder / "public" / "index.html").read_text(encoding="utf-8")
    assert "Arman Testbayev" in html and "Report on Example City" in html
    # the canary is in the workbook and reaches the (non-public) submission, marked confidential
    assert CANARY in texts_in(folder / "testland-us" / "submission.docx")
    assert "CONFIDENTIAL" in texts_in(folder / "testland-us" / "submission.docx")


def test_ties_go_to_the_right_package(tmp_path):
    rows = rows_with_detail()
    rows["persons"][0]["ties"] = (
        "gb: owns a flat in London; us: son studies in Boston; travels to Europe often"
    )
    book = workbooks.write(tmp_path / "testland.xlsx", rows)
    folder = export(book, tmp_path / "out", only=["us", "gb"])
    gb = "\n".join(p.text for p in Document(folder / "testland-gb" / "submission.docx").paragraphs)
    us = "\n".join(p.text for p in Document(folder / "testland-us" / "submission.docx").paragraphs)
    assert "owns a flat in London" in gb and "son studies in Boston" not in gb
    assert "son studies in Boston" in us and "owns a flat in London" not in us
    assert "travels to Europe often" in gb and "travels to Europe often" in us
    assert "London" not in (folder / "public" / "index.html").read_text(encoding="utf-8")
