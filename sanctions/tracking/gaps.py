"""The gap matrix: for each target and each government, designated, proposed, or nothing yet.

"Designated" comes from a screening match at or above the threshold with an active Sanction
entity of that government; "proposed" means this workbook's package for that government
carries the person. A designation wins over a proposal: there is nothing left to ask for. A
match not confirmed as the same person (``Match.confident``) is only a possible designation:
it says so ("D?"), with what leaves it in doubt, and the proposal stays beside it, as the
packages keep proposing the person until an editor confirms the match.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import asdict, dataclass, replace
from pathlib import Path
from typing import Any

from sanctions.common.writers import write_xlsx
from sanctions.governments.registry import codes
from sanctions.tracking.screening import Screened, Screening

DESIGNATED, PROPOSED, NONE = "designated", "proposed", "none"
UNCONFIRMED = "possible designation, not confirmed"


@dataclass(frozen=True)
class Cell:
    status: str
    program: str = ""
    date: str = ""
    ref_id: str = ""
    score: float | None = None
    confident: bool = False  # the match it rests on is taken as the same person (Match.confident)
    doubts: str = ""  # what leaves that match in doubt (Match.doubts), for the submitter
    proposed: bool = False  # a possible designation: this workbook's package still proposes

    @property
    def unconfirmed(self) -> bool:
        return self.status == DESIGNATED and not self.confident

    @property
    def short(self) -> str:
        if self.unconfirmed:
            return "P, D?" if self.proposed else "D?"
        if self.status == DESIGNATED:
            return f"D {self.date[:7]}".strip()
        return "P" if self.status == PROPOSED else "-"

    @property
    def long(self) -> str:
        if self.status == DESIGNATED:
            when = f", listed {self.date}" if self.date else ""
            listing = f"{self.program or 'program not stated'}{when}"
            if not self.unconfirmed:
                return f"designated: {listing}"
            doubts = f": {self.doubts}" if self.doubts else ""
            still = "; proposed in this workbook until confirmed" if self.proposed else ""
            return f"possibly designated (a match not confirmed{doubts}): {listing}{still}"
        return PROPOSED if self.status == PROPOSED else ""


Matrix = dict[str, dict[str, Cell]]


def designations(person: Screened) -> dict[str, Cell]:
    """The earliest active listing by each of our governments among a person's matches."""
    out: dict[str, Cell] = {}
    for match in person.matches:
        for d in match.designations:
            if d.jurisdiction is None or not d.active:
                continue
            cell = Cell(
                DESIGNATED, d.program, d.listing_date, match.ref_id, match.score,
                match.confident, "; ".join(match.doubts),
            )  # fmt: skip
            held = out.get(d.jurisdiction)
            if held is None or (cell.date or "9999") < (held.date or "9999"):
                out[d.jurisdiction] = cell
    return out


def own_designation(screening: Screening | None, person_id: str, code: str) -> Cell | None:
    """The earliest active listing of a person by one government, found by screening."""
    person = screening.by_person.get(person_id) if screening is not None else None
    return designations(person).get(code) if person is not None else None


def gap_matrix(screening: Screening, proposed: dict[str, set[str]]) -> Matrix:
    matrix: Matrix = {}
    for person in screening.persons:
        found = designations(person)
        row = {}
        for code in codes():
            proposes = code in proposed.get(person.person_id, set())
            if code in found:
                row[code] = replace(found[code], proposed=proposes and not found[code].confident)
            elif proposes:
                row[code] = Cell(PROPOSED)
            else:
                row[code] = Cell(NONE)
        matrix[person.person_id] = row
    return matrix


def to_data(matrix: Matrix) -> dict[str, dict[str, dict[str, Any]]]:
    return {
        pid: {
            code: {k: v for k, v in asdict(cell).items() if v not in ("", None)}
            for code, cell in row.items()
        }
        for pid, row in matrix.items()
    }


def render_text(screening: Screening, matrix: Matrix) -> str:
    names = {p.person_id: p.name for p in screening.persons}
    width = max([len("person")] + [len(f"{pid} {names[pid]}"[:40]) for pid in matrix])
    cols = [f"{c:<10}" for c in codes()]
    lines = [f"{'person':<{width}}  {''.join(cols).rstrip()}"]
    for pid, row in matrix.items():
        label = f"{pid} {names[pid]}"[:40]
        cells = "".join(f"{row[c].short:<10}" for c in codes())
        lines.append(f"{label:<{width}}  {cells.rstrip()}")
    lines.append(
        "D = designated (month listed); D? = a possible match, not confirmed as the person, is "
        "designated (see why above); P = proposed in this workbook; - = neither"
    )
    return "\n".join(lines) + "\n"


BASE_COLUMNS = ("person_id", "name", "status")


def rows(
    screening: Screening, matrix: Matrix, public: Sequence[str] | None = None
) -> list[dict[str, str]]:
    """One row per person. Given ``public`` (the persons on the public list), only those; a
    designation found by a fuzzy match reads as unconfirmed (a public page must not state that
    a named person is sanctioned on the strength of a spelling guess), and the governments the
    list proposes to are not shown (that is the submitters' strategy, not a public fact)."""
    keep = set(public) if public is not None else None
    out = []
    for person in screening.persons:
        if keep is not None and person.person_id not in keep:
            continue
        row = {"person_id": person.person_id, "name": person.name, "status": person.status}
        for code in codes():
            cell = matrix[person.person_id][code]
            unsure = cell.unconfirmed
            row[code] = cell.long
            if keep is not None:  # public: what others did, never what this list proposes
                row[code] = UNCONFIRMED if unsure else "" if cell.status == PROPOSED else cell.long
        out.append(row)
    return out


def write_matrix_xlsx(path: Path, table: list[dict[str, str]]) -> None:
    write_xlsx(path, {"gaps": ((*BASE_COLUMNS, *codes()), table)})
