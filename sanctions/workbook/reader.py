"""Read a workbook into tables that remember where every value came from.

Every value is kept as text, exactly as the editor typed it: nothing is coerced by pandas (an
Excel serial number stays a number-looking string, "yes" stays "yes"). Each table's index is
the Excel row number, and each column knows its letter, so any check can point at a cell.
"""

from __future__ import annotations

import zipfile
from collections.abc import Hashable, Iterable
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import cast

import fastexcel
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from sanctions.common.beside import cores
from sanctions.common.bulk import give_back
from sanctions.workbook.gate import UnreadableWorkbook, check_file
from sanctions.workbook.xmlscan import Hidden, SpecialCell, scan, sheet_parts

Scanned = tuple[dict[str, list[SpecialCell]], dict[str, Hidden]]

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
    # (column, Excel row) of each cell read at Excel's limit (``CELL_LIMIT``): calamine cuts a
    # longer text there without a word, so what follows was not read
    at_limit: list[tuple[str, int]] = field(default_factory=list)


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


HEADER_SEARCH_ROWS = 20

# fastexcel gives every cell as text, printed the way Rust prints it. These rules give back the
# text an editor sees in Excel: a date without a midnight time, a time without the 1899 date
# Excel keeps it on, and a TRUE/FALSE cell as the "yes"/"no" the workbook's vocabularies use.
CELL_TEXT = (
    (r"^1899-12-3[01] (\d\d:\d\d:\d\d(?:\.\d+)?)$", r"\1"),
    (r"^(\d{4}-\d\d-\d\d) 00:00:00$", r"\1"),
    (r"^true$", "yes"),
    (r"^false$", "no"),
)
# Whether a column holds any of these at all: anchored, so that most cells are passed over
# at their first letter.
CELL_TEXT_ANY = r"^(?:\d{4}-\d\d-\d\d \d\d:\d\d:\d\d|true$|false$)"


def read_workbook(path: Path, expected: dict[str, set[str]] | None = None) -> Workbook:
    """Read every sheet. ``expected`` maps a sheet name (lower case) to the column names that
    identify its header row, so a title row above the header is not taken for it."""
    check_file(path)
    # The scan of the sheets' XML runs on a thread while fastexcel reads the cells: both let go
    # of the interpreter for most of their work (unzipping, parsing in Rust).
    with ThreadPoolExecutor(max_workers=1) as pool:
        scanning = pool.submit(scan, path)
        try:
            tables, order = _read_sheets(path, expected)
        except UnreadableWorkbook:
            _scanned(scanning)  # a damaged structure is said first
            raise
        special, hidden = _scanned(scanning)
    give_back()  # what the readers' threads freed
    return Workbook(path, tables, special, order, hidden)


def _scanned(scanning: Future[Scanned]) -> Scanned:
    try:
        return scanning.result()
    except Exception as exc:  # a malformed part: report, never a traceback
        raise UnreadableWorkbook(f"the workbook's structure is damaged ({_one_line(exc)})") from exc


def _read_sheets(
    path: Path, expected: dict[str, set[str]] | None
) -> tuple[dict[str, Table], list[str]]:
    """Each sheet straight into Arrow text columns, as fastexcel (calamine underneath) reads it.

    A large workbook is read by two readers at once, each on its half of the sheets (by the
    size of their XML): calamine lets go of the interpreter while it parses, so the halves
    take the two cores. ``skip_rows=0`` keeps the sheet's leading empty rows, so that row i of
    the batch is Excel row i + 1; leading empty columns are not kept, and each column's
    ``absolute_index`` says where it stands.
    """
    try:
        reader = fastexcel.read_excel(str(path))
        order = list(reader.sheet_names)
        mine, theirs = _halves(path, order)
        if not theirs:
            return _read_group(reader, mine, expected), order
        try:
            with ThreadPoolExecutor(max_workers=1) as pool:
                other = pool.submit(
                    lambda: _read_group(fastexcel.read_excel(str(path)), theirs, expected)
                )
                tables = _read_group(reader, mine, expected)
                tables.update(other.result())
        except fastexcel.FastExcelError:
            # Read again in the workbook's order, so that the sheet named is the first that
            # fails, as one reader names it (not whichever half failed first).
            return _read_group(reader, order, expected), order
        return {name: tables[name] for name in order}, order
    except fastexcel.FastExcelError as exc:
        raise UnreadableWorkbook(
            f"the workbook could not be read safely ({_one_line(exc)})"
        ) from exc
    except (ValueError, OSError, KeyError, zipfile.BadZipFile) as exc:
        raise UnreadableWorkbook(f"the workbook could not be read ({_one_line(exc)})") from exc


# Below this much sheet XML, a second reader costs more (it reads the shared strings again)
# than it saves.
SPLIT_BYTES = 8 * 2**20


def _halves(path: Path, order: list[str]) -> tuple[list[str], list[str]]:
    """The sheets in two groups of about equal XML, the larger first; all in the first when
    the workbook is small or the process has one core."""
    try:
        with zipfile.ZipFile(path) as archive:
            parts = sheet_parts(archive)
            known = {info.filename: info.file_size for info in archive.infolist()}
    except Exception:  # a damaged structure: one reader, and the scan says what is wrong
        return order, []
    sizes = {name: known.get(parts.get(name, ""), 0) for name in order}
    if sum(sizes.values()) < SPLIT_BYTES or len(order) < 2 or cores() < 2:
        return order, []
    groups: tuple[list[str], list[str]] = ([], [])
    weight = [0, 0]
    for name in sorted(order, key=lambda n: -sizes[n]):
        lighter = weight.index(min(weight))
        groups[lighter].append(name)
        weight[lighter] += sizes[name]
    return groups


def _read_group(
    reader: fastexcel.ExcelReader, names: list[str], expected: dict[str, set[str]] | None
) -> dict[str, Table]:
    tables: dict[str, Table] = {}
    for name in names:
        sheet = reader.load_sheet_by_name(name, header_row=None, skip_rows=0, dtypes="string")
        hidden = sheet.visible != "visible"
        positions = [column.absolute_index for column in sheet.available_columns()]
        batch = pa.record_batch(sheet.to_arrow()) if positions else None
        cells = {
            j: _text_column(batch.column(i)) for i, j in enumerate(positions) if batch is not None
        }
        known = (expected or {}).get(name.strip().lower(), set())
        tables[name] = _table(name, cells, batch.num_rows if batch else 0, hidden, known)
        del sheet, batch, cells
        give_back()  # the sheet's cells as calamine held them, before the next is parsed
    return tables


def _one_line(exc: BaseException) -> str:
    text = " ".join(str(exc).split())
    return text[:200] or type(exc).__name__


def _header_key(text: str | None) -> str | None:
    return " ".join(text.split()).lower() if text is not None else None


def _find_header(cells: dict[int, pa.Array], height: int, known: set[str]) -> int | None:
    """The first row naming a known column; failing that, the first non-empty row."""
    top = {j: column.slice(0, HEADER_SEARCH_ROWS).to_pylist() for j, column in cells.items()}
    first = None
    for i in range(min(height, HEADER_SEARCH_ROWS)):
        keys = {_header_key(values[i]) for values in top.values()} - {None}
        if keys and first is None:
            first = i
        if keys & known:
            return i
    if first is None and cells:
        filled = _any_filled(cells.values(), height)
        first = pc.index(filled, True).as_py()
    return first if first is None or first >= 0 else None


def _any_filled(columns: Iterable[pa.Array], height: int) -> pa.Array:
    """For each row, whether any of ``columns`` has a value in it."""
    filled = pa.repeat(False, height)
    for column in columns:
        filled = pc.or_(filled, column.is_valid())
    return filled


def _table(
    sheet: str, cells: dict[int, pa.Array], height: int, hidden: bool, known: set[str]
) -> Table:
    header_at = _find_header(cells, height, known)
    if header_at is None:
        empty = pd.DataFrame(index=pd.Index([], dtype="int64", name=ROW_INDEX))
        return Table(sheet, 1, {}, empty, hidden=hidden)
    columns: dict[str, int] = {}
    duplicates: list[tuple[str, int]] = []
    blanks: list[int] = []
    for j, column in sorted(cells.items()):
        title = column[header_at].as_py()
        if title is None:
            blanks.append(j)
            continue
        key = " ".join(title.split()).lower()
        if key in columns:
            duplicates.append((key, j))
        else:
            columns[key] = j
    body = {j: column.slice(header_at + 1) for j, column in cells.items()}
    # A value under a blank header still makes its row a row of the sheet.
    used_blanks = [j for j in blanks if body[j].null_count < len(body[j])]
    keep = _any_filled([body[j] for j in [*columns.values(), *used_blanks]], height - header_at - 1)
    first_row = header_at + 2  # Excel rows are 1-based and the header takes one
    rows = pc.indices_nonzero(keep)
    index = pd.Index(pc.add(rows, first_row).to_numpy().astype("int64"), name=ROW_INDEX)
    # Most sheets have no empty row among their rows: every row is kept, and nothing is taken.
    every = len(rows) == len(keep)
    data = {
        name: pd.array(body[j] if every else body[j].take(rows), dtype="str")
        for name, j in columns.items()
    }
    frame = pd.DataFrame(data, index=index)
    table = Table(sheet, header_at + 1, columns, frame, duplicates, used_blanks, hidden)
    table.at_limit = _at_limit(body, columns, first_row)
    return table


# The most characters a cell holds in Excel; calamine reads no more of a longer one.
CELL_LIMIT = 32_767


def _at_limit(
    body: dict[int, pa.Array], columns: dict[str, int], first_row: int
) -> list[tuple[str, int]]:
    """The cells of the known columns read with ``CELL_LIMIT`` characters: by their length in
    bytes first (never fewer than the characters), a pass at memory speed."""
    found = []
    for name, j in columns.items():
        column = body[j]
        longest = pc.max(pc.binary_length(column)).as_py() if len(column) else None
        if longest is None or longest < CELL_LIMIT:
            continue
        full = pc.indices_nonzero(pc.greater_equal(pc.utf8_length(column), CELL_LIMIT))
        found += [(name, i + first_row) for i in full.to_pylist()]
    return found


def _text_column(column: pa.Array) -> pa.Array:
    """One column as the editor's text: "" is an empty cell, and dates, times and TRUE/FALSE
    read as Excel shows them (``CELL_TEXT``)."""
    text = pc.cast(column, pa.large_string())
    empty = pc.equal(text, "")
    if pc.any(empty).as_py():  # rare: an empty cell is most often no value at all
        text = pc.if_else(empty, pa.scalar(None, pa.large_string()), text)
    if pc.any(pc.match_substring_regex(text, CELL_TEXT_ANY)).as_py():
        for pattern, replacement in CELL_TEXT:
            text = pc.replace_substring_regex(text, pattern, replacement)
    return text
