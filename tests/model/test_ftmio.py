"""FtM JSON lines: written the same way every time, and the same whether a graph's entity is
written anew or from the lines made once for every package."""

from __future__ import annotations

import orjson

from sanctions.model import ftmio
from sanctions.model.graph import Graph


def graph() -> Graph:
    made = Graph("testland")
    for name in ("Ivan Petrov", "Aigerim Nurlanova"):
        person = made.make("Person", "person", name)
        made.put(person, "name", name, "persons!B2")
        made.emit(person)
    return made


def test_lines_are_sorted_by_id_with_keys_sorted() -> None:
    written = ftmio.dumps(graph().entities.values(), "testland").splitlines()
    records = [orjson.loads(line) for line in written]
    assert [r["id"] for r in records] == sorted(r["id"] for r in records)
    assert all(list(r) == sorted(r) for r in records)
    assert {r["datasets"][0] for r in records} == {"testland"}


def test_a_graphs_entities_are_written_once_and_a_changed_copy_anew() -> None:
    made = graph()
    lines = ftmio.Lines(made)
    entities = list(made.entities.values())
    assert ftmio.dumps(entities, "testland", lines) == ftmio.dumps(entities, "testland")
    first = lines.of(entities[0], "testland")
    assert lines.of(entities[0], "testland") is first  # made once
    copy = entities[0].clone()
    copy.add("alias", "Vanya")
    assert b"Vanya" in lines.of(copy, "testland")  # not the original's line
    assert b"Vanya" not in lines.of(entities[0], "testland")
