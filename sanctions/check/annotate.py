"""A copy of the editor's workbook that shows every finding where it is.

An editor fixes cells in Excel, not in a terminal. The copy has each finding's cell filled (red
for an error, amber for a warning) with the message as the cell's comment, and a first sheet,
``_findings``, listing every finding with a link to its cell. Its name starts with ``_``, so
that validating the copy again ignores it. The copy is openpyxl's load and save of the file:
formatting, column widths, formulas, dropdowns and notes are kept; pictures and charts, which
openpyxl does not carry, are not, which is one reason the copy never replaces the workbook.
"""

from __future__ import annotations

from pathlib import Path

from openpyxl import load_workbook
from openpyxl.cell.cell import Cell, MergedCell
from openpyxl.comments import Comment
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import quote_sheetname
from openpyxl.workbook.workbook import Workbook
from openpyxl.worksheet.hyperlink import Hyperlink
from openpyxl.worksheet.worksheet import Worksheet

from sanctions.common.files import write_with
from sanctions.common.places import ANNOTATED_SHEET, refuse_file
from sanctions.common.writers import print_setup
from sanctions.rules.finding import Finding, summary_line
from sanctions.workbook.gate import NOT_STRICT_XML, UnreadableWorkbook

FINDINGS_SHEET = ANNOTATED_SHEET  # what the write door knows an annotated copy by
FILLS = {
    "error": PatternFill("solid", start_color="FFC7CE", end_color="FFC7CE"),
    "warning": PatternFill("solid", start_color="FFEB9C", end_color="FFEB9C"),
}
HEADER = ("severity", "where", "message", "code")
WIDTHS = (10, 16, 100, 26)
LINE_HEIGHT = 15


def annotate(workbook: Path, findings: list[Finding], out: Path) -> int:
    """Write the annotated copy of ``workbook`` to ``out`` (atomically); the cells marked.
    Refused (OutputError) over the workbook, in the editors' folder, a public folder, a release
    or an export, and under a name that does not end .xlsx."""
    refuse_file(out, (".xlsx",), workbook)
    try:
        book = load_workbook(workbook)
    except SyntaxError as exc:  # the parse errors of both XML parsers openpyxl uses
        raise UnreadableWorkbook(f"{workbook} {NOT_STRICT_XML.format(error=exc)}") from exc
    _mark_cells(book, findings)
    _list_findings(book, findings)
    write_with(out, book.save)
    return sum(1 for f in findings if f.cell is not None)


def _mark_cells(book: Workbook, findings: list[Finding]) -> None:
    messages: dict[tuple[str, str], list[Finding]] = {}
    for f in findings:
        if f.sheet is not None and f.sheet in book.sheetnames and f.cell is not None:
            anchor = _writable(book[f.sheet], f.cell).coordinate
            messages.setdefault((f.sheet, anchor), []).append(f)
    for (sheet, ref), found in messages.items():
        cell = book[sheet][ref]
        worst = "error" if any(f.severity == "error" for f in found) else "warning"
        cell.fill = FILLS[worst]
        text = "\n\n".join(f"{f.severity.upper()}: {f.message}" for f in found)
        if cell.comment is not None:
            text = f"{text}\n\n(the editor's note:) {cell.comment.text}"
        cell.comment = Comment(text, "sanctions validate", width=360, height=160)


def _writable(ws: Worksheet, ref: str) -> Cell:
    """The cell at ``ref``, or, where ``ref`` lies in merged cells (which hold no value, fill
    or note of their own), the first cell of the merge, which shows for all of them."""
    cell = ws[ref]
    if isinstance(cell, MergedCell):
        for merged in ws.merged_cells.ranges:
            if ref in merged:
                return ws.cell(merged.min_row, merged.min_col)
    return cell


def _list_findings(book: Workbook, findings: list[Finding]) -> None:
    if FINDINGS_SHEET in book.sheetnames:
        del book[FINDINGS_SHEET]
    ws = book.create_sheet(FINDINGS_SHEET, 0)
    ws.append([summary_line(findings, 1)])
    ws["A1"].font = Font(bold=True)
    ws.append(list(HEADER))
    for cell in ws[2]:
        cell.font = Font(bold=True)
    for f in findings:
        ws.append([f.severity, f.location, f.message, f.code])
        row = ws.max_row
        ws.cell(row, 1).fill = FILLS[f.severity]
        ws.cell(row, 3).alignment = Alignment(wrap_text=True, vertical="top")
        # Spreadsheet programs do not grow a row for wrapped text they did not type themselves.
        lines = -(-len(f.message) // int(WIDTHS[2] * 1.1))
        ws.row_dimensions[row].height = LINE_HEIGHT * max(lines, 1)
        if f.sheet is not None and f.sheet in book.sheetnames:
            where = ws.cell(row, 2)
            where.hyperlink = Hyperlink(
                ref=where.coordinate, location=f"{quote_sheetname(f.sheet)}!{f.cell or 'A1'}"
            )
            where.font = Font(color="0563C1", underline="single")
    for letter, width in zip("ABCD", WIDTHS, strict=True):
        ws.column_dimensions[letter].width = width
    ws.freeze_panes = "A3"
    print_setup(ws, WIDTHS, header=False)
    book.active = 0
    for sheet in book.worksheets:
        sheet.sheet_view.tabSelected = sheet is ws
