"""The governments a list can be submitted to, read from jurisdictions/*.yaml.

Each file holds one government's authority, legal instruments, criteria and list format. A
target's criterion is looked up from the violation types of its incidents, so a package never
claims a regime covers conduct it does not cover. The same scope rule decides what a package
carries and what the gap matrix calls "proposed".
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from typing import Any

from sanctions.common import dates
from sanctions.common.data import jurisdictions_dir, read_yaml
from sanctions.model.targets import Act, Post, Target
from sanctions.workbook.layout import load_layout

ORDER = ("us", "gb", "eu", "ca", "ee", "lv", "lt", "au")


@dataclass(frozen=True)
class Criterion:
    id: str
    text: str
    violation_types: frozenset[str]
    roles: frozenset[str]  # the involvement roles that ground it (roles.yaml has the default)
    # The roles that ground it only with a post whose known dates overlap the incident (the
    # leader-or-official limbs): `tenure: true` in the file means every role it accepts.
    tenure: frozenset[str] = frozenset()
    label: str = ""  # a short name for tables and the reasons given; the id where none is given
    list_ground: str = ""  # the ground as the government's own list writes it (UTPĮ 133 str. 4 d.)

    @property
    def short(self) -> str:
        return self.label or self.id


@dataclass(frozen=True)
class Regime:
    id: str
    name: str
    program: str
    instrument: str
    measures: str
    criteria: tuple[Criterion, ...]
    list_name: str = ""  # the regime as the government's list names it
    list_measures: str = ""  # the measures as the list writes them


@dataclass(frozen=True)
class FamilyLimb:
    """Relatives the regime reaches through a listed person (the US §7031(c) visa limb)."""

    title: str
    text: str
    relationships: frozenset[str]


@dataclass(frozen=True)
class Argument:
    """A case the government asks the submitter to make, beyond the facts: the US national
    interest, UK appropriateness, the EU's widespread or systematic character. Filled from the
    workbook columns in ``sources`` (``person.<column>`` or ``incident.<column>``); when they
    are empty the document shows ``asks`` as a placeholder and the notes list it."""

    id: str
    title: str
    asks: str
    sources: tuple[str, ...]
    criteria: frozenset[str] = frozenset()  # only where one of these is relied on; empty: always

    def applies(self, criteria: Iterable[Criterion]) -> bool:
        return not self.criteria or any(c.id in self.criteria for c in criteria)


@dataclass(frozen=True)
class Jurisdiction:
    code: str
    name: str
    prose_name: str  # with its article where English needs one: "the United Kingdom"
    authority: str
    title: str
    language: str
    standard: str
    regimes: tuple[Regime, ...]
    allies_note: str
    allies: frozenset[str]  # the governments whose designations the allies note relies on
    paper: str  # "A4" or "letter"
    locale: str  # the documents' language tag: en-GB, or en-US for the United States
    check_before_filing: tuple[str, ...]
    family: FamilyLimb | None = None
    arguments: tuple[Argument, ...] = ()
    basis_note: str = ""  # printed under the legal basis: another route the authority may take
    recipient: str = ""  # the authority as a sentence names it ("provided to … in confidence")
    designation_countries: frozenset[str] = frozenset()
    designation_datasets: frozenset[str] = frozenset()


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


@cache
def load() -> dict[str, Jurisdiction]:
    found: dict[str, Jurisdiction] = {}
    for code in ORDER:
        raw = read_yaml(jurisdictions_dir() / f"{code}.yaml")
        regimes = tuple(
            Regime(
                id=r["id"],
                name=r["name"],
                program=r["program"],
                instrument=r["instrument"],
                measures=r.get("measures", ""),
                criteria=tuple(_criterion(c) for c in r["criteria"]),
                list_name=r.get("list_name", r["name"]),
                list_measures=r.get("list_measures", r.get("measures", "")),
            )
            for r in raw["regimes"]
        )
        found[code] = Jurisdiction(
            code=raw["code"],
            name=raw["name"],
            prose_name=raw.get("prose_name", raw["name"]),
            authority=raw["authority"],
            title=raw["title"],
            language=raw.get("language", "en"),
            standard=raw.get("standard", ""),
            regimes=regimes,
            allies_note=raw.get("allies_note", ""),
            allies=frozenset(raw.get("allies", [])),
            paper=raw.get("paper", "A4"),
            locale=raw.get("locale", "en-GB"),
            check_before_filing=tuple(raw.get("check_before_filing", [])),
            family=FamilyLimb(
                raw["family"]["title"],
                raw["family"]["text"],
                frozenset(raw["family"]["relationships"]),
            )
            if "family" in raw
            else None,
            arguments=tuple(
                Argument(
                    a["id"],
                    a["title"],
                    a["asks"],
                    tuple(a["sources"]),
                    frozenset(a.get("criteria", [])),
                )
                for a in raw.get("arguments", [])
            ),
            basis_note=raw.get("basis_note", ""),
            recipient=raw.get("recipient", raw["authority"]),
            designation_countries=frozenset(raw.get("designations", {}).get("countries", [])),
            designation_datasets=frozenset(raw.get("designations", {}).get("datasets", [])),
        )
    return found


def _criterion(raw: dict[str, Any]) -> Criterion:
    accepted = frozenset(raw.get("roles") or roles().default)
    tenure = raw.get("tenure", False)
    return Criterion(
        raw["id"],
        raw["text"],
        frozenset(raw["violation_types"]),
        accepted,
        accepted if tenure is True else frozenset(tenure or ()),
        raw.get("label", ""),
        raw.get("list_ground", ""),
    )


@dataclass(frozen=True)
class Roles:
    """jurisdictions/roles.yaml: what an act in each role reaches, and the default roles."""

    reaches: dict[str, frozenset[str]]
    default: frozenset[str]


@cache
def roles() -> Roles:
    raw = read_yaml(jurisdictions_dir() / "roles.yaml")
    every = frozenset(load_layout().vocabularies["violation_type"])
    reaches = {
        role: every if reach == "all" else frozenset(reach)
        for role, reach in raw["reaches"].items()
    }
    return Roles(reaches, frozenset(raw["default_roles"]))


def reach(act: Act) -> frozenset[str]:
    """The incident's violations that this person's act is part of, given their role."""
    return frozenset(act.violation_types) & roles().reaches.get(act.role, frozenset())


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
        return (
            f"the recorded conduct ({', '.join(reached)}) is outside the criteria of "
            f"{jurisdiction.prose_name}"
        )
    if any(act.role in c.tenure for c in criteria for act in relevant):
        return (
            "no post is shown to have been held at the time: the person's posts have no "
            "known dates that overlap the incident"
        )
    return (
        f"the recorded role ({_roles(relevant)}) grounds none of the criteria of "
        f"{jurisdiction.prose_name}"
    )


def _roles(acts: list[Act]) -> str:
    words = load_layout().vocabularies["involvement_role"]
    described = sorted({words.get(act.role, act.role).lower() for act in acts})
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


def designated_by(countries: Iterable[str], datasets: Iterable[str]) -> str | None:
    """The government whose own listing a Sanction entity is, if it is one of ours."""
    countries = set(countries)
    for code, jurisdiction in load().items():
        if countries & jurisdiction.designation_countries:
            return code
    if not countries:
        for code, jurisdiction in load().items():
            if set(datasets) & jurisdiction.designation_datasets:
                return code
    return None
