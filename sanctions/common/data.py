"""Where the project's data lives (``schemas/``, ``jurisdictions/``, ``templates/``) and how its
YAML files are read.

The three folders sit side by side at the top of a checkout; ``$SANCTIONS_SCHEMAS`` points at
another ``schemas/`` folder, and the other two are looked for beside it.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import yaml

from sanctions.common.errors import InputError

PROJECT_DIR = Path(__file__).resolve().parents[2]


class SpecError(InputError):
    """A project data file (schemas/, jurisdictions/) is malformed: a developer's mistake,
    reported when the file is loaded, naming the file and the key."""


def schemas_dir() -> Path:
    """The ``schemas/`` folder: beside the package in a checkout, or named by $SANCTIONS_SCHEMAS."""
    return _folders(os.environ.get("SANCTIONS_SCHEMAS") or "")[0]


def jurisdictions_dir() -> Path:
    return _folders(os.environ.get("SANCTIONS_SCHEMAS") or "")[1]


def templates_dir() -> Path:
    return _folders(os.environ.get("SANCTIONS_SCHEMAS") or "")[2]


@cache
def _folders(named: str) -> tuple[Path, Path, Path]:
    """(schemas/, jurisdictions/, templates/) for a $SANCTIONS_SCHEMAS value: made once, since
    a letter asks for the governments (and so for these folders) once per target."""
    schemas = Path(named) if named else PROJECT_DIR / "schemas"
    return schemas, schemas.parent / "jurisdictions", schemas.parent / "templates"


def read_yaml(path: Path) -> Any:
    """A YAML data file, parsed by libyaml when PyYAML has it (ten times faster at start-up).
    A file that is not YAML is a SpecError naming the file, line and column, not a traceback:
    an editor may well have changed it."""
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    if not path.is_file():
        raise SpecError(
            f"{path.parent.name}/{path.name}: missing from {path.parent}: the project's data "
            "folders are incomplete (if $SANCTIONS_SCHEMAS is set, it may point at a copy made "
            "by an older version)"
        )
    with open(path, encoding="utf-8") as fh:
        try:
            return yaml.load(fh, Loader=loader)
        except yaml.YAMLError as exc:
            mark = getattr(exc, "problem_mark", None)
            where = f", line {mark.line + 1}, column {mark.column + 1}" if mark is not None else ""
            problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
            raise SpecError(
                f"{path.parent.name}/{path.name}{where}: not valid YAML ({problem}); compare it "
                "with the other files in its folder"
            ) from None


@dataclass(frozen=True)
class GovernmentFile:
    """One government's file in ``jurisdictions/``, as found: its code, name and order, and the
    rest of its data for the registry (``sanctions.governments.registry``) to read."""

    path: Path
    code: str
    name: str
    order: int
    data: dict[str, Any]


def government_files(folder: Path | None = None) -> tuple[GovernmentFile, ...]:
    """Every ``jurisdictions/*.yaml``, in the order their ``order`` keys give: a government is
    one file, found here; adding one is adding its file, removing one deleting it."""
    return _government_files(_resolved(folder or jurisdictions_dir()))


@cache
def _resolved(folder: Path) -> Path:
    """The folder's real path, asked of the file system once: a package asks for the
    governments thousands of times."""
    return folder.resolve()


@cache
def _government_files(folder: Path) -> tuple[GovernmentFile, ...]:
    found = []
    for path in sorted(folder.glob("*.yaml")):
        where = f"{folder.name}/{path.name}"
        data = read_yaml(path)
        if not isinstance(data, dict):
            raise SpecError(f"{where}: not a government's file (a mapping of keys)")
        code, name, order = data.get("code"), data.get("name"), data.get("order")
        if code != path.stem:
            raise SpecError(f"{where}: code: {code!r} is not the file's name ({path.stem!r})")
        if not isinstance(name, str) or not name:
            raise SpecError(f"{where}: name: the government's name is missing")
        if not isinstance(order, int) or isinstance(order, bool):
            raise SpecError(f"{where}: order: a whole number is needed (where it stands in lists)")
        found.append(GovernmentFile(path, code, name, order, data))
    orders = [f.order for f in found]
    for f in found:
        if orders.count(f.order) > 1:
            both = " and ".join(f"{folder.name}/{g.path.name}" for g in found if g.order == f.order)
            raise SpecError(f"{both}: order: {f.order} is given to each; give each its own")
    return tuple(sorted(found, key=lambda f: f.order))
