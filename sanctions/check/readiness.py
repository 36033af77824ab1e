"""Whether each proposed person's case is ready for each government, as its packages will judge
it: the same collective-mention test (sanctions/model/collective.py), the same scope rule and the
same case-strength test (sanctions/governments/), run at every validate so that an editor learns
what a case lacks before exporting.

These rules run on a workbook without errors only: a case is judged on rows that read.
"""

from __future__ import annotations

from collections.abc import Iterator

from sanctions.governments.case import needs
from sanctions.governments.registry import load
from sanctions.governments.schema import Jurisdiction
from sanctions.governments.scope import scope, signature
from sanctions.model.collective import TOGETHER
from sanctions.model.rows import Rows
from sanctions.model.targets import Target, load_targets
from sanctions.rules.finding import Finding
from sanctions.workbook.sheets import Sheets, SheetsRule


def _targets(sheets: Sheets) -> list[Target]:
    """The proposed persons, built once for both rules."""
    return sheets.derived("_targets", lambda s: load_targets(Rows.of(s)))


def _collective_only(target: Target) -> bool:
    """Every act of the person rests on passages about several persons together."""
    return bool(target.acts) and all(act.collective for act in target.acts)


def _collective(sheets: Sheets) -> Iterator[Finding]:
    for target in _targets(sheets):
        if _collective_only(target):
            incidents = sorted({act.incident_id for act in target.acts})
            yield sheets.finding(
                COLLECTIVE_ONLY,
                "persons",
                "status",
                target.row,
                target.status,
                pid=target.person_id,
                incidents=", ".join(incidents),
                together=TOGETHER,
            )


def _unnamed(sheets: Sheets) -> Iterator[Finding]:
    for target in _targets(sheets):
        for act in target.acts:
            if act.anchor.quote and not act.named and not act.collective:
                yield sheets.finding(
                    PASSAGE_UNNAMED,
                    "involvement",
                    "quote",
                    act.row,
                    "; ".join(act.anchor.quote),
                    pid=target.person_id,
                    name=target.name,
                    incident=act.incident_id,
                )


def _lacking(
    target: Target, governments: dict[str, Jurisdiction]
) -> dict[tuple[str, ...], list[str]]:
    """What the target's case lacks, and for which governments."""
    lacking: dict[tuple[str, ...], list[str]] = {}
    for code, jurisdiction in governments.items():
        if target.jurisdictions and code not in target.jurisdictions:
            continue
        found = scope(jurisdiction, target)
        if found.not_ready:
            lacking.setdefault(found.missing, []).append(jurisdiction.name)
    return lacking


def _not_ready(sheets: Sheets) -> Iterator[Finding]:
    governments = load()
    judged: dict[tuple[object, ...], dict[tuple[str, ...], list[str]]] = {}
    for target in _targets(sheets):
        if _collective_only(target):
            continue  # person.collective_only says why, once
        key = signature(target)  # a list of many persons has few kinds of case
        if key not in judged:
            judged[key] = _lacking(target, governments)
        lacking = judged[key]
        if lacking:
            said = "; ".join(
                f"{', '.join(names)}: the sources do not show {needs(missing)}"
                for missing, names in lacking.items()
            )
            yield sheets.finding(
                NOT_READY,
                "persons",
                "status",
                target.row,
                target.status,
                pid=target.person_id,
                said=said,
            )


COLLECTIVE_ONLY = SheetsRule(
    "person.collective_only",
    "warning",
    "A proposed person whose every act rests on a collective mention: passages that the rows "
    "of several persons quote, or that name several listed persons together. Such a passage is "
    "context, and grounds no criterion whatever role is typed.",
    "person '{pid}' is tied to {incidents} only by passages about several persons together "
    "(quoted for {together} or more persons, or naming {together} or more listed persons): a "
    "collective "
    "mention grounds no criterion for any government, whatever the role; quote a passage on "
    "the person's own act, or keep the person at status 'research'",
    check=_collective,
)
NOT_READY = SheetsRule(
    "person.not_ready",
    "warning",
    "A proposed person whose case is not ready for some governments: no act shows all that "
    "the government's case-strength test asks for, so nothing about them goes to it.",
    "person '{pid}' is not ready for {said}; nothing about them goes to those governments until "
    "a source shows it",
    check=_not_ready,
)

PASSAGE_UNNAMED = SheetsRule(
    "act.passage_unnamed",
    "warning",
    "An act of a proposed person whose quoted passages do not name them (by a surname, in any "
    "spelling or grammatical case, alone or beside a given name or initial): the role typed on "
    "the row is the editor's reading, and a passage that does not name the person is no account "
    "of their act, so it grounds no criterion and is shown as context.",
    "no passage quoted for '{pid}' ({name}) in {incident} names them, so this act grounds no "
    "criterion for any government, whatever the role; add a passage of the source that names "
    "them (a row takes several, '; '-separated), or, if the source never does, leave the act "
    "as context",
    check=_unnamed,
)

RULES = (COLLECTIVE_ONLY, PASSAGE_UNNAMED, NOT_READY)
