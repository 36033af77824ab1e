"""Warn about two person rows that are probably one person written two ways."""

from __future__ import annotations

import pandas as pd

from sanctions.check.codes import finding
from sanctions.check.findings import Finding, cell_ref
from sanctions.check.values import split_multi
from sanctions.common.names import key_table
from sanctions.workbook.reader import Table, text_or_none

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


def near_duplicates(file: str, table: Table, persons: pd.DataFrame) -> list[Finding]:
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
    findings = []
    column = table.columns.get("name")
    for first, later in sorted(pairs):
        b1, b2 = births.get(first), births.get(later)
        if not _compatible(text_or_none(b1), text_or_none(b2)):
            continue
        name1 = text_or_none(persons.at[first, "name"])
        name2 = text_or_none(persons.at[later, "name"])
        pid = text_or_none(persons.at[first, "person_id"])
        message = (
            f"name '{name2}' is probably the same person as '{name1}' on row {first}"
            + (f" ({pid})" if pid else "")
            + ": keep one row and put the other spelling in aliases"
        )
        cell = cell_ref(column, later) if column is not None else None
        findings.append(
            finding(
                "person.near_duplicate",
                file,
                table.sheet,
                message,
                cell=cell,
                row=later,
                column="name",
                value=name2,
            )
        )
    return findings
