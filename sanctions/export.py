"""`sanctions export`: everything built from one validated workbook, in exports/<list>/.

    entities.ftm.json        every entity of the list (FtM JSON lines, sorted by ID)
    <list>-<code>/           one submission package per government, and <list>-<code>.zip
    public/                  the publishable list (index.html, list.xlsx)

All of it is built in a staging folder that replaces exports/<list>/ only when complete.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from sanctions import ftmio
from sanctions import jurisdictions as known
from sanctions.atomic import atomic_dir
from sanctions.model import build, dataset_prefix
from sanctions.packages import Inputs, build_package
from sanctions.public import public_targets, write_public
from sanctions.spec import load_layout
from sanctions.targets import load_evidence, load_targets
from sanctions.validate import Result, validate

ENTITIES_FILE = "entities.ftm.json"


@dataclass
class Refused(Exception):
    """The workbook has validation errors; nothing was written."""

    result: Result


def submitter_of(result: Result) -> dict[str, str]:
    """Every submitter key, empty where the sheet gives no value."""
    frame = result.frames["submitter"].dropna(subset=["key"])
    given = {
        str(k): str(v)
        for k, v in zip(frame["key"], frame["value"], strict=True)
        if isinstance(v, str)
    }
    return {key: given.get(key, "") for key in load_layout().vocabularies["submitter_key"]}


def export(workbook: Path, out: Path, only: Sequence[str] | None = None) -> Path:
    result = validate(workbook)
    if result.errors:
        raise Refused(result)
    prefix = dataset_prefix(workbook)
    graph = build(result, prefix)
    inputs = Inputs(
        prefix, workbook, load_targets(result), load_evidence(result), submitter_of(result), graph
    )
    codes = [c for c in known.ORDER if only is None or c in only]
    target = out / prefix
    with atomic_dir(target) as staging:
        ftmio.write(staging / ENTITIES_FILE, graph.entities.values(), prefix)
        for code in codes:
            build_package(inputs, known.load()[code], staging / f"{prefix}-{code}")
        entries = public_targets(result, inputs.targets, inputs.evidence)
        title = f"Officials proposed for sanctions: {workbook.stem.replace('_', ' ').title()}"
        write_public(staging / "public", title, inputs.submitter, entries)
    return target
