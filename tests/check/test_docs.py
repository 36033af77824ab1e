"""docs/workbook.md is made from schemas/ and the registered rules."""

from __future__ import annotations

from tests.conftest import REPO


def test_docs_are_up_to_date():
    """docs/workbook.md is generated from schemas/; `make docs` refreshes it."""
    from sanctions.check.docs import workbook_reference

    assert (REPO / "docs" / "workbook.md").read_text(encoding="utf-8") == workbook_reference()
