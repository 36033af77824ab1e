"""internal/notes.txt: for the submitter, never sent to the authority: what the regime does not cover, what to
check before filing, and the existing designations to confirm."""

from __future__ import annotations

from collections.abc import Sequence

from sanctions.governments.fields import PRINTS_POSITION
from sanctions.governments.reasons import reasons
from sanctions.governments.registry import get
from sanctions.governments.schema import Jurisdiction
from sanctions.governments.scope import Scope
from sanctions.model.targets import Target
from sanctions.tracking.designations import Listed, designations_elsewhere, sources_label
from sanctions.tracking.gaps import Cell
from sanctions.tracking.history import History, Step
from sanctions.tracking.screening import Screening


def notes_text(
    jurisdiction: Jurisdiction,
    inside: Sequence[tuple[Target, Scope]],
    outside: Sequence[tuple[Target, Scope]],
    screening: Screening | None,
    designated: Listed = (),
    possible: Listed = (),
    missing: Sequence[str] = (),
    resubmitted: Sequence[tuple[Target, str]] = (),
    recorded: Sequence[tuple[Target, Step]] = (),
    to_check: Sequence[str] = (),
    earlier: Sequence[tuple[str, History]] = (),
    unsettled: Sequence[tuple[Target, Scope]] = (),
) -> str:
    """``earlier``: every person's steps with this government on the submissions sheet (name,
    history), whatever this package holds; ``missing``: what the document shows as a placeholder, to complete before filing;
    ``to_check``: what to settle before filing that the document does not show in brackets;
    ``resubmitted``: targets sent to this government before, with what the summary says;
    ``recorded``: targets the submissions sheet records as designated by it; ``unsettled``:
    targets held back until it is known where the government it follows stands."""
    return (
        _scope_notes(jurisdiction, inside, outside, missing, to_check, unsettled)
        + _history_notes(jurisdiction, resubmitted, recorded)
        + _earlier_notes(jurisdiction, earlier)
        + _own_designation_notes(jurisdiction, designated, possible)
        + _designation_notes(screening, jurisdiction, inside)
    )


def _history_notes(
    jurisdiction: Jurisdiction,
    resubmitted: Sequence[tuple[Target, str]],
    recorded: Sequence[tuple[Target, Step]],
) -> str:
    """What the submissions sheet says was sent before, and what came of it."""
    lines: list[str] = []
    if recorded:
        lines += [
            "",
            f"Recorded as designated by {jurisdiction.prose_name}, so not proposed again:",
        ]
        lines += [
            f"- {t.name}: designated{f' {s.date}' if s.date else ''}"
            f"{f' (reference {s.reference})' if s.reference else ''}; submissions sheet row {s.row}"
            for t, s in recorded
        ]
    if resubmitted:
        lines += ["", f"Submitted to {jurisdiction.prose_name} before (the summary table says so):"]
        lines += [f"- {t.name}: {said}" for t, said in resubmitted]
    return "\n".join(lines) + "\n" if lines else ""


def _earlier_notes(jurisdiction: Jurisdiction, earlier: Sequence[tuple[str, History]]) -> str:
    """Every step the submissions sheet records with this government, person by person."""
    if not earlier:
        return ""
    lines = ["", f"Earlier steps with {jurisdiction.prose_name} (the submissions sheet):"]
    for name, history in earlier:
        said = "; ".join(
            f"{s.status}{f' {s.date}' if s.date else ''}"
            f"{f' (reference {s.reference})' if s.reference else ''}"
            for s in history.steps
        )
        lines.append(f"- {name}: {said}")
    return "\n".join(lines) + "\n"


def _own_designation_notes(jurisdiction: Jurisdiction, designated: Listed, possible: Listed) -> str:
    """The receiving government's own listings: not proposed again, or to be confirmed."""
    lines: list[str] = []

    def line(target: Target, cell: Cell, tail: str) -> str:
        when = f", listed {cell.date}" if cell.date else ""
        score = f"{cell.score:.2f}" if cell.score is not None else "?"
        program = cell.program or "program not stated"
        return f"- {target.name}: {program}{when} (record {cell.ref_id}, score {score}){tail}"

    if designated:
        lines += ["", f"Already designated by {jurisdiction.name}, so not proposed again:"]
        lines += [line(t, c, "") for t, c in designated]
    if possible:
        lines += ["", f"Possibly designated by {jurisdiction.name} already (a weaker match):"]
        lines += [
            line(
                t,
                c,
                ": confirm; if it is the same person, remove the target"
                + (f" (in doubt: {c.doubts})" if c.doubts else ""),
            )
            for t, c in possible
        ]
    return "\n".join(lines) + "\n" if lines else ""


def _scope_notes(
    jurisdiction: Jurisdiction,
    inside: Sequence[tuple[Target, Scope]],
    outside: Sequence[tuple[Target, Scope]],
    missing: Sequence[str],
    to_check: Sequence[str] = (),
    unsettled: Sequence[tuple[Target, Scope]] = (),
) -> str:
    uncovered = [(t, found) for t, found in outside if not found.not_ready]
    unready = [(t, found) for t, found in outside if found.not_ready]
    other = get(jurisdiction.follows).prose_name if jurisdiction.follows else ""
    held = f" Held until it is known where {other} stands: {len(unsettled)}." if unsettled else ""
    lines = [
        f"{jurisdiction.name}: notes for the submitter",
        "",
        f"Targets in scope: {len(inside)}. Not covered by {jurisdiction.criteria_named}: "
        f"{len(uncovered)}. Not ready: {len(unready)}.{held}",
        "",
    ]
    if not inside and unsettled:
        lines += [
            f"Nothing goes to {jurisdiction.prose_name} yet: the request asks it to take over "
            f"{other}'s listings, and it is not known where {other} stands on anyone proposed "
            "to it (below), so this package has no send/ folder and no .zip.",
            "",
        ]
    elif not inside:
        lines += [
            f"Nothing goes to {jurisdiction.prose_name}: no person of the list is proposed to "
            "it, so this package has no send/ folder and no .zip.",
            "",
        ]
    if unsettled:
        lines.append(
            f"Not put to {jurisdiction.prose_name} until it is known where {other} stands "
            f"(the request asks it to take over {other}'s listings): screen the list "
            f"(sanctions screen) or record {other}'s decision on the submissions sheet:"
        )
        lines += [f"- {t.name}" for t, _ in unsettled]
        lines.append("")
    if missing:
        lines.append("To complete before filing:")
        lines += [f"- {item}" for item in missing]
        lines.append("")
    if uncovered:
        lines.append(
            "Not proposed (no act of the person's own is covered by "
            f"{jurisdiction.criteria_named}):"
        )
        lines += [f"- {t.name}: {found.reason}" for t, found in uncovered]
        lines.append("")
    if unready:
        lines.append(
            f"Not ready for {jurisdiction.prose_name} (nothing about them is in this package; "
            "each would be covered if the sources showed what is missing):"
        )
        lines += [f"- {t.name}: {found.reason}" for t, found in unready]
        lines.append("")
    untold = [
        f"- {t.name}: {post.title}, {post.org}"
        for t, _ in inside
        for post in t.posts
        if not post.named
    ]
    if untold:
        lines.append(
            "Posts not told as the person's (no passage quoted for them names the person; "
            "quote the source's words that do):"
        )
        lines += untold
        lines.append("")
    printed = {field for _, field in jurisdiction.list_format.columns} & PRINTS_POSITION
    unlisted = [
        f"- {t.name}: {t.position}"
        for t, _ in inside
        if printed and t.position and not t.listed_position
    ]
    if unlisted:
        lines.append(
            "Position left empty in the list row (every post is known only from someone's "
            "account, which a list would print as fact; the letter gives it, attributed):"
        )
        lines += unlisted
        lines.append("")
    unidentified = [
        f"- {t.name}: {', '.join(c.replace('_', ' ').replace('id ', 'ID ') for c in t.identity_withheld)}"
        for t, _ in inside
        if t.identity_withheld
    ]
    if unidentified:
        lines.append(
            "Identifying details left out of the list row, or given less precisely: only "
            "confidential sources state them, and a list is published; the letter gives "
            "them, marked confidential:"
        )
        lines += unidentified
        lines.append("")
    form = jurisdiction.list_format
    giving = [column for column, field in (*form.columns, *form.proposal) if field == "reasons"]
    unreasoned = [f"- {t.name}" for t, found in inside if giving and not reasons(t, found)]
    if unreasoned:
        lines.append(
            f"{giving[0]} left empty in the list row (every post and act cited rests on "
            "confidential sources, and a list's reasons may be published; write them from "
            "public sources, or agree with the authority how it will state them):"
        )
        lines += unreasoned
        lines.append("")
    relied = {ground.act.role for _, found in inside for ground in found.grounds}
    family = jurisdiction.family.relationships if jurisdiction.family is not None else ()
    relatives = any(relationship in family for t, _ in inside for relationship, _, _ in t.relations)
    under = {ground.criterion.id for _, found in inside for ground in found.grounds}
    checks = [
        c.text for c in jurisdiction.check_before_filing if c.applies(relied, relatives, under)
    ]
    if checks or to_check:
        lines.append("Check before filing:")
        lines += [f"- {item}" for item in (*to_check, *checks)]
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
                + (f"; in doubt: {d['doubts']}" if d.get("doubts") else "")
            )
    if len(lines) == 2:
        lines.append("- none found")
    return "\n".join(lines) + "\n"
