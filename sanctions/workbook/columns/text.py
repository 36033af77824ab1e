"""Free text and names: wide, wrapped, and watched for look-alike letters."""

from __future__ import annotations

from sanctions.workbook.columns import hygiene
from sanctions.workbook.columns.base import ColumnType
from sanctions.workbook.columns.cellrule import CellRule, Column


class Text(ColumnType):
    name = "text"
    width = 50
    wraps = True
    as_text = True

    def hygiene(self, col: Column) -> tuple[CellRule, ...]:
        return (*hygiene.common(col), hygiene.MIXED_SCRIPT)


class Name(Text):
    """A person's or a body's name; a ``latin`` name column must be in Latin script."""

    name = "name"
    width = 28
