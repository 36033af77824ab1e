"""Whether a date is stated in the copies of its sources, however they write it."""

from __future__ import annotations

import pytest

from sanctions.evidence.dated import date_missing
from sanctions.evidence.passages import fold_text
from sanctions.evidence.quoting import Copy


def copy(text: str) -> Copy:
    return Copy("E1", "e1.txt", text, None, fold_text(text), text.casefold())


@pytest.mark.parametrize(
    ("text", "date"),
    [
        ("On 15 May 2020 the police detained him.", "2020-05-15"),
        ("Задержан 15.05.2020 в Алматы.", "2020-05-15"),
        ("Он был задержан 15 мая 2020 года.", "2020-05-15"),
        ("Minister from March 2015 until his dismissal.", "2015-03"),
        ("Born in 1965 in Almaty.", "1965"),
        # placed by a day the source writes
        (
            "On 18 September 2018 police detained her. A day earlier, in Astana, police "
            "detained several persons.",
            "2018-09-17",
        ),
        ("He was arrested on 5 January 2022. The next day he was charged.", "2022-01-06"),
    ],
)
def test_a_date_the_source_states_in_any_usual_form_is_found(text: str, date: str) -> None:
    assert date_missing(date, [copy(text)], "the date") is None


def test_a_mistyped_day_is_named_with_what_the_copy_does_give() -> None:
    text = "On 15 May 2020 the police detained him."
    assert date_missing("2020-05-16", [copy(text)], "the date") == (
        "the date 2020-05-16 (the year is there, the day or month is not)"
    )
    assert date_missing("2019-05-15", [copy(text)], "the date") == "the date 2019-05-15"
    # a day placed relative to another needs the words that place it
    assert date_missing("2020-05-14", [copy(text)], "the date") is not None
