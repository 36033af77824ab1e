"""The Kazakhstan list: valid, sourced, and faithful to the seed documents it cites."""

from __future__ import annotations

import hashlib

import pytest

from sanctions.check.validate import validate
from sanctions.check.values import split_multi
from tests.conftest import REPO

SEEDS = REPO.parent / "shared" / "seeds"


@pytest.fixture(scope="module")
def kz():
    return validate(REPO / "lists" / "kazakhstan.xlsx")


def test_validates_with_zero_errors(kz):
    assert kz.errors == []


def test_has_at_least_25_officials_each_with_post_and_involvement(kz):
    persons = kz.frames["persons"]
    assert len(persons) >= 25
    ids = set(persons["person_id"])
    assert ids <= set(kz.frames["positions"]["person_id"])
    assert ids <= set(kz.frames["involvement"]["person_id"])


def by_name(kz, name):
    persons = kz.frames["persons"]
    (row,) = persons.index[persons["name"] == name]
    return persons.loc[row]


def test_massimov_dated_posts_from_the_un_opinion(kz):
    massimov = by_name(kz, "Karim Massimov")
    assert massimov["birth_date"] == "1965" and massimov["nationality"] == "kz"
    assert "Karim Masimov" in massimov["aliases"]
    posts = kz.frames["positions"]
    mine = posts[posts["person_id"] == massimov["person_id"]]
    terms = sorted(zip(mine["title"], mine["start_date"], mine["end_date"], strict=True))
    assert terms == [
        ("Chairman", "2016-09-08", "2022-01"),
        ("Prime Minister", "2007-01-10", "2012-09-24"),
        ("Prime Minister", "2014-04-02", "2016-09-08"),
    ]
    evidence = kz.frames["evidence"].set_index("evidence_id")
    un = [e for e in split_multi(mine["evidence_ids"]) if evidence.at[e, "kind"] == "un_document"]
    assert un, "Massimov's posts must cite the UN opinion"


@pytest.mark.parametrize(
    ("name", "variant"),
    [
        ("Nursultan Nazarbayev", "Nursultan Nazarbaev"),
        ("Erlan Turgumbayev", "Erlan Turgumbaev"),
        ("Gizat Karzhibayev", "Gizat Karzhybayev"),
    ],
)
def test_spelling_variants_are_aliases_not_rows(kz, name, variant):
    assert variant in by_name(kz, name)["aliases"]
    assert not [f for f in kz.findings if f.code == "person.near_duplicate"]


def test_every_fact_row_cites_evidence(kz):
    for sheet in ("positions", "involvement", "incidents", "relations"):
        assert kz.frames[sheet]["evidence_ids"].notna().all(), sheet


def test_seed_files_match_their_recorded_hashes(kz):
    evidence = kz.frames["evidence"].dropna(subset=["file"])
    assert len(evidence) == 5
    assert SEEDS.is_dir(), f"the seed documents are expected beside the project, in {SEEDS}"
    for name, digest in zip(evidence["file"], evidence["sha256"], strict=True):
        assert hashlib.sha256((SEEDS / name).read_bytes()).hexdigest() == digest, name


def test_no_invented_identifiers(kz):
    """Only Massimov's birth year and place are stated in the seeds; no ID numbers are."""
    persons = kz.frames["persons"]
    assert persons["id_numbers"].isna().all()
    assert list(persons["birth_date"].dropna()) == ["1965"]
