"""What a submission says about each target, gathered from a validated workbook's tables."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

import pandas as pd
from rigour.territories import get_territory

from sanctions.model import items
from sanctions.validate import Result


@dataclass
class Evidence:
    number: int  # cited as [n] in documents
    id: str
    title: str
    publisher: str | None
    published: str | None
    kind: str
    url: str | None
    archive_url: str | None
    file: str | None
    sha256: str | None
    language: str | None
    confidential: bool


@dataclass
class Post:
    title: str
    org: str
    start: str | None
    end: str | None
    evidence: list[str]

    @property
    def dates(self) -> str:
        if self.start and self.end:
            return f"{self.start} to {self.end}"
        if self.start:
            return f"from {self.start}"
        if self.end:
            return f"until {self.end}"
        return "dates not stated"


@dataclass
class Act:
    incident_id: str
    incident: str
    date: str
    end_date: str | None
    place: str | None
    role: str
    description: str
    violation_types: list[str]
    evidence: list[str]
    confidential: bool


@dataclass
class Target:
    person_id: str
    name: str
    first_name: str | None
    patronymic: str | None
    last_name: str | None
    aliases: list[str]
    original_names: list[str]
    gender: str | None
    birth_date: str | None
    birth_place: str | None
    nationality: list[str]
    id_numbers: list[str]
    summary: str | None
    exculpatory: str | None
    jurisdictions: set[str] | None  # None: every government
    ties: list[str] = field(default_factory=list)
    posts: list[Post] = field(default_factory=list)
    acts: list[Act] = field(default_factory=list)
    relations: list[tuple[str, str]] = field(default_factory=list)

    def ties_to(self, code: str, codes: Iterable[str]) -> list[str]:
        """The ties to show one government: items marked with its code, and unmarked items."""
        out = []
        for tie in self.ties:
            prefix, sep, rest = tie.partition(":")
            if sep and prefix.strip().lower() in codes:
                if prefix.strip().lower() == code:
                    out.append(rest.strip())
            else:
                out.append(tie)
        return out

    @property
    def surname(self) -> str:
        return self.last_name or self.name.split()[-1]

    @property
    def given(self) -> str:
        if self.first_name:
            return " ".join(p for p in (self.first_name, self.patronymic) if p)
        return " ".join(self.name.split()[:-1])

    @property
    def violation_types(self) -> set[str]:
        return {v for act in self.acts for v in act.violation_types}

    @property
    def position(self) -> str:
        """The latest post, as lists print a position."""
        if not self.posts:
            return ""
        post = sorted(self.posts, key=lambda p: (p.end or "9999", p.start or ""))[-1]
        prefix = "former " if post.end else ""
        return f"{prefix}{post.title}, {post.org}"

    @property
    def evidence(self) -> list[str]:
        seen: dict[str, None] = {}
        for group in [p.evidence for p in self.posts] + [a.evidence for a in self.acts]:
            seen.update(dict.fromkeys(group))
        return list(seen)


def country_name(code: str) -> str:
    territory = get_territory(code)
    return territory.name if territory is not None else code


def _records(frame: pd.DataFrame) -> list[dict[str, Any]]:
    return [
        {str(k): (None if pd.isna(v) else v) for k, v in rec.items()}
        for rec in frame.to_dict("records")
    ]


def load_evidence(result: Result) -> dict[str, Evidence]:
    out: dict[str, Evidence] = {}
    for i, rec in enumerate(_records(result.frames["evidence"]), start=1):
        out[rec["evidence_id"]] = Evidence(
            number=i,
            id=rec["evidence_id"],
            title=rec["title"],
            publisher=rec.get("publisher"),
            published=rec.get("published_date"),
            kind=rec["kind"],
            url=rec.get("url"),
            archive_url=rec.get("archive_url"),
            file=rec.get("file"),
            sha256=rec.get("sha256"),
            language=rec.get("language"),
            confidential=rec.get("confidential") == "yes",
        )
    return out


def load_targets(result: Result, status: str = "proposed") -> list[Target]:
    """Persons with the given status, in workbook order, with their posts, acts and ties."""
    frames = result.frames
    orgs = {r["org_id"]: r["name"] for r in _records(frames["organizations"])}
    incidents = {r["incident_id"]: r for r in _records(frames["incidents"])}
    names = {r["person_id"]: r["name"] for r in _records(frames["persons"])}
    targets: dict[str, Target] = {}
    for rec in _records(frames["persons"]):
        if rec.get("status") != status:
            continue
        restrict = items(rec.get("jurisdictions"))
        targets[rec["person_id"]] = Target(
            person_id=rec["person_id"],
            name=rec["name"],
            first_name=rec.get("first_name"),
            patronymic=rec.get("patronymic"),
            last_name=rec.get("last_name"),
            aliases=items(rec.get("aliases")),
            original_names=items(rec.get("name_original")),
            gender=rec.get("gender"),
            birth_date=rec.get("birth_date"),
            birth_place=rec.get("birth_place"),
            nationality=items(rec.get("nationality")),
            id_numbers=items(rec.get("id_numbers")),
            summary=rec.get("summary"),
            exculpatory=rec.get("exculpatory"),
            jurisdictions=set(restrict) if restrict else None,
            ties=items(rec.get("ties")),
        )
    for rec in _records(frames["positions"]):
        target = targets.get(rec["person_id"])
        if target is not None:
            target.posts.append(
                Post(
                    rec["title"],
                    orgs.get(rec["org_id"], rec["org_id"]),
                    rec.get("start_date"),
                    rec.get("end_date"),
                    items(rec["evidence_ids"]),
                )
            )
    for rec in _records(frames["involvement"]):
        target = targets.get(rec["person_id"])
        incident = incidents.get(rec["incident_id"])
        if target is None or incident is None:
            continue
        target.acts.append(
            Act(
                incident_id=rec["incident_id"],
                incident=incident["title"],
                date=incident["date"],
                end_date=incident.get("end_date"),
                place=incident.get("place"),
                role=rec["role"],
                description=rec["description"],
                violation_types=items(incident["violation_types"]),
                evidence=items(rec["evidence_ids"]),
                confidential=incident.get("confidential") == "yes",
            )
        )
    for rec in _records(frames["relations"]):
        target = targets.get(rec["person_id"])
        if target is not None:
            other = names.get(rec.get("related_person_id") or "") or rec.get("related_name") or ""
            target.relations.append((rec["relationship"], other))
    return list(targets.values())
