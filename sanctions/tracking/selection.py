"""Who a government's package names, and who it leaves out and why: one decision for each
person and government, which the package, its notes and the review report all read.

In order: the persons sheet may limit a person to other governments; the government's law may
not cover their acts, or the sources may not show all its case-strength test asks (not
ready); the submissions sheet may record that it has designated them, or screening may find
its listing (neither proposed again); a government that takes over another's listings
(``follows``) is put a person only once it is known where that other stands (the request rests
on its listing). Whoever is left is proposed, a weaker screening match to be confirmed. Three
readings of these rules had disagreed: the report showed a person proposed to Switzerland whom
the package held back.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Literal

from sanctions.governments.registry import load
from sanctions.governments.schema import Jurisdiction
from sanctions.governments.scope import Scope, scope
from sanctions.model.targets import Target
from sanctions.tracking.gaps import Cell, own_designation
from sanctions.tracking.history import Histories, Step
from sanctions.tracking.screening import Screening

Outcome = Literal[
    "elsewhere", "not_covered", "not_ready", "recorded", "screened", "unsettled", "proposed"
]

# The latest steps with the followed government after which its answer is known.
SETTLED = ("designated", "rejected")


@dataclass(frozen=True)
class Standing:
    """Where one person stands with one government's package, and what decided it."""

    target: Target
    outcome: Outcome
    scope: Scope | None = None  # the law's reach (None: limited to other governments)
    step: Step | None = None  # the designation the submissions sheet records ("recorded")
    # screening's match of the government's own listing: confident ("screened"), or weaker,
    # for a proposed person, to be confirmed before filing
    cell: Cell | None = None


def standing(
    target: Target,
    jurisdiction: Jurisdiction,
    screening: Screening | None,
    histories: Histories,
) -> Standing:
    """Where the person stands with the government's package (the module's rules, in order)."""
    code = jurisdiction.code
    if target.jurisdictions and code not in target.jurisdictions:
        return Standing(target, "elsewhere")
    found = scope(jurisdiction, target)
    if not found.in_scope:
        return Standing(target, "not_ready" if found.not_ready else "not_covered", found)
    history = histories.get((target.person_id, code))
    step = history.designated if history is not None else None
    if step is not None:
        return Standing(target, "recorded", found, step=step)
    cell = own_designation(screening, target.person_id, code)
    if cell is not None and cell.confident:
        return Standing(target, "screened", found, cell=cell)
    if not settled(jurisdiction, target, screening, histories):
        return Standing(target, "unsettled", found, cell=cell)
    return Standing(target, "proposed", found, cell=cell)


def settled(
    jurisdiction: Jurisdiction,
    target: Target,
    screening: Screening | None,
    histories: Histories,
) -> bool:
    """Whether it is known where the government the request asks to follow stands: the list
    was screened, or the submissions sheet records that government's decision. Always, for a
    government that follows none."""
    if jurisdiction.follows is None or screening is not None:
        return True
    history = histories.get((target.person_id, jurisdiction.follows))
    return history is not None and history.latest.status in SETTLED


@dataclass(frozen=True)
class Selection:
    """Every person's standing with one government's package, in the targets' order."""

    standings: tuple[Standing, ...]

    def _of(self, outcome: Outcome) -> list[Standing]:
        return [s for s in self.standings if s.outcome == outcome]

    @property
    def inside(self) -> list[tuple[Target, Scope]]:
        """The persons the letter names, with their scope."""
        return [(s.target, s.scope) for s in self._of("proposed") if s.scope is not None]

    @property
    def outside(self) -> list[tuple[Target, Scope]]:
        """Those the law does not cover, or whose case is not ready for it."""
        return [
            (s.target, s.scope)
            for s in self.standings
            if s.outcome in ("not_covered", "not_ready") and s.scope is not None
        ]

    @property
    def recorded(self) -> list[tuple[Target, Step]]:
        return [(s.target, s.step) for s in self._of("recorded") if s.step is not None]

    @property
    def designated(self) -> list[tuple[Target, Cell]]:
        return [(s.target, s.cell) for s in self._of("screened") if s.cell is not None]

    @property
    def possible(self) -> list[tuple[Target, Cell]]:
        """Proposed, though screening found a weaker match of the government's own listing."""
        return [(s.target, s.cell) for s in self._of("proposed") if s.cell is not None]

    @property
    def unsettled(self) -> list[tuple[Target, Scope]]:
        """Held back until it is known where the followed government stands."""
        return [(s.target, s.scope) for s in self._of("unsettled") if s.scope is not None]

    @property
    def elsewhere(self) -> list[Target]:
        return [s.target for s in self._of("elsewhere")]


def proposed_by(
    targets: Iterable[Target], screening: Screening | None, histories: Histories
) -> dict[str, set[str]]:
    """For each person, the governments whose package in this workbook proposes them."""
    targets = list(targets)
    out: dict[str, set[str]] = {}
    for code, jurisdiction in load().items():
        for target, _ in select(targets, jurisdiction, screening, histories).inside:
            out.setdefault(target.person_id, set()).add(code)
    return out


def select(
    targets: Iterable[Target],
    jurisdiction: Jurisdiction,
    screening: Screening | None,
    histories: Histories,
) -> Selection:
    """Every person's standing with the government's package."""
    return Selection(tuple(standing(t, jurisdiction, screening, histories) for t in targets))
