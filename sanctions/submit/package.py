"""One submission package per government, built from a validated workbook.

A package folder holds the Word submission (from templates/submission.docx), the target table in
that government's list format (.xlsx and .csv), the evidence index with the local copies it
cites (``evidence/``), the package's subset of FtM entities, notes for the submitter, and a
manifest of it all with every file's SHA-256; the folder is also zipped.
Packages go to governments, not to the public: confidential evidence is included and marked so,
and listed on the submission's confidentiality page.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from sanctions import __version__
from sanctions.common import dates
from sanctions.common.files import file_sha256
from sanctions.common.writers import write_csv, write_xlsx, write_zip
from sanctions.evidence.copies import copy_evidence
from sanctions.evidence.holding import Holding
from sanctions.governments.listformat import Row, header, names_to_complete, rows_for
from sanctions.governments.schema import Jurisdiction
from sanctions.governments.scope import Scope, in_package
from sanctions.model import ftmio
from sanctions.model.graph import Graph
from sanctions.model.subset import subset
from sanctions.model.targets import Evidence, Target
from sanctions.submit.arguments import to_complete as arguments_to_complete
from sanctions.submit.document import Letterhead, render_submission, to_complete
from sanctions.submit.followed import followed_status, followed_to_complete
from sanctions.submit.notes import notes_text
from sanctions.submit.relied import relied_on
from sanctions.tracking.designations import split_designated
from sanctions.tracking.history import (
    Histories,
    recorded_designations,
    resubmission_note,
)
from sanctions.tracking.screening import Screening


@dataclass
class Inputs:
    """What every package of one list is built from."""

    prefix: str
    workbook: Path
    targets: list[Target]
    evidence: dict[str, Evidence]
    submitter: dict[str, str]
    graph: Graph
    public_graph: Graph  # the same without anything confidential
    screening: Screening | None = None
    draft: bool = False  # every page says DRAFT; empty submitter fields show placeholders
    date: str | None = None  # ISO date of the cover letters
    histories: Histories = field(default_factory=dict)  # from the submissions sheet
    holding: Holding | None = None  # the copies' texts, read once for every package


@dataclass(frozen=True)
class Built:
    """A package written: its zip, and what notes.txt lists as still to complete."""

    archive: Path
    to_complete: list[str]


def build_package(inputs: Inputs, jurisdiction: Jurisdiction, folder: Path) -> Built:
    """Write one government's package into ``folder`` and zip it beside."""
    folder.mkdir(parents=True)
    inside, outside = in_package(inputs.targets, jurisdiction)
    inside, recorded = recorded_designations(inside, inputs.histories, jurisdiction.code)
    inside, designated, possible = split_designated(inside, inputs.screening, jurisdiction.code)
    history = _resubmissions(inside, inputs, jurisdiction)
    rows: list[Row] = []
    for number, (target, found) in enumerate(inside, start=1):
        rows += rows_for(target, found, jurisdiction, number)
    columns = header(jurisdiction)
    stem = f"{inputs.prefix}-{jurisdiction.code}"
    write_xlsx(folder / f"{stem}-targets.xlsx", {"targets": (columns, rows)})
    write_csv(folder / f"{stem}-targets.csv", columns, rows)
    cited = _cited_evidence(inside, inputs.evidence)
    copy_evidence(inputs.workbook, cited, folder)
    holding = inputs.holding or Holding.of(inputs.evidence.values(), inputs.workbook)
    relied = relied_on(inside, inputs.evidence, holding)
    evidence_rows = [
        _evidence_row(e) | {"passages": "\n".join(relied.lines.get(e.evidence_id, []))}
        for e in cited
    ]
    write_csv(folder / "evidence.csv", (*EVIDENCE_COLUMNS, "passages"), evidence_rows)
    people = [_person_id(inputs, t) for t, _ in inside]
    entities = subset(inputs.graph, people)
    publishable = subset(inputs.public_graph, people)
    ftmio.write_split(folder, entities, publishable, inputs.prefix)
    letterhead = Letterhead(inputs.draft, inputs.date)
    render_submission(
        folder / "submission.docx",
        jurisdiction,
        inside,
        outside,
        cited,
        inputs.evidence,
        inputs.submitter,
        inputs.screening,
        letterhead,
        history,
        followed_status(jurisdiction, inside, inputs.screening, inputs.histories),
        relied,
    )
    missing = to_complete(inputs.submitter, letterhead) if inputs.draft else []
    missing += arguments_to_complete(jurisdiction, inside)
    missing += names_to_complete(jurisdiction, inside)
    missing += followed_to_complete(jurisdiction, inside, inputs.screening, inputs.histories)
    notes = notes_text(
        jurisdiction,
        inside,
        outside,
        inputs.screening,
        designated,
        possible,
        missing,
        [(t, history[t.person_id]) for t, _ in inside if t.person_id in history],
        recorded,
    )
    if inputs.draft:
        notes = "DRAFT: not for filing.\n\n" + notes
    (folder / "notes.txt").write_text(notes, encoding="utf-8")
    uncovered = len([t for t, found in outside if not found.not_ready])  # the others never show
    _manifest(folder, inputs, jurisdiction, len(inside), uncovered, len(cited), len(entities))
    archive = folder.parent / f"{stem}.zip"
    write_zip(archive, folder, stem)
    return Built(archive, missing)


def _resubmissions(
    inside: Sequence[tuple[Target, Scope]], inputs: Inputs, jurisdiction: Jurisdiction
) -> dict[str, str]:
    """person_id -> "Resubmission (first submitted …)" for targets sent to this government before."""
    notes = {}
    for target, _ in inside:
        history = inputs.histories.get((target.person_id, jurisdiction.code))
        first = history.first_submission if history is not None else None
        words = [dates.in_words(first.date, jurisdiction.locale)] if first and first.date else []
        note = resubmission_note(target, history, inputs.evidence, words)
        if note is not None:
            notes[target.person_id] = note
    return notes


EVIDENCE_COLUMNS = (
    "number",
    "evidence_id",
    "title",
    "publisher",
    "published",
    "kind",
    "url",
    "archive_url",
    "file",
    "sha256",
    "language",
    "known_through",
    "confidential",
)


def _evidence_row(evidence: Evidence) -> Row:
    values = {column: getattr(evidence, column) for column in EVIDENCE_COLUMNS}
    values["confidential"] = "yes" if evidence.confidential else "no"
    return {k: "" if v is None else str(v) for k, v in values.items()}


def _cited_evidence(
    inside: Sequence[tuple[Target, Scope]], evidence: dict[str, Evidence]
) -> list[Evidence]:
    ids = {eid for target, _ in inside for eid in target.evidence}
    # A source known only through another brings that other into the index, to be cited in it.
    ids |= {t for i in ids if i in evidence and (t := evidence[i].known_through)}
    return sorted((evidence[i] for i in ids if i in evidence), key=lambda e: e.number)


def _person_id(inputs: Inputs, target: Target) -> str:
    return inputs.graph.id_of("person", target.person_id)


def _manifest(
    folder: Path,
    inputs: Inputs,
    jurisdiction: Jurisdiction,
    targets: int,
    outside: int,
    evidence: int,
    entities: int,
) -> None:
    files = [
        {
            "path": p.relative_to(folder).as_posix(),
            "sha256": file_sha256(p),
            "size": p.stat().st_size,
        }
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    ]
    manifest = {
        "list": inputs.prefix,
        "jurisdiction": jurisdiction.code,
        "tool": f"sanctions {__version__}",
        "source": {"file": inputs.workbook.name, "sha256": file_sha256(inputs.workbook)},
        "counts": {
            "targets": targets,
            "out_of_scope": outside,
            "evidence": evidence,
            "entities": entities,
        },
        "files": files,
    }
    (folder / "manifest.json").write_text(
        json.dumps(manifest, indent=2, sort_keys=True) + "\n", encoding="utf-8"
    )
