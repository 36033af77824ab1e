"""The screening report for people: each match with the sanctions that name it and, unless it
is taken as the same person, what is left to confirm; then the gap matrix."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pyarrow.compute as pc

from sanctions.governments.registry import load as jurisdictions
from sanctions.screen.reference import Reference
from sanctions.tracking.gaps import Matrix
from sanctions.tracking.gaps import render_text as render_matrix
from sanctions.tracking.screening import Screening

INDENT = " " * 8  # under a match, as its designations are
WIDTH = 100


def render(path: Path, screening: Screening, matrix: Matrix, reference: Reference) -> str:
    governments = jurisdictions()
    hit = [p for p in screening.persons if p.matches]
    names = ", ".join(Path(s["source"]).name for s in screening.sources)
    lines = [
        f"{path}: {len(screening.persons)} persons screened against {names} "
        f"({reference_counts(reference)}); "
        f"{len(hit)} with matches at or above {screening.threshold:.2f}",
        "",
    ]
    for person in hit:
        lines.append(f"{person.person_id}  {person.name}")
        for match in person.matches:
            datasets = ", ".join(match.datasets) or "no dataset named"
            lines.append(f"  {match.score:.2f}  {match.matched_name}  ({match.ref_id}; {datasets})")
            born = ", ".join(match.birth_dates) or "not given"
            countries = ", ".join(match.countries) or "not given"
            lines.append(f"        listed as born: {born}; countries: {countries}")
            for d in match.designations:
                who = governments[d.jurisdiction].name if d.jurisdiction else d.authority
                when = f", listed {d.listing_date}" if d.listing_date else ""
                ended = "" if d.active else f" [ended {d.end_date}]".replace(" ]", "]")
                authority = f" ({d.authority})" if d.authority and d.jurisdiction else ""
                lines.append(
                    f"        {who or 'authority not stated'}: "
                    f"{d.program or 'program not stated'}{when}{authority}{ended}"
                )
            if not match.designations:
                lines.append(
                    "        the data gives no listing for this record (a person of interest, "
                    "or a listing the file leaves out)"
                )
            if match.to_confirm:
                lines.extend(
                    textwrap.wrap(
                        f"to confirm: {match.to_confirm}",
                        WIDTH,
                        initial_indent=INDENT,
                        subsequent_indent=INDENT + "  ",
                    )
                )
        lines.append("")
    lines.append("Gap matrix")
    lines.append(render_matrix(screening, matrix))
    return "\n".join(lines)


def reference_counts(reference: Reference) -> str:
    """What the reference data holds that screening reads: persons, the other entities a
    person can match (companies, unknown legal entities), and the sanctions naming them."""
    persons = pc.sum(pc.equal(reference.people["schema"], "Person")).as_py() or 0
    others = len(reference) - persons
    return (
        f"{persons:,} {'person' if persons == 1 else 'persons'}, "
        f"{others:,} other {'entity' if others == 1 else 'entities'} a person could match, "
        f"{reference.sanctions.num_rows:,} sanctions"
    )
