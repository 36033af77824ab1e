"""`sanctions screen`: which persons of a list are already on someone's sanctions list.

For each person who is not withdrawn, candidates come from ``blocking.py`` (folded name-part
pairs, with a birth-year bonus), are scored by logic-v2 through ``scoring.py``, and those at
or above the threshold are reported with the Sanction entities that name them. The result is
plain data (``Screening``) that the gap matrix, the packages and the JSON file are made from.
"""

from __future__ import annotations

import hashlib
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from sanctions.blocking import candidates, tokenize
from sanctions.jurisdictions import designated_by
from sanctions.model import dataset_prefix, items
from sanctions.reader import text_or_none
from sanctions.reference import NAME_PROPS, PERSON_PROPS, Reference
from sanctions.validate import Result
from sanctions.variants import query_names

if TYPE_CHECKING:
    from sanctions.scoring import Score

DEFAULT_THRESHOLD = 0.7
# Candidates scored per person (yente scores 10 by default; spelling variants need a few more).
CANDIDATES = 15
BIRTH_YEAR_BONUS = 3.0
INACTIVE = {"inactive", "ended", "expired", "revoked", "delisted", "lifted", "removed"}
SCREENING_FILE = "screening.json"
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


@dataclass
class Query:
    person_id: str
    name: str
    status: str
    names: list[str]
    birth_date: str | None
    countries: list[str]
    gender: str | None


def file_sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def queries_of(result: Result) -> list[Query]:
    """Every person who is not withdrawn, in workbook order."""
    out = []
    for row in result.frames["persons"].to_dict("records"):
        person_id, name = text_or_none(row.get("person_id")), text_or_none(row.get("name"))
        status = text_or_none(row.get("status")) or ""
        if person_id is None or name is None or status == "withdrawn":
            continue
        names = [name, *items(row.get("aliases")), *items(row.get("name_original"))]
        gender = text_or_none(row.get("gender"))
        out.append(
            Query(
                person_id=person_id,
                name=name,
                status=status,
                names=list(dict.fromkeys(names)),
                birth_date=text_or_none(row.get("birth_date")),
                countries=[c.lower() for c in items(row.get("nationality"))],
                gender=gender if gender in ("male", "female", "other") else None,
            )
        )
    return out


def _names(people: pa.Table) -> tuple[np.ndarray, pa.Array]:
    """(owner row, name) for every name of every reference entity."""
    owners, names = [], []
    for prop in NAME_PROPS:
        column = (
            people[prop].combine_chunks() if people.num_rows else pa.array([], people[prop].type)
        )
        flat = pc.list_flatten(column)
        owners.append(pc.list_parent_indices(column).to_numpy())
        names.append(flat)
    return np.concatenate(owners), pa.concat_arrays([n.cast(pa.string()) for n in names])


def _years(values: pa.ChunkedArray | pa.Array) -> np.ndarray:
    first = pc.list_element(values, 0) if len(values) else pa.array([], pa.string())
    return np.asarray(
        pc.fill_null(pc.utf8_slice_codeunits(first, 0, 4), "").to_pylist(), dtype=object
    )


def _candidates(queries: list[Query], people: pa.Table) -> pd.DataFrame:
    """(query index, reference row) pairs worth scoring, best first per query."""
    spellings = [query_names(q.names) for q in queries]
    q_owner = np.asarray([i for i, names in enumerate(spellings) for _ in names], np.int64)
    q_tokens = tokenize(q_owner, pa.array([n for names in spellings for n in names], pa.string()))
    r_tokens = tokenize(*_names(people))
    if people.num_rows == 0:
        return candidates(q_tokens, r_tokens, CANDIDATES)
    q_years = np.asarray([(q.birth_date or "")[:4] for q in queries], dtype=object)
    r_years = _years(people["birthDate"].combine_chunks())

    def bonus(q: np.ndarray, r: np.ndarray) -> np.ndarray:
        qy, ry = q_years[q], r_years[r]
        return np.where((qy != "") & (qy == ry), BIRTH_YEAR_BONUS, 0.0)

    return candidates(q_tokens, r_tokens, CANDIDATES, bonus)


def _match(rec: dict[str, Any], scored: Score, designations: list[Designation]) -> Match:
    countries = {c for p in ("nationality", "citizenship", "country") for c in rec[p] or []}
    return Match(
        ref_id=rec["id"],
        score=scored.score,
        matched_name=scored.name,
        caption=(rec["name"] or [scored.name])[0],
        schema=rec["schema"],
        datasets=sorted(rec["datasets"] or []),
        birth_dates=sorted(rec["birthDate"] or []),
        countries=sorted(countries),
        designations=designations,
        explanation=scored.explanation,
    )


def screen(
    result: Result,
    workbook: Path,
    reference: Reference,
    threshold: float = DEFAULT_THRESHOLD,
    sources: list[dict[str, str]] | None = None,
) -> Screening:
    """Score every person who is not withdrawn against the reference data."""
    from sanctions.scoring import Scorer

    queries = queries_of(result)
    people = reference.people
    pairs = _candidates(queries, people)
    scorer = Scorer()
    query_entities = [
        scorer.query(
            q.person_id,
            q.names,
            {
                "birthDate": [q.birth_date] if q.birth_date else [],
                "nationality": q.countries,
                "gender": [q.gender] if q.gender else [],
            },
        )
        for q in queries
    ]
    rows = sorted(set(pairs["ref"].tolist()))
    records = people.take(pa.array(rows, pa.int64())).to_pylist() if rows else []
    by_row = dict(zip(rows, records, strict=True))
    ref_entities = {
        row: scorer.reference(str(row), rec["schema"], {p: rec[p] or [] for p in PERSON_PROPS})
        for row, rec in by_row.items()
    }
    found: dict[int, list[tuple[dict[str, Any], Score]]] = {}
    for qi, ri in zip(pairs["query"].tolist(), pairs["ref"].tolist(), strict=True):
        query, candidate = query_entities[qi], ref_entities[ri]
        if not query.schema.can_match(candidate.schema):
            continue
        scored = scorer.score(query, candidate)
        if scored.score >= threshold:
            found.setdefault(qi, []).append((by_row[ri], scored))
    matched_ids = sorted({rec["id"] for hits in found.values() for rec, _ in hits})
    designations = designations_of(reference.sanctions, matched_ids)
    screened = []
    for i, q in enumerate(queries):
        matches = [_match(rec, sc, designations.get(rec["id"], [])) for rec, sc in found.get(i, [])]
        matches.sort(key=lambda m: (-m.score, m.ref_id))
        screened.append(Screened(q.person_id, q.name, q.status, q.birth_date or "", matches))
    return Screening(
        list_name=dataset_prefix(workbook),
        workbook_sha256=file_sha256(workbook),
        threshold=threshold,
        sources=sources or [{"source": s} for s in reference.sources],
        persons=screened,
    )


def designations_of(sanctions: pa.Table, entity_ids: list[str]) -> dict[str, list[Designation]]:
    """The Sanction entities naming each of these entities, oldest listing first."""
    if not entity_ids or sanctions.num_rows == 0:
        return {}
    entity = sanctions["entity"].combine_chunks()
    flat = pc.list_flatten(entity)
    parents = pc.list_parent_indices(entity)
    hit = pc.is_in(flat, value_set=pa.array(entity_ids, pa.string()))
    rows = pc.filter(parents, hit).to_pylist()
    targets = pc.filter(flat, hit).to_pylist()
    records = sanctions.take(pa.array(rows, pa.int64())).to_pylist() if rows else []
    out: dict[str, list[Designation]] = {}
    for target, rec in zip(targets, records, strict=True):
        out.setdefault(target, []).append(_designation(rec))
    for found in out.values():
        found.sort(key=lambda d: (d.listing_date or "9999", d.jurisdiction or "~", d.sanction_id))
    return out


def _first(values: list[str] | None) -> str:
    return sorted(values)[0] if values else ""


def _designation(rec: dict[str, Any]) -> Designation:
    status = {s.lower() for s in rec["status"] or []}
    end = _first(rec["endDate"])
    active = not (status & INACTIVE) and not (end and "active" not in status)
    return Designation(
        sanction_id=rec["id"],
        jurisdiction=designated_by(
            [c.lower() for c in rec["country"] or []], rec["datasets"] or []
        ),
        authority=_first(rec["authority"]),
        program=_first(rec["program"]),
        program_id=_first(rec["programId"]),
        listing_date=_first(rec["listingDate"]) or _first(rec["startDate"]),
        end_date=end,
        active=active,
        source_url=_first(rec["sourceUrl"]),
    )


def load_screening(folder: Path) -> Screening | None:
    """The screening written for a list's export folder, if there is one."""
    import orjson

    path = folder / SCREENING_FILE
    if not path.exists():
        return None
    return Screening.from_dict(orjson.loads(path.read_bytes()))


def to_json(screening: Screening, gaps: dict[str, Any]) -> bytes:
    import orjson

    data = screening.to_dict()
    data["gaps"] = gaps
    return orjson.dumps(data, option=orjson.OPT_SORT_KEYS | orjson.OPT_INDENT_2) + b"\n"
