"""Warn about two person rows that are probably one person written two ways."""

from __future__ import annotations

from collections import defaultdict

import pandas as pd

from sanctions.codes import severity
from sanctions.findings import Finding, cell_ref
from sanctions.names import person_keys
from sanctions.reader import Table
from sanctions.values import split_multi

# A key shared by more rows than this is a common name, not a duplicate.
MAX_GROUP = 25


def _names(persons: pd.DataFrame) -> dict[int, list[str]]:
    names: dict[int, list[str]] = defaultdict(list)
    for column in ("name", "aliases", "name_original"):
        if column in persons:
            for row, value in split_multi(persons[column].dropna()).items():
                names[int(row)].append(str(value))
    if "first_name" in persons and "last_name" in persons:
        both = persons[["first_name", "last_name"]].dropna()
        for row, first, last in both.itertuples():
            names[int(row)].append(f"{first} {last}")
    return names


def _compatible(a: str | None, b: str | None) -> bool:
    """Two partial birth dates can be the same day unless they disagree where both are known."""
    if a is None or b is None:
        return True
    n = min(len(a), len(b))
    return a[:n] == b[:n]


def near_duplicates(file: str, table: Table, persons: pd.DataFrame) -> list[Finding]:
    groups: dict[str, list[int]] = defaultdict(list)
    for row, names in _names(persons).items():
        for key in person_keys(names):
            groups[key].append(row)
    births = persons["birth_date"] if "birth_date" in persons else pd.Series(dtype="str")
    pairs: set[tuple[int, int]] = set()
    for rows in groups.values():
        if 1 < len(rows) <= MAX_GROUP:
            ordered = sorted(set(rows))
            for i, first in enumerate(ordered):
                for later in ordered[i + 1 :]:
                    pairs.add((first, later))
    findings = []
    column = table.columns.get("name")
    for first, later in sorted(pairs):
        b1, b2 = births.get(first), births.get(later)
        if not _compatible(None if pd.isna(b1) else b1, None if pd.isna(b2) else b2):
            continue
        name1, name2 = persons.at[first, "name"], persons.at[later, "name"]
        pid = persons.at[first, "person_id"] if "person_id" in persons else None
        message = (
            f"name '{name2}' is probably the same person as '{name1}' on row {first}"
            + (f" ({pid})" if isinstance(pid, str) else "")
            + ": keep one row and put the other spelling in aliases"
        )
        findings.append(
            Finding(
                severity=severity("person.near_duplicate"),
                code="person.near_duplicate",
                file=file,
                sheet=table.sheet,
                cell=cell_ref(column, later) if column is not None else None,
                row=later,
                column="name",
                value=None if pd.isna(name2) else str(name2),
                message=message,
            )
        )
    return findings
