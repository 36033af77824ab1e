"""Countries, kept as ISO codes however the editor wrote them (``Belarus``, ``by``)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from sanctions.common.countries import country_code, suggest_country
from sanctions.workbook.columns.base import ColumnType
from sanctions.workbook.columns.cellrule import CellRule, Column, Vocabularies
from sanctions.workbook.columns.values import by_unique
from sanctions.workbook.columns.words import commas, items_of, which

DROPDOWN = "country"  # the column of country names on the template's allowed-values sheet


def is_country(value: str) -> bool:
    return country_code(value) is not None


def hint(col: Column, value: str, layout: Vocabularies) -> str:
    said = commas(col.multi, value, is_country)
    if said:
        return said
    bad = [item for item in (items_of(value) if col.multi else [value]) if not is_country(item)]
    said = which(col.multi, bad, "a country", suggest_country)
    return f"{said}; write the country's two-letter ISO code or its name"


UNKNOWN = CellRule(
    "country.unknown",
    "error",
    "Not an ISO 3166 country code or a country name.",
    "{column} {value}{hint}",
    test=lambda col, layout: by_unique(is_country),
    hint=hint,
    default_hint=" is not a country",
)


class Country(ColumnType):
    name = "country"
    width = 20

    def rules(self, col: Column) -> tuple[CellRule, ...]:
        return (UNKNOWN,)

    def parse(self, col: Column) -> Callable[[str], Any]:
        return lambda value: (country_code(value) or value) if isinstance(value, str) else value

    def dropdown(self, col: Column) -> tuple[str, bool]:
        return DROPDOWN, False  # a suggestion only: a code is fine too

    def note(self, col: Column, layout: Vocabularies) -> list[str]:
        return ["A country's name or its two-letter ISO code."]
