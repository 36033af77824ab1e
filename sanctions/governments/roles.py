"""The involvement roles (``schemas/roles.yaml``): what each means, what an act in it reaches,
whether criteria accept it by default, and how documents word it.

Every place that says something about a role asks here, and a role with no entry is an error,
never a code printed with its underscores replaced.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from sanctions.common.data import SpecError, read_yaml, schemas_dir
from sanctions.workbook.layout import ROLES_FILE, load_layout

KEYS = ("description", "label", "wording", "reaches", "default")  # and ``after``, if true


@dataclass(frozen=True)
class Role:
    code: str
    description: str  # what the role means, as the editor reads it ("Gave the order")
    label: str  # the role in a few words ("covered up")
    wording: str  # what the person did ("gave the order"), {incident} where the incident goes
    reaches: frozenset[str]  # the incident's violation types an act in this role is part of
    default: bool  # accepted by a criterion that lists no roles of its own
    after: bool = False  # what came after the violation (a cover-up): no part in causing it


@cache
def roles() -> dict[str, Role]:
    raw = read_yaml(schemas_dir() / ROLES_FILE)
    every = frozenset(load_layout().vocabularies["violation_type"])
    found = {}
    for code, entry in raw["roles"].items():
        missing = [key for key in KEYS if not isinstance(entry, dict) or key not in entry]
        if missing:
            raise SpecError(f"schemas/{ROLES_FILE}: roles: {code}: no {', '.join(missing)}")
        reaches = every if entry["reaches"] == "all" else frozenset(entry["reaches"])
        unknown = sorted(reaches - every)
        if unknown:
            raise SpecError(
                f"schemas/{ROLES_FILE}: roles: {code}: reaches: unknown violation type "
                f"{', '.join(unknown)}"
            )
        found[code] = Role(
            code,
            str(entry["description"]),
            str(entry["label"]),
            str(entry["wording"]),
            reaches,
            bool(entry["default"]),
            bool(entry.get("after", False)),
        )
    return found


def worded(code: str, incident: str) -> tuple[str, bool]:
    """What the person did in the incident, as a letter says it after "the person" ("gave the
    order in “…”", "did not act to have “…” investigated"), and whether the incident ends it."""
    wording = role(code).wording
    if "{incident}" not in wording:
        return f"{wording} in {incident}", True
    return wording.replace("{incident}", incident), wording.endswith("{incident}")


def role(code: str) -> Role:
    """One role; a KeyError for one the table does not have (the validator refuses it first)."""
    return roles()[code]


def default_roles() -> frozenset[str]:
    return frozenset(code for code, r in roles().items() if r.default)
