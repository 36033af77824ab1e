"""What was already sent: each target's steps with each government, from the submissions sheet.

Packages use it to say that a target is a resubmission (when it was first submitted, under which
reference, and whether evidence has been published since), and ``sanctions status`` to show the
target × government grid.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import TypeVar

from sanctions.common import dates
from sanctions.model.rows import SubmissionRow
from sanctions.model.targets import Evidence, Target

S = TypeVar("S")  # what travels with each target (a government's scope)

# The order of steps of one day: a submission comes before what answers it.
STEP_ORDER = ("planned", "submitted", "acknowledged", "designated", "rejected", "withdrawn")


@dataclass(frozen=True)
class Step:
    status: str
    date: str | None
    reference: str | None
    notes: str | None
    row: int


@dataclass(frozen=True)
class History:
    """One target's steps with one government, oldest first."""

    steps: tuple[Step, ...]

    @property
    def latest(self) -> Step:
        return self.steps[-1]

    @property
    def first_submission(self) -> Step | None:
        return next((s for s in self.steps if s.status == "submitted"), None)

    @property
    def last_submission(self) -> Step | None:
        return next((s for s in reversed(self.steps) if s.status == "submitted"), None)

    @property
    def designated(self) -> Step | None:
        """The designation, unless a later step (a delisting is recorded as withdrawn) undoes it."""
        return self.latest if self.latest.status == "designated" else None


Histories = dict[tuple[str, str], History]


def _ordered(steps: Sequence[Step]) -> tuple[Step, ...]:
    """Steps by date; an undated step stays where the editor put it, after the dated step above
    it in the sheet (it sorts on that step's date); on one day, a submission before its answer."""
    keys = []
    carried = ""
    for step in sorted(steps, key=lambda s: s.row):
        carried = dates.first_day(step.date) if step.date else carried
        undated = step.date is None
        keys.append(((carried, undated, STEP_ORDER.index(step.status), step.row), step))
    return tuple(step for _, step in sorted(keys, key=lambda pair: pair[0]))


def histories(rows: Iterable[SubmissionRow]) -> Histories:
    """(person_id, jurisdiction code) -> History."""
    found: dict[tuple[str, str], list[Step]] = {}
    for row in rows:
        step = Step(row.status, row.date, row.reference, row.notes, row.row)
        found.setdefault((row.person_id, row.jurisdiction), []).append(step)
    return {key: History(_ordered(steps)) for key, steps in found.items()}


def new_evidence(target: Target, evidence: dict[str, Evidence], since: str | None) -> list[str]:
    """The evidence cited for the target that was published after ``since`` (a submission's
    date): what makes a resubmission one "with new evidence". Undated items do not count."""
    if since is None:
        return []
    after = dates.last_day(since)
    return sorted(
        i
        for i in set(target.evidence)
        if i in evidence
        and (published := evidence[i].published) is not None
        and dates.first_day(published) > after
    )


def resubmission_note(
    target: Target,
    history: History | None,
    evidence: dict[str, Evidence],
    in_words: Sequence[str] = (),
) -> str | None:
    """ "Resubmission (first submitted 2 March 2026, reference X), with new evidence" for a target
    already submitted to this government; None for a first submission. ``in_words``: the first
    submission's date as the document writes it, when the caller has it in its locale."""
    if history is None or history.first_submission is None:
        return None
    first = history.first_submission
    when = (in_words[0] if in_words else first.date) if first.date else None
    said = [f"first submitted {when}" if when else "submitted before"]
    if first.reference:
        said.append(f"reference {first.reference}")
    last = history.last_submission
    fresh = new_evidence(target, evidence, last.date if last else None)
    tail = ", with new evidence" if fresh else ""
    return f"Resubmission ({', '.join(said)}){tail}"


def recorded_designations(
    inside: Sequence[tuple[Target, S]], histories: Histories, code: str
) -> tuple[list[tuple[Target, S]], list[tuple[Target, Step]]]:
    """Split ``inside`` (targets with their scope) into those to propose and those the
    submissions sheet records as designated by this government: not proposed to it again,
    whatever screening finds."""
    keep, recorded = [], []
    for target, found in inside:
        history = histories.get((target.person_id, code))
        step = history.designated if history is not None else None
        if step is None:
            keep.append((target, found))
        else:
            recorded.append((target, step))
    return keep, recorded
