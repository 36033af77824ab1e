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

from sanctions.governments.case import ELEMENTS, missing, needs, post_at_the_time
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
    # When some act would meet a criterion but does not show all that the government's
    # case-strength test asks (governments/case.py): what it lacks. Such a target is "not
    # ready" for the government, and nothing about them goes to it.
    missing: tuple[str, ...] = ()

    @property
    def in_scope(self) -> bool:
        return self.regime is not None

    @property
    def not_ready(self) -> bool:
        return bool(self.missing)


def reach(act: Act) -> frozenset[str]:
    """The incident's violations that this person's act is part of, given their role."""
    return frozenset(act.violations) & role(act.role).reaches


def ground_of(criterion: Criterion, target: Target, act: Act) -> Ground | None:
    """Whether this act of the target's own could meet the criterion, by its role and the
    violations that role reaches; for a tenure limb, with the post held at the time (if shown).
    Whether the case is strong enough is the case-strength test's to say."""
    if act.role not in criterion.roles:
        return None
    covered = reach(act) & criterion.violation_types
    if not covered:
        return None
    post = post_at_the_time(target, act) if act.role in criterion.tenure else None
    return Ground(criterion, act, covered, post)


def grounds_in(
    regime: Regime, target: Target, asks: frozenset[str] = frozenset()
) -> tuple[list[Ground], list[tuple[Ground, tuple[str, ...]]]]:
    """For each act, the criteria of the regime it meets, in the file's order (the most direct
    limb first), each only for violations that no earlier one already covers: a perpetrator is
    not also put under the limb for those otherwise involved, but an act that reaches both a
    killing and a freedom of expression gets the limb for each. ``asks``: the case-strength
    elements the government asks for; a ground whose act lacks some is returned apart, with
    what it lacks."""
    found: list[Ground] = []
    short: list[tuple[Ground, tuple[str, ...]]] = []
    for act in target.acts:
        covered: frozenset[str] = frozenset()
        for criterion in regime.criteria:
            ground = ground_of(criterion, target, act)
            if ground is None or not ground.reach - covered:
                continue
            lacks = missing(asks | criterion.case, target, act, act.role in criterion.tenure)
            if lacks:
                short.append((ground, lacks))
                continue
            found.append(ground)
            covered |= ground.reach
    return found, short


def scope(jurisdiction: Jurisdiction, target: Target) -> Scope:
    """The first regime (in the file's order) with a criterion that some act of the target's
    own meets and shows all that the government's case-strength test asks for."""
    violations = frozenset(target.violation_types)
    lacking: list[tuple[Ground, tuple[str, ...]]] = []
    for regime in jurisdiction.regimes:
        grounds, short = grounds_in(regime, target, jurisdiction.case)
        lacking += short
        if grounds:
            criteria = tuple(dict.fromkeys(g.criterion for g in grounds))
            covered = frozenset().union(*(g.reach for g in grounds))
            return Scope(regime, criteria, covered, violations - covered, tuple(grounds))
    if lacking:
        _, fewest = min(lacking, key=lambda item: len(item[1]))
        reason = f"the sources do not show {needs(fewest)}"
        return Scope(None, (), frozenset(), violations, reason=reason, missing=fewest)
    return Scope(None, (), frozenset(), violations, reason=_why_not(jurisdiction, target))


def signature(target: Target) -> tuple[object, ...]:
    """All that ``scope`` reads of a target, bar the words it writes: the governments it is
    limited to, and for each act its role, its violations and which case-strength elements it
    shows (for a tenure limb and for any other). Two targets with one signature stand alike
    under every government, so a check over many persons judges each signature once."""
    holds = _HOLDS
    return (
        tuple(target.jurisdictions),
        tuple(
            [
                (
                    act.role,
                    frozenset(act.violations),
                    tuple([h(target, act, True) for h in holds]),
                    tuple([h(target, act, False) for h in holds]),
                )
                for act in target.acts
            ]
        ),
    )


# Each element's test, in a tuple: a list comprehension over it is twice as fast as a generator
# over the dict's values, and ``signature`` runs once per proposed person.
_HOLDS = tuple(e.holds for e in ELEMENTS.values())


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
    said = f"the recorded role ({_roles(relevant)}) grounds none of {_whose(jurisdiction)}"
    if all(role(act.role).after for act in relevant):
        # the law's words, not a gap in the list: said so, lest the editor take it for one
        said += (
            ": the person is recorded as acting only after the violation, which these "
            "criteria do not reach (a part in bringing it about is what they ask)"
        )
    return said


def _whose(jurisdiction: Jurisdiction) -> str:
    """Whose criteria these are: a government's own, or, for one that takes over another's
    listings (Switzerland), the followed regime's, which the government itself does not have."""
    if jurisdiction.follows:
        return "the criteria of the " + " or the ".join(r.name for r in jurisdiction.regimes)
    return jurisdiction.criteria_named


def _roles(acts: list[Act]) -> str:
    described = sorted({role(act.role).description.lower() for act in acts})
    return "; ".join(described)


def in_package(
    targets: Iterable[Target], jurisdiction: Jurisdiction
) -> tuple[list[tuple[Target, Scope]], list[tuple[Target, Scope]]]:
    """(targets in scope, targets the regime does not cover or whose case is not ready for it),
    skipping those restricted to other governments. Nothing about a target that is not ready
    goes to the government: the document names only those its regime does not cover."""
    inside: list[tuple[Target, Scope]] = []
    outside: list[tuple[Target, Scope]] = []
    for target in targets:
        if target.jurisdictions and jurisdiction.code not in target.jurisdictions:
            continue
        found = scope(jurisdiction, target)
        (inside if found.in_scope else outside).append((target, found))
    return inside, outside
