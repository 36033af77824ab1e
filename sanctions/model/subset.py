"""The part of a list's entity graph that one package needs: its targets and what they reach."""

from __future__ import annotations

from collections.abc import Sequence

from followthemoney import EntityProxy
from followthemoney.types import registry

from sanctions.model.graph import Graph

EDGE_SCHEMATA = {"Occupancy", "UnknownLink", "Family", "Associate"}


def subset(graph: Graph, person_ids: Sequence[str]) -> list[EntityProxy]:
    """The targets and everything their edges, posts and proofs reach, with no dangling reference."""
    keep: set[str] = {p for p in person_ids if p in graph.entities}
    for entity in graph.sorted():
        if entity.schema.name in EDGE_SCHEMATA and keep & set(_refs(entity)):
            keep.add(entity.id or "")
    frontier = list(keep)
    while frontier:
        entity = graph.entities[frontier.pop()]
        for ref in _refs(entity):
            if ref in graph.entities and ref not in keep and entity.schema.name != "Event":
                keep.add(ref)
                frontier.append(ref)
    for entity in graph.sorted():
        if entity.schema.name == "Documentation" and entity.first("entity") in keep:
            keep.add(entity.id or "")
    out = []
    for entity_id in sorted(keep):
        entity = graph.entities[entity_id].clone()
        for prop in list(entity.iterprops()):
            if prop.type == registry.entity and prop.name not in entity.schema.required:
                dangling = [v for v in entity.get(prop) if v not in keep]
                for value in dangling:
                    entity.remove(prop, value)
        out.append(entity)
    return out


def _refs(entity: EntityProxy) -> list[str]:
    return [
        v for prop in entity.iterprops() if prop.type == registry.entity for v in entity.get(prop)
    ]
