"""The graph's own mechanics: entities sent between processes."""

from __future__ import annotations

from followthemoney import model
from followthemoney.types.string import PROP_VALUE_MAX

from sanctions.model.graph import Graph, packed, unpacked


def test_an_entity_sent_packed_is_the_same_entity_and_still_refuses_what_it_refused():
    """What crosses to the other process is the entity's values and their size, not a
    pickled proxy: unpacked, it is the same entity, and FtM's limit on the size of its text
    still counts what it already holds."""
    graph = Graph("t")
    entity = graph.make("Person", "person", "P001")
    graph.put(entity, "name", ["Arman Testbayev", "Арман Тестбаев"], "persons!B2")
    chunk = 60_000  # under FtM's longest text value
    notes = [f"{n:06d}" + "x" * (chunk - 6) for n in range(PROP_VALUE_MAX // chunk)]
    graph.put(entity, "notes", notes, "persons!T2")
    assert not graph.losses  # the text is within the limit, by less than a value more
    again = unpacked(packed(entity))
    assert again.schema is model["Person"] and again.id == entity.id
    assert again.to_dict() == entity.to_dict()
    for proxy in (entity, again):
        refused = Graph("t")
        refused.put(proxy, "notes", "y" * chunk, "persons!T3")
        assert [loss.value for loss in refused.losses] == ["y" * chunk]
