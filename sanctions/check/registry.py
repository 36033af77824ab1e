"""Every rule, in one list: the workbook's structure, each column's cells, then the rules across
sheets. ``validate`` runs them, and docs/workbook.md and the tests are built from them; a new
rule is found here by its module's ``RULES``."""

from __future__ import annotations

from sanctions.check import (
    completeness,
    content,
    dates,
    duplicates,
    readiness,
    references,
    submissions,
    submitter,
)
from sanctions.evidence import identity, inline, quoting, stated, unchecked
from sanctions.evidence import rules as evidence
from sanctions.rules.rule import Rule
from sanctions.workbook import structure
from sanctions.workbook.columns import registry as columns
from sanctions.workbook.columns.cellrule import CellRule
from sanctions.workbook.sheets import SheetsRule
from sanctions.workbook.structure import StructureRule

STRUCTURE: tuple[StructureRule, ...] = structure.RULES
CELLS: tuple[CellRule, ...] = columns.RULES
ACROSS: tuple[SheetsRule, ...] = (
    *references.RULES,
    *dates.RULES,
    *completeness.RULES,
    *submissions.RULES,
    *submitter.RULES,
    *evidence.RULES,
    *quoting.RULES,
    *identity.RULES,
    *stated.RULES,
    *inline.RULES,
    *unchecked.RULES,
    *content.RULES,
    *duplicates.RULES,
)
# Run on a workbook without errors only: they judge what the rows say, as the packages will.
READINESS: tuple[SheetsRule, ...] = readiness.RULES
RULES: tuple[Rule, ...] = (*STRUCTURE, *CELLS, *ACROSS, *READINESS)
BY_CODE: dict[str, Rule] = {rule.code: rule for rule in RULES}


def severity(code: str) -> str:
    return BY_CODE[code].severity
