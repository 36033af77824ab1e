"""Rules on the workbook's structure: its sheets and header rows, formulas and error values,
hidden rows and columns, and merged cells, as ``sheets.load`` found them."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass

from sanctions.rules.finding import Finding, cell_ref, column_number
from sanctions.rules.rule import Rule
from sanctions.workbook.columns.words import show
from sanctions.workbook.reader import CELL_LIMIT, Table, text_or_none
from sanctions.workbook.sheets import Loaded


@dataclass(frozen=True, eq=False)
class StructureRule(Rule):
    """A rule on how the workbook is laid out, checked on what reading it found."""

    check: Callable[[Loaded], Iterable[Finding]]


def _present(loaded: Loaded) -> Iterator[tuple[str, Table]]:
    for sheet in loaded.layout.sheets:
        table = loaded.sheets.tables[sheet.name]
        if not table.missing:
            yield sheet.name, table


def _at_header(rule: Rule, loaded: Loaded, table: Table, j: int, name: str | None) -> Finding:
    return rule.finding(
        loaded.file,
        table.sheet,
        cell=cell_ref(j, table.header_row),
        row=table.header_row,
        column=name,
        value=name,
        name=name,
    )


def _doubled_sheets(loaded: Loaded) -> Iterator[Finding]:
    for first, name in loaded.doubled:
        yield SHEET_DUPLICATE.finding(loaded.file, name, first=first, name=name)


def _missing_sheets(loaded: Loaded) -> Iterator[Finding]:
    for sheet in loaded.missing:
        renamed = _renamed(loaded, {c.name for c in sheet.columns if c.required})
        hint = f": sheet '{renamed}' has its columns; rename it '{sheet.name}'" if renamed else ""
        yield SHEET_MISSING.finding(loaded.file, sheet.name, name=sheet.name, hint=hint)


def _renamed(loaded: Loaded, required: set[str]) -> str | None:
    """The sheet the layout does not know whose header holds most of a missing sheet's
    required columns: that sheet renamed ("Involvement of persons")."""
    for name in loaded.unknown:
        table = loaded.book.tables.get(name)
        held = required & set(table.columns) if table is not None else set()
        if len(held) >= 2 and len(held) * 2 >= len(required):
            return name
    return None


def _hidden_sheets(loaded: Loaded) -> Iterator[Finding]:
    for _, table in _present(loaded):
        if table.hidden:
            yield SHEET_HIDDEN.finding(loaded.file, table.sheet, name=table.sheet)


def _unknown_sheets(loaded: Loaded) -> Iterator[Finding]:
    for name in loaded.unknown:
        yield SHEET_UNKNOWN.finding(loaded.file, name, name=name)


def _missing_columns(loaded: Loaded) -> Iterator[Finding]:
    for name, table in _present(loaded):
        for col in loaded.layout.sheet(name).columns:
            if col.required and col.name not in table.columns:
                yield COLUMN_MISSING.finding(
                    loaded.file,
                    table.sheet,
                    row=table.header_row,
                    column=col.name,
                    header=table.header_row,
                    name=col.name,
                )


def _unknown_columns(loaded: Loaded) -> Iterator[Finding]:
    for name, table in _present(loaded):
        spec = loaded.layout.sheet(name)
        for column, j in table.columns.items():
            if column not in spec.column_index:
                yield _at_header(COLUMN_UNKNOWN, loaded, table, j, column)


def _doubled_columns(loaded: Loaded) -> Iterator[Finding]:
    for _, table in _present(loaded):
        for column, j in table.duplicate_columns:
            yield _at_header(COLUMN_DUPLICATE, loaded, table, j, column)


def _headless_columns(loaded: Loaded) -> Iterator[Finding]:
    for _, table in _present(loaded):
        for j in table.blank_header_columns:
            yield _at_header(COLUMN_NO_HEADER, loaded, table, j, None)


def _error_values(loaded: Loaded) -> Iterator[Finding]:
    for name, found in loaded.special.items():
        table = loaded.sheets.tables[name]
        for cell, column in found:
            if cell.error is not None:
                yield ERROR_VALUE.finding(
                    loaded.file,
                    table.sheet,
                    cell=f"{cell.column}{cell.row}",
                    row=cell.row,
                    column=column,
                    value=cell.error,
                    name=column,
                    error=cell.error,
                )


def _cells_at_limit(loaded: Loaded) -> Iterator[Finding]:
    for _, table in _present(loaded):
        for column, row in table.at_limit:
            yield CELL_AT_LIMIT.finding(
                loaded.file,
                table.sheet,
                cell=cell_ref(table.columns[column], row),
                row=row,
                column=column,
                value=None,
                name=column,
                limit=f"{CELL_LIMIT:,}",
            )


def _formulas(loaded: Loaded) -> Iterator[Finding]:
    for name, found in loaded.special.items():
        table = loaded.sheets.tables[name]
        for cell, column in found:
            if cell.error is None and cell.formula and cell.row in table.frame.index:
                value = text_or_none(table.frame.at[cell.row, column])
                yield FORMULA.finding(
                    loaded.file,
                    table.sheet,
                    cell=f"{cell.column}{cell.row}",
                    row=cell.row,
                    column=column,
                    value=value,
                    name=column,
                    shown=show(value),
                )


def _hidden_rows(loaded: Loaded) -> Iterator[Finding]:
    for _, table in _present(loaded):
        hidden = loaded.book.hidden.get(table.sheet)
        if hidden is None:
            continue
        for row in sorted(hidden.rows & set(table.frame.index.tolist())):
            yield ROW_HIDDEN.finding(loaded.file, table.sheet, cell=f"A{row}", row=row, number=row)


def _hidden_columns(loaded: Loaded) -> Iterator[Finding]:
    for _, table in _present(loaded):
        hidden = loaded.book.hidden.get(table.sheet)
        if hidden is None:
            continue
        for column, j in table.columns.items():
            if j + 1 in hidden.columns:
                yield COLUMN_HIDDEN.finding(
                    loaded.file,
                    table.sheet,
                    cell=cell_ref(j, table.header_row),
                    row=table.header_row,
                    column=column,
                    name=column,
                )


def _merged_cells(loaded: Loaded) -> Iterator[Finding]:
    """A merged range that reaches the header or the rows below it: Excel shows its first
    cell's value across it, but every other cell of it is empty, and would be read so (a
    "yes" merged over two confidential cells marks one row only)."""
    for _, table in _present(loaded):
        hidden = loaded.book.hidden.get(table.sheet)
        if hidden is None:
            continue
        known = set(table.columns.values())  # 0-based, as the reader numbers them
        for merged in hidden.merged:
            first, _, last = merged.partition(":")
            if not last or _row_of(last) < table.header_row:
                continue  # one cell, or a title band above the header
            span = range(_column_of(first) - 1, _column_of(last))
            if known.isdisjoint(span):
                continue  # beside the list's columns: nothing of it is read
            yield CELLS_MERGED.finding(
                loaded.file, table.sheet, cell=first, row=_row_of(first), merged=merged, first=first
            )


def _row_of(cell: str) -> int:
    return int(cell.lstrip("ABCDEFGHIJKLMNOPQRSTUVWXYZ"))


def _column_of(cell: str) -> int:
    return column_number(cell.rstrip("0123456789"))


SHEET_MISSING = StructureRule(
    "sheet.missing",
    "error",
    "A sheet the layout requires is not in the workbook.",
    "the workbook has no sheet named '{name}'{hint}; the checks between sheets wait until it is "
    "there",
    check=_missing_sheets,
)
SHEET_UNKNOWN = StructureRule(
    "sheet.unknown",
    "warning",
    "A sheet the layout does not know; it is not read.",
    "sheet '{name}' is not part of the layout and is not read",
    check=_unknown_sheets,
)
SHEET_HIDDEN = StructureRule(
    "sheet.hidden",
    "warning",
    "A known sheet is hidden; it is still validated.",
    "sheet '{name}' is hidden; it is validated all the same",
    check=_hidden_sheets,
)
SHEET_DUPLICATE = StructureRule(
    "sheet.duplicate",
    "error",
    "Two sheets whose names differ only in case or spaces; which one holds the list is unclear.",
    "sheets '{first}' and '{name}' have the same name but for case or spaces; keep one (only "
    "'{first}' is read)",
    check=_doubled_sheets,
)
ROW_HIDDEN = StructureRule(
    "row.hidden",
    "warning",
    "A hidden row with values; it is validated and exported.",
    "row {number} is hidden; it is validated and exported all the same",
    check=_hidden_rows,
)
COLUMN_HIDDEN = StructureRule(
    "column.hidden",
    "warning",
    "A hidden column with a header; it is validated and exported.",
    "column '{name}' is hidden; it is validated and exported all the same",
    check=_hidden_columns,
)
COLUMN_MISSING = StructureRule(
    "column.missing",
    "error",
    "A required column is missing from a sheet's header row.",
    "the header row (row {header}) has no column '{name}'",
    check=_missing_columns,
)
COLUMN_UNKNOWN = StructureRule(
    "column.unknown",
    "warning",
    "A column the layout does not know; it is not read.",
    "column '{name}' is not part of the layout and is not read",
    check=_unknown_columns,
)
COLUMN_DUPLICATE = StructureRule(
    "column.duplicate",
    "error",
    "Two columns in one sheet have the same header.",
    "column '{name}' appears twice in the header row; only the first is read",
    check=_doubled_columns,
)
COLUMN_NO_HEADER = StructureRule(
    "column.no_header",
    "warning",
    "A column holds values but has no header.",
    "this column has values but no header; they are not read",
    check=_headless_columns,
)
CELLS_MERGED = StructureRule(
    "cells.merged",
    "error",
    "Merged cells among the list's rows: only the first holds a value, the others read empty.",
    "cells {merged} are merged: Excel shows the value of {first} in each, but the others are "
    "empty and would be read so; unmerge them (Home, Merge & Center) and type the value in "
    "every cell",
    check=_merged_cells,
)
ERROR_VALUE = StructureRule(
    "cell.error_value",
    "error",
    "A formula error value such as #REF! or #N/A.",
    "{name} holds the error value {error}; fix the formula or type the value",
    check=_error_values,
)
CELL_AT_LIMIT = StructureRule(
    "cell.at_limit",
    "error",
    "A cell with as many characters as Excel can hold (32,767): a program other than Excel may "
    "have written more, and the rest is not read.",
    "{name} holds {limit} characters, the most a cell can hold in Excel: anything after them was "
    "not read; shorten the text (quote the source's passage in part, with …)",
    check=_cells_at_limit,
)
FORMULA = StructureRule(
    "cell.formula",
    "warning",
    "A formula; the result Excel last saved is used.",
    "{name} is a formula; its saved result {shown} is used",
    check=_formulas,
)

RULES = (
    SHEET_MISSING,
    SHEET_UNKNOWN,
    SHEET_HIDDEN,
    SHEET_DUPLICATE,
    ROW_HIDDEN,
    COLUMN_HIDDEN,
    COLUMN_MISSING,
    COLUMN_UNKNOWN,
    COLUMN_DUPLICATE,
    COLUMN_NO_HEADER,
    CELLS_MERGED,
    CELL_AT_LIMIT,
    ERROR_VALUE,
    FORMULA,
)
