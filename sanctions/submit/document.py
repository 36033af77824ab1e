"""The Word submission of one package, rendered from templates/submission.docx.

The template holds the wording (an editor can change it in Word); this module gives it, per
target, the identification, posts and conduct with numbered evidence references, the criteria
the conduct meets, and the designations by other governments found by screening.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from docxtpl import DocxTemplate

from sanctions.common.data import templates_dir
from sanctions.common.writers import normalise_zip
from sanctions.governments.jurisdictions import ORDER, Jurisdiction, Scope
from sanctions.governments.screening import Screening
from sanctions.model.targets import Evidence, Target
from sanctions.submit.designations import (
    allied,
    allies_found,
    designations_elsewhere,
    screening_note,
)
from sanctions.submit.formats import nationalities


def template_path() -> Path:
    return templates_dir() / "submission.docx"


def cites(ids: Iterable[str], evidence: dict[str, Evidence]) -> str:
    numbers = sorted({evidence[i].number for i in ids if i in evidence})
    return f"[{', '.join(str(n) for n in numbers)}]" if numbers else ""


def _target_context(
    target: Target, found: Scope, number: int, evidence: dict[str, Evidence], code: str
) -> dict[str, Any]:
    return {
        "number": number,
        "name": target.name,
        "surname": target.surname,
        "given": target.given,
        "aliases": "; ".join(target.aliases),
        "original_names": "; ".join(target.name_original),
        "birth_date": target.birth_date,
        "birth_place": target.birth_place,
        "nationality": nationalities(target),
        "gender": target.gender,
        "id_numbers": "; ".join(target.id_numbers),
        "posts": [
            {
                "title": p.title,
                "org": p.org,
                "dates": p.dates,
                "cites": cites(p.evidence, evidence),
                "confidential": not p.publishable,
            }
            for p in target.posts
        ],
        "acts": [
            {
                "incident": a.incident,
                "date": a.date,
                "place": a.place,
                "role": a.role.replace("_", " "),
                "description": a.description,
                "cites": cites(a.evidence, evidence),
                "confidential": not a.publishable,
                "victims_confidential": a.victims_confidential,
            }
            for a in target.acts
        ],
        "criteria": [{"id": c.id, "text": c.text} for c in found.criteria],
        "covered": ", ".join(sorted(v.replace("_", " ") for v in found.covered)),
        "uncovered": ", ".join(sorted(v.replace("_", " ") for v in found.uncovered)),
        "exculpatory": target.exculpatory,
        "ties": "; ".join(target.ties_to(code, ORDER)) or None,
    }


def render_submission(
    path: Path,
    jurisdiction: Jurisdiction,
    inside: Sequence[tuple[Target, Scope]],
    outside: Sequence[tuple[Target, Scope]],
    cited: Sequence[Evidence],
    evidence: dict[str, Evidence],
    submitter: dict[str, str],
    screening: Screening | None,
) -> None:
    """``inside``: the targets in scope, with their scope; ``cited``: the evidence they cite."""
    used = {found.regime.id for _, found in inside if found.regime is not None}
    document = DocxTemplate(str(template_path()))
    document.render(
        {
            "jurisdiction": jurisdiction,
            "regimes": [r for r in jurisdiction.regimes if r.id in used]
            or list(jurisdiction.regimes[:1]),
            "allies_note": jurisdiction.allies_note
            if allies_found(screening, inside, jurisdiction)
            else "",
            "submitter": submitter,
            "targets": [
                {
                    **_target_context(t, s, n, evidence, jurisdiction.code),
                    "designations": found,
                    "designations_note": screening_note(screening, found),
                }
                for n, (t, s) in enumerate(inside, start=1)
                for found in [designations_elsewhere(screening, t, jurisdiction)]
            ],
            "allied": allied(screening, inside, jurisdiction),
            "out_of_scope": [
                {
                    "name": t.name,
                    "conduct": ", ".join(sorted(v.replace("_", " ") for v in t.violation_types)),
                }
                for t, _ in outside
            ],
            "evidence": cited,
            "confidential": confidential_items(inside, cited),
        },
        autoescape=True,
    )
    document.save(str(path))
    normalise_zip(path)


def confidential_items(
    inside: Sequence[tuple[Target, Scope]], cited: Sequence[Evidence]
) -> list[str]:
    """The confidentiality page: every confidential incident, victim and evidence item."""
    lines: dict[str, None] = {}
    for target, _ in inside:
        for post in target.posts:
            if not post.publishable:
                lines[f"Post resting on confidential evidence: {post.title}, {post.org}"] = None
        for act in target.acts:
            if act.confidential:
                lines[f"Incident: {act.incident} ({act.date})"] = None
            elif not act.publishable:
                lines[f"Conduct resting on confidential evidence: {act.incident} ({act.date})"] = (
                    None
                )
            if act.victims_confidential:
                names = "; ".join(act.victims) or "not named in this submission"
                lines[f"Victims of {act.incident} ({act.date}), not to be identified: {names}"] = (
                    None
                )
    for e in cited:
        if e.confidential:
            lines[f"Evidence [{e.number}] {e.title}"] = None
    return list(lines)
