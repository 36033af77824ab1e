"""Other spellings of a name: one given name in its Ukrainian, Belarusian and Russian forms."""

from __future__ import annotations

from collections.abc import Callable
from itertools import combinations
from pathlib import Path

import pytest

from sanctions.common.data import SpecError, read_yaml, schemas_dir
from sanctions.common.romanise import readings, relaxed, yo_folded
from sanctions.screen.variants import GIVEN_NAMES, aligned, given_name_forms


def groups() -> list[list[str]]:
    names: list[list[str]] = read_yaml(schemas_dir() / GIVEN_NAMES)["names"]
    return names


def read(form: str) -> set[str]:
    return {relaxed(r) for r in readings(form)}


@pytest.mark.parametrize("group", groups(), ids=lambda g: g[0])
def test_every_group_is_one_name_in_rigours_data_and_adds_what_readings_do_not(
    group: list[str],
) -> None:
    from rigour.names.analyze import analyze_names
    from rigour.names.tag import NameTypeTag

    def symbols(form: str) -> set[str]:
        (name,) = analyze_names(NameTypeTag.PER, [form])
        return {str(span.symbol) for span in name.spans}

    for one, other in combinations(group, 2):
        assert symbols(one) & symbols(other), (one, other)
    assert len({frozenset(read(form)) for form in group}) > 1, group


def test_no_form_belongs_to_two_names() -> None:
    seen: dict[str, str] = {}
    for group in groups():
        for form in group:
            for key in {yo_folded(r) for r in readings(form)}:
                assert seen.setdefault(key, group[0]) == group[0], key


@pytest.mark.parametrize(
    ("query", "candidate", "expected"),
    [
        ("Fedir Testenko", "TESTENKO, Fyodor", "Fyodor Testenko"),  # Ukrainian, Russian
        ("Fedir Testenko", "TESTENKO, Fedor", "Fedor Testenko"),
        ("Fedir Testenko", "Fjodor Testenko", "Fjodor Testenko"),  # German
        ("Mykola Petrenko", "PETRENKO, Nikolay", "Nikolay Petrenko"),
        ("Mikalai Ivanavich Kot", "KOT, Nikolai Ivanovich", "Nikolai Ivanovich Kot"),
        ("Pyotr Bondar", "BONDAR, Petro", "Petro Bondar"),  # and back
        ("Olena Savchuk", "SAVCHUK, Yelena", "Yelena Savchuk"),
    ],
)
def test_a_given_name_is_read_as_its_other_languages_form(
    query: str, candidate: str, expected: str
) -> None:
    assert expected.lower() in [name.lower() for name in aligned([query], [candidate])]


@pytest.mark.parametrize(
    ("query", "candidate", "theirs"),
    [
        ("Petro Testenko", "TESTENKO, Pavel", "pavel"),  # two names of the table, not one
        ("Marat Testov", "TESTOV, Murat", "murat"),  # not in the table: two names
        ("Anton Testenko", "TESTENKO, Antin", "antin"),  # rigour does not confirm it: left out
        # names of other languages that a relaxed reading makes a form of the table
        ("Petra Testova", "TESTOVA, Pyotr", "pyotr"),  # Czech Petra is not Petro
        ("Paula Schmidt", "SCHMIDT, Pavel", "pavel"),
        ("Pavla Novakova", "NOVAKOVA, Pavel", "pavel"),
        # forms left out because another language writes them as a name of its own
        ("Nadia Testova", "TESTOVA, Nadezhda", "nadezhda"),  # Arabic Nadia, Ukrainian Nadiia
        ("Hana Testova", "TESTOVA, Anna", "anna"),  # Czech and Japanese Hana, Ukrainian Hanna
        ("Vital Testov", "TESTOV, Vitaliy", "vitaliy"),  # French Vital, Belarusian Vital
        ("Alena Testova", "TESTOVA, Yelena", "yelena"),  # Czech Alena, Belarusian Alena
    ],
)
def test_other_names_are_not_read_as_one(query: str, candidate: str, theirs: str) -> None:
    for name in aligned([query], [candidate]):
        assert theirs not in name.lower().split(), name


def test_a_malformed_table_is_refused_naming_its_file(
    schemas_folder: Callable[..., Path],
) -> None:
    schemas = schemas_folder(given_name_forms)
    (schemas / GIVEN_NAMES).write_text("names:\n  - [Федір]\n", encoding="utf-8")
    with pytest.raises(SpecError, match=GIVEN_NAMES):
        given_name_forms()


def test_close_words_are_a_letter_or_two_apart_and_long_enough() -> None:
    from sanctions.screen.variants import close

    assert close("htun", "tun")  # a Burmese aspirate's h
    assert close("saing", "hseng")
    assert close("dway", "dwe")
    assert close("pusjikn", "pushkin")  # two letters transposed count once
    assert close("oo", "oo")  # short words only when they read alike
    assert not close("oo", "u")
    assert not close("hassan", "hussein")
    assert not close("kamal", "jamal")  # one letter, but two names rigour knows
    assert not close("iyad", "ihab")
    assert not close("chol", "hyok")  # as written, not as a romanisation reads them
    assert not close("kovalenko", "shevchuk")


def test_by_ear_a_burmese_final_nasal_is_one_syllable_in_spellings_rigour_holds_apart() -> None:
    from sanctions.screen.variants import close, close_by_ear

    assert not close("lone", "long")  # a Danish and a Chinese name to rigour
    assert close_by_ear("lone", "long") and close_by_ear("Lon", "Lone")
    assert close_by_ear("saing", "hseng") and close_by_ear("dway", "dwe")  # as ``close``
    # Burmese names of their own, a letter apart, stay apart: only the final nasal is waived
    for one, other in (("min", "win"), ("tin", "tun"), ("tin", "win"), ("soe", "sai")):
        assert not close_by_ear(one, other), (one, other)
    assert not close_by_ear("aung", "maung")  # Maung is a title
    assert not close_by_ear("iyad", "ihab")  # twins are named so, Myanmar nationals too
    assert not close_by_ear("chol", "hyok")
    assert not close_by_ear("oo", "u")


def test_paired_takes_each_word_of_the_other_side_once() -> None:
    from sanctions.screen.variants import close, paired

    assert paired(["mya", "htun", "oo"], ["oo", "mya", "tun"], close) == [
        ("mya", "mya"),
        ("htun", "tun"),
        ("oo", "oo"),
    ]
    # one "zaki" on this side, two on the other: each taken once
    assert paired(["zaki", "zaki"], ["zaki", "ahmed"], close) is None
    assert paired(["ahmed", "ezat", "zaki"], ["ezat", "zaki", "ahmed"], close) is not None
    assert paired(["ivan", "ivanov"], ["ivan"], close) is None


def test_paired_refuses_an_impossible_pairing_of_long_chains_at_once() -> None:
    """A chain of fathers' names repeats its words; a search that went back on every choice
    took 2 ** n steps to find no pairing (thirty words: a run that never ends)."""
    from sanctions.screen.variants import paired

    chain = ["muhammad", "bin"] * 15
    mine = [*chain, "bin", "hashimi"]  # one "bin" more than the other side has
    theirs = ["ahmed", *chain, "hashimi", "hassan", "ali"]
    assert paired(mine, theirs, lambda a, b: a == b) is None
    assert paired(chain, theirs, lambda a, b: a == b) is not None


def test_paired_keeps_as_many_pairs_read_alike_as_it_can() -> None:
    from sanctions.screen.variants import close, paired

    assert paired(["tun", "htun"], ["tun", "htin"], close) == [("tun", "tun"), ("htun", "htin")]
