"""A rule checked cell by cell, and what a column type's rules see of a column and the layout.

Column types read a column's spec through ``Column`` and the layout through ``Vocabularies``
(what ``sanctions.workbook.layout`` gives), so that they depend on no more of it than they use.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Protocol

from sanctions.rules.rule import Rule
from sanctions.workbook.columns.values import Check, matches
from sanctions.workbook.columns.words import show


class Column(Protocol):
    """A column as its sheet's spec gives it, as far as a column type reads it."""

    @property
    def name(self) -> str: ...
    @property
    def required(self) -> bool: ...
    @property
    def unique(self) -> bool: ...
    @property
    def multi(self) -> bool: ...
    @property
    def vocabulary(self) -> str | None: ...
    @property
    def latin(self) -> bool: ...
    @property
    def birth(self) -> bool: ...
    @property
    def not_future(self) -> bool: ...


class Vocabularies(Protocol):
    """The layout, as far as a column type reads it: the allowed values of each vocabulary."""

    @property
    def vocabularies(self) -> Mapping[str, Mapping[str, str]]: ...


# What to do about one bad value: the clause that follows it in the message, or "".
Hint = Callable[[Column, str, Vocabularies], str]
# The vectorised test of one rule for one column (which vocabulary, say).
Test = Callable[[Column, Vocabularies], Check]

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

    def describe(self, col: Column, value: str | None, layout: Vocabularies) -> str:
        said = self.hint(col, value, layout) if self.hint is not None and value is not None else ""
        said = said or self.default_hint
        if value is not None and value.isdecimal() and len(value) == 5:
            said += SERIAL_HINT
        return self.message.format(column=col.name, value=show(value), hint=said)


def shaped(code: str, meaning: str, message: str, pattern: str) -> CellRule:
    """An error rule on each value: it must have the shape ``pattern`` gives (whole)."""
    return CellRule(code, "error", meaning, message, test=lambda col, layout: matches(pattern))
