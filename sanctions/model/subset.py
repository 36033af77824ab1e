"""The part of a list's entity graph that one reader may hold: the targets, the edges chosen
for them (the posts, acts and relatives a letter or page relies on), and what those reach.

An edge is never followed just because it touches a target: an involvement a letter does not
rely on, or a relative in a package for a government without a family measure, would tell its
reader more than the letter does, and would bring in other persons (a research lead sharing an
incident) with it. A relative is named and nothing more.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterable, Sequence
from functools import cache

from followthemoney import EntityProxy, Schema

from sanctions.model.graph import Graph, reference_properties, refs
from sanctions.model.targets import Target, act_key

EDGE_SCHEMATA = {"Occupancy", "UnknownLink", "Family", "Associate"}
# What a person reached only as a relative keeps: their name.
RELATIVE_PROPERTIES = ("name", "topics")

KeepEdge = Callable[[EntityProxy], bool]


def relied_edges(
    graph: Graph,
    targets: Iterable[Target],
    acts: Collection[tuple[str, ...]] | None = None,
    relationships: Collection[str] = (),
) -> KeepEdge:
    """The edges relied on: the targets' own posts (a post whose passages name someone else,
    or no one, is not shown as theirs), the acts given (``act_key``; default:
    each target's own acts) and family ties of these ``relationships`` only."""
    targets = list(targets)
    holders = {graph.id_of("person", t.person_id) for t in targets}
    occupancies = {
        graph.id_of("occupancy", t.person_id, p.org_id, p.title, p.start or "", p.end or "")
        for t in targets
        for p in t.own_posts
    }
    if acts is None:
        acts = [
            act_key(t.person_id, a.incident_id, a.role, a.anchor)
            for t in targets
            for a in t.own_acts
        ]
    links = {graph.id_of("involvement", *act) for act in acts}

    def keep(edge: EntityProxy) -> bool:
        schema = edge.schema.name
        if schema == "Occupancy":
            return edge.id in occupancies
        if schema == "UnknownLink":
            return edge.id in links
        if schema == "Family":
            return edge.first("person") in holders and edge.first("relationship") in relationships
        return False

    return keep


def subset(
    graph: Graph,
    person_ids: Sequence[str],
    keep_edge: KeepEdge | None = None,
    documents: Collection[str] = (),
) -> list[EntityProxy]:
    """The targets, the edges ``keep_edge`` chooses among theirs (default: all), everything
    those reach, and the ``documents`` (their evidence IDs) the reader is given beside the
    entities (a package's evidence list, the public page's sources), with no dangling
    reference: the file and the list of sources it comes with name the same documents."""
    targets: set[str] = {p for p in person_ids if p in graph.entities}
    keep = set(targets)
    keep.update(d for e in documents if (d := graph.id_of("doc", e)) in graph.entities)
    for target in targets:
        for edge_id in graph.pointing_at(target):
            edge = graph.entities[edge_id]
            if edge.schema.name in EDGE_SCHEMATA and (keep_edge is None or keep_edge(edge)):
                keep.add(edge_id)
    frontier = list(keep)
    while frontier:
        entity = graph.entities[frontier.pop()]
        for ref in refs(entity):
            if ref in graph.entities and ref not in keep and entity.schema.name != "Event":
                keep.add(ref)
                frontier.append(ref)
    for kept in list(keep):
        for doc_id in graph.pointing_at(kept):
            documentation = graph.entities[doc_id]
            if (
                documentation.schema.name == "Documentation"
                and documentation.first("entity") == kept
            ):
                keep.add(doc_id)
    _drop_unfounded(graph, keep)
    out = []
    for entity_id in sorted(keep):
        entity = graph.entities[entity_id]
        if entity.schema.name == "Person" and entity_id not in targets and keep_edge is not None:
            entity = _named_only(entity)
        dangling = [
            (name, value)
            for name in _optional_references(entity.schema)
            for value in entity.get(name)
            if value not in keep
        ]
        if dangling:  # copied only when it changes: the graph's entities are shared
            entity = entity.clone()
            for prop, value in dangling:
                entity.remove(prop, value)
        out.append(entity)
    return out


def _drop_unfounded(graph: Graph, keep: set[str]) -> None:
    """Leave out, until none is left, every kept entity a required reference of which points
    outside the subset: an edge needs both its ends (a Documentation whose document this reader
    does not hold, an incident's source the page does not cite, would point at nothing)."""
    dropped = True
    while dropped:
        dropped = False
        for entity_id in sorted(keep):
            entity = graph.entities[entity_id]
            if any(
                value not in keep
                for name in _required_references(entity.schema)
                for value in entity.get(name)
            ):
                keep.discard(entity_id)
                dropped = True


@cache
def _required_references(schema: Schema) -> tuple[str, ...]:
    """The schema's properties that refer to other entities and may not be left empty."""
    return tuple(name for name in reference_properties(schema) if name in schema.required)


@cache
def _optional_references(schema: Schema) -> tuple[str, ...]:
    """The schema's properties that refer to other entities and may be left empty."""
    return tuple(name for name in reference_properties(schema) if name not in schema.required)


def _named_only(person: EntityProxy) -> EntityProxy:
    kept = person.schema.model.make_entity(person.schema)
    kept.id = person.id
    for prop in RELATIVE_PROPERTIES:
        kept.add(prop, person.get(prop), cleaned=True)
    return kept
