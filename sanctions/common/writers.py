"""Tables and archives written byte-for-byte the same every time, and safe to open in Excel.

A text that starts with = + - @ tab or carriage return is written as text, never as a formula
(OWASP's CSV-injection advice, applied to .xlsx too). Zip-based files (.xlsx, .docx, .zip) get
fixed timestamps and a fixed member order, so the same workbook gives identical bytes.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
import shutil
import zipfile
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
FIXED_TIME = (1980, 1, 1, 0, 0, 0)
FIXED_DATETIME = dt.datetime(2000, 1, 1)
WRAP = Alignment(wrap_text=True, vertical="top")


def risky(value: str) -> bool:
    return value.startswith(FORMULA_STARTS)


@dataclass(frozen=True)
class CsvStyle:
    """How a published list's CSV is written, so that rows could be appended to the real file:
    whether it has a header row, a line before it (the UK's ``Report Date: …``), what it writes
    in an empty field (OFAC's ``-0- ``), whether every other field is quoted, its line ends."""

    header: bool = True
    preamble: str = ""
    empty: str = ""
    quote_all: bool = False
    line_end: str = "\n"


def write_csv(
    path: Path,
    columns: Sequence[str],
    rows: Sequence[Mapping[str, str]],
    style: CsvStyle = CsvStyle(),
) -> None:
    """A CSV table. A value that Excel would read as a formula is written as text ('=…), but
    the format's own empty marker, which is no formula, is written as the real list writes it."""
    buffer = io.StringIO()
    if style.preamble:
        buffer.write(style.preamble + style.line_end)
    writer = csv.writer(
        buffer,
        lineterminator=style.line_end,
        quoting=csv.QUOTE_ALL if style.quote_all else csv.QUOTE_MINIMAL,
    )
    if style.header:
        writer.writerow(columns)
    empty = style.empty
    for row in rows:
        values = [row.get(c, "") for c in columns]
        values = [("'" + v) if risky(v) and not (empty and v == empty) else v for v in values]
        if style.quote_all and empty:
            # every field quoted but the empty marker, as OFAC writes: "NAME",-0- ,"GLOMAG"
            line = ",".join(v if v == empty else _quoted(v) for v in values)
            buffer.write(line + style.line_end)
        else:
            writer.writerow(values)
    path.write_bytes(buffer.getvalue().encode("utf-8"))


def _quoted(value: str) -> str:
    return '"' + value.replace('"', '""') + '"'


def write_xlsx(
    path: Path,
    sheets: Mapping[str, tuple[Sequence[str], Sequence[Mapping[str, str | bool]]]],
    headless: Collection[str] = (),
) -> None:
    """One sheet per entry, bold frozen header (none on the ``headless`` sheets, for a format
    whose real file has no header row); write-only mode, so large tables stay fast. A bool is
    written as a real TRUE/FALSE cell."""
    book = Workbook(write_only=True)
    book.properties.creator = "sanctions"
    book.properties.created = FIXED_DATETIME
    book.properties.modified = FIXED_DATETIME
    for title, (columns, rows) in sheets.items():
        ws = book.create_sheet(title[:31])
        widths = [_width(column, rows) for column in columns]
        for j, width in enumerate(widths, start=1):
            ws.column_dimensions[get_column_letter(j)].width = width
        if title not in headless:
            ws.freeze_panes = "A2"
            ws.append([_bold(ws, c) for c in columns])
        for row in rows:
            ws.append([_cell(ws, row.get(c, ""), w) for c, w in zip(columns, widths, strict=True)])
    book.save(path)
    normalise_zip(path)


def _cell(ws: Any, value: str | bool, width: int) -> str | bool | WriteOnlyCell:
    return value if isinstance(value, bool) else _text(ws, value, width)


def _bold(ws: Any, value: str) -> WriteOnlyCell:
    cell = WriteOnlyCell(ws, value=value)
    cell.font = Font(bold=True)
    return cell


def printable(value: str) -> str:
    """The text without control characters, which no .xlsx or .docx may hold. The workbook's
    own cells never have them (the validator refuses them); text from reference data may."""
    cleaned: str = ILLEGAL_CHARACTERS_RE.sub("", value)
    return cleaned


WIDEST = 80  # characters: wider text wraps in its cell instead


def _width(column: str, rows: Sequence[Mapping[str, str | bool]]) -> int:
    """Wide enough for the header and the longest line of the column, up to ``WIDEST``."""
    longest = max(
        (len(line) for row in rows for line in str(row.get(column, "")).split("\n")), default=0
    )
    return min(WIDEST, max(10, len(column) + 2, longest + 2))


def _text(ws: Any, value: str, width: int = WIDEST) -> str | WriteOnlyCell:
    value = printable(value)
    wraps = "\n" in value or len(value) > width
    if not (risky(value) or wraps):
        return value
    cell = WriteOnlyCell(ws, value=value)
    if risky(value):
        cell.data_type = "s"  # text, not a formula
        cell.quotePrefix = True
    if wraps:
        cell.alignment = WRAP
    return cell


FIXED_STAMP = "2000-01-01T00:00:00Z"
BLOCK = 1 << 20  # bytes read at a time into a zip
ZIP64_FROM = (1 << 31) - (1 << 20)  # a member this large needs ZIP64 sizes (zipfile's own test)
ISO_DAY = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
CORE_DATES = re.compile(rb"(<dcterms:(?:created|modified)\b[^>]*>)[^<]*(</dcterms:)")


def normalise_zip(path: Path, created: str | None = None) -> None:
    """Rewrite a zip with fixed timestamps (the members', and the document properties': the
    given ISO date, else 2000-01-01), in name order."""
    stamp = f"{created}T00:00:00Z" if created and ISO_DAY.fullmatch(created) else FIXED_STAMP
    with zipfile.ZipFile(path) as source:
        members = sorted((info.filename, source.read(info)) for info in source.infolist())
    members = [
        (
            name,
            CORE_DATES.sub(rb"\g<1>" + stamp.encode() + rb"\g<2>", data)
            if name == "docProps/core.xml"
            else data,
        )
        for name, data in members
    ]
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as target:
        for name, data in members:
            info = zipfile.ZipInfo(name, date_time=FIXED_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            target.writestr(info, data)


def write_zip(path: Path, folder: Path, prefix: str) -> None:
    """Every file under folder, stored under prefix/, deterministically; each file is read in
    blocks, so that memory stays flat however large the evidence (a video, a scan)."""
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for file in sorted(p for p in folder.rglob("*") if p.is_file()):
            info = zipfile.ZipInfo(
                f"{prefix}/{file.relative_to(folder).as_posix()}", date_time=FIXED_TIME
            )
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            large = file.stat().st_size > ZIP64_FROM
            with file.open("rb") as source, archive.open(info, "w", force_zip64=large) as member:
                shutil.copyfileobj(source, member, BLOCK)
