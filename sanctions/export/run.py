"""`sanctions export`: everything built from one validated workbook, in exports/<list>/.

    entities.ftm.json        every entity of the list (FtM JSON lines, sorted by ID)
    <list>-<code>/           one submission package per government, and <list>-<code>.zip
    public/                  the publishable list (index.html, list.xlsx, and gap-matrix.xlsx
                             when the list has been screened)
    screening.json           written by `sanctions screen`, kept here and cited by packages
    gap-matrix.xlsx          likewise: every screened person, not just the public ones

All of it is built in a staging folder that replaces exports/<list>/ only when complete.
"""

from __future__ import annotations

import shutil
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from sanctions.check.validate import validated
from sanctions.common.errors import ListNotReady
from sanctions.common.outputs import replace_dir
from sanctions.common.places import (
    GAPS_FILE,
    PUBLIC_FOLDER,
    SCREENING_FILE,
    dataset_prefix,
    list_folder,
    recognise,
)
from sanctions.evidence.copies import copy_evidence
from sanctions.evidence.holding import Holding
from sanctions.governments import registry as known
from sanctions.model import ftmio
from sanctions.model.convert import build
from sanctions.model.rows import Rows
from sanctions.model.targets import load_evidence, load_targets, victim_evidence
from sanctions.public.page import public_sources, public_targets, write_public
from sanctions.review.report import write_report
from sanctions.rules.finding import Finding
from sanctions.submit.package import Inputs, build_package
from sanctions.tracking.gaps import gap_matrix, proposed_by, rows, write_matrix_xlsx
from sanctions.tracking.history import histories
from sanctions.tracking.screening import screening_of
from sanctions.workbook.layout import load_layout

# Written by `sanctions screen`, not by export: carried over when the folder is rebuilt.
KEPT_FILES = (SCREENING_FILE, GAPS_FILE)


def submitter_of(rows: Rows) -> dict[str, str]:
    """Every submitter key, empty where the sheet gives no value."""
    keys = load_layout().vocabularies["submitter_key"]
    return {key: rows.submitter.get(key, "") for key in keys}


# Without these a submission cannot be filed: export refuses, unless asked for a draft.
FILING_KEYS = ("organisation", "contact_person")


class NotReady(ListNotReady):
    """The packages could not be filed as they stand; the message says what to add."""


@dataclass(frozen=True)
class Edition:
    """Whether the packages are a draft, and the date their cover letters carry."""

    draft: bool = False
    date: str | None = None  # ISO; from --date, else the submitter sheet's date


def edition_of(submitter: dict[str, str], draft: bool, date: str | None) -> Edition:
    """The packages' edition, refused (``NotReady``) when a filing copy lacks what it needs."""
    chosen = date or submitter.get("date") or None
    if draft:
        return Edition(True, chosen)
    missing = [key for key in FILING_KEYS if not submitter.get(key)]
    if missing:
        raise NotReady(
            f"the submitter sheet has no {' or '.join(missing)}, which every submission needs; "
            "fill it in, or export a draft with --draft"
        )
    if chosen is None:
        raise NotReady(
            "the submissions need a date: give --date 2026-11-30 (or --date today), or a date "
            "on the submitter sheet; or export a draft with --draft"
        )
    return Edition(False, chosen)


@dataclass
class Exported:
    folder: Path
    warnings: list[str]
    findings: list[Finding]  # the validation's (warnings only: errors refuse the export)


def export(
    workbook: Path,
    out: Path,
    only: Sequence[str] | None = None,
    draft: bool = False,
    date: str | None = None,
) -> Exported:
    """Everything for one list. Refuses (``Refused``) a workbook with errors and (``NotReady``)
    packages that could not be filed, unless ``draft``; ``date``: the cover letters' date."""
    result = validated(workbook)
    prefix = dataset_prefix(workbook)
    target = list_folder(workbook, out)
    table_rows = Rows.of(result)
    submitter = submitter_of(table_rows)
    edition = edition_of(submitter, draft, date)
    holding = Holding.of(table_rows.evidence, workbook)
    graph = build(result, prefix, rows=table_rows, holding=holding)
    public_graph = build(result, prefix, public=True, rows=table_rows, holding=holding)
    screening, stale = screening_of(workbook, target)
    warnings = [stale] if stale else []
    targets = load_targets(table_rows)
    evidence = load_evidence(table_rows)
    inputs = Inputs(
        prefix,
        workbook,
        targets,
        evidence,
        submitter,
        graph,
        public_graph,
        screening,
        edition.draft,
        edition.date,
        histories(table_rows.submissions),
        holding,
    )
    codes = [c for c in known.codes() if only is None or c in only]
    with replace_dir(target, recognise(prefix)) as staging:
        for kept in KEPT_FILES:
            if (target / kept).exists():
                shutil.copy2(target / kept, staging / kept)
        everything, publishable = graph.entities.values(), public_graph.entities.values()
        ftmio.write_split(staging, everything, publishable, prefix)
        for code in codes:
            built = build_package(inputs, known.load()[code], staging / f"{prefix}-{code}")
            if built.to_complete and not edition.draft:
                warnings.append(
                    f"{prefix}-{code}: {len(built.to_complete)} item(s) still to complete before "
                    "filing, shown in brackets in submission.docx and listed in notes.txt"
                )
        entries = public_targets(inputs.targets, inputs.evidence, victim_evidence(table_rows))
        title = f"Officials proposed for sanctions: {workbook.stem.replace('_', ' ').title()}"
        gaps = None
        if screening is not None:
            matrix = gap_matrix(screening, proposed_by(targets))
            gaps = rows(screening, matrix, [e["anchor"] for e in entries])
        public_items = [evidence[i] for i in public_sources(entries, evidence)]
        copies = copy_evidence(workbook, public_items, staging / PUBLIC_FOLDER)
        write_public(
            staging / PUBLIC_FOLDER, title, inputs.submitter, entries, gaps, edition.date, copies
        )
        if gaps is not None:
            write_matrix_xlsx(staging / PUBLIC_FOLDER / GAPS_FILE, gaps)
        write_report(result, workbook, staging, screening, edition.date)
    return Exported(target, warnings, result.findings)
