"""Matching: which persons of a list are already on someone's sanctions list.

For each person who is not withdrawn, candidates come from ``candidates.py`` (folded name-part
pairs, with a birth-year bonus), are scored by logic-v2 through ``scoring.py``, and those at
or above the threshold are reported with the Sanction entities that name them. The result is
the plain record of ``governments/screening.py``, which the gap matrix, the packages and the
JSON file are made from.
"""

from __future__ import annotations

import re
from collections.abc import Collection
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from sanctions.check.validate import Result
from sanctions.common import dates
from sanctions.common.files import file_sha256
from sanctions.common.names import PATRONYMIC
from sanctions.common.places import dataset_prefix
from sanctions.common.progress import Progress
from sanctions.common.romanise import readings, relaxed
from sanctions.governments.registry import designated_by
from sanctions.model.rows import Rows
from sanctions.screen import ahead
from sanctions.screen.candidates import candidates, spell
from sanctions.screen.kept import KeptScores, query_key, record_key
from sanctions.screen.reference import NAME_PROPS, Reference
from sanctions.screen.score import (
    BURMESE_SYLLABLE,
    GENERATIONS,
    OTHER_SURNAME,
    RELATIVE,
    SPELLED_OTHERWISE,
    Score,
)
from sanctions.tracking.screening import (
    BURMESE_NASAL,
    NO_BIRTH_HERE,
    NO_BIRTH_THERE,
    OTHER_COUNTRY,
    OTHER_GENERATION,
    OTHER_YEAR,
    PART_NAMES,
    PATRONYMIC_ONLY,
    RELATIVE_NAME,
    SPELLED_APART,
    SURNAME_DIFFERS,
    Designation,
    Match,
    Screened,
    Screening,
)

DEFAULT_THRESHOLD = 0.7
# Candidates scored per person (yente scores 10 by default; spelling variants need a few more).
CANDIDATES = 15
BIRTH_YEAR_BONUS = 3.0
_DATES = pa.list_(pa.string())
INACTIVE = {"inactive", "ended", "expired", "revoked", "delisted", "lifted", "removed"}


@dataclass
class Query:
    person_id: str
    name: str
    status: str
    names: list[str]
    birth_date: str | None
    countries: list[str]
    gender: str | None

    def scored(self) -> tuple[list[str], dict[str, list[str]]]:
        """The person as the scorer reads them, and nothing else (``kept`` keys a score by
        it): their names, and their properties as FtM's."""
        return self.names, {
            "birthDate": [self.birth_date] if self.birth_date else [],
            "nationality": self.countries,
            "gender": [self.gender] if self.gender else [],
        }


def queries_of(source: Result | Rows) -> list[Query]:
    """Every person who is not withdrawn, in workbook order."""
    out = []
    for person in Rows.of(source).persons:
        if person.person_id is None or person.name is None or person.status == "withdrawn":
            continue
        names = [person.name, *person.aliases, *person.name_original]
        gender = person.gender
        out.append(
            Query(
                person_id=person.person_id,
                name=person.name,
                status=person.status or "",
                names=list(dict.fromkeys(names)),
                birth_date=person.birth_date,
                countries=[c.lower() for c in person.nationality],
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


def _full_dates(values: pa.Array, wanted: set[str] | None = None) -> pd.DataFrame:
    """(owner, date) for every full birth date in a list column, only ``wanted`` ones if given."""
    flat = pc.utf8_slice_codeunits(pc.list_flatten(values).cast(pa.string()), 0, 10)
    owner = pc.list_parent_indices(values)
    keep = pc.equal(pc.utf8_length(flat), 10)
    if wanted is not None:
        keep = pc.and_(keep, pc.is_in(flat, value_set=pa.array(sorted(wanted), pa.string())))
    return pd.DataFrame(
        {
            "owner": owner.filter(keep).to_numpy().astype(np.int64),
            "date": flat.filter(keep).to_numpy(zero_copy_only=False),
        }
    )


def _candidates(queries: list[Query], people: pa.Table) -> pd.DataFrame:
    """(query index, reference row) pairs worth scoring, best first per query."""
    names = [q.names for q in queries]
    q_owner = np.asarray([i for i, n in enumerate(names) for _ in n], np.int64)
    q_births = pd.DataFrame(
        {
            "owner": [i for i, q in enumerate(queries) if q.birth_date and len(q.birth_date) == 10],
            "date": [q.birth_date for q in queries if q.birth_date and len(q.birth_date) == 10],
        }
    )
    q_spellings = spell(
        q_owner, pa.array([n for ns in names for n in ns], pa.string()), q_births, len(queries)
    )
    births = people["birthDate"].combine_chunks() if people.num_rows else pa.array([], _DATES)
    r_births = _full_dates(births, set(q_births["date"]))
    r_spellings = spell(*_names(people), r_births, people.num_rows)
    if people.num_rows == 0:
        return candidates(q_spellings, r_spellings, CANDIDATES)
    q_years = np.asarray([(q.birth_date or "")[:4] for q in queries], dtype=object)
    r_years = _years(births)

    def bonus(q: np.ndarray, r: np.ndarray) -> np.ndarray:
        qy, ry = q_years[q], r_years[r]
        return np.where((qy != "") & (qy == ry), BIRTH_YEAR_BONUS, 0.0)

    return candidates(q_spellings, r_spellings, CANDIDATES, bonus)


# A part of one name that the other lacks, as the scorer's explanation names it.
_EXTRA_PART = re.compile(r"'([^']+)' extra(?:Query|Result)Part")


def doubts(
    birth_date: str | None,
    listed_births: list[str],
    explanation: str,
    countries: tuple[Collection[str], Collection[str]] = ((), ()),
) -> list[str]:
    """What leaves a match in doubt, in words for the editor; ``countries``: the person's
    nationalities in the workbook, and the listing's countries (nationality, citizenship,
    country), which disagree when both are given and share none."""
    found = []
    if not birth_date:
        found.append(NO_BIRTH_HERE)
    elif not listed_births:
        found.append(NO_BIRTH_THERE)
    elif birth_date[:4] not in {b[:4] for b in listed_births}:
        found.append(OTHER_YEAR)
    own, listed = ({c.lower() for c in side} for side in countries)
    if own and listed and not own & listed:
        found.append(OTHER_COUNTRY)
    extra = _EXTRA_PART.findall(explanation)
    if extra:
        patronymics = all(
            any(PATRONYMIC.search(relaxed(r)) for r in readings(part)) for part in extra
        )
        found.append(PATRONYMIC_ONLY if patronymics else PART_NAMES)
    if OTHER_SURNAME in explanation:
        found.append(SURNAME_DIFFERS)
    if GENERATIONS in explanation:
        found.append(OTHER_GENERATION)
    if SPELLED_OTHERWISE in explanation:
        found.append(SPELLED_APART)
    if BURMESE_SYLLABLE in explanation:
        found.append(BURMESE_NASAL)
    if RELATIVE in explanation:
        found.append(RELATIVE_NAME)
    return found


def _match(
    rec: dict[str, Any],
    scored: Score,
    designations: list[Designation],
    birth_date: str | None,
    nationality: list[str],
) -> Match:
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
        doubts=doubts(
            birth_date,
            sorted(rec["birthDate"] or []),
            scored.explanation,
            (nationality, countries),
        ),
    )


Hit = tuple[dict[str, Any], "Score"]  # a reference record and its score


def screen(
    result: Result,
    workbook: Path,
    reference: Reference,
    threshold: float = DEFAULT_THRESHOLD,
    sources: list[dict[str, str]] | None = None,
    steps: Progress | None = None,
    kept: KeptScores | None = None,
) -> Screening:
    """Score every person who is not withdrawn against the reference data (the pairs ``kept``
    from an earlier screening are not scored again)."""
    queries = queries_of(result)
    found = score_queries(queries, reference.people, threshold, steps, kept)
    matched_ids = sorted({rec["id"] for hits in found.values() for rec, _ in hits})
    designations = designations_of(reference.sanctions, matched_ids)
    screened = []
    for i, q in enumerate(queries):
        matches = [
            _match(rec, sc, designations.get(rec["id"], []), q.birth_date, q.countries)
            for rec, sc in found.get(i, [])
        ]
        matches.sort(key=lambda m: (-m.score, m.ref_id))
        screened.append(Screened(q.person_id, q.name, q.status, q.birth_date or "", matches))
    return Screening(
        list_name=dataset_prefix(workbook),
        workbook_sha256=file_sha256(workbook),
        threshold=threshold,
        sources=sources or [{"source": s} for s in reference.sources],
        persons=screened,
        screened_on=dates.today().isoformat(),
    )


def score_queries(
    queries: list[Query],
    people: pa.Table,
    threshold: float,
    steps: Progress | None = None,
    kept: KeptScores | None = None,
) -> dict[int, list[Hit]]:
    """For each query (by index), the candidates scoring at or above the threshold."""
    steps = steps or Progress()
    with steps.step(f"finding candidates for {len(queries):,} persons"):
        pairs = _candidates(queries, people)
    rows = sorted(set(pairs["ref"].tolist()))
    records = people.take(pa.array(rows, pa.int64())).to_pylist() if rows else []
    by_row = dict(zip(rows, records, strict=True))
    todo = list(zip(pairs["query"].tolist(), pairs["ref"].tolist(), strict=True))
    scores = _scores(queries, by_row, todo, kept, steps)
    found: dict[int, list[Hit]] = {}
    for qi, ri in todo:
        score = scores[qi, ri]
        if score is not None and score.score >= threshold:
            found.setdefault(qi, []).append((by_row[ri], score))
    return found


def _scores(
    queries: list[Query],
    by_row: dict[int, dict[str, Any]],
    todo: list[tuple[int, int]],
    kept: KeptScores | None,
    steps: Progress,
) -> dict[tuple[int, int], Score | None]:
    """Every pair's score (None for a pair the scorer does not compare): those ``kept`` from
    an earlier screening as they were, the others scored now, whatever their score, and
    kept."""
    scores: dict[tuple[int, int], Score | None] = {}
    if kept is not None:
        q_keys = [query_key(q) for q in queries]
        r_keys = {ri: record_key(rec) for ri, rec in by_row.items()}
        known = kept.find((q_keys[qi], r_keys[ri]) for qi, ri in todo)
        for qi, ri in todo:
            if (q_keys[qi], r_keys[ri]) in known:
                scores[qi, ri] = known[q_keys[qi], r_keys[ri]]
    missing = [pair for pair in todo if pair not in scores]
    if not missing:
        return scores
    before = f" ({len(scores):,} scored before)" if scores else ""
    with steps.step(f"scoring {len(missing):,} candidates{before}"):
        scored = ahead.score((queries, by_row, missing))
    new: dict[tuple[int, int], Score | None] = dict.fromkeys(missing)
    for qi, hits in scored.items():
        for ri, score in hits:
            new[qi, ri] = score
    scores.update(new)
    if kept is not None:
        kept.keep({(q_keys[qi], r_keys[ri]): score for (qi, ri), score in new.items()})
    return scores


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
