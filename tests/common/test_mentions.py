"""Texts are read into words for the search for a confidential victim's name: all the texts of a
list at once, exactly as one by one. Every name is invented."""

from __future__ import annotations

import pyarrow as pa
import pyarrow.compute as pc
from hypothesis import given
from hypothesis import strategies as st

from sanctions.common.mentions import _SPLIT, words_of_text, words_of_texts

# Letters of both scripts and both cases (a glued "SerikOrazov"), possessives, apostrophes,
# soft hyphens, marks, digits, punctuation, whitespace and the joining character itself.
PIECES = [*"aZsSıİß ЖжәҚ'’ʼ\u00ad\u0301-–#.,;:!1\n\t\x00", "'s", "’s ", "Orazov"]
TEXT = st.lists(st.sampled_from(PIECES), max_size=12).map("".join)


def _words(array: pa.Array) -> list[list[str]]:
    return pc.split_pattern_regex(array, _SPLIT).to_pylist()


@given(st.lists(TEXT, max_size=8))
def test_texts_read_together_give_the_words_each_gives_alone(texts: list[str]) -> None:
    alone = pa.array([words_of_text(t) for t in texts], pa.large_string())
    assert _words(words_of_texts(texts)) == _words(alone)


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
