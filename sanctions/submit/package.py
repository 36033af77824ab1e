"""One submission package per government, built from a validated workbook.

A package folder has two parts. ``send/`` is exactly what the authority receives, and the
package's .zip is ``send/`` alone: the Word submission (from templates/submission.docx), the
target table in that government's list format (.xlsx and .csv), the evidence index with the
local copies it cites (``evidence/``), the entities the letter relies on, and a manifest of it
all with every file's SHA-256. ``internal/notes.txt`` is for the submitting organisation: what
is still to complete or check, who is not proposed and why, what screening found. A government
with no target gets no ``send/`` and no .zip, only the notes saying why.

Exhibits are numbered 1…n within each package, in workbook order, with the workbook's
evidence ID beside each, so that a desk officer never meets a gap in the numbering.
Packages go to governments, not to the public: confidential evidence is included and marked so,
and listed on the submission's confidentiality page.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path

from sanctions import __version__
from sanctions.common import dates
from sanctions.common.files import file_sha256
from sanctions.common.places import (
    INTERNAL_FOLDER,
    LETTER_FILE,
    NOTES_FILE,
    PACKAGE_MANIFEST,
    SEND_FOLDER,
    targets_file,
)
from sanctions.common.writers import CsvStyle, write_csv, write_xlsx, write_zip
from sanctions.evidence.copies import FOLDER as EVIDENCE_FOLDER
from sanctions.evidence.copies import copy_evidence
from sanctions.evidence.holding import Holding
from sanctions.governments.arguments import to_complete as arguments_to_complete
from sanctions.governments.listformat import (
    PROPOSAL_SHEET,
    Row,
    header,
    names_to_complete,
    proposal_rows,
    rows_for,
)
from sanctions.governments.schema import Jurisdiction
from sanctions.governments.scope import Scope
from sanctions.model import ftmio
from sanctions.model.graph import Graph
from sanctions.model.subset import relied_edges, subset
from sanctions.model.targets import Evidence, Target
from sanctions.submit.document import Letterhead, render_submission, to_complete
from sanctions.submit.followed import followed_status
from sanctions.submit.notes import notes_text
from sanctions.submit.relied import relied_on
from sanctions.tracking.history import (
    Histories,
    History,
    resubmission_note,
)
from sanctions.tracking.screening import Screening
from sanctions.tracking.selection import select


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
    lines: ftmio.Lines | None = None  # the graphs' entities as lines, made once per process
    workbook_sha256: str | None = None  # the workbook's, hashed once for every package


@dataclass(frozen=True)
class Built:
    """A package written: its zip (None when nothing goes to this government), and what
    internal/notes.txt lists as still to complete."""

    archive: Path | None
    to_complete: list[str]
    # the persons held back until it is known where the government this one follows stands
    held: int = 0


def build_package(inputs: Inputs, jurisdiction: Jurisdiction, folder: Path) -> Built:
    """Write one government's package into ``folder`` and zip its ``send/`` part beside."""
    internal = folder / INTERNAL_FOLDER
    internal.mkdir(parents=True)
    chosen = select(inputs.targets, jurisdiction, inputs.screening, inputs.histories)
    inside, outside, unsettled = chosen.inside, chosen.outside, chosen.unsettled
    evidence = exhibits(inside, inputs.evidence, jurisdiction)
    history = _resubmissions(inside, evidence, inputs, jurisdiction)
    letterhead = Letterhead(inputs.draft, inputs.date)
    # What the letter would show in brackets: a filing copy may have none of it.
    missing = to_complete(inputs.submitter, letterhead) if inputs.draft else []
    missing += arguments_to_complete(jurisdiction, inside)
    # What the submitter should settle before filing that the letter does not show.
    to_check = names_to_complete(jurisdiction, inside) + unaddressed(evidence)
    notes = notes_text(
        jurisdiction,
        inside,
        outside,
        inputs.screening,
        chosen.designated,
        chosen.possible,
        missing,
        [(t, history[t.person_id]) for t, _ in inside if t.person_id in history],
        chosen.recorded,
        to_check,
        _earlier(inputs, jurisdiction.code),
        unsettled,
    )
    if inputs.draft:
        notes = "DRAFT: not for filing.\n\n" + notes
    (internal / NOTES_FILE).write_text(notes, encoding="utf-8")
    if not inside:
        return Built(None, [], len(unsettled))
    send = folder / SEND_FOLDER
    send.mkdir()
    rows: list[Row] = []
    for number, (target, found) in enumerate(inside, start=1):
        rows += rows_for(target, found, jurisdiction, number)
    write_table(send, inputs.prefix, jurisdiction, rows, inside, inputs.date)
    cited = list(evidence.values())
    copied = copy_evidence(inputs.workbook, cited, send)
    holding = inputs.holding or Holding.of(inputs.evidence.values(), inputs.workbook)
    relied = relied_on(inside, evidence, holding, jurisdiction)
    evidence_rows = [
        _evidence_row(e) | {"passages": "\n".join(relied.lines.get(e.evidence_id, []))}
        for e in cited
    ]
    write_csv(
        send / "evidence.csv", (*EVIDENCE_COLUMNS, "passages"), evidence_rows, CsvStyle(bom=True)
    )
    people = [_person_id(inputs, t) for t, _ in inside]
    family = jurisdiction.family.relationships if jurisdiction.family is not None else ()
    edges = relied_edges(inputs.graph, [t for t, _ in inside], relationships=family)
    entities = subset(inputs.graph, people, edges, evidence)
    # the public graph's posts are made from their published dates (``Target.as_published``)
    shown = [t.as_published() for t, _ in inside]
    publishable = subset(
        inputs.public_graph,
        people,
        relied_edges(inputs.public_graph, shown, relationships=family),
        evidence,
    )
    ftmio.write_one(send, entities, publishable, inputs.prefix, inputs.lines)
    render_submission(
        send / LETTER_FILE,
        jurisdiction,
        inside,
        cited,
        evidence,
        inputs.submitter,
        inputs.screening,
        letterhead,
        history,
        followed_status(jurisdiction, inside, inputs.screening, inputs.histories),
        relied,
        copied,
    )
    hashed = {f"{EVIDENCE_FOLDER}/{name}": digest for name, digest in copied.items()}
    _manifest(send, inputs, jurisdiction, len(inside), len(cited), len(entities), hashed)
    archive = folder.parent / f"{folder.name}.zip"
    write_zip(archive, send, folder.name)
    return Built(archive, missing)


def exhibits(
    inside: Sequence[tuple[Target, Scope]],
    evidence: dict[str, Evidence],
    jurisdiction: Jurisdiction | None = None,
) -> dict[str, Evidence]:
    """The evidence the letter cites (the identifying details, posts, the acts it tells, what
    weighs against them, and the relatives it names where the government has a family
    measure), numbered 1…n in
    workbook order: its exhibits.
    A source known only through another brings that other in, to be cited in it."""
    family = jurisdiction.family if jurisdiction is not None else None
    ids: set[str] = set()
    for target, _ in inside:
        ids.update(e for post in target.own_posts for e in post.evidence)
        ids.update(e for act in target.own_acts for e in (*act.evidence, *act.incident_evidence))
        ids.update(target.identity_evidence_ids)  # what the person is matched by
        ids.update(target.exculpatory_evidence_ids)  # what weighs against the case, too
        if family is not None:
            ids.update(
                e
                for relationship, _, cited in target.relations
                if relationship in family.relationships
                for e in cited
            )
    ids |= {t for i in ids if i in evidence and (t := evidence[i].known_through)}
    ordered = sorted((evidence[i] for i in ids if i in evidence), key=lambda e: e.number)
    return {e.evidence_id: replace(e, number=n) for n, e in enumerate(ordered, start=1)}


def unaddressed(evidence: dict[str, Evidence]) -> list[str]:
    """For notes.txt: the sources the letter cites that have no web address, which a
    government can check only against the package's own copy. A source cited as read in
    another is looked up in that one."""
    lacking = sorted(
        (e for e in evidence.values() if not (e.url or e.archive_url or e.known_through)),
        key=lambda e: e.number,
    )
    if not lacking:
        return []
    return [
        "Where the government can obtain the original of "
        + ("this source" if len(lacking) == 1 else "these sources")
        + ", which the evidence sheet gives no web address (url or archive_url): "
        + "; ".join(f"[{e.number}] {e.shown_title}" for e in lacking)
        + ". The package holds only the copy in evidence/; say where the original is "
        "published, or send it."
    ]


def write_table(
    send: Path,
    prefix: str,
    jurisdiction: Jurisdiction,
    rows: list[Row],
    inside: Sequence[tuple[Target, Scope]],
    date: str | None,
) -> None:
    """The target table as the government's list prints it, so that its rows could be appended
    to the real file: the .csv in the real file's layout (header row or none, its line before
    the header, its empty marker and quoting), and the same rows on the first sheet of the
    .xlsx (TRUE/FALSE cells where the real .xlsx has them). What the authority needs that its
    list does not hold (the legal ground, draft reasons, proposed duration) is on the .xlsx's
    second sheet, never in columns added to the list's own."""
    form = jurisdiction.list_format
    columns = header(jurisdiction)
    typed: list[dict[str, str | bool]] = [
        {
            c: (v == "TRUE") if c in form.booleans and v in ("TRUE", "FALSE") else v
            for c, v in r.items()
        }
        for r in rows
    ]
    sheets: dict[str, tuple[Sequence[str], Sequence[Mapping[str, str | bool]]]] = {
        form.sheet: (columns, typed)
    }
    extra = proposal_rows(inside, jurisdiction)
    if extra:
        sheets[PROPOSAL_SHEET] = (list(extra[0]), list(extra))
    headless = () if form.header_row else (form.sheet,)
    write_xlsx(send / targets_file(prefix, jurisdiction.code, ".xlsx"), sheets, headless)
    write_csv(
        send / targets_file(prefix, jurisdiction.code, ".csv"),
        columns,
        rows,
        form.csv_style(date),
    )


def _earlier(inputs: Inputs, code: str) -> list[tuple[str, History]]:
    """Every person's recorded steps with one government, in the workbook's order of persons."""
    names = {t.person_id: t.name for t in inputs.targets}
    found = [(pid, h) for (pid, c), h in inputs.histories.items() if c == code]
    order = {pid: k for k, pid in enumerate(names)}
    found.sort(key=lambda item: (order.get(item[0], len(order)), item[0]))
    return [(f"{pid} {names.get(pid, '')}".strip(), history) for pid, history in found]


def _resubmissions(
    inside: Sequence[tuple[Target, Scope]],
    evidence: dict[str, Evidence],
    inputs: Inputs,
    jurisdiction: Jurisdiction,
) -> dict[str, str]:
    """person_id -> "Resubmission (first submitted …)" for targets sent to this government before."""
    notes = {}
    for target, _ in inside:
        history = inputs.histories.get((target.person_id, jurisdiction.code))
        first = history.first_submission if history is not None else None
        words = [dates.in_words(first.date, jurisdiction.locale)] if first and first.date else []
        note = resubmission_note(target, history, evidence, words)
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


def _person_id(inputs: Inputs, target: Target) -> str:
    return inputs.graph.id_of("person", target.person_id)


def _manifest(
    folder: Path,
    inputs: Inputs,
    jurisdiction: Jurisdiction,
    targets: int,
    evidence: int,
    entities: int,
    hashed: Mapping[str, str],
) -> None:
    """``hashed``: the SHA-256 of files hashed as they were written (the evidence copies)."""
    files = [
        {
            "path": path,
            "sha256": hashed.get(path) or file_sha256(p),
            "size": p.stat().st_size,
        }
        for p in sorted(folder.rglob("*"))
        if p.is_file()
        for path in [p.relative_to(folder).as_posix()]
    ]
    manifest = {
        "list": inputs.prefix,
        "jurisdiction": jurisdiction.code,
        "edition": "draft" if inputs.draft else "filing",
        "date": inputs.date,
        "tool": f"sanctions {__version__}",
        "source": {"sha256": inputs.workbook_sha256 or file_sha256(inputs.workbook)},
        "counts": {
            "targets": targets,
            "evidence": evidence,
            "entities": entities,
        },
        "files": files,
    }
    (folder / PACKAGE_MANIFEST).write_text(
        json.dumps(manifest, indent=2, sort_keys=True) + "\n", encoding="utf-8"
    )
