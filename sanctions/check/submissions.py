"""Rules on the submissions sheet: an answer follows a submission to the same government, only a
planned step lies in the future, and outcomes whose order matters are never left to a guess."""

from __future__ import annotations

from collections.abc import Iterator

import pandas as pd

from sanctions.common import dates
from sanctions.rules.finding import Finding
from sanctions.workbook.reader import row_number, text_or_none
from sanctions.workbook.sheets import Sheets, SheetsRule

# Steps that answer or undo a submission: each needs one to the same government before it.
AFTER_SUBMISSION = ("acknowledged", "designated", "rejected", "withdrawn")


def _steps(sheets: Sheets) -> tuple[pd.DataFrame, pd.Series]:
    """The complete steps, and each one's date where it is a valid one."""
    steps = sheets.frames["submissions"].dropna(subset=["person_id", "jurisdiction", "status"])
    return steps, steps["date"].where(dates.is_valid(steps["date"].fillna("")), None)


def _first_submissions(steps: pd.DataFrame, dated: pd.Series) -> dict[tuple[str, str], str]:
    """The first day each target may have been submitted to each government; "" when a
    submission is recorded without a (valid) date, which then orders nothing."""
    days: dict[tuple[str, str], list[str]] = {}
    for row in steps.index[steps["status"] == "submitted"]:
        key = (str(steps.at[row, "person_id"]), str(steps.at[row, "jurisdiction"]))
        when = text_or_none(dated[row])
        days.setdefault(key, []).append(dates.first_day(when) if when else "")
    return {key: "" if "" in found else min(found) for key, found in days.items()}


def _answers(sheets: Sheets) -> Iterator[tuple[int, str, str, str, str | None, str | None]]:
    """(row, person, government, status, date, first submission) of every answer."""
    steps, dated = _steps(sheets)
    first = _first_submissions(steps, dated)
    for row in steps.index[steps["status"].isin(AFTER_SUBMISSION)]:
        pid, code = str(steps.at[row, "person_id"]), str(steps.at[row, "jurisdiction"])
        status, when = str(steps.at[row, "status"]), text_or_none(dated[row])
        yield row_number(row), pid, code, status, when, first.get((pid, code))


def _unsubmitted(sheets: Sheets) -> Iterator[Finding]:
    for row, pid, code, status, _, since in _answers(sheets):
        if since is None:
            yield sheets.finding(
                UNSUBMITTED, "submissions", "status", row, status, status=status, pid=pid, code=code
            )


def _order(sheets: Sheets) -> Iterator[Finding]:
    for row, pid, code, status, when, since in _answers(sheets):
        if when is not None and since and dates.last_day(when) < since:
            yield sheets.finding(
                ORDER,
                "submissions",
                "date",
                row,
                when,
                status=status,
                when=when,
                pid=pid,
                code=code,
                since=since,
            )


def _future(sheets: Sheets) -> Iterator[Finding]:
    steps, dated = _steps(sheets)
    today = dates.today().isoformat()
    for row in steps.index[(steps["status"] != "planned") & dated.notna()]:
        when = str(dated[row])
        if dates.first_day(when) > today:
            status = text_or_none(steps.at[row, "status"])
            yield sheets.finding(
                FUTURE, "submissions", "date", row_number(row), when, status=status, when=when
            )


# Outcomes that settle where a target stands with a government: which came last decides
# whether the target is listed, so two of them on one day must say their order.
SETTLING = ("designated", "rejected", "withdrawn")


def _same_day(sheets: Sheets) -> Iterator[Finding]:
    steps, dated = _steps(sheets)
    seen: dict[tuple[str, str, str], str] = {}
    for row in steps.index[steps["status"].isin(SETTLING) & dated.notna()]:
        pid, code = str(steps.at[row, "person_id"]), str(steps.at[row, "jurisdiction"])
        status, when = str(steps.at[row, "status"]), str(dated[row])
        key = (pid, code, when)
        if key in seen and seen[key] != status:
            yield sheets.finding(
                SAME_DAY,
                "submissions",
                "date",
                row_number(row),
                when,
                status=status,
                other=seen[key],
                pid=pid,
                code=code,
                when=when,
            )
        seen.setdefault(key, status)


UNSUBMITTED = SheetsRule(
    "submission.unsubmitted",
    "error",
    "A submission outcome (acknowledged, designated, rejected, withdrawn) for a target the "
    "sheet does not record as submitted to that government.",
    "'{status}' for {pid} by {code}, but no row says {pid} was submitted to {code}: add the "
    "submission (status submitted, with its date)",
    check=_unsubmitted,
)
ORDER = SheetsRule(
    "submission.order",
    "error",
    "A submission outcome dated before the target was first submitted to that government.",
    "'{status}' on {when} is before {pid} was first submitted to {code} ({since}): check both "
    "dates",
    check=_order,
)
FUTURE = SheetsRule(
    "submission.future",
    "error",
    "A step other than a planned one dated in the future.",
    "'{status}' on {when} is in the future; only a planned step can be",
    check=_future,
)

SAME_DAY = SheetsRule(
    "submission.same_day",
    "error",
    "Two outcomes for one target and government (designated, rejected, withdrawn) dated the "
    "same: which came last decides whether the target is listed, and the sheet does not say.",
    "'{status}' and '{other}' for {pid} by {code} both on {when}: which came last cannot be "
    "told; give each its own date (a full one), or keep only the one that stands",
    check=_same_day,
)

RULES = (UNSUBMITTED, ORDER, FUTURE, SAME_DAY)
