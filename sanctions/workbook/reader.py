"""Read a workbook into tables that remember where every value came from.

Every value is kept as text, exactly as the editor typed it: nothing is coerced by pandas (an
Excel serial number stays a number-looking string, "yes" stays "yes"). Each table's index is
the Excel row number, and each column knows its letter, so any check can point at a cell.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Hashable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import cast

import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc
from python_calamine import CalamineError, CalamineWorkbook, SheetVisibleEnum

from sanctions.workbook.gate import UnreadableWorkbook, check_file
from sanctions.workbook.xmlscan import Hidden, SpecialCell, scan

ROW_INDEX = "excel_row"


@dataclass
class Table:
    """One sheet: values as text, index = Excel row, column name -> 0-based column index."""

    sheet: str
    header_row: int
    columns: dict[str, int]
    frame: pd.DataFrame
    duplicate_columns: list[tuple[str, int]] = field(default_factory=list)
    blank_header_columns: list[int] = field(default_factory=list)
    hidden: bool = False
    missing: bool = False


@dataclass
class Workbook:
    path: Path
    tables: dict[str, Table]
    special_cells: dict[str, list[SpecialCell]]
    sheet_order: list[str]
    hidden: dict[str, Hidden] = field(default_factory=dict)  # hidden rows and columns


def row_number(label: Hashable) -> int:
    """A frame's index label as the Excel row number it is."""
    return int(cast(int, label))


def text_or_none(value: object) -> str | None:
    """A frame cell as text, or None when it is empty (None, NaN or pandas' NA)."""
    if value is None or value is pd.NA or (isinstance(value, float) and value != value):
        return None
    return str(value)


def to_text(value: object) -> str | None:
    """Turn a calamine cell into the text an editor sees, or None for an empty cell."""
    if value is None:
        return None
    if isinstance(value, str):
        return value if value != "" else None
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, float):
        if value.is_integer():
            return str(int(value))
        return repr(value)
    if isinstance(value, int):
        return str(value)
    if isinstance(value, dt.datetime):
        if value.time() == dt.time(0, 0):
            return value.date().isoformat()
        return value.isoformat(sep=" ")
    if isinstance(value, dt.date | dt.time):
        return value.isoformat()
    return str(value)


HEADER_SEARCH_ROWS = 20


def read_workbook(path: Path, expected: dict[str, set[str]] | None = None) -> Workbook:
    """Read every sheet. ``expected`` maps a sheet name (lower case) to the column names that
    identify its header row, so a title row above the header is not taken for it."""
    check_file(path)
    try:
        special, hidden = scan(path)
    except Exception as exc:  # a malformed part: report, never a traceback
        raise UnreadableWorkbook(f"the workbook's structure is damaged ({_one_line(exc)})") from exc
    tables, order = _read_sheets(path, expected)
    return Workbook(path, tables, special, order, hidden)


def _read_sheets(
    path: Path, expected: dict[str, set[str]] | None
) -> tuple[dict[str, Table], list[str]]:
    try:
        with CalamineWorkbook.from_path(str(path)) as book:
            hidden = {m.name for m in book.sheets_metadata if m.visible != SheetVisibleEnum.Visible}
            tables: dict[str, Table] = {}
            for name in book.sheet_names:
                rows = book.get_sheet_by_name(name).to_python(skip_empty_area=False)
                known = (expected or {}).get(name.strip().lower(), set())
                tables[name] = _table(name, rows, name in hidden, known)
            order = list(book.sheet_names)
            return tables, order
    except CalamineError as exc:
        raise UnreadableWorkbook(
            f"the workbook could not be read safely ({_one_line(exc)})"
        ) from exc
    except (ValueError, OSError, KeyError) as exc:
        raise UnreadableWorkbook(f"the workbook could not be read ({_one_line(exc)})") from exc


def _one_line(exc: BaseException) -> str:
    text = " ".join(str(exc).split())
    return text[:200] or type(exc).__name__


def _header_key(value: object) -> str | None:
    text = to_text(value)
    return " ".join(text.split()).lower() if text is not None else None


def _find_header(rows: Sequence[Sequence[object]], known: set[str]) -> int | None:
    """The first row naming a known column; failing that, the first non-empty row."""
    first = None
    for i, row in enumerate(rows[:HEADER_SEARCH_ROWS]):
        keys = {_header_key(v) for v in row} - {None}
        if keys and first is None:
            first = i
        if keys & known:
            return i
    if first is None:
        first = next(
            (i for i, row in enumerate(rows) if any(to_text(v) is not None for v in row)), None
        )
    return first


def _table(sheet: str, rows: Sequence[Sequence[object]], hidden: bool, known: set[str]) -> Table:
    header_at = _find_header(rows, known)
    if header_at is None:
        empty = pd.DataFrame(index=pd.Index([], dtype="int64", name=ROW_INDEX))
        return Table(sheet, 1, {}, empty, hidden=hidden)
    header = [to_text(v) for v in rows[header_at]]
    columns: dict[str, int] = {}
    duplicates: list[tuple[str, int]] = []
    blanks: list[int] = []
    for j, title in enumerate(header):
        if title is None:
            blanks.append(j)
            continue
        key = " ".join(title.split()).lower()
        if key in columns:
            duplicates.append((key, j))
        else:
            columns[key] = j
    body = rows[header_at + 1 :]
    first_row = header_at + 2  # Excel rows are 1-based and the header takes one
    index = pd.RangeIndex(first_row, first_row + len(body), name=ROW_INDEX)
    by_column = list(zip(*body, strict=False)) if body else []
    data = {
        name: _text_column(by_column[j] if j < len(by_column) else ())
        for name, j in columns.items()
    }
    frame = pd.DataFrame(data, index=index)
    keep = frame.notna().any(axis=1)
    used_blanks = []
    for j in blanks:  # a value under a blank header still makes the row non-empty
        present = pd.Series(_text_column(by_column[j]), index=index).notna()
        if present.any():
            used_blanks.append(j)
            keep = keep | present
    frame = frame[keep]
    frame.index = frame.index.astype("int64")
    return Table(sheet, header_at + 1, columns, frame, duplicates, used_blanks, hidden)


def _text_column(values: Sequence[object]) -> pd.api.extensions.ExtensionArray:
    """One column of calamine values as Arrow-backed text ("" becomes missing)."""
    try:  # the common case: only text and empty cells, converted by Arrow alone
        array = pa.array(values, type=pa.large_string())
        array = pc.if_else(pc.equal(array, ""), pa.scalar(None, pa.large_string()), array)
    except (pa.ArrowInvalid, pa.ArrowTypeError):
        texts = [(v or None) if type(v) is str else to_text(v) for v in values]
        array = pa.array(texts, type=pa.large_string())
    text: pd.api.extensions.ExtensionArray = pd.array(array, dtype="str")
    return text
