"""The submitter sheet's values: what the cover letters print is checked at its cell."""

from __future__ import annotations

import pytest

from tests import workbooks


def findings_with(findings_of, key: str, value: str) -> list:
    rows = workbooks.valid_rows()
    given = [r for r in rows["submitter"] if r["key"] != key]
    rows["submitter"] = [*given, {"key": key, "value": value}]
    return [f for f in findings_of(rows) if f.code.startswith("submitter.")]


def test_the_valid_submitter_sheet_is_fine(findings_of) -> None:
    assert findings_of(workbooks.valid_rows()) == []


@pytest.mark.parametrize(
    ("key", "value", "words"),
    [
        ("date", "01/12/2026", "date '01/12/2026' is not a date written year-month-day"),
        ("date", "2026-12", "date '2026-12' is not a date written year-month-day"),
        ("date", "2026-02-30", "date '2026-02-30' is not a date"),
        ("email", "jane(at)example.org", "email 'jane(at)example.org' is not an e-mail address"),
        ("email", "jane@example", "is not an e-mail address"),
        ("public_contact", "info at example.org", "is not an e-mail address"),
        ("website", "www.example.org", "is not a web address starting https://"),
    ],
)
def test_a_value_not_of_its_keys_kind_is_an_error_at_its_cell(
    findings_of, key: str, value: str, words: str
) -> None:
    (finding,) = findings_with(findings_of, key, value)
    assert (finding.code, finding.severity, finding.sheet) == (
        "submitter.value",
        "error",
        "submitter",
    )
    assert finding.cell == f"B{len(workbooks.valid_rows()['submitter']) + 1 + (key not in KEYS)}"
    assert words in finding.message


KEYS = {r["key"] for r in workbooks.valid_rows()["submitter"]}


@pytest.mark.parametrize(
    ("key", "value"),
    [
        ("date", "2026-12-01"),
        ("email", "jane.doe+sanctions@example.org"),
        ("public_contact", "corrections@example.org"),
        ("website", "https://example.org/about"),
    ],
)
def test_a_value_of_its_keys_kind_is_fine(findings_of, key: str, value: str) -> None:
    assert findings_with(findings_of, key, value) == []
