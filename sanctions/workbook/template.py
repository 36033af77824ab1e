"""The editor's empty workbook, generated from schemas/ so that it always matches the validator."""

from __future__ import annotations

from pathlib import Path

from openpyxl import Workbook
from openpyxl.comments import Comment
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter, quote_sheetname
from openpyxl.worksheet.datavalidation import DataValidation

from sanctions.common.files import write_with
from sanctions.workbook.layout import ColumnSpec, Layout, SheetSpec, load_layout

LISTS_SHEET = "_lists"  # hidden; the validator skips sheets whose names start with "_"
ROWS = 2000
HEADER_FILL = PatternFill("solid", start_color="DDEBF7", end_color="DDEBF7")
REQUIRED_FILL = PatternFill("solid", start_color="FCE4D6", end_color="FCE4D6")


def header_note(col: ColumnSpec, layout: Layout) -> str:
    lines = [col.description]
    lines.append("Required." if col.required else "Optional.")
    if col.multi:
        lines.append("Several values: separate them with ';'.")
    if col.type == "date":
        lines.append("Write as text: 1965, 1965-06 or 1965-06-15.")
    if col.vocabulary:
        lines.append("One of: " + ", ".join(layout.vocabularies[col.vocabulary]) + ".")
    if col.references:
        lines.append(f"Must match {col.references[1]} on the {col.references[0]} sheet.")
    if col.example:
        lines.append(f"Example: {col.example}")
    return "\n".join(lines)


def write_template(path: Path, layout: Layout | None = None) -> None:
    write_with(path, lambda tmp: build(layout or load_layout()).save(tmp))


def build(layout: Layout) -> Workbook:
    book = Workbook()
    book.remove(book.active)
    lists = book.create_sheet(LISTS_SHEET)
    lists.sheet_state = "hidden"
    list_ranges: dict[str, str] = {}
    for j, (vocab, values) in enumerate(sorted(layout.vocabularies.items()), start=1):
        letter = get_column_letter(j)
        lists.cell(1, j, vocab)
        for i, value in enumerate(values, start=2):
            lists.cell(i, j, value)
        list_ranges[vocab] = (
            f"{quote_sheetname(LISTS_SHEET)}!${letter}$2:${letter}${len(values) + 1}"
        )
    for sheet in layout.sheets:
        _sheet(book, sheet, layout, list_ranges)
    book.move_sheet(LISTS_SHEET, offset=len(book.sheetnames))
    book.active = 0
    return book


def _sheet(book: Workbook, sheet: SheetSpec, layout: Layout, list_ranges: dict[str, str]) -> None:
    ws = book.create_sheet(sheet.name)
    for j, col in enumerate(sheet.columns, start=1):
        letter = get_column_letter(j)
        cell = ws.cell(1, j, col.name)
        cell.font = Font(bold=True)
        cell.fill = REQUIRED_FILL if col.required else HEADER_FILL
        cell.alignment = Alignment(vertical="top")
        cell.comment = Comment(header_note(col, layout), "sanctions", width=320, height=160)
        ws.column_dimensions[letter].width = max(14, min(40, len(col.name) + 6))
        if col.type in ("id", "date", "text", "name", "sha256"):
            # Text format stops Excel turning 1965-06 into a date or dropping leading zeros.
            ws.column_dimensions[letter].number_format = "@"
        if col.vocabulary and not col.multi:
            rule = DataValidation(
                type="list",
                formula1=f"={list_ranges[col.vocabulary]}",
                allow_blank=not col.required,
                showErrorMessage=True,
                errorTitle="Not in the list",
                error=f"{col.name}: choose a value from the list",
            )
            rule.add(f"{letter}2:{letter}{ROWS + 1}")
            ws.add_data_validation(rule)
    ws.freeze_panes = "A2"
    ws.auto_filter.ref = f"A1:{get_column_letter(len(sheet.columns))}1"
    if sheet.name == "submitter":
        for i, key in enumerate(layout.vocabularies["submitter_key"], start=2):
            ws.cell(i, 1, key)
