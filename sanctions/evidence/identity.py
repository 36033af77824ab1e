"""Whether the identifying details a person row gives are in the copies of the sources it
cites for them (``persons.identity_evidence_ids``).

A government matches a person by the birth date and ID numbers, and an invented or mistyped
one may name somebody else. They have no quote column: the details themselves are looked for
in the copies, as a quote is: the birth date in any of the usual forms (``12.03.1965``,
``12 March 1965``, ``12 марта 1965``; a year alone for a date that is one), the birth place's
first part in any script, spelling or grammatical case (``Almaty`` in "в Алматы"), an ID
number's letters and digits (spaces, dashes and dots aside). A warning, not an error: a source
may write a date in words ("in the year nineteen sixty-five").
"""

from __future__ import annotations

import re
from collections.abc import Iterator

import pandas as pd

from sanctions.common.dates import is_valid
from sanctions.common.mentions import mentions, person
from sanctions.evidence.dated import date_missing
from sanctions.evidence.passages import fold_text
from sanctions.evidence.quoting import Copy, all_readable, copies_of
from sanctions.rules.finding import Finding
from sanctions.workbook.columns.values import items
from sanctions.workbook.reader import row_number, text_or_none
from sanctions.workbook.sheets import Sheets, SheetsRule

_NOT_ALNUM = re.compile(r"[\W_]+")


def _details(sheets: Sheets) -> Iterator[Finding]:
    persons = sheets.frames["persons"]
    if "identity_evidence_ids" not in persons:
        return
    rows = persons[persons["identity_evidence_ids"].notna()]
    if rows.empty:
        return
    copies = copies_of(sheets)
    # a date the date rule refuses is that rule's to report, not this one's
    valid = is_valid(rows["birth_date"].fillna("").astype(str))
    compact: dict[int, str] = {}  # a copy's folded text with only its letters and digits

    def squeezed(copy: Copy) -> str:
        if id(copy) not in compact:
            compact[id(copy)] = _NOT_ALNUM.sub("", copy.folded)
        return compact[id(copy)]

    columns = [
        rows[name].tolist()
        for name in (
            "identity_evidence_ids",
            "birth_date",
            "birth_place",
            "id_numbers",
            "person_id",
        )
    ]
    for label, ok, ids, born, place, numbers, pid in zip(
        rows.index, valid.tolist(), *columns, strict=True
    ):
        cited = items(ids)
        readable = all_readable(copies, cited)
        if not readable:  # nothing to read, or not all: the copies' own warnings say so
            continue
        missing = []
        date = str(born) if ok and text_or_none(born) else ""
        said = date_missing(date, readable, "the birth date") if date else None
        if said is not None:
            missing.append(said)
        first = (text_or_none(place) or "").split(",")[0].strip()
        if first and not any(_place_in(first, c) for c in readable):
            missing.append(f"the birth place '{first}'")
        for number in items(numbers):
            digits = [w for w in number.split() if any(ch.isdigit() for ch in w)]
            core = _NOT_ALNUM.sub("", fold_text(" ".join(digits or [number])))
            if core and not any(core in squeezed(c) for c in readable):
                missing.append(f"the ID number '{number}'")
        if missing:
            yield sheets.finding(
                IDENTITY_NOT_FOUND,
                "persons",
                "identity_evidence_ids",
                row_number(label),
                "; ".join(cited),
                pid=text_or_none(pid),
                missing=", ".join(missing),
                cited=", ".join(cited),
            )


def _place_in(place: str, copy: Copy) -> bool:
    """Whether the copy names the place: as typed (folded), or in another script, spelling or
    grammatical case (``Almaty`` in "в Алматы"), read as a name is (``common/mentions``)."""
    if fold_text(place).strip() in copy.folded:
        return True
    named = person(place, frozenset())
    return named is not None and not mentions(pd.Series([copy.text]), [named]).empty


IDENTITY_NOT_FOUND = SheetsRule(
    "quote.identity_not_found",
    "warning",
    "An identifying detail (the birth year, the birth place, an ID number) that none of the "
    "copies of the sources cited for it holds: a government matches the person by it, and a "
    "mistyped one may name somebody else.",
    "{missing} of '{pid}' are not in the copies of {cited}: check them against the source, "
    "or cite the one that states them",
    check=_details,
)

RULES = (IDENTITY_NOT_FOUND,)
