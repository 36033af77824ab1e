"""The screening record: when a match is taken as the same person."""

from __future__ import annotations

from dataclasses import asdict
from pathlib import Path

import orjson
import pytest

from sanctions.common.errors import InputError
from sanctions.tracking.gaps import DESIGNATED, designations, gap_matrix
from sanctions.tracking.screening import (
    NO_BIRTH_HERE,
    PART_NAMES,
    Designation,
    Match,
    Screened,
    Screening,
    load_screening,
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


def _written(tmp_path, **changed: object) -> Path:
    designation = Designation("s1", "us", "OFAC", "GLOMAG", "p1", "2020-01-01", "", True, "")
    match = Match("r1", 0.9, "Arman Testbayev", "Arman Testbayev", "Person", ["ds"], [], [],
                  [designation], "name_match 0.90")  # fmt: skip
    screened = Screened("P001", "Arman Testbayev", "proposed", "", [match])
    screening = Screening("book", "0" * 64, 0.7, [{"name": "ref"}], [screened], "2026-12-01")
    path = tmp_path / "screening.json"
    path.write_bytes(orjson.dumps({**asdict(screening), **changed}))
    return path


@pytest.mark.parametrize(
    "changed", [{"threshold": None}, {"threshold": "x"}, {"sources": "x"}, {"persons": [1]}]
)
def test_a_screening_file_edited_into_nonsense_is_refused_when_read(tmp_path, changed) -> None:
    """Refused with a message when read, not a crash later in the command that uses it."""
    path = _written(tmp_path, **changed)
    with pytest.raises(InputError, match="run `sanctions screen` again"):
        load_screening(path.parent)


def test_a_screening_file_reads_back_as_it_was_written(tmp_path) -> None:
    screening = load_screening(_written(tmp_path).parent)
    assert screening is not None and screening.persons[0].matches[0].designations[0].program_id
    assert screening.threshold == 0.7 and screening.screened_on == "2026-12-01"
