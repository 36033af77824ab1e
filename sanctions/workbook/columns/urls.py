"""Web addresses of evidence: http or https, a host with a dot (or localhost)."""

from __future__ import annotations

import re

from sanctions.workbook.columns.base import ColumnType
from sanctions.workbook.columns.cellrule import CellRule, Column, Vocabularies
from sanctions.workbook.columns.values import matches

# http(s), a host with a dot (or localhost), an optional port, then anything but spaces.
PATTERN = (
    r"https?://(([^ \t\r\n/?#:@.]+\.)+[^ \t\r\n/?#:@.]+|localhost)(:[0-9]{1,5})?([/?#][^ \t\r\n]*)?"
)

_WHOLE = re.compile(PATTERN)


def hint(col: Column, value: str, layout: Vocabularies) -> str:
    """The address with ``https://`` in front, when that is all it lacks."""
    text = value.strip()
    if "://" not in text and _WHOLE.fullmatch(f"https://{text}"):
        return f"; add https:// in front: https://{text}"
    return ""


INVALID = CellRule(
    "url.invalid",
    "error",
    "Not a well-formed http:// or https:// address.",
    "{column} {value} is not a valid http(s) address{hint}",
    test=lambda col, layout: matches(PATTERN),
    hint=hint,
)


class Url(ColumnType):
    name = "url"
    width = 40
    wraps = True

    def rules(self, col: Column) -> tuple[CellRule, ...]:
        return (INVALID,)
