"""`sanctions screen` and what export does with its record: the screening files, the gap
matrix, designations cited in packages, and a clear error for a bad source or workbook."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import orjson
import pytest
from openpyxl import load_workbook

from sanctions.governments.registry import codes
from sanctions.tracking.screening import Screening
from tests import screening_data as data
from tests.conftest import Ran, run_cli, run_process


def run(*args: str, cwd: Path | None = None) -> Ran:
    return run_cli(*args, cwd=cwd or Path.cwd())


def test_screen_command_writes_screening_and_gap_matrix(
    labelled: tuple[Path, Path, Screening], tmp_path: Path
) -> None:
    book, reference, _ = labelled
    out = tmp_path / "exports"
    proc = run("screen", str(book), "--against", str(reference), "--out", str(out))
    assert proc.returncode == 0, proc.stderr
    assert "P001  Arman Testbayev" in proc.stdout
    assert "GLOMAG, listed 2010-03-15" in proc.stdout
    # a match not taken as the same person says what is left to confirm, as the report does
    assert "to confirm: the listing gives no birth date to compare" in proc.stdout
    # what the listing gives, to compare with the workbook
    assert "listed as born: not given; countries: " in proc.stdout
    assert "Gap matrix" in proc.stdout
    saved = orjson.loads((out / "book" / "screening.json").read_bytes())
    assert saved["gaps"]["P001"]["us"]["status"] == "designated"
    sheet = load_workbook(out / "book" / "gap-matrix.xlsx").active
    header = [c.value for c in sheet[1]]
    assert header == ["person_id", "name", "status", *codes()]
    values = {row[0]: row for row in sheet.iter_rows(min_row=2, values_only=True)}
    assert values["P001"][3].startswith("designated: GLOMAG")
    assert values["P001"][5] == "proposed"


def test_screen_json_is_deterministic(
    labelled: tuple[Path, Path, Screening], tmp_path: Path
) -> None:
    """The same bytes every time: scored afresh, and asked again (from the scores kept)."""
    book, reference, _ = labelled
    args = ["screen", str(book), "--against", str(reference), "--format", "json"]
    cache = tmp_path / "cache"
    first = run_process(*args, "--out", str(tmp_path / "a"), "--cache", str(cache))
    assert first.returncode == 0, first.stderr
    (kept,) = (cache / "scores").glob("scores-*.sqlite3")
    with sqlite3.connect(kept) as db:
        assert db.execute("SELECT count(*) FROM scores").fetchone()[0] > 0
    second = run_process(*args, "--out", str(tmp_path / "b"), "--cache", str(cache))
    assert first.stdout == second.stdout
    parsed = json.loads(first.stdout)
    assert parsed["threshold"] == 0.7 and parsed["gaps"]["P001"]["us"]["status"] == "designated"
    assert (tmp_path / "a" / "book" / "screening.json").read_bytes() == (
        tmp_path / "b" / "book" / "screening.json"
    ).read_bytes()


def test_a_cache_folder_that_cannot_be_written_leaves_the_screening_as_it_is(
    labelled: tuple[Path, Path, Screening], tmp_path: Path
) -> None:
    """Nothing kept, the same answer, and a warning saying why."""
    book, reference, screening = labelled
    blocked = tmp_path / "not-a-folder"
    blocked.write_text("a file where the cache folder should be")
    args = ["screen", str(book), "--against", str(reference), "--format", "json"]
    proc = run_process(*args, "--out", str(tmp_path / "out"), "--cache", str(blocked))
    assert proc.returncode == 0, proc.stderr
    assert f"warning: {blocked}" in proc.stderr and "scores not kept" in proc.stderr
    found = {
        p["person_id"]: [m["ref_id"] for m in p["matches"]]
        for p in json.loads(proc.stdout)["persons"]
    }
    assert found == {p.person_id: [m.ref_id for m in p.matches] for p in screening.persons}


def test_a_cache_folder_in_a_public_or_evidence_folder_is_refused(
    labelled: tuple[Path, Path, Screening], tmp_path: Path
) -> None:
    """The kept scores name the screened persons: never in a list's public folder (published)
    or its evidence folder (copied into every release)."""
    book, reference, _ = labelled
    out = tmp_path / "out"
    assert run_process("export", "--draft", str(book), "--out", str(out)).returncode == 0
    evidence = book.parent / f"{book.stem}-evidence"
    for place in (out / book.stem / "public", evidence):
        before = sorted(p.name for p in place.rglob("*"))
        args = ["screen", str(book), "--against", str(reference), "--out", str(tmp_path / "s")]
        proc = run_process(*args, "--cache", str(place))
        assert f"the cache folder {place}: this is inside" in proc.stderr, proc.stderr
        assert sorted(p.name for p in place.rglob("*")) == before


def test_threshold_option_narrows_matches(
    labelled: tuple[Path, Path, Screening], tmp_path: Path
) -> None:
    book, reference, _ = labelled
    proc = run(
        "screen", str(book), "--against", str(reference), "--threshold", "0.99",
        "--format", "json", "--out", str(tmp_path),
    )  # fmt: skip
    assert proc.returncode == 0, proc.stderr
    scores = [m["score"] for p in json.loads(proc.stdout)["persons"] for m in p["matches"]]
    assert scores and min(scores) >= 0.99


@pytest.mark.parametrize(
    ("source", "message"),
    [
        ("missing.ftm.json", "missing.ftm.json: no such file"),
        ("http://example.org/x", "https"),
        (".", ". is a folder: name the entities file in it"),
    ],
)
def test_screen_bad_source_is_a_clear_error(
    labelled: tuple[Path, Path, Screening], tmp_path: Path, source: str, message: str
) -> None:
    proc = run("screen", str(labelled[0]), "--against", source, "--out", str(tmp_path))
    assert proc.returncode == 2
    assert message in proc.stderr and "Traceback" not in proc.stderr


def test_screen_refuses_a_workbook_with_errors(
    labelled: tuple[Path, Path, Screening], tmp_path: Path
) -> None:
    rows = data.workbooks.valid_rows()
    rows["persons"][0]["birth_date"] = "not a date"
    book = data.workbooks.write(tmp_path / "bad.xlsx", rows)
    proc = run("screen", str(book), "--against", str(labelled[1]), "--out", str(tmp_path))
    assert proc.returncode == 1
    assert "not screened" in proc.stderr and "birth_date" in proc.stderr
    assert not (tmp_path / "bad" / "screening.json").exists()


def docx_text(path: Path) -> str:
    from docx import Document

    return "\n".join(p.text for p in Document(str(path)).paragraphs)


def test_export_cites_designations_and_publishes_the_gap_matrix(
    labelled: tuple[Path, Path, Screening], tmp_path: Path
) -> None:
    book, reference, _ = labelled
    out = tmp_path / "exports"
    assert run("export", str(book), "--out", str(out)).returncode == 0
    unscreened = docx_text(out / "book" / "book-gb" / "send" / "submission.docx")
    # nothing said of a screening that was not made (the notes say so)
    assert "Existing designations by other governments" not in unscreened
    assert "urgent procedure" not in unscreened  # no ally's designation was found
    assert not (out / "book" / "public" / "gap-matrix.xlsx").exists()

    assert run("screen", str(book), "--against", str(reference), "--out", str(out)).returncode == 0
    proc = run("export", str(book), "--out", str(out))
    assert proc.returncode == 0, proc.stderr
    assert "earlier version" not in proc.stderr  # the screening is up to date
    folder = out / "book"
    assert (folder / "screening.json").exists() and (folder / "gap-matrix.xlsx").exists()
    gb = docx_text(folder / "book-gb" / "send" / "submission.docx")
    assert "Existing designations by other governments" in gb
    assert "United States: GLOMAG, listed 2016-03-15" in gb  # Dana Fictiyeva, matched at 0.91
    assert "United Kingdom: Global Human Rights" not in gb  # not cited to the UK itself
    assert "Already designated by other governments" in gb
    assert "urgent procedure" in gb  # the United States' designation was found
    notes = (folder / "book-gb" / "internal" / "notes.txt").read_text(encoding="utf-8")
    assert "Dana Fictiyeva: United States, GLOMAG, listed 2016-03-15" in notes
    us = docx_text(folder / "book-us" / "send" / "submission.docx")
    assert "United Kingdom: Global Human Rights" in us
    sheet = load_workbook(folder / "public" / "gap-matrix.xlsx").active
    people = [row[0] for row in sheet.iter_rows(min_row=2, values_only=True)]
    assert people == ["P001", "P002"]  # the research-stage persons stay private
    page = (folder / "public" / "index.html").read_text(encoding="utf-8")
    assert "Existing sanctions" in page and "designated: GLOMAG" in page
    status = page[page.index('id="status"') :]
    assert "<td>proposed</td>" not in status  # the list's own strategy is not published
    governments = [row[3:] for row in sheet.iter_rows(min_row=2, values_only=True)]
    assert all(cell != "proposed" for row in governments for cell in row)
    assert "Bolat Zhaksylykov" not in page
    # Dana Fictiyeva's records match at 0.91 (a patronymic she is not given): not stated as
    # fact in public.
    row = next(r for r in sheet.iter_rows(min_row=2, values_only=True) if r[0] == "P002")
    assert row[3] == row[4] == "possible designation, not confirmed"
    # nor, to the editors, as a designation: it is possible, and the packages still propose her
    private = load_workbook(folder / "gap-matrix.xlsx").active
    row = next(r for r in private.iter_rows(min_row=2, values_only=True) if r[0] == "P002")
    assert row[3].startswith("possibly designated (a match not confirmed: ")
    assert row[3].endswith("GLOMAG, listed 2016-03-15; proposed in this workbook until confirmed")


def test_a_target_designated_by_the_receiving_government_is_not_proposed_again(
    labelled: tuple[Path, Path, Screening], tmp_path: Path
) -> None:
    """Arman Testbayev is on the US list (r01) and the UK list (r02), matched at 1.00; Dana
    Fictiyeva's records match at 0.91 only (they give a patronymic the workbook does not), so
    her packages ask the submitter to confirm."""
    book, reference, _ = labelled
    out = tmp_path / "exports"
    assert run("screen", str(book), "--against", str(reference), "--out", str(out)).returncode == 0
    assert run("export", str(book), "--out", str(out)).returncode == 0
    for code, government, program in (
        ("gb", "United Kingdom", "Global Human Rights, listed 2011-03-15"),
        ("us", "United States", "GLOMAG, listed 2010-03-15"),
    ):
        package = out / "book" / f"book-{code}"
        table = (package / "send" / f"book-{code}-targets.csv").read_text(encoding="utf-8")
        assert "Testbayev" not in table.replace("TESTBAYEV", "Testbayev"), code
        assert "Fictiyeva" in table.replace("FICTIYEVA", "Fictiyeva"), code
        assert "Arman Testbayev" not in docx_text(package / "send" / "submission.docx")
        notes = (package / "internal" / "notes.txt").read_text(encoding="utf-8")
        assert (
            f"Already designated by {government}, so not proposed again:\n- Arman Testbayev: {program}"
            in notes
        )
        assert f"Possibly designated by {government} already" in notes
        assert "- Dana Fictiyeva:" in notes.split(f"Possibly designated by {government}")[1]
    eu = (out / "book" / "book-eu" / "send" / "book-eu-targets.csv").read_text(encoding="utf-8")
    assert "TESTBAYEV" in eu.upper()  # the EU has not listed him: still proposed there


def test_export_warns_when_the_screening_is_older_than_the_workbook(
    labelled: tuple[Path, Path, Screening], tmp_path: Path
) -> None:
    _, reference, _ = labelled
    book = data.write_workbook(tmp_path / "book.xlsx")
    out = tmp_path / "exports"
    assert run("screen", str(book), "--against", str(reference), "--out", str(out)).returncode == 0
    rows = data.workbooks.valid_rows()
    rows["persons"] = [dict(p, summary="Changed.") for p in data.PERSONS[:2]]
    data.workbooks.write(book, rows)
    proc = run("export", str(book), "--out", str(out))
    assert proc.returncode == 0, proc.stderr
    assert "earlier version of book.xlsx" in proc.stderr


def test_the_header_counts_persons_other_entities_and_sanctions(
    labelled: tuple[Path, Path, Screening], tmp_path: Path
) -> None:
    book, reference, _ = labelled
    lines = [json.loads(line) for line in reference.read_text(encoding="utf-8").splitlines()]
    persons = sum(1 for e in lines if e["schema"] == "Person")
    sanctions = sum(1 for e in lines if e["schema"] == "Sanction")
    proc = run("screen", str(book), "--against", str(reference), "--out", str(tmp_path / "o"))
    assert proc.returncode == 0, proc.stderr
    header = proc.stdout.splitlines()[0]
    assert f"({persons:,} persons, " in header and f", {sanctions:,} sanctions)" in header


def test_quiet_screen_prints_no_progress(
    labelled: tuple[Path, Path, Screening], tmp_path: Path
) -> None:
    book, reference, _ = labelled
    proc = run("screen", str(book), "--against", str(reference), "--out", str(tmp_path), "-q")
    assert proc.returncode == 0, proc.stderr
    assert " ..." not in proc.stderr  # no step lines, only what was written
    assert "wrote" in proc.stderr


@pytest.mark.parametrize(
    "option",
    [
        ("screen", "--threshold", "nan"),
        ("screen", "--timeout", "nan"),
        ("evidence check", "--timeout", "inf"),
    ],
)
def test_a_number_option_that_is_no_number_is_refused(
    labelled: tuple[Path, Path, Screening], tmp_path: Path, option: tuple[str, str, str]
) -> None:
    """Python reads "nan" and "inf" as floats, and every bound lets nan through: refused."""
    book, reference, _ = labelled
    command, name, value = option
    args = [*command.split(), str(book), name, value]
    if command == "screen":
        args += ["--against", str(reference), "--out", str(tmp_path / "out")]
    proc = run(*args)
    assert proc.returncode == 2 and f"'{value}' is not a number" in proc.stderr, proc.stderr
    assert not (tmp_path / "out").exists()
