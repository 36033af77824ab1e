"""Checks on what a list claims: a confidential victim named elsewhere, undated posts, sources
nobody can check, and persons with no public conduct. Every name is invented."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from sanctions.check.validate import validate
from tests import workbooks
from tests.conftest import run_cli
from tests.workbooks import Rows, cell

HIDDEN = "Saule Hiddenova"


def with_confidential_victim(rows: Rows) -> Rows:
    rows["incidents"][0].update(victims=HIDDEN, victims_confidential="yes")
    return rows


def found(findings, code: str) -> list[tuple[str | None, str | None]]:
    return [(f.sheet, f.cell) for f in findings if f.code == code]


def test_a_confidential_victim_named_in_an_organisation_is_an_error_naming_both_cells(
    build, tmp_path: Path
) -> None:
    rows = with_confidential_victim(workbooks.valid_rows())
    rows["organizations"][0]["name"] = f"Court that tried the case of {HIDDEN}"
    book = build(rows)
    findings = validate(book).findings
    leaks = [f for f in findings if f.code == "victim.named_elsewhere"]
    assert [(f.sheet, f.cell, f.severity) for f in leaks] == [
        ("organizations", cell("organizations", "name", 0), "error")
    ]
    assert f"incidents!{cell('incidents', 'victims', 0)}" in leaks[0].message
    out = tmp_path / "out"
    proc = run_cli("export", str(book), "--out", str(out))
    assert proc.returncode == 1
    written = [p for p in out.rglob("*") if p.is_file()] if out.exists() else []
    assert not any(HIDDEN.encode() in p.read_bytes() for p in written)


def test_the_fix_offered_for_a_named_victim_is_one_the_cell_allows(build) -> None:
    """An organisation's row has no confidential column: it can only be reworded. A victim of
    an incident marked confidential is pointed at by the incident's mark, not by a victims
    cell that says nothing of it."""
    rows = with_confidential_victim(workbooks.valid_rows())
    rows["organizations"][0]["name"] = f"Court that tried the case of {HIDDEN}"
    (leak,) = [f for f in validate(build(rows)).findings if f.code == "victim.named_elsewhere"]
    assert leak.message.endswith("this cell reaches public outputs: reword it")
    assert "whose identity is confidential" in leak.message
    rows["incidents"][0].update(victims_confidential="no", confidential="yes")
    (leak,) = [f for f in validate(build(rows)).findings if f.code == "victim.named_elsewhere"]
    assert f"which is marked confidential (incidents!{cell('incidents', 'confidential', 0)})" in (
        leak.message
    )


def test_the_victims_own_incident_may_name_them_and_other_cells_may_not(build) -> None:
    rows = with_confidential_victim(workbooks.valid_rows())
    rows["incidents"][0]["summary"] = f"Police detained {HIDDEN} and others."  # its own incident
    rows["positions"][1]["title"] = f"Officer in charge of {HIDDEN.upper()}'s file"
    rows["involvement"][0]["description"] = f"Ordered the arrest of {HIDDEN}."  # own incident
    findings = validate(build(rows)).findings
    assert found(findings, "victim.named_elsewhere") == [
        ("positions", cell("positions", "title", 1))
    ]


def test_a_quote_or_its_teller_naming_a_confidential_victim_elsewhere_is_an_error(build) -> None:
    """An act's passages and teller are published with it; an incident's passage is not (the
    packages quote it, to governments), so it may name her."""
    rows = with_confidential_victim(workbooks.valid_rows())
    rows["incidents"].append({"incident_id": "I002", "title": "Search of a flat", "date": "2020-04",
                              "country": "kz", "violation_types": "ill_treatment",
                              "summary": "Police searched a flat.", "evidence_ids": "E001",
                              "quote": f"police searched the flat of {HIDDEN}'s brother",
                              "locator": "p. 5", "account": "finding"})  # fmt: skip
    rows["involvement"].append({"person_id": "P002", "incident_id": "I002", "role": "perpetrated",
                                "description": "Searched the flat.", "evidence_ids": "E002",
                                "quote": "Chief Fictiyeva led the officers who detained us",
                                "locator": "para. 3", "account": "relative",
                                "account_by": f"the mother of {HIDDEN}"})  # fmt: skip
    findings = validate(build(rows)).findings
    assert found(findings, "victim.named_elsewhere") == [
        ("involvement", cell("involvement", "account_by", 2)),
    ]


def test_a_confidential_victim_of_two_incidents_is_confidential_in_both(build) -> None:
    """Her name in the victims cell of another incident whose victims are confidential too
    reaches no public output: nothing to report. In a cell that does, it is reported."""
    rows = with_confidential_victim(workbooks.valid_rows())
    rows["incidents"].append({"incident_id": "I002", "title": "Second detention",
                              "date": "2020-04", "country": "kz",
                              "violation_types": "arbitrary_detention",
                              "summary": "Police detained a woman again.", "evidence_ids": "E001",
                              "victims": f"{HIDDEN}; Aigul Witnessova",
                              "victims_confidential": "yes"})  # fmt: skip
    assert found(validate(build(rows)).findings, "victim.named_elsewhere") == []
    rows["incidents"][1]["victims_confidential"] = "no"  # now it names her in public
    assert found(validate(build(rows)).findings, "victim.named_elsewhere") == [
        ("incidents", cell("incidents", "victims", 1))
    ]


def test_what_an_incident_with_confidential_victims_withholds_may_name_anyone(build) -> None:
    """Public outputs tell such an incident, and the acts in it, without its title, summary,
    descriptions or passages, whoever its victims are: another hidden victim named there
    reaches no public output. Named in its place, which is published, she is reported."""
    rows = with_confidential_victim(workbooks.valid_rows())
    rows["incidents"].append({"incident_id": "I002", "title": f"Search of {HIDDEN}'s flat",
                              "date": "2020-04", "country": "kz",
                              "violation_types": "ill_treatment", "evidence_ids": "E001",
                              "summary": f"Police searched the flat of {HIDDEN}'s brother.",
                              "victims": "Aigul Witnessova", "victims_confidential": "yes",
                              "place": "Example City"})  # fmt: skip
    rows["involvement"].append({"person_id": "P002", "incident_id": "I002", "role": "perpetrated",
                                "description": f"Searched the flat of {HIDDEN}'s brother.",
                                "evidence_ids": "E002", "locator": f"statement of {HIDDEN}",
                                "quote": "Chief Fictiyeva led the officers who detained us",
                                "account": "victim"})  # fmt: skip
    assert found(validate(build(rows)).findings, "victim.named_elsewhere") == []
    rows["incidents"][1]["place"] = f"{HIDDEN}'s street"
    assert found(validate(build(rows)).findings, "victim.named_elsewhere") == [
        ("incidents", cell("incidents", "place", 1))
    ]


@pytest.mark.parametrize(
    ("sheet", "column", "row", "text", "shown"),
    [
        ("involvement", "locator", 1, f"statement of {HIDDEN}, para. 3", False),  # own incident
        ("positions", "locator", 1, f"statement of {HIDDEN}, p. 3", False),  # a post: no passage
        ("persons", "id_numbers", 0, f"passport of {HIDDEN}", True),
        ("persons", "impact", 0, f"{HIDDEN} asked for this", False),  # to governments only
        ("submitter", "value", 0, f"{HIDDEN} Foundation", True),  # the publisher
        ("submitter", "value", 1, HIDDEN, False),  # the contact person: on letters only
    ],
)
def test_a_locator_id_or_publisher_naming_a_confidential_victim_is_reported_where_published(
    build, sheet: str, column: str, row: int, text: str, shown: bool
) -> None:
    rows = with_confidential_victim(workbooks.valid_rows())
    rows[sheet][row][column] = text
    expected = [(sheet, cell(sheet, column, row))] if shown else []
    assert found(validate(build(rows)).findings, "victim.named_elsewhere") == expected


def test_a_teller_naming_a_hidden_victim_is_reported_where_documents_name_the_teller(
    build,
) -> None:
    """A post's teller is printed beside it ("according to …") unless the passage is the
    source's own finding, beside which no teller is named."""
    rows = with_confidential_victim(workbooks.valid_rows())
    rows["positions"][1].update(account="finding", account_by=f"the lawyer of {HIDDEN}")
    assert found(validate(build(rows)).findings, "victim.named_elsewhere") == []
    rows["positions"][1]["account"] = "relative"
    assert found(validate(build(rows)).findings, "victim.named_elsewhere") == [
        ("positions", cell("positions", "account_by", 1))
    ]


def test_a_research_lead_may_be_described_by_what_was_done_to_a_hidden_victim(build) -> None:
    """A person kept for research, their posts and acts, reach no public output: their cells
    may name her (the editor's notes on a lead often do). Proposed, they are reported."""
    rows = with_confidential_victim(workbooks.valid_rows())
    rows["persons"][1].update(status="research", summary=f"Suspected in the case of {HIDDEN}.")
    rows["positions"][1]["title"] = f"Investigator of the {HIDDEN} case"
    assert found(validate(build(rows)).findings, "victim.named_elsewhere") == []
    rows["persons"][1]["status"] = "proposed"
    assert found(validate(build(rows)).findings, "victim.named_elsewhere") == [
        ("persons", cell("persons", "summary", 1)),
        ("positions", cell("positions", "title", 1)),
    ]


OTHER_HIDDEN = {"incident_id": "I002", "title": "Search of a flat", "date": "2020-04",
                "country": "kz", "violation_types": "ill_treatment", "evidence_ids": "E001",
                "victims": "Aliya Otherova", "victims_confidential": "yes"}  # fmt: skip
DETAIN = "the minister ordered the police to detain"


def quoting(text: str) -> Callable[[Rows], Rows]:
    """The first act quotes ``text`` (its source's copy holds it, ``copies``)."""

    def change(rows: Rows) -> Rows:
        rows["involvement"][0]["quote"] = text
        return rows

    return change


def also(**cells: tuple[str, int, str]) -> Callable[[Rows], Rows]:
    def change(rows: Rows) -> Rows:
        for column, (sheet, row, value) in cells.items():
            rows[sheet][row][column] = value
        return rows

    return change


# Found by a review that wrote hidden victims' names where the check did not look, exported
# the list, and found them in a public output: (victim, the change, the text the source's copy
# must hold, the cell reported).
UNSEEN_BEFORE = [
    # her incident's passages are published with its own victims withheld; another's are named
    ("Saule Hiddenova", lambda rows: quoting(f"{DETAIN} Saule Hiddenova and Aliya Otherova")(
        {**rows, "incidents": [*rows["incidents"], OTHER_HIDDEN]}),
     f"{DETAIN} Saule Hiddenova and Aliya Otherova", ("involvement", "quote", 0)),
    # what the withholding leaves of her own name: a short one, a decomposed accent, a backtick
    ("Bo Li", quoting(f"{DETAIN} Bo Li"), f"{DETAIN} Bo Li", ("involvement", "quote", 0)),
    ("Saule Hiddénova", quoting(f"{DETAIN} Saule Hidde\u0301nova"),
     f"{DETAIN} Saule Hidde\u0301nova", ("involvement", "quote", 0)),
    ("Olga Koval'chuk", quoting(f"{DETAIN} Olga Koval`chuk"), f"{DETAIN} Olga Koval`chuk",
     ("involvement", "quote", 0)),
    # an address as a browser shows it: /Хидденова
    ("Saule Hiddenova",
     also(url=("evidence", 0, "https://example.org/%D0%A5%D0%B8%D0%B4%D0%B4%D0%B5%D0%BD%D0%BE%D0%B2%D0%B0")),
     "", ("evidence", "url", 0)),
    # a source's ID is its file name where it has no file or address
    ("Saule Hiddenova", also(evidence_id=("evidence", 1, "hiddenova-interview"),
                             evidence_ids=("involvement", 1, "hiddenova-interview")),
     "", ("evidence", "evidence_id", 1)),
    # two victims typed with a comma for a semicolon
    ("Saule Hiddenova, Aliya Otherova",
     also(name=("organizations", 0, "Ministry of Examples (Aliya Otherova case)")), "",
     ("organizations", "name", 0)),
    # a relative of the same surname, whom no public output names, leaves the surname hers
    ("Saule Hiddenova",
     lambda rows: also(summary=("persons", 0, "Ordered the arrest of Hiddenova."))(
         {**rows, "relations": [{"person_id": "P001", "related_name": "Aigerim Hiddenova",
                                 "relationship": "spouse", "evidence_ids": "E001"}]}),
     "", ("persons", "summary", 0)),
]  # fmt: skip


@pytest.mark.parametrize(("victim", "change", "held", "place"), UNSEEN_BEFORE)
def test_a_confidential_victim_is_found_where_the_outputs_would_show_her(
    build, monkeypatch: pytest.MonkeyPatch, victim, change, held, place
) -> None:
    monkeypatch.setattr(workbooks, "REPORT", f"{workbooks.REPORT}\n{held}\n")
    rows = workbooks.valid_rows()
    rows["incidents"][0].update(victims=victim, victims_confidential="yes")
    sheet, column, row = place
    findings = validate(build(change(rows))).findings
    assert found(findings, "victim.named_elsewhere") == [(sheet, cell(sheet, column, row))]


@pytest.mark.parametrize(
    "described", ["Serik Orazov, a journalist", "Serik Orazov, Almaty resident", "Orazov, Serik"]
)
def test_a_victim_described_after_a_comma_is_one_person(build, described: str) -> None:
    """Only names of capitalised words parted by commas are read as several people: "a
    journalist" names nobody, and a text about journalists names no victim."""
    rows = workbooks.valid_rows()
    rows["incidents"][0].update(victims=described, victims_confidential="yes")
    rows["organizations"][0]["name"] = "Union of Journalists and Residents of Almaty"
    assert found(validate(build(rows)).findings, "victim.named_elsewhere") == []
    rows["organizations"][1]["name"] = "Court for the Orazov case"
    assert found(validate(build(rows)).findings, "victim.named_elsewhere") == [
        ("organizations", cell("organizations", "name", 1))
    ]


def test_a_workbook_named_after_a_confidential_victim_is_an_error(tmp_path: Path) -> None:
    """The public list's title and the entities' IDs are made from the workbook's name."""
    rows = with_confidential_victim(workbooks.valid_rows())
    book = workbooks.write(tmp_path / "saule_hiddenova_case.xlsx", rows)
    named = [f for f in validate(book).findings if f.code == "victim.named_elsewhere"]
    assert [(f.sheet, f.value) for f in named] == [(None, "saule_hiddenova_case")]
    assert "rename the workbook" in named[0].message


# Ways a text names Saule Hiddenova without her full name as typed (issue 26's canaries).
VARIANTS = (
    "Persecution of Hiddenova",  # surname alone
    "The S. Hiddenova case",  # initial and surname
    "Сауле Хидденова",  # Cyrillic
    "Hiddenova, Saule",  # another order
    "Sawle Khiddenowa",  # another romanisation
)


def test_a_confidential_victim_is_found_however_her_name_is_written(build) -> None:
    for variant in VARIANTS:
        rows = with_confidential_victim(workbooks.valid_rows())
        rows["positions"][1]["title"] = variant
        rows["evidence"][1]["publisher"] = f"Lawyer of {variant}"
        findings = validate(build(rows)).findings
        assert sorted(found(findings, "victim.named_elsewhere")) == [
            ("evidence", cell("evidence", "publisher", 1)),
            ("positions", cell("positions", "title", 1)),
        ], variant


def test_no_spelling_of_a_confidential_victim_reaches_a_file(build, tmp_path: Path) -> None:
    rows = with_confidential_victim(workbooks.valid_rows())
    rows["evidence"][1]["publisher"] = "Lawyer of S. Hiddenova"
    out = tmp_path / "out"
    assert run_cli("export", str(build(rows)), "--out", str(out)).returncode == 1
    written = [p for p in out.rglob("*") if p.is_file()] if out.exists() else []
    assert not any(b"Hiddenova" in p.read_bytes() for p in written)


# A second pass (issue 26's review): (victim, a text naming them, the sheet and column it is
# put in). Grammatical cases, Kazakh -uly surnames, hyphenated and glued names, more columns.
NAMED_SO = (
    ("Serik Orazov", "Суд по делу Оразова", "organizations", "name"),
    ("Serik Orazov", "Комиссия по делу с Оразовым", "organizations", "name_original"),
    ("Serik Orazov", "Court for the Orazova case", "positions", "title"),
    ("Bolat Zhanuly", "Court for the Zhanuly case", "organizations", "name"),
    ("Dana Serikkyzy", "Aigerim Serikkyzy memorial", "organizations", "name"),
    ("Arman Zhanuly", "Court for the case of Arman Zhanuly", "organizations", "name"),
    ("Aigerim Orazova-Bekova", "Court for the Bekova case", "evidence", "title"),
    ("Serik Orazov", "the Orazovsʼ son", "evidence", "title"),
    ("Serik Orazov", "#FreeOrazov campaign report", "evidence", "title"),
    ("Serik Orazov", "SerikOrazov case file", "evidence", "title"),
    ("Serik Orazov", "Serik\u00adOrazov", "evidence", "title"),
    ("Serik Orazov", "Orazov street", "incidents", "place"),
    ("Serik Orazov", "https://example.org/orazov-case", "evidence", "url"),
    ("Serik Orazov", "orazov-report.txt", "evidence", "file"),
    ("Serik Orazov", "Orazov village", "persons", "birth_place"),
)


@pytest.mark.parametrize(("victim", "text", "sheet", "column"), NAMED_SO)
def test_a_confidential_victim_is_found_in_every_form_and_column(
    build, victim, text, sheet, column
) -> None:
    rows = with_confidential_victim(workbooks.valid_rows())
    rows["incidents"][0]["victims"] = victim
    rows["incidents"].append({"incident_id": "I002", "title": "Search of a flat", "date": "2020-04",
                              "country": "kz", "violation_types": "ill_treatment",
                              "summary": "Police searched a flat.", "evidence_ids": "E001"})  # fmt: skip
    row = 1 if sheet in ("incidents", "evidence", "positions", "organizations") else 0
    rows[sheet][row][column] = text
    findings = [f for f in validate(build(rows)).findings if f.code == "victim.named_elsewhere"]
    assert [(f.sheet, f.cell) for f in findings] == [(sheet, cell(sheet, column, row))], text


def test_a_confidential_incidents_victims_are_confidential_too(build) -> None:
    rows = workbooks.valid_rows()
    rows["incidents"][0].update(
        victims="Serik Orazov", victims_confidential="no", confidential="yes"
    )
    rows["organizations"][1]["name"] = "Court for the case of Serik Orazov"
    assert found(validate(build(rows)).findings, "victim.named_elsewhere") == [
        ("organizations", cell("organizations", "name", 1))
    ]


def test_a_word_that_only_contains_a_surname_is_not_the_victim(build) -> None:
    """Nur-Sultan is a city, not the victim Aidos Sultan; a given name alone names no one."""
    rows = with_confidential_victim(workbooks.valid_rows())
    rows["incidents"][0]["victims"] = "Aidos Sultan; Bolat Zhanuly"
    rows["evidence"][1]["title"] = "Report on protests in Nur-Sultan"
    rows["organizations"][1]["name"] = "Bolat district police"
    assert found(validate(build(rows)).findings, "victim.named_elsewhere") == []


def test_a_surname_the_list_shares_with_an_official_needs_a_given_name_or_initial(build) -> None:
    """'Fictiyeva' alone is the official's name as much as the victim's: only 'S. Fictiyeva' or
    'Saule Fictiyeva' names the victim; a given name elsewhere in the cell does not."""
    rows = workbooks.valid_rows()
    official = next(p for p in rows["persons"] if "Fictiyeva" in p["name"])
    rows["incidents"][0].update(victims="Saule Fictiyeva", victims_confidential="yes")
    rows["positions"][1]["title"] = "Deputy to Chief Fictiyeva"
    rows["organizations"][0]["name"] = "Saule district court, where Fictiyeva sat"
    rows["evidence"][1]["title"] = "Adviser in the S. Fictiyeva case"
    findings = validate(build(rows)).findings
    assert official["status"]
    assert found(findings, "victim.named_elsewhere") == [("evidence", cell("evidence", "title", 1))]


def test_a_summary_telling_a_confidential_incident_is_an_error_at_its_cell(build) -> None:
    """The summary is published with the person: it must not tell a confidential incident by
    its date, its victims or its title's words; a summary about the post alone passes."""
    for summary, told in (
        ("Minister of Examples who ordered the arrests of 1 March 2020.", "its date, 1 March 2020"),
        ("Minister; had Victim Two beaten.", "a victim's name, victim two"),
        ("Minister behind the detention of protesters in Example City.", "words of its title"),
        ("Minister; ordered the arrests on 01.03.2020.", "its date, 01.03.2020"),
        ("Minister; on March 1, 2020 he ordered arrests.", "its date, March 1, 2020"),
        ("Министр; 1 марта 2020 года приказал задержать.", "its date, 1 марта 2020"),
        ("Minister of Examples since 2015.", None),
        (
            "Minister who had protesters held in Example City in March 2020.",
            "its place and month, Example City, March 2020",
        ),
        ("Minister; arrests in Example City in 2020.", None),  # a year: many things happened
        (  # one of the incident's places (below: "Example City; Zhanaozen")
            "Minister behind arrests in Zhanaozen in March 2020.",
            "its place and month, Zhanaozen, March 2020",
        ),
        ("Minister of the interior in March 2020.", None),  # a month alone: likewise
    ):
        rows = workbooks.valid_rows()
        rows["incidents"][0].update(confidential="yes", place="Example City; Zhanaozen")
        rows["persons"][0]["summary"] = summary
        findings = [
            f for f in validate(build(rows)).findings if f.code.startswith("person.summary_")
        ]
        if told is None:
            assert findings == [], summary
            continue
        [f] = findings
        # a month with a place may be the post's own: a warning, not an error
        weak = told.startswith("its place and month")
        weak_code, code = (
            "person.summary_may_tell_confidential",
            "person.summary_tells_confidential",
        )
        assert f.code == (weak_code if weak else code)
        severity = "warning" if weak else "error"
        assert (f.sheet, f.cell, f.severity) == ("persons", cell("persons", "summary", 0), severity)
        said = "as I001 has them, which is confidential" if weak else "tells I001, which is"
        assert said in f.message and told in f.message, f.message


def test_undated_posts_are_flagged_unless_a_source_dates_one(build) -> None:
    rows = workbooks.valid_rows()
    for post in rows["positions"]:
        if post["person_id"] == "P002":
            post.pop("start_date", None)
            post.pop("end_date", None)
    assert found(validate(build(rows)).findings, "person.posts_undated") == [
        ("persons", cell("persons", "person_id", 1))
    ]
    for post in rows["positions"]:
        if post["person_id"] == "P002":
            post["as_of"] = "2021-09-01"
    assert not found(validate(build(rows)).findings, "person.posts_undated")


def test_evidence_nobody_can_check_is_flagged_unless_known_through_one_that_can(build) -> None:
    rows = workbooks.valid_rows()
    rows["evidence"][0].update(url="https://example.org/report", file=None)
    rows["evidence"][1].update(url=None, archive_url=None, file=None)
    assert found(validate(build(rows)).findings, "evidence.uncheckable") == [
        ("evidence", cell("evidence", "url", 1))
    ]
    rows["evidence"][1]["known_through"] = "E001"
    assert not found(validate(build(rows)).findings, "evidence.uncheckable")


def test_a_person_whose_conduct_is_all_confidential_is_flagged_and_left_off_the_public_list(
    build, tmp_path: Path
) -> None:
    rows = workbooks.valid_rows()
    rows["incidents"].append(
        {"incident_id": "I009", "title": "Secret beating", "date": "2020", "country": "kz",
         "violation_types": "torture", "summary": "A beating told in confidence.",
         "evidence_ids": "E001", "confidential": "yes"}
    )  # fmt: skip
    for part in rows["involvement"]:
        if part["person_id"] == "P002":
            part["incident_id"] = "I009"
    book = build(rows)
    assert found(validate(book).findings, "person.no_public_conduct") == [
        ("persons", cell("persons", "person_id", 1))
    ]
    out = tmp_path / "out"
    assert run_cli("export", str(book), "--out", str(out)).returncode == 0
    page = (out / book.stem / "public" / "index.html").read_text(encoding="utf-8")
    assert "Arman Testbayev" in page and "Dana Fictiyeva" not in page
    assert "Secret beating" not in page
    public = (out / book.stem / "entities.ftm.json").read_text(encoding="utf-8")
    assert "Secret beating" not in public and "Dana Fictiyeva" not in public


def test_an_incident_told_only_by_confidential_sources_leaves_public_outputs_with_its_acts(
    build, tmp_path: Path
) -> None:
    """Its title, date and place rest on confidential sources alone: the incident leaves the
    public page, the public entities and the reasons governments publish, with the acts in
    it, however public their own sources; validate says so at its sources, naming the public
    ones its acts cite."""
    rows = workbooks.valid_rows()
    rows["incidents"][0].update(
        title="Beating in the Secret Cellar", evidence_ids="E002", victims_confidential="no"
    )
    rows["evidence"][1]["confidential"] = "yes"  # E002, the witness statement
    rows["involvement"][1].update(
        evidence_ids="E001", quote="Dana Fictiyeva, who has led the Example City police"
    )
    book = build(rows)
    (said,) = [f for f in validate(book).findings if f.code == "incident.confidential_sources_only"]
    assert (said.sheet, said.cell) == ("incidents", cell("incidents", "evidence_ids", 0))
    assert "the acts in it cite E001" in said.message
    out = tmp_path / "out"
    assert run_cli("export", "--draft", str(book), "--out", str(out)).returncode == 0
    page = (out / book.stem / "public" / "index.html").read_text(encoding="utf-8")
    public = (out / book.stem / "entities.ftm.json").read_text(encoding="utf-8")
    for text in (page, public):
        assert "Secret Cellar" not in text and "2020-03-01" not in text
    for table in (out / book.stem).glob("*/send/*-targets.csv"):
        reasons = table.read_text(encoding="utf-8-sig")
        assert "Secret Cellar" not in reasons and "1 March 2020" not in reasons, table


def test_a_row_citing_no_source_is_not_called_confidential_conduct(build) -> None:
    """An act with its evidence cell left empty is an error at that cell, not conduct that
    is "all confidential"."""
    rows = workbooks.valid_rows()
    for part in rows["involvement"]:
        if part["person_id"] == "P002":
            part["evidence_ids"] = ""
    findings = validate(build(rows)).findings
    assert any(f.code == "value.missing" and f.sheet == "involvement" for f in findings), [
        (f.code, f.cell) for f in findings
    ]
    assert not found(findings, "person.no_public_conduct")


def test_a_list_with_no_confidential_victim_has_nothing_to_look_for(
    build, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The names of every person of the list are read (seconds on a large list) only to tell a
    hidden victim's name from theirs: without a hidden victim they are not read for it."""
    from sanctions.check import content
    from sanctions.workbook.sheets import read_sheets

    def never(names: object) -> frozenset[str]:
        raise AssertionError("the list's names were read with no confidential victim")

    monkeypatch.setattr(content, "taken_readings", never)
    rows = workbooks.valid_rows()
    for incident in rows["incidents"]:
        incident["victims_confidential"] = "no"  # named in public, as the sources name them
    rows["organizations"][0]["name"] = "Court that tried the case of Victim One"
    assert list(content._victims_named(read_sheets(build(rows)).sheets)) == []
    hidden = read_sheets(build(with_confidential_victim(workbooks.valid_rows()))).sheets
    with pytest.raises(AssertionError, match="no confidential victim"):
        list(content._victims_named(hidden))


def test_a_title_naming_a_victim_or_place_only_confidential_sources_give_is_warned_of(
    build,  # type: ignore[no-untyped-def]
) -> None:
    """Beside the public report, a confidential interview with no copy is cited for a victim
    and a place the report does not give: they leave the public outputs, and the title, which
    is published, must not give them; a title naming only what the report gives passes."""
    rows = workbooks.valid_rows()
    workbooks.with_unread_interview(rows)
    rows["incidents"][0].update(
        title="Beating of Serik Secretov in Hidden Town",
        victims="Serik Secretov",
        victims_confidential="no",
        place="Example City; Hidden Town",
        evidence_ids="E001; E003",
    )
    [f] = [f for f in validate(build(rows)).findings if f.code == "incident.title_tells_withheld"]
    assert (f.sheet, f.cell, f.severity) == ("incidents", cell("incidents", "title", 0), "warning")
    assert "names the victim Serik Secretov and the place Hidden Town" in f.message
    rows["incidents"][0]["title"] = "Detention of protesters in Example City"
    findings = validate(build(rows)).findings
    assert not [f for f in findings if f.code == "incident.title_tells_withheld"]
