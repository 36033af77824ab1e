"""Each finding says what to do, in words an editor can act on, at the same code and cell."""

from __future__ import annotations

from collections.abc import Callable

from sanctions.check.findings import Finding
from tests import workbooks
from tests.workbooks import cell

FindingsOf = Callable[..., list[Finding]]


def one(findings: list[Finding], code: str) -> Finding:
    (found,) = [f for f in findings if f.code == code]
    return found


def test_the_bad_item_of_a_multi_valued_cell_is_named_with_the_nearest_value(
    findings_of: FindingsOf,
) -> None:
    rows = workbooks.valid_rows()
    rows["incidents"][0]["violation_types"] = "arbitrary_detention; tortur"
    found = one(findings_of(rows), "vocab.invalid")
    assert found.cell == cell("incidents", "violation_types", 0)
    assert found.message.startswith(
        "violation_types 'arbitrary_detention; tortur': 'tortur' is not allowed "
        "(did you mean 'torture'?); choose from: "
    )


def test_a_single_value_gets_the_nearest_allowed_one(findings_of: FindingsOf) -> None:
    rows = workbooks.valid_rows()
    rows["involvement"][1]["role"] = "comanded"
    found = one(findings_of(rows), "vocab.invalid")
    assert found.message.startswith("role 'comanded' is not allowed (did you mean 'commanded'?)")


def test_commas_between_values_suggest_semicolons(findings_of: FindingsOf) -> None:
    rows = workbooks.valid_rows()
    rows["persons"][0]["nationality"] = "Kazakhstan, Russia"
    found = one(findings_of(rows), "country.unknown")
    assert found.cell == cell("persons", "nationality", 0)
    assert found.message == (
        "nationality 'Kazakhstan, Russia': separate several values with ';', not commas: "
        "'Kazakhstan; Russia'"
    )


def test_a_misspelt_country_suggests_the_country(findings_of: FindingsOf) -> None:
    rows = workbooks.valid_rows()
    rows["persons"][0]["nationality"] = "Kazakstan"
    found = one(findings_of(rows), "country.unknown")
    assert found.message == (
        "nationality 'Kazakstan': 'Kazakstan' is not a country (did you mean Kazakhstan (kz)?); "
        "write its code (e.g. kz) or its name (Kazakhstan)"
    )


def test_a_non_breaking_space_is_named_and_placed(findings_of: FindingsOf) -> None:
    rows = workbooks.valid_rows()
    rows["persons"][0]["name"] = "Arman\u00a0Testbayev"
    found = one(findings_of(rows), "text.invisible")
    assert found.cell == cell("persons", "name", 0)
    assert found.message == (
        "name 'Arman Testbayev' contains an invisible character: a non-breaking space after "
        "'Arman' (position 6); retype it as an ordinary space"
    )
    assert "\\u" not in found.message


def test_a_zero_width_space_is_named(findings_of: FindingsOf) -> None:
    rows = workbooks.valid_rows()
    rows["persons"][0]["summary"] = "Minister\u200b of Examples."
    found = one(findings_of(rows), "text.invisible")
    assert "a zero-width space after 'Minister' (position 9); delete it" in found.message


def test_a_look_alike_letter_is_named_and_no_wrong_advice(findings_of: FindingsOf) -> None:
    rows = workbooks.valid_rows()
    rows["persons"][0]["name"] = "Arman Testbаyev"  # the second 'а' is Cyrillic
    findings = findings_of(rows)
    found = one(findings, "text.mixed_script")
    assert found.cell == cell("persons", "name", 0)
    assert found.message == (
        "name 'Arman Testbаyev': the letter 'а' in position 12 is Cyrillic, in a word of Latin "
        "letters (a look-alike letter: retype it on a Latin keyboard)"
    )
    assert not [f for f in findings if f.code == "name.not_latin"]


def test_a_name_in_another_script_still_goes_to_name_original(findings_of: FindingsOf) -> None:
    rows = workbooks.valid_rows()
    rows["persons"][0]["name"] = "Арман Тестбаев"
    found = one(findings_of(rows), "name.not_latin")
    assert "put the original-script form in name_original" in found.message


def test_a_month_name_gets_the_iso_form(findings_of: FindingsOf) -> None:
    rows = workbooks.valid_rows()
    rows["persons"][0]["birth_date"] = "March 1965"
    found = one(findings_of(rows), "date.invalid")
    assert found.cell == cell("persons", "birth_date", 0)
    assert found.message == "birth_date 'March 1965' is not a valid date: write 1965-03"


def test_a_day_and_month_name_get_the_iso_form(findings_of: FindingsOf) -> None:
    rows = workbooks.valid_rows()
    rows["persons"][0]["birth_date"] = "7 Mar. 1965"
    found = one(findings_of(rows), "date.invalid")
    assert found.message.endswith(": write 1965-03-07")


def test_an_ambiguous_day_and_month_is_explained(findings_of: FindingsOf) -> None:
    rows = workbooks.valid_rows()
    rows["persons"][0]["birth_date"] = "12/03/1965"
    found = one(findings_of(rows), "date.invalid")
    assert found.message == (
        "birth_date '12/03/1965' is not a valid date: day and month are ambiguous, it could be "
        "12 March or 3 December; write 1965-03-12 for 12 March or 1965-12-03 for 3 December"
    )


def test_an_unambiguous_numeric_date_gets_the_iso_form(findings_of: FindingsOf) -> None:
    rows = workbooks.valid_rows()
    rows["persons"][0]["birth_date"] = "25.03.1965"
    found = one(findings_of(rows), "date.invalid")
    assert found.message.endswith(": write 1965-03-25")


def test_a_name_in_an_id_column_suggests_the_id_of_that_row(findings_of: FindingsOf) -> None:
    rows = workbooks.valid_rows()
    rows["positions"][0]["org_id"] = "Ministry of Examples"
    found = one(findings_of(rows), "ref.unknown_org")
    assert found.cell == cell("positions", "org_id", 0)
    assert found.message == (
        "org_id 'Ministry of Examples' is not an org_id on the organizations sheet; "
        "did you mean O001 (the row named 'Ministry of Examples')?"
    )
