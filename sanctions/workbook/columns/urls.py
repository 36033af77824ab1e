"""Web addresses of evidence: http or https, a host with a dot (or localhost)."""

from __future__ import annotations

from sanctions.workbook.columns.base import ColumnType
from sanctions.workbook.columns.cellrule import CellRule, Column, shaped

# http(s), a host with a dot (or localhost), an optional port, then anything but spaces.
PATTERN = (
    r"https?://(([^ \t\r\n/?#:@.]+\.)+[^ \t\r\n/?#:@.]+|localhost)(:[0-9]{1,5})?([/?#][^ \t\r\n]*)?"
)

INVALID = shaped(
    "url.invalid",
    "Not a well-formed http:// or https:// address.",
    "{column} {value} is not a valid http(s) address",
    PATTERN,
)


class Url(ColumnType):
    name = "url"
    width = 40
    wraps = True

    def rules(self, col: Column) -> tuple[CellRule, ...]:
        return (INVALID,)
