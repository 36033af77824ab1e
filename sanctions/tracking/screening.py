"""The screening record: who on a list matched whom, and which sanctions name them.

Plain data, written by the screen step as ``screening.json`` beside a list's exports and read
back by the submit step, which cites the designations in each package. Keeping the record here,
below both steps, is what lets them meet without importing each other.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

import orjson

from sanctions.common.errors import InputError
from sanctions.common.files import file_sha256
from sanctions.common.places import SCREENING_FILE

FORMAT_VERSION = 1


@dataclass
class Designation:
    """One Sanction entity that names a matched reference entity."""

    sanction_id: str
    jurisdiction: str | None  # one of ours (us, gb, ...) or None for any other authority
    authority: str
    program: str
    program_id: str
    listing_date: str
    end_date: str
    active: bool
    source_url: str


@dataclass
class Match:
    ref_id: str
    score: float
    matched_name: str
    caption: str
    schema: str
    datasets: list[str]
    birth_dates: list[str]
    countries: list[str]
    designations: list[Designation]
    explanation: str


@dataclass
class Screened:
    person_id: str
    name: str
    status: str
    birth_date: str
    matches: list[Match] = field(default_factory=list)


@dataclass
class Screening:
    list_name: str
    workbook_sha256: str
    threshold: float
    sources: list[dict[str, str]]
    persons: list[Screened]

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["format_version"] = FORMAT_VERSION
        return data

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Screening:
        persons = []
        for p in data["persons"]:
            matches = [
                Match(**{**m, "designations": [Designation(**d) for d in m["designations"]]})
                for m in p["matches"]
            ]
            persons.append(Screened(**{**p, "matches": matches}))
        return cls(
            list_name=data["list_name"],
            workbook_sha256=data["workbook_sha256"],
            threshold=data["threshold"],
            sources=data["sources"],
            persons=persons,
        )


def load_screening(folder: Path) -> Screening | None:
    """The screening written for a list's export folder, if there is one; an InputError when
    the file is there but cannot be read."""
    path = folder / SCREENING_FILE
    if not path.exists():
        return None
    try:
        return Screening.from_dict(orjson.loads(path.read_bytes()))
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise InputError(f"{path} cannot be read ({exc}); run `sanctions screen` again") from exc


def screening_of(workbook: Path, folder: Path) -> tuple[Screening | None, str | None]:
    """A list's latest screening, if any, and a warning when it was made from an earlier
    version of the workbook (its designations may no longer match the persons)."""
    screening = load_screening(folder)
    if screening is not None and screening.workbook_sha256 != file_sha256(workbook):
        return screening, (
            f"the screening in {folder} was made from an earlier version of {workbook.name}; "
            "run `sanctions screen` again"
        )
    return screening, None


def to_json(screening: Screening, gaps: dict[str, Any]) -> bytes:
    data = screening.to_dict()
    data["gaps"] = gaps
    return orjson.dumps(data, option=orjson.OPT_SORT_KEYS | orjson.OPT_INDENT_2) + b"\n"
