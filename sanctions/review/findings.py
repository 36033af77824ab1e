"""The check's findings as the review report shows them: all of them by severity on the front
page, and on each person's page those that concern the person, so that what is still weak in a
case is read beside the case itself."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from sanctions.model.rows import InvolvementRow, PositionRow, RelationRow, Rows
from sanctions.rules.finding import Finding, sort_findings

SEVERITIES = (("error", "Errors"), ("warning", "Warnings"))


@dataclass(frozen=True)
class FindingLine:
    severity: str
    location: str  # sheet!cell
    code: str
    message: str


def _line(finding: Finding) -> FindingLine:
    return FindingLine(finding.severity, finding.location, finding.code, finding.message)


def by_severity(findings: Iterable[Finding]) -> tuple[tuple[str, tuple[FindingLine, ...]], ...]:
    """(heading, findings) for errors and warnings, each in the order of the cells."""
    ordered = sort_findings(findings)
    return tuple(
        (heading, tuple(_line(f) for f in ordered if f.severity == severity))
        for severity, heading in SEVERITIES
    )


def persons_of_rows(rows: Rows) -> dict[tuple[str, int], set[str]]:
    """(sheet, Excel row) -> the persons a problem in that row weakens: the person's own rows;
    an incident's, for everyone involved in it; an evidence item's, for everyone who rests a
    claim on it (directly, or through an incident they are involved in)."""
    found: dict[tuple[str, int], set[str]] = {}
    for person in rows.persons:
        found[("persons", person.row)] = {person.person_id}
    for sheet, records in (
        ("positions", rows.positions),
        ("involvement", rows.involvement),
        ("relations", rows.relations),
        ("submissions", rows.submissions),
    ):
        for record in records:
            found.setdefault((sheet, record.row), set()).add(record.person_id)
    involved: dict[str, set[str]] = {}
    for part in rows.involvement:
        involved.setdefault(part.incident_id, set()).add(part.person_id)
    citing: dict[str, set[str]] = {}
    claims: list[PositionRow | InvolvementRow | RelationRow] = [
        *rows.positions,
        *rows.involvement,
        *rows.relations,
    ]
    for claim in claims:
        for evidence_id in claim.evidence_ids:
            citing.setdefault(evidence_id, set()).add(claim.person_id)
    for incident in rows.incidents:
        people = involved.get(incident.incident_id, set())
        found[("incidents", incident.row)] = set(people)
        for evidence_id in incident.evidence_ids:
            citing.setdefault(evidence_id, set()).update(people)
    for item in rows.evidence:
        found[("evidence", item.row)] = citing.get(item.evidence_id, set())
    return found


def by_person(findings: Iterable[Finding], rows: Rows) -> dict[str, tuple[FindingLine, ...]]:
    """person ID -> the findings that concern them, in the order of the cells."""
    persons = persons_of_rows(rows)
    out: dict[str, list[FindingLine]] = {}
    for finding in sort_findings(findings):
        if finding.sheet is None or finding.row is None:
            continue
        for person_id in sorted(persons.get((finding.sheet, finding.row), set())):
            out.setdefault(person_id, []).append(_line(finding))
    return {person_id: tuple(lines) for person_id, lines in out.items()}
