"""`sanctions export`: everything built from one validated workbook, in exports/<list>/.

    entities.ftm.json        every entity of the list (FtM JSON lines, sorted by ID)
    <list>-<code>/send/      what goes to one government; <list>-<code>.zip holds it alone
    <list>-<code>/internal/  the submitter's notes on that package (never sent)
    public/                  the publishable list (index.html, list.xlsx, and gap-matrix.xlsx
                             when the list has been screened)
    screening.json           written by `sanctions screen`, kept here and cited by packages
    gap-matrix.xlsx          likewise: every screened person, not just the public ones

All of it is built in a staging folder that replaces exports/<list>/ only when complete.

Whether the packages are filing copies or drafts is decided by the workbook: a complete
submitter sheet gives filing copies, anything less gives drafts and says why. An export never
turns filing copies into drafts without being asked (``force``).
"""

from __future__ import annotations

import json
import shutil
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import Any, cast

from sanctions.check.completeness import REQUIRED_SUBMITTER_KEYS
from sanctions.check.content import HiddenVictims, hidden_victims, incidents_named
from sanctions.check.validate import validated
from sanctions.common.beside import shared
from sanctions.common.bulk import bulk
from sanctions.common.errors import ListNotReady
from sanctions.common.files import file_sha256
from sanctions.common.outputs import held, replace_dir
from sanctions.common.places import (
    GAPS_FILE,
    INTERNAL_FOLDER,
    NOTES_FILE,
    PACKAGE_MANIFEST,
    PREVIOUS_SCREENING_FILE,
    PUBLIC_FOLDER,
    SCREENING_FILE,
    SEND_FOLDER,
    dataset_prefix,
    list_folder,
    package_name,
    recognise,
)
from sanctions.evidence.copies import FOLDER as COPIES_FOLDER
from sanctions.evidence.copies import copy_evidence, large_copies, megabytes
from sanctions.evidence.holding import Holding
from sanctions.evidence.text import NoText, findable_text
from sanctions.governments import registry as known
from sanctions.model import ftmio
from sanctions.model.convert import build
from sanctions.model.graph import Graph
from sanctions.model.rows import Rows
from sanctions.model.subset import relied_edges, subset
from sanctions.model.targets import (
    Target,
    judge_published,
    load_evidence,
    load_targets,
    victim_evidence,
)
from sanctions.public.page import public_sources, public_targets, write_public
from sanctions.review.report import write_report
from sanctions.rules.finding import Finding
from sanctions.submit.package import Built, Inputs, build_package
from sanctions.tracking.gaps import gap_matrix, rows, write_matrix_xlsx
from sanctions.tracking.history import histories
from sanctions.tracking.screening import screening_of
from sanctions.tracking.selection import proposed_by
from sanctions.workbook.layout import load_layout

# Written by `sanctions screen`, not by export: carried over when the folder is rebuilt.
KEPT_FILES = (SCREENING_FILE, PREVIOUS_SCREENING_FILE, GAPS_FILE)


def submitter_of(rows: Rows) -> dict[str, str]:
    """Every submitter key, empty where the sheet gives no value."""
    keys = load_layout().vocabularies["submitter_key"]
    return {key: rows.submitter.get(key, "") for key in keys}


class NotReady(ListNotReady):
    """The packages could not be built as they stand; the message says what to do."""


@dataclass(frozen=True)
class Edition:
    """Whether the packages are a draft (and why), and the date their cover letters carry."""

    draft: bool = False
    date: str | None = None  # ISO; from --date, else the submitter sheet's date
    why: str = ""  # for a draft: what kept it from being a filing copy


def edition_of(submitter: dict[str, str], draft: bool, date: str | None) -> Edition:
    """Filing copies when the submitter sheet is complete, drafts otherwise or when asked."""
    chosen = date or submitter.get("date") or None
    if draft:
        return Edition(True, chosen, "--draft was given")
    given = submitter | ({"date": chosen} if chosen else {})
    missing = [key for key in REQUIRED_SUBMITTER_KEYS if not given.get(key)]
    if missing:
        return Edition(True, chosen, f"the submitter sheet has no {', '.join(missing)}")
    return Edition(False, chosen)


def filing_copies(folder: Path) -> list[str]:
    """The packages in a list's folder that were exported as filing copies."""
    found = []
    for manifest in sorted(folder.glob(f"*/{SEND_FOLDER}/{PACKAGE_MANIFEST}")):
        try:
            edition = json.loads(manifest.read_text(encoding="utf-8")).get("edition")
        except (OSError, ValueError):
            continue
        if edition == "filing":
            found.append(manifest.parent.parent.name)
    return found


def _keep_filing_copies(target: Path, edition: Edition, force: bool) -> None:
    """Refuse to turn filing copies into drafts unless asked (``force``)."""
    if not edition.draft or force or not target.is_dir():
        return
    filed = filing_copies(target)
    if filed:
        raise NotReady(
            f"{target} holds filing copies ({', '.join(filed)}); this export would replace them "
            f"with drafts, since {edition.why}. Complete the submitter sheet, or give --force "
            "to replace them with drafts"
        )


def published(
    graph: Graph, targets: list[Target], entries: list[dict[str, Any]], sources: list[str]
) -> list[Any]:
    """The publishable entities: exactly what the public page shows (its persons, and of
    theirs the posts and the acts it tells, and its ``sources``), never a research lead or an
    editor's label."""
    shown = {e["anchor"] for e in entries}
    acts = [tuple(act) for e in entries for act in e["acts"]]
    people = [graph.id_of("person", t.person_id) for t in targets if t.person_id in shown]
    # as published: the public graph's posts are made from their published dates
    chosen = [t.as_published() for t in targets if t.person_id in shown]
    return subset(graph, people, relied_edges(graph, chosen, acts), sources)


@dataclass
class Exported:
    folder: Path
    warnings: list[str]
    findings: list[Finding]  # the validation's (warnings only: errors refuse the export)
    edition: Edition = Edition()


def export(
    workbook: Path,
    out: Path,
    only: Sequence[str] | None = None,
    draft: bool = False,
    date: str | None = None,
    force: bool = False,
) -> Exported:
    """Everything for one list. Refuses (``Refused``) a workbook with errors, (``NotReady``)
    filing copies with something still to complete, and drafts that would replace filing
    copies unless ``force``; ``draft`` asks for drafts; ``date``: the cover letters' date."""
    target = list_folder(workbook, out)
    # held from the start: a second run waits for nothing half-read; the collector paused, as
    # everything made is kept to the end (``common/bulk``)
    with held(target), bulk():
        return _export(workbook, target, only, draft, date, force)


def _export(
    workbook: Path,
    target: Path,
    only: Sequence[str] | None,
    draft: bool,
    date: str | None,
    force: bool,
) -> Exported:
    result = validated(workbook)
    prefix = dataset_prefix(workbook)
    table_rows = Rows.of(result)
    submitter = submitter_of(table_rows)
    edition = edition_of(submitter, draft, date)
    _keep_filing_copies(target, edition, force)
    holding = Holding.of(table_rows.evidence, workbook)
    judge_published(table_rows, holding)
    graph = build(result, prefix, rows=table_rows, holding=holding, as_of=edition.date)
    public_graph = build(
        result, prefix, public=True, rows=table_rows, holding=holding, as_of=edition.date
    )
    screening, stale = screening_of(workbook, target)
    warnings = [stale] if stale else []
    if edition.draft:
        warnings.append(f"drafts, not for filing: {edition.why}")
    targets = load_targets(table_rows, holding=holding)
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
        ftmio.Lines(graph, public_graph),  # the graphs are finished
        file_sha256(workbook),
    )
    codes = [c for c in known.codes() if only is None or c in only]
    with replace_dir(target, recognise(prefix)) as staging:
        for kept in KEPT_FILES:
            if (target / kept).exists():
                shutil.copy2(target / kept, staging / kept)
        others = [c for c in known.codes() if c not in codes]
        warnings += _keep_packages(target, staging, prefix, others, inputs.workbook_sha256)
        # the review report, each package and the public folder need nothing the others make:
        # both cores take the next one as they are free, the longest (the report) first
        jobs: list[Callable[[], object]] = [
            partial(write_report, result, workbook, staging, screening, edition.date, holding),
            *(partial(_package, inputs, code, staging) for code in codes),
            partial(
                _write_public_folder,
                inputs,
                staging,
                edition,
                table_rows,
                hidden_victims(result.sheets),
            ),
        ]
        done = shared(jobs)
        warnings.extend(cast(list[str], done[-1]))
        built = [cast(Built, b) for b in done[1 : 1 + len(codes)]]
        _check_packages(inputs, codes, built, edition, warnings)
        large = large_copies(workbook, evidence.values())
        if large:
            total = sum(p.stat().st_size for p in staging.rglob("*") if p.is_file())
            warnings.append(
                f"large evidence copies: {', '.join(large)}; each package and the public "
                f"folder hold their own copy and each .zip another, so this export takes "
                f"{megabytes(total)} on disk"
            )
    return Exported(target, warnings, result.findings, edition)


def _keep_packages(
    target: Path, staging: Path, prefix: str, codes: Sequence[str], workbook_sha256: str | None
) -> list[str]:
    """The packages an export built only for some governments (``--only``) leaves as they
    were: the earlier export's folder and archive of every other government, kept (a filing
    copy is never lost for building another); what says so when they are of an earlier version
    of the workbook."""
    stale: list[str] = []
    for code in codes:
        name = package_name(prefix, code)
        if (target / name).is_dir():
            shutil.copytree(target / name, staging / name, symlinks=True)
            manifest = target / name / SEND_FOLDER / PACKAGE_MANIFEST
            if manifest.is_file() and _made_of(manifest) != workbook_sha256:
                stale.append(name)
        if (target / f"{name}.zip").is_file():
            shutil.copy2(target / f"{name}.zip", staging / f"{name}.zip")
    if not stale:
        return []
    return [
        f"kept as they were, from an earlier version of the workbook: {', '.join(stale)} "
        "(--only built the others; export without --only to bring them up to date)"
    ]


def _made_of(manifest: Path) -> str | None:
    """The SHA-256 of the workbook a package was made of, as its manifest records it."""
    try:
        source = json.loads(manifest.read_text(encoding="utf-8")).get("source")
    except (OSError, ValueError, AttributeError):
        return None
    return source.get("sha256") if isinstance(source, dict) else None


def _package(inputs: Inputs, code: str, staging: Path) -> Built:
    return build_package(inputs, known.load()[code], staging / package_name(inputs.prefix, code))


def _check_packages(
    inputs: Inputs,
    codes: Sequence[str],
    built: Sequence[Built],
    edition: Edition,
    warnings: list[str],
) -> None:
    """Says which governments get nothing; refuses (``NotReady``) filing copies whose letters
    still have gaps."""
    gaps_left: list[str] = []
    nothing: list[tuple[str, str]] = []
    for code, package in zip(codes, built, strict=True):
        jurisdiction = known.load()[code]
        name = package_name(inputs.prefix, code)
        if package.archive is None and package.held:
            other = known.load()[jurisdiction.follows or ""].prose_name
            warnings.append(
                f"nothing to send to {jurisdiction.prose_name} yet: {package.held} "
                f"{'person waits' if package.held == 1 else 'persons wait'} until it is known "
                f"where {other} stands (screen the list, or record {other}'s decision on the "
                f"submissions sheet; {name}/{INTERNAL_FOLDER}/{NOTES_FILE})"
            )
        elif package.archive is None:
            nothing.append((jurisdiction.prose_name, name))
        gaps_left += [f"{name}: {item}" for item in package.to_complete]
    if nothing:
        notes = ", ".join(f"{name}/{INTERNAL_FOLDER}/{NOTES_FILE}" for _, name in nothing)
        warnings.append(
            f"nothing to send to {', '.join(g for g, _ in nothing)}: no person of the list "
            f"is proposed there, so no send/ folder and no .zip (why: {notes})"
        )
    if gaps_left and not edition.draft:
        raise NotReady(
            "the filing copies would still have gaps in their letters; complete these, "
            "leave those governments out (--only), or export drafts with --draft:\n  "
            + "\n  ".join(gaps_left)
        )


def _write_public_folder(
    inputs: Inputs, staging: Path, edition: Edition, table_rows: Rows, victims: HiddenVictims
) -> list[str]:
    """The public entities and the public folder; what it leaves out, for the editor."""
    prefix, workbook, targets, evidence = (
        inputs.prefix,
        inputs.workbook,
        inputs.targets,
        inputs.evidence,
    )
    graph, public_graph, screening = inputs.graph, inputs.public_graph, inputs.screening
    entries = public_targets(inputs.targets, inputs.evidence, victim_evidence(table_rows))
    sources = public_sources(entries, evidence)
    ftmio.write_split(
        staging,
        graph.entities.values(),
        published(public_graph, targets, entries, sources),
        prefix,
        inputs.lines,
    )
    title = f"Officials proposed for sanctions: {workbook.stem.replace('_', ' ').title()}"
    gaps = None
    if screening is not None:
        matrix = gap_matrix(screening, proposed_by(targets, screening, inputs.histories))
        gaps = rows(screening, matrix, [e["anchor"] for e in entries])
    public_items = [evidence[i] for i in sources]
    copies = copy_evidence(workbook, public_items, staging / PUBLIC_FOLDER)
    left_out = _naming_victims(staging / PUBLIC_FOLDER / COPIES_FOLDER, copies, victims)
    for name in left_out:
        (staging / PUBLIC_FOLDER / COPIES_FOLDER / name).unlink()
    copies = {name: digest for name, digest in copies.items() if name not in left_out}
    write_public(
        staging / PUBLIC_FOLDER,
        title,
        inputs.submitter,
        entries,
        gaps,
        edition.date,
        copies,
        draft=edition.why if edition.draft else None,
    )
    if gaps is not None:
        write_matrix_xlsx(staging / PUBLIC_FOLDER / GAPS_FILE, gaps)
    return [
        f"{PUBLIC_FOLDER}/: the copy {name} is not published: {why}; the page still names the "
        f"source and its address (mark the source confidential to leave it off)"
        for name, why in left_out.items()
    ]


def _naming_victims(folder: Path, copies: dict[str, str], victims: HiddenVictims) -> dict[str, str]:
    """The copies (by name, in ``folder``) that may name a victim whose identity is
    confidential, each with why: those whose text names one, and, while the list has such
    victims, those with no text to search (a scan may name them too). Read from the bytes
    copied, which are the ones that would be published."""
    if not victims.people:
        return {}
    texts: dict[str, str] = {}
    unread: dict[str, str] = {}
    for name in copies:
        try:
            texts[name] = findable_text(folder / name)
        except NoText:
            unread[name] = "it has no text to search for the victims whose identity is confidential"
    named = {
        name: f"it names a victim of {incident} whose identity is confidential"
        for name, incident in incidents_named(texts, victims).items()
    }
    return dict(sorted({**unread, **named}.items()))
