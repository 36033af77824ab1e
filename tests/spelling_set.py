"""The labelled spelling set of ``tests/data/spellings.yaml``, as reference data and queries.

Spellings come from the hand-written forms in the file and from real implementations of the
transliteration systems (``iuliia`` for Russian, ``cyrtranslit`` for Belarusian and Ukrainian),
never from this project's own tables, so that the set tests the screening, not itself. Decoys
that must not match are added for every listed person: a namesake born eleven years later,
the same given name and surname with another patronymic and only the birth year known, and
another person's name with the same birth date. Every name is fictional.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import cyrtranslit
import iuliia
import orjson
import yaml

SOURCE = Path(__file__).parent / "data" / "spellings.yaml"
# The Russian systems of iuliia used for queries, by the name a reader knows them by.
RUSSIAN_SYSTEMS = {
    "icao_9303_passport": iuliia.ICAO_DOC_9303,
    "iso_9_gost_779": iuliia.GOST_779,
    "scholarly": iuliia.SCIENTIFIC,
    "soviet_passport_french": iuliia.MVD_310_FR,
    "wikipedia": iuliia.WIKIPEDIA,
    "library_of_congress": iuliia.ALA_LC,
    "telegram": iuliia.TELEGRAM,
}
NATIONALITY = {"R": "ru", "B": "by", "U": "ua", "K": "kz"}
LIST = "us_ofac_sdn"


@dataclass
class Query:
    """One way of writing one person, and the listed entity it must find (None: none)."""

    id: str
    name: str
    system: str
    birth: str
    expected: str | None
    nationality: list[str] = field(default_factory=list)


def _surname_first(name: str) -> str:
    given, patronymic, surname = name.split()
    return f"{surname} {given} {patronymic}"


def _listed_id(person_id: str) -> str:
    return f"{LIST}-{person_id.lower()}"


def _entity(eid: str, name: str, birth: str, country: str) -> dict[str, Any]:
    props = {"name": [name], "birthDate": [birth], "nationality": [country]}
    return {"id": eid, "schema": "Person", "datasets": [LIST], "properties": props}


def _sanction(eid: str) -> dict[str, Any]:
    props = {"entity": [eid], "program": ["GLOMAG"], "country": ["us"], "authority": ["OFAC"]}
    return {"id": f"{eid}-sanction", "schema": "Sanction", "datasets": [LIST], "properties": props}


def _parts(listed: str) -> tuple[str, str, str]:
    """(given, patronymic, surname) of a list form, written either way round."""
    if "," in listed:
        surname, rest = listed.split(",", 1)
        given, patronymic = rest.split()
    else:
        given, patronymic, surname = listed.split()
    return given, patronymic, surname


# Fathers' names for decoys: none of them is the father's name of a listed person.
DECOY_FATHERS = ("Pavlov", "Borisov", "Timurov", "Anatolyev")


def _other_patronymic(patronymic: str, i: int) -> str:
    """Another father's name, in the form of ``patronymic`` (a daughter's ends in -na)."""
    stem = DECOY_FATHERS[i % len(DECOY_FATHERS)]
    return f"{stem}{'na' if patronymic.endswith('na') else 'ich'}"


def spellings(person: dict[str, Any]) -> dict[str, str]:
    """Every query spelling of a listed person, by system."""
    cyrillic: str = person["cyrillic"]
    kind = person["id"][0]
    out = {"cyrillic": _surname_first(cyrillic)}
    if kind == "R":
        for system, schema in RUSSIAN_SYSTEMS.items():
            out[system] = schema.translate(cyrillic)
    if "russian" in person:
        out["russian_cyrillic"] = person["russian"]
    if kind == "B":
        out["belarusian_lacinka"] = cyrtranslit.to_latin(cyrillic, "by")
    if kind == "U":
        out["ukrainian_cyrtranslit"] = cyrtranslit.to_latin(cyrillic, "ua")
    out.update(person.get("spellings") or {})
    return out


def load() -> tuple[list[dict[str, Any]], list[Query]]:
    """The reference entities (listed people, decoys and their sanctions) and the queries."""
    data = yaml.safe_load(SOURCE.read_text(encoding="utf-8"))
    persons: list[dict[str, Any]] = data["persons"]
    entities: list[dict[str, Any]] = []
    queries: list[Query] = []
    for i, person in enumerate(persons):
        pid, birth, listed = person["id"], person["birth"], person["listed"]
        country = NATIONALITY[pid[0]]
        eid = _listed_id(pid)
        entities += [_entity(eid, listed, birth, country), _sanction(eid)]
        given, patronymic, surname = _parts(listed)
        other = persons[(i + 7) % len(persons)]
        o_given, _, o_surname = _parts(other["listed"])
        o_patronymic = _other_patronymic(patronymic, i)
        later = f"{int(birth[:4]) + 11}{birth[4:].replace('-02-29', '-02-28')}"
        decoys = [
            ("namesake", listed, later),
            ("patronymic", f"{given} {o_patronymic} {surname}", birth[:4]),
            ("sameday", f"{o_given} {o_patronymic} {o_surname}ov", birth),
        ]
        for kind, name, born in decoys:
            entities.append(_entity(f"{eid}-{kind}", name, born, country))
        for system, name in spellings(person).items():
            queries.append(Query(f"{pid}-{system}", name, system, birth, eid, [country]))
    for person in data["unlisted"]:
        queries.append(Query(person["id"], person["name"], "unlisted", person["birth"], None))
    return entities, queries


@dataclass
class Outcome:
    """What one screening found on the set: (query id, reference id) pairs, and the scores."""

    found: set[tuple[str, str]]
    expected: set[tuple[str, str]]

    @property
    def recall(self) -> float:
        return len(self.found & self.expected) / len(self.expected)

    @property
    def false_positives(self) -> set[tuple[str, str]]:
        return self.found - self.expected

    @property
    def precision(self) -> float:
        return len(self.found & self.expected) / len(self.found) if self.found else 1.0

    @property
    def missed(self) -> set[tuple[str, str]]:
        return self.expected - self.found


def expected_pairs(queries: list[Query]) -> set[tuple[str, str]]:
    return {(q.id, q.expected) for q in queries if q.expected}


def write_reference(entities: list[dict[str, Any]], path: Path) -> Path:
    path.write_bytes(b"".join(orjson.dumps(e) + b"\n" for e in entities))
    return path


def screen_ours(reference: Path, queries: list[Query], threshold: float = 0.7) -> Outcome:
    """This project's screening of the queries against the reference file."""
    from sanctions.screen.matching import Query as Person
    from sanctions.screen.matching import score_queries
    from sanctions.screen.reference import read_files

    people = read_files([reference]).people
    persons = [
        Person(q.id, q.name, "research", [q.name], q.birth, q.nationality, None) for q in queries
    ]
    found = score_queries(persons, people, threshold)
    pairs = {(queries[i].id, rec["id"]) for i, hits in found.items() for rec, _ in hits}
    return Outcome(pairs, expected_pairs(queries))


def screen_nomenklatura(reference: Path, queries: list[Query], threshold: float = 0.7) -> Outcome:
    """nomenklatura's documented path on the same data: its index, then logic-v2."""
    people = [(q.id, [q.name], q.birth, q.nationality) for q in queries]
    return Outcome(nomenklatura_found(reference, people, threshold), expected_pairs(queries))


Person = tuple[str, list[str], str | None, list[str]]  # key, names, birth date, nationalities


def nomenklatura_found(
    reference: Path, people: Sequence[Person], threshold: float = 0.7
) -> set[tuple[str, str]]:
    """(key, entity ID) of every match of nomenklatura's store, DuckDB index and logic-v2,
    the way its documentation and yente do it: the baseline of the tests and of `make bench`."""
    import tempfile

    from followthemoney import Dataset, StatementEntity
    from nomenklatura.blocker.index import Index
    from nomenklatura.matching import LogicV2
    from nomenklatura.resolver.linker import Linker
    from nomenklatura.store import load_entity_file_store

    store = load_entity_file_store(reference, Linker({}))  # type: ignore[arg-type]
    view = store.default_view()
    dataset = Dataset.make({"name": "baseline_queries", "title": "Queries"})
    entities = {}
    for key, names, birth, nationality in people:
        e = StatementEntity(dataset, {"schema": "Person", "id": f"query-{key}"})
        for name in names:
            e.add("name", name)
        if birth:
            e.add("birthDate", birth)
        e.add("nationality", nationality)
        entities[e.id] = (key, e)
    found: set[tuple[str, str]] = set()
    config = LogicV2.default_config()
    with tempfile.TemporaryDirectory() as tmp:
        index = Index(view, Path(tmp), options={"max_candidates": 75})
        index.build()
        for ident, cands in index.match_entities([e for _, e in entities.values()]):
            key, query = entities[ident.id]
            for cid, _score in cands:
                cand = view.get_entity(cid.id)
                if cand is None or not query.schema.can_match(cand.schema):
                    continue
                if LogicV2.compare(query, cand, config).score >= threshold:
                    found.add((key, cid.id))
    return found
