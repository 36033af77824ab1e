"""Web addresses of evidence: http or https, a host with a dot (or localhost)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from sanctions.workbook.columns.base import CellRule, ColumnType
from sanctions.workbook.columns.values import matches

if TYPE_CHECKING:
    from sanctions.workbook.layout import ColumnSpec

# http(s), a host with a dot (or localhost), an optional port, then anything but spaces.
PATTERN = (
    r"https?://(([^ \t\r\n/?#:@.]+\.)+[^ \t\r\n/?#:@.]+|localhost)(:[0-9]{1,5})?([/?#][^ \t\r\n]*)?"
)

INVALID = CellRule(
    "url.invalid",
    "error",
    "Not a well-formed http:// or https:// address.",
    "{column} {value} is not a valid http(s) address",
    test=lambda col, layout: matches(PATTERN),
)


class Url(ColumnType):
    name = "url"
    width = 40
    wraps = True

    def rules(self, col: ColumnSpec) -> tuple[CellRule, ...]:
        return (INVALID,)
