"""Warn about two person rows that are probably one person written two ways."""

from __future__ import annotations

from collections.abc import Iterator

import pandas as pd

from sanctions.common.names import key_table
from sanctions.rules.finding import Finding
from sanctions.workbook.columns.values import split_multi
from sanctions.workbook.reader import text_or_none
from sanctions.workbook.sheets import Sheets, SheetsRule

# A key shared by more rows than this is a common name, not a duplicate.
MAX_GROUP = 25


NAME_COLUMNS = ("name", "aliases", "name_original")


def _keys(persons: pd.DataFrame) -> pd.DataFrame:
    """(row, key) for every name a person row carries, without repeats."""
    names = pd.concat([split_multi(persons[c]) for c in NAME_COLUMNS if c in persons])
    keys = key_table(names).rename(columns={"label": "row"})
    return keys.drop_duplicates()


def _compatible(a: str | None, b: str | None) -> bool:
    """Two partial birth dates can be the same day unless they disagree where both are known."""
    if a is None or b is None:
        return True
    n = min(len(a), len(b))
    return a[:n] == b[:n]


def _near_duplicates(sheets: Sheets) -> Iterator[Finding]:
    persons = sheets.frames["persons"]
    keys = _keys(persons)
    shared = keys[keys.duplicated("key", keep=False)]
    groups = shared.groupby("key")["row"].agg(list)
    births = persons["birth_date"] if "birth_date" in persons else pd.Series(dtype="str")
    pairs: set[tuple[int, int]] = set()
    for rows in groups:
        if 1 < len(set(rows)) <= MAX_GROUP:
            ordered = sorted(set(rows))
            for i, first in enumerate(ordered):
                for later in ordered[i + 1 :]:
                    pairs.add((int(first), int(later)))
    for first, later in sorted(pairs):
        b1, b2 = births.get(first), births.get(later)
        if not _compatible(text_or_none(b1), text_or_none(b2)):
            continue
        name = text_or_none(persons.at[later, "name"])
        pid = text_or_none(persons.at[first, "person_id"])
        yield sheets.finding(
            NEAR_DUPLICATE,
            "persons",
            "name",
            later,
            name,
            name=name,
            other=text_or_none(persons.at[first, "name"]),
            first=first,
            pid=f" ({pid})" if pid else "",
        )


NEAR_DUPLICATE = SheetsRule(
    "person.near_duplicate",
    "warning",
    "Two persons whose names are probably spellings of one name.",
    "name '{name}' is probably the same person as '{other}' on row {first}{pid}: keep one row "
    "and put the other spelling in aliases",
    check=_near_duplicates,
)

RULES = (NEAR_DUPLICATE,)
