"""``sanctions evidence hash``: the SHA-256 of each local copy that has none recorded, written
into a copy of the workbook (never into the workbook itself).

Only empty sha256 cells are filled, and only for files that are in the evidence folder and safe
to open (``sanctions.evidence.folder``). A recorded hash that differs from the file is not
touched: whether the file or the hash is wrong is for a person to find out (``validate`` reports
it). The copy is openpyxl's load and save of the workbook, so formatting, widths, notes and
dropdowns stay, with fixed zip timestamps so that the same inputs give the same bytes. The
refusals are those of every copy of the workbook (``common/places.py``): not over the workbook,
not in ``lists/``, a public folder, a release or an export, and a name ending ``.xlsx``.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from sanctions.common.files import write_with
from sanctions.common.places import refuse_file
from sanctions.evidence.cells import named_files
from sanctions.evidence.copies import hashes
from sanctions.evidence.folder import evidence_folder
from sanctions.workbook.reader import Table
from sanctions.workbook.sheets import read_sheets

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
    unhashed = [f for f in files if f.recorded is None and f.path is not None and f.path.is_file()]
    digests = hashes(f.path for f in unhashed if f.path is not None)
    values = {
        f.row: digest
        for f in unhashed
        if f.path is not None and isinstance(digest := digests.get(f.path), str)
    }
    _write_copy(workbook, out, sheets.tables["evidence"], values)
    folder = evidence_folder(workbook)
    return Hashed(
        out,
        folder,
        folder.is_dir(),
        len(values),
        sum(1 for f in files if f.recorded is not None),
        sum(1 for f in files if f.path is not None and not f.path.is_file()),
        sum(1 for f in files if f.path is None),
    )


def _write_copy(workbook: Path, out: Path, table: Table, values: dict[int, str]) -> None:
    from openpyxl import load_workbook

    from sanctions.common.writers import normalise_zip

    book = load_workbook(workbook)
    if values:
        sheet = book[table.sheet]
        index = table.columns.get(COLUMN)
        if index is None:  # no sha256 column yet: one after the last used column
            index = sheet.max_column
            sheet.cell(table.header_row, index + 1, COLUMN)
        for row, digest in sorted(values.items()):
            sheet.cell(row, index + 1, digest)

    def save(path: Path) -> None:
        book.save(path)
        normalise_zip(path)

    write_with(out, save)
