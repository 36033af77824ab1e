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
    rows["persons"][1]["summary"] = "Led the police.  \nWas promoted in 2019."
    found = {
        f.cell: f.message for f in validate(build(rows)).findings if f.code == "text.whitespace"
    }
    assert found["A2"].endswith("it is read as 'P001': retype it so")
    assert found["B3"].endswith("it is read as 'Dana Fictiyeva': retype it so")
    # a line break is kept, as the reader keeps it (shown as the messages show one)
    summary = next(m for m in found.values() if m.startswith("summary"))
    assert summary.endswith("it is read as 'Led the police. ?Was promoted in 2019.': retype it so")
