"""Validate one workbook: read it into its sheets, then run every rule (the workbook's structure,
each column's cells, the sheets together, and, on a workbook free of errors, the readiness of
each proposed person).

On a large workbook the readiness rules, the costliest (every proposed person's case is built
and judged), run on the second core while the others run (``common/beside``). They are judged
there before it is known whether the workbook has errors, and their answer is used only if it
has none, exactly as if they had run after the others."""

from __future__ import annotations

from dataclasses import dataclass
from functools import partial
from pathlib import Path

import pandas as pd

from sanctions.check.cells import check_sheet
from sanctions.check.registry import ACROSS, READINESS, STRUCTURE
from sanctions.common.beside import Beside, can_fork
from sanctions.common.errors import ListNotReady
from sanctions.governments.registry import load as load_governments
from sanctions.rules.finding import Finding, render_text, sort_findings
from sanctions.workbook.layout import Layout
from sanctions.workbook.reader import Table, Workbook
from sanctions.workbook.sheets import Loaded, Sheets, load, read_sheets


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


# Persons from which readiness is judged on the second core: below this the whole check takes
# a fraction of a second and a second process would only add its start.
BESIDE_FROM = 2_000


def _readiness(sheets: Sheets) -> list[Finding] | Exception:
    """Every readiness finding, or what stopped them (a workbook with errors may break the
    assumptions of these rules; the answer is then never used)."""
    try:
        return [finding for judged in READINESS for finding in judged.check(sheets)]
    except Exception as exc:  # returned, and raised only where the rules would have run
        return exc


def check_loaded(loaded: Loaded) -> Result:
    sheets = loaded.sheets
    persons = sheets.frames.get("persons")
    large = persons is not None and len(persons) >= BESIDE_FROM and can_fork()
    ahead = Beside(partial(_readiness, sheets)) if large else None
    findings: list[Finding] = []
    for rule in STRUCTURE:
        findings.extend(rule.check(loaded))
    for sheet in sheets.layout.sheets:
        table = sheets.tables[sheet.name]
        frame = sheets.frames[sheet.name]
        findings.extend(check_sheet(sheets.file, sheet, sheets.layout, table, frame))
    for across in ACROSS:
        findings.extend(across.check(sheets))
    clean = not any(f.severity == "error" for f in findings)
    if ahead is not None:
        answer = ahead.wait()
        if clean and isinstance(answer, Exception):
            raise answer
        if clean and not isinstance(answer, Exception):
            findings.extend(answer)
    elif clean:
        for judged in READINESS:
            findings.extend(judged.check(sheets))
    return Result(loaded.book, sort_findings(findings), sheets.frames, sheets.tables, sheets)
