"""The cited copies of evidence carried into a package (or the public list).

A recorded hash is what lets a recipient see that a document was not altered after it was
cited (the validation reads and hashes each copy: ``reading.py``). A package carries
``evidence/001_opinion.txt`` with its SHA-256 in the manifest; each copy is hashed again as it is copied, since the file may have changed since the
validation that let the export run: a copy that is not the cited one stops the export rather
than travel under a hash it does not have.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path, PurePosixPath
from typing import Protocol

from sanctions.common.errors import ListNotReady
from sanctions.common.files import file_sha256
from sanctions.evidence.folder import RefusedName, evidence_folder, resolve

FOLDER = "evidence"  # where a package keeps the copies it carries
# A copy this large is named when an export carries it: every package and the public folder
# hold their own copy, and every .zip another, so one video becomes gigabytes on disk.
LARGE_FILE = 100 * 10**6


def large_copies(workbook: Path, items: Iterable[Cited]) -> list[str]:
    """``E004 (hearing.mp4, 400 MB)`` for each item whose local copy is ``LARGE_FILE`` bytes
    or more."""
    at_least = LARGE_FILE
    folder = evidence_folder(workbook)
    found = []
    for item in items:
        if not item.file:
            continue
        try:
            size = resolve(folder, item.file).stat().st_size
        except (RefusedName, OSError):
            continue
        if size >= at_least:
            found.append(f"{item.evidence_id} ({item.file}, {megabytes(size)})")
    return found


def megabytes(size: int) -> str:
    return f"{size / 10**6:,.0f} MB"


class Cited(Protocol):
    """An evidence item as a package cites it: numbered, with its local copy and hash."""

    @property
    def evidence_id(self) -> str: ...
    @property
    def number(self) -> int: ...
    @property
    def file(self) -> str | None: ...
    @property
    def sha256(self) -> str | None: ...


class EvidenceChanged(ListNotReady):
    """A cited copy is missing, refused or not the one recorded; the message names it."""


def copy_evidence(workbook: Path, items: Iterable[Cited], into: Path) -> dict[str, str]:
    """Copy each item's file into ``into/evidence/``, keeping its name (and sub-folders);
    the names copied, sorted, each with the SHA-256 of the bytes copied (a manifest need not
    read them again). Items without a file are skipped, and so is everything when the list
    keeps no evidence folder beside it (its copies live elsewhere; the validator says nothing
    of them either)."""
    folder = evidence_folder(workbook)
    if not folder.is_dir():
        return {}
    copied: dict[str, str] = {}
    for item in sorted(items, key=lambda e: e.number):
        if not item.file:
            continue
        try:
            source = resolve(folder, item.file)
        except RefusedName as exc:
            raise EvidenceChanged(f"{item.evidence_id}: {exc}") from exc
        if not source.is_file():
            raise EvidenceChanged(f"{item.evidence_id}: {source} is not there")
        name = PurePosixPath(item.file.replace("\\", "/")).as_posix()
        target = into / FOLDER / name
        target.parent.mkdir(parents=True, exist_ok=True)
        digest = file_sha256(source, copy_to=target)
        if item.sha256 and digest != item.sha256.lower():
            raise EvidenceChanged(
                f"{item.evidence_id}: {source} has changed since it was cited (its SHA-256 is "
                f"{digest}, the workbook records {item.sha256}); run `sanctions validate`"
            )
        copied[name] = digest
    return dict(sorted(copied.items()))
