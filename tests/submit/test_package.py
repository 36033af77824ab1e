"""Submission packages and the public list: complete, deterministic, and nothing confidential public."""

from __future__ import annotations

import csv
import hashlib
import io
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
from tests.conftest import run_cli

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
            "impact": "A travel ban would end his visits abroad.",
            "offence": "Sentencing an activist on a fabricated charge is a serious crime.",
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
            "victim_activity": "The activist was tried for peaceful protest.",
            "pattern": "One of many closed trials of activists.",
            "consequences": "The activist was sentenced to four years.",
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
    with open(path, encoding="utf-8-sig") as fh:
        return list(csv.DictReader(fh))


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("pkg")
    book = workbooks.write(tmp / "testland.xlsx", workbooks.with_eu_decisions(rows_with_detail()))
    return export(book, tmp / "out"), book


def sent(folder: Path, code: str) -> Path:
    """What goes to the government: the package's send/ folder."""
    return folder / f"testland-{code}" / "send"


def test_every_package_has_its_files(built):
    """send/ is exactly what the authority receives, and the .zip holds it and nothing else;
    internal/ holds the notes."""
    folder, _ = built
    for code in codes():
        package = folder / f"testland-{code}"
        assert sorted(p.name for p in package.iterdir()) == ["internal", "send"]
        assert sorted(p.name for p in (package / "internal").iterdir()) == ["notes.txt"]
        names = sorted(p.name for p in (package / "send").iterdir())
        assert names == sorted(
            [
                # one entities file, named for what it holds: the fixture has confidential
                # victims, so it is the confidential one
                "entities-confidential.ftm.json",
                "evidence",  # the local copies of the evidence cited
                "evidence.csv",
                "manifest.json",
                "submission.docx",
                f"testland-{code}-targets.csv",
                f"testland-{code}-targets.xlsx",
            ]
        ), code
        with zipfile.ZipFile(folder / f"testland-{code}.zip") as archive:
            zipped = sorted(n.split("/", 1)[1] for n in archive.namelist())
        inside = sorted(
            p.relative_to(package / "send").as_posix()
            for p in (package / "send").rglob("*")
            if p.is_file()
        )
        assert zipped == inside, code
        # our own table opens in Excel as UTF-8 (a byte-order mark); the list's own CSV is
        # written as the government's file is, which has none
        assert (package / "send" / "evidence.csv").read_bytes().startswith(b"\xef\xbb\xbf")
        table = package / "send" / f"testland-{code}-targets.csv"
        assert not table.read_bytes().startswith(b"\xef\xbb\xbf"), code


def test_documents_and_tables_reopen_with_the_targets(built):
    folder, _ = built
    for code in codes():
        package = sent(folder, code)
        text = "\n".join(p.text for p in Document(package / "submission.docx").paragraphs)
        assert "Arman Testbayev" in text and "Evidence index" in text and "Confidentiality" in text
        book = load_workbook(package / f"testland-{code}-targets.xlsx")
        sheet = book.worksheets[0]
        cells = " ".join(str(c.value) for row in sheet.iter_rows() for c in row if c.value)
        assert "Testbayev" in cells or "TESTBAYEV" in cells, code
        form = known.load()[code].list_format
        if form.header_row and not form.preamble:
            with open(package / f"testland-{code}-targets.csv", encoding="utf-8") as fh:
                header = next(csv.reader(fh))
            assert header == formats.header(known.load()[code]), code


def test_list_formats(built):
    """A smoke test on the shared fixture; tests/governments/test_listformat.py checks each format in full."""
    folder, _ = built
    us = (sent(folder, "us") / "testland-us-targets.csv").read_text(encoding="utf-8")
    assert '"TESTBAYEV, Arman","individual","GLOMAG"' in us
    assert '"DOB 01 May 1970; nationality Kazakhstan; Gender Male."' in us
    gb_text = (sent(folder, "gb") / "testland-gb-targets.csv").read_text(encoding="utf-8")
    gb = list(csv.DictReader(io.StringIO(gb_text.split("\n", 1)[1])))
    primary = next(r for r in gb if r["Name 6"] == "TESTBAYEV")
    assert primary["Name 1"] == "Arman" and primary["D.O.B"] == "01/05/1970"
    assert primary["Name non-latin script"] == "Арман Тестбаев"
    assert any(r["Name type"] == "Alias" and r["Name 6"] == "TESTBAEV" for r in gb)
    eu = read_csv(sent(folder, "eu") / "testland-eu-targets.csv")
    assert any("DOB: 1.5.1970" in r["Identifying information"] for r in eu)


def test_scope_is_checked_not_assumed(built):
    """The UK and Australian regimes cover life, torture and slavery only. Who is not proposed,
    and why, is for the submitter's notes: the letter names only those it proposes."""
    folder, _ = built
    for code in ("gb", "au"):
        notes = (folder / f"testland-{code}" / "internal" / "notes.txt").read_text(encoding="utf-8")
        assert "Bolat Examplov" in notes
        for path in sent(folder, code).rglob("*"):
            if path.is_file() and path.suffix != ".txt":  # the evidence copies may name anyone
                assert "Examplov" not in texts_in(path) and "EXAMPLOV" not in texts_in(path), path
    us = (sent(folder, "us") / "testland-us-targets.csv").read_text(encoding="utf-8")
    assert "EXAMPLOV" in us


def test_notes_name_what_the_law_covers_by_as_the_law_does(built):
    """Latvia's s. 61(2) states no criteria (the Minister decides who is persona non grata):
    its notes speak of the grounds the request is made on, and never of Latvia's criteria."""
    folder, _ = built
    notes = {
        code: (folder / f"testland-{code}" / "internal" / "notes.txt").read_text(encoding="utf-8")
        for code in ("gb", "lv")
    }
    assert "Not covered by the criteria of the United Kingdom: 1." in notes["gb"]
    assert "Not covered by the grounds the request is made on (section 61(2) itself" in notes["lv"]
    assert "criteria of Latvia" not in notes["lv"] and "government's criteria" not in notes["lv"]


def test_manifests_verify(built):
    folder, book = built
    for code in codes():
        package = sent(folder, code)
        manifest = json.loads((package / "manifest.json").read_text())
        assert manifest["source"]["sha256"] == hashlib.sha256(book.read_bytes()).hexdigest()
        listed = {f["path"] for f in manifest["files"]}
        inside = {p.relative_to(package).as_posix() for p in package.rglob("*") if p.is_file()}
        assert listed == inside - {"manifest.json"}
        for item in manifest["files"]:
            data = (package / item["path"]).read_bytes()
            assert hashlib.sha256(data).hexdigest() == item["sha256"] and len(data) == item["size"]
        assert manifest["tool"].startswith("sanctions ") and manifest["counts"]["targets"] >= 2
        assert manifest["edition"] == "filing" and manifest["date"] == "2026-11-30"


# What never goes to a government: the submitter's notes and the tool's working phrases, labels
# and caveats. Every file under send/ (and so in the .zip) is read for them.
INTERNAL_PHRASES = (
    "notes for the submitter",
    "To complete before filing",
    "Check before filing",
    "Not ready",
    "Persons not proposed",
    "not proposed",
    "Role:",
    "given for context only",
    "[To complete",
    "known through a",
    "without describing",
    "the recorded role",
    "submissions sheet",
    " column of the ",
    "workbook",
    " sheet",
)


def test_nothing_internal_is_sent(built):
    folder, _ = built
    for code in codes():
        for path in sent(folder, code).rglob("*"):
            if not path.is_file() or path.parent.name == "evidence":
                continue  # the evidence copies are the sources' own words
            text = readable_text(path)
            for phrase in INTERNAL_PHRASES:
                assert phrase not in text, (code, path.name, phrase)


def notes_of(folder: Path, code: str) -> str:
    return (folder / f"{folder.name}-{code}" / "internal" / "notes.txt").read_text(encoding="utf-8")


def test_exhibits_are_numbered_without_gaps_with_the_workbooks_id(tmp_path):
    """A package citing E002 only numbers it [1], and says it is the submitter's E002."""
    rows = rows_with_detail()
    rows["persons"] = [p for p in rows["persons"] if p["person_id"] == "P002"]
    rows["positions"] = [p for p in rows["positions"] if p["person_id"] == "P002"]
    rows["involvement"] = [p for p in rows["involvement"] if p["person_id"] == "P002"]
    rows["relations"] = []
    for position in rows["positions"]:
        position["evidence_ids"] = "E002"
    rows["positions"][0]["quote"] = "Chief Fictiyeva led the officers who detained us"
    rows["positions"][0]["locator"] = "para. 3"
    book = workbooks.write(tmp_path / "testland.xlsx", rows)
    folder = export(book, tmp_path / "out", only=["us"])
    index = read_csv(sent(folder, "us") / "evidence.csv")
    numbers = [(r["number"], r["evidence_id"]) for r in index]
    assert [n for n, _ in numbers] == [str(i) for i in range(1, len(numbers) + 1)]
    letter = [p.text for p in Document(sent(folder, "us") / "submission.docx").paragraphs]
    entries = [p for p in letter if p.startswith("[")]
    assert entries[0].startswith("[1] ") and entries[0].endswith(f"Our reference: {numbers[0][1]}.")
    # no relative is named: the submitter is not asked to confirm which relatives count
    assert "immediate family" not in notes_of(folder, "us")


def test_package_entities_hold_only_targets_and_what_they_rely_on(tmp_path):
    """A research lead sharing an incident, a relative where the government has no family
    measure, an act the letter does not rely on: none of them reach the package's entities."""
    rows = rows_with_detail()
    rows["persons"].append(
        {"person_id": "P009", "name": "Research Lead", "first_name": "Research",
         "last_name": "Lead", "status": "research", "summary": "Said to control the unit."}
    )  # fmt: skip
    rows["involvement"].append(
        {"person_id": "P009", "incident_id": "I001", "role": "perpetrated",
         "description": "Was there.", "evidence_ids": "E001"}
    )  # fmt: skip
    rows["positions"].append(
        {"person_id": "P009", "org_id": "O002", "title": "Officer", "evidence_ids": "E001"}
    )
    rows["relations"].append(
        {"person_id": "P001", "related_name": "Son Testbayev", "relationship": "parent",
         "evidence_ids": "E001"}
    )  # fmt: skip
    book = workbooks.write(tmp_path / "testland.xlsx", rows)
    folder = export(book, tmp_path / "out", only=["us", "gb"])

    def names(path: Path) -> set[str]:
        entities = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
        return {n for e in entities if e["schema"] == "Person" for n in e["properties"]["name"]}

    for code in ("us", "gb"):
        (path,) = sent(folder, code).glob("entities*.ftm.json")
        assert "Research Lead" not in names(path), code
    # The US has a family measure (Section 7031(c)): the son is named there, and only there.
    assert "Son Testbayev" in names(sent(folder, "us") / "entities-confidential.ftm.json")
    assert "confirm each relative listed" in notes_of(folder, "us")
    assert "Son Testbayev" not in names(sent(folder, "gb") / "entities-confidential.ftm.json")
    # The publishable list holds what the public page shows: no research lead, no relative.
    public = names(folder / "entities.ftm.json")
    assert "Research Lead" not in public and "Son Testbayev" not in public
    assert "Arman Testbayev" in public
    entities = [
        json.loads(line)
        for line in (folder / "entities.ftm.json").read_text(encoding="utf-8").splitlines()
    ]
    links = [e for e in entities if e["schema"] == "UnknownLink"]
    assert links and not any("role" in e["properties"] for e in links)  # no editor's label
    assert not any("involved" in e["properties"] for e in entities if e["schema"] == "Event")


def test_a_government_with_no_target_gets_notes_and_nothing_to_send(tmp_path):
    rows = rows_with_detail()
    for person in rows["persons"]:
        person["jurisdictions"] = "us"
    book = workbooks.write(tmp_path / "testland.xlsx", rows)
    done = run_export(book, tmp_path / "out", ["us", "gb"])
    gb = done.folder / "testland-gb"
    assert sorted(p.name for p in gb.iterdir()) == ["internal"]
    assert not (done.folder / "testland-gb.zip").exists()
    notes = (gb / "internal" / "notes.txt").read_text(encoding="utf-8")
    assert "Nothing goes to the United Kingdom" in notes
    assert any(w.startswith("nothing to send to the United Kingdom:") for w in done.warnings)
    assert (done.folder / "testland-us.zip").exists()


def test_a_filing_copy_is_never_turned_into_a_draft_unasked(tmp_path):
    book = workbooks.write(tmp_path / "testland.xlsx", rows_with_detail())
    out = tmp_path / "out"
    assert run_cli("export", str(book), "--out", str(out), "--only", "us").returncode == 0
    proc = run_cli("export", "--draft", str(book), "--out", str(out), "--only", "us")
    assert proc.returncode == 1 and "filing copies" in proc.stderr and "--force" in proc.stderr
    manifest = out / "testland" / "testland-us" / "send" / "manifest.json"
    assert json.loads(manifest.read_text(encoding="utf-8"))["edition"] == "filing"
    # the same export again (what `make run` does) keeps it a filing copy
    assert run_cli("export", str(book), "--out", str(out), "--only", "us").returncode == 0
    assert json.loads(manifest.read_text(encoding="utf-8"))["edition"] == "filing"
    proc = run_cli("export", "--draft", "--force", str(book), "--out", str(out), "--only", "us")
    assert proc.returncode == 0, proc.stderr
    assert json.loads(manifest.read_text(encoding="utf-8"))["edition"] == "draft"


def test_a_filing_copy_with_a_placeholder_is_refused(tmp_path):
    rows = rows_with_detail()
    rows["persons"][0]["impact"] = ""
    book = workbooks.write(tmp_path / "testland.xlsx", rows)
    proc = run_cli("export", str(book), "--out", str(tmp_path / "out"), "--only", "us")
    assert proc.returncode == 1
    assert "testland-us: National interest and impact, for 1 target: Arman Testbayev" in proc.stderr
    assert not (tmp_path / "out" / "testland").exists()
    proc = run_cli("export", "--draft", str(book), "--out", str(tmp_path / "out"), "--only", "us")
    assert proc.returncode == 0, proc.stderr


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
    assert "FICTIYEVA" in (sent(folder, "us") / "testland-us-targets.csv").read_text(
        encoding="utf-8"
    )
    assert "FICTIYEVA" not in (sent(folder, "eu") / "testland-eu-targets.csv").read_text(
        encoding="utf-8"
    )


def test_formula_like_text_is_written_as_text(tmp_path):
    rows = rows_with_detail()
    rows["persons"][0]["aliases"] = "@SUM(A1) Testbayev; +7 701 Testbayev; -2+3 Testbayev"
    book = workbooks.write(tmp_path / "testland.xlsx", rows)
    folder = export(book, tmp_path / "out", only=["au"])
    sheet = load_workbook(sent(folder, "au") / "testland-au-targets.xlsx").worksheets[0]
    risky = [
        c
        for row in sheet.iter_rows()
        for c in row
        if isinstance(c.value, str) and c.value[:1] in "@+-"
    ]
    assert len(risky) == 3 and all(c.data_type == "s" for c in risky)
    text = (sent(folder, "au") / "testland-au-targets.csv").read_text(encoding="utf-8")
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


def readable_text(path: Path) -> str:
    """The text a reader sees in a file: a letter's paragraphs and tables, a table's cells."""
    if path.suffix == ".docx":
        doc = Document(path)
        cells = [c.text for t in doc.tables for row in t.rows for c in row.cells]
        headers = [p.text for s in doc.sections for p in s.header.paragraphs]
        return "\n".join([*headers, *(p.text for p in doc.paragraphs), *cells])
    if path.suffix == ".xlsx":
        book = load_workbook(path, read_only=True)
        return "\n".join(
            str(v)
            for ws in book.worksheets
            for row in ws.iter_rows(values_only=True)
            for v in row
            if v is not None
        )
    return path.read_text(encoding="utf-8")


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
    assert CANARY in texts_in(folder / "testland-us" / "send" / "submission.docx")
    assert "CONFIDENTIAL" in texts_in(folder / "testland-us" / "send" / "submission.docx")


def test_ties_go_to_the_right_package(tmp_path):
    rows = rows_with_detail()
    rows["persons"][0]["ties"] = (
        "gb: owns a flat in London; us: son studies in Boston; travels to Europe often"
    )
    book = workbooks.write(tmp_path / "testland.xlsx", rows)
    folder = export(book, tmp_path / "out", only=["us", "gb"])
    gb = "\n".join(
        p.text for p in Document(folder / "testland-gb" / "send" / "submission.docx").paragraphs
    )
    us = "\n".join(
        p.text for p in Document(folder / "testland-us" / "send" / "submission.docx").paragraphs
    )
    assert "owns a flat in London" in gb and "son studies in Boston" not in gb
    assert "son studies in Boston" in us and "owns a flat in London" not in us
    assert "travels to Europe often" in gb and "travels to Europe often" in us
    assert "London" not in (folder / "public" / "index.html").read_text(encoding="utf-8")


def test_notes_list_every_earlier_step_with_that_government(tmp_path):
    """notes.txt lists what the submissions sheet records with the government, for everyone:
    those proposed again and those not in this package alike."""
    rows = rows_with_detail()
    rows["submissions"] = [
        {"person_id": "P001", "jurisdiction": "gb", "status": "submitted", "date": "2024-03-01",
         "reference": "FCDO-12"},
        {"person_id": "P001", "jurisdiction": "gb", "status": "rejected", "date": "2024-09-01"},
        {"person_id": "P002", "jurisdiction": "us", "status": "submitted", "date": "2025-01-10"},
    ]  # fmt: skip
    book = workbooks.write(tmp_path / "testland.xlsx", rows)
    done = run_export(book, tmp_path / "out", ["gb", "us"])
    gb = (done.folder / "testland-gb" / "internal" / "notes.txt").read_text(encoding="utf-8")
    assert "Earlier steps with the United Kingdom (the submissions sheet):" in gb
    assert (
        "- P001 Arman Testbayev: submitted 2024-03-01 (reference FCDO-12); rejected 2024-09-01"
        in gb
    )
    assert "P002" not in gb.split("Earlier steps with")[1].split("\n\n")[0]
    us = (done.folder / "testland-us" / "internal" / "notes.txt").read_text(encoding="utf-8")
    assert "- P002 Dana Fictiyeva: submitted 2025-01-10" in us


def test_a_list_row_prints_no_position_known_only_from_someones_account(tmp_path):
    """A list prints its fields as fact: a post a witness gives is left out of the row (the
    letter gives it, attributed), and the notes say so; a post a source states as its own is
    printed."""
    rows = workbooks.valid_rows()
    rows["positions"][1].update(
        evidence_ids="E002", quote="Chief Fictiyeva led the officers", locator="para. 3",
        account="witness", account_by="a detained protester",
    )  # fmt: skip
    folder = export(workbooks.write(tmp_path / "testland.xlsx", rows), tmp_path / "out", ["us"])
    us = (sent(folder, "us") / "testland-us-targets.csv").read_text(encoding="utf-8")
    arman = next(line for line in us.splitlines() if "TESTBAYEV" in line)
    dana = next(line for line in us.splitlines() if "FICTIYEVA" in line)
    assert "Former Minister, Ministry of Examples" in arman
    assert "Chief" not in dana and "according to" not in dana
    notes = (folder / "testland-us" / "internal" / "notes.txt").read_text(encoding="utf-8")
    assert (
        "Position left empty in the list row (every post is known only from someone's account"
        in notes
    )
    assert (
        "- Dana Fictiyeva: Chief, Example City Police (according to a detained protester)" in notes
    )
    letter = "\n".join(
        p.text for p in Document(str(sent(folder, "us") / "submission.docx")).paragraphs
    )
    assert "according to a detained protester" in letter  # the letter gives it, attributed


def test_notes_ask_where_a_source_without_an_address_can_be_obtained(built):
    """A government can check a source it cannot look up only against the copy the package
    sends: the notes ask where the original is, for each such source the letter cites."""
    folder, _ = built
    asked = 0
    for code in codes():
        text = notes_of(folder, code)
        if not (sent(folder, code) / "evidence.csv").exists():
            continue
        cited = {r["title"]: r for r in read_csv(sent(folder, code) / "evidence.csv")}
        line = next(
            (n for n in text.splitlines() if n.startswith("- Where the government can obtain")),
            "",
        )
        assert ("Witness statement" in line) is ("Witness statement" in cited), code
        assert "Report on Example City" in cited and "Report on Example City" not in line, code
        asked += "Witness statement" in line
    assert asked


def test_notes_say_where_a_list_row_goes_without_reasons(tmp_path):
    """A person proposed on confidential sources alone has no reasons a list may publish: the
    row's reasons are empty, and the notes say so rather than leave it to be found."""
    rows = workbooks.valid_rows()
    rows["evidence"][1]["confidential"] = "yes"  # E002, the witness statement
    rows["positions"][1].update(evidence_ids="E002", quote="Chief Fictiyeva led the officers")
    folder = export(workbooks.write(tmp_path / "testland.xlsx", rows), tmp_path / "out", ["gb"])
    raw = (sent(folder, "gb") / "testland-gb-targets.csv").read_text(encoding="utf-8-sig")
    table = csv.DictReader(io.StringIO(raw.split("\n", 1)[1]))  # after the Report Date line
    (dana,) = [r for r in table if r["Name 6"] == "FICTIYEVA"]
    assert dana["UK Statement of Reasons"] == ""
    said = notes_of(folder, "gb")
    assert "UK Statement of Reasons left empty in the list row" in said
    after = said.split("UK Statement of Reasons left empty", 1)[1].split("\n\n", 1)[0]
    assert "- Dana Fictiyeva" in after and "Arman Testbayev" not in after


def test_identifying_details_only_confidential_sources_give_stay_out_of_the_list_rows(tmp_path):
    """A list row is published; the letter, marked confidential where it must be, is not."""
    rows = workbooks.valid_rows()
    rows["evidence"][1]["confidential"] = "yes"  # E002, the witness statement
    rows["persons"][1].update(
        birth_date="1971-04-02", id_numbers="Passport N7654321", identity_evidence_ids="E002"
    )
    folder = export(workbooks.write(tmp_path / "testland.xlsx", rows), tmp_path / "out")
    checked = 0
    for code in codes():
        table = sent(folder, code) / f"testland-{code}-targets.csv"
        if not table.exists() or "FICTIYEVA" not in table.read_text(encoding="utf-8-sig").upper():
            continue
        text = table.read_text(encoding="utf-8-sig")
        assert "1971" not in text and "N7654321" not in text, code
        book = load_workbook(table.with_suffix(".xlsx"), read_only=True)
        cells = [str(v) for ws in book for r in ws.iter_rows(values_only=True) for v in r if v]
        assert not [c for c in cells if "1971" in c or "N7654321" in c], code  # the proposal too
        said = notes_of(folder, code)
        assert "Identifying details left out of the list row" in said, code
        assert "- Dana Fictiyeva: birth date, nationality, ID numbers\n" in said, code
        letter = "\n".join(
            p.text for p in Document(sent(folder, code) / "submission.docx").paragraphs
        )
        assert "1971" in letter, code
        assert (
            "Stated (as given here) only by confidential evidence, not to be published: Dana "
            "Fictiyeva's birth date, nationality and ID numbers" in letter
        ), code
        checked += 1
    assert checked >= 3
