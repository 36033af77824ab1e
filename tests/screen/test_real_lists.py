"""Screening against real published lists: real listed persons in other spellings, and real
unlisted people chosen to be hard (``tests/data/real_lists``, sources in its README).
No unlisted person is reported at the possible-match threshold.

The fictional sets prove little alone: on them, scoring without rigour's name symbols lost
nothing; on these real spellings it lost fifteen. The figures asserted here are what the
screening reaches now; ``make bench`` prints them beside nomenklatura's index.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from sanctions.screen.matching import DEFAULT_THRESHOLD, doubts
from tests import real_list_set
from tests.spelling_set import Outcome, screen_nomenklatura
from tests.spelling_set import Query as Spelling

README = real_list_set.DATA / "README.md"


def spellings() -> list[Spelling]:
    return [
        Spelling(q.id, q.name, q.how, q.birth or "", q.expected, q.nationality)
        for q in real_list_set.queries()
    ]


@pytest.fixture(scope="module")
def reference(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return real_list_set.write_reference(tmp_path_factory.mktemp("real") / "ref.ftm.json")


@pytest.fixture(scope="module")
def scored(reference: Path) -> dict[tuple[str, str], tuple[float, list[str]]]:
    """(query, entity) -> (score, doubts) of every pair this project reports."""
    from sanctions.screen.matching import Query, score_queries
    from sanctions.screen.reference import read_files

    queries = real_list_set.queries()
    people = read_files([reference]).people
    persons = [
        Query(q.id, q.name, "research", [q.name], q.birth, q.nationality, None) for q in queries
    ]
    found = score_queries(persons, people, DEFAULT_THRESHOLD)
    return {
        (queries[i].id, rec["id"]): (
            sc.score,
            doubts(queries[i].birth, list(rec["birthDate"] or []), sc.explanation),
        )
        for i, hits in found.items()
        for rec, sc in hits
    }


@pytest.fixture(scope="module")
def ours(scored: dict[tuple[str, str], tuple[float, list[str]]]) -> Outcome:
    expected = {(q.id, q.expected) for q in real_list_set.queries() if q.expected}
    return Outcome(set(scored), expected)


def test_the_set_is_real_listed_persons_and_hard_unlisted_people_with_sources() -> None:
    listed, unlisted = real_list_set.listed(), real_list_set.unlisted()
    assert len(listed) >= 100 and all(p["spellings"] for p in listed)
    assert len(unlisted) >= 60
    kinds = {p["kind"] for p in unlisted}
    assert {"namesake_other_year", "same_given_close_surname", "relative_not_listed"} <= kinds
    # every source a record cites is in the README's table, with the commit it was read at
    table = README.read_text(encoding="utf-8")
    cited = {p["source"] for p in listed}
    for key in cited:
        row = next(line for line in table.splitlines() if line.startswith(f"| {key} |"))
        assert re.search(r"`[0-9a-f]{40}`", row), row
    assert {p["list"] for p in listed} >= {"us_ofac_sdn", "gb_hmt_sanctions"}
    # a spelling is another way of writing the person, never a string the record prints
    for person in listed:
        printed = {
            re.sub(r"\W+", " ", n).lower().strip() for n in [person["name"], *person["aliases"]]
        }
        for spelling in person["spellings"]:
            assert re.sub(r"\W+", " ", spelling["name"]).lower().strip() not in printed


def test_every_real_spelling_is_found(ours: Outcome) -> None:
    assert ours.recall == 1.0, sorted(ours.missed)


def test_nothing_nomenklatura_finds_is_missed(reference: Path, ours: Outcome) -> None:
    theirs = screen_nomenklatura(reference, spellings())
    assert theirs.found & theirs.expected  # the baseline finds something, so this compares
    assert not (theirs.found & theirs.expected) - ours.found


def test_no_unlisted_person_is_reported(ours: Outcome) -> None:
    assert not ours.false_positives, sorted(ours.false_positives)


def test_a_listed_person_s_father_is_below_the_threshold_and_says_why(reference: Path) -> None:
    """The relatives the lists name in their notes score under the possible-match threshold,
    and the reason is the one the report would give them."""
    from sanctions.screen.matching import Query, score_queries
    from sanctions.screen.reference import read_files
    from sanctions.tracking.screening import RELATIVE_NAME

    relatives = [
        q for q in real_list_set.queries() if not q.expected and "relative_not_listed" in q.how
    ]
    people = read_files([reference]).people
    persons = [Query(q.id, q.name, "research", [q.name], q.birth, [], None) for q in relatives]
    below = score_queries(persons, people, 0.5)
    why = {
        relatives[i].id: doubts(None, list(rec["birthDate"] or []), sc.explanation)
        for i, hits in below.items()
        for rec, sc in hits
        if sc.score < DEFAULT_THRESHOLD
    }
    assert sum(RELATIVE_NAME in reasons for reasons in why.values()) >= 4, why
