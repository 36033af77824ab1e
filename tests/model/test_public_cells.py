"""What reaches a public output, found from the outputs themselves. Every cell a public output
shows is one the check for confidential victims searches: a confidential victim's name is
written into every text cell of a list, and every cell in which the check does not find it
must stay out of the publishable entities, the public list and the governments' target tables
(a column that an output starts to show without the check searching it fails here, whoever
adds it). And nothing of a confidential incident or source reaches them, whatever cell of it
holds the words. Every name is invented."""

from __future__ import annotations

import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from sanctions.check.validate import validate
from sanctions.common.places import ENTITIES_FILE, PUBLIC_FOLDER
from sanctions.workbook.layout import load_layout
from tests import workbooks
from tests.conftest import run_cli
from tests.workbooks import Rows, cell

VICTIM = "Saule Hiddenova"
SEARCHED = b"hiddenova"
# The officials' own names are published as theirs; the check reads them as other people's.
OWN_NAMES = {"name", "name_original", "first_name", "patronymic", "last_name", "aliases"}
# Cells whose value must have a form of its own (a date has no words to hold a name).
FORMED = {"url": "https://example.org/saule-hiddenova", "file": "saule-hiddenova-{}.txt"}
SUBMITTER_FORMED = {
    "website": "https://example.org/saule-hiddenova",
    "email": "saule.hiddenova@example.org",
    "public_contact": "saule.hiddenova@example.org",
}

SUBMITTER_GIVEN = {"website": "https://example.org", "public_contact": "info@example.org"}
# A passage both copies hold (``REPORT`` and ``WITNESS`` are given it), told by a witness: the
# words that name the abuse, so that the outputs say who calls it so. And one naming the
# victim, which they are given too: the source a victim's incident quotes names her, as a case
# file would.
TOLD = "the protesters were arbitrarily detained and ill-treated"
NAMING = f"{VICTIM} was arbitrarily detained and ill-treated"
WITNESS = {"quote": TOLD, "locator": "p. 5", "account": "witness", "account_by": "a protester"}
# The passages of the copies that name each official: an act's quote gives one beside the told
# passage, as a passage on a person's own act must (``model/naming``).
OWN_PASSAGE = {
    "P001": "Minister Testbayev ordered the police to detain the protesters",
    "P002": "Chief Fictiyeva led the officers who detained us",
}

Cell = tuple[str, str, int]  # sheet, column, index of the row in the sheet's rows


def list_with_three_incidents() -> Rows:
    """The valid rows with every submitter key and a submission, and three incidents: the
    victim's own (victims confidential), another whose victims are confidential too, and one
    whose victims are public, each with an act of an official in it; every act and incident
    is told by a witness."""
    rows = workbooks.valid_rows()
    rows["incidents"][0].update(victims=VICTIM, victims_confidential="yes")
    rows["incidents"] += [
        {"incident_id": "I002", "title": "Search of a flat", "date": "2020-04", "country": "kz",
         "violation_types": "ill_treatment", "summary": "Police searched a flat.",
         "victims": "Aliya Otherova", "victims_confidential": "yes", "evidence_ids": "E001",
         "victim_activity": "A journalist.", "pattern": "One of many."},
        {"incident_id": "I003", "title": "Beating at a station", "date": "2020-05",
         "country": "kz", "violation_types": "ill_treatment", "summary": "Police beat a man.",
         "victims": "Bolat Publicov", "victims_confidential": "no", "evidence_ids": "E001",
         "victim_activity": "A lawyer.", "pattern": "One of many."},
    ]  # fmt: skip
    rows["involvement"] += [
        {"person_id": "P001", "incident_id": "I002", "role": "ordered",
         "description": "Ordered the search.", "evidence_ids": "E001"},
        {"person_id": "P002", "incident_id": "I003", "role": "perpetrated",
         "description": "Beat the man.", "evidence_ids": "E001"},
    ]  # fmt: skip
    # a lead kept for research, with a post and an act: none of it is published
    rows["persons"].append(
        {"person_id": "P003", "name": "Ilyas Nonov", "status": "research",
         "summary": "Deputy chief.", "exculpatory": "Denies it.", "birth_place": "Example Town"}
    )  # fmt: skip
    rows["positions"].append(
        {"person_id": "P003", "org_id": "O002", "title": "Deputy Chief", "start_date": "2019",
         "evidence_ids": "E001", "quote": TOLD, "locator": "p. 5", "account": "witness",
         "account_by": "a protester"}
    )  # fmt: skip
    rows["involvement"].append(
        {"person_id": "P003", "incident_id": "I003", "role": "perpetrated",
         "description": "Took part.", "evidence_ids": "E001"}
    )  # fmt: skip
    for record in (*rows["incidents"], *rows["involvement"]):
        record.update(WITNESS)
    for record in rows["involvement"]:  # and a passage naming the official, the act's own
        own = OWN_PASSAGE.get(record["person_id"])
        if own:
            record["quote"] = f"{TOLD}; {own}"
    keys = load_layout().vocabularies["submitter_key"]
    given = {r["key"]: r["value"] for r in rows["submitter"]} | SUBMITTER_GIVEN
    rows["submitter"] = [{"key": k, "value": given.get(k, f"Our {k}")} for k in keys]
    rows["submissions"] = [
        {"person_id": "P001", "jurisdiction": "us", "status": "planned", "reference": "Ref 1",
         "notes": "Filed by post."}
    ]  # fmt: skip
    return rows


def text_cells(rows: Rows) -> Iterator[Cell]:
    """Every cell of a column of words (text, names, addresses), the officials' names aside."""
    layout = load_layout()
    for sheet in layout.sheets:
        for column in sheet.columns:
            if column.kind.name not in ("text", "name", "url"):
                continue
            if sheet.name == "persons" and column.name in OWN_NAMES:
                continue
            for index, record in enumerate(rows.get(sheet.name, [])):
                if sheet.name == "submitter" and record["key"] == "date":
                    continue
                if column.name == "victims" and record.get("victims_confidential") == "yes":
                    continue  # she would be one of them: withheld with them
                yield sheet.name, column.name, index


def naming_the_victim(rows: Rows, cells: list[Cell]) -> Rows:
    """The rows with the victim's name written into each of ``cells``."""
    for sheet, column, index in cells:
        record = rows[sheet][index]
        if sheet == "submitter" and record["key"] in SUBMITTER_FORMED:
            record[column] = SUBMITTER_FORMED[record["key"]]
        elif column == "quote":  # the passage naming the official, if any, stays
            record[column] = "; ".join([NAMING, *str(record[column]).split("; ")[1:]])
        elif column == "victims":  # one more victim, named in public
            record[column] = f"{record[column]}; {VICTIM}"
        elif column in FORMED:
            record[column] = FORMED[column].format(index)
        else:
            record[column] = f"{record.get(column) or 'About'} {VICTIM}"
    return rows


def public_texts(folder: Path) -> Iterator[tuple[Path, bytes]]:
    """Every public output's bytes (a workbook's unpacked): the publishable entities, the
    public list, and each government's target table, which it publishes as its list's rows
    (names, posts, reasons). The copies of the public sources are theirs, published as they
    are, and not the list's words."""
    tables = folder.glob("*/send/*-targets.*")
    files = [folder / ENTITIES_FILE, *(folder / PUBLIC_FOLDER).rglob("*"), *tables]
    for path in files:
        if not path.is_file() or (folder / PUBLIC_FOLDER / "evidence") in path.parents:
            continue
        data = path.read_bytes()
        if path.suffix == ".xlsx":
            with zipfile.ZipFile(path) as book:
                data = b"".join(book.read(n) for n in book.namelist())
        yield path, data


def test_every_cell_a_public_output_shows_is_searched_for_confidential_victims(
    build, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    for copy in ("REPORT", "WITNESS"):
        own = "\n".join(OWN_PASSAGE.values())
        monkeypatch.setattr(
            workbooks, copy, f"{getattr(workbooks, copy)}\n{TOLD}\n{NAMING}\n{own}\n"
        )
    cells = list(text_cells(list_with_three_incidents()))
    everywhere = naming_the_victim(list_with_three_incidents(), cells)
    findings = validate(build(everywhere)).findings
    flagged = {(f.sheet, f.cell) for f in findings if f.code == "victim.named_elsewhere"}
    quiet = [c for c in cells if (c[0], cell(*c)) not in flagged]
    # the check looks where the outputs show a name: not in what incidents whose victims are
    # confidential withhold, whoever those victims are, nor in what is never published
    assert ("organizations", cell("organizations", "name", 0)) in flagged
    assert ("incidents", cell("incidents", "summary", 2)) in flagged  # public victims
    assert ("incidents", cell("incidents", "place", 0)) in flagged  # published for every one
    assert ("involvement", cell("involvement", "locator", 3)) in flagged  # printed by its quote
    for withheld in (("incidents", "title", 0), ("incidents", "title", 1),
                     ("involvement", "description", 2), ("submissions", "notes", 0),
                     ("persons", "summary", 2), ("positions", "title", 2)):  # fmt: skip
        assert withheld in quiet, withheld

    book = build(naming_the_victim(list_with_three_incidents(), quiet))
    assert not validate(book).errors
    out = tmp_path / "out"
    assert run_cli("export", str(book), "--out", str(out)).returncode == 0
    folder = out / book.stem
    shown = dict(public_texts(folder))
    assert b"Arman Testbayev" in shown[folder / ENTITIES_FILE]
    assert b"Arman Testbayev" in shown[folder / PUBLIC_FOLDER / "index.html"]
    assert [p.name for p, data in shown.items() if SEARCHED in data.lower()] == []


SECRET = "Zephyrine"  # a word no other cell holds, written into every cell of what is secret


def with_secrets(rows: Rows) -> Rows:
    """The valid rows with a confidential incident (an act of P001's in it, quoted from a
    confidential source: ``workbooks.anchored`` makes the quote of its description, and the
    source's copy holds it) and that confidential source also cited by a post and an act beside
    a public one, every text cell of each naming ``SECRET``."""
    rows["evidence"].append(
        {"evidence_id": "E003", "title": f"{SECRET} interview", "publisher": f"{SECRET} Group",
         "kind": "testimony", "url": f"https://example.org/{SECRET.lower()}",
         "archive_url": f"https://archive.example.org/{SECRET.lower()}",
         "file": f"{SECRET.lower()}.txt", "language": "en", "confidential": "yes"}
    )  # fmt: skip
    rows["incidents"].append(
        {"incident_id": "I002", "title": f"Beating of {SECRET}", "date": "2020-06",
         "end_date": "2020-07", "place": f"{SECRET} street", "country": "kz",
         "violation_types": "ill_treatment", "summary": f"{SECRET} was beaten.",
         "victims": SECRET, "victims_confidential": "no", "evidence_ids": "E003",
         "quote": f"the beating of {SECRET}", "locator": f"{SECRET} p. 1", "account": "victim",
         "account_by": SECRET, "victim_activity": f"{SECRET} campaigned.",
         "pattern": f"{SECRET} pattern.", "confidential": "yes"}
    )  # fmt: skip
    rows["involvement"].append(
        {"person_id": "P001", "incident_id": "I002", "role": "ordered",
         "description": f"Ordered the beating of {SECRET}.", "evidence_ids": "E003"}
    )  # fmt: skip
    for sheet in ("positions", "involvement"):  # a confidential source cited beside a public one
        rows[sheet][0]["evidence_ids"] += "; E003"
    return rows


def test_nothing_of_a_confidential_incident_or_source_reaches_a_public_output(
    build, tmp_path: Path
) -> None:
    book = build(with_secrets(workbooks.valid_rows()))
    assert not validate(book).errors
    out = tmp_path / "out"
    assert run_cli("export", str(book), "--out", str(out)).returncode == 0
    folder = out / book.stem
    # what is confidential goes to governments, marked so
    package = folder / f"{book.stem}-gb" / "send"
    assert SECRET.encode() in (package / "entities-confidential.ftm.json").read_bytes()
    shown = dict(public_texts(folder))
    assert b"Arman Testbayev" in shown[folder / PUBLIC_FOLDER / "index.html"]
    assert [p.name for p, data in shown.items() if SECRET.lower().encode() in data.lower()] == []
    assert not (folder / PUBLIC_FOLDER / "evidence" / f"{SECRET.lower()}.txt").exists()
