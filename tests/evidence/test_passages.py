"""A quoted passage is found in its source however the source sets its quotation marks, dashes,
spaces and capitals, and across the "…" an editor writes for words left out; other words are
not found, and the nearest passage the source has is shown. Every text here is invented."""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from sanctions.evidence.passages import (
    NEAREST_CHARS,
    fold,
    fold_each,
    fold_text,
    found_in,
    found_in_folded,
    nearest,
    parts,
    parts_of_all,
    passages,
)

SOURCE = """7. On 3 March 2021 the officer — according to the witness — struck the
detainee “several times” with a baton. The detainee’s lawyer filed a complaint.

8. The investigation was closed on 1 June 2021 for lack of evi-
dence of a crime.
"""


@pytest.mark.parametrize(
    "passage",
    [
        "the officer — according to the witness — struck the detainee “several times”",
        'the officer - according to the witness - struck the detainee "several times"',
        "THE OFFICER – ACCORDING TO THE WITNESS – STRUCK THE DETAINEE SEVERAL TIMES",
        "struck the\n   detainee",
        "The detainee's lawyer filed a complaint",
        "the officer … struck the detainee",
        "the officer ... struck the detainee [...] with a baton",
        "closed on 1 June 2021 for lack of evidence of a crime",  # a word broken at a line end
    ],
)
def test_the_same_words_are_found_whatever_their_typography(passage: str) -> None:
    assert found_in(passage, SOURCE)


@pytest.mark.parametrize(
    "passage",
    [
        "the officer struck the detainee with a baton",  # words left out without "…"
        "the officer beat the detainee",
        "struck the detainee … the investigation was reopened",
        "with a baton … struck the detainee",  # parts out of order
    ],
)
def test_other_words_are_not_found(passage: str) -> None:
    assert not found_in(passage, SOURCE)


def test_the_nearest_passage_is_shown_as_the_source_writes_it() -> None:
    near = nearest("the officer beat the detainee several times with a baton", SOURCE)
    assert near is not None and near.likeness > 0.7
    assert "struck the detainee “several times” with a baton" in near.text


def test_a_very_long_passage_is_looked_for_by_its_beginning() -> None:
    """A quote of thousands of words (a cell pasted whole) is aligned by its first
    ``NEAREST_CHARS`` characters (the alignment costs with the square of its length): the
    copy's stretch like its beginning, not one as long as the whole."""
    pasted = "the officer beat the detainee several times with a baton " + "and more " * 400
    copy = SOURCE + " ".join(f"filler{i} and more" for i in range(400))
    near = nearest(pasted, copy)
    assert near is not None and near.text in " ".join(copy.split())
    assert len(near.text) <= NEAREST_CHARS + 40


def test_locators_pair_with_their_passages() -> None:
    assert [(p.text, p.locator) for p in passages(["a", "b"], ["para. 7", "para. 8"])] == [
        ("a", "para. 7"),
        ("b", "para. 8"),
    ]
    assert {p.locator for p in passages(["a", "b"], ["paras. 7-8"])} == {"paras. 7-8"}


@given(st.text(alphabet=st.sampled_from(list("aZé ß\n\t-—–’“”\"'ﬁ…İ1 ")), max_size=40))
def test_the_fast_fold_folds_as_the_character_walk_does(text: str) -> None:
    assert fold_text(text) == fold(text).text


@given(
    st.lists(
        st.text(alphabet=st.sampled_from(list("ab É ß\n-—’“ …[...]ﬁ.")), max_size=30), max_size=6
    )
)
def test_passages_folded_together_are_folded_as_one_by_one(texts: list[str]) -> None:
    assert parts_of_all(texts) == [parts(t) for t in texts]


@given(st.lists(st.text(alphabet=st.sampled_from(list("ab É ß\n\t-—’“ …ﬁ.Ⅻ")), max_size=30)))
def test_texts_folded_together_are_folded_as_one_by_one_but_for_their_ends(
    texts: list[str],
) -> None:
    assert [t.strip(" ") for t in fold_each(texts)] == [fold_text(t).strip(" ") for t in texts]


WHITESPACE_RICH = list("ab \n\t\r\x0b\x0c\x1c\x1f\x85\xa0\u2003\u3000\u200b\ufeff\x00")


@given(st.text(alphabet=st.sampled_from(WHITESPACE_RICH), max_size=30))
def test_spaces_are_made_single_as_the_pattern_would(text: str) -> None:
    from sanctions.evidence.passages import _single_spaced

    assert _single_spaced(text) == re.sub(r"\s+", " ", text).lstrip(" ")


@given(st.text(alphabet=st.sampled_from(list("a .…[]()\n")), max_size=20))
def test_a_passage_is_split_at_its_gaps_as_the_pattern_splits_it(text: str) -> None:
    from sanctions.evidence.passages import GAP, _gaps

    assert _gaps(text) == GAP.split(text)


def test_a_passage_the_source_misspaces_is_found_by_every_check_and_output() -> None:
    """The one finding of a passage in a copy (``pieces_in``) is what the quote rules and the
    outputs' choice of the source that holds it both ask: a source's "Code)were" holds the
    quoted "Code) were", for both alike."""
    text = fold_text("charged under the Criminal Code)were sentenced; in pre-trialdetention")
    assert found_in_folded("the Criminal Code) were sentenced", text)
    assert found_in_folded("in pre-trial detention", text)
    assert not found_in_folded("in pre-trial custody", text)
    # a space the passage lacks is no typo: "detainee.Next" is not two paragraphs
    assert not found_in_folded("detainee.next", fold_text("the detainee.\n\nNext paragraph."))


@pytest.mark.parametrize(
    "text",
    [
        "A Kazakh citizen.",
        "a Kazakh\u00adstani citizen",
        "ﬁle Ⅻ İstanbul",  # composed by NFKC first
        "e\u0301tat",  # an accent typed apart
    ],
)
def test_a_text_read_for_citizenship_is_the_same_from_its_casefolded_copy(text: str) -> None:
    """``unbroken_text`` reuses the copy's casefolded text where the copy is composed already:
    the same answer either way."""
    from sanctions.evidence.passages import unbroken_text

    assert unbroken_text(text, text.casefold()) == unbroken_text(text)
