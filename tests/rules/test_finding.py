"""Findings as the text report shows them (sanctions/rules/finding.py)."""

from __future__ import annotations

from sanctions.rules.finding import Finding, cell_ranges, render_text


def _at(cell: str, value: str) -> Finding:
    return Finding(
        "error", "ref.unknown_evidence", "book.xlsx", "involvement", cell, int(cell[1:]),
        "evidence_ids", value, f"evidence '{value}' is not on the evidence sheet",
    )  # fmt: skip


def test_a_cell_with_several_findings_is_one_cell_of_the_group() -> None:
    """Two unknown IDs in E2 and one each in E3, E4 and E7: four cells, five findings."""
    found = [_at("E2", "X1"), _at("E2", "X2"), _at("E3", "X3"), _at("E4", "X4"), _at("E7", "X5")]
    (line,) = [n for n in render_text(found, 1).splitlines() if "ref.unknown_evidence" in n]
    assert line.startswith("    involvement!E2:E4, E7 (4 cells): evidence 'X1' is not on")
    assert "; and 4 more like it" in line
    assert cell_ranges(["E3", "E2", "E2"]) == "E2:E3"
