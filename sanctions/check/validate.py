"""Validate one workbook: read it, check its structure, each sheet, then the links between them."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from sanctions.check.codes import finding
from sanctions.check.content_rules import CONTENT_RULES
from sanctions.check.duplicates import near_duplicates
from sanctions.check.evidence_files import evidence_file_findings
from sanctions.check.evidence_links import evidence_link_findings
from sanctions.check.findings import Finding, cell_ref, column_letter, sort_findings
from sanctions.check.link_rules import LINK_RULES, Sheets
from sanctions.check.sheet_rules import check_sheet, clean_text, show
from sanctions.workbook.layout import Layout, SheetSpec, load_layout
from sanctions.workbook.reader import ROW_INDEX, Table, Workbook, read_workbook, text_or_none

INTERNAL_SHEET_PREFIX = "_"  # e.g. the template's hidden "_lists" sheet


@dataclass
class Result:
    """A validated workbook: its findings and its cleaned tables, ready for the exporters."""

    workbook: Workbook
    findings: list[Finding]
    frames: dict[str, pd.DataFrame]
    tables: dict[str, Table]

    @property
    def errors(self) -> list[Finding]:
        return [f for f in self.findings if f.severity == "error"]


def validate(path: Path, layout: Layout | None = None, display: str | None = None) -> Result:
    """Raises UnreadableWorkbook when the file cannot be read at all."""
    layout = layout or load_layout()
    book = read_workbook(path, {s.name: set(s.column_index) for s in layout.sheets})
    return check_workbook(book, layout, display or str(path))


def check_workbook(book: Workbook, layout: Layout, file: str) -> Result:
    """Every rule, on a workbook already read (by fastexcel here, by pandas in the benchmark)."""
    findings: list[Finding] = []
    tables = _match_sheets(file, book, layout, findings)
    frames: dict[str, pd.DataFrame] = {}
    for sheet in layout.sheets:
        table = tables[sheet.name]
        _structure(file, sheet, table, findings)
        _special_cells(file, book, table, findings)
        _hidden_parts(file, book, table, findings)
        _complete(sheet, table)
        clean = clean_text(table.frame)
        for col in sheet.columns:
            if col.type == "enum":
                clean[col.name] = clean[col.name].str.lower()
        findings.extend(check_sheet(file, sheet, layout, table, clean))
        frames[sheet.name] = clean
    sheets = Sheets(file, layout, tables, frames)
    for rule in (*LINK_RULES, *CONTENT_RULES):
        findings.extend(rule(sheets))
    findings.extend(near_duplicates(file, tables["persons"], frames["persons"]))
    findings.extend(evidence_file_findings(sheets, book.path))
    findings.extend(evidence_link_findings(sheets, book.path))
    return Result(book, sort_findings(findings), frames, tables)


def _match_sheets(
    file: str, book: Workbook, layout: Layout, findings: list[Finding]
) -> dict[str, Table]:
    """Find each known sheet (case and spaces do not matter) and report the rest."""
    by_key: dict[str, str] = {}
    for name in book.sheet_order:
        key = name.strip().lower()
        first = by_key.setdefault(key, name)
        if first != name:
            findings.append(
                finding(
                    "sheet.duplicate",
                    file,
                    name,
                    f"sheets '{first}' and '{name}' have the same name but for case or spaces; "
                    f"keep one (only '{first}' is read)",
                )
            )
    tables: dict[str, Table] = {}
    for sheet in layout.sheets:
        actual = by_key.pop(sheet.name, None)
        if actual is None:
            if not sheet.optional:
                findings.append(
                    finding(
                        "sheet.missing",
                        file,
                        sheet.name,
                        f"the workbook has no sheet named '{sheet.name}'",
                    )
                )
            empty = pd.DataFrame(index=pd.Index([], dtype="int64", name=ROW_INDEX))
            tables[sheet.name] = Table(sheet.name, 1, {}, empty, missing=True)
            continue
        table = book.tables[actual]
        if table.hidden:
            findings.append(
                finding(
                    "sheet.hidden",
                    file,
                    actual,
                    f"sheet '{actual}' is hidden; it is validated all the same",
                )
            )
        tables[sheet.name] = table
    for key, actual in by_key.items():
        if not key.startswith(INTERNAL_SHEET_PREFIX):
            findings.append(
                finding(
                    "sheet.unknown",
                    file,
                    actual,
                    f"sheet '{actual}' is not part of the layout and is not read",
                )
            )
    return tables


def _structure(file: str, sheet: SheetSpec, table: Table, findings: list[Finding]) -> None:
    if table.missing:
        return
    header = table.header_row

    def at_header(code: str, j: int, message: str, name: str | None = None) -> Finding:
        return finding(
            code,
            file,
            table.sheet,
            message,
            cell=cell_ref(j, header),
            row=header,
            column=name,
            value=name,
        )

    for col in sheet.columns:
        if col.required and col.name not in table.columns:
            findings.append(
                finding(
                    "column.missing",
                    file,
                    table.sheet,
                    f"the header row (row {header}) has no column '{col.name}'",
                    row=header,
                    column=col.name,
                )
            )
    findings.extend(
        at_header(
            "column.unknown", j, f"column '{name}' is not part of the layout and is not read", name
        )
        for name, j in table.columns.items()
        if name not in sheet.column_index
    )
    findings.extend(
        at_header(
            "column.duplicate",
            j,
            f"column '{name}' appears twice in the header row; only the first is read",
            name,
        )
        for name, j in table.duplicate_columns
    )
    findings.extend(
        at_header("column.no_header", j, "this column has values but no header; they are not read")
        for j in table.blank_header_columns
    )


def _special_cells(file: str, book: Workbook, table: Table, findings: list[Finding]) -> None:
    """Report formulas and error values; an error value counts as an empty cell from here on."""
    letters = {column_letter(j): name for name, j in table.columns.items()}
    for cell in book.special_cells.get(table.sheet, []):
        column = letters.get(cell.column)
        if column is None:
            continue
        ref = f"{cell.column}{cell.row}"
        present = cell.row in table.frame.index
        if cell.error is not None:
            if present:
                table.frame.at[cell.row, column] = None
            findings.append(
                finding(
                    "cell.error_value",
                    file,
                    table.sheet,
                    f"{column} holds the error value {cell.error}; fix the formula or type the value",
                    cell=ref,
                    row=cell.row,
                    column=column,
                    value=cell.error,
                )
            )
        elif cell.formula and present:
            value = text_or_none(table.frame.at[cell.row, column])
            shown = show(value)
            findings.append(
                finding(
                    "cell.formula",
                    file,
                    table.sheet,
                    f"{column} is a formula; its saved result {shown} is used",
                    cell=ref,
                    row=cell.row,
                    column=column,
                    value=value,
                )
            )


def _hidden_parts(file: str, book: Workbook, table: Table, findings: list[Finding]) -> None:
    """Hidden rows that hold values, and hidden columns of the layout: read all the same."""
    hidden = book.hidden.get(table.sheet)
    if hidden is None or table.missing:
        return
    for row in sorted(hidden.rows & set(table.frame.index.tolist())):
        findings.append(
            finding(
                "row.hidden",
                file,
                table.sheet,
                f"row {row} is hidden; it is validated and exported all the same",
                cell=f"A{row}",
                row=row,
            )
        )
    for name, j in table.columns.items():
        if j + 1 in hidden.columns:
            findings.append(
                finding(
                    "column.hidden",
                    file,
                    table.sheet,
                    f"column '{name}' is hidden; it is validated and exported all the same",
                    cell=cell_ref(j, table.header_row),
                    row=table.header_row,
                    column=name,
                )
            )


def _complete(sheet: SheetSpec, table: Table) -> None:
    """Give the frame every column of the spec, missing ones empty, and nothing else."""
    frame = table.frame
    data = {
        c.name: frame[c.name]
        if c.name in frame
        else pd.Series(None, index=frame.index, dtype="str")
        for c in sheet.columns
    }
    table.frame = pd.DataFrame(data, index=frame.index, dtype="str")
