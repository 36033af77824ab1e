"""A column type, and the rules checked cell by cell.

A column type is one object that knows everything the tool does with a column of its kind: the
rules its cells must meet, how its text is cleaned and read into a record, and how the editor's
template shows it (width, wrapping, text format, dropdown, the header note). The validator,
the template, the typed rows and docs/workbook.md all ask the type; none of them dispatches on
the type's name. A new type is a module beside this one and a line in ``registry.py``.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, ClassVar

import pandas as pd

from sanctions.rules.rule import Rule
from sanctions.workbook.columns.values import Check
from sanctions.workbook.columns.words import show

if TYPE_CHECKING:
    from sanctions.workbook.layout import ColumnSpec, Layout

# What to do about one bad value: the clause that follows it in the message, or "".
Hint = Callable[["ColumnSpec", str, "Layout"], str]
# The vectorised test of one rule for one column (which vocabulary, say).
Test = Callable[["ColumnSpec", "Layout"], Check]

# Five digits alone are how a date cell reads when Excel was told it is a number.
SERIAL_HINT = " (it looks like an Excel serial number: format the cell as text or date)"


@dataclass(frozen=True, eq=False)
class CellRule(Rule):
    """A rule checked on every cell of the columns it applies to.

    ``message`` is filled with ``column``, ``value`` (quoted so that invisible characters show)
    and ``hint``: what ``hint`` says to do about this value, else ``default_hint``. ``raw``
    rules read the text as typed (stray spaces, invisible and look-alike characters), the others
    the cleaned value; ``per_item`` rules judge each item of a multi-valued cell.
    """

    test: Test | None = None  # None: pandera's own check (a required cell that is empty)
    hint: Hint | None = None
    default_hint: str = ""
    raw: bool = False
    per_item: bool = True

    def describe(self, col: ColumnSpec, value: str | None, layout: Layout) -> str:
        said = self.hint(col, value, layout) if self.hint is not None and value is not None else ""
        said = said or self.default_hint
        if value is not None and value.isdigit() and len(value) == 5:
            said += SERIAL_HINT
        return self.message.format(column=col.name, value=show(value), hint=said)


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

    def rules(self, col: ColumnSpec) -> tuple[CellRule, ...]:
        """The rules on the cleaned values of this column, beyond required and unique."""
        return ()

    def hygiene(self, col: ColumnSpec) -> tuple[CellRule, ...]:
        """The rules on the text as the editor typed it."""
        from sanctions.workbook.columns import hygiene

        return hygiene.common(col)

    def clean(self, values: pd.Series) -> pd.Series:
        """The cleaned text as the checks and the records see it (spaces are already tidied)."""
        return values

    def parse(self, col: ColumnSpec) -> Callable[[str], Any] | None:
        """How one item of a cleaned cell becomes a record's value; None: kept as text."""
        return None

    def dropdown(self, col: ColumnSpec) -> tuple[str, bool] | None:
        """The template's list to choose from (a vocabulary's name, or ``country``) and whether
        a value outside it is refused; None for no list."""
        return None

    def note(self, col: ColumnSpec, layout: Layout) -> list[str]:
        """Lines of the template's header note on how to write a value of this type."""
        return []

    def kind(self, col: ColumnSpec) -> str:
        """The kind of value, as docs/workbook.md names it."""
        return self.name


def cell_rules(col: ColumnSpec) -> tuple[CellRule, ...]:
    """Every rule on the cleaned values of a column: its type's, then uniqueness."""
    return (*col.kind.rules(col), *((ID_DUPLICATE,) if col.unique else ()))
