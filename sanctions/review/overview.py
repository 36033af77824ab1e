"""The front page of the review report: the list counted, and what each government's package
will carry.

The package lines are the packages' own decision (``tracking/selection``), so the reviewers
sign off what is actually sent.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from sanctions.common import dates
from sanctions.governments.published import left_off
from sanctions.governments.schema import Jurisdiction
from sanctions.model.rows import Rows
from sanctions.model.targets import Evidence, Target
from sanctions.review.sources import CHECKS, checks_of
from sanctions.tracking.history import Histories
from sanctions.tracking.screening import Screening
from sanctions.tracking.selection import select
from sanctions.workbook.layout import load_layout


def natural_key(text: str) -> tuple[tuple[int, int | str], ...]:
    """Sorts ``P2`` before ``P10``: digits by value, the rest as text."""
    return tuple(
        (0, int(part)) if part.isdecimal() else (1, part)
        for part in re.split(r"(\d+)", text)
        if part
    )


@dataclass(frozen=True)
class Tally:
    key: str
    label: str
    count: int


@dataclass(frozen=True)
class Counts:
    persons: tuple[Tally, ...]  # by status
    incidents: int
    confidential_incidents: int
    violations: tuple[Tally, ...]  # incidents by violation type (one incident may count in several)
    evidence: int
    confidential_evidence: int
    kinds: tuple[Tally, ...]
    checks: tuple[Tally, ...]


def _tallies(counted: Counter[str], vocabulary: Mapping[str, str]) -> tuple[Tally, ...]:
    """Every value that occurs, in the vocabulary's order, then any other value by name."""
    order = [k for k in vocabulary if counted[k]] + sorted(
        k for k in counted if k not in vocabulary
    )
    return tuple(Tally(k, vocabulary.get(k, k), counted[k]) for k in order)


def counts(rows: Rows, evidence: Mapping[str, Evidence]) -> Counts:
    words = load_layout().vocabularies
    statuses = Counter(p.status for p in rows.persons)
    violations = Counter(v for i in rows.incidents for v in dict.fromkeys(i.violation_types))
    kinds = Counter(e.kind for e in rows.evidence)
    checks = Counter(check for item in evidence.values() for check in checks_of(item, evidence))
    return Counts(
        persons=tuple(Tally(s, s, statuses[s]) for s in words["person_status"]),
        incidents=len(rows.incidents),
        confidential_incidents=sum(1 for i in rows.incidents if i.confidential),
        violations=_tallies(violations, words["violation_type"]),
        evidence=len(rows.evidence),
        confidential_evidence=sum(1 for e in rows.evidence if e.confidential),
        kinds=_tallies(kinds, words["evidence_kind"]),
        checks=tuple(Tally(key, label, checks[key]) for key, label in CHECKS),
    )


@dataclass(frozen=True)
class Entry:
    """A person in one of a package's lists, with why they are there."""

    person_id: str
    name: str
    page: str
    detail: str


@dataclass(frozen=True)
class Package:
    code: str
    name: str
    propose: tuple[Entry, ...]  # detail: the criteria relied on
    possible: tuple[Entry, ...]  # proposed, but screening may have found a listing
    recorded: tuple[Entry, ...]  # designated according to the submissions sheet
    designated: tuple[Entry, ...]  # designated according to screening (a confident match)
    outside: tuple[Entry, ...]  # detail: why the law does not cover them
    not_ready: tuple[Entry, ...]  # detail: what the sources do not show
    elsewhere: tuple[Entry, ...]  # the persons sheet limits them to other governments
    # held back until it is known where the government this one follows stands
    unsettled: tuple[Entry, ...] = ()


def packages(
    targets: Sequence[Target],
    jurisdictions: Mapping[str, Jurisdiction],
    histories: Histories,
    screening: Screening | None,
    pages: Mapping[str, str],
) -> tuple[Package, ...]:
    """For each government, what its package carries and what it leaves out, and why."""

    def entry(target: Target, detail: str) -> Entry:
        return Entry(target.person_id, target.name, pages[target.person_id], detail)

    def ordered(entries: Iterable[Entry]) -> tuple[Entry, ...]:
        return tuple(sorted(entries, key=lambda e: natural_key(e.person_id)))

    found = []
    for code, jurisdiction in jurisdictions.items():
        chosen = select(targets, jurisdiction, screening, histories)
        other = jurisdictions.get(jurisdiction.follows or "")
        found.append(
            Package(
                code=code,
                name=jurisdiction.name,
                propose=ordered(
                    entry(t, "; ".join(c.short for c in s.criteria)) for t, s in chosen.inside
                ),
                possible=ordered(
                    entry(
                        t,
                        f"{c.program or 'program not stated'}, screening score {c.score or 0.0:.2f}",
                    )
                    for t, c in chosen.possible
                ),
                recorded=ordered(
                    entry(
                        t,
                        f"recorded as designated {dates.in_words(s.date)}".strip()
                        if s.date
                        else "recorded as designated",
                    )
                    for t, s in chosen.recorded
                ),
                designated=ordered(
                    entry(
                        t,
                        f"{c.program or 'program not stated'}{', listed ' + c.date if c.date else ''}",
                    )
                    for t, c in chosen.designated
                ),
                outside=ordered(entry(t, s.reason) for t, s in chosen.outside if not s.not_ready),
                not_ready=ordered(entry(t, s.reason) for t, s in chosen.outside if s.not_ready),
                elsewhere=ordered(
                    entry(t, "the persons sheet limits the person to " + ", ".join(t.jurisdictions))
                    for t in chosen.elsewhere
                ),
                unsettled=ordered(
                    entry(
                        t,
                        f"the request asks {jurisdiction.prose_name} to take over "
                        f"{other.prose_name if other else 'another government'}'s listings: "
                        "screen the list, or record that government's decision on the "
                        "submissions sheet",
                    )
                    for t, _ in chosen.unsettled
                ),
            )
        )
    return tuple(found)


@dataclass(frozen=True)
class PublicList:
    """Who the public list shows of the proposed persons, and who it leaves off and why."""

    shown: tuple[Entry, ...]
    left_off: tuple[Entry, ...]  # detail: why


def public_list(
    proposed: Sequence[Target],
    evidence: Mapping[str, Evidence],
    victim_of: Mapping[str, set[str]],
    pages: Mapping[str, str],
) -> PublicList:
    """The public list as the export makes it (``governments/published``): a proposed person
    left off it is not published anywhere, which the editors should know before a release."""
    shown: list[Entry] = []
    off: list[Entry] = []
    for target in sorted(proposed, key=lambda t: natural_key(t.person_id)):
        why = left_off(target, evidence, victim_of)
        entry = Entry(target.person_id, target.name, pages[target.person_id], why or "")
        (shown if why is None else off).append(entry)
    return PublicList(tuple(shown), tuple(off))
