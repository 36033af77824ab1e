"""Identifiers: the IDs that tie the rows of the sheets together (P001, O001, I001, E001)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from sanctions.workbook.columns import hygiene
from sanctions.workbook.columns.base import CellRule, ColumnType
from sanctions.workbook.columns.values import matches

if TYPE_CHECKING:
    from sanctions.workbook.layout import ColumnSpec

PATTERN = r"[A-Za-z0-9][A-Za-z0-9._-]{0,63}"

INVALID = CellRule(
    "id.invalid",
    "error",
    "An identifier with characters other than letters, digits, . _ -",
    "{column} {value} is not a valid identifier: use letters, digits, '.', '_' or '-'",
    test=lambda col, layout: matches(PATTERN),
)


class Identifier(ColumnType):
    name = "id"
    as_text = True  # Excel would drop the leading zeros of 007

    def rules(self, col: ColumnSpec) -> tuple[CellRule, ...]:
        return (INVALID,)

    def hygiene(self, col: ColumnSpec) -> tuple[CellRule, ...]:
        # An invisible character in an ID breaks every reference to it: an error, not a warning.
        return (hygiene.WHITESPACE, hygiene.CONTROL_CHARACTER, hygiene.ID_INVISIBLE)
