"""Every column type, by the name ``type:`` gives it in ``schemas/*.yaml``. A new type is a
module in this folder and one line here."""

from __future__ import annotations

from sanctions.workbook.columns import (
    base,
    countries,
    dates,
    hashes,
    hygiene,
    identifiers,
    languages,
    text,
    urls,
    vocabularies,
)
from sanctions.workbook.columns.base import ColumnType

TYPES: dict[str, ColumnType] = {
    t.name: t
    for t in (
        identifiers.Identifier(),
        text.Text(),
        text.Name(),
        dates.Date(),
        countries.Country(),
        urls.Url(),
        vocabularies.Vocabulary(),
        hashes.Sha256(),
        languages.Language(),
    )
}

# Every rule checked cell by cell, in the order docs/workbook.md lists them.
RULES = (
    base.VALUE_MISSING,
    identifiers.INVALID,
    hygiene.ID_INVISIBLE,
    base.ID_DUPLICATE,
    dates.INVALID,
    dates.FUTURE,
    dates.IMPLAUSIBLE,
    dates.IMPLAUSIBLE_BIRTH,
    countries.UNKNOWN,
    languages.UNKNOWN,
    urls.INVALID,
    vocabularies.INVALID,
    hashes.INVALID,
    hygiene.WHITESPACE,
    hygiene.TEXT_INVISIBLE,
    hygiene.CONTROL_CHARACTER,
    hygiene.MIXED_SCRIPT,
    hygiene.NAME_NOT_LATIN,
)
