"""Checks on what a list claims: a confidential victim named elsewhere, undated posts, sources
nobody can check, and persons with no public conduct. Every name is invented."""

from __future__ import annotations

from pathlib import Path

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
        ("incidents", cell("incidents", "quote", 1)),
        ("involvement", cell("involvement", "account_by", 2)),
    ]


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
