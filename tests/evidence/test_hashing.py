"""`sanctions evidence hash`: the missing hashes written into a copy of the workbook, never into it."""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

import pytest
from click.testing import CliRunner
from openpyxl import load_workbook

from sanctions.cli import cli
from sanctions.evidence.folder import evidence_folder
from tests import workbooks
from tests.evidence.copies import BODY, DIGEST, file_findings, make, with_files
from tests.workbooks import cell

# sanctions evidence hash


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, list(args))
    return result.exit_code, result.stdout, result.stderr


def test_hash_writes_the_missing_hashes_into_a_copy(lists: Path, tmp_path: Path) -> None:
    rows = with_files(("good.txt", None), ("good.txt", "b" * 64), ("absent.pdf", None))
    book, _ = make(lists, rows)
    before = book.read_bytes()
    out = tmp_path / "hashed.xlsx"
    code, stdout, stderr = run("evidence", "hash", str(book), "--out", str(out))
    assert code == 0, stderr
    assert f"wrote {out}: 2 hashes written" in stdout
    assert "1 file not in the evidence folder" in stderr
    assert book.read_bytes() == before  # the editor's workbook is never written to
    sheet = load_workbook(out)["evidence"]
    pdf = hashlib.sha256(b"%PDF fictional\n").hexdigest()
    assert sheet[cell("evidence", "sha256", 1)].value == pdf  # E002
    assert sheet[cell("evidence", "sha256", 2)].value == DIGEST
    assert sheet[cell("evidence", "sha256", 3)].value == "b" * 64  # a mismatch stays
    assert sheet[cell("evidence", "sha256", 4)].value is None  # no file, no hash
    copy = lists / "copy.xlsx"  # the copy, validated where the workbook is: same folder name
    os.replace(out, copy)
    evidence_folder(book).rename(evidence_folder(copy))
    assert [c for c, _, _ in file_findings(copy)] == [
        "evidence.file_changed",
        "evidence.file_missing",
    ]


def test_hash_gives_the_same_bytes_for_the_same_inputs(lists: Path, tmp_path: Path) -> None:
    book, _ = make(lists, with_files(("good.txt", None)))
    first, second = tmp_path / "one.xlsx", tmp_path / "two.xlsx"
    assert run("evidence", "hash", str(book), "--out", str(first))[0] == 0
    assert run("evidence", "hash", str(book), "--out", str(second))[0] == 0
    assert first.read_bytes() == second.read_bytes()


def test_hash_adds_the_column_when_the_sheet_has_none(lists: Path, tmp_path: Path) -> None:
    rows = with_files(("good.txt", None))
    names = [n for n in workbooks.headers("evidence") if n != "sha256"]
    book = workbooks.write(
        lists / "book.xlsx", rows, header_overrides={"evidence": names}, copies=False
    )
    folder = evidence_folder(book)
    folder.mkdir()
    (folder / "good.txt").write_bytes(BODY)
    out = tmp_path / "hashed.xlsx"
    code, stdout, _ = run("evidence", "hash", str(book), "--out", str(out))
    assert code == 0 and "1 hash written" in stdout
    sheet = load_workbook(out)["evidence"]
    header = [c.value for c in sheet[1]]
    assert header[-1] == "sha256"
    assert sheet.cell(2 + 2, len(header)).value == DIGEST  # E101 is the third evidence row


@pytest.mark.parametrize(
    ("target", "why"),
    [
        ("itself", "this is the workbook itself"),
        ("lists/copy.xlsx", "the editors' folder"),
        ("copy.csv", "ending .xlsx"),
    ],
)
def test_hash_refuses_to_write_over_the_workbook_or_into_lists(
    lists: Path, tmp_path: Path, target: str, why: str
) -> None:
    book, _ = make(lists, with_files(("good.txt", None)))
    before = book.read_bytes()
    out = book if target == "itself" else tmp_path / target
    code, _, stderr = run("evidence", "hash", str(book), "--out", str(out))
    assert code == 2 and why in stderr
    assert book.read_bytes() == before
    assert sorted(p.name for p in lists.iterdir()) == ["book-evidence", "book.xlsx"]
    assert not (tmp_path / "copy.csv").exists()


def test_hash_of_an_unreadable_workbook_exits_2(lists: Path, tmp_path: Path) -> None:
    book = lists / "broken.xlsx"
    book.write_text("not a workbook")
    code, _, stderr = run("evidence", "hash", str(book), "--out", str(tmp_path / "c.xlsx"))
    assert code == 2 and f"error: {book}:" in stderr


def test_the_copy_keeps_every_other_part_of_the_workbook_byte_for_byte(
    lists: Path, tmp_path: Path
) -> None:
    """Pictures, drawings, notes: whatever the workbook holds beyond the evidence sheet's cells
    is in the copy as it was (openpyxl's load and save dropped pictures)."""
    import zipfile

    from sanctions.workbook.xmlscan import sheet_parts

    book, _ = make(lists, with_files(("good.txt", None)))
    picture = b"\x89PNG\r\n\x1a\n fictional picture"
    with zipfile.ZipFile(book, "a") as archive:
        archive.writestr("xl/media/image1.png", picture)
        archive.writestr("xl/drawings/drawing1.xml", b"<xdr:wsDr/>")
    out = tmp_path / "hashed.xlsx"
    code, _, stderr = run("evidence", "hash", str(book), "--out", str(out))
    assert code == 0, stderr
    with zipfile.ZipFile(book) as before, zipfile.ZipFile(out) as after:
        sheet = sheet_parts(before)["evidence"]
        assert after.namelist() == before.namelist()
        for name in before.namelist():
            if name != sheet:
                assert after.read(name) == before.read(name), name
        assert after.read("xl/media/image1.png") == picture
    assert load_workbook(out)["evidence"][cell("evidence", "sha256", 2)].value == DIGEST


def test_hash_reads_only_the_copies_without_a_recorded_hash(
    lists: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A recorded hash is left alone, so its copy (a video of gigabytes, say) is not read."""
    from sanctions.evidence import reading

    book, _ = make(lists, with_files(("good.txt", None), ("other.txt", "b" * 64)))
    (evidence_folder(book) / "other.txt").write_text("a recorded copy", encoding="utf-8")
    read: list[str] = []
    whole = reading._whole

    def counted(path: Path, *args: bool) -> reading.Reading:
        read.append(path.name)
        return whole(path, *args)

    monkeypatch.setattr(reading, "_whole", counted)
    assert run("evidence", "hash", str(book), "--out", str(tmp_path / "hashed.xlsx"))[0] == 0
    assert sorted(read) == ["good.txt", "witness-1.pdf"]  # not other.txt, whose hash is recorded
