"""Confidential material beyond public/: marked in every government output, never in a text a
government publishes, and kept out of the list's publishable entities; and the workbook
problems that used to pass silently (twin sheets, hidden rows and columns, control characters)."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest
from docx import Document
from openpyxl import load_workbook

from sanctions.check.validate import validate
from sanctions.governments.registry import codes
from tests import workbooks
from tests.conftest import run_cli
from tests.ftm_files import every_problem
from tests.submit.test_package import CANARY, confidential_workbook, export

# The governments whose list prints a reason (in the list, or on the proposal sheet beside it).
WITH_REASONS = ("gb", "eu", "au", "ee", "lv", "lt", "ch")


@pytest.fixture(scope="module")
def leaky(tmp_path_factory: pytest.TempPathFactory) -> Path:
    tmp = tmp_path_factory.mktemp("leaks")
    book = workbooks.write(
        tmp / "testland.xlsx", workbooks.with_eu_decisions(confidential_workbook())
    )
    folder: Path = export(book, tmp / "out")
    return folder


def cells(path: Path) -> list[str]:
    book = load_workbook(path, read_only=True)
    return [
        str(v) for ws in book.worksheets for row in ws.iter_rows(values_only=True) for v in row if v
    ]


@pytest.mark.parametrize("code", sorted(codes()))
def test_published_list_texts_hold_nothing_confidential(leaky: Path, code: str) -> None:
    """Every cell of the target table, its reasons included, is a text the government may
    publish: nothing confidential, and an act on victims whose names are withheld is told
    without them."""
    send = leaky / f"testland-{code}" / "send"
    table = cells(send / f"testland-{code}-targets.xlsx")
    assert table
    assert not any(CANARY in value for value in table), code
    assert CANARY not in (send / f"testland-{code}-targets.csv").read_text(encoding="utf-8")
    if code in WITH_REASONS:  # the act is still told, without the victim's name
        text = " ".join(table)
        assert (
            "In an incident on 1 March 2020, according to a witness: “Chief Fictiyeva led the "
            "officers who detained us”." in text
        ), code


def test_the_submission_marks_confidential_conduct_and_lists_it(leaky: Path) -> None:
    for code in codes():
        paragraphs = [
            p.text
            for p in Document(leaky / f"testland-{code}" / "send" / "submission.docx").paragraphs
        ]
        secret = [p for p in paragraphs if p.startswith("CONFIDENTIAL. Secret")]
        if code in ("us", "eu", "ca", "gb", "au"):  # the regimes that cover torture
            assert secret, code
        victims = [p for p in paragraphs if "identities of the victims are confidential" in p]
        assert victims, code
        page = paragraphs[paragraphs.index("Confidential items:") :]
        assert any(
            p.startswith("Victims of Detention of protesters") and f"Victim {CANARY}" in p
            for p in page
        )
        assert any(p.startswith(f"CONFIDENTIAL. Secret post {CANARY}") for p in paragraphs)
        assert any(
            p.startswith(f"Post resting on confidential evidence: Secret post {CANARY}")
            for p in page
        )
        if secret:
            assert any(p.startswith(f"Incident: Secret {CANARY}") for p in page), code
            assert any(p.startswith("Evidence [") and f"Statement {CANARY}" in p for p in page)


def test_the_lists_entities_come_publishable_and_full(leaky: Path) -> None:
    public = (leaky / "entities.ftm.json").read_text(encoding="utf-8")
    full = (leaky / "entities-confidential.ftm.json").read_text(encoding="utf-8")
    assert CANARY not in public and "Arman Testbayev" in public
    assert CANARY in full
    package = leaky / "testland-us"
    # one file in a package, named for what it holds
    assert not (package / "send" / "entities.ftm.json").exists()
    assert CANARY in (package / "send" / "entities-confidential.ftm.json").read_text(
        encoding="utf-8"
    )
    # and each stands whole: what is left out takes with it every edge that needed it
    assert every_problem(leaky) == []


def test_sheets_differing_only_in_case_are_an_error(build) -> None:
    path = build(workbooks.valid_rows())
    book = load_workbook(path)
    book.copy_worksheet(book["persons"]).title = "Twin"
    book.save(path)
    # Excel and openpyxl refuse such a name; other tools write it, so rename inside the file.
    with zipfile.ZipFile(path) as archive:
        parts = {info.filename: archive.read(info) for info in archive.infolist()}
    parts["xl/workbook.xml"] = parts["xl/workbook.xml"].replace(b'name="Twin"', b'name="Persons"')
    with zipfile.ZipFile(path, "w") as archive:
        for name, data in parts.items():
            archive.writestr(name, data)
    result = validate(path)
    hits = [f for f in result.findings if f.code == "sheet.duplicate"]
    assert [f.severity for f in hits] == ["error"] and "Persons" in hits[0].message


def test_hidden_rows_and_columns_are_reported(build) -> None:
    path = build(workbooks.valid_rows())
    book = load_workbook(path)
    book["persons"].row_dimensions[3].hidden = True
    book["positions"].column_dimensions["B"].hidden = True
    book.save(path)
    found = {(f.code, f.sheet, f.cell) for f in validate(path).findings}
    assert ("row.hidden", "persons", "A3") in found
    assert ("column.hidden", "positions", "B1") in found


def test_merged_cells_among_the_rows_are_an_error_and_nothing_is_exported(
    build, tmp_path: Path
) -> None:
    """A "yes" merged over two evidence rows shows both confidential in Excel, but only the
    first cell holds it: the second row would be published. A title band merged above the
    header is no concern."""
    rows = workbooks.valid_rows()
    rows["evidence"][1]["confidential"] = ""
    path = build(rows)
    book = load_workbook(path)
    sheet = book["evidence"]
    column = [c.value for c in sheet[1]].index("confidential") + 1
    sheet.cell(row=2, column=column).value = "yes"
    letter = sheet.cell(row=2, column=column).column_letter
    sheet.merge_cells(f"{letter}2:{letter}3")
    sheet.merge_cells("AZ10:BA12")  # beside the list's columns: nothing of it is read
    book.save(path)
    merged = [f for f in validate(path).findings if f.code == "cells.merged"]
    assert [(f.severity, f.sheet, f.cell) for f in merged] == [("error", "evidence", f"{letter}2")]
    assert f"cells {letter}2:{letter}3 are merged" in merged[0].message
    proc = run_cli("export", str(path), "--out", str(tmp_path / "out"))
    assert proc.returncode == 1 and not (tmp_path / "out" / path.stem / "public").exists()


def test_a_confidential_victim_is_withheld_from_list_rows_however_their_sources_are_cited(
    build, tmp_path: Path
) -> None:
    """The incident cites a public report, which names the victim by surname alone, beside a
    confidential interview: the victims are left out of what is published, and still every
    published text withholds their names."""
    rows = workbooks.valid_rows()
    workbooks.with_unread_interview(rows)
    rows["incidents"][0].update(
        victims="Serik Secretov", victims_confidential="yes", evidence_ids="E001; E003"
    )
    rows["involvement"][1].update(
        description="Fictiyeva led the officers who beat Secretov.", evidence_ids="E001"
    )
    for key in ("quote", "locator", "account", "account_by"):
        rows["involvement"][1].pop(key, None)
    folder = export(build(rows), tmp_path / "out")
    published = [p for p in folder.rglob("*-targets.*")] + list((folder / "public").rglob("*"))
    assert published
    for path in published:
        if path.suffix == ".xlsx":
            assert not any("Secretov" in c for c in cells(path)), path
        elif path.is_file() and path.suffix in (".csv", ".html", ".json"):
            assert "Secretov" not in path.read_text(encoding="utf-8", errors="ignore"), path
    assert any("[name withheld]" in " ".join(cells(p)) for p in folder.rglob("*-gb-targets.xlsx"))


def test_a_cell_longer_than_excel_holds_is_an_error_not_a_cut_text(build, tmp_path: Path) -> None:
    """A program other than Excel may write more than 32,767 characters in a cell; the reader
    keeps only those, so the summary would go out cut mid-word. Just under the limit passes."""
    rows = workbooks.valid_rows()
    path = build(rows)
    book = load_workbook(path)
    sheet = book["incidents"]
    column = [c.value for c in sheet[1]].index("summary") + 1
    letter = sheet.cell(row=2, column=column).column_letter
    sheet.cell(row=2, column=column).value = "Police detained protesters. " * 1200  # 33,600
    book.save(path)
    found = [f for f in validate(path).findings if f.code == "cell.at_limit"]
    assert [(f.severity, f.sheet, f.cell) for f in found] == [("error", "incidents", f"{letter}2")]
    assert "holds 32,767 characters, the most a cell can hold in Excel" in found[0].message
    sheet.cell(row=2, column=column).value = "Police detained protesters. " * 1170  # 32,760
    book.save(path)
    assert not [f for f in validate(path).findings if f.code == "cell.at_limit"]


def test_a_control_character_is_refused_not_a_crash(build, tmp_path: Path) -> None:
    rows = workbooks.valid_rows()
    rows["incidents"][0]["summary"] = "Police detained_x0007_ peaceful protesters."
    book = build(rows)
    proc = run_cli("export", str(book), "--out", str(tmp_path / "out"))
    assert proc.returncode == 1 and "Traceback" not in proc.stderr
    assert "text.control" in proc.stdout and "incidents!H2" in proc.stdout


def test_a_fact_only_a_confidential_source_states_leaves_public_outputs(build, tmp_path) -> None:
    """Dana Fictiyeva's post is quoted from the report (E001) and also cites the witness
    statement (E002), which does not state it. With the report marked confidential, the post
    is not shown on the public page re-cited to the statement: it leaves, and validate says
    why at the quote cell."""
    rows = workbooks.valid_rows()
    rows["evidence"][0]["confidential"] = "yes"
    rows["incidents"][0]["evidence_ids"] = "E001; E002"  # the statement tells the incident too
    book = build(rows)
    [only] = [f for f in validate(book).findings if f.code == "quote.only_confidential"]
    assert (only.sheet, only.cell, only.severity) == (
        "positions",
        workbooks.cell("positions", "quote", 1),
        "warning",
    )
    assert "only in E001, which is confidential" in only.message
    assert "leave this post out" in only.message
    proc = run_cli("export", str(book), "--out", str(tmp_path / "out"), "--only", "gb")
    assert proc.returncode == 0, proc.stderr
    public = tmp_path / "out" / book.stem / "public"
    page = (public / "index.html").read_text(encoding="utf-8")
    assert "Dana Fictiyeva" in page  # her act rests on the public witness statement
    assert "Example City Police" not in page and "since 2018" not in page
    assert "Example City Police" not in " ".join(cells(public / "list.xlsx"))
    entities = (tmp_path / "out" / book.stem / "entities.ftm.json").read_text(encoding="utf-8")
    assert '"Occupancy"' not in entities and "led the Example City police" not in entities


def test_words_no_copy_holds_beside_a_confidential_source_without_one_stay_out(
    build, tmp_path: Path
) -> None:
    """A confidential source known only by its address may be the one that says them: they are
    not published credited to the public source beside it, which does not."""
    rows = workbooks.valid_rows()
    rows["evidence"].append(
        {"evidence_id": "E098", "title": "Leaked memo", "kind": "other",
         "url": "https://example.org/memo", "language": "en", "confidential": "yes"}
    )  # fmt: skip
    rows["involvement"][0].update(
        evidence_ids="E001; E098", quote="Testbayev signed the Zyxnocopy order"
    )
    book = build(rows)
    out = tmp_path / "out"
    assert run_cli("export", "--draft", str(book), "--out", str(out)).returncode == 0
    public = [out / book.stem / "public" / "index.html", out / book.stem / "entities.ftm.json"]
    public += list((out / book.stem).glob("*/send/*-targets.csv"))
    for path in public:
        assert "Zyxnocopy" not in path.read_text(encoding="utf-8-sig"), path


def test_contrary_information_in_words_only_a_confidential_copy_holds_stays_out(
    build, tmp_path: Path
) -> None:
    """Cited to the public report and the confidential statement, but quoting the statement's
    words: published, it would tell what the statement holds."""
    rows = workbooks.valid_rows()
    rows["evidence"][1]["confidential"] = "yes"  # E002, the witness statement
    rows["persons"][1].update(
        exculpatory='A protester said that "we were surrounded by police officers".',
        exculpatory_evidence_ids="E001; E002",
    )
    rows["involvement"][1].update(  # her act, on the public report
        evidence_ids="E001", quote="Dana Fictiyeva, who has led the Example City police"
    )
    book = build(rows)
    out = tmp_path / "out"
    assert run_cli("export", "--draft", str(book), "--out", str(out)).returncode == 0
    for path in (out / book.stem / "public" / "index.html", out / book.stem / "entities.ftm.json"):
        text = path.read_text(encoding="utf-8")
        assert "Dana Fictiyeva" in text, path
        assert "surrounded by police" not in text, path
    full = (out / book.stem / "entities-confidential.ftm.json").read_text(encoding="utf-8")
    assert "surrounded by police" in full  # the governments' packages keep it
