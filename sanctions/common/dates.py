"""ISO partial dates (``1965``, ``1965-06``, ``1965-06-15``), vectorised over pandas Series.

Partial dates are compared as intervals: ``2022-01`` is any day in January 2022, so an end date
of ``2022-01`` is not before a start date of ``2022-01-15``.
"""

from __future__ import annotations

import datetime as dt
from functools import cache, lru_cache

import pandas as pd
from babel import Locale
from babel.dates import format_date, format_skeleton

from sanctions.common.patterns import found

PARTIAL_DATE = r"[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?"  # used with fullmatch


def is_valid(values: pd.Series) -> pd.Series:
    """True where the text is a real calendar date at year, month or day precision."""
    shaped = pd.Series(found(values, PARTIAL_DATE, whole=True), index=values.index)
    ok = shaped.copy()
    months = values[shaped & (values.str.len() >= 7)].str.slice(5, 7).astype("int64")
    ok.loc[months.index] = months.between(1, 12)
    full = values[shaped & (values.str.len() == 10)]
    if len(full):
        parsed = pd.to_datetime(full, format="%Y-%m-%d", errors="coerce")
        ok.loc[full.index] = ok.loc[full.index] & parsed.notna()
    return ok


def earliest(values: pd.Series) -> pd.Series:
    """The first day a partial date can mean, as ISO text (valid dates only)."""
    return values + values.str.len().map({4: "-01-01", 7: "-01", 10: ""}).fillna("")


def latest(values: pd.Series) -> pd.Series:
    """The last day a partial date can mean, as ISO text that sorts correctly (day 31 is fine)."""
    return values + values.str.len().map({4: "-12-31", 7: "-31", 10: ""}).fillna("")


def today() -> dt.date:
    return dt.date.today()


def first_day(value: str) -> str:
    """The first day a valid partial date can mean, as sortable ISO text."""
    return value + {4: "-01-01", 7: "-01"}.get(len(value), "")


def last_day(value: str) -> str:
    """The last day a valid partial date can mean, as sortable ISO text."""
    return value + {4: "-12-31", 7: "-31"}.get(len(value), "")


MONTH_NAMES = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)


@cache
def _locale(tag: str) -> Locale:
    return Locale.parse(tag, sep="-")


@lru_cache(maxsize=65_536)
def in_words(value: str, locale: str = "en-GB") -> str:
    """A partial ISO date as people write it in prose, in the document's locale (CLDR's long
    date, so any locale a government's file names writes its own way): ``8 September 2016``
    (``September 8, 2016`` in American English), ``September 2016``, ``2016``. Anything else is
    returned as is. Cached: a list writes the same dates in every package, and CLDR's
    formatting costs tens of microseconds a call."""
    parts = value.split("-")
    if not all(p.isdecimal() for p in parts) or len(parts) > 3 or len(parts[0]) != 4:
        return value
    if len(parts) == 1:
        return parts[0]
    try:
        day = dt.date(int(parts[0]), int(parts[1]), int(parts[2]) if len(parts) == 3 else 1)
    except ValueError:
        return value
    if len(parts) == 2:
        return format_skeleton("yMMMM", day, locale=_locale(locale))
    return format_date(day, "long", locale=_locale(locale))


def span_in_words(start: str | None, end: str | None, locale: str = "en-GB") -> str:
    """A period as prose writes it: ``March 2015 to 31 December 2020``, ``from March 2015``,
    ``until 2020``; ``dates not stated`` when neither end is known."""
    first = in_words(start, locale) if start else None
    last = in_words(end, locale) if end else None
    if first and last:
        return first if first == last else f"{first} to {last}"
    if first:
        return f"from {first}"
    if last:
        return f"until {last}"
    return "dates not stated"
