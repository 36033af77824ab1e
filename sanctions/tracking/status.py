"""The target × government grid: what the submissions sheet records, beside what screening found.

A cell says the latest recorded step (planned, submitted, acknowledged, designated, rejected,
withdrawn) and, where screening ran, whether that government lists the person. Where the two
disagree the cell says so: a designation screening found that the sheet does not record (update
the sheet), or one the sheet records that screening did not find (check the listing, or screen
again).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from sanctions.check.validate import validated
from sanctions.common.places import list_folder
from sanctions.governments.registry import codes
from sanctions.model.rows import PersonRow, Rows
from sanctions.model.targets import load_targets
from sanctions.tracking.gaps import Cell, designations
from sanctions.tracking.history import Histories, History, histories
from sanctions.tracking.screening import Screening, screening_of
from sanctions.tracking.selection import proposed_by

NOT_RECORDED = "designated according to screening, not recorded in the submissions sheet"
NOT_FOUND = "recorded as designated, not found by screening"


@dataclass(frozen=True)
class StatusCell:
    history: History | None
    screened: Cell | None  # that government's listing found by screening
    screening_ran: bool
    proposed: bool  # this workbook's package for that government carries the person

    @property
    def recorded(self) -> str:
        """The latest recorded step, with its date: ``submitted 2026-03-02``."""
        if self.history is None:
            return ""
        step = self.history.latest
        return f"{step.status} {step.date}" if step.date else step.status

    @property
    def confident(self) -> bool:
        """Screening found a listing by a match strong enough to be the same person."""
        return self.screened is not None and self.screened.confident

    @property
    def disagreement(self) -> str:
        """Where the sheet and screening disagree about a target sent to this government."""
        if self.history is None:
            return ""  # never sent there: a listing found is news, not a contradiction
        recorded = self.history.designated is not None
        if self.confident and not recorded:
            return NOT_RECORDED
        if recorded and self.screening_ran and self.screened is None:
            return NOT_FOUND
        return ""

    @property
    def short(self) -> str:
        """For a grid: the recorded step, or what screening or this workbook says."""
        text = self.recorded
        if not text and self.screened is not None:
            maybe = "" if self.confident else "possibly "
            text = f"{maybe}designated {self.screened.date}".strip()
        if not text and self.proposed:
            text = "to propose"
        return f"{text} (!)" if self.disagreement else text

    @property
    def reference(self) -> str:
        first = self.history.first_submission if self.history is not None else None
        return first.reference or "" if first is not None else ""


@dataclass(frozen=True)
class StatusRow:
    person_id: str
    name: str
    person_status: str
    cells: dict[str, StatusCell]


def status_grid(
    persons: Iterable[PersonRow],
    histories: Histories,
    screening: Screening | None,
    proposed: dict[str, set[str]],
) -> list[StatusRow]:
    """One row per person that is proposed, has a recorded step, or is found designated; in
    the workbook's order."""
    found = {p.person_id: designations(p) for p in screening.persons} if screening else {}
    rows = []
    for person in persons:
        pid = person.person_id
        cells = {
            code: StatusCell(
                histories.get((pid, code)),
                found.get(pid, {}).get(code),
                screening is not None,
                code in proposed.get(pid, set()),
            )
            for code in codes()
        }
        listed = any(c.history or c.screened for c in cells.values())
        if person.status == "proposed" or listed:
            rows.append(StatusRow(pid, person.name, person.status or "", cells))
    return rows


@dataclass
class StatusReport:
    """`sanctions status` for one list: the grid, and what the editor should know about the
    screening it was drawn with."""

    workbook: Path
    folder: Path  # the list's output folder, where its screening is
    grid: list[StatusRow]
    notes: list[str]  # said on the terminal, before the grid
    warnings: list[str]


def status_of(workbook: Path, exports: Path) -> StatusReport:
    """The grid of one workbook, validated (Refused with its errors), beside the latest
    screening in ``exports/<list>/``."""
    rows = Rows.of(validated(workbook))
    folder = list_folder(workbook, exports)
    screening, stale = screening_of(workbook, folder)
    notes = (
        []
        if screening
        else [
            f"{workbook.name} has not been screened (no screening in {folder}); run `sanctions "
            "screen`, or give --out with the folder you screened into"
        ]
    )
    grid = status_grid(
        rows.persons,
        histories(rows.submissions),
        screening,
        proposed_by(load_targets(rows), screening, histories(rows.submissions)),
    )
    return StatusReport(workbook, folder, grid, notes, [stale] if stale else [])
