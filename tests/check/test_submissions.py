"""The submissions sheet: what was sent to which government, checked like every other sheet."""

from __future__ import annotations

import pytest

from tests import workbooks
from tests.workbooks import cell


def step(person: str, code: str, status: str, date: str | None = None, **more: str) -> dict:
    return {"person_id": person, "jurisdiction": code, "status": status, "date": date, **more}


def findings_with(findings_of, steps: list[dict]) -> list:
    rows = workbooks.valid_rows()
    rows["submissions"] = steps
    return findings_of(rows)


def test_a_history_in_order_is_fine(findings_of):
    steps = [
        step("P001", "us", "planned", "2099-01"),
        step("P001", "us", "submitted", "2026-03-02", reference="OFAC case 1"),
        step("P001", "us", "acknowledged", "2026-03"),
        step("P001", "us", "designated", "2026-09-30"),
        step("P002", "gb", "submitted"),
        step("P002", "gb", "rejected", "2026-05-01"),
    ]
    assert findings_with(findings_of, steps) == []


@pytest.mark.parametrize(
    ("steps", "code", "index", "column", "words"),
    [
        # designated with no submission to that government (one to another does not count)
        (
            [step("P001", "gb", "submitted", "2026-01-05"), step("P001", "us", "designated")],
            "submission.unsubmitted",
            1,
            "status",
            "no row says P001 was submitted to us",
        ),
        # an outcome dated before the first submission
        (
            [
                step("P001", "us", "submitted", "2026-03-02"),
                step("P001", "us", "rejected", "2026-02"),
            ],
            "submission.order",
            1,
            "date",
            "before P001 was first submitted to us (2026-03-02)",
        ),
        # a withdrawal with no submission
        (
            [step("P002", "eu", "withdrawn", "2026-01-01")],
            "submission.unsubmitted",
            0,
            "status",
            "withdrawn",
        ),
        # rejected and designated on one day: which stands cannot be told
        (
            [
                step("P001", "us", "submitted", "2026-03-02"),
                step("P001", "us", "rejected", "2026-06-01"),
                step("P001", "us", "designated", "2026-06-01"),
            ],
            "submission.same_day",
            2,
            "date",
            "'designated' and 'rejected' for P001 by us both on 2026-06-01",
        ),
        # designated, withdrawn (a delisting) and designated again, all in one month
        (
            [
                step("P001", "gb", "submitted", "2026-01-05"),
                step("P001", "gb", "designated", "2026-06"),
                step("P001", "gb", "withdrawn", "2026-06"),
                step("P001", "gb", "designated", "2026-06"),
            ],
            "submission.same_day",
            2,
            "date",
            "which came last cannot be told",
        ),
    ],
)
def test_an_outcome_needs_a_submission_before_it(findings_of, steps, code, index, column, words):
    found = [f for f in findings_with(findings_of, steps) if f.code == code]
    assert [(f.sheet, f.cell) for f in found] == [
        ("submissions", cell("submissions", column, index))
    ]
    assert words in found[0].message


def test_outcomes_on_different_days_or_repeated_are_fine(findings_of):
    steps = [
        step("P001", "us", "submitted", "2026-03-02"),
        step("P001", "us", "rejected", "2026-05-01"),
        step("P001", "us", "designated", "2026-06-01"),
        step("P001", "us", "designated", "2026-06-01"),  # the same outcome twice says one thing
    ]
    assert findings_with(findings_of, steps) == []


def test_an_undated_submission_orders_nothing(findings_of):
    steps = [
        step("P001", "us", "submitted"),
        step("P001", "us", "submitted", "2026-06-01"),
        step("P001", "us", "designated", "2026-01-01"),
    ]
    assert findings_with(findings_of, steps) == []


def test_unknown_person_jurisdiction_or_status_and_a_future_step(findings_of):
    steps = [
        step("P999", "us", "submitted", "2026-01-01"),
        step("P001", "xx", "submitted", "2026-01-01"),
        step("P001", "us", "sent", "2026-01-01"),
        step("P001", "us", "submitted", "2099-01-01"),
    ]
    found = {(f.code, f.cell) for f in findings_with(findings_of, steps)}
    assert found == {
        ("ref.unknown_person", cell("submissions", "person_id", 0)),
        ("vocab.invalid", cell("submissions", "jurisdiction", 1)),
        ("vocab.invalid", cell("submissions", "status", 2)),
        ("submission.future", cell("submissions", "date", 3)),
    }


def summary_rows(folder, code: str) -> list[list[str]]:
    from docx import Document

    doc = Document(str(folder / f"{folder.name}-{code}" / "send" / "submission.docx"))
    table = doc.tables[0]
    return [[c.text for c in row.cells] for row in table.rows]


def test_packages_know_what_was_sent_before(build, tmp_path):
    from tests.submit.test_document import export_rows

    rows = workbooks.valid_rows()
    rows["submissions"] = [
        step("P001", "us", "submitted", "2020-01-05", reference="OFAC-2020-17"),
        step("P001", "us", "rejected", "2020-06"),
        step("P001", "gb", "submitted", "2020-02-01"),
        step("P001", "gb", "designated", "2021-03-04", reference="GHR0099"),
        step("P001", "ca", "planned", "2099-01-01"),
    ]
    folder = export_rows(build, tmp_path, rows, "us,gb,ca")
    us_notes = (folder / f"{folder.name}-us" / "internal" / "notes.txt").read_text()
    assert "Submitted to the United States before" in us_notes
    # E001, cited for P001, was published on 2021-01-15, after the submission of 5 January 2020
    assert (
        "Arman Testbayev: Resubmission (first submitted January 5, 2020, reference OFAC-2020-17), with new evidence"
        in us_notes
    )
    us_summary = summary_rows(folder, "us")
    assert any("Resubmission (first submitted January 5, 2020" in " ".join(r) for r in us_summary)

    gb_notes = (folder / f"{folder.name}-gb" / "internal" / "notes.txt").read_text()
    assert "Recorded as designated by the United Kingdom, so not proposed again:" in gb_notes
    assert (
        "- Arman Testbayev: designated 2021-03-04 (reference GHR0099); submissions sheet row 5"
        in gb_notes
    )
    assert not any("Arman Testbayev" in " ".join(r) for r in summary_rows(folder, "gb"))

    # a planned step is not a submission: Canada's package is a first submission
    assert "before" not in " ".join(" ".join(r) for r in summary_rows(folder, "ca"))


def test_history_orders_steps_by_date_and_keeps_undated_ones_in_place():
    from sanctions.model.rows import SubmissionRow
    from sanctions.tracking.history import histories

    def row(n, status, date=None, ref=None):
        return SubmissionRow(n, "P001", "us", status, date, ref, None)

    (history,) = histories(
        [
            row(2, "designated", "2026-09-30"),
            row(3, "acknowledged"),  # undated, below the designation: stays after it
            row(4, "submitted", "2026-03-02", "OFAC-1"),
            row(5, "submitted", "2026-03-02", "OFAC-1b"),
        ]
    ).values()
    assert [s.row for s in history.steps] == [4, 5, 2, 3]
    assert history.first_submission.reference == "OFAC-1"
    assert history.last_submission.reference == "OFAC-1b"
    assert history.designated is None  # the latest step is not the designation
