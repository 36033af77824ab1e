"""The screening record: who on a list matched whom, and which sanctions name them.

Plain data, written by the screen step as ``screening.json`` beside a list's exports and read
back by the submit step, which cites the designations in each package. Keeping the record here,
below both steps, is what lets them meet without importing each other.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any

import orjson
from pydantic import TypeAdapter

from sanctions.common.errors import InputError
from sanctions.common.files import file_sha256
from sanctions.common.places import PREVIOUS_SCREENING_FILE, SCREENING_FILE

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
    # why the match may be another person (a namesake, a relative): shown beside a possible
    # match so that no one takes its score for an identification
    doubts: list[str] = field(default_factory=list)

    @property
    def confident(self) -> bool:
        """Taken as the same person: a score of ``CONFIDENT_SCORE`` or more, and no doubt that
        only a birth date could settle. A name alone, however exactly it agrees, is a
        possible match: a package still proposes the person and asks the submitter to
        confirm, rather than leaving them out for a namesake's listing."""
        return self.score >= CONFIDENT_SCORE and not set(self.doubts) & UNSETTLED

    @property
    def to_confirm(self) -> str:
        """What is left to confirm, in the editor's words ('' when taken as the same person):
        the screen's printout and the review report say it alike."""
        if self.confident:
            return ""
        return "; ".join(self.doubts) or SCORE_ONLY


# A match scoring at least this, with nothing in doubt, is taken as the same person: below it,
# the public gap matrix says a designation is unconfirmed, and a package still proposes the
# person to a government that may have listed them, asking the submitter to confirm.
CONFIDENT_SCORE = 0.95

# What leaves a match in doubt (``screen/matching.doubts``), in the editor's words. Measured on
# real lists (tests/data/real_lists): the unlisted people who come closest are relatives
# without a birth date whose name repeats the listed person's, and namesakes.
NO_BIRTH_HERE = "no birth date in the workbook to rule out a namesake or a relative"
NO_BIRTH_THERE = "the listing gives no birth date to compare"
OTHER_YEAR = "the listing gives another birth year"
PART_NAMES = "names agree only in part (some parts are on one side only)"
PATRONYMIC_ONLY = (
    "the names agree but for a patronymic on one side only (add it to the workbook if a source "
    "gives it; lists often print one)"
)
SURNAME_DIFFERS = "another surname: a maiden or married name, or another person"
OTHER_GENERATION = "another generation (Jr against Sr): a father or son of the same name"
SPELLED_APART = "the names agree only as spellings a letter or two apart, and by the birth date"
BURMESE_NASAL = (
    "two words are taken as one Burmese syllable whose final nasal is spelled two ways (Lon, "
    "Lone, Long), though elsewhere they are two names"
)
RELATIVE_NAME = (
    "the listed name has a given name before all of this one's words: a father or other "
    "relative named in the listed person's name"
)
OTHER_COUNTRY = (
    "the listing gives other countries than the workbook's nationality: another person, or a "
    "nationality or residence the workbook does not record"
)
SCORE_ONLY = "a possible match by its score"  # no doubt recorded, a score under CONFIDENT_SCORE
# The doubts no score outweighs: without a birth date that agrees, a name is not a person.
UNSETTLED = frozenset(
    {
        NO_BIRTH_HERE,
        NO_BIRTH_THERE,
        OTHER_YEAR,
        OTHER_COUNTRY,
        SURNAME_DIFFERS,
        OTHER_GENERATION,
        SPELLED_APART,
        BURMESE_NASAL,
        RELATIVE_NAME,
    }
)


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
    screened_on: str = ""  # the day it was made (ISO), which `status --since` compares from

    @cached_property
    def by_person(self) -> dict[str, Screened]:
        """Each screened person by ID, for the many questions a package asks of one: each
        target of each government (not a field: ``to_dict`` leaves it out)."""
        return {person.person_id: person for person in self.persons}

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["format_version"] = FORMAT_VERSION
        return data

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Screening:
        """The screening a file holds, every field of the type it should be: a file edited by
        hand ("threshold": null) is refused here with a ValueError (pydantic's), not met later
        as a crash in a command that reads it."""
        return _SCREENING.validate_python(
            {**data, "screened_on": str(data.get("screened_on") or "")}
        )


def load_screening(folder: Path, name: str = SCREENING_FILE) -> Screening | None:
    """The screening written for a list's export folder (``name``: the latest, or the one
    before), if there is one; an InputError when the file is there but cannot be read."""
    path = folder / name
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


def previous_screening(folder: Path) -> Screening | None:
    """The screening made before the latest against other reference data, if kept."""
    return load_screening(folder, PREVIOUS_SCREENING_FILE)


def same_reference(a: Screening, b: Screening) -> bool:
    """Whether two screenings read the same reference data (the same files, byte for byte)."""
    return sorted(s.get("sha256", "") for s in a.sources) == sorted(
        s.get("sha256", "") for s in b.sources
    )


@dataclass(frozen=True)
class Change:
    """A listing of a target that appeared or went between two screenings."""

    person_id: str
    name: str
    new: bool  # True: newly listed; False: no longer found
    designation: Designation


def changes(before: Screening, after: Screening) -> list[Change]:
    """What changed between two screenings, target by target: the designations the later one
    finds that the earlier did not (newly listed), and the other way round (listings gone)."""

    def listed(screening: Screening) -> dict[str, dict[tuple[str, str, str], Designation]]:
        out: dict[str, dict[tuple[str, str, str], Designation]] = {}
        for person in screening.persons:
            for match in person.matches:
                for d in match.designations:
                    key = (d.jurisdiction or d.authority, d.program_id or d.program, d.sanction_id)
                    out.setdefault(person.person_id, {})[key] = d
        return out

    then, now = listed(before), listed(after)
    names = {p.person_id: p.name for p in (*before.persons, *after.persons)}
    found: list[Change] = []
    for pid in sorted(set(then) | set(now)):
        old, new = then.get(pid, {}), now.get(pid, {})
        found += [Change(pid, names[pid], True, new[k]) for k in sorted(set(new) - set(old))]
        found += [Change(pid, names[pid], False, old[k]) for k in sorted(set(old) - set(new))]
    return found


_SCREENING = TypeAdapter(Screening)  # after Screening, whose fields it reads
