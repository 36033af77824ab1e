"""What a source without a readable copy leaves unchecked: every cell whose words or value
would have been looked for in it.

A quote (``quoting.py``), an incident's or post's dates, place and victims (``stated.py``), a
person's birth date, birth place and ID numbers (``identity.py``), and words in quotation
marks in prose (``inline.py``) are each looked for in the copies of the sources their row
cites for them; where one of those sources has no copy to read, what it says cannot be known,
and those checks pass over the row. Each such source gets one warning, at its row, naming the
cells it leaves unchecked: a list with many rows citing a source known only by its url gets
one warning and one thing to do (keep a copy), not a warning per cell; and a source cited only
for a birth date is named too, where it used to pass in silence.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

import numpy as np
import pandas as pd

from sanctions.evidence import inline, stated
from sanctions.evidence.cells import SHEET
from sanctions.evidence.quoting import Copy, copies_of, sourced_columns, unchecked_quotes
from sanctions.rules.finding import Finding, cell_ref
from sanctions.workbook.columns.values import items
from sanctions.workbook.layout import ColumnSpec
from sanctions.workbook.reader import row_number
from sanctions.workbook.sheets import Sheets, SheetsRule

# How many cells a warning names before "and N more".
SHOWN_CELLS = 5

# The bits a cell's sheet, row and column take in the one number that sorts it: Excel has at
# most 1,048,576 rows and 16,384 columns (a column is kept one up, the sheet alone being -1).
SHEET_BITS, ROW_BITS, COLUMN_BITS = 4, 21, 15
SHEET_MASK, ROW_MASK, COLUMN_MASK = (2**bits - 1 for bits in (SHEET_BITS, ROW_BITS, COLUMN_BITS))

# For each way a value is looked for (the schema's ``found_as``), the cells of a column that
# are: the module looking for them says which.
LOOKED_FOR: dict[str, Callable[[pd.DataFrame, ColumnSpec], pd.Series]] = {
    **{kind: stated.looked_for for kind in stated.KINDS},
    "quoted": inline.looked_for,
}


def _unread(copies: dict[str, list[Copy]]) -> set[str]:
    """The sources none of whose copies (its own, or the one it is known through) can be
    read."""
    return {eid for eid, group in copies.items() if group and all(c.text is None for c in group)}


def _value_cells(sheets: Sheets, unread: list[str], order: dict[str, int]) -> list[np.ndarray]:
    """The cells of the columns looked for in their sources' copies that cite a source without
    a readable copy: four arrays, the source's place in ``unread``, the sheet's in ``order``,
    the row and the column's index. Worked out per distinct cell of sources (a list of 100,000
    persons cites each source from some twenty cells)."""
    at = {eid: k for k, eid in enumerate(unread)}
    found: list[list[np.ndarray]] = [[], [], [], []]
    for sheet, col, frame in sourced_columns(sheets, tuple(LOOKED_FOR)) if at else ():
        assert col.found_as is not None and col.sources is not None
        cited = frame.loc[LOOKED_FOR[col.found_as](frame, col), col.sources].astype(str)
        codes, texts = pd.factorize(cited)
        among = [[at[e] for e in items(text) if e in at] for text in texts.tolist()]
        labels = cited.index.to_numpy(dtype=np.int64)
        column = sheets.tables[sheet].columns.get(col.name, -1)
        for k in range(max(map(len, among), default=0)):  # each cell's k-th unread source
            kth = np.array([eids[k] if len(eids) > k else -1 for eids in among], dtype=np.int64)
            source = kth[codes]
            keep = source >= 0
            found[0].append(source[keep])
            found[1].append(np.full(int(keep.sum()), order[sheet], dtype=np.int64))
            found[2].append(labels[keep])
            found[3].append(np.full(int(keep.sum()), column, dtype=np.int64))
    return [np.concatenate(part) if part else np.array([], dtype=np.int64) for part in found]


def _unchecked(sheets: Sheets) -> Iterator[Finding]:
    """One warning per source without a readable copy, at its row, naming the cells it leaves
    unchecked in the order of the workbook's sheets, rows and columns."""
    copies = copies_of(sheets)
    evidence = sheets.frames[SHEET]
    rows = dict(zip(evidence["evidence_id"].tolist(), evidence.index, strict=True))
    unread = sorted(_unread(copies), key=lambda e: row_number(rows[e]) if e in rows else 0)
    names = [spec.name for spec in sheets.layout.sheets]
    order = {name: k for k, name in enumerate(names)}
    source, sheet, row, column = _value_cells(sheets, unread, order)
    quotes = [
        (k, order[name], at, -1 if col is None else col)
        for k, eid in enumerate(unread)
        for name, col, at in unchecked_quotes(sheets).get(eid, [])
    ]
    if quotes:
        extra = np.array(quotes, dtype=np.int64).T
        source, sheet, row, column = (
            np.concatenate((mine, theirs))
            for mine, theirs in zip((source, sheet, row, column), extra, strict=True)
        )
    # each cell once, by source, then in the workbook's order of sheets, rows and columns: one
    # number per cell sorts them
    assert len(names) <= SHEET_MASK
    key = (((source << SHEET_BITS) + sheet) << ROW_BITS) + row
    cells = np.sort((key << COLUMN_BITS) + column + 1)
    cells = cells[np.concatenate(([True], cells[1:] != cells[:-1]))] if len(cells) else cells
    column, key = (cells & COLUMN_MASK) - 1, cells >> COLUMN_BITS
    row, key = key & ROW_MASK, key >> ROW_BITS
    sheet, source = key & SHEET_MASK, key >> SHEET_BITS
    bounds = np.searchsorted(source, np.arange(len(unread) + 1))
    files = (
        dict(zip(evidence.index, evidence["file"].tolist(), strict=True))
        if "file" in evidence
        else {}
    )
    for k, eid in enumerate(unread):
        first, end = int(bounds[k]), int(bounds[k + 1])
        label = rows.get(eid)
        if label is None or first == end:
            continue
        shown = ", ".join(
            _cell(names[int(sheet[i])], int(column[i]), int(row[i]))
            for i in range(first, min(end, first + SHOWN_CELLS))
        )
        if end - first > SHOWN_CELLS:
            shown += f" and {end - first - SHOWN_CELLS} more"
        why = next(c.missing for c in copies[eid] if c.missing is not None)
        yield sheets.finding(
            QUOTE_UNCHECKED,
            SHEET,
            "file",
            row_number(label),
            files.get(label),
            eid=eid,
            count=end - first,
            cells=shown,
            why=why,
        )


def _cell(sheet: str, column: int, row: int) -> str:
    """A cell as a warning names it: ``positions!H5`` (the sheet alone without the column)."""
    return f"{sheet}!{cell_ref(column, row)}" if column >= 0 else sheet


QUOTE_UNCHECKED = SheetsRule(
    "quote.unchecked",
    "warning",
    "What rows say from a source could not be checked against it: it has no local copy whose "
    "text can be read. Its quotes, and the dates, places, victims, identifying details and "
    "quoted words the rows citing it give, pass unchecked. One warning per source, naming "
    "the cells.",
    "what {count} cell(s) citing {eid} say could not be checked against it ({cells}): {why}; "
    "keep a copy of the source (text, HTML or PDF) in the evidence folder",
    check=_unchecked,
)

RULES = (QUOTE_UNCHECKED,)
