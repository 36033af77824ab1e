"""A public output gives of a cell citing a confidential source only what the public sources'
copies state: a value only the confidential copy states is left out, a date given as precisely
as the public copies give it. Every text is invented."""

from __future__ import annotations

from pathlib import Path

import pytest

from sanctions.evidence.withheld import public_value
from sanctions.workbook.layout import load_layout
from tests.evidence.test_holding import READS, Item, holding

REPORT = (
    "In May 2020, in Zhanaozen, police officers detained protesters. Colonel Dana Fictiyeva, "
    "a citizen of Kazakhstan, commanded them. Erlan Protestov was among those held."
)
INTERVIEW = (
    "The witness said that on 15 May 2020 she saw Colonel Fictiyeva, born 2 April 1971, "
    "passport N7654321, order the arrests in Zhanaozen and in Aktau. Serik Secretov was held."
)
SECRET = {"E2"}


def column(sheet: str, name: str):  # type: ignore[no-untyped-def]
    return next(c for c in load_layout().sheet(sheet).columns if c.name == name)


@pytest.fixture
def copies(tmp_path: Path):  # type: ignore[no-untyped-def]
    return holding(
        tmp_path,
        {"report.txt": REPORT, "interview.txt": INTERVIEW},
        [Item("E1", "report.txt"), Item("E2", "interview.txt"), Item("E3")],
    )


@READS
def test_a_date_is_given_as_precisely_as_the_public_copies_give_it(
    tmp_path: Path, how: str
) -> None:
    found = holding(
        tmp_path,
        {"report.txt": REPORT, "interview.txt": INTERVIEW},
        [Item("E1", "report.txt"), Item("E2", "interview.txt")],
        how,
    )
    date = column("incidents", "date")
    assert public_value(date, "2020-05-15", ["E1", "E2"], SECRET, found) == "2020-05"
    assert public_value(date, "2020-05", ["E1", "E2"], SECRET, found) == "2020-05"
    # no confidential source cited: as typed, whatever the copies say
    assert public_value(date, "2020-05-15", ["E1"], SECRET, found) == "2020-05-15"
    # the birth date only the witness gives, beside a report that gives no year of it
    birth = column("persons", "birth_date")
    assert public_value(birth, "1971-04-02", ["E1", "E2"], SECRET, found) is None


def test_a_value_no_copy_states_is_the_editors_unless_a_confidential_copy_is_not_here(
    copies,  # type: ignore[no-untyped-def]
) -> None:
    date = column("incidents", "date")
    # neither copy says 3 June 2021: typed by the editor (validate warns of it), given
    assert public_value(date, "2021-06-03", ["E1", "E2"], SECRET, copies) == "2021-06-03"
    # E3, confidential, has no copy here: it may be the one that says it
    assert public_value(date, "2021-06-03", ["E1", "E3"], {"E3"}, copies) is None
    # ... though a public copy's own words are given still
    assert public_value(date, "2020-05-01", ["E1", "E3"], {"E3"}, copies) == "2020-05"


def test_an_id_number_only_the_confidential_copy_holds_is_left_out(copies) -> None:  # type: ignore[no-untyped-def]
    ids = column("persons", "id_numbers")
    assert public_value(ids, ["Passport N7654321"], ["E1", "E2"], SECRET, copies) is None
    nationality = column("persons", "nationality")
    assert public_value(nationality, ["KZ"], ["E1", "E2"], SECRET, copies) == ["KZ"]


def test_of_several_values_only_those_a_public_copy_states_are_given(copies) -> None:  # type: ignore[no-untyped-def]
    victims = column("incidents", "victims")
    both = ["Erlan Protestov", "Serik Secretov"]
    assert public_value(victims, both, ["E1", "E2"], SECRET, copies) == ["Erlan Protestov"]
    place = column("incidents", "place")
    assert public_value(place, "Zhanaozen; Aktau", ["E1", "E2"], SECRET, copies) == "Zhanaozen"
    assert public_value(place, "Zhanaozen", ["E1", "E2"], SECRET, copies) == "Zhanaozen"
    assert public_value(place, "Aktau", ["E1", "E2"], SECRET, copies) is None


def test_prose_is_judged_by_its_quoted_words_and_any_cell_by_its_sources(copies) -> None:  # type: ignore[no-untyped-def]
    summary = column("incidents", "summary")
    told = "Police held protesters: “police officers detained protesters”."
    assert public_value(summary, told, ["E1", "E2"], SECRET, copies) == told
    secret = "A witness saw the order: “order the arrests in Zhanaozen”."
    assert public_value(summary, secret, ["E1", "E2"], SECRET, copies) is None
    # every source confidential: nothing, whatever the copies hold
    assert public_value(summary, told, ["E2"], SECRET, copies) is None
    assert public_value(column("incidents", "place"), "Zhanaozen", ["E2"], SECRET, None) is None
    # without the copies, a cell with a public source is given
    assert public_value(summary, secret, ["E1", "E2"], SECRET, None) == secret
