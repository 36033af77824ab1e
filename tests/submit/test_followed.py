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
from sanctions.submit.followed import followed_status, followed_to_complete
from sanctions.tracking.history import histories
from sanctions.tracking.screening import Designation, Match, Screened, Screening
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
        "screening against sanctions.ftm.json: record ref-1, score 0.97; to be confirmed "
        "against the official list)."
    ]


def test_without_a_listing_it_says_what_was_searched_and_what_was_done(tmp_path: Path) -> None:
    rows = workbooks.valid_rows()
    rows["submissions"] = [
        {"person_id": "P001", "jurisdiction": "eu", "status": "submitted", "date": "2026-03-02",
         "reference": "EEAS-7"},
    ]  # fmt: skip
    result, targets = inside(tmp_path, rows)
    steps = histories(Rows.of(result).submissions)
    unscreened = followed_status(SWITZERLAND, targets, None, steps)["P001"]
    assert unscreened == [
        "Whether the European Union or any other government has listed this person was not "
        "checked: the list was not screened against existing sanctions lists.",
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
    assert followed_to_complete(get("gb"), targets, None, {}) == []


def test_where_the_followed_government_stands_is_to_complete_until_known(tmp_path: Path) -> None:
    """The request rests on the European Union's listing: unknown, it is listed to complete;
    screened, or settled on the submissions sheet, it is not."""
    rows = workbooks.valid_rows()
    rows["submissions"] = [
        {"person_id": "P001", "jurisdiction": "eu", "status": "submitted", "date": "2026-03-02"},
    ]  # fmt: skip
    result, targets = inside(tmp_path, rows)
    [line] = followed_to_complete(
        SWITZERLAND, targets, None, histories(Rows.of(result).submissions)
    )
    names = [t.name for t, _ in targets]
    assert line.startswith(f"Where the European Union stands, for 2 person(s): {', '.join(names)}.")
    assert followed_to_complete(SWITZERLAND, targets, screened_by("us", "P001"), {}) == []
    rows["submissions"].append(
        {"person_id": "P001", "jurisdiction": "eu", "status": "rejected", "date": "2026-06-01"}
    )
    result, targets = inside(tmp_path, rows)
    steps = histories(Rows.of(result).submissions)
    [line] = followed_to_complete(SWITZERLAND, targets, None, steps)
    assert line.startswith(f"Where the European Union stands, for 1 person(s): {names[1]}.")


def test_the_swiss_letter_asks_for_the_eu_listings_and_says_where_the_eu_stands(
    build, tmp_path: Path
) -> None:
    book = build(workbooks.valid_rows())
    proc = run_cli("export", "--draft", str(book), "--out", str(tmp_path / "out"), "--only", "ch")
    assert proc.returncode == 0, proc.stderr
    letter = tmp_path / "out" / book.stem / f"{book.stem}-ch" / "send" / "submission.docx"
    text = "\n".join(p.text for p in Document(str(letter)).paragraphs)
    assert "Request to the Swiss Federal Council" in text
    assert "asks the Federal Council:" in text and "Articles 1(1) and 2 of the Embargo Act" in text
    assert "Where the European Union and other governments stand" in text
    assert "Criterion of the European Union's regime" in text
    assert "Annex 1: " in text  # the persons follow the signed letter as its annexes
    # Said once, where the European Union's standing is said, not again for the others.
    assert text.count("not screened against existing sanctions lists") == text.count("Annex ")
    assert "{{" not in text and "{%" not in text
