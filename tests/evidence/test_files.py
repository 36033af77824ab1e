"""Local evidence files: the evidence folder beside the workbook, names that may not leave it,
hashes checked at every validate, and ``sanctions evidence hash`` writing them into a copy."""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

import pytest
from click.testing import CliRunner
from openpyxl import load_workbook

from sanctions.check.validate import validate
from sanctions.cli import cli
from sanctions.evidence.folder import RefusedName, evidence_folder, resolve
from tests import workbooks
from tests.workbooks import Rows, cell

BODY = b"Statement of a fictional witness.\n"
DIGEST = hashlib.sha256(BODY).hexdigest()
FILE_CODES = (
    "evidence.file_missing",
    "evidence.file_changed",
    "evidence.file_outside",
    "evidence.file_unhashed",
)


def with_files(*files: tuple[str, str | None]) -> Rows:
    """The valid rows with one evidence row per (file, sha256), E101 onwards."""
    rows = workbooks.valid_rows()
    for i, (name, sha) in enumerate(files, start=101):
        rows["evidence"].append(
            {"evidence_id": f"E{i}", "title": f"Copy {i}", "kind": "testimony", "file": name}
            | ({"sha256": sha} if sha else {})
        )
    return rows


def file_findings(path: Path) -> list[tuple[str, str | None, str]]:
    return [(f.code, f.cell, f.severity) for f in validate(path).findings if f.code in FILE_CODES]


@pytest.fixture
def lists(tmp_path: Path) -> Path:
    folder = tmp_path / "lists"
    folder.mkdir()
    return folder


def make(lists: Path, rows: Rows, name: str = "book") -> tuple[Path, Path]:
    """A workbook in lists/ and its evidence folder with statements/witness-1.pdf (valid_rows'
    E002) and good.txt in it."""
    book = workbooks.write(lists / f"{name}.xlsx", rows)
    folder = evidence_folder(book)
    (folder / "statements").mkdir(parents=True)
    (folder / "statements" / "witness-1.pdf").write_bytes(b"%PDF fictional\n")
    (folder / "good.txt").write_bytes(BODY)
    return book, folder


# The folder rule and the refusals


def test_the_evidence_folder_is_named_after_the_workbook() -> None:
    assert evidence_folder(Path("lists/kazakhstan.xlsx")) == Path("lists/kazakhstan-evidence")


@pytest.mark.parametrize("name", ["good.txt", "sub/dir/a.pdf", "sub\\dir\\a.pdf", "./good.txt"])
def test_names_inside_the_folder_resolve(tmp_path: Path, name: str) -> None:
    path = resolve(tmp_path, name)
    assert path.parent.is_relative_to(tmp_path) and path.name in ("good.txt", "a.pdf")


@pytest.mark.parametrize(
    ("name", "why"),
    [
        ("/etc/passwd", "absolute path"),
        ("C:\\Users\\editor\\doc.pdf", "absolute path"),
        ("\\\\server\\share\\doc.pdf", "absolute path"),
        ("../book.xlsx", "leads out of"),
        ("sub/../../secret.txt", "leads out of"),
        (".", "names no file"),
    ],
)
def test_names_that_leave_the_folder_are_refused(tmp_path: Path, name: str, why: str) -> None:
    with pytest.raises(RefusedName, match=why):
        resolve(tmp_path, name)


def test_a_symbolic_link_on_the_way_is_refused(tmp_path: Path) -> None:
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "secret.txt").write_text("not evidence")
    folder = tmp_path / "book-evidence"
    folder.mkdir()
    (folder / "link.txt").symlink_to(outside / "secret.txt")
    (folder / "linked-dir").symlink_to(outside, target_is_directory=True)
    with pytest.raises(RefusedName, match=r"the file .* is a symbolic link"):
        resolve(folder, "link.txt")
    with pytest.raises(RefusedName, match=r"the folder .* is a symbolic link"):
        resolve(folder, "linked-dir/secret.txt")


# The rule at validate


def test_a_good_file_with_its_hash_gives_no_finding(lists: Path) -> None:
    rows = with_files(("good.txt", DIGEST), ("good.txt", DIGEST.upper()))
    rows["evidence"][1]["sha256"] = hashlib.sha256(b"%PDF fictional\n").hexdigest()
    book, _ = make(lists, rows)
    assert file_findings(book) == []


def test_missing_changed_and_unhashed_files(lists: Path) -> None:
    rows = with_files(("absent.pdf", None), ("good.txt", "b" * 64), ("sub", None))
    book, folder = make(lists, rows)
    (folder / "sub").mkdir()
    found = file_findings(book)
    assert found == [
        ("evidence.file_unhashed", cell("evidence", "file", 1), "warning"),  # E002
        ("evidence.file_missing", cell("evidence", "file", 2), "error"),
        ("evidence.file_changed", cell("evidence", "sha256", 3), "error"),
        ("evidence.file_missing", cell("evidence", "file", 4), "error"),  # a folder
    ]
    messages = {f.code: f.message for f in validate(book).findings if f.code in FILE_CODES}
    assert str(folder) in messages["evidence.file_missing"]
    assert DIGEST in messages["evidence.file_changed"]
    assert "sanctions evidence hash" in messages["evidence.file_unhashed"]


def test_names_out_of_the_folder_and_links_are_refused(lists: Path, tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_bytes(BODY)
    rows = with_files(
        ("../secret.txt", DIGEST),
        (str(secret), DIGEST),
        ("link.txt", DIGEST),
        ("linked/secret.txt", DIGEST),
    )
    book, folder = make(lists, rows)
    (folder / "link.txt").symlink_to(secret)
    (folder / "linked").symlink_to(tmp_path, target_is_directory=True)
    found = [
        (code, ref) for code, ref, _ in file_findings(book) if code != "evidence.file_unhashed"
    ]
    assert found == [("evidence.file_outside", cell("evidence", "file", i)) for i in (2, 3, 4, 5)]


def test_without_an_evidence_folder_files_are_not_checked(build) -> None:
    # valid_rows' E002 names statements/witness-1.pdf; no folder beside the workbook
    path = build(with_files(("absent.pdf", "c" * 64)))
    assert not evidence_folder(path).exists()
    assert file_findings(path) == []


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
    book = workbooks.write(lists / "book.xlsx", rows, header_overrides={"evidence": names})
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
