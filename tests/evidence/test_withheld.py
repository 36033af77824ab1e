"""A public output gives of a cell citing a confidential source only what the public sources'
copies state: a value only the confidential copy states is left out, a date given as precisely
as the public copies give it. Every text is invented."""

from __future__ import annotations

from pathlib import Path
from unittest import mock

import pytest
from hypothesis import given
from hypothesis import strategies as st

from sanctions.evidence.passages import fold_text
from sanctions.evidence.quoting import Copy
from sanctions.evidence.withheld import Context, public_value
from sanctions.workbook.layout import load_layout
from tests.evidence.test_holding import READS, Item, holding

REPORT = (
    "In May 2020, in Zhanaozen, police officers detained protesters. Colonel Dana Fictiyeva, "
    "a citizen of Kazakhstan, commanded them. Erlan Protestov was among those held."
)
INTERVIEW = (
    "The witness said that on 15 May 2020 she saw Colonel Fictiyeva, born 2 April 1971, "
    "passport N7654321, order the arrests in Zhanaozen and in Aktau. Serik Secretov was held."
)
SECRET = {"E2"}


def column(sheet: str, name: str):  # type: ignore[no-untyped-def]
    return next(c for c in load_layout().sheet(sheet).columns if c.name == name)


@pytest.fixture
def copies(tmp_path: Path):  # type: ignore[no-untyped-def]
    return holding(
        tmp_path,
        {"report.txt": REPORT, "interview.txt": INTERVIEW},
        [Item("E1", "report.txt"), Item("E2", "interview.txt"), Item("E3")],
    )


@READS
def test_a_date_is_given_as_precisely_as_the_public_copies_give_it(
    tmp_path: Path, how: str
) -> None:
    found = holding(
        tmp_path,
        {"report.txt": REPORT, "interview.txt": INTERVIEW},
        [Item("E1", "report.txt"), Item("E2", "interview.txt")],
        how,
    )
    date = column("incidents", "date")
    assert public_value(date, "2020-05-15", ["E1", "E2"], SECRET, found) == "2020-05"
    assert public_value(date, "2020-05", ["E1", "E2"], SECRET, found) == "2020-05"
    # no confidential source cited: as typed, whatever the copies say
    assert public_value(date, "2020-05-15", ["E1"], SECRET, found) == "2020-05-15"
    # the birth date only the witness gives, beside a report that gives no year of it
    birth = column("persons", "birth_date")
    assert public_value(birth, "1971-04-02", ["E1", "E2"], SECRET, found) is None


def test_a_value_no_public_copy_states_is_left_out_however_the_confidential_one_says_it(
    copies,  # type: ignore[no-untyped-def]
) -> None:
    """What the finders cannot read in the confidential copy (a date as "23.VIII.1964", a
    garbled copy) may be what it says: only what a public copy states is given."""
    date = column("incidents", "date")
    assert public_value(date, "2021-06-03", ["E1", "E2"], SECRET, copies) is None
    assert public_value(date, "2021-06-03", ["E1", "E3"], {"E3"}, copies) is None
    # ... though a public copy's own words are given still
    assert public_value(date, "2020-05-01", ["E1", "E3"], {"E3"}, copies) == "2020-05"
    assert public_value(date, "2020-05-01", ["E1"], {"E3"}, copies) == "2020-05-01"


def test_a_public_source_read_in_a_confidential_copy_is_not_public(tmp_path: Path) -> None:
    """A public report known only as the witness's statement quotes it is read in the
    statement: what it says there is the statement's to withhold."""
    found = holding(
        tmp_path,
        {"report.txt": REPORT, "interview.txt": INTERVIEW},
        [Item("E1", "report.txt"), Item("E2", "interview.txt"), Item("E4", None, "E2")],
    )
    ids = column("persons", "id_numbers")
    assert public_value(ids, ["Passport N7654321"], ["E4", "E2"], SECRET, found) is None
    place = column("incidents", "place")
    assert public_value(place, "Zhanaozen", ["E4", "E2"], SECRET, found) is None
    assert public_value(place, "Zhanaozen", ["E1", "E4", "E2"], SECRET, found) == "Zhanaozen"


def test_an_id_number_only_the_confidential_copy_holds_is_left_out(
    copies,  # type: ignore[no-untyped-def]
    tmp_path: Path,
) -> None:
    ids = column("persons", "id_numbers")
    assert public_value(ids, ["Passport N7654321"], ["E1", "E2"], SECRET, copies) is None
    # an ID stands whole in a public copy, not by its digits alone (a hotline's number)
    (tmp_path / "hotline").mkdir()
    hotline = holding(
        tmp_path / "hotline",
        {"report.txt": "Call the hotline on 765-43-21.", "interview.txt": INTERVIEW},
        [Item("E1", "report.txt"), Item("E2", "interview.txt")],
    )
    assert public_value(ids, ["Passport N7654321"], ["E1", "E2"], SECRET, hotline) is None
    assert public_value(ids, ["765-43-21"], ["E1", "E2"], SECRET, hotline) == ["765-43-21"]
    nationality = column("persons", "nationality")
    assert public_value(nationality, ["KZ"], ["E1", "E2"], SECRET, copies) == ["KZ"]


def test_of_several_values_only_those_a_public_copy_states_are_given(copies) -> None:  # type: ignore[no-untyped-def]
    victims = column("incidents", "victims")
    both = ["Erlan Protestov", "Serik Secretov"]
    assert public_value(victims, both, ["E1", "E2"], SECRET, copies) == ["Erlan Protestov"]
    place = column("incidents", "place")
    assert public_value(place, "Zhanaozen; Aktau", ["E1", "E2"], SECRET, copies) == "Zhanaozen"
    assert public_value(place, "Zhanaozen", ["E1", "E2"], SECRET, copies) == "Zhanaozen"
    assert public_value(place, "Aktau", ["E1", "E2"], SECRET, copies) is None
    # a place is given as far as the public copies name it
    where = "Zhanaozen, Aktau pretrial centre"
    assert public_value(place, where, ["E1", "E2"], SECRET, copies) == "Zhanaozen"
    assert public_value(place, "Zhanaozen (Aktau)", ["E1", "E2"], SECRET, copies) == "Zhanaozen"


def test_prose_is_judged_by_its_quoted_words_and_any_cell_by_its_sources(copies) -> None:  # type: ignore[no-untyped-def]
    summary = column("incidents", "summary")
    told = "Police held protesters: “police officers detained protesters”."
    assert public_value(summary, told, ["E1", "E2"], SECRET, copies) == told
    secret = "A witness saw the order: “order the arrests in Zhanaozen”."
    assert public_value(summary, secret, ["E1", "E2"], SECRET, copies) is None
    # every source confidential: nothing, whatever the copies hold
    assert public_value(summary, told, ["E2"], SECRET, copies) is None
    assert public_value(column("incidents", "place"), "Zhanaozen", ["E2"], SECRET, None) is None
    # without the copies, nothing shows what the public source states: withheld
    assert public_value(summary, told, ["E1", "E2"], SECRET, None) is None
    assert public_value(summary, told, ["E1"], SECRET, None) == told


def test_a_persons_value_is_looked_for_where_a_long_public_copy_names_them(
    tmp_path: Path,
) -> None:
    """A year the report gives pages away from her ("the law of 1975") is nobody's birth year;
    her own paragraph's is hers. An incident's value is looked for near its passages."""
    filler = "The region's courts heard many cases that year.\n" * 80
    report = (
        f"Under the law of 1975, protests need a permit.\n{filler}"
        "Colonel Dana Fictiyeva, born in 1981, commands the police.\n"
    )
    found = holding(
        tmp_path,
        {"report.txt": report, "interview.txt": INTERVIEW},
        [Item("E1", "report.txt"), Item("E2", "interview.txt")],
    )
    birth = column("persons", "birth_date")
    hers = Context(names=("Dana Fictiyeva",))
    assert public_value(birth, "1975-06-06", ["E1", "E2"], SECRET, found, hers) is None
    # a birth date only where a public copy gives it as one: the law's year is no birth year
    assert public_value(birth, "1975-06-06", ["E1", "E2"], SECRET, found) is None
    assert public_value(column("incidents", "date"), "1975-06-06", ["E1", "E2"], SECRET, found) == (
        "1975"  # an incident's year, without the row's passages to look near: anywhere
    )
    assert public_value(birth, "1981-04-02", ["E1", "E2"], SECRET, found, hers) == "1981"
    date = column("incidents", "date")
    told = Context(passages=("Colonel Dana Fictiyeva, born in 1981",))
    assert public_value(date, "1975-06-06", ["E1", "E2"], SECRET, found, told) is None


def test_a_birth_date_is_public_only_where_a_public_copy_gives_it_as_one(tmp_path: Path) -> None:
    """A short report names him, and a law of the year he was born: only the interview gives
    his birth. "b. 1975" or "born in 1975" in the report would be his."""
    birth = column("persons", "birth_date")
    his = Context(names=("Vadim Yearelse",))
    for report, shown in (
        ("Vadim Yearelse detained protesters.\nThe law of 1975 on public order was applied.", None),
        ("Vadim Yearelse (b. 1975) detained protesters.", "1975"),
        ("Vadim Yearelse, born on 6 June 1975, detained protesters.", "1975-06-06"),
        ("Вадим Еарелсе, родился в 1975 году, задерживал протестующих.", "1975"),
    ):
        folder = tmp_path / str(len(report))
        folder.mkdir()
        found = holding(
            folder,
            {"report.txt": report, "interview.txt": "Vadim Yearelse was born on 6 June 1975."},
            [Item("E1", "report.txt"), Item("E2", "interview.txt")],
        )
        assert public_value(birth, "1975-06-06", ["E1", "E2"], SECRET, found, his) == shown, report


# Lines of a long copy: dashes at a line's end (joined to the next line's word; one only once
# normalised), quotation marks, runs of whitespace of several kinds, letters that fold; and the
# line breaks a copy holds (a PDF's page break, a web page's line separator).
LINE = st.lists(
    st.sampled_from([*"aBß -–—\u00ad\ufe63\t«»\"'\u00a0", "ﬁ", "Ё", "word", "  "]),
    max_size=8,
).map("".join)
BREAK = st.sampled_from(["\n", "\r\n", "\r", "\x0c", "\x0b", "\u2028", "\u2029", "\x85", "\x1c"])


@given(st.lists(st.tuples(LINE, BREAK), max_size=12), st.data())
def test_the_stretches_of_a_copy_are_cut_at_line_ends_and_folded_as_the_copy_is(
    lines: list[tuple[str, str]], data: st.DataObject
) -> None:
    """A long copy is cut into stretches at its line ends, whichever (a page break too), and
    folded once, stretch by stretch; the stretches that name a person are joined
    (``_naming``) and read folded as folding them joined reads. Stretches of a few characters
    here, to cut at many lines."""
    from sanctions.evidence import withheld

    text = "".join(line + end for line, end in lines)
    with mock.patch.object(withheld, "NEAR", 6):
        made = withheld._stretches(Copy("E1", None, text, None, fold_text(text)), Worked())
    assert "".join(made.texts) == text
    assert all(t.splitlines(keepends=True)[-1] != t.splitlines()[-1] for t in made.texts[:-1])
    kept = sorted(data.draw(st.sets(st.integers(0, len(made.texts) - 1))))
    near = "".join(made.texts[k] for k in kept)
    assert made.folded(kept, near) == fold_text(near)


@pytest.mark.parametrize("end", ["\n", "\x0c", "\u2028", " -\n"])
def test_a_birth_date_stated_a_stretch_away_from_her_name_is_not_hers(
    tmp_path: Path, end: str
) -> None:
    """The report names her, and two stretches on, past a page break, a line separator or a
    dash at a line's end, gives a birth date: too far from her name to be hers."""
    filler = ("Lorem ipsum dolor sit amet consectetur. " * 20)[:760]
    report = (
        f"{filler} Colonel Dana Fictiyeva commanded.\n{filler}{end}"
        f"She was born 2 April 1971.\n{filler}{filler}{filler}\n"
    )
    found = holding(
        tmp_path,
        {"report.txt": report, "interview.txt": "Fictiyeva, born 2 April 1971."},
        [Item("E1", "report.txt"), Item("E2", "interview.txt")],
    )
    hers = Context(names=("Dana Fictiyeva",))
    birth = column("persons", "birth_date")
    assert public_value(birth, "1971-04-02", ["E1", "E2"], SECRET, found, hers) is None


class Worked:
    """What ``_stretches`` keeps its work in (a ``Holding``'s)."""

    def __init__(self) -> None:
        self.worked: dict[object, object] = {}
