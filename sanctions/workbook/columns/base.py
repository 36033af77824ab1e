"""A column type, and the rules checked cell by cell.

A column type is one object that knows everything the tool does with a column of its kind: the
rules its cells must meet, how its text is cleaned and read into a record, and how the editor's
template shows it (width, wrapping, text format, dropdown, the header note). The validator,
the template, the typed rows and docs/workbook.md all ask the type; none of them dispatches on
the type's name. A new type is a module beside this one and a line in ``registry.py``.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, ClassVar, Protocol

import pandas as pd

from sanctions.workbook.columns import hygiene
from sanctions.workbook.columns.cellrule import CellRule, Column, Vocabularies

VALUE_MISSING = CellRule(
    "value.missing", "error", "A required cell is empty.", "{column} is required but empty"
)
ID_DUPLICATE = CellRule(
    "id.duplicate",
    "error",
    "An identifier used on more than one row.",
    "{column} {value} is used on an earlier row too",
    test=lambda col, layout: lambda s: ~s.duplicated(keep="first"),
    per_item=False,
)


class ColumnType:
    """What the tool does with one kind of column. Subclasses set the class attributes and
    override what differs; the defaults suit free text."""

    name: ClassVar[str]
    width: ClassVar[int] = 14  # the template's column width, in characters
    wraps: ClassVar[bool] = False  # long values wrap in the template
    as_text: ClassVar[bool] = False  # the template formats the column as text (@)
    vocabulary: ClassVar[bool] = False  # the column names a vocabulary of allowed values

    def rules(self, col: Column) -> tuple[CellRule, ...]:
        """The rules on the cleaned values of this column, beyond required and unique."""
        return ()

    def hygiene(self, col: Column) -> tuple[CellRule, ...]:
        """The rules on the text as the editor typed it."""
        return hygiene.common(col)

    def clean(self, values: pd.Series) -> pd.Series:
        """The cleaned text as the checks and the records see it (spaces are already tidied)."""
        return values

    def parse(self, col: Column) -> Callable[[str], Any] | None:
        """How one item of a cleaned cell becomes a record's value; None: kept as text."""
        return None

    def dropdown(self, col: Column) -> tuple[str, bool] | None:
        """The template's list to choose from (a vocabulary's name, or ``country``) and whether
        a value outside it is refused; None for no list."""
        return None

    def note(self, col: Column, layout: Vocabularies) -> list[str]:
        """Lines of the template's header note on how to write a value of this type."""
        return []

    def kind(self, col: Column) -> str:
        """The kind of value, as docs/workbook.md names it."""
        return self.name


class TypedColumn(Column, Protocol):
    @property
    def kind(self) -> ColumnType: ...


def cell_rules(col: TypedColumn) -> tuple[CellRule, ...]:
    """Every rule on the cleaned values of a column: its type's, then uniqueness."""
    return (*col.kind.rules(col), *((ID_DUPLICATE,) if col.unique else ()))
