"""A workbook read into the sheets of the layout: each known sheet found (whatever the case of
its name), every column of its spec present, the text cleaned, and the context every rule
across sheets works in.

Reading is not checking: the structure found here (sheets missing, hidden, doubled; formulas
and error cells) is reported by the rules of ``structure.py``, and the cleaned frames by the
rules of each column type and of ``sanctions.check``. Commands that only need the cleaned
sheets (checking links, writing hashes) read them here without running any rule.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

import pandas as pd

from sanctions.rules.finding import Finding, cell_ref, column_letter
from sanctions.rules.rule import Rule
from sanctions.workbook.columns.hygiene import clean_text
from sanctions.workbook.layout import Layout, SheetSpec, load_layout
from sanctions.workbook.reader import ROW_INDEX, Table, Workbook, read_workbook, text_or_none
from sanctions.workbook.xmlscan import SpecialCell

INTERNAL_SHEET_PREFIX = "_"  # the template's "_instructions", the annotated copy's "_findings"
T = TypeVar("T")


@dataclass
class Sheets:
    """The cleaned tables of one workbook, with what is needed to point at their cells."""

    file: str  # the workbook as messages name it
    layout: Layout
    tables: dict[str, Table]
    frames: dict[str, pd.DataFrame]
    path: Path | None = None  # on disk: the evidence folder and link checks sit beside it
    _memo: dict[str, Any] = field(default_factory=dict, repr=False)

    def finding(
        self, rule: Rule, sheet: str, column: str, row: int, value: object, /, **words: Any
    ) -> Finding:
        """A finding of ``rule`` at one cell, its message worded with ``words`` (which may name
        the sheet and column too: the place is given by position)."""
        table = self.tables[sheet]
        index = table.columns.get(column)
        cell = cell_ref(index, row) if index is not None else None
        return rule.finding(
            self.file,
            table.sheet,
            cell=cell,
            row=row,
            column=column,
            value=text_or_none(value),
            **words,
        )

    def ids(self, sheet: str, column: str) -> pd.Series:
        """The distinct values of one column, for vectorised ``isin`` tests."""
        return pd.Series(self.frames[sheet][column].dropna().unique(), dtype="str")

    def derived(self, key: str, compute: Callable[[Sheets], T]) -> T:
        """What several rules work out from the same sheets (the local copies and their
        hashes, say), computed once."""
        if key not in self._memo:
            self._memo[key] = compute(self)
        found: T = self._memo[key]
        return found


@dataclass
class Loaded:
    """A workbook as read, and what its reading found about its structure."""

    book: Workbook
    sheets: Sheets
    # Sheet names differing only in case or spaces: (the one read, the one left out).
    doubled: list[tuple[str, str]]
    missing: list[SheetSpec]  # required sheets not in the workbook
    unknown: list[str]  # sheets not in the layout (the tool's own, starting with _, aside)
    special: dict[str, list[tuple[SpecialCell, str]]]  # known sheet -> (cell, its column)

    @property
    def file(self) -> str:
        return self.sheets.file

    @property
    def layout(self) -> Layout:
        return self.sheets.layout


def read_sheets(path: Path, layout: Layout | None = None, display: str | None = None) -> Loaded:
    """Raises UnreadableWorkbook when the file cannot be read at all."""
    layout = layout or load_layout()
    book = read_workbook(path, {s.name: set(s.column_index) for s in layout.sheets})
    return load(book, layout, display or str(path))


def load(book: Workbook, layout: Layout, file: str) -> Loaded:
    """The sheets of a workbook already read (by fastexcel here, by pandas in the benchmark)."""
    tables, doubled, missing, unknown = _match(book, layout)
    frames: dict[str, pd.DataFrame] = {}
    special: dict[str, list[tuple[SpecialCell, str]]] = {}
    for sheet in layout.sheets:
        table = tables[sheet.name]
        special[sheet.name] = _special_cells(book, table)
        _complete(sheet, table)
        clean = clean_text(table.frame)
        for col in sheet.columns:
            clean[col.name] = col.kind.clean(clean[col.name])
        frames[sheet.name] = clean
    sheets = Sheets(file, layout, tables, frames, book.path)
    return Loaded(book, sheets, doubled, missing, unknown, special)


def _match(
    book: Workbook, layout: Layout
) -> tuple[dict[str, Table], list[tuple[str, str]], list[SheetSpec], list[str]]:
    """Find each known sheet (case and spaces do not matter); the doubled, missing and unknown."""
    by_key: dict[str, str] = {}
    doubled: list[tuple[str, str]] = []
    for name in book.sheet_order:
        key = name.strip().lower()
        first = by_key.setdefault(key, name)
        if first != name:
            doubled.append((first, name))
    tables: dict[str, Table] = {}
    missing: list[SheetSpec] = []
    for sheet in layout.sheets:
        actual = by_key.pop(sheet.name, None)
        if actual is None:
            if not sheet.optional:
                missing.append(sheet)
            empty = pd.DataFrame(index=pd.Index([], dtype="int64", name=ROW_INDEX))
            tables[sheet.name] = Table(sheet.name, 1, {}, empty, missing=True)
            continue
        tables[sheet.name] = book.tables[actual]
    unknown = [a for key, a in by_key.items() if not key.startswith(INTERNAL_SHEET_PREFIX)]
    return tables, doubled, missing, unknown


def _special_cells(book: Workbook, table: Table) -> list[tuple[SpecialCell, str]]:
    """Formulas and error values in the sheet's known columns; an error value counts as an
    empty cell from here on."""
    letters = {column_letter(j): name for name, j in table.columns.items()}
    found = []
    for cell in book.special_cells.get(table.sheet, []):
        column = letters.get(cell.column)
        if column is None:
            continue
        if cell.error is not None and cell.row in table.frame.index:
            table.frame.at[cell.row, column] = None
        found.append((cell, column))
    return found


def _complete(sheet: SheetSpec, table: Table) -> None:
    """Give the frame every column of the spec, missing ones empty, and nothing else."""
    frame = table.frame
    data = {
        c.name: frame[c.name]
        if c.name in frame
        else pd.Series(None, index=frame.index, dtype="str")
        for c in sheet.columns
    }
    table.frame = pd.DataFrame(data, index=frame.index, dtype="str")


@dataclass(frozen=True, eq=False)
class SheetsRule(Rule):
    """A rule across columns or sheets, checked on the cleaned sheets."""

    check: Callable[[Sheets], Iterable[Finding]]
