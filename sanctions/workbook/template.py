"""The editor's empty workbook, generated from schemas/ so that it always matches the validator.

It teaches as it goes: a first sheet says what each sheet is for, the order to fill them, what
the header colours mean and how to write dates and several values; every header carries a note;
single-valued lists and countries are dropdowns, and the values of multi-valued columns are on a
visible sheet of allowed values; text columns are wide and wrap; each sheet prints one page wide
in landscape. Sheets whose names start with ``_`` are the tool's: the validator skips them.

Its examples are fictional (an invented official, victim and city); where an example is a
country, it is the country the new list is named after (``lists/belarus.xlsx``: Belarus), or
none, never another list's.
"""

from __future__ import annotations

import re
from pathlib import Path

from openpyxl import Workbook
from openpyxl.comments import Comment
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter, quote_sheetname
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.worksheet import Worksheet

from sanctions.common.countries import country_code, country_name, country_names
from sanctions.common.errors import InputError
from sanctions.common.files import write_with
from sanctions.common.outputs import OutputError
from sanctions.common.places import EDITORS_FOLDER, kept_workbook, protected_place
from sanctions.common.writers import print_setup
from sanctions.workbook.columns.countries import DROPDOWN as COUNTRY
from sanctions.workbook.layout import ColumnSpec, Layout, SheetSpec, load_layout

INSTRUCTIONS_SHEET = "_instructions"
LISTS_SHEET = "_allowed values"
ROWS = 2000
HEADER_FILL = PatternFill("solid", start_color="DDEBF7", end_color="DDEBF7")
REQUIRED_FILL = PatternFill("solid", start_color="FCE4D6", end_color="FCE4D6")

GUIDE = (
    "How to fill this workbook",
    "",
    "This workbook is one list of officials proposed for sanctions. Each sheet below holds one "
    "kind of row; IDs (P001, O001, I001, E001) tie the rows together, so write each ID once on "
    "its own sheet and refer to it elsewhere.",
    "",
)
WRITING = (
    "How to write values",
    "Dates: as text, year first: 1965, 1965-06 or 1965-06-15. Never 12/03/1965, which can be "
    "read two ways.",
    "Several values in one cell: separate them with a semicolon, e.g. torture; "
    "arbitrary_detention (not a comma).",
    "Lists: click the cell and choose from the arrow. For columns that take several values, "
    f"the allowed values are on the sheet '{LISTS_SHEET}'.",
    "Countries: {countries}",
    "Every column's header has a note: point at the header to read what goes there.",
    "Leave a cell empty rather than guess. Every claim needs an evidence row (sheet evidence).",
    "",
    "Check your work",
    "Run: sanctions validate lists/<this file>.xlsx --annotate checked.xlsx",
    "It lists every problem by cell, and checked.xlsx shows each one in colour with a note. "
    "Fix the problems in this workbook (not in the copy), then run it again.",
)


def countries_line(country: str | None) -> str:
    """How to write a country, with the list's own country as the example when it is known."""
    if country is None:
        return "the country's name or its two-letter ISO code."
    return f"the name ({country_name(country)}) or the two-letter code ({country})."


def list_country(path: Path) -> str | None:
    """The country a new list is named after (``lists/belarus.xlsx``: by), if it is one."""
    stem = path.stem
    return country_code(stem) or country_code(re.split(r"[-_ .0-9]+", stem)[0] or stem)


def header_note(col: ColumnSpec, layout: Layout, country: str | None = None) -> str:
    lines = [col.description]
    lines.append("Required." if col.required else "Optional.")
    if col.multi:
        lines.append("Several values: separate them with ';'.")
    lines += col.kind.note(col, layout)
    if col.references:
        lines.append(f"Must match {col.references[1]} on the {col.references[0]} sheet.")
    example: str | None = col.example
    if col.kind.name == "country":  # the list's own country, or none rather than another's
        example = f"{country_name(country)} (or its code, {country})" if country else None
    if example:
        lines.append(f"Example: {example}")
    return "\n".join(lines)


def write_template(path: Path, layout: Layout | None = None, force: bool = False) -> None:
    """The empty workbook at ``path``: a new workbook may go in lists/, but nothing is written
    over an existing file unless ``force``, never over a workbook in the editors' folder (a
    list's work would be lost), never in a folder the tool owns or publishes, nor under a name
    that is not .xlsx."""
    if path.is_dir():
        raise InputError(f"{path} is a folder; give the new workbook's file name")
    if path.suffix.lower() != ".xlsx":
        raise InputError(f"{path}: the workbook's name must end in .xlsx")
    # Straight in lists/ is where a new workbook belongs; its sub-folders hold evidence.
    in_lists = path.resolve().parent.name == EDITORS_FOLDER.name
    reason = protected_place(path, editors=not in_lists)
    if reason is not None:
        raise OutputError(f"{path}: {reason}; write the new workbook elsewhere")
    kept = kept_workbook(path)
    if kept is not None:  # --force or not: a list's work would go
        raise OutputError(
            f"{path} {kept}, which sanctions never writes over; give the new workbook another name"
        )
    if path.exists() and not force:
        raise InputError(f"{path} already exists; use --force to overwrite it")
    if path.exists() and path.resolve().parent.name == EDITORS_FOLDER.name:
        raise OutputError(
            f"{path} is a list in the editors' folder, which sanctions never writes over; "
            "give the new workbook another name"
        )
    country = list_country(path)
    write_with(path, lambda tmp: build(layout or load_layout(), country).save(tmp))


def build(layout: Layout, country: str | None = None) -> Workbook:
    """The empty workbook; ``country``: the list's country, for the examples (None: none)."""
    book = Workbook()
    book.remove(book.active)
    _instructions(book.create_sheet(INSTRUCTIONS_SHEET), layout, country)
    ranges = _allowed_values(book.create_sheet(LISTS_SHEET), layout)
    for sheet in layout.sheets:
        _sheet(book, sheet, layout, ranges, country)
    book.move_sheet(LISTS_SHEET, offset=len(book.sheetnames))
    book.active = 0
    return book


def _instructions(ws: Worksheet, layout: Layout, country: str | None) -> None:
    lines: list[tuple[str, str]] = [(line, "") for line in GUIDE]
    lines.append(("Fill the sheets in this order", ""))
    for i, sheet in enumerate(layout.sheets, start=1):
        optional = " (optional)" if sheet.optional else ""
        lines.append((f"{i}. {sheet.name}{optional}", sheet.description))
    lines += [("", ""), ("Header colours", "")]
    lines += [("required", "Orange header: the column must be filled on every row.")]
    lines += [("optional", "Blue header: fill it when a source gives it.")]
    lines += [("", "")] + [(line.format(countries=countries_line(country)), "") for line in WRITING]
    headings = {GUIDE[0], "Fill the sheets in this order", "Header colours", WRITING[0]}
    headings.add("Check your work")
    for row, (first, second) in enumerate(lines, start=1):
        a, b = ws.cell(row, 1, first or None), ws.cell(row, 2, second or None)
        a.alignment = b.alignment = Alignment(wrap_text=True, vertical="top")
        if first in headings:
            a.font = Font(bold=True, size=14 if first == GUIDE[0] else 12)
        if first == "required":
            a.fill = REQUIRED_FILL
        if first == "optional":
            a.fill = HEADER_FILL
        if first and not second:
            ws.merge_cells(start_row=row, start_column=1, end_row=row, end_column=2)
        # Spreadsheet programs do not size rows of merged or generated wrapped text themselves.
        height = max(-(-len(second) // 95), -(-len(first) // (120 if not second else 32)), 1)
        ws.row_dimensions[row].height = 16 * height + (4 if first in headings else 0)
    ws.column_dimensions["A"].width = 34
    ws.column_dimensions["B"].width = 90
    _print_setup(ws)


def _allowed_values(ws: Worksheet, layout: Layout) -> dict[str, str]:
    """One column per list of allowed values, and the countries; the range of each."""
    columns = {**{name: list(values) for name, values in layout.vocabularies.items()}}
    columns[COUNTRY] = country_names()
    ranges: dict[str, str] = {}
    for j, (name, values) in enumerate(sorted(columns.items()), start=1):
        letter = get_column_letter(j)
        ws.cell(1, j, name).font = Font(bold=True)
        ws.cell(1, j).fill = HEADER_FILL
        for i, value in enumerate(values, start=2):
            ws.cell(i, j, value)
        longest = max(len(name), *(len(v) for v in values))
        ws.column_dimensions[letter].width = max(14, min(34, longest + 2))
        ranges[name] = f"{quote_sheetname(ws.title)}!${letter}$2:${letter}${len(values) + 1}"
    ws.freeze_panes = "A2"
    _print_setup(ws)
    return ranges


def _sheet(
    book: Workbook,
    sheet: SheetSpec,
    layout: Layout,
    ranges: dict[str, str],
    country: str | None,
) -> None:
    ws = book.create_sheet(sheet.name)
    for j, col in enumerate(sheet.columns, start=1):
        letter = get_column_letter(j)
        cell = ws.cell(1, j, col.name)
        cell.font = Font(bold=True)
        cell.fill = REQUIRED_FILL if col.required else HEADER_FILL
        cell.alignment = Alignment(vertical="top", wrap_text=True)
        note = header_note(col, layout, country)
        # tall enough for the note (a list of roles with their meanings runs to 16 lines)
        height = max(160, 22 * (note.count("\n") + 1) + 20)
        cell.comment = Comment(note, "sanctions", width=320, height=height)
        column = ws.column_dimensions[letter]
        column.width = max(col.kind.width, len(col.name) + 4)
        if col.kind.wraps:
            column.alignment = Alignment(wrap_text=True, vertical="top")
        if col.kind.as_text:
            # Text format stops Excel turning 1965-06 into a date or dropping leading zeros.
            column.number_format = "@"
        dropdown = col.kind.dropdown(col)
        if dropdown is not None and not col.multi:
            source, strict = dropdown
            _dropdown(ws, letter, col, ranges[source], strict=strict)
    ws.freeze_panes = "A2"
    ws.auto_filter.ref = f"A1:{get_column_letter(len(sheet.columns))}1"
    if sheet.name == "submitter":
        for i, key in enumerate(layout.vocabularies["submitter_key"], start=2):
            ws.cell(i, 1, key)
    _print_setup(ws)


def _dropdown(ws: Worksheet, letter: str, col: ColumnSpec, source: str, strict: bool) -> None:
    """A list to choose from; for countries a suggestion only (a code is fine too)."""
    rule = DataValidation(
        type="list",
        formula1=f"={source}",
        allow_blank=not col.required,
        showErrorMessage=strict,
        errorTitle="Not in the list",
        error=f"{col.name}: choose a value from the list",
    )
    rule.add(f"{letter}2:{letter}{ROWS + 1}")
    ws.add_data_validation(rule)


def _print_setup(ws: Worksheet) -> None:
    """A4 landscape, the header row on every page; one page wide only where the text stays
    readable (``common/writers.print_setup``)."""
    widths = [
        ws.column_dimensions[get_column_letter(j)].width or 13 for j in range(1, ws.max_column + 1)
    ]
    print_setup(ws, widths, header=ws.title != INSTRUCTIONS_SHEET)
