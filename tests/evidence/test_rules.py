"""The rules on local copies at every validate: there, safe to open, and the copy that was cited."""

from __future__ import annotations

import hashlib
from pathlib import Path

from sanctions.check.validate import validate
from sanctions.evidence.folder import evidence_folder
from tests.evidence.copies import BODY, DIGEST, FILE_CODES, file_findings, make, with_files
from tests.workbooks import cell

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


def test_copies_named_with_no_evidence_folder_are_missing_and_say_where_it_must_be(
    build,
) -> None:
    """A workbook saved under a new name, or moved, leaves its folder behind: its quotes went
    unchecked and its packages were sent without the copies their evidence lists name."""
    # valid_rows' E002 names statements/witness-1.pdf; no folder beside the workbook
    path = build(with_files(("absent.pdf", "c" * 64)), copies=False)
    folder = evidence_folder(path)
    assert not folder.exists()
    assert file_findings(path) == [
        ("evidence.file_missing", cell("evidence", "file", i), "error") for i in (1, 2)
    ]
    message = next(f.message for f in validate(path).findings if f.code == "evidence.file_missing")
    assert (
        f"there is no evidence folder {folder}" in message and "saved under a new name" in message
    )
    folder.write_text("not a folder", encoding="utf-8")
    message = next(f.message for f in validate(path).findings if f.code == "evidence.file_missing")
    assert f"{folder} is a file, not the evidence folder" in message


def test_a_name_windows_cannot_hold_is_an_error_with_the_rename_to_make(build) -> None:
    """Every package carries the copies under their names; a Windows user could not unpack
    one named CON.txt, a<b>.pdf or 'report.', or a path too long."""
    names = ("CON.txt", "a<b>.pdf", "report.", "sub/aux.pdf", "x" * 160 + ".pdf", "fine name.txt")
    path = build(with_files(*((n, None) for n in names)), copies=False)
    found = [f for f in validate(path).findings if f.code == "evidence.file_unportable"]
    assert [(f.cell, f.severity) for f in found] == [
        (cell("evidence", "file", i), "error") for i in (2, 3, 4, 5, 6)
    ]
    assert "for example to '_CON.txt'" in found[0].message
    assert "for example to 'a_b_.pdf'" in found[1].message
    assert "ends in a dot or a space" in found[2].message
    assert "for example to 'sub/_aux.pdf'" in found[3].message
    assert "164 characters long" in found[4].message
