"""The screening record: when a match is taken as the same person."""

from __future__ import annotations

from sanctions.tracking.gaps import DESIGNATED, designations, gap_matrix
from sanctions.tracking.screening import (
    NO_BIRTH_HERE,
    PART_NAMES,
    Designation,
    Match,
    Screened,
    Screening,
)


def match(score: float, doubts: list[str]) -> Match:
    listing = Designation("ref-s", "us", "OFAC", "GLOMAG", "GLOMAG", "2021-03-01", "", True, "")
    return Match("ref", score, "Listed Name", "Listed Name", "Person", ["us_ofac_sdn"], [], [],
                 [listing], "", doubts)  # fmt: skip


def test_a_high_score_is_the_same_person_only_when_nothing_but_the_name_is_in_doubt() -> None:
    assert match(0.97, []).confident
    assert match(0.97, [PART_NAMES]).confident  # the score already weighs the parts
    assert not match(0.94, []).confident
    # a name alone, however exactly it agrees, is a possible match: the workbook gives no
    # birth date, so a namesake's listing must not take the person out of the package
    assert not match(1.0, [NO_BIRTH_HERE]).confident


def test_the_gap_matrix_cell_carries_the_match_s_confidence() -> None:
    person = Screened("P001", "Dana Fictiyeva", "proposed", "", [match(1.0, [NO_BIRTH_HERE])])
    cell = designations(person)["us"]
    assert cell.score == 1.0 and not cell.confident
    assert cell.doubts == NO_BIRTH_HERE  # the submitter's notes say why it is only possible


def test_a_possible_designation_never_reads_as_one_and_leaves_the_proposal_shown() -> None:
    """The packages keep proposing a person whose match is not confirmed; the matrix the
    editors read must not say "designated" of them, nor hide that they are proposed."""
    person = Screened("P001", "Dana Fictiyeva", "proposed", "", [match(1.0, [NO_BIRTH_HERE])])
    matrix = gap_matrix(Screening("list", "", 0.7, [], [person]), {"P001": {"us"}})
    cell = matrix["P001"]["us"]
    assert (cell.status, cell.proposed, cell.short) == (DESIGNATED, True, "P, D?")
    assert cell.long.startswith("possibly designated (a match not confirmed: ")
    assert NO_BIRTH_HERE in cell.long and cell.long.endswith("until confirmed")
    sure = Screened("P002", "Arman Testbayev", "proposed", "", [match(0.97, [])])
    confirmed = gap_matrix(Screening("list", "", 0.7, [], [sure]), {"P002": {"us"}})["P002"]["us"]
    assert (confirmed.short[:2], confirmed.proposed) == ("D ", False)
    assert confirmed.long.startswith("designated: ")
