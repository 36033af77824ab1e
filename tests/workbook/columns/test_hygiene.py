"""Text hygiene (sanctions/workbook/columns/hygiene.py): each message says what to type. Every
name is invented."""

from __future__ import annotations

from collections.abc import Callable

from sanctions.check.validate import validate
from tests import workbooks


def test_spaces_are_reported_with_the_value_they_are_read_as(build: Callable) -> None:
    rows = workbooks.valid_rows()
    rows["persons"][0]["person_id"] = "P001 "
    rows["persons"][1]["name"] = "Dana  Fictiyeva"
    found = {
        f.cell: f.message for f in validate(build(rows)).findings if f.code == "text.whitespace"
    }
    assert found["A2"].endswith("it is read as 'P001': retype it so")
    assert found["B3"].endswith("it is read as 'Dana Fictiyeva': retype it so")
