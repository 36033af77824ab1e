"""Dates that must come in order on one row: a post's end after its start, an incident's end
after its beginning (``date_order`` in the sheet's spec)."""

from __future__ import annotations

from collections.abc import Iterator

from sanctions.common import dates
from sanctions.rules.finding import Finding
from sanctions.workbook.reader import row_number
from sanctions.workbook.sheets import Sheets, SheetsRule


def _order(sheets: Sheets) -> Iterator[Finding]:
    for sheet in sheets.layout.sheets:
        if sheet.date_order is None:
            continue
        start_col, end_col = sheet.date_order
        frame = sheets.frames[sheet.name][[start_col, end_col]].dropna()
        if frame.empty:
            continue
        start, end = frame[start_col], frame[end_col]
        valid = dates.is_valid(start) & dates.is_valid(end)
        start, end = start[valid], end[valid]
        wrong = dates.latest(end) < dates.earliest(start)
        for row in wrong[wrong].index:
            yield sheets.finding(
                ORDER,
                sheet.name,
                end_col,
                row_number(row),
                end[row],
                end_column=end_col,
                end=end[row],
                start_column=start_col,
                start=start[row],
            )


ORDER = SheetsRule(
    "date.order",
    "error",
    "An end date before its start date.",
    "{end_column} '{end}' is before {start_column} '{start}'",
    check=_order,
)

RULES = (ORDER,)
