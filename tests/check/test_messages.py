"""Each finding says what to do, in words an editor can act on, at the same code and cell."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from sanctions.rules.finding import Finding
from tests import workbooks
from tests.workbooks import cell

FindingsOf = Callable[..., list[Finding]]

# (sheet, row index, column, what the editor typed, code, how the message must read)
MESSAGES = [
    (
        "incidents", 0, "violation_types", "arbitrary_detention; tortur", "vocab.invalid",
        "violation_types 'arbitrary_detention; tortur': 'tortur' is not allowed (did you mean "
        "'torture'?); choose from: killing, torture, ",
    ),
    (  # a misspelt part of a comma-separated cell is kept, read as what it stands for
        "incidents", 0, "violation_types", "tortur, arbitrary_detention", "vocab.invalid",
        "violation_types 'tortur, arbitrary_detention': separate several values with ';', not "
        "commas: 'torture; arbitrary_detention'",
    ),
    (
        "involvement", 0, "evidence_ids", "E001, E002", "id.invalid",
        "evidence_ids 'E001, E002' is not a valid identifier: separate several values with ';', "
        "not commas: 'E001; E002'",
    ),
    (
        "involvement", 0, "evidence_ids", "E001/E002", "id.invalid",
        "evidence_ids 'E001/E002' is not a valid identifier: use letters, digits, '.', '_' or '-'",
    ),
    (  # a government by another name of its country, the codes shown with their names
        "persons", 0, "jurisdictions", "us; UK", "vocab.invalid",
        "jurisdictions 'us; uk': 'uk' is not allowed (did you mean 'gb'?); choose from: "
        "us (United States), gb (United Kingdom), ",
    ),
    (
        "persons", 0, "jurisdictions", "us, United Kingdom", "vocab.invalid",
        "jurisdictions 'us, united kingdom': separate several values with ';', not commas: "
        "'us; gb'",
    ),
    (
        "involvement", 1, "role", "comanded", "vocab.invalid",
        "role 'comanded' is not allowed (did you mean 'commanded'?); choose from: ",
    ),
    (
        "persons", 0, "nationality", "Kazakhstan, Russia", "country.unknown",
        "nationality 'Kazakhstan, Russia': separate several values with ';', not commas: "
        "'Kazakhstan; Russia'",
    ),
    (
        "persons", 0, "nationality", "Kazakstan", "country.unknown",
        "nationality 'Kazakstan': 'Kazakstan' is not a country (did you mean Kazakhstan (kz)?); "
        "write the country's two-letter ISO code or its name",
    ),
    (
        "persons", 0, "name", "Arman\u00a0Testbayev", "text.invisible",
        "name 'Arman Testbayev' contains an invisible character: a non-breaking space after "
        "'Arman' (position 6); retype it as an ordinary space",
    ),
    (
        "persons", 0, "summary", "Minister\u200b of Examples.", "text.invisible",
        "summary 'Minister of Examples.' contains an invisible character: a zero-width space "
        "after 'Minister' (position 9); delete it",
    ),
    (
        "persons", 0, "name", "Arman Testbаyev", "text.mixed_script",  # a Cyrillic 'а'
        "name 'Arman Testbаyev': the letter 'а' in position 12 is Cyrillic, in a word of Latin "
        "letters (a look-alike letter: retype it on a Latin keyboard)",
    ),
    (
        "persons", 0, "birth_date", "March 1965", "date.invalid",
        "birth_date 'March 1965' is not a valid date: write 1965-03",
    ),
    (
        "persons", 0, "birth_date", "7 Mar. 1965", "date.invalid",
        "birth_date '7 Mar. 1965' is not a valid date: write 1965-03-07",
    ),
    (
        "persons", 0, "birth_date", "25.03.1965", "date.invalid",
        "birth_date '25.03.1965' is not a valid date: write 1965-03-25",
    ),
    (
        "persons", 0, "birth_date", "12/03/1965", "date.invalid",
        "birth_date '12/03/1965' is not a valid date: day and month are ambiguous, it could be "
        "12 March or 3 December; write 1965-03-12 for 12 March or 1965-12-03 for 3 December",
    ),
    (
        "positions", 0, "org_id", "Ministry of Examples", "ref.unknown_org",
        "org_id 'Ministry of Examples' is not an org_id on the organizations sheet; did you mean "
        "O001 (the row named 'Ministry of Examples')?",
    ),
    (
        "evidence", 0, "url", "www.example.org/report", "url.invalid",
        "url 'www.example.org/report' is not a valid http(s) address; add https:// in front: "
        "https://www.example.org/report",
    ),
    (
        "involvement", 0, "evidence_ids", "E1", "ref.unknown_evidence",
        "evidence_ids 'E1' is not an evidence_id on the evidence sheet; did you mean E001?",
    ),
    (
        "involvement", 0, "evidence_ids", "E012", "ref.unknown_evidence",
        "evidence_ids 'E012' is not an evidence_id on the evidence sheet; did you mean E002 or "
        "E001?",
    ),
    (
        "incidents", 0, "date", "2020-3-1", "date.invalid",
        "date '2020-3-1' is not a valid date: write 2020-03-01",
    ),
    (
        "incidents", 0, "date", "2020/03/01", "date.invalid",
        "date '2020/03/01' is not a valid date: write 2020-03-01",
    ),
    # a superscript two is a digit to str.isdigit, not to int(): no hint, and no traceback
    (
        "positions", 0, "start_date", "²", "date.invalid",
        "start_date '²' is not a valid date",
    ),
]  # fmt: skip


def test_a_repeated_id_is_one_error_and_the_references_it_breaks_point_back_to_it(
    findings_of: FindingsOf,
) -> None:
    """P002's row typed as a second P001: one duplicate error naming both rows, and each
    reference to P002 asks whether that row is meant to be P002."""
    rows = workbooks.valid_rows()
    rows["persons"][1]["person_id"] = "P001"
    found = findings_of(rows)
    [duplicate] = [f for f in found if f.code == "id.duplicate"]
    assert duplicate.cell == cell("persons", "person_id", 1)
    assert (
        "used on an earlier row too (first on row 2); if this row is another one, give it its "
        "own ID, such as P002" in duplicate.message
    )
    unknown = [f for f in found if f.code == "ref.unknown_person"]
    assert unknown and all(
        f.message.endswith(f"is persons!{cell('persons', 'person_id', 1)} (a second 'P001') "
                           "meant to be P002?")
        for f in unknown
    )  # fmt: skip


@pytest.mark.parametrize(("sheet", "row", "column", "typed", "code", "message"), MESSAGES)
def test_the_message_says_what_to_do(
    findings_of: FindingsOf, sheet: str, row: int, column: str, typed: str, code: str, message: str
) -> None:
    rows = workbooks.valid_rows()
    rows[sheet][row][column] = typed
    (found,) = [f for f in findings_of(rows) if f.code == code]
    assert found.cell == cell(sheet, column, row)
    assert found.message.startswith(message)  # a list of allowed values may follow
    assert "\\u" not in found.message


def test_a_look_alike_letter_is_not_a_name_in_another_script(findings_of: FindingsOf) -> None:
    rows = workbooks.valid_rows()
    rows["persons"][0]["name"] = "Arman Testbаyev"
    assert not [f for f in findings_of(rows) if f.code == "name.not_latin"]


def test_a_name_in_another_script_still_goes_to_name_original(findings_of: FindingsOf) -> None:
    rows = workbooks.valid_rows()
    rows["persons"][0]["name"] = "Арман Тестбаев"
    (found,) = [f for f in findings_of(rows) if f.code == "name.not_latin"]
    assert "put the original-script form in name_original" in found.message
