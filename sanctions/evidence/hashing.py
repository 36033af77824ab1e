"""``sanctions evidence hash``: the SHA-256 of each local copy that has none recorded, written
into a copy of the workbook (never into the workbook itself).

Only empty sha256 cells are filled, and only for files that are in the evidence folder and safe
to open (``sanctions.evidence.folder``). A recorded hash that differs from the file is not
touched: whether the file or the hash is wrong is for a person to find out (``validate`` reports
it). The copy is the workbook with only the evidence sheet's XML rewritten
(``workbook/xmlpatch.py``), so pictures, charts, notes, formatting and dropdowns all stay, and
the same inputs give the same bytes. The
refusals are those of every copy of the workbook (``common/places.py``): not over the workbook,
not in ``lists/``, a public folder, a release or an export, and a name ending ``.xlsx``.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from sanctions.common.files import write_with
from sanctions.common.places import refuse_file
from sanctions.evidence.cells import named_files
from sanctions.evidence.folder import evidence_folder
from sanctions.evidence.reading import Found, read_copies
from sanctions.workbook.reader import Table
from sanctions.workbook.sheets import read_sheets
from sanctions.workbook.xmlpatch import set_cells

COLUMN = "sha256"


@dataclass(frozen=True)
class Hashed:
    """What the copy got: hashes written, and the rows left as they were, by reason."""

    out: Path
    folder: Path
    folder_exists: bool
    written: int
    recorded: int  # files that already had a hash (left alone)
    missing: int  # files not in the folder
    refused: int  # names that leave the folder or pass through a symbolic link


def write_hashes(workbook: Path, out: Path) -> Hashed:
    """Raises AnnotateError for a refused ``out``, UnreadableWorkbook for a workbook that cannot
    be read, OSError or OutputError when the copy cannot be written."""
    refuse_file(out, (".xlsx",), workbook)
    loaded = read_sheets(workbook)
    sheets = loaded.sheets
    files = named_files(sheets, workbook)
    named = [f.path for f in files if f.path is not None]
    wanted = [f.path for f in files if f.recorded is None and f.path is not None]
    readings = read_copies(named, hashed=wanted, texts=False)  # a recorded hash is left alone
    found = {path for path, read in readings.items() if read.found is Found.FILE}
    unhashed = [f for f in files if f.recorded is None and f.path in found]
    values = {
        f.row: digest
        for f in unhashed
        if f.path is not None and isinstance(digest := readings[f.path].sha256, str)
    }
    _write_copy(workbook, out, sheets.tables["evidence"], values)
    folder = evidence_folder(workbook)
    return Hashed(
        out,
        folder,
        folder.is_dir(),
        len(values),
        sum(1 for f in files if f.recorded is not None),
        sum(1 for f in files if f.path is not None and f.path not in found),
        sum(1 for f in files if f.path is None),
    )


def _write_copy(workbook: Path, out: Path, table: Table, values: dict[int, str]) -> None:
    """The workbook with the hashes set, every other byte of it kept (``xmlpatch``)."""
    index = table.columns.get(COLUMN)
    cells: dict[tuple[int, int], str] = {}
    if index is None and values:  # no sha256 column yet: one after the last used column
        used = [*table.columns.values(), *table.blank_header_columns]
        used += [i for _, i in table.duplicate_columns]
        index = max(used, default=-1) + 1
        cells[(table.header_row, index + 1)] = COLUMN
    if index is not None:
        cells.update({(row, index + 1): digest for row, digest in values.items()})
    write_with(out, lambda path: set_cells(workbook, path, table.sheet, cells))
