"""The governments a list can be submitted to: one file each in ``jurisdictions/``, found,
checked against the schema below and read into the objects every other step uses.

A government is its file: its authority, legal instruments, criteria (the violations each
covers and the roles it accepts), what the submitter must argue, its list format and how
screening recognises its own listings. Nothing else in the code names a government, so adding
one is adding its file and removing one deleting it. A file that breaks the schema stops the
tool when it loads, with the file and the key named.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import cache

from pydantic import ValidationError

from sanctions.common.data import GovernmentFile, SpecError, government_files
from sanctions.governments.fields import FIELDS, SOURCES
from sanctions.governments.roles import roles
from sanctions.governments.schema import Jurisdiction
from sanctions.workbook.layout import load_layout


@cache
def load() -> dict[str, Jurisdiction]:
    """Every government, by code, in their order."""
    files = government_files()
    found = {f.code: _read(f) for f in files}
    for f in files:
        j = _followed(f, found[f.code], found)
        found[f.code] = j.model_copy(update={"allies": j.allies & set(found)})
        _check_references(f, found[f.code], set(found))
    return found


def _followed(f: GovernmentFile, j: Jurisdiction, found: dict[str, Jurisdiction]) -> Jurisdiction:
    """A government that follows another: its regimes take the criteria they name there."""
    if j.follows is None:
        if any(r.criteria_of for r in j.regimes):
            raise SpecError(f"{_where(f)}: regimes: criteria_of needs `follows`")
        return j
    followed = found.get(j.follows)
    if followed is None or followed.follows is not None:
        why = "has no file here" if followed is None else "follows another itself"
        raise SpecError(f"{_where(f)}: follows: {j.follows!r} {why}")
    regimes = []
    for i, regime in enumerate(j.regimes):
        if not regime.criteria_of:
            regimes.append(regime)
            continue
        source = next((r for r in followed.regimes if r.id == regime.criteria_of), None)
        if source is None:
            raise SpecError(
                f"{_where(f)}: regimes.{i}.criteria_of: {j.follows} has no regime "
                f"{regime.criteria_of!r}"
            )
        regimes.append(regime.model_copy(update={"criteria": source.criteria}))
    return j.model_copy(update={"regimes": tuple(regimes)})


def codes() -> tuple[str, ...]:
    """The governments' codes, in their order: what ``--only`` accepts and tables print."""
    return tuple(f.code for f in government_files())


def get(code: str) -> Jurisdiction:
    return load()[code]


def _where(f: GovernmentFile) -> str:
    return f"{f.path.parent.name}/{f.path.name}"


def _read(f: GovernmentFile) -> Jurisdiction:
    try:
        return Jurisdiction.model_validate(f.data)
    except ValidationError as exc:
        problems = [
            f"{'.'.join(str(part) for part in error['loc']) or '(file)'}: "
            + error["msg"].removeprefix("Value error, ")  # our validators' own words
            for error in exc.errors()
        ]
        raise SpecError(f"{_where(f)}: {'; '.join(problems)}") from None


def _check_references(f: GovernmentFile, j: Jurisdiction, known: set[str]) -> None:
    """What the schema cannot see alone: the names a file uses from elsewhere (violation types,
    roles, other governments, list fields, workbook columns)."""
    violations = set(load_layout().vocabularies["violation_type"])
    problems = []
    for i, regime in enumerate(j.regimes):
        if not regime.criteria:
            problems.append(f"regimes.{i}.criteria: none given")
        for k, criterion in enumerate(regime.criteria):
            at = f"regimes.{i}.criteria.{k}"
            problems += [
                f"{at}.violation_types: unknown {v!r}"
                for v in sorted(criterion.violation_types - violations)
            ]
            problems += [
                f"{at}.roles: unknown role {r!r}" for r in sorted(criterion.roles - set(roles()))
            ]
            problems += [
                f"{at}.tenure: {r!r} is not among its roles"
                for r in sorted(criterion.tenure - criterion.roles)
            ]
    ids = {c.id for regime in j.regimes for c in regime.criteria}
    for i, check in enumerate(j.check_before_filing):
        problems += [
            f"check_before_filing.{i}.roles: unknown role {r!r}"
            for r in sorted(check.roles - set(roles()))
        ]
        problems += [
            f"check_before_filing.{i}.criteria: no criterion {c!r} in this file"
            for c in sorted(check.criteria - ids)
        ]
    for i, argument in enumerate(j.arguments):
        problems += [
            f"arguments.{i}.sources: unknown {s!r}" for s in argument.sources if s not in SOURCES
        ]
        problems += [
            f"arguments.{i}.criteria: no criterion {c!r} in this file"
            for c in sorted(argument.criteria - ids)
        ]
    form = j.list_format
    for key, pairs in (("columns", form.columns), ("proposal", form.proposal)):
        for column, name in pairs:
            at = f"list.{key}: {column}"
            if name.startswith("flag:"):
                if name[5:] not in form.flags:
                    problems.append(f"{at}: {name!r} has no value in list.flags")
            elif name not in FIELDS:
                problems.append(f"{at}: unknown field {name!r}")
            elif name == "latvian_name" and form.latvian_names is None:
                problems.append(f"{at}: latvian_name needs list.latvian_names")
    if problems:
        raise SpecError(f"{_where(f)}: {'; '.join(problems)}")


def designated_by(countries: Iterable[str], datasets: Iterable[str]) -> str | None:
    """The government whose own listing a Sanction entity is, if it is one of ours."""
    countries = set(countries)
    for code, jurisdiction in load().items():
        if countries & jurisdiction.designations.countries:
            return code
    if not countries:
        for code, jurisdiction in load().items():
            if set(datasets) & jurisdiction.designations.datasets:
                return code
    return None
