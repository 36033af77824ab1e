"""Local copies of evidence: each named file is in the list's evidence folder, safe to open, and
still the copy that was cited (its SHA-256 is the one recorded).

A recorded hash is what lets a recipient see that a document was not altered after it was
cited, so a mismatch is an error for a person to look at, never something to rewrite. Files are
hashed in blocks (a video of hours needs no memory) and side by side in threads, since
``hashlib`` lets go of the interpreter while it reads; a file cited by several rows is hashed
once. A workbook with no ``file`` values, or no evidence folder beside it, costs one look at a
column: the copies of such a list are kept elsewhere (the default list's in ``../shared/seeds``)
and there is nothing here to compare them with.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from sanctions.check.findings import Finding
from sanctions.check.link_rules import Sheets
from sanctions.common.evidence_files import RefusedName, evidence_folder, resolve
from sanctions.common.files import file_sha256
from sanctions.workbook.reader import row_number, text_or_none

SHEET = "evidence"
HASH = re.compile(r"[0-9a-fA-F]{64}")
HASHING_THREADS = 4


@dataclass(frozen=True)
class NamedFile:
    """One evidence row's ``file`` cell, resolved (``path`` None when the name was refused)."""

    row: int
    name: str
    recorded: str | None  # the sha256 cell as typed; None when empty
    path: Path | None
    refused: str | None  # why the name was refused


def named_files(sheets: Sheets, workbook: Path) -> list[NamedFile]:
    """Every evidence row with a ``file`` value, in row order; empty when there is none or when
    the workbook has no evidence folder beside it."""
    frame = sheets.frames[SHEET]
    if "file" not in frame or not frame["file"].notna().any():
        return []
    folder = evidence_folder(workbook)
    if not folder.is_dir():
        return []
    found = []
    for label, name in frame["file"].dropna().items():
        row = row_number(label)
        recorded = text_or_none(frame.at[label, "sha256"]) if "sha256" in frame else None
        try:
            found.append(NamedFile(row, str(name), recorded, resolve(folder, str(name)), None))
        except RefusedName as exc:
            found.append(NamedFile(row, str(name), recorded, None, str(exc)))
    return found


def hashes(paths: Iterable[Path]) -> dict[Path, str | OSError]:
    """Each distinct regular file's SHA-256 (or why it could not be read), hashed in parallel."""
    distinct = sorted({p for p in paths if p.is_file()})

    def one(path: Path) -> str | OSError:
        try:
            return file_sha256(path)
        except OSError as exc:
            return exc

    with ThreadPoolExecutor(max_workers=HASHING_THREADS) as pool:
        return dict(zip(distinct, pool.map(one, distinct), strict=True))


def evidence_file_findings(sheets: Sheets, workbook: Path) -> list[Finding]:
    """Missing, refused, changed and unhashed local copies, at the file (or sha256) cell."""
    files = named_files(sheets, workbook)
    if not files:
        return []
    folder = evidence_folder(workbook)
    # Only files with a well-formed recorded hash are read; a malformed one is sha256.invalid.
    to_compare = [f.path for f in files if f.path and f.recorded and HASH.fullmatch(f.recorded)]
    digests = hashes(p for p in to_compare if p is not None)
    findings: list[Finding] = []
    for f in files:
        found = _finding(sheets, folder, f, digests)
        if found is not None:
            findings.append(found)
    return findings


def _finding(
    sheets: Sheets, folder: Path, f: NamedFile, digests: dict[Path, str | OSError]
) -> Finding | None:
    def at(code: str, column: str, value: str | None, message: str) -> Finding:
        return sheets.finding(code, SHEET, column, f.row, value, message)

    if f.path is None:
        return at("evidence.file_outside", "file", f.name, f"file refused: {f.refused}")
    if not f.path.is_file():
        what = "is a folder, not a file" if f.path.is_dir() else "is not there"
        return at(
            "evidence.file_missing",
            "file",
            f.name,
            f"file '{f.name}' {what} in {folder}; put the copy there, or correct the name",
        )
    if f.recorded is None:
        return at(
            "evidence.file_unhashed",
            "file",
            f.name,
            f"file '{f.name}' has no sha256 recorded; run `sanctions evidence hash` to write it "
            "into a copy of the workbook, so that the copy can be shown unaltered",
        )
    digest = digests.get(f.path)
    if isinstance(digest, OSError):
        return at(
            "evidence.file_missing",
            "file",
            f.name,
            f"file '{f.name}' in {folder} cannot be read ({digest.strerror or digest})",
        )
    if digest is not None and digest != f.recorded.lower():
        return at(
            "evidence.file_changed",
            "sha256",
            f.recorded,
            f"file '{f.name}' is not the copy that was cited: its SHA-256 is {digest}; find the "
            "cited copy, or, if this one is right, check it and record its hash",
        )
    return None
