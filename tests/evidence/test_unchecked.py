"""A source without a readable copy gets one warning naming every cell it leaves unchecked:
quotes, and the dates, places, victims, identifying details and quoted words of the rows
citing it. Every name here is invented."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from sanctions.check.validate import validate
from sanctions.rules.finding import Finding
from tests import workbooks
from tests.workbooks import cell


def unchecked(path: Path) -> list[Finding]:
    return [f for f in validate(path).findings if f.code == "quote.unchecked"]


def test_a_source_without_a_copy_names_every_cell_it_leaves_unchecked(
    build: Callable[..., Path],
) -> None:
    rows = workbooks.valid_rows()
    del rows["evidence"][0]["file"]  # the report is known only by its url
    [found] = unchecked(build(rows))
    assert found.severity == "warning"
    assert (found.sheet, found.cell) == ("evidence", cell("evidence", "file", 0))  # one remedy
    # the persons' birth dates and nationalities, the first post's start, end and quote, the
    # second's start and quote (it cites E002 too, whose copy lacks it), the incident's date and
    # place, the minister's act: the victims are confidential, never looked for
    shown = [
        f"persons!{cell('persons', 'birth_date', 0)}",
        f"persons!{cell('persons', 'nationality', 0)}",
        f"persons!{cell('persons', 'birth_date', 1)}",
        f"persons!{cell('persons', 'nationality', 1)}",
        f"positions!{cell('positions', 'start_date', 0)}",
    ]
    assert (
        f"what 12 cell(s) citing E001 say could not be checked against it ({', '.join(shown)} and 7 more)"
        in found.message
    )
    assert "E001 has no local copy" in found.message


def test_a_source_cited_only_for_a_birth_date_is_named(build: Callable[..., Path]) -> None:
    """Before, a source without a copy was warned of only through the quotes citing it: one
    cited for a person's identity alone left the birth date and nationality unchecked in
    silence."""
    rows = workbooks.valid_rows()
    rows["evidence"].append(
        {"evidence_id": "E003", "title": "Register extract", "kind": "official_record",
         "url": "https://example.org/register", "confidential": "no"}
    )  # fmt: skip
    rows["persons"][1]["identity_evidence_ids"] = "E003"
    [found] = unchecked(build(rows))
    assert found.cell == cell("evidence", "file", 2)
    assert (
        f"2 cell(s) citing E003 say could not be checked against it (persons!{cell('persons', 'birth_date', 1)}, persons!{cell('persons', 'nationality', 1)})"
        in found.message
    )


def test_what_is_not_looked_for_is_not_named(build: Callable[..., Path]) -> None:
    """A confidential victim's name is never looked for, nor prose without quotation marks:
    a source's missing copy leaves nothing of theirs unchecked."""
    rows = workbooks.valid_rows()
    rows["evidence"].append(
        {"evidence_id": "E003", "title": "Interview record", "kind": "testimony",
         "url": "https://example.org/interview", "confidential": "no"}
    )  # fmt: skip
    incident = rows["incidents"][0]
    incident.update(evidence_ids="E003", date=None, place=None)
    incident["victims_confidential"] = "yes"
    assert unchecked(build(rows)) == []
    incident["summary"] = "Police detained peaceful protesters, “beating them with batons”."
    [found] = unchecked(build(rows))
    assert f"(incidents!{cell('incidents', 'summary', 0)})" in found.message


def test_a_copy_known_through_another_is_read_there(build: Callable[..., Path]) -> None:
    """A source known only through another's copy is read in that copy: nothing unchecked."""
    rows = workbooks.valid_rows()
    workbooks.known_through(rows)
    rows["persons"][1]["identity_evidence_ids"] = "E003"
    assert unchecked(build(rows)) == []
