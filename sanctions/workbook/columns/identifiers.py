"""Identifiers: the IDs that tie the rows of the sheets together (P001, O001, I001, E001)."""

from __future__ import annotations

from sanctions.workbook.columns import hygiene
from sanctions.workbook.columns.base import ColumnType
from sanctions.workbook.columns.cellrule import CellRule, Column, shaped

PATTERN = r"[A-Za-z0-9][A-Za-z0-9._-]{0,63}"

INVALID = shaped(
    "id.invalid",
    "An identifier with characters other than letters, digits, . _ -",
    "{column} {value} is not a valid identifier: use letters, digits, '.', '_' or '-'",
    PATTERN,
)


class Identifier(ColumnType):
    name = "id"
    as_text = True  # Excel would drop the leading zeros of 007

    def rules(self, col: Column) -> tuple[CellRule, ...]:
        return (INVALID,)

    def hygiene(self, col: Column) -> tuple[CellRule, ...]:
        # An invisible character in an ID breaks every reference to it: an error, not a warning.
        return (hygiene.WHITESPACE, hygiene.CONTROL_CHARACTER, hygiene.ID_INVISIBLE)
