"""Whether a passage quoted as the source's finding is, in the copy, someone's account."""

from __future__ import annotations

import pytest

from sanctions.evidence.passages import fold_text, parts, pieces_at
from sanctions.evidence.tellers import attributed

COPY = (
    "Introduction. According to Kayyrbek, on 6 January 2020 he was severely beaten by an "
    "officer. The son of the victim reported that the policeman grabbed him by the neck. "
    "According to available information, he was beaten by unknown attackers. However, the NPM "
    "report stated that his act was a protest. Она рассказала, что его избили в отделе. "
    "Police dispersed the rally on 1 March. Reports of torture were received."
)


def told(passage: str) -> tuple[str, str] | None:
    text, pieces = fold_text(COPY), parts(passage)
    start = pieces_at(pieces, text)
    assert start != -1, passage
    return attributed(text, start, pieces[0])


@pytest.mark.parametrize(
    ("passage", "how", "said"),
    [
        ("on 6 January 2020 he was severely beaten", "cut", "according to kayyrbek,"),
        ("he was severely beaten by an officer", "cut", "according to kayyrbek, on 6 january"),
        ("According to Kayyrbek, on 6 January 2020", "begins", "according to kayyrbek,"),
        ("the policeman grabbed him by the neck", "cut", "the son of the victim reported that"),
        ("he was beaten by unknown attackers", "cut", "according to available information,"),
        ("его избили в отделе", "cut", "она рассказала, что"),
    ],
)
def test_an_account_or_a_hedge_left_out_of_the_passage_is_found(
    passage: str, how: str, said: str
) -> None:
    found = told(passage)
    assert found is not None and found[0] == how and found[1].startswith(said)


@pytest.mark.parametrize(
    "passage",
    [
        # the hedge quoted with it: the source's statement, said as the source says it
        "According to available information, he was beaten by unknown attackers",
        # the source's finding of what someone said, whole
        "However, the NPM report stated that his act was a protest",
        # a sentence of its own
        "Police dispersed the rally on 1 March",
        # "reports" as a noun is no one's saying
        "torture were received",
    ],
)
def test_the_source_s_own_sentences_are_left_alone(passage: str) -> None:
    assert told(passage) is None
