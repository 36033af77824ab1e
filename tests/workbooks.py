"""Build test workbooks from rows of fictional people. Every name here is invented."""

from __future__ import annotations

import copy
import hashlib
import shutil
from pathlib import Path
from typing import Any

from openpyxl import Workbook

from sanctions.evidence.folder import evidence_folder
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
            "identity_evidence_ids": "E001",
            "nationality": "kz",
            "status": "proposed",
            "summary": "Minister of Examples.",
            "impact": "His assets abroad would be frozen and his travel stopped.",
            "offence": "Ordering unlawful detentions is a serious crime in Lithuanian law.",
        },
        {
            "person_id": "P002",
            "name": "Dana Fictiyeva",
            "first_name": "Dana",
            "last_name": "Fictiyeva",
            "gender": "female",
            "birth_date": "1981",
            "identity_evidence_ids": "E001",
            "nationality": "Kazakhstan",
            "status": "proposed",
            "summary": "Chief of the Example City police.",
            "impact": "She travels abroad for training; a ban would end it.",
            "offence": "Ill-treating detainees is a serious crime in Lithuanian law.",
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
            "quote": "Arman Testbayev, Minister of Examples from January 2015",
            "locator": "p. 2",
            "account": "finding",
        },
        {
            "person_id": "P002",
            "org_id": "O002",
            "title": "Chief",
            "start_date": "2018",
            "evidence_ids": "E001; E002",
            "quote": "Dana Fictiyeva, who has led the Example City police since 2018",
            "locator": "p. 3",
            "account": "finding",
        },
    ],
    "incidents": [
        {
            "incident_id": "I001",
            "title": "Detention of protesters in Example City",
            "date": "2020-03-01",
            "place": "Example City",
            "country": "kz",
            "violation_types": "arbitrary_detention; ill_treatment",
            "summary": "Police detained peaceful protesters.",
            "victims": "Victim One; Victim Two",
            "victims_confidential": "yes",
            "evidence_ids": "E001",
            "confidential": "no",
            "victim_activity": "They were protesting peacefully.",
            "pattern": "The third such detention in Example City that year.",
            "consequences": "The protesters were held for ten days and one was hurt.",
        },
    ],
    "involvement": [
        {
            "person_id": "P001",
            "incident_id": "I001",
            "role": "ordered",
            "description": "Ordered the detentions.",
            "evidence_ids": "E001",
            "quote": "Minister Testbayev ordered the police to detain the protesters",
            "locator": "p. 4",
            "account": "finding",
        },
        {
            "person_id": "P002",
            "incident_id": "I001",
            "role": "perpetrated",
            "description": "Led the officers who detained the protesters.",
            "evidence_ids": "E002",
            "quote": "Chief Fictiyeva led the officers who detained us",
            "locator": "para. 3",
            "account": "witness",
            "account_by": "a detained protester",
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
            "file": "example-city-report.txt",
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
        {"key": "capacity", "value": "Director"},
        {"key": "email", "value": "jane@example.org"},
        {"key": "date", "value": "2026-11-30"},
    ],
}


# The texts of the valid rows' local copies: what the fictional sources say, so that every
# passage the rows quote is found in them.
REPORT = """Example Watch
Report on Example City (fictional)

1. The officials named here: Arman Testbayev, born on 1 May 1970, and Dana Fictiyeva, born in
1981, both Kazakh citizens.

2. Arman Testbayev, Minister of Examples from January 2015 to 31 December 2020, answered for the
police of the region.

3. Dana Fictiyeva, who has led the Example City police since 2018, commands its officers.

4. On 1 March 2020 Minister Testbayev ordered the police to detain the protesters who had gathered
in the central square. Two of them were held for three days.

5. According to one of the detained protesters, officers beat them in the police van.

6. Our earlier report on the detentions found that “Minister Testbayev had the detained
protesters taken to the city police station”, where they were held overnight.
"""
WITNESS = """Statement of a detained protester (fictional)
1. I took part in the peaceful gathering on 1 March 2020.
2. We were surrounded by police officers.
3. Chief Fictiyeva led the officers who detained us.
"""


# What the report's copy quotes from an earlier report (its paragraph 6).
EARLIER_REPORT_SAYS = (
    "Minister Testbayev had the detained protesters taken to the city police station"
)


def known_through(
    rows: Rows, carrier: str = "E001", title: str = "Example Watch's earlier report"
) -> None:
    """Add E003, an earlier report the list knows only through ``carrier``'s copy."""
    rows["evidence"].append(
        {"evidence_id": "E003", "title": title, "kind": "ngo_report",
         "known_through": carrier, "confidential": "no"}
    )  # fmt: skip


def act_on_earlier_report(rows: Rows, locator: str = "para. 6", title: str | None = None) -> None:
    """Add E003, known only through the report's copy, and rest Arman's act on the words the
    report quotes from it."""
    known_through(rows, "E001", *(() if title is None else (title,)))
    rows["involvement"][0].update(evidence_ids="E003", quote=EARLIER_REPORT_SAYS, locator=locator)


def with_listed_act(rows: Rows) -> None:
    """Add a report's list of officials (I002) in which Arman is named, with no act of his."""
    rows["incidents"].append(
        {"incident_id": "I002", "title": "Officials named in a report", "date": "2021-01-15",
         "summary": "A report names officials.", "country": "kz",
         "violation_types": "arbitrary_detention", "evidence_ids": "E001", "confidential": "no"}
    )  # fmt: skip
    rows["involvement"].append(
        {"person_id": "P001", "incident_id": "I002", "role": "listed",
         "description": "Named among the officials the report blames.", "evidence_ids": "E001",
         "quote": "The officials named here: Arman Testbayev", "locator": "para. 1",
         "account": "finding"}
    )  # fmt: skip


def with_unread_interview(rows: Rows) -> None:
    """Add E003, a confidential interview with no copy in the evidence folder: what a row cites
    it for beside the public report may be its alone, and public outputs leave it out."""
    rows["evidence"].append(
        {"evidence_id": "E003", "title": "Interview", "kind": "testimony", "confidential": "yes"}
    )


def valid_rows() -> Rows:
    return copy.deepcopy(VALID)


def headers(sheet: str, layout: Layout | None = None) -> list[str]:
    return [c.name for c in (layout or load_layout()).sheet(sheet).columns]


def write(
    path: Path,
    rows: Rows,
    header_overrides: dict[str, list[str]] | None = None,
    layout: Layout | None = None,
    copies: bool = True,
) -> Path:
    """Write rows under the layout's headers (or the given ones), one sheet per key, in row 1.

    A post or an act whose record does not mention ``quote`` gets one (its own title or
    description, on page 1, as the source's finding), as a proposed person's must; a test of
    what happens without one sets ``quote`` to None. With ``copies``, the evidence folder
    beside the workbook gets a copy of every file the evidence rows name (the valid rows' are
    ``REPORT`` and ``WITNESS`` as a PDF), each holding too the quotes made up for the rows that
    cite it, and the rows get the copies' SHA-256 unless they give their own. A test of the
    evidence folder itself makes its own, with ``copies`` False."""
    rows = _anchored(rows)
    if copies:
        rows = _with_copies(path, rows)
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


# What each quoting sheet's default quote is taken from.
QUOTED_FROM = {"involvement": "description", "positions": "title"}


def anchored(
    sheet: str, record: dict[str, Any], surnames: dict[str, str] | None = None
) -> dict[str, Any]:
    """The record with a quote, locator and account when it names none (see ``write``): a
    made-up quote names its person (``surnames``, by person_id), as a passage on a person's own
    act or post must."""
    source = QUOTED_FROM.get(sheet)
    if source is None or "quote" in record or not record.get(source):
        return record
    made = str(record[source]).replace(";", ",")
    surname = (surnames or {}).get(str(record.get("person_id")))
    if surname and surname.lower() not in made.lower():
        made = f"{surname}: {made}"
    return {**record, "quote": made, "locator": "p. 1", "account": "finding", MADE_UP: made}


MADE_UP = "_made_up_quote"  # a record's quote made up by ``anchored``, for the copies to hold


def write_copies(path: Path, rows: Rows) -> Rows:
    """The copies ``write`` makes for a workbook at ``path`` (for a test that writes the
    workbook its own way): the rows, anchored, with the copies' SHA-256."""
    return _with_copies(path, _anchored(rows))


def _anchored(rows: Rows) -> Rows:
    surnames = {
        str(p.get("person_id")): str(p.get("last_name") or str(p.get("name") or "").split()[-1])
        for p in rows.get("persons", [])
        if p.get("last_name") or str(p.get("name") or "").split()
    }
    return {
        sheet: [anchored(sheet, r, surnames) for r in records] for sheet, records in rows.items()
    }


def _with_copies(path: Path, rows: Rows) -> Rows:
    texts = {"statements/witness-1.pdf": WITNESS}
    evidence = rows.get("evidence", [])
    texts |= {
        str(e["file"]): REPORT for e in evidence if e.get("evidence_id") == "E001" and e.get("file")
    }
    files = {e["evidence_id"]: str(e["file"]) for e in evidence if e.get("file")}
    for name in files.values():
        texts.setdefault(name, f"A fictional source ({name}).\n")
    for sheet in QUOTED_FROM:
        for record in rows.get(sheet, []):
            cited = [i.strip() for i in str(record.get("evidence_ids") or "").split(";")]
            name = next((files[i] for i in cited if i in files), None)
            if MADE_UP in record and name is not None:
                texts[name] += f"\n{record[MADE_UP]}\n"
    folder = path.with_name(f"{path.stem}-evidence")
    digests = {}
    for name in set(files.values()):
        target = folder / name
        target.parent.mkdir(parents=True, exist_ok=True)
        data = pdf(texts[name]) if name.endswith(".pdf") else texts[name].encode("utf-8")
        target.write_bytes(data)
        digests[name] = hashlib.sha256(data).hexdigest()
    if "evidence" not in rows:
        return rows
    rows = dict(rows)
    rows["evidence"] = [
        e | {"sha256": digests[e["file"]]} if e.get("file") in digests and "sha256" not in e else e
        for e in evidence
    ]
    return rows


def pdf(text: str) -> bytes:
    """A one-page PDF whose text is ``text``, line by line, as a PDF reader extracts it."""
    lines = [
        line.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")
        for line in text.splitlines()
    ]
    shown = "".join(f"({line}) Tj T* " for line in lines)
    stream = f"BT /F1 10 Tf 12 TL 50 780 Td {shown}ET".encode("latin-1", "replace")
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out = b"%PDF-1.4\n"
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        xref,
    )
    return out


def cell(sheet: str, column: str, index: int) -> str:
    """A1 reference of rows[sheet][index][column] in a workbook built by write()."""
    return f"{column_letter(headers(sheet).index(column))}{index + 2}"


def target_rows(package: Path, code: str | None = None) -> list[dict[str, str]]:
    """A package's target table as rows of its list's columns, read from the .xlsx (whose first
    sheet may have no header row, as the real list has none); with the proposal sheet's columns
    added, where it has one, matched by the target's number."""
    from openpyxl import load_workbook

    from sanctions.governments import registry
    from sanctions.governments.listformat import header

    code = code or package.name.rsplit("-", 1)[-1]
    jurisdiction = registry.load()[code]
    (path,) = (package / "send").glob("*-targets.xlsx")
    book = load_workbook(path, read_only=True)
    sheets = [list(ws.iter_rows(values_only=True)) for ws in book.worksheets]
    columns = header(jurisdiction)
    body = sheets[0][1:] if jurisdiction.list_format.header_row else sheets[0]
    rows = [
        {c: "" if v is None else str(v) for c, v in zip(columns, row, strict=True)} for row in body
    ]
    if len(sheets) > 1:
        extra_header, *extra = sheets[1]
        proposals = [dict(zip(extra_header, row, strict=True)) for row in extra]
        if len(proposals) == len(rows):
            for row, more in zip(rows, proposals, strict=True):
                row.update({str(k): "" if v is None else str(v) for k, v in more.items()})
    return rows


def with_eu_decisions(rows: Rows) -> Rows:
    """The rows with the European Union's decision on every proposed person recorded on the
    submissions sheet (submitted, then declined), so that Switzerland, which is asked to take
    over the European Union's listings, knows where the European Union stands without a
    screening."""
    rows = copy.deepcopy(rows)
    steps = rows.setdefault("submissions", [])
    for person in rows["persons"]:
        if person.get("status") == "proposed":
            steps += [
                {"person_id": person["person_id"], "jurisdiction": "eu", "status": "submitted",
                 "date": "2026-03-02"},
                {"person_id": person["person_id"], "jurisdiction": "eu", "status": "rejected",
                 "date": "2026-06-01"},
            ]  # fmt: skip
    return rows


def copy_list(workbook: Path, to: Path) -> Path:
    """The workbook copied to ``to`` with its evidence folder, as an editor copies a list: a
    workbook moved without its folder has its copies missing (``evidence.file_missing``)."""
    shutil.copyfile(workbook, to)
    folder = evidence_folder(workbook)
    if folder.is_dir():
        shutil.copytree(folder, evidence_folder(to), dirs_exist_ok=True)
    return to
