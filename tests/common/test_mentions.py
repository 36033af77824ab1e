"""Texts are read into words for the search for a confidential victim's name: all the texts of a
list at once, exactly as one by one. Every name is invented."""

from __future__ import annotations

import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc
import pytest
from hypothesis import given
from hypothesis import strategies as st

from sanctions.common.mentions import (
    _SPLIT,
    Person,
    Reading,
    compounds_of,
    forms,
    mentions,
    person,
    taken_readings,
    words_of,
    words_of_text,
    words_of_texts,
)

# Letters of both scripts and both cases (a glued "SerikOrazov"), possessives, apostrophes (a
# letter one, "ʼ", too), soft hyphens, marks, digits, punctuation, whitespace and the joining
# character itself.
PIECES = [*"aZsSıİß ЖжәҚ'’ʼʹ`´\u00ad\u0301-‐–#.,;:!1_\n\t\x00", "'s", "’s ", "’S", "Orazov"]
TEXT = st.lists(st.sampled_from(PIECES), max_size=12).map("".join)


def _words(array: pa.Array) -> list[list[str]]:
    return pc.split_pattern_regex(array, _SPLIT).to_pylist()


@given(st.lists(TEXT, max_size=8))
def test_texts_read_together_give_the_words_each_gives_alone(texts: list[str]) -> None:
    alone = pa.array([words_of_text(t) for t in texts], pa.large_string())
    assert _words(words_of_texts(texts)) == _words(alone)


@given(TEXT)
def test_each_word_has_its_compound(text: str) -> None:
    """``compounds_of`` numbers the words ``words_of`` gives, one for one (an apostrophe
    alone, even a letter one, "ʼ", is no word)."""
    assert len(compounds_of(text)) == len(words_of(text))


def test_a_surname_inside_a_town_s_name_is_not_the_person_beside_a_lone_apostrophe() -> None:
    people = [person("Serik Orazov", frozenset())]
    text = "Police in Kyzyl-Orazov ʼ detained protesters."
    assert mentions(pd.Series([text], dtype="str"), people).empty


def test_no_texts_no_words() -> None:
    assert len(words_of_texts([])) == 0


WORD = st.lists(st.sampled_from(list("abжəé\u0301")), max_size=6).map("".join)


@given(st.lists(WORD, max_size=10), st.lists(WORD, max_size=6))
def test_a_reading_begins_with_a_beginning_as_starts_with_says(
    readings: list[str], beginnings: list[str]
) -> None:
    from sanctions.common.mentions import _begins_with_any

    array = pa.array(readings, pa.string())
    expected = [any(r.startswith(b) for b in beginnings) for r in readings]
    assert _begins_with_any(array, beginnings).tolist() == expected


# Texts a list repeats (a post's title in many rows) beside ones naming a victim in other ways.
CELLS = st.sampled_from(
    ["Head of department", "Court for the Orazov case", "the S. Orazov file", "Оразов",
     "Orazova-Bekova memorial", "#FreeOrazov", "Ivanov street", ""]
)  # fmt: skip


@given(st.lists(CELLS, max_size=12))
def test_each_text_is_found_naming_a_victim_as_it_is_alone(texts: list[str]) -> None:
    """Each distinct text is read once: a text repeated in many rows is reported in each."""
    people = [p for n in ("Serik Orazov", "Aigerim Bekova") if (p := person(n, frozenset()))]
    labels = [10 * k + 2 for k in range(len(texts))]
    together = mentions(pd.Series(texts, index=labels, dtype="str"), people).to_dict()
    alone = {
        label: found
        for label, text in zip(labels, texts, strict=True)
        for found in mentions(pd.Series([text], index=[label], dtype="str"), people).tolist()
    }
    assert together == alone


@given(st.lists(st.sampled_from(["Serik Orazov", "Оразов Серик", "Ivanov", "Dana O'Brien"])))
def test_the_readings_taken_are_every_reading_of_every_word(names: list[str]) -> None:
    expected = frozenset(f for n in names for w in words_of(n) for f in forms(w) if f)
    assert taken_readings(names) == expected


NAMES = ["Serik Orazov", "Aigerim Orazova-Bekova", "Dana Bekova", "Оразов Серик", "Ivanov"]


@given(st.lists(CELLS, max_size=10), st.permutations(NAMES))
def test_a_text_names_the_first_person_it_names_as_trying_everyone_says(
    texts: list[str], names: list[str]
) -> None:
    """Only the people whose surnames a text's words begin as are tried on it: the same answer
    as trying every person in order."""
    people = [p for n in names if (p := person(n, frozenset()))]
    assert mentions(pd.Series(texts, dtype="str"), people).to_dict() == trying_everyone(
        texts, people
    )


def trying_everyone(texts: list[str], people: list[Person]) -> dict[int, tuple[str, int]]:
    """What ``mentions`` answers, found the slow way: every person tried on every word."""
    expected = {}
    for label, text in enumerate(texts):
        words, compounds = words_of(text), compounds_of(text)
        for k, someone in enumerate(people):
            said = someone.found_in(words, compounds)
            if said is not None:
                expected[label] = (said, k)
                break
    return expected


@given(st.lists(st.lists(CELLS, max_size=30).map(" ; ".join), max_size=4), st.permutations(NAMES))
def test_a_long_text_is_looked_at_only_where_a_surname_may_stand_with_the_same_answer(
    texts: list[str], names: list[str]
) -> None:
    """In a long text the search looks only at the words that begin as a surname (a report of
    30,000 words has a handful): the same answer as reading every word; and a text read once
    (``Reading``) answers each set of people as a text read afresh does."""
    people = [p for n in names if (p := person(n, frozenset()))]
    read = Reading(pd.Series(texts, dtype="str"))
    for some in (people, people[:1], people[::-1]):
        expected = trying_everyone(texts, some)
        assert mentions(read, some).to_dict() == expected
        assert mentions(pd.Series(texts, dtype="str"), some).to_dict() == expected


@pytest.mark.parametrize(
    ("name", "text", "named"),
    [
        # a name in -ай and one declined as an adjective, in Russian cases
        ("Serik Tolday", "полиция задержала Серика Толдая", True),
        ("Serik Tolday", "с Сериком Толдаем", True),
        ("Pavel Kovalsky", "дело Павла Ковальского", True),
        ("Pavel Kovalsky", "письмо Павлу Ковальскому", True),
        ("Ivan Tolstoy", "допрос Ивана Толстого", True),
        # Kazakh case endings
        ("Kanat Nurpeisov", "Қанат Нұрпейісовты ұстады", True),
        ("Serik Orazov", "Серик Оразовқа хат", True),
        ("Serik Orazov", "Серик Оразовтың ісі", True),
        # another surname that only begins alike
        ("Serik Tolday", "Серик Толдаев", False),
        ("Pavel Kovalsky", "Павел Ковалев", False),
    ],
)
def test_a_name_is_found_in_the_cases_of_the_region_s_languages(
    name: str, text: str, named: bool
) -> None:
    """Every name is invented."""
    someone = person(name, frozenset())
    assert someone is not None
    assert (not mentions(pd.Series([text]), [someone]).empty) is named
