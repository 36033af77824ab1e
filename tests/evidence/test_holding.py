"""A passage is cited to the source that holds it: its own copy first, a copy it is known
through only when no own copy holds it. Every text is invented."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pytest

from sanctions.evidence import holding as holding_module
from sanctions.evidence.holding import Holding

# Both ways of reading the copies: all at once (an export), or each when first asked for (the
# checks of validate, which read few of them).
READS = pytest.mark.parametrize("how", ["of", "on_demand"])


@dataclass
class Item:
    evidence_id: str
    file: str | None = None
    known_through: str | None = None
    title: str = ""
    publisher: str | None = None


def holding(tmp_path: Path, texts: dict[str, str], items: list[Item], how: str = "of") -> Holding:
    book = tmp_path / "testland.xlsx"
    folder = tmp_path / "testland-evidence"
    folder.mkdir()
    for name, text in texts.items():
        (folder / name).write_text(text, encoding="utf-8")
    made: Holding = getattr(Holding, how)(items, book)
    return made


@READS
def test_a_passage_is_held_by_the_copy_that_says_it(tmp_path: Path, how: str) -> None:
    found = holding(
        tmp_path,
        {"article.txt": "The report says: officers beat him.", "report.txt": "Officers beat him."},
        [Item("E1", "article.txt"), Item("E2", "report.txt"), Item("E3")],
        how,
    )
    assert found.holders("officers beat him", ["E1", "E2", "E3"]) == ("E1", "E2")
    assert found.holders("The report says", ["E1", "E2"]) == ("E1",)
    assert found.holders("nobody says this", ["E1", "E2"]) == ()


@READS
def test_a_source_known_through_another_holds_only_what_no_own_copy_does(
    tmp_path: Path, how: str
) -> None:
    found = holding(
        tmp_path,
        {
            "article.txt": "The journalist writes that the report says “they give orders”.",
            "ngo.txt": "The journalist writes that the report says",
        },
        [Item("E1", "article.txt"), Item("E2", known_through="E1"), Item("E4", "ngo.txt")],
        how,
    )
    # The report, read as the article quotes it:
    assert found.holders("they give orders", ["E2", "E4"]) == ("E2",)
    # The journalist's own words are in a copy cited with it: not the report's.
    assert found.holders("the journalist writes", ["E2", "E4"]) == ("E4",)


@READS
def test_a_row_citing_the_article_and_the_report_it_quotes_cites_each_its_own_words(
    tmp_path: Path, how: str
) -> None:
    article = (
        "Three organisations published a report on Testland.\n"
        "“Officers in Testland detain critics every week,” the report’s foreword says.\n"
        "The authors ‘urge sanctions’ against the minister.\n"
        "“The minister leads these processes.\n"
        "The facts are plain.”\n"
        "The journalist adds that the ministry did not reply.\n"
        "“They beat us in the van,” said Erlan Victimov, a protester.\n"
    )
    found = holding(
        tmp_path,
        {"article.txt": article, "other.txt": "Officers in Testland detain critics every week."},
        [Item("E1", "article.txt"), Item("E2", known_through="E1"), Item("E3", "other.txt")],
        how,
    )
    # Inside the article's quotation marks: the report's words, not the article's.
    assert found.holders("officers in Testland detain critics every week", ["E1", "E2"]) == ("E2",)
    assert found.holders("urge sanctions", ["E2", "E1"]) == ("E2",)
    # A quotation running over a line end, with a gap:
    assert found.holders("The minister leads … The facts are plain", ["E1", "E2"]) == ("E2",)
    # The article's own words stay the article's.
    assert found.holders("the ministry did not reply", ["E1", "E2"]) == ("E1",)
    assert found.holders("published a report", ["E1", "E2"]) == ("E1",)
    # A quotation the article gives as a person's stays theirs, as the article tells it.
    assert found.holders("They beat us in the van", ["E1", "E2"]) == ("E1",)
    # Cited without the report, the article is still the one holding its quotation (whose words
    # they are is the quote rules' to say), and a copy of its own holds them as it did.
    assert found.holders("detain critics every week", ["E1"]) == ("E1",)
    assert found.holders("detain critics every week", ["E1", "E2", "E3"]) == ("E2", "E3")


# An article carrying two reports, neither with a copy of its own, and how the words around
# each of its quotations name (or do not name) the report it quotes.
TWO_REPORTS = [
    Item("E2", "article.txt", title="Testland's prisons", publisher="The Testland Times"),
    Item("E3", None, "E2", "Servants of the regime: torture in Testland", "Testland Watch"),
    Item("E5", None, "E2", "Masters of silence", "Free Testland Foundation"),
]


@READS
def test_an_article_quoting_two_cited_reports_credits_each_quotation_to_the_report_it_names(
    tmp_path: Path, how: str
) -> None:
    article = (
        "Two reports on Testland appeared this spring.\n"
        "The report “Servants of the regime” says: “Officers beat detainees at night.”\n"
        "“Critics are held without trial,” the authors of “Masters of silence” write.\n"
        "“Guards take bribes,” the Free Testland Foundation’s report reads.\n"
        "The journalist adds that the ministry did not reply.\n"
    )
    found = holding(tmp_path, {"article.txt": article}, TWO_REPORTS, how)
    cited = ["E2", "E3", "E5"]
    # By its title's part before the colon, not by the next line's, which names the other:
    assert found.holders("Officers beat detainees at night", cited) == ("E3",)
    # By its title after the closing mark, and by its publisher:
    assert found.holders("Critics are held without trial", cited) == ("E5",)
    assert found.holders("Guards take bribes", cited) == ("E5",)
    # The article's own words stay the article's.
    assert found.holders("the ministry did not reply", cited) == ("E2",)


@READS
def test_a_quotation_naming_neither_carried_report_stays_the_articles(
    tmp_path: Path, how: str
) -> None:
    article = (
        "Two reports, “Servants of the regime” and “Masters of silence”, appeared this spring.\n"
        "One of the reports says: “Officers beat detainees at night.”\n"
        "“Critics are held without trial,” a report reads.\n"
        "Both “Servants of the regime” and “Masters of silence” say: “Guards take bribes.”\n"
    )
    found = holding(tmp_path, {"article.txt": article}, TWO_REPORTS, how)
    cited = ["E2", "E3", "E5"]
    # Named by neither, or by both: which report says them the article does not tell.
    assert found.holders("Officers beat detainees at night", cited) == ("E2",)
    assert found.holders("Critics are held without trial", cited) == ("E2",)
    assert found.holders("Guards take bribes", cited) == ("E2",)


@READS
def test_two_reports_of_one_publisher_are_told_apart_by_their_titles(
    tmp_path: Path, how: str
) -> None:
    article = (
        "Testland Watch’s report “Masters of silence” says: “Officers beat detainees at night.”\n"
        "“Critics are held without trial,” Testland Watch’s report reads.\n"
    )
    items = [
        Item("E2", "article.txt"),
        Item("E3", None, "E2", "Servants of the regime", "Testland Watch"),
        Item("E5", None, "E2", "Masters of silence", "Testland Watch"),
    ]
    found = holding(tmp_path, {"article.txt": article}, items, how)
    assert found.holders("Officers beat detainees at night", ["E2", "E3", "E5"]) == ("E5",)
    # Their publisher names both: the article's.
    assert found.holders("Critics are held without trial", ["E2", "E3", "E5"]) == ("E2",)
    # One of them cited alone, the article carries no other: it holds the quotation, as before.
    assert found.holders("Critics are held without trial", ["E2", "E3"]) == ("E3",)


@READS
def test_a_title_s_first_part_too_short_to_name_a_report_names_none(
    tmp_path: Path, how: str
) -> None:
    """ "Testland: Events of 2021" is not named by every sentence that names the country."""
    article = "The Open Freedom report says that in Testland “police beat the detainees”.\n"
    items = [
        Item("E1", "article.txt"),
        Item("E3", None, "E1", "Testland: Events of 2021", "Human Rights Monitor"),
        Item("E4", None, "E1", "Servants of the regime", "Open Freedom Foundation"),
    ]
    found = holding(tmp_path, {"article.txt": article}, items, how)
    assert found.holders("police beat the detainees", ["E1", "E3", "E4"]) == ("E1",)


def test_without_a_workbook_nothing_is_held(tmp_path: Path) -> None:
    assert Holding.of([Item("E1", "a.txt")], None).holders("x", ["E1"]) == ()


def test_copies_read_on_demand_are_read_only_when_asked_for(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    read: list[str] = []
    original = holding_module.read_copies

    def counted(paths, *args, **kwargs):  # type: ignore[no-untyped-def]
        paths = list(paths)
        read.extend(p.name for p in paths)
        return original(paths, *args, **kwargs)

    monkeypatch.setattr(holding_module, "read_copies", counted)
    found = holding(
        tmp_path,
        {"a.txt": "Officer A, officer B and officer C beat him.", "b.txt": "Nothing here."},
        [Item("E1", "a.txt"), Item("E2", "b.txt")],
        "on_demand",
    )
    assert read == []
    assert found.stretch(["officer a", "beat him"], ["E1"]) == (
        "officer a, officer b and officer c beat him"
    )
    assert found.holders("beat him", ["E1"]) == ("E1",)
    assert read == ["a.txt"]  # once, and never b.txt
