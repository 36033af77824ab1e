"""A labelled set of fictional people for screening tests: every name here is invented.

Each query person appears in the reference data under other spellings (which must match)
and beside look-alikes (which must not). ``EXPECTED`` is the set of (person, reference id)
pairs a correct screening reports; anything else it reports is a false positive.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import orjson

from tests import workbooks

PERSONS: list[dict[str, str]] = [
    *(dict(p, nationality="kz") for p in workbooks.VALID["persons"]),
    {
        "person_id": "P003",
        "name": "Bolat Zhaksylykov",
        "patronymic": "Serikovich",
        "aliases": "Bolat Serikovich Zhaksylykov",
        "birth_date": "1965-11-23",
        "nationality": "kz",
        "status": "research",
    },
    {
        "person_id": "P004",
        "name": "Nurlan Imanbekov",
        "name_original": "Иманбеков Нұрлан",
        "birth_date": "1972-02-14",
        "nationality": "kz",
        "status": "research",
    },
    {
        "person_id": "P005",
        "name": "Kassym Ordabayev",
        "name_original": "Ордабаев Қасым Кенжеұлы",
        "birth_date": "1959-07-30",
        "nationality": "kz",
        "status": "research",
    },
    {
        "person_id": "P006",
        "name": "Yerzhan Kuttybekov",
        "birth_date": "1977-09-09",
        "nationality": "kz",
        "status": "research",
    },
    {
        "person_id": "P007",
        "name": "Gulmira Sarsenova",
        "birth_date": "1984-03-05",
        "nationality": "kz",
        "status": "research",
    },
    {
        "person_id": "P008",
        "name": "Timur Abdrakhmanov",
        "birth_date": "1969-12-12",
        "nationality": "kz",
        "status": "research",
    },
]

# (reference id, name, birth date, the person it is, or None for a look-alike)
LABELLED: list[tuple[str, str, str | None, str | None]] = [
    # Latin spellings and word order
    ("r01", "TESTBAYEV, Arman", "1970-05-01", "P001"),
    ("r02", "Arman Testbaev", "1970-05-01", "P001"),
    ("r03", "Arman Testbayew", None, "P001"),
    ("r04", "Arman Testbayeff", "1970", "P001"),
    # Cyrillic forms; a patronymic the workbook does not give
    ("r05", "Тестбаев Арман", "1970-05-01", "P001"),
    ("r06", "Фиктиева Дана Маратовна", "1981", "P002"),
    ("r07", "Dana Maratovna FIKTIEVA", None, "P002"),
    # patronymic present on one side only
    ("r08", "Zhaksylykov Bolat", "1965-11-23", "P003"),
    ("r09", "Жаксылыков Болат Серикович", "1965-11-23", "P003"),
    ("r10", "Bolat Serikovich Dzhaksylykov", None, "P003"),
    # Kazakh against Russian Cyrillic and Latin
    ("r11", "Иманбеков Нурлан", "1972-02-14", "P004"),
    ("r12", "Nurlan IMANBEKOV", "1972", "P004"),
    ("r13", "Qasym Ordabaev", "1959-07-30", "P005"),
    ("r14", "Ордабаев Касым", None, "P005"),
    ("r15", "Kasym Kenzhevich Ordabayev", "1959-07-30", "P005"),
    # ye/e, zh/j, -ov/-off
    ("r16", "Erzhan Kuttybekoff", "1977-09-09", "P006"),
    ("r17", "Yerjan Kuttibekov", "1977-09-09", "P006"),
    # initials, where the full birth date agrees
    ("r18", "G. Sarsenova", "1984-03-05", "P007"),
    ("r19", "T. Abdrakhmanov", "1969-12-12", "P008"),
    ("r20", "Sarsenova Gulmira", None, "P007"),
    ("r21", "Abdrahmanov Timur", "1969", "P008"),
    # the same name, born years apart: another person
    ("n01", "Arman Testbayev", "1958-02-02", None),
    ("n02", "Bolat Zhaksylykov", "1990-01-01", None),
    ("n03", "Gulmira Sarsenova", "1961-06-30", None),
    ("n04", "Timur Abdrakhmanov", "1995-04-04", None),
    # a different person sharing the birth date
    ("n05", "Serik Omarov", "1970-05-01", None),
    ("n06", "Aigul Bekova", "1984-03-05", None),
    ("n07", "Marat Nurpeisov", "1965-11-23", None),
    # initials that do not pin the person down (no or another birth date)
    ("n08", "G. Sarsenova", None, None),
    ("n09", "T. Abdrakhmanov", "1975-01-01", None),
    # near names that are other people
    ("n10", "Arman Tastanov", "1970-05-01", None),
    ("n11", "Dana Fiktova", None, None),
    ("n12", "Nurlan Imangaliyev", "1972-02-14", None),
    ("n13", "Dinara Abdrakhmanova", None, None),
]

EXPECTED = {(person, ref) for ref, _, _, person in LABELLED if person is not None}


def reference_entities() -> list[dict[str, Any]]:
    entities: list[dict[str, Any]] = []
    for i, (ref, name, birth, _) in enumerate(LABELLED):
        props: dict[str, list[str]] = {"name": [name]}
        if birth:
            props["birthDate"] = [birth]
        entities.append(
            {"id": ref, "schema": "Person", "datasets": ["fictional"], "properties": props}
        )
        entities.append(
            {
                "id": f"{ref}-sanction",
                "schema": "Sanction",
                "datasets": ["gb_fcdo_sanctions" if i % 2 else "us_ofac_sdn"],
                "properties": {
                    "entity": [ref],
                    "program": ["Global Human Rights" if i % 2 else "GLOMAG"],
                    "country": ["gb" if i % 2 else "us"],
                    "authority": ["Fictional authority"],
                    "listingDate": [f"20{10 + i % 12}-03-15"],
                },
            }
        )
    entities.append(
        {
            "id": "org1",
            "schema": "Company",
            "datasets": ["fictional"],
            "properties": {"name": ["Testbayev Arman LLP"]},
        }
    )
    return entities


def write_reference(path: Path, entities: list[dict[str, Any]] | None = None) -> Path:
    rows = entities if entities is not None else reference_entities()
    path.write_bytes(b"".join(orjson.dumps(e) + b"\n" for e in rows))
    return path


def write_workbook(path: Path) -> Path:
    rows = workbooks.valid_rows()
    rows["persons"] = [dict(p) for p in PERSONS]
    for person in PERSONS[2:]:
        pid = person["person_id"]
        rows["positions"].append(
            {"person_id": pid, "org_id": "O001", "title": "Deputy", "evidence_ids": "E001"}
        )
        rows["involvement"].append(
            {
                "person_id": pid,
                "incident_id": "I001",
                "role": "ordered",
                "description": "Signed the detention orders.",
                "evidence_ids": "E001",
            }
        )
    return workbooks.write(path, rows)
