"""The evaluation set of ``tests/data/real_lists/``: real listed persons and real unlisted people.

Every listed person is one record of a published sanctions list file (the UK OFSI consolidated
list, the US OFAC SDN list or the EU travel-ban list, sources S1-S3 of the README); names,
aliases, birth dates and nationalities are as that record gives them. Each listed person comes
with other real ways of writing them (another list's record, or a transliteration system applied
to the Cyrillic a list prints), which a screening must find. The unlisted people are real people
who appear in none of the list files but resemble one listed person (a namesake born in another
year, the same given name with a close surname, or a relative named in a listed person's record),
which a screening must not report. All data is copied from public lists and datasets, for tests.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import orjson
import yaml
from followthemoney import model

DATA = Path(__file__).parent / "data" / "real_lists"
LISTED = DATA / "listed.yaml"
UNLISTED = DATA / "unlisted.yaml"

# The issuing authority and its country, by the list a record comes from.
AUTHORITY = {
    "gb_hmt_sanctions": ("HM Treasury, Office of Financial Sanctions Implementation", "gb"),
    "us_ofac_sdn": ("US Treasury, Office of Foreign Assets Control", "us"),
    "eu_travel_bans": ("Council of the European Union", "eu"),
}


@dataclass(frozen=True)
class Query:
    """One way of writing one person, and the listed entity it must find (None: none)."""

    id: str
    name: str
    how: str
    birth: str | None
    nationality: list[str]
    expected: str | None


def _load(path: Path) -> list[dict[str, Any]]:
    data: list[dict[str, Any]] = yaml.safe_load(path.read_text(encoding="utf-8"))
    return data


def listed() -> list[dict[str, Any]]:
    """The listed persons of ``listed.yaml``, as written there."""
    return _load(LISTED)


def unlisted() -> list[dict[str, Any]]:
    """The unlisted people of ``unlisted.yaml``, as written there."""
    return _load(UNLISTED)


def entity_id(person: dict[str, Any]) -> str:
    """The reference entity ID of a listed person: its list and the list's own record ID."""
    return f"{person['list']}-{person['record']}"


def _person(person: dict[str, Any]) -> dict[str, Any]:
    proxy = model.make_entity("Person")
    proxy.id = entity_id(person)
    proxy.add("name", person["name"])
    proxy.add("alias", person["aliases"])
    proxy.add("birthDate", person["birth_dates"])
    proxy.add("nationality", person["nationality"])
    return {**proxy.to_dict(), "datasets": [person["list"]]}


def _sanction(person: dict[str, Any]) -> dict[str, Any]:
    authority, country = AUTHORITY[person["list"]]
    proxy = model.make_entity("Sanction")
    proxy.id = f"{entity_id(person)}-sanction"
    proxy.add("entity", entity_id(person))
    proxy.add("authority", authority)
    proxy.add("country", country)
    proxy.add("authorityId", person["record"])
    proxy.add("program", person.get("program") or [])
    return {**proxy.to_dict(), "datasets": [person["list"]]}


def reference_entities() -> list[dict[str, Any]]:
    """FtM entity dicts: a Person and its Sanction for every listed person."""
    entities: list[dict[str, Any]] = []
    for person in listed():
        entities += [_person(person), _sanction(person)]
    return entities


def queries() -> list[Query]:
    """Every spelling of a listed person (it must find that person) and every unlisted person
    (it must find no one), with the birth date and nationality an NGO would know them by."""
    out: list[Query] = []
    for person in listed():
        births = person["birth_dates"]
        birth = births[0] if births else None
        expected = entity_id(person)
        for n, spelling in enumerate(person["spellings"], 1):
            out.append(
                Query(
                    f"{person['id']}-S{n}",
                    spelling["name"],
                    spelling["how"],
                    birth,
                    list(person["nationality"]),
                    expected,
                )
            )
    for person in unlisted():
        how = f"unlisted {person['kind']}, resembles {person['resembles']}"
        if person.get("name_original"):
            how += f"; iuliia ICAO_DOC_9303 of «{person['name_original']}» as the source prints it"
        out.append(
            Query(
                person["id"],
                person["name"],
                how,
                person.get("birth_date"),
                list(person.get("nationality") or []),
                None,
            )
        )
    return out


def write_reference(path: Path) -> Path:
    """Write ``reference_entities()`` as FtM JSON lines, one entity a line, keys sorted."""
    lines = (orjson.dumps(e, option=orjson.OPT_SORT_KEYS) + b"\n" for e in reference_entities())
    path.write_bytes(b"".join(lines))
    return path
