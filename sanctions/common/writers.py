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
from typing import IO, Any

# The control characters XML 1.0 forbids (openpyxl refuses the same set); tab, line feed and
# carriage return are allowed. Written here, not imported: openpyxl takes a tenth of a second
# to import, which every command would pay for this one expression.
ILLEGAL_CHARACTERS_RE = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
FIXED_TIME = (1980, 1, 1, 0, 0, 0)
FIXED_DATETIME = dt.datetime(2000, 1, 1)


def risky(value: str) -> bool:
    return value.startswith(FORMULA_STARTS)


@dataclass(frozen=True)
class CsvStyle:
    """How a published list's CSV is written, so that rows could be appended to the real file:
    whether it has a header row, a line before it (the UK's ``Report Date: …``), what it writes
    in an empty field (OFAC's ``-0- ``), whether every other field is quoted, its line ends;
    and, for a table of our own that an editor opens in Excel, a byte-order mark, without which
    Excel reads UTF-8 as the machine's code page (quoted passages come out garbled)."""

    header: bool = True
    preamble: str = ""
    empty: str = ""
    quote_all: bool = False
    line_end: str = "\n"
    bom: bool = False


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
    path.write_bytes(buffer.getvalue().encode("utf-8-sig" if style.bom else "utf-8"))


def _quoted(value: str) -> str:
    return '"' + value.replace('"', '""') + '"'


def write_xlsx(
    path: Path,
    sheets: Mapping[str, tuple[Sequence[str], Sequence[Mapping[str, str | bool]]]],
    headless: Collection[str] = (),
    page_headers: Mapping[str, str] | None = None,
) -> None:
    """One sheet per entry, bold frozen header (none on the ``headless`` sheets, for a format
    whose real file has no header row). A bool is written as a real TRUE/FALSE cell; text is
    always text, never a formula or a link. Rows grow with their wrapped text, aligned to the
    top. Printed pages carry their number and, for the sheets ``page_headers`` names, a line
    at the top (what a printed page is, away from the rest). Written by XlsxWriter, whose
    formats are made once per workbook: a thousand-target table in a fraction of the time a
    styled cell by cell writer takes."""
    import xlsxwriter  # here: only the commands that write a table pay for its import
    import xlsxwriter.exceptions

    book = xlsxwriter.Workbook(
        str(path), {"strings_to_numbers": False, "strings_to_formulas": False,
                    "strings_to_urls": False, "in_memory": True}
    )  # fmt: skip
    book.set_properties({"author": "sanctions", "created": FIXED_DATETIME})
    bold = book.add_format({"bold": True})
    top = book.add_format({"valign": "top"})
    wrap = book.add_format({"valign": "top", "text_wrap": True})
    quoted = {False: book.add_format({"quote_prefix": True}),
              True: book.add_format({"quote_prefix": True, "valign": "top", "text_wrap": True})}  # fmt: skip
    for title, (columns, rows) in sheets.items():
        ws = book.add_worksheet(title[:31])
        widths = print_widths([_width(column, rows) for column in columns])
        for j, width in enumerate(widths):
            ws.set_column(j, j, width)
        _print_setup_xlsxwriter(ws, widths, header=title not in headless)
        ws.set_footer("&CPage &P of &N")
        if page_headers and title in page_headers:
            ws.set_header("&C" + page_headers[title].replace("&", "&&"))
        number = 0
        if title not in headless:
            ws.freeze_panes(1, 0)
            for j, column in enumerate(columns):
                ws.write_string(0, j, column, bold)
            number = 1
        per_line = [_per_line(width) for width in widths]
        for row in rows:
            # the filled cells only: an empty one is written as nothing and takes one line
            cells = [(j, v) for j, c in enumerate(columns) if (v := row.get(c, "")) != ""]
            lines = 1
            for j, value in cells:
                text = value if isinstance(value, str) else str(value)
                if len(text) > per_line[j] or "\n" in text:
                    lines = max(lines, _lines(text, widths[j]))
            tall = lines > 1  # rows grow with their wrapped text (no program sizes them on open)
            if tall:  # top-aligned: the row's own format, for its empty cells
                ws.set_row(number, LINE_POINTS * lines, top)
            for j, value in cells:
                if isinstance(value, bool):
                    ws.write_boolean(number, j, value, top if tall else None)
                    continue
                text = printable(value)
                wraps = "\n" in text or len(text) > widths[j]
                if risky(text):
                    ws.write_string(number, j, text, quoted[wraps or tall])
                elif wraps:
                    ws.write_string(number, j, text, wrap)
                elif text:
                    ws.write_string(number, j, text, top if tall else None)
            number += 1
    try:
        book.close()  # in memory, XlsxWriter dates every member 1980-01-01: the same bytes each run
    except xlsxwriter.exceptions.FileCreateError as exc:
        # XlsxWriter wraps the file system's error (a full disk) in one of its own, which the
        # commands would not know for one: the file system's, as every other writer raises
        cause = exc.args[0] if exc.args and isinstance(exc.args[0], OSError) else None
        raise (cause or OSError(str(exc))) from exc


def _print_setup_xlsxwriter(ws: Any, widths: Sequence[float], header: bool = True) -> None:
    """``print_setup``'s rule, for a sheet XlsxWriter writes."""
    ws.set_landscape()
    ws.set_paper(9)  # A4
    if fits(widths):
        ws.fit_to_pages(1, 0)
    else:
        ws.set_print_scale(SMALLEST_SCALE)
        ws.repeat_columns(0, 0)
    if header:
        ws.repeat_rows(0, 0)


LINE_POINTS = 15  # the height of a line of 11-point text


def _per_line(width: int) -> int:
    """The characters of a line of text in a column ``width`` characters wide (text runs about
    a sixth narrower than the digits a width counts)."""
    return max(int(width * 1.15) - 2, 1)


def _lines(value: str, width: int) -> int:
    """How many lines a cell's text takes wrapped in a column ``width`` characters wide."""
    per_line = _per_line(width)
    return sum(max(1, -(-len(part) // per_line)) for part in value.split("\n"))


def printable(value: str) -> str:
    """The text without control characters, which no .xlsx or .docx may hold. The workbook's
    own cells never have them (the validator refuses them); text from reference data may."""
    cleaned: str = ILLEGAL_CHARACTERS_RE.sub("", value)
    return cleaned


WIDEST = 80  # characters: wider text wraps in its cell instead

# Printing on A4 landscape. A column of width w (in characters of the default 11-point font)
# takes about 7w + 5 pixels; the page, less Excel's default margins, holds about 986 pixels.
# A sheet is fitted to the page's width only where that keeps its text at 8 points or more;
# a wider one prints across pages at that smallest scale, its header row and first column
# (the IDs) on every page.
PRINTABLE_PX = 930  # 986, less a margin for fonts wider than Calibri
BASE_POINTS, SMALLEST_POINTS = 11, 8
SMALLEST_SCALE = -(-100 * SMALLEST_POINTS // BASE_POINTS)  # 73 %: 8 points
NARROWEST_WRAPPED = 24  # a wrapped column is not made narrower than this to fit the page


def columns_px(widths: Sequence[float]) -> float:
    return sum(7 * w + 5 for w in widths)


def fits(widths: Sequence[float]) -> bool:
    """Whether the columns print one page wide with text at 8 points or more."""
    return columns_px(widths) * SMALLEST_POINTS <= PRINTABLE_PX * BASE_POINTS


def print_widths(widths: Sequence[int]) -> list[int]:
    """The widths, the wide (wrapping) columns narrowed where that lets the sheet print one
    page wide at 8 points or more; unchanged where it cannot."""
    out = list(widths)
    while not fits(out):
        widest = max(range(len(out)), key=lambda j: out[j], default=None)
        if widest is None or out[widest] <= NARROWEST_WRAPPED:
            return list(widths)  # too many columns: print across pages instead
        out[widest] -= 1
    return out


def print_setup(ws: Any, widths: Sequence[float], header: bool = True) -> None:
    """A4 landscape; one page wide when the text stays at 8 points or more, else across pages
    at that scale with the first column repeated; the header row on every page."""
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = "9"  # A4
    if fits(widths):
        ws.page_setup.fitToWidth = 1
        ws.page_setup.fitToHeight = 0
        ws.sheet_properties.pageSetUpPr.fitToPage = True
    else:
        ws.page_setup.scale = SMALLEST_SCALE
        ws.print_title_cols = "A:A"
    if header:
        ws.print_title_rows = "1:1"


def _width(column: str, rows: Sequence[Mapping[str, str | bool]]) -> int:
    """Wide enough for the header and the longest line of the column, up to ``WIDEST``."""
    longest = 0
    for row in rows:
        value = row.get(column, "")
        text = value if isinstance(value, str) else str(value)
        if len(text) > longest:  # only then can one of its lines be longer
            longest = max(longest, *(len(line) for line in text.split("\n")))
    return min(WIDEST, max(10, len(column) + 2, longest + 2))


FIXED_STAMP = "2000-01-01T00:00:00Z"
BLOCK = 1 << 20  # bytes read at a time into a zip
ZIP64_FROM = (1 << 31) - (1 << 20)  # a member this large needs ZIP64 sizes (zipfile's own test)
ISO_DAY = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
CORE_DATES = re.compile(rb"(<dcterms:(?:created|modified)\b[^>]*>)[^<]*(</dcterms:)")


def normalise_zip(path: Path, created: str | None = None) -> None:
    """Rewrite a zip with fixed timestamps (the members', and the document properties': the
    given ISO date, else 2000-01-01), in name order."""
    write_normalised_zip(path, zip_members(path), created)


def zip_members(source: Path | IO[bytes]) -> dict[str, bytes]:
    """Every member of a zip: its name -> its bytes."""
    with zipfile.ZipFile(source) as archive:
        return {info.filename: archive.read(info) for info in archive.infolist()}


def write_normalised_zip(path: Path, members: Mapping[str, bytes], created: str | None) -> None:
    """A zip of ``members`` as ``normalise_zip`` leaves one: in name order, with fixed
    timestamps, the document properties' dates ``created`` (ISO), else 2000-01-01."""
    stamp = f"{created}T00:00:00Z" if created and ISO_DAY.fullmatch(created) else FIXED_STAMP
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as target:
        for name in sorted(members):
            data = members[name]
            if name == "docProps/core.xml":
                data = CORE_DATES.sub(rb"\g<1>" + stamp.encode() + rb"\g<2>", data)
            info = zipfile.ZipInfo(name, date_time=FIXED_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            target.writestr(info, data)


# Files that are compressed already (Office files are zips): stored as they are, since
# deflating them again costs time and saves nothing.
COMPRESSED = frozenset(
    {".docx", ".xlsx", ".pptx", ".odt", ".ods", ".zip", ".gz", ".png", ".jpg", ".jpeg",
     ".webp", ".mp4", ".mp3", ".m4a", ".webm"}
)  # fmt: skip


def write_zip(path: Path, folder: Path, prefix: str) -> None:
    """Every file under folder, stored under prefix/, deterministically; each file is read in
    blocks, so that memory stays flat however large the evidence (a video, a scan)."""
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for file in sorted(p for p in folder.rglob("*") if p.is_file()):
            info = zipfile.ZipInfo(
                f"{prefix}/{file.relative_to(folder).as_posix()}", date_time=FIXED_TIME
            )
            info.compress_type = (
                zipfile.ZIP_STORED if file.suffix.lower() in COMPRESSED else zipfile.ZIP_DEFLATED
            )
            info.external_attr = 0o644 << 16
            large = file.stat().st_size > ZIP64_FROM
            with file.open("rb") as source, archive.open(info, "w", force_zip64=large) as member:
                shutil.copyfileobj(source, member, BLOCK)
