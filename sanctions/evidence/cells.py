"""The cells of the evidence sheet that name something to check: links and local copies.

A value in ``url`` or ``archive_url`` that starts with a scheme (``https:``, ``file:`` …) is a
link. A ``file://`` or ``ftp://`` address is a link the check refuses, not text to skip; words
without a scheme are ``url.invalid`` and nothing more. A ``file`` value names a local copy in
the list's evidence folder, resolved by the folder's rule (``folder.py``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from sanctions.evidence.folder import RefusedName, evidence_folder, resolve
from sanctions.workbook.reader import row_number, text_or_none
from sanctions.workbook.sheets import Sheets

SHEET = "evidence"
LINK_COLUMNS = ("url", "archive_url")
# What lets whoever receives a list open a source: an address, an archived copy, a local copy.
LOCATORS = ("url", "archive_url", "file")
# A scheme of two letters or more: ``C:\docs`` is a Windows path, not a link.
SCHEME = re.compile(r"[A-Za-z][A-Za-z0-9+.-]+:\S*")
HASH = re.compile(r"[0-9a-fA-F]{64}")


@dataclass(frozen=True)
class Citation:
    """One link cell of the evidence sheet."""

    url: str
    column: str  # "url" or "archive_url"
    row: int
    archive_url: str | None  # the row's archive_url (for a url cell)
    confidential: bool  # the row is marked confidential


def located(item: object) -> bool:
    """Whether an evidence item (a row read into a record) gives something to open."""
    return any(getattr(item, column, None) for column in LOCATORS)


def checkable(item: object, through: object | None) -> bool:
    """Whether a source can be checked: it gives something to open, or the document it is
    known through does."""
    return located(item) or (through is not None and located(through))


def is_link(value: str) -> bool:
    return SCHEME.fullmatch(value) is not None


def citations(sheets: Sheets) -> list[Citation]:
    """Every link cell of the evidence sheet, by row, url before archive_url."""
    frame = sheets.frames[SHEET]
    present = [c for c in LINK_COLUMNS if c in frame and frame[c].notna().any()]
    if not present:
        return []
    found = []
    archives = frame.get("archive_url")
    secrets = frame.get("confidential")
    for column in present:
        cells = frame[column].dropna()
        archive_of = archives.reindex(cells.index).tolist() if archives is not None else None
        secret_of = secrets.reindex(cells.index).tolist() if secrets is not None else None
        for k, (label, value) in enumerate(cells.items()):
            if not is_link(str(value)):
                continue
            archive = archive_of[k] if archive_of is not None else None
            secret = secret_of[k] if secret_of is not None else None
            found.append(
                Citation(
                    str(value),
                    column,
                    row_number(label),
                    text_or_none(archive) if column == "url" else None,
                    text_or_none(secret) == "yes",
                )
            )
    return sorted(found, key=lambda c: (c.row, LINK_COLUMNS.index(c.column)))


@dataclass(frozen=True)
class NamedFile:
    """One evidence row's ``file`` cell, resolved (``path`` None when the name was refused)."""

    row: int
    name: str
    recorded: str | None  # the sha256 cell as typed; None when empty
    path: Path | None
    refused: str | None  # why the name was refused

    @property
    def comparable(self) -> bool:
        """A file whose recorded hash is well-formed, to compare with the file's own (a
        malformed one is reported as sha256.invalid)."""
        return bool(self.path and self.recorded and HASH.fullmatch(self.recorded))


def named_files(sheets: Sheets, workbook: Path) -> list[NamedFile]:
    """Every evidence row with a ``file`` value, in row order; empty when there is none or when
    the workbook has no evidence folder beside it. Worked out once for the sheets (the hash
    and quote rules both ask)."""
    return sheets.derived(f"_named_files:{workbook}", lambda s: _named_files(s, workbook))


def _named_files(sheets: Sheets, workbook: Path) -> list[NamedFile]:
    frame = sheets.frames[SHEET]
    if "file" not in frame or not frame["file"].notna().any():
        return []
    folder = evidence_folder(workbook)
    if not folder.is_dir():
        return []
    found = []
    names = frame["file"].dropna()
    hashes = frame["sha256"].reindex(names.index).tolist() if "sha256" in frame else None
    for k, (label, name) in enumerate(names.items()):
        row = row_number(label)
        recorded = text_or_none(hashes[k]) if hashes is not None else None
        try:
            found.append(NamedFile(row, str(name), recorded, resolve(folder, str(name)), None))
        except RefusedName as exc:
            found.append(NamedFile(row, str(name), recorded, None, str(exc)))
    return found
