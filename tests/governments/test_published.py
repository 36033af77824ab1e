"""Who the public list shows (``governments/published``), the one rule the public page follows
and the review report explains. Every name is invented."""

from __future__ import annotations

from sanctions.check.validate import validate
from sanctions.governments.published import (
    NO_GOVERNMENT,
    NO_PUBLIC_CONDUCT,
    NOT_READY,
    left_off,
)
from sanctions.model.rows import Rows
from sanctions.model.targets import load_evidence, load_targets, victim_evidence
from tests import workbooks


def reasons(build, rows: workbooks.Rows) -> dict[str, str | None]:
    result = validate(build(rows))
    table = Rows.of(result)
    evidence, victims = load_evidence(table), victim_evidence(table)
    return {t.person_id: left_off(t, evidence, victims) for t in load_targets(table)}


def test_a_proposed_person_with_a_public_source_for_an_act_is_shown(build) -> None:
    assert reasons(build, workbooks.valid_rows()) == {"P001": None, "P002": None}


def test_a_person_whose_acts_rest_only_on_confidential_sources_is_left_off(build) -> None:
    rows = workbooks.valid_rows()
    for evidence in rows["evidence"]:
        evidence["confidential"] = "yes"
    found = reasons(build, rows)
    assert set(found.values()) <= {NO_PUBLIC_CONDUCT, NO_GOVERNMENT} and NO_PUBLIC_CONDUCT in (
        found.values()
    )


def test_a_person_no_governments_law_reaches_is_left_off(build) -> None:
    rows = workbooks.valid_rows()
    for act in rows["involvement"]:
        if act["person_id"] == "P002":
            act["role"] = "listed"  # a report only names her: no government's law reaches that
    assert reasons(build, rows) == {"P001": None, "P002": NO_GOVERNMENT}


def test_a_person_whose_case_is_ready_nowhere_is_left_off_as_not_ready(build) -> None:
    """Not "no government's criteria reach the case": they would, were the victims named, and
    the editor is told what the sources lack, not that the law does not reach it."""
    rows = workbooks.valid_rows()
    for incident in rows["incidents"]:
        incident.update(victims="", victims_confidential="no")
    found = reasons(build, rows)
    assert set(found.values()) == {NOT_READY}
