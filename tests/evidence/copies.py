"""Workbooks with local copies of evidence, for the tests of the evidence folder, its rules and
the hash command."""

from __future__ import annotations

import hashlib
from pathlib import Path

from sanctions.check.validate import validate
from sanctions.evidence.folder import evidence_folder
from tests import workbooks
from tests.workbooks import Rows

BODY = b"Statement of a fictional witness.\n"
DIGEST = hashlib.sha256(BODY).hexdigest()
FILE_CODES = (
    "evidence.file_missing",
    "evidence.file_changed",
    "evidence.file_outside",
    "evidence.file_unhashed",
)


def with_files(*files: tuple[str, str | None]) -> Rows:
    """The valid rows with one evidence row per (file, sha256), E101 onwards; E001 without its
    copy, so that E002 (statements/witness-1.pdf, no hash) is the only file before them."""
    rows = workbooks.valid_rows()
    del rows["evidence"][0]["file"]
    for i, (name, sha) in enumerate(files, start=101):
        rows["evidence"].append(
            {"evidence_id": f"E{i}", "title": f"Copy {i}", "kind": "testimony", "file": name}
            | ({"sha256": sha} if sha else {})
        )
    return rows


def file_findings(path: Path) -> list[tuple[str, str | None, str]]:
    return [(f.code, f.cell, f.severity) for f in validate(path).findings if f.code in FILE_CODES]


def make(lists: Path, rows: Rows, name: str = "book") -> tuple[Path, Path]:
    """A workbook in lists/ and its evidence folder with statements/witness-1.pdf (valid_rows'
    E002) and good.txt in it."""
    book = workbooks.write(lists / f"{name}.xlsx", rows, copies=False)
    folder = evidence_folder(book)
    (folder / "statements").mkdir(parents=True)
    (folder / "statements" / "witness-1.pdf").write_bytes(b"%PDF fictional\n")
    (folder / "good.txt").write_bytes(BODY)
    return book, folder
