"""Whether the identifying details a person row gives are in the copies of the sources it
cites for them (``persons.identity_evidence_ids``).

A government matches a person by the birth date and ID numbers, and an invented or mistyped
one may name somebody else. They have no quote column: the details themselves are looked for
in the copies, as a quote is, each as ``stated.py`` looks for its kind: the birth date in any of
the usual forms, the birth place in any script, spelling or grammatical case, an ID number's
letters and digits. They are judged together, in one warning naming the person and every
detail missing. A warning, not an error: a source may write a date in words.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from sanctions.evidence.passages import fold_text
from sanctions.evidence.quoting import Copy, all_readable, copies_of
from sanctions.evidence.stated import KINDS, looked_for, missing
from sanctions.rules.finding import Finding
from sanctions.workbook.columns.values import items
from sanctions.workbook.reader import row_number, text_or_none
from sanctions.workbook.sheets import Sheets, SheetsRule

# The column citing the sources of a person's identifying details (each column whose schema
# ``sources`` names it, looked for as its ``found_as`` says).
CITES = "identity_evidence_ids"


def _details(sheets: Sheets) -> Iterator[Finding]:
    persons = sheets.frames["persons"]
    if CITES not in persons:
        return
    rows = persons[persons[CITES].notna()]
    if rows.empty:
        return
    copies = copies_of(sheets)
    stated = [
        col
        for col in sheets.layout.sheet("persons").columns
        if col.sources == CITES and col.found_as in KINDS and col.name in rows
    ]
    values = [rows[col.name].tolist() for col in stated]
    valid = [looked_for(rows, col).tolist() for col in stated]
    windows: dict[int, Copy | None] = {}  # each copy's stretches telling a birth, once
    for k, (label, ids, pid) in enumerate(
        zip(rows.index, rows[CITES].tolist(), rows["person_id"].tolist(), strict=True)
    ):
        cited = items(ids)
        readable = all_readable(copies, cited)
        if not readable:  # nothing to read, or not all: ``unchecked.py`` says so
            continue
        near = born_near(readable, windows)
        said = [
            found
            for col, column, ok in zip(stated, values, valid, strict=True)
            if ok[k] and (value := text_or_none(column[k]))
            for found in missing(col, value, near if col.name.startswith("birth") else readable)
        ]
        if said:
            yield sheets.finding(
                IDENTITY_NOT_FOUND,
                "persons",
                CITES,
                row_number(label),
                "; ".join(cited),
                pid=text_or_none(pid),
                missing=", ".join(said),
                cited=", ".join(cited),
            )


# Words that introduce a birth: a birth date or place is looked for near them, where a copy has
# them ("born in 1965 in Almaty … resides in Nur-Sultan": Nur-Sultan is no birth place).
BORN = re.compile(
    r"\b(?:born|birth|d\.o\.b|dob|b\.|nee|née)|родил|рожд|уроженец|уроженка|туған|туылған"
)
BORN_WITHIN = 300  # characters either side of such words


def born_near(copies: list[Copy], windows: dict[int, Copy | None] | None = None) -> list[Copy]:
    """The stretches of the copies around the words that introduce a birth, as copies of their
    own; the copies whole where none has such words. ``windows``: each copy's, worked out
    once for every person citing it."""
    seen = {} if windows is None else windows
    near = []
    for copy in copies:
        if id(copy) not in seen:
            seen[id(copy)] = _born_window(copy)
        window = seen[id(copy)]
        if window is not None:
            near.append(window)
    return near or copies


def _born_window(copy: Copy) -> Copy | None:
    """The copy's stretches around the words that introduce a birth (the copy itself when it is
    short: near whole), or None when it has none."""
    if len(copy.text or "") <= 4 * BORN_WITHIN:
        return copy
    low = copy.lowered  # casefolded, as BORN reads it: its positions are these
    found = [m.start() for m in BORN.finditer(low)]
    if not found:
        return None
    kept = "\n\n".join(low[max(0, at - BORN_WITHIN) : at + BORN_WITHIN] for at in found)
    return Copy(copy.eid, copy.name, kept, None, fold_text(kept))


IDENTITY_NOT_FOUND = SheetsRule(
    "quote.identity_not_found",
    "warning",
    "An identifying detail (the birth year, the birth place, an ID number) that none of the "
    "copies of the sources cited for it holds: a government matches the person by it, and a "
    "mistyped one may name somebody else.",
    "not in the copies of {cited}, cited for the identity of '{pid}': {missing}; check "
    "against the source, or cite the one that states it",
    check=_details,
)

RULES = (IDENTITY_NOT_FOUND,)
