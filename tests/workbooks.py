"""Build test workbooks from rows of fictional people. Every name here is invented."""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

from openpyxl import Workbook

from sanctions.rules.finding import column_letter
from sanctions.workbook.layout import Layout, load_layout

Rows = dict[str, list[dict[str, Any]]]

VALID: Rows = {
    "persons": [
        {
            "person_id": "P001",
            "name": "Arman Testbayev",
            "first_name": "Arman",
            "last_name": "Testbayev",
            "gender": "male",
            "birth_date": "1970-05-01",
            "nationality": "kz",
            "status": "proposed",
            "summary": "Minister of Examples.",
        },
        {
            "person_id": "P002",
            "name": "Dana Fictiyeva",
            "first_name": "Dana",
            "last_name": "Fictiyeva",
            "gender": "female",
            "birth_date": "1981",
            "nationality": "Kazakhstan",
            "status": "proposed",
            "summary": "Chief of the Example City police.",
        },
    ],
    "organizations": [
        {"org_id": "O001", "name": "Ministry of Examples", "type": "ministry", "country": "kz"},
        {
            "org_id": "O002",
            "name": "Example City Police",
            "type": "police",
            "country": "kz",
            "parent_org_id": "O001",
        },
    ],
    "positions": [
        {
            "person_id": "P001",
            "org_id": "O001",
            "title": "Minister",
            "start_date": "2015-01",
            "end_date": "2020-12-31",
            "evidence_ids": "E001",
        },
        {
            "person_id": "P002",
            "org_id": "O002",
            "title": "Chief",
            "start_date": "2018",
            "evidence_ids": "E001; E002",
        },
    ],
    "incidents": [
        {
            "incident_id": "I001",
            "title": "Detention of protesters in Example City",
            "date": "2020-03-01",
            "country": "kz",
            "violation_types": "arbitrary_detention; ill_treatment",
            "summary": "Police detained peaceful protesters.",
            "victims": "Victim One; Victim Two",
            "victims_confidential": "yes",
            "evidence_ids": "E001",
            "confidential": "no",
        },
    ],
    "involvement": [
        {
            "person_id": "P001",
            "incident_id": "I001",
            "role": "ordered",
            "description": "Ordered the detentions.",
            "evidence_ids": "E001",
        },
        {
            "person_id": "P002",
            "incident_id": "I001",
            "role": "perpetrated",
            "description": "Led the officers who detained the protesters.",
            "evidence_ids": "E002",
        },
    ],
    "evidence": [
        {
            "evidence_id": "E001",
            "title": "Report on Example City",
            "publisher": "Example Watch",
            "published_date": "2021-01-15",
            "kind": "ngo_report",
            "url": "https://example.org/report",
            "sha256": "a" * 64,
            "language": "en",
            "confidential": "no",
        },
        {
            "evidence_id": "E002",
            "title": "Witness statement",
            "kind": "testimony",
            "file": "statements/witness-1.pdf",
            "language": "ru",
            "confidential": "no",
        },
    ],
    "relations": [
        {
            "person_id": "P002",
            "related_person_id": "P001",
            "relationship": "associate",
            "evidence_ids": "E001",
        },
    ],
    "submitter": [
        {"key": "organisation", "value": "Example Rights Centre"},
        {"key": "contact_person", "value": "Jane Doe"},
        {"key": "email", "value": "jane@example.org"},
        {"key": "date", "value": "2026-11-30"},
    ],
}


def valid_rows() -> Rows:
    return copy.deepcopy(VALID)


def headers(sheet: str, layout: Layout | None = None) -> list[str]:
    return [c.name for c in (layout or load_layout()).sheet(sheet).columns]


def write(
    path: Path,
    rows: Rows,
    header_overrides: dict[str, list[str]] | None = None,
    layout: Layout | None = None,
) -> Path:
    """Write rows under the layout's headers (or the given ones), one sheet per key, in row 1."""
    book = Workbook()
    book.remove(book.active)
    for sheet, records in rows.items():
        ws = book.create_sheet(sheet)
        names = (header_overrides or {}).get(sheet) or headers(sheet, layout)
        ws.append(names)
        for record in records:
            ws.append([record.get(name) for name in names])
    book.save(path)
    return path


def cell(sheet: str, column: str, index: int) -> str:
    """A1 reference of rows[sheet][index][column] in a workbook built by write()."""
    return f"{column_letter(headers(sheet).index(column))}{index + 2}"
