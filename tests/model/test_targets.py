"""Targets and evidence as documents cite them (sanctions/model/targets.py). Every name is
invented."""

from __future__ import annotations

from sanctions.check.validate import validate
from sanctions.model.targets import load_evidence
from tests import workbooks


def test_a_described_title_is_printed_marked_untitled(build) -> None:
    """In a letter, words in square brackets read as a draft's placeholders: a description the
    editor bracketed, for a document without a title of its own, is printed marked
    "(untitled)", as citation styles give one; a title as it is."""
    rows = workbooks.valid_rows()
    rows["evidence"][1]["title"] = "[Statement of a detained protester]"
    shown = {e.title: e.shown_title for e in load_evidence(validate(build(rows))).values()}
    assert shown["[Statement of a detained protester]"] == (
        "Statement of a detained protester (untitled)"
    )
    assert shown["Report on Example City"] == "Report on Example City"


def test_acts_in_one_incident_are_told_together_in_the_order_incidents_come() -> None:
    from types import SimpleNamespace

    from sanctions.model.targets import by_incident

    acts = [SimpleNamespace(incident_id=i, n=n) for n, i in enumerate(["I2", "I1", "I2", "I3"])]
    grouped = by_incident(acts, lambda act: act)  # type: ignore[arg-type,return-value]
    assert [[a.n for a in acts] for acts in grouped] == [[0, 2], [1], [3]]
