"""A passage is cited to the source that holds it: its own copy first, a copy it is known
through only when no own copy holds it. Every text is invented."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from sanctions.evidence.holding import Holding


@dataclass
class Item:
    evidence_id: str
    file: str | None = None
    known_through: str | None = None


def holding(tmp_path: Path, texts: dict[str, str], items: list[Item]) -> Holding:
    book = tmp_path / "testland.xlsx"
    folder = tmp_path / "testland-evidence"
    folder.mkdir()
    for name, text in texts.items():
        (folder / name).write_text(text, encoding="utf-8")
    return Holding.of(items, book)


def test_a_passage_is_held_by_the_copy_that_says_it(tmp_path: Path) -> None:
    found = holding(
        tmp_path,
        {"article.txt": "The report says: officers beat him.", "report.txt": "Officers beat him."},
        [Item("E1", "article.txt"), Item("E2", "report.txt"), Item("E3")],
    )
    assert found.holders("officers beat him", ["E1", "E2", "E3"]) == ("E1", "E2")
    assert found.holders("The report says", ["E1", "E2"]) == ("E1",)
    assert found.holders("nobody says this", ["E1", "E2"]) == ()


def test_a_source_known_through_another_holds_only_what_no_own_copy_does(tmp_path: Path) -> None:
    found = holding(
        tmp_path,
        {
            "article.txt": "The journalist writes that the report says “they give orders”.",
            "ngo.txt": "The journalist writes that the report says",
        },
        [Item("E1", "article.txt"), Item("E2", known_through="E1"), Item("E4", "ngo.txt")],
    )
    # The report, read as the article quotes it:
    assert found.holders("they give orders", ["E2", "E4"]) == ("E2",)
    # The journalist's own words are in a copy cited with it: not the report's.
    assert found.holders("the journalist writes", ["E2", "E4"]) == ("E4",)


def test_without_a_workbook_nothing_is_held(tmp_path: Path) -> None:
    assert Holding.of([Item("E1", "a.txt")], None).holders("x", ["E1"]) == ()
