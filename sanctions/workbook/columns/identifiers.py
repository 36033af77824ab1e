"""Identifiers: the IDs that tie the rows of the sheets together (P001, O001, I001, E001)."""

from __future__ import annotations

import re

from sanctions.workbook.columns import hygiene
from sanctions.workbook.columns.base import ColumnType
from sanctions.workbook.columns.cellrule import CellRule, Column, Vocabularies
from sanctions.workbook.columns.values import matches
from sanctions.workbook.columns.words import commas

PATTERN = r"[A-Za-z0-9][A-Za-z0-9._-]{0,63}"
_WHOLE = re.compile(PATTERN)


def _hint(col: Column, value: str, layout: Vocabularies) -> str:
    """Several IDs typed with commas ("E001, E002") are told to take ';'."""
    return commas(col.multi, value, lambda part: _WHOLE.fullmatch(part) is not None)


INVALID = CellRule(
    "id.invalid",
    "error",
    "An identifier with characters other than letters, digits, . _ -",
    "{column} {value} is not a valid identifier{hint}",
    test=lambda col, layout: matches(PATTERN),
    hint=_hint,
    default_hint=": use letters, digits, '.', '_' or '-'",
)


class Identifier(ColumnType):
    name = "id"
    as_text = True  # Excel would drop the leading zeros of 007

    def rules(self, col: Column) -> tuple[CellRule, ...]:
        return (INVALID,)

    def hygiene(self, col: Column) -> tuple[CellRule, ...]:
        # An invisible character in an ID breaks every reference to it: an error, not a warning.
        return (hygiene.WHITESPACE, hygiene.CONTROL_CHARACTER, hygiene.ID_INVISIBLE)
