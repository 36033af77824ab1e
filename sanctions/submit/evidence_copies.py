"""The local copies of evidence a package (or the public list) cites, carried inside it.

A recipient who is sent ``evidence/001_opinion.txt`` with its SHA-256 in the manifest can see
that it is the document the list cited. The copies come from the list's evidence folder
(``common.evidence_files``); each is hashed again as it is copied, since the file may have
changed since the validation that let the export run: a copy that is not the cited one stops
the export rather than travel under a hash it does not have.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from pathlib import Path, PurePosixPath

from sanctions.common.evidence_files import RefusedName, evidence_folder, resolve
from sanctions.model.targets import Evidence

FOLDER = "evidence"


class EvidenceChanged(Exception):
    """A cited copy is missing, refused or not the one recorded; the message names it."""


def copy_evidence(workbook: Path, items: Iterable[Evidence], into: Path) -> list[str]:
    """Copy each item's file into ``into/evidence/``, keeping its name (and sub-folders);
    the names copied, sorted. Items without a file are skipped, and so is everything when the
    list keeps no evidence folder beside it (its copies live elsewhere; the validator says
    nothing of them either)."""
    folder = evidence_folder(workbook)
    if not folder.is_dir():
        return []
    copied = []
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
        digest = _copy_hashing(source, target)
        if item.sha256 and digest != item.sha256.lower():
            raise EvidenceChanged(
                f"{item.evidence_id}: {source} has changed since it was cited (its SHA-256 is "
                f"{digest}, the workbook records {item.sha256}); run `sanctions validate`"
            )
        copied.append(name)
    return sorted(copied)


def _copy_hashing(source: Path, target: Path) -> str:
    digest = hashlib.sha256()
    with open(source, "rb") as src, open(target, "wb") as dst:
        for chunk in iter(lambda: src.read(1 << 20), b""):
            digest.update(chunk)
            dst.write(chunk)
    return digest.hexdigest()
