"""Whether a row's passages name its person: the surname word for word, read over Arrow for all
passages at once, as the one-by-one reading reads it. Every name is invented."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from sanctions.model.naming import _AROUND, _by_surname
from sanctions.model.rows import InvolvementRow
from tests.model.test_collective import act, person


def one_by_one(passages: list[str], surname: str) -> bool:
    """The reading the Arrow one must equal: split at spaces, punctuation around a word set
    aside, lower case."""
    return any(
        surname.lower() in {w.strip(_AROUND) for w in passage.lower().split()}
        for passage in passages
    )


LETTERS = "abcdefgiklmnorstuvyzABCDEFGIKLMNORSTUVYZéüßабвгдеиклмнорстуАБВГДЕИКЛМНОРСТУ"
SPACES = " \t\n\u00a0\u2003"
WORDS = st.text(alphabet=LETTERS + _AROUND + "-", min_size=1, max_size=12)


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.lists(WORDS, min_size=1, max_size=8).flatmap(
            lambda words: st.lists(
                st.sampled_from(SPACES), min_size=len(words), max_size=len(words)
            ).map(lambda spaces: "".join(w + s for w, s in zip(words, spaces, strict=True)))
        ),
        min_size=1,
        max_size=3,
    ),
    st.sampled_from(["Testbayev", "Фиктиева", "Weiß", "Müller"]),
)
def test_the_arrow_reading_is_the_one_by_one_reading(passages: list[str], surname: str) -> None:
    owner = person(0, f"Dana {surname}")
    owner.last_name = surname
    row: InvolvementRow = act(0, passages)
    expected = {row.row} if one_by_one(passages, surname) else set()
    assert _by_surname([(row, owner)]) == expected


def test_a_surname_in_another_case_or_between_quotation_marks_is_found() -> None:
    owner = person(0, "Dana Fictiyeva")
    owner.last_name = "Fictiyeva"
    rows = [act(0, ["«FICTIYEVA» led them."]), act(1, ["the chief, Fictiyevoi, led them"])]
    assert _by_surname([(r, owner) for r in rows]) == {2}  # the case ending is for mentions
