"""Languages of evidence, kept as ISO 639 codes however the editor wrote them."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from sanctions.common.countries import language_code
from sanctions.workbook.columns.base import ColumnType
from sanctions.workbook.columns.cellrule import CellRule, Column
from sanctions.workbook.columns.values import by_unique


def is_language(value: str) -> bool:
    return language_code(value) is not None


UNKNOWN = CellRule(
    "language.unknown",
    "error",
    "Not an ISO 639 language code.",
    "{column} {value} is not an ISO 639 language code (e.g. en, ru, kk)",
    test=lambda col, layout: by_unique(is_language),
)


class Language(ColumnType):
    name = "language"

    def rules(self, col: Column) -> tuple[CellRule, ...]:
        return (UNKNOWN,)

    def parse(self, col: Column) -> Callable[[str], Any]:
        return lambda value: (language_code(value) or value) if isinstance(value, str) else value
