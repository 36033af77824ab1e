"""The case-strength test is data: each government's file says which elements one act must
show, and an act that lacks one is "not ready" exactly where its government asks for it. One
test per element, each breaking only that element of an act that is otherwise ready everywhere
it is in scope. Every name is invented."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from sanctions.check.validate import validate
from sanctions.governments.case import ELEMENTS
from sanctions.governments.registry import load
from sanctions.governments.scope import scope
from sanctions.model.targets import Target, load_targets
from tests import workbooks
from tests.workbooks import Rows

# The act under test: P002 perpetrated the detention and ill-treatment in I001 (valid rows).
PERSON = "P002"


def _collective(rows: Rows) -> None:
    """Two more persons' rows quote P002's passage: three rows, one passage about them all."""
    passage = rows["involvement"][1]
    for i in (3, 4):
        rows["persons"].append({"person_id": f"P00{i}", "name": f"Officer Number{i}ov",
                                "status": "research"})  # fmt: skip
        rows["positions"].append({"person_id": f"P00{i}", "org_id": "O002", "title": "Officer",
                                  "start_date": "2019", "evidence_ids": "E001"})  # fmt: skip
        rows["involvement"].append(passage | {"person_id": f"P00{i}"})


def _tenure(rows: Rows) -> None:
    """P002 is the official responsible, and their post began after the incident."""
    rows["involvement"][1]["role"] = "responsible_official"
    rows["positions"][1]["start_date"] = "2021"


def _second_hand(rows: Rows) -> None:
    """The witness statement P002's act cites is known only as cited in the report."""
    rows["evidence"][1]["known_through"] = "E001"


BREAK: dict[str, Callable[[Rows], None]] = {
    "own_passage": _collective,
    "date": lambda rows: rows["incidents"][0].update(date="2020"),
    "place": lambda rows: rows["incidents"][0].pop("place"),
    "victims": lambda rows: rows["incidents"][0].update(victims=None, victims_confidential="no"),
    "victim_activity": lambda rows: rows["incidents"][0].pop("victim_activity"),
    "post_at_the_time": _tenure,
    "first_hand": _second_hand,
}


def target(build: Callable[..., Path], rows: Rows) -> Target:
    result = validate(build(rows))
    assert not result.errors, result.errors
    return next(t for t in load_targets(result) if t.person_id == PERSON)


def test_every_element_has_a_test_here_and_a_word_in_every_file() -> None:
    assert set(BREAK) == set(ELEMENTS)
    for jurisdiction in load().values():
        assert jurisdiction.case <= set(ELEMENTS)


@pytest.mark.parametrize("element", list(ELEMENTS))
def test_an_act_lacking_one_element_is_not_ready_exactly_where_it_is_asked(
    build: Callable[..., Path], element: str
) -> None:
    before = target(build, workbooks.valid_rows())
    rows = workbooks.valid_rows()
    BREAK[element](rows)
    after = target(build, rows)
    asked = [
        code
        for code, j in load().items()
        if element in j.case or any(element in c.case for r in j.regimes for c in r.criteria)
    ]
    assert asked, f"no government asks for {element}: the test would prove nothing"
    checked = 0
    for code, jurisdiction in load().items():
        was = scope(jurisdiction, before)
        if element != "post_at_the_time" and not was.in_scope:
            continue
        found = scope(jurisdiction, after)
        if element == "post_at_the_time" and not any(
            "responsible_official" in c.tenure for r in jurisdiction.regimes for c in r.criteria
        ):
            continue  # no leader-or-official limb: the role grounds nothing here either way
        checked += 1
        if code in asked:
            assert not found.in_scope and found.missing == (element,), (code, found)
            assert found.reason == f"the sources do not show {ELEMENTS[element].needs}"
        else:
            assert found.in_scope and not found.not_ready, (code, found)
    assert checked, element


def test_an_act_showing_every_element_is_ready_wherever_it_is_in_scope(
    build: Callable[..., Path],
) -> None:
    ready = target(build, workbooks.valid_rows())
    covered = [code for code, j in load().items() if scope(j, ready).in_scope]
    assert len(covered) >= 5
    assert not any(scope(j, ready).not_ready for j in load().values())


def test_a_post_whose_passages_name_no_one_is_no_post_held_at_the_time(
    build: Callable[..., Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    """A leader's or official's limb holds a person to account for a post: "the chief of the
    Example City police since 2018" shows that someone held it, not that P002 did."""
    passage = "the chief of the Example City police since 2018"
    monkeypatch.setattr(workbooks, "REPORT", f"{workbooks.REPORT}\n{passage}\n")
    rows = workbooks.valid_rows()
    rows["involvement"][1]["role"] = "responsible_official"
    named = target(build, rows)
    rows["positions"][1].update(quote=passage)
    unnamed = target(build, rows)
    assert [p.named for p in named.posts] == [True] and named.own_posts == named.posts
    assert [p.named for p in unnamed.posts] == [False] and unnamed.own_posts == []
    checked = 0
    for code, jurisdiction in load().items():
        if "post_at_the_time" not in jurisdiction.case or not scope(jurisdiction, named).in_scope:
            continue
        found = scope(jurisdiction, unnamed)
        assert not found.in_scope and found.missing == ("post_at_the_time",), (code, found)
        checked += 1
    assert checked
