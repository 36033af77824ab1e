"""SHA-256 fingerprints of the local copies of evidence."""

from __future__ import annotations

from sanctions.workbook.columns.base import ColumnType
from sanctions.workbook.columns.cellrule import CellRule, Column, shaped

PATTERN = r"[0-9a-fA-F]{64}"

INVALID = shaped(
    "sha256.invalid",
    "Not a SHA-256 hash (64 hexadecimal characters).",
    "{column} {value} is not a SHA-256 hash (64 hexadecimal characters)",
    PATTERN,
)


class Sha256(ColumnType):
    name = "sha256"
    width = 30
    as_text = True

    def rules(self, col: Column) -> tuple[CellRule, ...]:
        return (INVALID,)
