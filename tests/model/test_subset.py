"""A reader's part of the graph (``model.subset``): the targets, the edges chosen, what those
reach, and nothing that points outside it."""

from __future__ import annotations

from followthemoney import EntityProxy

from sanctions.model.graph import Graph
from sanctions.model.subset import subset


def _graph() -> tuple[Graph, dict[str, EntityProxy]]:
    """A target with one act in an incident; the act cites one source, the incident two."""
    graph = Graph("t")
    made: dict[str, EntityProxy] = {}
    for key, (schema, name) in {
        "person": ("Person", "Fictio Targetov"),
        "cited": ("Document", "The act's source"),
        "other": ("Document", "Only the incident's source"),
        "incident": ("Event", "An incident"),
    }.items():
        entity = graph.make(schema, "doc" if schema == "Document" else key, key)
        graph.put(entity, "title" if schema == "Document" else "name", name, key)
        made[key] = graph.emit(entity)
    act = graph.make("UnknownLink", "act", "act")
    graph.link(act, "subject", made["person"].id or "")
    graph.link(act, "object", made["incident"].id or "")
    graph.link(act, "proof", made["cited"].id or "")
    made["act"] = graph.emit(act)
    for source in ("cited", "other"):
        made[f"doc-{source}"] = graph.emit(
            graph.documentation(made[source].id or "", made["incident"].id or "")
        )
    return graph, made


def test_an_edge_whose_required_end_is_left_out_goes_with_it() -> None:
    graph, made = _graph()
    kept = {entity.id for entity in subset(graph, [made["person"].id or ""])}
    # the act, its incident and the source it cites, and that source's tie to the incident
    for key in ("person", "act", "incident", "cited", "doc-cited"):
        assert made[key].id in kept, key
    # the incident's other source is not the reader's, nor is the edge that would name it
    assert made["other"].id not in kept
    assert made["doc-other"].id not in kept


def test_no_kept_entity_refers_outside_the_subset() -> None:
    graph, made = _graph()
    entities = subset(graph, [made["person"].id or ""])
    kept = {entity.id for entity in entities}
    for entity in entities:
        for prop in entity.iterprops():
            if prop.type.name == "entity":
                assert set(entity.get(prop)) <= kept, (entity.schema.name, prop.name)


def test_the_documents_the_reader_is_given_are_kept_with_their_ties_to_what_is_kept() -> None:
    graph, made = _graph()
    kept = {entity.id for entity in subset(graph, [made["person"].id or ""], documents=["other"])}
    assert made["other"].id in kept and made["doc-other"].id in kept
    # a document the graph does not hold (a confidential one, in the public graph) is no error
    assert subset(graph, [made["person"].id or ""], documents=["nowhere"])
