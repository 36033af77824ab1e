"""SHA-256 fingerprints of the local copies of evidence."""

from __future__ import annotations

from typing import TYPE_CHECKING

from sanctions.workbook.columns.base import CellRule, ColumnType
from sanctions.workbook.columns.values import matches

if TYPE_CHECKING:
    from sanctions.workbook.layout import ColumnSpec

PATTERN = r"[0-9a-fA-F]{64}"

INVALID = CellRule(
    "sha256.invalid",
    "error",
    "Not a SHA-256 hash (64 hexadecimal characters).",
    "{column} {value} is not a SHA-256 hash (64 hexadecimal characters)",
    test=lambda col, layout: matches(PATTERN),
)


class Sha256(ColumnType):
    name = "sha256"
    width = 30
    as_text = True

    def rules(self, col: ColumnSpec) -> tuple[CellRule, ...]:
        return (INVALID,)
