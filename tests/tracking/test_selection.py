"""Who a government's package names (tracking/selection): one decision, which the packages, their
notes, the review report, the status grid and the gap matrix all read. Every name is invented."""

from __future__ import annotations

from pathlib import Path

from sanctions.check.validate import validate
from sanctions.governments.registry import get
from sanctions.model.rows import Rows
from sanctions.model.targets import load_targets
from sanctions.tracking.history import histories
from sanctions.tracking.screening import Screening
from sanctions.tracking.selection import proposed_by, select
from tests import workbooks


def read(tmp_path: Path, rows: workbooks.Rows):  # type: ignore[no-untyped-def]
    table = Rows.of(validate(workbooks.write(tmp_path / "b.xlsx", rows)))
    return load_targets(table), histories(table.submissions)


def test_a_designation_the_submissions_sheet_records_is_proposed_nowhere_else_either(
    tmp_path: Path,
) -> None:
    """The United Kingdom designated P001, as the submissions sheet records: its package does
    not propose him again, and neither does the gap matrix or the status grid say it does."""
    rows = workbooks.valid_rows()
    rows["submissions"] = [
        {"person_id": "P001", "jurisdiction": "gb", "status": "designated", "date": "2025-02-01"}
    ]
    targets, steps = read(tmp_path, rows)
    chosen = select(targets, get("gb"), None, steps)
    assert [t.person_id for t, _ in chosen.recorded] == ["P001"]
    assert "P001" not in [t.person_id for t, _ in chosen.inside]
    proposed = proposed_by(targets, None, steps)
    assert "gb" not in proposed["P001"] and "us" in proposed["P001"]


def test_a_follower_is_proposed_to_once_the_followed_governments_stand_is_known(
    tmp_path: Path,
) -> None:
    targets, steps = read(tmp_path, workbooks.valid_rows())
    unscreened = proposed_by(targets, None, steps)
    assert all("ch" not in codes for codes in unscreened.values())
    assert [t.person_id for t, _ in select(targets, get("ch"), None, steps).unsettled]
    screened = Screening("testland", "", 0.7, [{"source": "sanctions.ftm.json"}], [])
    assert any("ch" in codes for codes in proposed_by(targets, screened, steps).values())
