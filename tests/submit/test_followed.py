"""A letter to a government that implements another's listings (Switzerland, the European
Union's) says for each person where that government stands, and never more than is known."""

from __future__ import annotations

from pathlib import Path

from docx import Document

from sanctions.check.validate import validate
from sanctions.governments.registry import get
from sanctions.governments.scope import in_package
from sanctions.model.rows import Rows
from sanctions.model.targets import load_targets
from sanctions.submit.followed import followed_status
from sanctions.tracking.history import histories
from sanctions.tracking.screening import Designation, Match, Screened, Screening
from sanctions.tracking.selection import select
from tests import workbooks
from tests.conftest import run_cli

SWITZERLAND = get("ch")


def screened_by(code: str, pid: str) -> Screening:
    listing = Designation(
        "s1", code, "Council of the EU", "EU-HR", "EU-HR", "2023-05-02", "", True, ""
    )
    match = Match("ref-1", 0.97, "Arman TESTBAYEV", "Arman Testbayev", "Person", ["eu_fsf"],
                  [], ["kz"], [listing], "")  # fmt: skip
    person = Screened(pid, "Arman Testbayev", "proposed", "", [match])
    return Screening("testland", "", 0.7, [{"source": "sanctions.ftm.json"}], [person])


def inside(tmp_path: Path, rows: workbooks.Rows | None = None):  # type: ignore[no-untyped-def]
    result = validate(workbooks.write(tmp_path / "b.xlsx", rows or workbooks.valid_rows()))
    return result, in_package(load_targets(result), SWITZERLAND)[0]


def test_a_listing_by_the_followed_government_is_said_with_how_it_was_found(tmp_path: Path) -> None:
    _, targets = inside(tmp_path)
    pid = targets[0][0].person_id
    said = followed_status(SWITZERLAND, targets, screened_by("eu", pid), {})[pid]
    assert said == [
        "The European Union has listed this person: EU-HR, listed 2 May 2023 (found by "
        "screening against sanctions.ftm.json: record ref-1, score 0.97)."
    ]


def test_without_a_listing_it_says_what_was_searched_and_what_was_done(tmp_path: Path) -> None:
    rows = workbooks.valid_rows()
    rows["submissions"] = [
        {"person_id": "P001", "jurisdiction": "eu", "status": "submitted", "date": "2026-03-02",
         "reference": "EEAS-7"},
    ]  # fmt: skip
    result, targets = inside(tmp_path, rows)
    steps = histories(Rows.of(result).submissions)
    screened = followed_status(SWITZERLAND, targets, screened_by("us", "P002"), steps)["P001"]
    assert screened == [
        "The European Union has not listed this person, as far as screening against "
        "sanctions.ftm.json found.",
        # What the organisation did, from its records; never a proposal it may not have made.
        "The submitting organisation submitted this person to the European Union on "
        "2 March 2026 (reference EEAS-7), as the submitting organisation's records show.",
    ]
    other = followed_status(SWITZERLAND, targets, screened_by("us", "P001"), {})["P001"]
    assert other[0] == (
        "The European Union has not listed this person, as far as screening against "
        "sanctions.ftm.json found."
    )


def test_a_government_that_follows_none_says_nothing_of_it(tmp_path: Path) -> None:
    _, targets = inside(tmp_path)
    assert followed_status(get("gb"), targets, None, {}) == {}
    chosen = select([t for t, _ in targets], get("gb"), None, {})
    assert [t for t, _ in chosen.inside] == [t for t, _ in targets] and not chosen.unsettled


def test_a_person_is_put_to_the_follower_only_once_the_followed_governments_stand_is_known(
    tmp_path: Path,
) -> None:
    """The request rests on the European Union's listing: until the list is screened or the
    submissions sheet records the European Union's decision, the person is not put to
    Switzerland (never a letter saying it was not checked)."""
    rows = workbooks.valid_rows()
    rows["submissions"] = [
        {"person_id": "P001", "jurisdiction": "eu", "status": "submitted", "date": "2026-03-02"},
    ]  # fmt: skip
    result, targets = inside(tmp_path, rows)
    people = [t for t, _ in targets]
    chosen = select(people, SWITZERLAND, None, histories(Rows.of(result).submissions))
    assert chosen.inside == [] and [t.person_id for t, _ in chosen.unsettled] == ["P001", "P002"]
    assert select(people, SWITZERLAND, screened_by("us", "P001"), {}).inside == targets
    rows["submissions"].append(
        {"person_id": "P001", "jurisdiction": "eu", "status": "rejected", "date": "2026-06-01"}
    )
    result, targets = inside(tmp_path, rows)
    chosen = select(
        [t for t, _ in targets], SWITZERLAND, None, histories(Rows.of(result).submissions)
    )
    known = chosen.inside
    assert [t.person_id for t, _ in known] == ["P001"]
    assert [t.person_id for t, _ in chosen.unsettled] == ["P002"]
    said = followed_status(SWITZERLAND, known, None, histories(Rows.of(result).submissions))
    assert said["P001"] == [
        "The European Union declined the listing proposed by the submitting organisation on "
        "1 June 2026, as the submitting organisation's records show."
    ]


def test_an_unscreened_list_sends_nothing_to_switzerland_and_says_why(
    build, tmp_path: Path
) -> None:
    book = build(workbooks.valid_rows())
    proc = run_cli("export", str(book), "--out", str(tmp_path / "out"), "--only", "ch")
    assert proc.returncode == 0, proc.stderr
    package = tmp_path / "out" / book.stem / f"{book.stem}-ch"
    assert not (package / "send").exists()
    notes = (package / "internal" / "notes.txt").read_text(encoding="utf-8")
    assert "Not put to Switzerland until it is known where the European Union stands" in notes
    assert "- Arman Testbayev" in notes and "- Dana Fictiyeva" in notes


def test_the_swiss_letter_asks_for_the_eu_listings_and_says_where_the_eu_stands(
    build, tmp_path: Path
) -> None:
    rows = workbooks.valid_rows()
    rows["submissions"] = [
        {"person_id": pid, "jurisdiction": "eu", "status": status, "date": "2026-06-01"}
        for pid, status in (("P001", "submitted"), ("P001", "designated"), ("P002", "submitted"),
                            ("P002", "rejected"))
    ]  # fmt: skip
    rows["submissions"][0]["date"] = rows["submissions"][2]["date"] = "2026-03-02"
    book = build(rows)
    proc = run_cli("export", str(book), "--out", str(tmp_path / "out"), "--only", "ch")
    assert proc.returncode == 0, proc.stderr
    letter = tmp_path / "out" / book.stem / f"{book.stem}-ch" / "send" / "submission.docx"
    text = "\n".join(p.text for p in Document(str(letter)).paragraphs)
    assert "Request to the Swiss Federal Council" in text
    assert "asks the Federal Council:" in text and "Articles 1(1) and 2 of the Embargo Act" in text
    assert "Where the European Union and other governments stand" in text
    assert "Criterion of the European Union's regime" in text
    assert "Annex 1: " in text and "Annex 2: " in text  # the persons follow the signed letter
    assert "The European Union listed this person on 1 June 2026" in text
    assert "not screened" not in text and "not checked" not in text
    assert "{{" not in text and "{%" not in text
