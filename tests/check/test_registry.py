"""Every registered rule: a workbook that breaks it, and the exact code and cell the validator
reports; and the registry itself, from which the docs and these tests are built."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from sanctions.check.registry import BY_CODE, RULES
from sanctions.workbook.columns.base import cell_rules
from sanctions.workbook.layout import load_layout
from tests import workbooks
from tests.workbooks import Rows, cell

Mutation = Callable[[Rows], None]


def setter(sheet: str, index: int, column: str, value: Any) -> Mutation:
    def mutate(rows: Rows) -> None:
        rows[sheet][index][column] = value

    return mutate


# (code, mutation, sheet, column, row index of the reported cell)
CELL_CASES: list[tuple[str, Mutation, str, str, int]] = [
    ("date.invalid", setter("persons", 0, "birth_date", "1965-13-01"), "persons", "birth_date", 0),
    ("date.invalid", setter("persons", 1, "birth_date", "15.06.1965"), "persons", "birth_date", 1),
    (
        "date.invalid",
        setter("positions", 0, "start_date", "2015-02-30"),
        "positions",
        "start_date",
        0,
    ),
    ("date.invalid", setter("persons", 0, "birth_date", 23744), "persons", "birth_date", 0),
    (
        "date.implausible_birth",
        setter("persons", 0, "birth_date", "1850"),
        "persons",
        "birth_date",
        0,
    ),
    (
        "date.implausible_birth",
        setter("persons", 0, "birth_date", "2024-01-01"),
        "persons",
        "birth_date",
        0,
    ),
    # a year typed short (0202 for 2020), which FtM would drop at the export
    ("date.implausible", setter("incidents", 0, "date", "0202-11-10"), "incidents", "date", 0),
    (
        "date.implausible",
        setter("positions", 0, "start_date", "0201-05"),
        "positions",
        "start_date",
        0,
    ),
    ("date.future", setter("incidents", 0, "date", "2999-01-01"), "incidents", "date", 0),
    (
        "date.future",
        setter("evidence", 0, "published_date", "2999"),
        "evidence",
        "published_date",
        0,
    ),
    ("date.order", setter("positions", 0, "end_date", "2014-12"), "positions", "end_date", 0),
    (
        "country.unknown",
        setter("persons", 0, "nationality", "kz; Narnia"),
        "persons",
        "nationality",
        0,
    ),
    (
        "country.unknown",
        setter("organizations", 1, "country", "Atlantis"),
        "organizations",
        "country",
        1,
    ),
    ("url.invalid", setter("evidence", 0, "url", "ftp://example.org/x"), "evidence", "url", 0),
    # How Excel stores a control character pasted into a cell: calamine reads it back as one.
    (
        "text.control",
        setter("persons", 0, "summary", "Minister_x0001_ of Examples."),
        "persons",
        "summary",
        0,
    ),
    (
        "url.invalid",
        setter("evidence", 0, "archive_url", "https://exa mple.org"),
        "evidence",
        "archive_url",
        0,
    ),
    (
        "vocab.invalid",
        setter("incidents", 0, "violation_types", "killing; beating"),
        "incidents",
        "violation_types",
        0,
    ),
    ("vocab.invalid", setter("involvement", 1, "role", "boss"), "involvement", "role", 1),
    (
        "vocab.invalid",
        setter("evidence", 1, "confidential", "maybe"),
        "evidence",
        "confidential",
        1,
    ),
    ("sha256.invalid", setter("evidence", 0, "sha256", "abc123"), "evidence", "sha256", 0),
    (
        "language.unknown",
        setter("evidence", 0, "language", "klingonese"),
        "evidence",
        "language",
        0,
    ),
    ("id.invalid", setter("organizations", 1, "org_id", "O 2"), "organizations", "org_id", 1),
    ("id.invisible", setter("persons", 1, "person_id", "P002\u200b"), "persons", "person_id", 1),
    ("id.duplicate", setter("persons", 1, "person_id", "P001"), "persons", "person_id", 1),
    ("value.missing", setter("organizations", 0, "type", None), "organizations", "type", 0),
    ("value.missing", setter("positions", 1, "evidence_ids", None), "positions", "evidence_ids", 1),
    (
        "value.missing",
        setter("involvement", 0, "evidence_ids", "  "),
        "involvement",
        "evidence_ids",
        0,
    ),
    (
        "text.whitespace",
        setter("persons", 0, "summary", "Minister  of Examples."),
        "persons",
        "summary",
        0,
    ),
    ("text.whitespace", setter("persons", 0, "name", " Arman Testbayev"), "persons", "name", 0),
    ("text.invisible", setter("persons", 0, "name", "Arman\u00a0Testbayev"), "persons", "name", 0),
    (
        "text.invisible",
        setter("incidents", 0, "title", "Detention\u200b of protesters"),
        "incidents",
        "title",
        0,
    ),
    (
        "text.mixed_script",
        setter("persons", 0, "name", "Arm\u0430n Testbayev"),
        "persons",
        "name",
        0,
    ),
    (
        "text.mixed_script",
        setter("persons", 1, "aliases", "Dana Fictiyev\u0430"),
        "persons",
        "aliases",
        1,
    ),
    ("name.not_latin", setter("persons", 0, "name", "Арман Тестбаев"), "persons", "name", 0),
    ("ref.unknown_org", setter("positions", 0, "org_id", "O999"), "positions", "org_id", 0),
    (
        "ref.unknown_person",
        setter("positions", 0, "person_id", "P999"),
        "positions",
        "person_id",
        0,
    ),
    (
        "ref.unknown_incident",
        setter("involvement", 0, "incident_id", "I999"),
        "involvement",
        "incident_id",
        0,
    ),
    (
        "ref.unknown_evidence",
        setter("positions", 1, "evidence_ids", "E001; E999"),
        "positions",
        "evidence_ids",
        1,
    ),
    (
        "ref.unknown_evidence",
        setter("incidents", 0, "evidence_ids", "E404"),
        "incidents",
        "evidence_ids",
        0,
    ),
    (
        "ref.unknown_org",
        setter("organizations", 1, "parent_org_id", "O404"),
        "organizations",
        "parent_org_id",
        1,
    ),
    (
        "ref.unknown_person",
        setter("relations", 0, "related_person_id", "P404"),
        "relations",
        "related_person_id",
        0,
    ),
    (
        "ref.self",
        setter("organizations", 0, "parent_org_id", "O001"),
        "organizations",
        "parent_org_id",
        0,
    ),
    (
        "ref.org_cycle",
        setter("organizations", 0, "parent_org_id", "O002"),
        "organizations",
        "parent_org_id",
        0,
    ),
    (
        "ref.org_cycle",
        setter("organizations", 0, "parent_org_id", "O002"),
        "organizations",
        "parent_org_id",
        1,
    ),
    (
        "relation.no_target",
        setter("relations", 0, "related_person_id", None),
        "relations",
        "related_person_id",
        0,
    ),
    ("person.no_birth_date", setter("persons", 1, "birth_date", None), "persons", "birth_date", 1),
    # two locators for one passage: which is it?
    (
        "quote.locators",
        setter("involvement", 0, "locator", "p. 4; p. 5"),
        "involvement",
        "locator",
        0,
    ),
    # a birth date typed without the source that states it
    (
        "person.identity_uncited",
        setter("persons", 1, "identity_evidence_ids", None),
        "persons",
        "identity_evidence_ids",
        1,
    ),
    # a birth year the source cited for it does not give
    (
        "quote.identity_not_found",
        setter("persons", 1, "birth_date", "1980"),
        "persons",
        "identity_evidence_ids",
        1,
    ),
    # what weighs against the case, typed without the source that states it
    (
        "person.exculpatory_uncited",
        setter("persons", 1, "exculpatory", "She denies it, according to a news report."),
        "persons",
        "exculpatory_evidence_ids",
        1,
    ),
    # a proposed person's act without the source's words for it
    ("quote.missing", setter("involvement", 0, "quote", None), "involvement", "quote", 0),
    ("quote.missing", setter("positions", 1, "account", None), "positions", "account", 1),
    # words the cited report never wrote
    (
        "quote.not_found",
        setter("involvement", 0, "quote", "the minister ordered the army to shoot"),
        "involvement",
        "quote",
        0,
    ),
    # a protester's account, its "According to one of the detained protesters" cut off, typed
    # as the report's own finding
    (
        "quote.others_account",
        setter("involvement", 0, "quote", "officers beat them in the police van"),
        "involvement",
        "quote",
        0,
    ),
    # an incident's day mistyped: the report gives 1 March 2020
    ("quote.value_not_found", setter("incidents", 0, "date", "2020-03-02"), "incidents", "date", 0),
    # words in quotation marks in a description that the cited report never wrote
    (
        "quote.inline_not_found",
        setter("involvement", 0, "description", "The report says he “ordered the army to shoot”."),
        "involvement",
        "description",
        0,
    ),
    # an act said to be part of a killing in an incident of detention alone
    (
        "ref.part_outside",
        setter("involvement", 0, "part_in", "killing"),
        "involvement",
        "part_in",
        0,
    ),
    # the report's copy gone: its passages cannot be checked
    ("quote.unchecked", setter("evidence", 0, "file", None), "evidence", "file", 0),
    (
        "person.no_nationality",
        setter("persons", 0, "nationality", None),
        "persons",
        "nationality",
        0,
    ),
]


@pytest.mark.parametrize(("code", "mutate", "sheet", "column", "index"), CELL_CASES)
def test_rule_reports_code_at_cell(findings_of, code, mutate, sheet, column, index):
    rows = workbooks.valid_rows()
    mutate(rows)
    found = findings_of(rows)
    expected = cell(sheet, column, index)
    hits = [f for f in found if f.code == code]
    assert [(f.sheet, f.cell) for f in hits if f.cell == expected] == [(sheet, expected)], found
    hit = next(f for f in hits if f.cell == expected)
    assert hit.severity == BY_CODE[code].severity
    assert hit.column == column and hit.row == index + 2
    assert hit.file.endswith(".xlsx") and hit.message


def test_every_rule_has_a_case():
    """A new rule without a failing-workbook test fails here: each is in CELL_CASES, or named
    below with the test module that breaks it (which must mention its code)."""
    elsewhere = {
        **dict.fromkeys(
            (
                "sheet.missing",
                "sheet.unknown",
                "sheet.hidden",
                "column.missing",
                "column.unknown",
                "column.duplicate",
                "column.no_header",
                "cell.error_value",
                "cell.formula",
            ),
            "workbook/test_structure.py",
        ),
        # a hidden or doubled part must not slip into an output unseen
        **dict.fromkeys(
            ("sheet.duplicate", "row.hidden", "column.hidden", "cells.merged", "cell.at_limit"),
            "export/test_leaks.py",
        ),
        **dict.fromkeys(
            (
                "person.no_position",
                "person.no_involvement",
                "person.confidential_evidence_only",
                "person.near_duplicate",
                "evidence.uncited",
                "submitter.missing",
            ),
            "check/test_registry.py",
        ),
        **dict.fromkeys(
            (
                "victim.named_elsewhere",
                "person.summary_tells_confidential",
                "person.summary_may_tell_confidential",
                "person.posts_undated",
                "person.no_public_conduct",
                "evidence.uncheckable",
                "incident.confidential_sources_only",
                "incident.title_tells_withheld",
            ),
            "check/test_content.py",
        ),
        **dict.fromkeys(
            (
                "person.collective_only",
                "act.passage_unnamed",
                "post.passage_unnamed",
                "person.not_ready",
                "argument.unwritten",
            ),
            "check/test_readiness.py",
        ),
        "submitter.value": "check/test_submitter.py",
        "quote.only_confidential": "export/test_leaks.py",
        "quote.carriers_words": "evidence/test_quoting.py",
        "quote.inline_carriers_words": "evidence/test_inline.py",
        **dict.fromkeys(
            (
                "submission.order",
                "submission.unsubmitted",
                "submission.future",
                "submission.same_day",
            ),
            "check/test_submissions.py",
        ),
        **dict.fromkeys(
            (
                "evidence.file_missing",
                "evidence.file_changed",
                "evidence.file_outside",
                "evidence.file_unhashed",
                "evidence.file_unportable",
            ),
            "evidence/test_rules.py",
        ),
        **dict.fromkeys(
            (
                "evidence.link_dead",
                "evidence.link_dead_archived",
                "evidence.link_unreachable",
                "evidence.link_refused",
                "evidence.links_unreadable",
            ),
            "evidence/test_linkcheck.py",
        ),
    }
    covered = {case[0] for case in CELL_CASES} | set(elsewhere)
    assert covered == set(BY_CODE)
    tests = Path(__file__).resolve().parents[1]
    for code, module in elsewhere.items():
        assert f'"{code}"' in (tests / module).read_text(encoding="utf-8"), (code, module)


def test_person_without_position_or_involvement(findings_of):
    rows = workbooks.valid_rows()
    rows["positions"] = [p for p in rows["positions"] if p["person_id"] != "P002"]
    rows["involvement"] = [i for i in rows["involvement"] if i["person_id"] != "P002"]
    found = {(f.code, f.cell) for f in findings_of(rows)}
    assert ("person.no_position", cell("persons", "person_id", 1)) in found
    assert ("person.no_involvement", cell("persons", "person_id", 1)) in found


def test_withdrawn_person_needs_no_links(findings_of):
    rows = workbooks.valid_rows()
    rows["persons"][1]["status"] = "withdrawn"
    rows["positions"] = [p for p in rows["positions"] if p["person_id"] != "P002"]
    rows["involvement"] = [i for i in rows["involvement"] if i["person_id"] != "P002"]
    rows["relations"] = []
    codes = {f.code for f in findings_of(rows)}
    assert not codes & {"person.no_position", "person.no_involvement"}


def test_uncited_evidence(findings_of):
    rows = workbooks.valid_rows()
    rows["evidence"].append({"evidence_id": "E003", "title": "Unused", "kind": "media"})
    found = [f for f in findings_of(rows) if f.code == "evidence.uncited"]
    assert [(f.cell, f.value, f.severity) for f in found] == [
        (cell("evidence", "evidence_id", 2), "E003", "warning")
    ]
    # a source cited only for a person's identifying details or contrary information is cited
    rows["evidence"].append({"evidence_id": "E004", "title": "Court record", "kind": "media"})
    rows["persons"][0].update(identity_evidence_ids="E003")
    rows["persons"][1].update(exculpatory="She denies it.", exculpatory_evidence_ids="E004")
    assert not [f for f in findings_of(rows) if f.code == "evidence.uncited"]


def test_person_resting_only_on_confidential_evidence(findings_of):
    rows = workbooks.valid_rows()
    rows["evidence"][1]["confidential"] = "yes"
    rows["positions"][1]["evidence_ids"] = "E002"
    rows["relations"] = []
    found = [f for f in findings_of(rows) if f.code == "person.confidential_evidence_only"]
    assert [(f.cell, f.value) for f in found] == [(cell("persons", "person_id", 1), "P002")]


@pytest.mark.parametrize(
    ("first", "second"),
    [
        ("Karim Massimov", "Karim Masimov"),
        ("Nursultan Nazarbayev", "Nursultan Nazarbaev"),
        ("Gizat Karzhibayev", "Gizat Karzhybayev"),
        ("Karim Massimov", "Масимов Карим"),
        ("Ivan Ivanov", "Iwan Iwanow"),
        # the keys screening uses: German, Belarusian and Kazakh forms, one person
        ("Yuriy Shchukin", "Jurij Schtschukin"),
        ("Siarhei Kavaliou", "Sergey Kovalev"),
        ("Zhomart Toksanbayev", "Jomart Toqsanbaev"),
    ],
)
def test_near_duplicate_persons(findings_of, first, second):
    rows = workbooks.valid_rows()
    rows["persons"][0]["name"] = first
    rows["persons"][1]["name"] = second
    rows["persons"][1]["birth_date"] = None
    found = [f for f in findings_of(rows) if f.code == "person.near_duplicate"]
    assert [(f.cell, f.severity) for f in found] == [(cell("persons", "name", 1), "warning")]
    assert "row 2" in found[0].message and "P001" in found[0].message


def test_near_duplicate_found_through_aliases_and_original_script(findings_of):
    rows = workbooks.valid_rows()
    rows["persons"][0].update(name="Karim Massimov", name_original="Масимов Карим")
    rows["persons"][1].update(name="K. Massimov", aliases="Karim Masimov", birth_date=None)
    assert [f.cell for f in findings_of(rows) if f.code == "person.near_duplicate"] == [
        cell("persons", "name", 1)
    ]


def test_different_birth_dates_are_different_people(findings_of):
    rows = workbooks.valid_rows()
    rows["persons"][0].update(name="Karim Massimov", birth_date="1965")
    rows["persons"][1].update(name="Karim Masimov", birth_date="1971-02-03")
    assert not [f for f in findings_of(rows) if f.code == "person.near_duplicate"]


def test_different_people_are_not_near_duplicates(findings_of):
    rows = workbooks.valid_rows()
    rows["persons"][0]["name"] = "Ivan Ivanov"
    rows["persons"][1]["name"] = "Ivan Petrov"
    assert not [f for f in findings_of(rows) if f.code == "person.near_duplicate"]


def test_partial_dates_compare_as_intervals(findings_of):
    rows = workbooks.valid_rows()
    rows["positions"][0].update(start_date="2022-01-15", end_date="2022-01")
    assert not [f for f in findings_of(rows) if f.code == "date.order"]


def test_excel_serial_number_gets_a_hint(findings_of):
    rows = workbooks.valid_rows()
    rows["persons"][0]["birth_date"] = 23744
    (hit,) = [f for f in findings_of(rows) if f.code == "date.invalid"]
    assert hit.value == "23744" and "serial number" in hit.message


def test_submitter_missing(findings_of):
    rows = workbooks.valid_rows()
    rows["submitter"] = [{"key": "organisation", "value": "Example Rights Centre"}]
    (hit,) = [f for f in findings_of(rows) if f.code == "submitter.missing"]
    assert hit.severity == "warning" and "contact_person" in hit.message and "email" in hit.message


def test_duplicate_id_names_the_first_row(findings_of):
    rows = workbooks.valid_rows()
    rows["persons"][1]["person_id"] = "P001"
    (hit,) = [f for f in findings_of(rows) if f.code == "id.duplicate"]
    assert hit.cell == cell("persons", "person_id", 1)
    assert "first on row 2" in hit.message


def test_each_rule_is_registered_once_with_its_words():
    assert len({rule.code for rule in RULES}) == len(RULES)
    for rule in RULES:
        assert rule.severity in ("error", "warning"), rule.code
        assert rule.meaning and rule.message, rule.code


def test_every_rule_a_column_type_applies_is_registered():
    """A type's rule missing from the registry would be checked but never documented."""
    layout = load_layout()
    applied = {
        rule
        for sheet in layout.sheets
        for col in sheet.columns
        for rule in (*cell_rules(col), *col.kind.hygiene(col))
    }
    assert applied <= set(RULES)


def test_a_birth_date_is_found_however_the_copy_writes_it_and_a_mistyped_day_is_not(
    findings_of, monkeypatch: pytest.MonkeyPatch
):
    """The copy writes "born on 1 May 1970"; another writes the day as Russian does, and the
    place in Cyrillic and in a grammatical case. A day the copy does not give (the year alone
    matching) is warned of: it names somebody else born that year."""
    rows = workbooks.valid_rows()
    rows["persons"][0].update(birth_date="1970-05-02")
    (found,) = [f for f in findings_of(rows) if f.code == "quote.identity_not_found"]
    assert "the birth date 1970-05-02 (the month is there, not the day)" in found.message
    russian = "\nАрман Тестбаев родился 1 мая 1970 года в Алматы.\n"
    monkeypatch.setattr(workbooks, "REPORT", workbooks.REPORT.replace("1 May 1970", "?") + russian)
    rows = workbooks.valid_rows()
    rows["persons"][0].update(birth_place="Almaty, Kazakhstan")
    assert not [f for f in findings_of(rows) if f.code == "quote.identity_not_found"]
    rows["persons"][0].update(birth_place="Karaganda")
    (found,) = [f for f in findings_of(rows) if f.code == "quote.identity_not_found"]
    assert "the birth place 'Karaganda'" in found.message


def test_identifying_details_are_looked_for_in_the_copies_cited_for_them(
    findings_of, monkeypatch: pytest.MonkeyPatch
):
    """The birth year, the birth place and an ID number's letters and digits, whatever the
    spacing or punctuation the source writes them with."""
    passport = "\nHis passport, N1234, was issued in Example City.\n"
    monkeypatch.setattr(workbooks, "REPORT", workbooks.REPORT + passport)
    rows = workbooks.valid_rows()
    rows["persons"][0].update(birth_place="Example City, Testland", id_numbers="Passport N 12-34")
    assert not [f for f in findings_of(rows) if f.code == "quote.identity_not_found"]
    rows["persons"][0].update(birth_place="Otherton", id_numbers="Passport N9999")
    (found,) = [f for f in findings_of(rows) if f.code == "quote.identity_not_found"]
    assert found.message.startswith(
        "not in the copies of E001, cited for the identity of 'P001': the birth place "
        "'Otherton', the ID number 'Passport N9999'"
    )


def test_a_nationality_is_looked_for_by_the_countrys_name_or_its_peoples(findings_of) -> None:
    """A letter prints a nationality beside the birth details, from the same sources: the copy
    must name the country, or its people ("Kazakh citizens" of Kazakhstan)."""
    rows = workbooks.valid_rows()
    rows["persons"][0]["nationality"] = "Kazakhstan"  # the report says "both Kazakh citizens"
    assert not [f for f in findings_of(rows) if f.code == "quote.identity_not_found"]
    rows["persons"][0]["nationality"] = "kz; Uzbekistan"
    (found,) = [f for f in findings_of(rows) if f.code == "quote.identity_not_found"]
    assert "the nationality 'Uzbekistan'" in found.message
    assert "'kz'" not in found.message


def test_a_birth_place_is_looked_for_where_the_copy_tells_the_birth(
    findings_of, monkeypatch: pytest.MonkeyPatch
):
    """ "Born in 1965 in Almaty … resides at his family home in Nur-Sultan": a place the copy
    names only as a residence is no birth place."""
    far = "\n" + "Other matters were raised. " * 40 + "He now resides in Otherton.\n"
    monkeypatch.setattr(workbooks, "REPORT", workbooks.REPORT + far)
    rows = workbooks.valid_rows()
    rows["persons"][0].update(birth_place="Otherton")
    (found,) = [f for f in findings_of(rows) if f.code == "quote.identity_not_found"]
    assert "the birth place 'Otherton'" in found.message
