"""`sanctions export`: a validated workbook's entities, written to exports/<list>/ in one step.

Packages per government and the public list are built on these entities (see the README).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from sanctions import ftmio
from sanctions.atomic import atomic_dir
from sanctions.model import build, dataset_prefix
from sanctions.validate import Result, validate

ENTITIES_FILE = "entities.ftm.json"


@dataclass
class Refused(Exception):
    """The workbook has validation errors; nothing was written."""

    result: Result


def export(workbook: Path, out: Path) -> Path:
    result = validate(workbook)
    if result.errors:
        raise Refused(result)
    prefix = dataset_prefix(workbook)
    graph = build(result, prefix)
    target = out / prefix
    with atomic_dir(target) as staging:
        ftmio.write(staging / ENTITIES_FILE, graph.entities.values(), prefix)
    return target
