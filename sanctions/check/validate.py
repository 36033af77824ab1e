"""Validate one workbook: read it into its sheets, then run every rule (the workbook's structure,
each column's cells, the sheets together, and, on a workbook free of errors, the readiness of
each proposed person).

The rules are shared by two cores, each taking the next group when free (even on the default
list of a dozen persons this saves a tenth of a second: a fork costs milliseconds);
the readiness rules, the costliest (every proposed person's case is built and judged), are
judged before it is known whether the workbook has errors, and their answer is used only if it
has none, exactly as if they had run after the others."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from pathlib import Path

import pandas as pd

from sanctions.check.cells import check_sheet
from sanctions.check.registry import ACROSS, READINESS, STRUCTURE
from sanctions.common.beside import can_fork, shared
from sanctions.common.bulk import bulk
from sanctions.common.errors import ListNotReady
from sanctions.governments.registry import load as load_governments
from sanctions.rules.finding import Finding, render_text, sort_findings
from sanctions.workbook.layout import Layout
from sanctions.workbook.reader import Table, Workbook
from sanctions.workbook.sheets import Loaded, Sheets, SheetsRule, load, read_sheets


class Refused(ListNotReady):
    """The workbook has validation errors, so the step was not taken; the errors are its
    details."""

    def __init__(self, result: Result) -> None:
        super().__init__("fix the errors above first", render_text(result.errors, 1))
        self.result = result


@dataclass
class Result:
    """A validated workbook: its findings and its cleaned tables, ready for the exporters."""

    workbook: Workbook
    findings: list[Finding]
    frames: dict[str, pd.DataFrame]
    tables: dict[str, Table]
    sheets: Sheets

    @property
    def errors(self) -> list[Finding]:
        return [f for f in self.findings if f.severity == "error"]


def validate(path: Path, layout: Layout | None = None, display: str | None = None) -> Result:
    """Raises UnreadableWorkbook when the file cannot be read at all, and SpecError when a
    government's file is broken: the packages are judged by those files, so a check that
    passed over a broken one would promise an export that then fails."""
    load_governments()
    with bulk():  # rows, cases and findings are kept to the end: nothing for the collector
        return check_loaded(read_sheets(path, layout, display))


def validated(path: Path) -> Result:
    """The workbook validated, for a step that needs it free of errors: raises Refused (with
    its errors) when it has some, UnreadableWorkbook when it cannot be read."""
    result = validate(path)
    if result.errors:
        raise Refused(result)
    return result


def check_workbook(book: Workbook, layout: Layout, file: str) -> Result:
    """Every rule, on a workbook already read (by fastexcel here, by pandas in the benchmark)."""
    return check_loaded(load(book, layout, file))


def _readiness(sheets: Sheets) -> list[Finding] | Exception:
    """Every readiness finding, or what stopped them (a workbook with errors may break the
    assumptions of these rules; the answer is then never used)."""
    try:
        return [finding for judged in READINESS for finding in judged.check(sheets)]
    except Exception as exc:  # returned, and raised only where the rules would have run
        return exc


def _cells(sheets: Sheets) -> list[Finding]:
    """Each column's cells, sheet by sheet."""
    return [
        finding
        for sheet in sheets.layout.sheets
        for finding in check_sheet(
            sheets.file, sheet, sheets.layout, sheets.tables[sheet.name], sheets.frames[sheet.name]
        )
    ]


def _across(sheets: Sheets, rules: tuple[SheetsRule, ...]) -> list[Finding]:
    return [finding for rule in rules for finding in rule.check(sheets)]


# Rules across sheets that take seconds on a large list, each a job of its own.
HEAVY = ("victim.named_elsewhere", "person.near_duplicate")


def _families() -> list[tuple[SheetsRule, ...]]:
    """The rules across sheets in groups that share nothing worked out (``Sheets.derived``),
    the costliest first: the evidence and quote rules read every local copy once between
    them; a victim's name and near-duplicate persons each read every name."""
    evidence = tuple(
        r for r in ACROSS if r.code.startswith(("evidence.", "quote.")) or "evidence" in r.code
    )
    alone = tuple(r for r in ACROSS if r.code in HEAVY)
    rest = tuple(r for r in ACROSS if r not in evidence and r not in alone)
    return [evidence, *((r,) for r in alone), rest]


def check_loaded(loaded: Loaded) -> Result:
    """Every rule. Where it can fork, the rules are shared by two cores (``common/beside``):
    the readiness of each proposed person is judged there before it is known whether the
    workbook has errors, and that answer is used only if it has none, exactly as if it had been
    judged after the others."""
    sheets = loaded.sheets
    findings: list[Finding] = []
    for rule in STRUCTURE:
        findings.extend(rule.check(loaded))
    if loaded.missing:
        # Without a sheet, every rule between sheets would blame the rows of the others (a
        # person "has no row on the involvement sheet", thirty times): they wait for it.
        findings.extend(_cells(sheets))
        return Result(loaded.book, sort_findings(findings), sheets.frames, sheets.tables, sheets)
    if can_fork():
        # Longest first (``shared``): the readiness of every person on the other core (with
        # the memory its cases take), each column's cells here (the longest job on a short
        # list, where importing pandera is most of it; on a long one, where each core ends
        # within a short job of the other, the order of the first two hardly matters); each
        # core then takes the next, the smallest last.
        evidence, victims, duplicates, rest = _families()
        jobs: list[Callable[[], list[Finding] | Exception]] = [
            partial(_readiness, sheets),
            partial(_cells, sheets),
            partial(_across, sheets, evidence),
            partial(_across, sheets, victims),  # nothing to do on a list without hidden victims
            partial(_across, sheets, duplicates),
            partial(_across, sheets, rest),
        ]
        readiness, *others = shared(jobs)
        for found in others:
            assert not isinstance(found, Exception)
            findings.extend(found)
        clean = not any(f.severity == "error" for f in findings)
        if clean and isinstance(readiness, Exception):
            raise readiness
        if clean and not isinstance(readiness, Exception):
            findings.extend(readiness)
    else:
        findings.extend(_cells(sheets))
        for across in ACROSS:
            findings.extend(across.check(sheets))
        if not any(f.severity == "error" for f in findings):
            for judged in READINESS:
                findings.extend(judged.check(sheets))
    return Result(loaded.book, sort_findings(findings), sheets.frames, sheets.tables, sheets)
