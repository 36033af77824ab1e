"""ISO partial dates (``1965``, ``1965-06``, ``1965-06-15``), vectorised over pandas Series.

Partial dates are compared as intervals: ``2022-01`` is any day in January 2022, so an end date
of ``2022-01`` is not before a start date of ``2022-01-15``.
"""

from __future__ import annotations

import datetime as dt

import pandas as pd

PARTIAL_DATE = r"[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?"  # used with fullmatch


def is_valid(values: pd.Series) -> pd.Series:
    """True where the text is a real calendar date at year, month or day precision."""
    shaped = values.str.fullmatch(PARTIAL_DATE).fillna(False).astype(bool)
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


def last_day(value: str) -> str:
    """The last day a valid partial date can mean, as sortable ISO text."""
    return value + {4: "-12-31", 7: "-31"}.get(len(value), "")
