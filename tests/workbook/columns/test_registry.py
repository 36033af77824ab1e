"""A column type is one object: registered once, it reaches the validator (its rule, message and
hint at the cell), the template (width, note), the typed rows and docs/workbook.md."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook

from sanctions.check.docs import workbook_reference
from sanctions.check.validate import validate
from sanctions.model.rows import read_sheet
from sanctions.workbook.columns import registry
from sanctions.workbook.columns.base import ColumnType
from sanctions.workbook.columns.cellrule import CellRule
from sanctions.workbook.columns.values import matches
from sanctions.workbook.layout import ColumnSpec, Layout, load_layout
from sanctions.workbook.template import write_template
from tests import workbooks
from tests.conftest import REPO


def _hint(col: ColumnSpec, value: str, layout: Layout) -> str:
    return (
        f": write it as name@example.org (is '@' missing from '{value}'?)"
        if "@" not in value
        else ""
    )


EMAIL_INVALID = CellRule(
    "email.invalid",
    "error",
    "Not an e-mail address.",
    "{column} {value} is not an e-mail address{hint}",
    test=lambda col, layout: matches(r"[^@ ]+@[^@ ]+\.[^@ ]+"),
    hint=_hint,
)


class Email(ColumnType):
    name = "email"
    width = 36

    def rules(self, col: ColumnSpec) -> tuple[CellRule, ...]:
        return (EMAIL_INVALID,)

    def parse(self, col: ColumnSpec) -> Callable[[str], Any]:
        return lambda value: value.lower() if isinstance(value, str) else value

    def note(self, col: ColumnSpec, layout: Layout) -> list[str]:
        return ["An e-mail address: name@example.org."]


@pytest.fixture
def layout(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Layout:
    """The project's layout, the evidence sheet with a column of a new type."""
    monkeypatch.setitem(registry.TYPES, "email", Email())
    schemas = tmp_path / "schemas"
    shutil.copytree(REPO / "schemas", schemas)
    shutil.copytree(REPO / "jurisdictions", tmp_path / "jurisdictions")
    spec = schemas / "evidence.yaml"
    spec.write_text(
        spec.read_text(encoding="utf-8")
        + "  - name: contact\n    type: email\n    description: Who to ask about the source.\n",
        encoding="utf-8",
    )
    return load_layout(schemas)


def test_a_new_type_reaches_the_validator_the_template_the_rows_and_the_docs(
    layout: Layout, tmp_path: Path
) -> None:
    rows = workbooks.valid_rows()
    rows["evidence"][0]["contact"] = "Press.Office@Example.org"
    rows["evidence"][1]["contact"] = "press office"
    book = workbooks.write(tmp_path / "b.xlsx", rows, layout=layout)
    result = validate(book, layout)
    (found,) = [f for f in result.findings if f.code == "email.invalid"]
    assert found.severity == "error" and found.column == "contact" and found.row == 3
    assert "(is '@' missing from 'press office'?)" in found.message

    @dataclass
    class EvidenceContact:
        row: int
        contact: str | None

    records = read_sheet(result.frames["evidence"], EvidenceContact, "evidence", layout)
    assert records[0].contact == "press.office@example.org"

    write_template(tmp_path / "t.xlsx", layout)
    sheet = load_workbook(tmp_path / "t.xlsx")["evidence"]
    header = next(c for c in sheet[1] if c.value == "contact")
    assert "An e-mail address: name@example.org." in header.comment.text
    assert sheet.column_dimensions[header.column_letter].width == 36

    assert "| `contact` | email |" in workbook_reference(layout)
