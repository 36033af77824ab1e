"""Values from a controlled vocabulary (``schemas/vocabularies.yaml``): a dropdown in the
template, compared without regard to case, and a yes/no vocabulary read as true or false."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pandas as pd

from sanctions.workbook.columns.base import ColumnType
from sanctions.workbook.columns.cellrule import CellRule, Column, Vocabularies
from sanctions.workbook.columns.values import isin
from sanctions.workbook.columns.words import commas, items_of, nearest, which

YES_NO = "yes_no"


def allowed(col: Column, layout: Vocabularies) -> list[str]:
    return list(layout.vocabularies.get(col.vocabulary or "", {}))


def hint(col: Column, value: str, layout: Vocabularies) -> str:
    values = allowed(col, layout)
    said = commas(col.multi, value, lambda p: p in values, lambda p: nearest(p, values))
    if said:
        return said
    bad = [item for item in items_of(value) if item not in values] if col.multi else [value]

    def near(item: str) -> str:
        found = nearest(item, values)
        return f"'{found}'" if found else ""

    return f"{which(col.multi, bad, 'allowed', near)}; choose from: {', '.join(values)}"


def _test(col: Column, layout: Vocabularies) -> Callable[[pd.Series], pd.Series]:
    vocabulary = sorted(allowed(col, layout))
    return lambda values: isin(values, vocabulary)


INVALID = CellRule(
    "vocab.invalid",
    "error",
    "Not one of the values allowed in this column.",
    "{column} {value}{hint}",
    test=_test,
    hint=hint,
    default_hint=" is not allowed",
)


class Vocabulary(ColumnType):
    name = "enum"
    width = 22
    vocabulary = True

    def rules(self, col: Column) -> tuple[CellRule, ...]:
        return (INVALID,)

    def clean(self, values: pd.Series) -> pd.Series:
        return values.str.lower()

    def parse(self, col: Column) -> Callable[[str], Any] | None:
        if col.vocabulary == YES_NO:
            return lambda value: value == "yes"
        return None

    def dropdown(self, col: Column) -> tuple[str, bool] | None:
        return (col.vocabulary, True) if col.vocabulary else None

    def note(self, col: Column, layout: Vocabularies) -> list[str]:
        """The allowed values, each with what it means where the list says more than the code
        (a role's meaning is what an editor chooses by: "obstructed" or "covered_up")."""
        meanings = layout.vocabularies.get(col.vocabulary or "", {})
        said = {code: text for code, text in meanings.items() if text and text != code}
        if not said:
            return ["One of: " + ", ".join(meanings) + "."]
        return ["One of:", *(f"{code}: {said.get(code, code)}" for code in meanings)]

    def kind(self, col: Column) -> str:
        return f"{col.vocabulary} (list)"
