"""notes.txt: for the submitter, not the authority: what the regime does not cover, what to
check before filing, and the existing designations to confirm."""

from __future__ import annotations

from collections.abc import Sequence

from sanctions.governments.jurisdictions import Jurisdiction, Scope
from sanctions.governments.screening import Screening
from sanctions.model.targets import Target
from sanctions.submit.designations import designations_elsewhere, sources_label


def notes_text(
    jurisdiction: Jurisdiction,
    inside: Sequence[tuple[Target, Scope]],
    outside: Sequence[tuple[Target, Scope]],
    screening: Screening | None,
) -> str:
    return _scope_notes(jurisdiction, inside, outside) + _designation_notes(
        screening, jurisdiction, inside
    )


def _scope_notes(
    jurisdiction: Jurisdiction,
    inside: Sequence[tuple[Target, Scope]],
    outside: Sequence[tuple[Target, Scope]],
) -> str:
    lines = [
        f"{jurisdiction.name}: notes for the submitter",
        "",
        f"Targets in scope: {len(inside)}. Not covered by this government's criteria: {len(outside)}.",
        "",
    ]
    if outside:
        lines.append(
            "Out of scope (the conduct recorded is not covered by this government's criteria):"
        )
        lines += [
            f"- {t.name}: {', '.join(sorted(t.violation_types)) or 'no incidents'}"
            for t, _ in outside
        ]
        lines.append("")
    if jurisdiction.check_before_filing:
        lines.append("Check before filing:")
        lines += [f"- {item}" for item in jurisdiction.check_before_filing]
    return "\n".join(lines) + "\n"


def _designation_notes(
    screening: Screening | None,
    jurisdiction: Jurisdiction,
    inside: Sequence[tuple[Target, Scope]],
) -> str:
    """The notes.txt section listing each existing designation, to be confirmed."""
    if screening is None:
        return "\nNot screened: run `sanctions screen` to cite existing designations.\n"
    lines = ["", f"Existing designations (screened against {sources_label(screening)}):"]
    for target, _ in inside:
        for d in designations_elsewhere(screening, target, jurisdiction):
            when = f", listed {d['date']}" if d["date"] else ""
            lines.append(
                f"- {target.name}: {d['government']}, {d['program'] or 'program not stated'}{when}"
                f" (record {d['ref_id']}, score {d['score']}): confirm before filing"
            )
    if len(lines) == 2:
        lines.append("- none found")
    return "\n".join(lines) + "\n"
