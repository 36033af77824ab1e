"""Where a target stands under one government's law: the regime and criteria that some act of
the target's own meets, and why each applies.

A target's criterion is looked up from the violation types of its incidents and the role it
played in each, so a package never claims a regime covers conduct it does not cover. The same
scope rule decides what a package carries, what the gap matrix calls "proposed" and what the
review report shows.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from sanctions.common import dates
from sanctions.governments.roles import role
from sanctions.governments.schema import Criterion, Jurisdiction, Regime
from sanctions.model.targets import Act, Post, Target


@dataclass(frozen=True)
class Ground:
    """One act of the target that meets one criterion: why the criterion applies."""

    criterion: Criterion
    act: Act
    reach: frozenset[str]  # the violations of the incident that this act is part of
    post: Post | None = None  # for a tenure limb, the post held at the time


@dataclass(frozen=True)
class Scope:
    """Where a target stands under one government's law."""

    regime: Regime | None
    criteria: tuple[Criterion, ...]
    covered: frozenset[str]  # the target's violation types the regime covers
    uncovered: frozenset[str]
    grounds: tuple[Ground, ...] = ()
    reason: str = ""  # why the target is not covered, when it is not

    @property
    def in_scope(self) -> bool:
        return self.regime is not None


def reach(act: Act) -> frozenset[str]:
    """The incident's violations that this person's act is part of, given their role."""
    return frozenset(act.violation_types) & role(act.role).reaches


def post_at_the_time(target: Target, act: Act) -> Post | None:
    """A post of the target whose known dates overlap the incident (its start date known)."""
    began = dates.first_day(act.date)
    ended = dates.last_day(act.end_date or act.date)
    for post in target.posts:
        if post.start is None:
            continue
        if dates.first_day(post.start) <= ended and (
            post.end is None or dates.last_day(post.end) >= began
        ):
            return post
    return None


def ground_of(criterion: Criterion, target: Target, act: Act) -> Ground | None:
    """Whether this act of the target's own meets the criterion: by its role, the violations
    that role reaches, and for a tenure limb a post held at the time."""
    if act.role not in criterion.roles:
        return None
    covered = reach(act) & criterion.violation_types
    if not covered:
        return None
    post = post_at_the_time(target, act) if act.role in criterion.tenure else None
    if act.role in criterion.tenure and post is None:
        return None
    return Ground(criterion, act, covered, post)


def grounds_in(regime: Regime, target: Target) -> list[Ground]:
    """For each act, the criteria of the regime it meets, in the file's order (the most direct
    limb first), each only for violations that no earlier one already covers: a perpetrator is
    not also put under the limb for those otherwise involved, but an act that reaches both a
    killing and a freedom of expression gets the limb for each."""
    found = []
    for act in target.acts:
        covered: frozenset[str] = frozenset()
        for criterion in regime.criteria:
            ground = ground_of(criterion, target, act)
            if ground is not None and ground.reach - covered:
                found.append(ground)
                covered |= ground.reach
    return found


def scope(jurisdiction: Jurisdiction, target: Target) -> Scope:
    """The first regime (in the file's order) with a criterion that some act of the target's
    own meets."""
    violations = frozenset(target.violation_types)
    for regime in jurisdiction.regimes:
        grounds = grounds_in(regime, target)
        if grounds:
            criteria = tuple(dict.fromkeys(g.criterion for g in grounds))
            covered = frozenset().union(*(g.reach for g in grounds))
            return Scope(regime, criteria, covered, violations - covered, tuple(grounds))
    return Scope(None, (), frozenset(), violations, reason=_why_not(jurisdiction, target))


def _why_not(jurisdiction: Jurisdiction, target: Target) -> str:
    """Why no criterion applies, in words for the notes and the document."""
    if not target.acts:
        return "no act is recorded"
    if not any(reach(act) for act in target.acts):
        return f"the recorded role ({_roles(target.acts)}) is no act of the person's own"
    criteria = [c for regime in jurisdiction.regimes for c in regime.criteria]
    kinds = frozenset().union(*(c.violation_types for c in criteria))
    relevant = [act for act in target.acts if reach(act) & kinds]
    if not relevant:
        reached = sorted({v.replace("_", " ") for act in target.acts for v in reach(act)})
        return f"the recorded conduct ({', '.join(reached)}) is outside {_whose(jurisdiction)}"
    if any(act.role in c.tenure for c in criteria for act in relevant):
        return (
            "no post is shown to have been held at the time: the person's posts have no "
            "known dates that overlap the incident"
        )
    return f"the recorded role ({_roles(relevant)}) grounds none of {_whose(jurisdiction)}"


def _whose(jurisdiction: Jurisdiction) -> str:
    """Whose criteria these are: a government's own, or, for one that takes over another's
    listings (Switzerland), the followed regime's, which the government itself does not have."""
    if jurisdiction.follows:
        return "the criteria of the " + " or the ".join(r.name for r in jurisdiction.regimes)
    return f"the criteria of {jurisdiction.prose_name}"


def _roles(acts: list[Act]) -> str:
    described = sorted({role(act.role).description.lower() for act in acts})
    return "; ".join(described)


def in_package(
    targets: Iterable[Target], jurisdiction: Jurisdiction
) -> tuple[list[tuple[Target, Scope]], list[tuple[Target, Scope]]]:
    """(targets in scope, targets the regime does not cover), skipping those restricted elsewhere."""
    inside: list[tuple[Target, Scope]] = []
    outside: list[tuple[Target, Scope]] = []
    for target in targets:
        if target.jurisdictions and jurisdiction.code not in target.jurisdictions:
            continue
        found = scope(jurisdiction, target)
        (inside if found.in_scope else outside).append((target, found))
    return inside, outside
