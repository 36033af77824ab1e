"""Whether the dates a row gives are in the copies of the sources it cites for them: an
incident's day, a post's start and end (each column the schema gives ``sources``).

A letter prints them as facts ("on 15 May 2020", "from March 2015 to 31 December 2020"), and a
mistyped day is a wrong fact in a government's file. A date is looked for as the sources write
it, in any of the usual forms (``written_in``: ``15.05.2020``, ``15 May 2020``, ``15 мая
2020``; a month as ``May 2020``, a year alone as itself), or placed by the source from one it
writes ("A day earlier, in Astana, …" after "On 18 September 2018"). A warning, not an error:
a source may write a date in words. A person's birth date is judged with their other
identifying details (``identity.py``).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from sanctions.common.dates import is_valid
from sanctions.evidence.quoting import Copy, all_readable, copies_of
from sanctions.rules.finding import Finding
from sanctions.workbook.columns.dates import written_in
from sanctions.workbook.columns.values import items
from sanctions.workbook.reader import row_number
from sanctions.workbook.sheets import Sheets, SheetsRule

# Words that place a day by one the source writes, by how many days that one is from it: "A day
# earlier" after "18 September" is the 17th.
RELATIVE = {
    1: ("a day earlier", "the day before", "the previous day", "the preceding day", "накануне"),
    -1: ("a day later", "the next day", "the following day", "the day after", "на следующий день"),
}
# The sheet whose dates are a person's identifying details, judged with the others there.
IDENTIFYING = "persons"


def date_missing(date: str, readable: list[Copy], what: str) -> str | None:
    """What of ``date`` (ISO, as the workbook holds it) no copy states, worded for a message
    as ``what`` names the date ("the birth date 1965-03-12"); None when some copy states it."""
    year = date[:4]
    if "-" not in date:
        return None if any(year in c.folded for c in readable) else f"{what} {date}"
    for copy in readable:  # as typed (ISO) first: most copies, at no cost
        if date in (copy.text or ""):
            return None
    for copy in readable:
        if written_in(copy.text or "", date, copy.lowered):
            return None
    if date.count("-") == 2 and _placed(date, readable):
        return None
    if any(year in c.folded for c in readable):
        return f"{what} {date} (the year is there, the day or month is not)"
    return f"{what} {date}"


def _placed(date: str, readable: list[Copy]) -> bool:
    """Whether a copy places the day by one it writes ("a day earlier")."""
    day = dt.date.fromisoformat(date)
    for offset, phrases in RELATIVE.items():
        written = (day + dt.timedelta(days=offset)).isoformat()
        for copy in readable:
            if any(p in copy.lowered for p in phrases) and written_in(
                copy.text or "", written, copy.lowered
            ):
                return True
    return False


def _dates(sheets: Sheets) -> Iterator[Finding]:
    copies = copies_of(sheets)
    for spec in sheets.layout.sheets:
        frame = sheets.frames.get(spec.name)
        if frame is None or spec.name == IDENTIFYING:
            continue
        readable: dict[str, list[Copy]] = {}  # rows citing the same sources share them
        for col in spec.columns:
            if col.type != "date" or col.sources is None or col.name not in frame:
                continue
            if col.sources not in frame:
                continue
            # a date the date rules refuse is theirs to report, not this one's
            given = is_valid(frame[col.name].fillna("").astype(str)) & frame[col.sources].notna()
            for label, date, cited in zip(
                frame.index[given],
                frame.loc[given, col.name].astype(str).tolist(),
                frame.loc[given, col.sources].astype(str).tolist(),
                strict=True,
            ):
                if cited not in readable:  # keyed by the cell: its columns share the copies
                    readable[cited] = all_readable(copies, items(cited))
                if not readable[cited]:  # nothing to read, or not all: their warnings say so
                    continue
                missing = date_missing(date, readable[cited], "the date")
                if missing is not None:
                    yield sheets.finding(
                        DATE_NOT_FOUND,
                        spec.name,
                        col.name,
                        row_number(label),
                        date,
                        missing=missing,
                        cited=", ".join(items(cited)),
                    )


DATE_NOT_FOUND = SheetsRule(
    "quote.date_not_found",
    "warning",
    "A date (an incident's, a post's start or end) that none of the copies of the sources the "
    "row cites states, in any usual form: a letter prints it as a fact.",
    "{missing} is not in the copies of {cited}: check it against the source, or cite the one "
    "that states it",
    check=_dates,
)

RULES = (DATE_NOT_FOUND,)
