"""Where the followed government stands, for a government that implements another's listings
(``follows`` in its file: Switzerland takes over the European Union's sanctions).

Such a letter asks the government to implement what the other has done, so for each person it
says what is known of the other's listing: found by screening (to be confirmed against the
official list), recorded on the submissions sheet, or proposed to it by the same list, each
said as what it is and never more.
"""

from __future__ import annotations

from collections.abc import Sequence

from sanctions.common import dates
from sanctions.common.spelling import spelled
from sanctions.governments.registry import get
from sanctions.governments.schema import Jurisdiction
from sanctions.governments.scope import Scope
from sanctions.model.targets import Target
from sanctions.tracking.designations import designations_elsewhere, sources_label
from sanctions.tracking.history import Histories
from sanctions.tracking.screening import Screening

# The latest step the submissions sheet records with the followed government, in words.
STEPS = {
    "planned": "The submitting organisation plans to submit this person to {other}",
    "submitted": "The submitting organisation submitted this person to {other}",
    "acknowledged": "{name} acknowledged the submitting organisation's submission",
    "designated": "{name} listed this person",
    "rejected": "{name} declined the listing proposed by the submitting organisation",
    "withdrawn": "The submitting organisation withdrew its submission to {other}",
}


def followed_status(
    jurisdiction: Jurisdiction,
    inside: Sequence[tuple[Target, Scope]],
    screening: Screening | None,
    histories: Histories,
) -> dict[str, list[str]]:
    """person_id -> what the letter says of the followed government's listing; empty for a
    government that follows none."""
    if jurisdiction.follows is None:
        return {}
    other = get(jurisdiction.follows)
    return {
        target.person_id: _lines(jurisdiction, other, target, screening, histories)
        for target, _ in inside
    }


def _lines(
    jurisdiction: Jurisdiction,
    other: Jurisdiction,
    target: Target,
    screening: Screening | None,
    histories: Histories,
) -> list[str]:
    name = other.prose_name[:1].upper() + other.prose_name[1:]
    locale = jurisdiction.locale
    listed = [
        d
        for d in designations_elsewhere(screening, target, jurisdiction)
        if d["code"] == other.code
    ]
    lines = [
        f"{name} has listed this person: {d['program'] or spelled('programme not stated', locale)}"
        + (f", listed {dates.in_words(d['date'], locale)}" if d["date"] else "")
        + f" (found by screening against {sources_label(screening)}: record {d['ref_id']}, "
        f"score {d['score']})."
        for d in listed
        if screening is not None
    ]
    history = histories.get((target.person_id, other.code))
    if history is not None:
        step = history.latest
        when = f" on {dates.in_words(step.date, locale)}" if step.date else ""
        reference = f" (reference {step.reference})" if step.reference else ""
        said = spelled(STEPS[step.status], locale).format(name=name, other=other.prose_name)
        records = spelled("as the submitting organisation's records show", locale)
        lines.append(f"{said}{when}{reference}, {records}.")
    if listed or (history is not None and history.designated is not None):
        return lines
    if screening is None:  # the submissions sheet records the other's decision: said above
        return lines
    said = f"{name} has not listed this person, as far as screening against "
    said += f"{sources_label(screening)} found."
    return [said, *lines]
