"""The submitter sheet's values, checked like every other sheet's cells: what a cover letter
prints is what the editor typed, so a date written 01/12/2026 (the first of December, or the
twelfth of January?) or an address written jane(at)example.org must be caught here, at its cell,
not in a letter a government receives."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator

from sanctions.rules.finding import Finding
from sanctions.workbook.columns.urls import PATTERN as URL_PATTERN
from sanctions.workbook.reader import row_number, text_or_none
from sanctions.workbook.sheets import Sheets, SheetsRule

# One address as people type it: a local part, @, a domain with a dot; no spaces.
EMAIL = re.compile(r"[^@\s<>(),;:\"\[\]]+@[^@\s<>(),;:\"\[\]]+\.[A-Za-z]{2,}")
URL = re.compile(URL_PATTERN)


def _iso_day(value: str) -> bool:
    try:
        return len(value) == 10 and dt.date.fromisoformat(value).isoformat() == value
    except ValueError:
        return False


def _shapes() -> dict[str, tuple[object, str]]:
    """key -> (test, what the value must be, with an example)."""
    return {
        "date": (_iso_day, "a date written year-month-day, such as 2026-12-01"),
        "email": (EMAIL.fullmatch, "an e-mail address, such as jane@example.org"),
        "public_contact": (EMAIL.fullmatch, "an e-mail address, such as info@example.org"),
        "website": (URL.fullmatch, "a web address starting https://, such as https://example.org"),
    }


def _values(sheets: Sheets) -> Iterator[Finding]:
    frame = sheets.frames["submitter"]
    shapes = _shapes()
    for label in frame.index:
        key, value = text_or_none(frame.at[label, "key"]), text_or_none(frame.at[label, "value"])
        if key not in shapes or value is None:
            continue
        test, what = shapes[key]
        if not test(value):  # type: ignore[operator]
            yield sheets.finding(
                SUBMITTER_VALUE,
                "submitter",
                "value",
                row_number(label),
                value,
                key=key,
                typed=value,
                what=what,
            )


SUBMITTER_VALUE = SheetsRule(
    "submitter.value",
    "error",
    "A value on the submitter sheet that is not what its key asks for (a date, an e-mail or a "
    "web address): the cover letters would print it as typed.",
    "{key} '{typed}' is not {what}",
    check=_values,
)

RULES = (SUBMITTER_VALUE,)
