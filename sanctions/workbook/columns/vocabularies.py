"""Values from a controlled vocabulary (``schemas/vocabularies.yaml``): a dropdown in the
template, compared without regard to case, and a yes/no vocabulary read as true or false."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pandas as pd

from sanctions.common.countries import country_code
from sanctions.workbook.columns.base import ColumnType
from sanctions.workbook.columns.cellrule import CellRule, Column, Vocabularies
from sanctions.workbook.columns.values import isin
from sanctions.workbook.columns.words import commas, items_of, nearest, which

YES_NO = "yes_no"


def allowed(col: Column, layout: Vocabularies) -> list[str]:
    return list(layout.vocabularies.get(col.vocabulary or "", {}))


# The vocabulary whose codes are the governments', which are country codes (and ``eu``).
GOVERNMENTS = "jurisdiction"
# Meanings this short are shown beside their codes in the list to choose from.
SHORT_MEANING = 30


def hint(col: Column, value: str, layout: Vocabularies) -> str:
    values = allowed(col, layout)
    meanings = layout.vocabularies.get(col.vocabulary or "", {})

    def meant(item: str) -> str | None:
        """The code an item stands for: a near spelling of one, the meaning itself ("United
        Kingdom"), or, for the governments, any name or code of the country ("UK")."""
        found = nearest(item, values)
        if found is None:
            named = {str(m).casefold(): code for code, m in meanings.items() if m}
            found = named.get(item.strip().casefold())
        if found is None and col.vocabulary == GOVERNMENTS:
            code = country_code(item)
            found = code if code in values else None
        return found

    said = commas(col.multi, value, lambda p: p in values, meant)
    if said:
        return said
    bad = [item for item in items_of(value) if item not in values] if col.multi else [value]

    def near(item: str) -> str:
        found = meant(item)
        return f"'{found}'" if found else ""

    shown = values
    if meanings and all(len(str(meanings[v] or "")) <= SHORT_MEANING for v in values):
        shown = [f"{v} ({meanings[v]})" if meanings[v] and meanings[v] != v else v for v in values]
    return f"{which(col.multi, bad, 'allowed', near)}; choose from: {', '.join(shown)}"


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
