"""Turn a validated workbook into FollowTheMoney entities whose claims cite their evidence.

One row becomes one entity (or an entity and its edge), in the way OpenSanctions models officials:
persons -> Person; organizations -> PublicBody or Organization; positions -> Position plus
Occupancy; incidents -> Event; involvement -> UnknownLink (person -> event, with role);
evidence -> Document; relations -> Family or Associate. Every entity made from a row that cites
evidence carries ``proof`` for each Document, and a Documentation edge (role "evidence") links
each Document to what it supports.

IDs follow the zavod convention: ``<prefix>-<sha1>`` over a fixed kind word and the sheet's own
stable IDs, never over names or birth dates. FtM drops values it cannot clean without a word, so
every value added here is checked, and any loss, missing required property or dangling
reference stops the conversion with the cell it came from.

A proposal is not a designation: no person gets the ``sanction`` topic here.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import cache, lru_cache
from hashlib import sha1
from pathlib import Path
from typing import Any, cast

from followthemoney import EntityProxy, Schema, model
from followthemoney.types import registry

from sanctions import dates
from sanctions.findings import cell_ref
from sanctions.spec import MULTI_SEPARATOR, read_yaml, schemas_dir
from sanctions.validate import Result

DOCUMENTATION = model["Documentation"]
STATE_BODY_TYPES = {
    "head_of_state",
    "government",
    "ministry",
    "security_service",
    "police",
    "prosecutor",
    "court",
    "detention_facility",
    "local_government",
    "legislature",
    "military",
    "investigative_body",
}
FAMILY_RELATIONSHIPS = {
    "spouse",
    "parent",
    "child",
    "sibling",
    "nephew_niece",
    "uncle_aunt",
    "grandchild",
    "grandparent",
    "in_law",
    "other_family",
}


class ModelError(Exception):
    """The workbook passed validation but could not be converted faithfully: a bug to report."""


@cache
def org_topics() -> dict[str, dict[str, list[str]]]:
    data: dict[str, dict[str, list[str]]] = read_yaml(schemas_dir() / "topics.yaml")
    return data


def dataset_prefix(workbook: Path) -> str:
    """The ID prefix of a list: its workbook's file name as a slug (lists/kazakhstan.xlsx -> kazakhstan)."""
    slug = re.sub(r"[^a-z0-9]+", "-", workbook.stem.lower()).strip("-")
    return slug or "list"


def items(value: object) -> list[str]:
    """The ';'-separated items of a cleaned cell."""
    if value is None or (isinstance(value, float) and value != value):
        return []
    return [part.strip() for part in str(value).split(MULTI_SEPARATOR) if part.strip()]


@dataclass
class Loss:
    origin: str
    prop: str
    value: str


Where = tuple[str, int, str]  # sheet, Excel row, column: turned into "sheet!C7" only when needed


@lru_cache(maxsize=500_000)
def clean_value(type_name: str, value: str) -> str | None:
    """FtM's cleaning of one value, once per distinct value: lists repeat countries and dates."""
    return registry[type_name].clean(value)


def entity_key(prefix: str, *parts: str) -> str:
    """``make_entity_id(*parts, key_prefix=prefix)`` for clean text, without its per-part
    sanitising (which costs more than the hash): the digests are the same."""
    digest = sha1(prefix.encode("utf-8"))
    for part in parts:
        digest.update(part.encode("utf-8"))
    return digest.hexdigest()


@dataclass
class Graph:
    """The entities of one list, keyed by ID, with what was lost on the way (nothing, normally)."""

    prefix: str
    entities: dict[str, EntityProxy] = field(default_factory=dict)
    losses: list[Loss] = field(default_factory=list)
    describe: Callable[[Where], str] = field(default=lambda where: f"{where[0]} row {where[1]}")

    def make(self, schema: str, kind: str, *parts: object) -> EntityProxy:
        entity = model.make_entity(schema)
        entity.id = self.id_of(kind, *parts)
        return entity

    def id_of(self, kind: str, *parts: object) -> str:
        return f"{self.prefix}-{entity_key(self.prefix, kind, *(str(p) for p in parts))}"

    def link(self, entity: EntityProxy, prop: str, target_id: str) -> None:
        """Add a reference to an entity made here: its ID needs no cleaning."""
        entity.unsafe_add(entity.schema.properties[prop], target_id, cleaned=True)

    def put(self, entity: EntityProxy, prop: str, values: object, where: Where | str) -> None:
        """Add values, recording each one FtM would have dropped (unclean, or over a size limit)."""
        if values is None or values == "":
            return
        many: Iterable[Any] = values if isinstance(values, list | tuple | set) else (values,)
        prop_obj = entity.schema.properties[prop]
        is_entity = prop_obj.type == registry.entity
        for value in many:
            if value is None or value == "":
                continue
            text = str(value.id if isinstance(value, EntityProxy) else value)
            cleaned = text if is_entity else clean_value(prop_obj.type.name, text)
            if cleaned is None or entity.unsafe_add(prop_obj, cleaned, cleaned=True) is None:
                origin = where if isinstance(where, str) else self.describe(where)
                self.losses.append(Loss(origin, f"{entity.schema.name}:{prop}", text))

    def documentation(self, document: str, entity: str, summary: str | None) -> EntityProxy:
        """The Documentation edge (role "evidence") between a document and what it supports.

        Built in one step: there are as many of these as citations, and every value but the
        summary is an ID made here.
        """
        properties = {"document": [document], "entity": [entity], "role": ["evidence"]}
        if summary:
            cleaned = clean_value("text", summary)
            if cleaned is None:
                self.losses.append(Loss("involvement", "Documentation:summary", summary))
            else:
                properties["summary"] = [cleaned]
        data = {"id": self.id_of("documentation", document, entity), "properties": properties}
        return EntityProxy(DOCUMENTATION, data, cleaned=True)

    def emit(self, entity: EntityProxy) -> EntityProxy:
        assert entity.id is not None
        existing = self.entities.get(entity.id)
        if existing is entity:
            return entity
        if existing is not None:
            existing.merge(entity)
            return existing
        self.entities[entity.id] = entity
        return entity

    def sorted(self) -> list[EntityProxy]:
        return [self.entities[key] for key in sorted(self.entities)]


def build(result: Result, prefix: str, *, public: bool = False) -> Graph:
    """All entities of a validated workbook. ``public`` leaves out everything confidential."""
    if result.errors:
        raise ModelError("the workbook has validation errors; run `sanctions validate`")
    graph = Graph(prefix)
    Converter(result, graph, public).run()
    check(graph)
    return graph


class Converter:
    def __init__(self, result: Result, graph: Graph, public: bool) -> None:
        self.frames = result.frames
        self.tables = result.tables
        self.graph = graph
        self.public = public
        self.documents: dict[str, EntityProxy] = {}
        self.persons: dict[str, EntityProxy] = {}
        self.orgs: dict[str, EntityProxy] = {}
        self.org_types: dict[str, str] = {}
        self.events: dict[str, EntityProxy] = {}
        self.supported: set[str] = set()  # persons with at least one post or involvement emitted
        self.posts: dict[str, EntityProxy] = {}
        graph.describe = self.describe

    def origin(self, sheet: str, row: int, column: str) -> Where:
        return (sheet, row, column)

    def describe(self, where: Where) -> str:
        sheet, row, column = where
        index = self.tables[sheet].columns.get(column)
        cell = cell_ref(index, row) if index is not None else f"row {row}"
        return f"{self.tables[sheet].sheet}!{cell}"

    def rows(self, sheet: str) -> Iterable[tuple[int, dict[str, Any]]]:
        frame = self.frames[sheet]
        columns = [str(c) for c in frame.columns]
        values = frame.to_numpy(dtype=object, na_value=cast(Any, None))  # stubs disallow None
        for row, record in zip(frame.index.tolist(), values.tolist(), strict=True):
            yield row, dict(zip(columns, record, strict=True))

    def run(self) -> None:
        self.evidence()
        self.organizations()
        self.people()
        self.incidents()
        self.positions()
        self.involvement()
        self.relations()

    # -- evidence ---------------------------------------------------------------------------

    def evidence(self) -> None:
        for row, rec in self.rows("evidence"):
            if self.public and rec.get("confidential") == "yes":
                continue
            eid = rec["evidence_id"]
            doc = self.graph.make("Document", "doc", eid)
            put = self.putter(doc, "evidence", row)
            put("title", rec.get("title"), "title")
            put("publisher", rec.get("publisher"), "publisher")
            put("publishedAt", rec.get("published_date"), "published_date")
            put("sourceUrl", [rec.get("url"), rec.get("archive_url")], "url")
            put("contentHash", rec.get("sha256"), "sha256")
            put("language", rec.get("language"), "language")
            # FtM requires a file name; without a local copy, name the document by its ID.
            put("fileName", rec.get("file") or _url_file(rec.get("url")) or eid, "file")
            self.documents[eid] = self.graph.emit(doc)

    def cite(self, entity: EntityProxy, evidence_ids: object, summary: str | None = None) -> bool:
        """Add proof and Documentation edges; False when nothing citable is left (public output)."""
        cited = [eid for eid in items(evidence_ids) if eid in self.documents]
        for eid in cited:
            doc_id = self.documents[eid].id
            self.graph.link(entity, "proof", doc_id or "")
            self.graph.emit(self.graph.documentation(doc_id or "", entity.id or "", summary))
        return bool(cited)

    def putter(self, entity: EntityProxy, sheet: str, row: int) -> Any:
        def put(prop: str, value: object, column: str) -> None:
            self.graph.put(entity, prop, value, self.origin(sheet, row, column))

        return put

    # -- bodies and people ------------------------------------------------------------------

    def organizations(self) -> None:
        for row, rec in self.rows("organizations"):
            oid, otype = rec["org_id"], rec.get("type") or "other"
            schema = "PublicBody" if otype in STATE_BODY_TYPES else "Organization"
            org = self.graph.make(schema, "org", oid)
            put = self.putter(org, "organizations", row)
            put("name", rec.get("name"), "name")
            put("alias", items(rec.get("name_original")), "name_original")
            put("country", rec.get("country"), "country")
            self.orgs[oid] = org
            self.org_types[oid] = otype
        for _, rec in self.rows("organizations"):
            parent = rec.get("parent_org_id")
            if parent in self.orgs:
                self.orgs[rec["org_id"]].add("parent", self.orgs[parent].id)
        for org in self.orgs.values():
            self.graph.emit(org)

    def people(self) -> None:
        for row, rec in self.rows("persons"):
            if rec.get("status") == "withdrawn":
                continue
            person = self.graph.make("Person", "person", rec["person_id"])
            put = self.putter(person, "persons", row)
            put("name", rec.get("name"), "name")
            put("alias", items(rec.get("aliases")), "aliases")
            put("alias", items(rec.get("name_original")), "name_original")
            put("firstName", rec.get("first_name"), "first_name")
            put("fatherName", rec.get("patronymic"), "patronymic")
            put("lastName", rec.get("last_name"), "last_name")
            put("gender", rec.get("gender"), "gender")
            put("birthDate", rec.get("birth_date"), "birth_date")
            put("birthPlace", rec.get("birth_place"), "birth_place")
            put("nationality", items(rec.get("nationality")), "nationality")
            put("idNumber", items(rec.get("id_numbers")), "id_numbers")
            put("summary", rec.get("summary"), "summary")
            self.persons[rec["person_id"]] = person

    # -- posts --------------------------------------------------------------------------------

    def positions(self) -> None:
        topics = org_topics()
        today = dates.today().isoformat()
        for row, rec in self.rows("positions"):
            person = self.persons.get(rec["person_id"])
            org = self.orgs.get(rec["org_id"])
            if person is None or org is None:
                continue
            otype = self.org_types[rec["org_id"]]
            post_id = self.graph.id_of("position", rec["org_id"], rec["title"])
            post = self.graph.entities.get(post_id) or self.posts.get(post_id)
            if post is None:  # one Position per body and title, shared by its holders
                post = self.graph.make("Position", "position", rec["org_id"], rec["title"])
                put = self.putter(post, "positions", row)
                put("name", f"{rec['title']}, {org.first('name')}", "title")
                put("organization", org.id, "org_id")
                put("country", org.get("country"), "org_id")
                put("topics", topics[otype]["position"], "org_id")
                self.posts[post_id] = post
            occupancy = self.graph.make(
                "Occupancy",
                "occupancy",
                rec["person_id"],
                rec["org_id"],
                rec["title"],
                rec.get("start_date") or "",
                rec.get("end_date") or "",
            )
            if not self.cite(occupancy, rec.get("evidence_ids")):
                continue  # public output: the post rests only on confidential evidence
            put = self.putter(occupancy, "positions", row)
            self.graph.link(occupancy, "holder", person.id or "")
            self.graph.link(occupancy, "post", post.id or "")
            put("startDate", rec.get("start_date"), "start_date")
            put("endDate", rec.get("end_date"), "end_date")
            end = rec.get("end_date")
            if end is not None:
                put("status", "ended" if dates.last_day(end) < today else "current", "end_date")
            elif rec.get("start_date") is not None:
                put("status", "current", "start_date")
            self.graph.put(
                person, "topics", topics[otype]["person"], self.origin("positions", row, "org_id")
            )
            self.supported.add(rec["person_id"])
            self.graph.emit(post)
            self.graph.emit(occupancy)

    # -- incidents ------------------------------------------------------------------------------

    def incidents(self) -> None:
        for row, rec in self.rows("incidents"):
            if self.public and rec.get("confidential") == "yes":
                continue
            event = self.graph.make("Event", "event", rec["incident_id"])
            if not self.cite(event, rec.get("evidence_ids")):
                continue
            put = self.putter(event, "incidents", row)
            put("name", rec.get("title"), "title")
            put("startDate", rec.get("date"), "date")
            put("endDate", rec.get("end_date"), "end_date")
            put("location", items(rec.get("place")), "place")
            put("country", rec.get("country"), "country")
            put("summary", rec.get("summary"), "summary")
            put("keywords", items(rec.get("violation_types")), "violation_types")
            if not (self.public and rec.get("victims_confidential") == "yes"):
                put("namesMentioned", items(rec.get("victims")), "victims")
            self.events[rec["incident_id"]] = event

    def involvement(self) -> None:
        for row, rec in self.rows("involvement"):
            person = self.persons.get(rec["person_id"])
            event = self.events.get(rec["incident_id"])
            if person is None or event is None:
                continue
            link = self.graph.make(
                "UnknownLink", "involvement", rec["person_id"], rec["incident_id"], rec["role"]
            )
            if not self.cite(link, rec.get("evidence_ids"), rec.get("description")):
                continue
            put = self.putter(link, "involvement", row)
            self.graph.link(link, "subject", person.id or "")
            self.graph.link(link, "object", event.id or "")
            put("role", rec.get("role"), "role")
            put("description", rec.get("description"), "description")
            self.graph.link(event, "involved", person.id or "")
            self.supported.add(rec["person_id"])
            self.graph.emit(link)
        for event in self.events.values():
            self.graph.emit(event)
        for pid, person in self.persons.items():
            if pid in self.supported or not self.public:
                self.graph.emit(person)

    def relations(self) -> None:
        for row, rec in self.rows("relations"):
            person = self.persons.get(rec["person_id"])
            if person is None or person.id not in self.graph.entities:
                continue
            related = self.persons.get(rec.get("related_person_id") or "")
            if related is not None and related.id not in self.graph.entities:
                continue
            if related is None and rec.get("related_name"):
                related = self.graph.make(
                    "Person", "relative", rec["person_id"], rec["related_name"]
                )
                self.graph.put(
                    related,
                    "name",
                    rec["related_name"],
                    self.origin("relations", row, "related_name"),
                )
                related.add("topics", "role.rca")
            if related is None:
                continue
            family = rec.get("relationship") in FAMILY_RELATIONSHIPS
            edge = self.graph.make(
                "Family" if family else "Associate",
                "relation",
                rec["person_id"],
                related.id,
                rec.get("relationship"),
            )
            if not self.cite(edge, rec.get("evidence_ids")):
                continue
            put = self.putter(edge, "relations", row)
            put("person", person.id, "person_id")
            put("relative" if family else "associate", related.id, "related_person_id")
            put("relationship", rec.get("relationship"), "relationship")
            self.graph.emit(related)
            self.graph.emit(edge)


def _url_file(url: object) -> str | None:
    if not isinstance(url, str):
        return None
    tail = url.rstrip("/").rsplit("/", 1)[-1]
    return tail if tail and "." in tail and "/" in url.split("://", 1)[-1] else None


@cache
def _entity_props(schema: Schema) -> tuple[str, ...]:
    return tuple(
        name
        for name, prop in schema.properties.items()
        if prop.type == registry.entity and not prop.stub
    )


def check(graph: Graph) -> None:
    """Fail loudly on anything FtM would let pass silently."""
    problems = [f"{loss.origin}: {loss.prop} dropped {loss.value!r}" for loss in graph.losses]
    for entity in graph.sorted():
        missing = sorted(p for p in entity.schema.required if not entity.get(p))
        if missing:
            problems.append(f"{entity.schema.name} {entity.id}: no {', '.join(missing)}")
        for name in _entity_props(entity.schema):
            for ref in entity.get(name):
                if ref not in graph.entities:
                    problems.append(f"{entity.schema.name} {entity.id}: {name} -> unknown {ref}")
    if problems:
        more = f" (+{len(problems) - 20} more)" if len(problems) > 20 else ""
        raise ModelError("; ".join(problems[:20]) + more)
