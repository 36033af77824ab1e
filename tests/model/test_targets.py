"""Targets and evidence as documents cite them (sanctions/model/targets.py). Every name is
invented."""

from __future__ import annotations

import pytest

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


@pytest.mark.parametrize("processes", ["1", "2"])
def test_rows_judged_ahead_on_both_cores_publish_what_each_judged_alone_would(
    build, monkeypatch, processes
) -> None:
    """The export judges what the public outputs may give of each row ahead, the rows shared by
    two cores (``judge_published``): each output then gives what judging the row alone gives,
    a birth date and a place only as far as the public report states them."""
    from sanctions.common.beside import PROCESSES_ENV
    from sanctions.evidence.holding import Holding
    from sanctions.model.rows import Rows
    from sanctions.model.targets import judge_published, load_targets, public_values

    monkeypatch.setenv(PROCESSES_ENV, processes)
    rows = workbooks.valid_rows()
    workbooks.with_unread_interview(rows)
    rows["persons"][1].update(birth_date="1981-04-02", identity_evidence_ids="E001; E003")
    rows["incidents"][0].update(place="Example City; Hidden Town", evidence_ids="E001; E003")
    book = build(rows)
    read = Rows.of(validate(book))
    secret = {"E003"}
    ahead, alone = Holding.of(read.evidence, book), Holding.of(read.evidence, book)
    judge_published(read, ahead)
    judged = [key for key in ahead.worked if isinstance(key, tuple) and key[0] == "public"]
    assert len(judged) == 2  # the person and the incident: the only rows citing E003
    for sheet in ("persons", "positions", "incidents", "involvement"):
        for row in getattr(read, sheet):
            assert public_values(sheet, row, secret, ahead) == public_values(
                sheet, row, secret, alone
            )
    assert public_values("persons", read.persons[1], secret, ahead) == {"birth_date": "1981"}
    # every output's targets are judged by their rows: the judgement made ahead serves them
    before = set(ahead.worked)
    shown = [t.as_published() for t in load_targets(read, holding=ahead)]
    assert [t.birth_date for t in shown] == ["1970-05-01", "1981"]
    assert not [k for k in set(ahead.worked) - before if k[0] == "public"]
    assert public_values("incidents", read.incidents[0], secret, ahead) == {"place": "Example City"}
