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

from sanctions.common.data import jurisdictions_dir, read_yaml
from sanctions.model.targets import Target

ORDER = ("us", "gb", "eu", "ca", "ee", "lv", "lt", "au")


@dataclass(frozen=True)
class Criterion:
    id: str
    text: str
    violation_types: frozenset[str]


@dataclass(frozen=True)
class Regime:
    id: str
    name: str
    program: str
    instrument: str
    measures: str
    criteria: tuple[Criterion, ...]


@dataclass(frozen=True)
class FamilyLimb:
    """Relatives the regime reaches through a listed person (the US §7031(c) visa limb)."""

    title: str
    text: str
    relationships: frozenset[str]


@dataclass(frozen=True)
class Jurisdiction:
    code: str
    name: str
    prose_name: str  # with its article where English needs one: "the United Kingdom"
    authority: str
    title: str
    language: str
    standard: str
    list_format: str
    regimes: tuple[Regime, ...]
    allies_note: str
    allies: frozenset[str]  # the governments whose designations the allies note relies on
    paper: str  # "A4" or "letter"
    locale: str  # the documents' language tag: en-GB, or en-US for the United States
    check_before_filing: tuple[str, ...]
    family: FamilyLimb | None = None
    designation_countries: frozenset[str] = frozenset()
    designation_datasets: frozenset[str] = frozenset()


@dataclass(frozen=True)
class Scope:
    """Where a target stands under one government's law."""

    regime: Regime | None
    criteria: tuple[Criterion, ...]
    covered: frozenset[str]  # the target's violation types the regime covers
    uncovered: frozenset[str]

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
                criteria=tuple(
                    Criterion(c["id"], c["text"], frozenset(c["violation_types"]))
                    for c in r["criteria"]
                ),
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
            list_format=raw["list_format"],
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
            designation_countries=frozenset(raw.get("designations", {}).get("countries", [])),
            designation_datasets=frozenset(raw.get("designations", {}).get("datasets", [])),
        )
    return found


def scope(jurisdiction: Jurisdiction, violation_types: set[str]) -> Scope:
    """The first regime (in the file's order) whose criteria cover any of the conduct."""
    for regime in jurisdiction.regimes:
        criteria = tuple(c for c in regime.criteria if c.violation_types & violation_types)
        if criteria:
            covered = frozenset().union(*(c.violation_types for c in criteria)) & violation_types
            return Scope(regime, criteria, frozenset(covered), frozenset(violation_types - covered))
    return Scope(None, (), frozenset(), frozenset(violation_types))


def in_package(
    targets: Iterable[Target], jurisdiction: Jurisdiction
) -> tuple[list[tuple[Target, Scope]], list[tuple[Target, Scope]]]:
    """(targets in scope, targets the regime does not cover), skipping those restricted elsewhere."""
    inside: list[tuple[Target, Scope]] = []
    outside: list[tuple[Target, Scope]] = []
    for target in targets:
        if target.jurisdictions and jurisdiction.code not in target.jurisdictions:
            continue
        found = scope(jurisdiction, target.violation_types)
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
