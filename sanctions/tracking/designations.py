"""What a package says about existing designations, from the screening record.

A package never cites the designations of the government it goes to: it asks that government
to act, and cites what its allies have done.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from sanctions.common.writers import printable
from sanctions.governments.registry import load as known_jurisdictions
from sanctions.governments.schema import Jurisdiction
from sanctions.governments.scope import Scope
from sanctions.model.targets import Target
from sanctions.tracking.gaps import Cell, own_designation
from sanctions.tracking.screening import Screening


def designations_elsewhere(
    screening: Screening | None, target: Target, jurisdiction: Jurisdiction
) -> list[dict[str, str]]:
    """A target's active listings by governments other than the one this package goes to."""
    if screening is None:
        return []
    governments = known_jurisdictions()
    out = []
    for person in screening.persons:
        if person.person_id != target.person_id:
            continue
        for match in person.matches:
            for d in match.designations:
                if not d.active or d.jurisdiction == jurisdiction.code:
                    continue
                government = governments[d.jurisdiction].name if d.jurisdiction else d.authority
                found = {
                    "code": d.jurisdiction or "",
                    "government": government or "authority not stated",
                    "program": d.program,
                    "date": d.listing_date,
                    "authority": d.authority,
                    "ref_id": match.ref_id,
                    "matched_name": match.matched_name,
                    "score": f"{match.score:.2f}",
                    "doubts": "; ".join(match.doubts),
                }
                # Text from reference data: no control character may reach a document.
                out.append({k: printable(v) for k, v in found.items()})
    return out


def sources_label(screening: Screening) -> str:
    return ", ".join(Path(s["source"]).name or s["source"] for s in screening.sources)


def screening_note(screening: Screening | None, found: list[dict[str, str]]) -> str:
    """What a letter says of the screening under each target; nothing when the list was not
    screened (the letter then leaves the section out, and the submitter's notes say so)."""
    if screening is None:
        return ""
    if not found:
        return (
            f"None found: screened against {sources_label(screening)} "
            f"(match threshold {screening.threshold:.2f})."
        )
    return f"Found by screening against {sources_label(screening)}, with the scores shown."


def allied(
    screening: Screening | None, inside: Sequence[tuple[Target, Scope]], jurisdiction: Jurisdiction
) -> str:
    """Targets already listed by another of our governments, for the summary (the UK urgent
    procedure and Lithuania's entry bans rest on allies' designations)."""
    parts = []
    for target, _ in inside:
        found = [d for d in designations_elsewhere(screening, target, jurisdiction) if d["code"]]
        if found:
            listed = ", ".join(
                sorted({f"{d['government']}{' ' + d['date'] if d['date'] else ''}" for d in found})
            )
            parts.append(f"{target.name} ({listed})")
    return "; ".join(parts)


Listed = Sequence[tuple[Target, Cell]]


def split_designated(
    inside: Sequence[tuple[Target, Scope]], screening: Screening | None, code: str
) -> tuple[list[tuple[Target, Scope]], Listed, Listed]:
    """The targets still to propose to a government; those it has already designated (found
    by a confident match), which are not proposed again; and those it may have designated
    (a weaker match), proposed but to be confirmed by the submitter."""
    propose: list[tuple[Target, Scope]] = []
    designated: list[tuple[Target, Cell]] = []
    possible: list[tuple[Target, Cell]] = []
    for target, found in inside:
        cell = own_designation(screening, target.person_id, code)
        if cell is not None and cell.confident:
            designated.append((target, cell))
            continue
        if cell is not None:
            possible.append((target, cell))
        propose.append((target, found))
    return propose, designated, possible


def allies_found(
    screening: Screening | None, inside: Sequence[tuple[Target, Scope]], jurisdiction: Jurisdiction
) -> bool:
    """Whether screening found a designation by one of the allies the jurisdiction's allies
    note relies on (the UK urgent procedure, Lithuania's entry bans)."""
    return any(
        d["code"] in jurisdiction.allies
        for target, _ in inside
        for d in designations_elsewhere(screening, target, jurisdiction)
    )
