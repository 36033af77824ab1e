"""Who the public list shows: one rule, which the public page follows and the review report
explains to the editors (they stand side by side and meet here, below both).

A proposed person is shown when some government's criteria reach their case as the sources
show it (the persons sheet may limit them to some governments), and when some act of theirs
rests on a public source: not one marked confidential, nor one that tells what was done to the
person themselves (a document about their own arrest is no source against them).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from sanctions.governments.registry import load
from sanctions.governments.scope import scope
from sanctions.model.targets import Evidence, Target

NO_GOVERNMENT = "no government's criteria reach the case as the sources show it"
NOT_READY = (
    "the case is ready for no government: the sources do not show all that those whose "
    "criteria would reach it ask (the person's page says what)"
)
NO_PUBLIC_CONDUCT = "none of their acts rests on a public source"


def citable(
    ids: Iterable[str], evidence: Mapping[str, Evidence], against: set[str] | None = None
) -> list[str]:
    """The sources of a claim the public list may cite, each once: known, not confidential,
    and not among ``against`` (the documents in which the person is the victim)."""
    public = (
        e
        for e in ids
        if e in evidence and not evidence[e].confidential and e not in (against or set())
    )
    return list(dict.fromkeys(public))


def victims_own(target: Target, victim_of: Mapping[str, set[str]]) -> set[str]:
    """The documents that tell what was done to the person (by any of their names)."""
    names = (target.name, *target.aliases)
    return set().union(*(victim_of.get(n.casefold(), set()) for n in names))


def left_off(
    target: Target, evidence: Mapping[str, Evidence], victim_of: Mapping[str, set[str]]
) -> str | None:
    """Why a proposed person is not on the public list, or None when they are on it."""
    scopes = [
        scope(j, target)
        for code, j in load().items()
        if not target.jurisdictions or code in target.jurisdictions
    ]
    if not any(found.in_scope for found in scopes):
        return NOT_READY if any(found.not_ready for found in scopes) else NO_GOVERNMENT
    own = victims_own(target, victim_of)
    acts = target.as_published().own_acts  # not an act whose date only confidential sources give
    if not any(act.publishable and citable(act.evidence, evidence, own) for act in acts):
        return NO_PUBLIC_CONDUCT
    return None
