"""Whether the values a row gives are stated in the copies of the sources it cites for them:
an incident's dates, place and victims, a post's dates, a person's identifying details (each
column the schema gives ``sources``, looked for as its ``found_as`` says).

A letter prints them as facts ("on 15 May 2020, Zhanaozen", "Victims: Serik Orazov", "from
March 2015 to 31 December 2020"), and a mistyped day or a misnamed victim is a wrong fact in a
government's file. Each is looked for as the sources write it:

- a date in any of the usual forms (``written_in``: ``15.05.2020``, ``15 May 2020``, ``15 мая
  2020``; a month as ``May 2020``, a year alone as itself), or placed by the source from a day
  it writes ("A day earlier, in Astana, …" after "On 18 September 2018");
- a place (its first part: ``Almaty`` of "Almaty, Kazakhstan") or a person's name as typed, or
  in another script, spelling or grammatical case, read as ``common/mentions`` reads names
  (``Almaty`` in "в Алматы", ``Semenova`` as "Semyenova");
- an ID number by its letters and digits, whatever the spacing or punctuation.

Warnings, not errors: a source may write a date in words. A person's identifying details are
judged together, in one warning for the person (``identity.py``); this module's rule takes the
other sheets.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator

import pandas as pd

from sanctions.common.dates import is_valid
from sanctions.common.mentions import mentions, person
from sanctions.evidence.passages import fold_text
from sanctions.evidence.quoting import Copy, all_readable, copies_of
from sanctions.rules.finding import Finding
from sanctions.workbook.columns.dates import written_in
from sanctions.workbook.columns.values import items
from sanctions.workbook.layout import ColumnSpec
from sanctions.workbook.reader import row_number
from sanctions.workbook.sheets import Sheets, SheetsRule

# Words that place a day by one the source writes, by how many days that one is from it: "A day
# earlier" after "18 September" is the 17th.
RELATIVE = {
    1: ("a day earlier", "the day before", "the previous day", "the preceding day", "накануне"),
    -1: ("a day later", "the next day", "the following day", "the day after", "на следующий день"),
}
# The sheet whose values are a person's identifying details, judged together there.
IDENTIFYING = "persons"
# How a message names one value of a column, where its name does not say it.
NOUNS = {"id_numbers": "ID number", "victims": "victim", "date": "date", "as_of": "date in post"}
# Columns whose values a "yes" in another keeps out of every output, and which may be known
# only from a source no row cites (a confidential victim's name, from an interview's record):
# not looked for while withheld.
WITHHELD_BY = {"victims": "victims_confidential"}
# What that looks for values as: the kinds this module reads (prose is ``inline.py``'s).
KINDS = ("date", "place", "name", "number")
_NOT_ALNUM = re.compile(r"[\W_]+")


def noun(col: ColumnSpec) -> str:
    """``the birth place``, ``the victim``, ``the ID number``: one value of the column."""
    return "the " + NOUNS.get(col.name, col.name.replace("_", " "))


def missing(col: ColumnSpec, value: str, readable: list[Copy]) -> list[str]:
    """What of the cell's value no copy states, worded for a message ("the victim 'Serik
    Orazov'", "the date 2020-05-16 (the year is there, the day or month is not)")."""
    what = noun(col)
    if col.found_as == "date":
        said = date_missing(value, readable, what)
        return [] if said is None else [said]
    values = items(value) if col.multi or col.found_as == "place" else [value]
    if col.found_as == "place":  # the place itself, not the region or country after it
        values = [v.split(",")[0].strip() for v in values]
    found = number_in if col.found_as == "number" else named_in
    return [f"{what} '{v}'" for v in values if v and not any(found(v, c) for c in readable)]


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


def named_in(name: str, copy: Copy) -> bool:
    """Whether the copy names the place or person: as typed (folded), or in another script,
    spelling or grammatical case (``Almaty`` in "в Алматы"), read as a name is."""
    if fold_text(name).strip() in copy.folded:
        return True
    named = person(name, frozenset())
    return named is not None and not mentions(pd.Series([copy.text]), [named]).empty


def number_in(number: str, copy: Copy) -> bool:
    """Whether the copy holds an ID number: the letters and digits of its parts that have a
    digit ("Passport N 12-34" is N1234 in "passport, n1234,"), spacing and punctuation aside."""
    digits = [w for w in number.split() if any(ch.isdigit() for ch in w)]
    core = _NOT_ALNUM.sub("", fold_text(" ".join(digits or [number])))
    return not core or core in copy.squeezed


def _stated(sheets: Sheets) -> Iterator[Finding]:
    copies = copies_of(sheets)
    for spec in sheets.layout.sheets:
        frame = sheets.frames.get(spec.name)
        if frame is None or spec.name == IDENTIFYING:
            continue
        readable: dict[str, list[Copy]] = {}  # rows citing the same sources share them
        for col in spec.columns:
            if col.found_as not in KINDS or col.name not in frame:
                continue
            assert col.sources is not None  # found_as is given only with sources
            if col.sources not in frame:
                continue
            given = frame[col.name].notna() & frame[col.sources].notna()
            if col.found_as == "date":  # a date the date rules refuse is theirs to report
                given &= is_valid(frame[col.name].fillna("").astype(str))
            withheld = WITHHELD_BY.get(col.name)
            if withheld in frame:
                given &= frame[withheld].fillna("") != "yes"
            for label, value, cited in zip(
                frame.index[given],
                frame.loc[given, col.name].astype(str).tolist(),
                frame.loc[given, col.sources].astype(str).tolist(),
                strict=True,
            ):
                if cited not in readable:  # keyed by the cell: its columns share the copies
                    readable[cited] = all_readable(copies, items(cited))
                if not readable[cited]:  # nothing to read, or not all: their warnings say so
                    continue
                for said in missing(col, value, readable[cited]):
                    yield sheets.finding(
                        VALUE_NOT_FOUND,
                        spec.name,
                        col.name,
                        row_number(label),
                        value,
                        missing=said,
                        cited=", ".join(items(cited)),
                    )


VALUE_NOT_FOUND = SheetsRule(
    "quote.value_not_found",
    "warning",
    "A date, place or name a row gives (an incident's dates, place and victims, a post's "
    "dates) that none of the copies of the sources the row cites states, in any usual form, "
    "spelling or script: a letter prints it as a fact.",
    "{missing} is not in the copies of {cited}: check it against the source, or cite the one "
    "that states it",
    check=_stated,
)

RULES = (VALUE_NOT_FOUND,)
