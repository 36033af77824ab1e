"""Turn a validated workbook into FollowTheMoney entities whose claims cite their evidence.

One row becomes one entity (or an entity and its edge), in the way OpenSanctions models officials:
persons -> Person; organizations -> PublicBody or Organization; positions -> Position plus
Occupancy; incidents -> Event; involvement -> UnknownLink (person -> event, with the description);
evidence -> Document; relations -> Family or Associate. Every entity made from a row that cites
evidence carries ``proof`` for each Document. An incident's Event, a Thing, is also linked to
each of its Documents by a Documentation edge (role "evidence"); an act (UnknownLink), which
FtM's Documentation cannot point at, carries what each document says of it in its ``summary``.

With ``public``, everything confidential is left out: confidential documents and incidents,
victims marked confidential, rows that cite nothing else, and persons left with no post or act.

A proposal is not a designation: no person gets the ``sanction`` topic here.
"""

from __future__ import annotations

import copy
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from functools import cache
from typing import Any, Protocol, TypeVar

import pandas as pd
from followthemoney import EntityProxy, model

from sanctions.common import dates
from sanctions.common.beside import Beside, can_fork
from sanctions.common.bulk import bulk
from sanctions.common.data import read_yaml, schemas_dir
from sanctions.evidence.holding import Holding
from sanctions.evidence.passages import passages
from sanctions.model.attribution import statement
from sanctions.model.graph import (
    THING,
    Graph,
    Loss,
    ModelError,
    Packed,
    Plan,
    Where,
    check,
    compile_plan,
    packed,
    unpacked,
)
from sanctions.model.public_cells import WITHHELD
from sanctions.model.rows import (
    EvidenceRow,
    IncidentRow,
    InvolvementRow,
    OrganizationRow,
    PersonRow,
    PositionRow,
    RelationRow,
    Rows,
)
from sanctions.model.targets import (
    RELATIVE_IS,
    Anchor,
    act_key,
    as_fields,
    described,
    public_values,
)
from sanctions.rules.finding import cell_ref
from sanctions.workbook.accounts import teller
from sanctions.workbook.columns.values import items
from sanctions.workbook.reader import Table

R = TypeVar("R", PersonRow, PositionRow, IncidentRow, InvolvementRow)

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


# Cells that map straight onto one FtM property: (column, property), sheet by sheet. Values of
# one property are added in this order (a person's aliases before their original-script names).
PROPERTIES: dict[str, tuple[tuple[str, str], ...]] = {
    "evidence": (
        ("title", "title"),
        ("publisher", "publisher"),
        ("published_date", "publishedAt"),
        ("language", "language"),
    ),
    "organizations": (("name", "name"), ("name_original", "alias"), ("country", "country")),
    "persons": (
        ("name", "name"),
        ("aliases", "alias"),
        ("name_original", "alias"),
        ("first_name", "firstName"),
        ("patronymic", "fatherName"),
        ("last_name", "lastName"),
        ("gender", "gender"),
        ("birth_date", "birthDate"),
        ("birth_place", "birthPlace"),
        ("nationality", "nationality"),
        ("id_numbers", "idNumber"),
        ("summary", "summary"),
    ),
    "incidents": (
        ("title", "name"),
        ("date", "startDate"),
        ("end_date", "endDate"),
        ("country", "country"),
        ("summary", "summary"),
        ("violation_types", "keywords"),
    ),
    "positions": (("start_date", "startDate"), ("end_date", "endDate"), ("as_of", "date")),
    # Not the role: it is the editor's reading of the sources, and an entity's ``role`` would
    # state it as fact to whoever holds the file; the Documentation carries the sources' words.
    "involvement": (("description", "description"),),
}


@cache
def org_topics() -> dict[str, dict[str, list[str]]]:
    """The topics a post at each kind of body gives the post and its holder (schemas/topics.yaml)."""
    data: dict[str, dict[str, list[str]]] = read_yaml(schemas_dir() / "topics.yaml")
    return data


class Validated(Protocol):
    """A validation result, as the converter needs it: its cleaned sheets, where their cells
    are, and whether it has errors."""

    @property
    def frames(self) -> dict[str, pd.DataFrame]: ...
    @property
    def tables(self) -> dict[str, Table]: ...
    @property
    def errors(self) -> Sequence[object]: ...


def build(
    result: Validated,
    prefix: str,
    *,
    public: bool = False,
    rows: Rows | None = None,
    holding: Holding | None = None,
    as_of: str | None = None,
) -> Graph:
    """All entities of a validated workbook. ``public`` leaves out everything confidential;
    ``rows``: the workbook's rows, if already read; ``holding``: the texts of its evidence
    copies, so that each document's Documentation carries only the passages it holds;
    ``as_of``: the edition's date (ISO), which a post's end date is ended or not at (today
    where none is given), so that an edition dated once is the same bytes on any day."""
    if result.errors:
        raise ModelError("the workbook has validation errors; run `sanctions validate`")
    graph = Graph(prefix, describe=CellNames(result.tables))
    with bulk():
        rows = rows or Rows.of(result)
        Converter(rows, graph, public, holding or Holding(), as_of).run()
        check(graph)
    return graph


_STATUS = model["Occupancy"].properties["status"]  # a post's status: "ended", "current", "unknown"

# Lists with this many documents, incidents and acts have them built on the other core
# (``Converter.told_apart``): below it, a fork and the entities sent back cost more than they
# save.
APART_FROM = 5_000


@dataclass
class Told:
    """The documents, incidents and acts built apart: each entity emitted, in the order it
    was made, and the incidents' events (``packed``), the values FtM dropped, the persons the
    acts support, and the incidents told without their victims' names."""

    entities: list[Packed]
    events: list[tuple[str, Packed]]
    losses: list[Loss]
    supported: set[str]
    hidden_victims: set[str]


class CellNames:
    """Turns a (sheet, row, column) origin into the cell an editor can find: ``persons!I7``."""

    def __init__(self, tables: dict[str, Table]) -> None:
        self.tables = tables

    def __call__(self, where: Where) -> str:
        sheet, row, column = where
        index = self.tables[sheet].columns.get(column)
        cell = cell_ref(index, row) if index is not None else f"row {row}"
        return f"{self.tables[sheet].sheet}!{cell}"


def _titled(doc: EntityProxy, eid: str) -> str:
    """A document as a summary names it, in square brackets: ``[Title]``, else its file's
    name, else its ID. A document without a title of its own is described in square brackets
    already, as citations describe one (``[Press statement of …]``): it is not bracketed twice."""
    title = str(doc.first("title") or doc.first("fileName") or eid)
    return title if described(title) else f"[{title}]"


class Converter:
    """One pass over the rows, sheet by sheet, in the order their references need."""

    def __init__(
        self, rows: Rows, graph: Graph, public: bool, holding: Holding, as_of: str | None = None
    ) -> None:
        self.rows = rows
        self.holding = holding
        self.graph = graph
        self.public = public
        self.as_of = as_of  # the edition's date: a post's end date is ended or not at it
        self.documents: dict[str, EntityProxy] = {}
        self.evidence_rows = {rec.evidence_id: rec for rec in rows.evidence}
        self.persons: dict[str, EntityProxy] = {}
        # The IDs of the documents and persons made, known before they are: posts cite the
        # documents, and acts name the persons, while the other core makes them (``run``).
        self.document_ids = {
            rec.evidence_id: graph.id_of("doc", rec.evidence_id)
            for rec in rows.evidence
            if not (public and rec.confidential)
        }
        self.person_ids = {
            rec.person_id: graph.id_of("person", rec.person_id)
            for rec in rows.persons
            if rec.status != "withdrawn"
        }
        self.orgs: dict[str, EntityProxy] = {}
        self.org_types: dict[str, str] = {}
        self.events: dict[str, EntityProxy] = {}
        self.supported: set[str] = set()  # persons with at least one post or involvement emitted
        self.posts: dict[tuple[str, str], EntityProxy] = {}  # by body and title
        self.topical: set[tuple[str, str]] = set()  # (person, kind of body) given its topics
        self.hidden_victims: set[str] = set()  # incidents told without names (public output)
        self.secret = {e.evidence_id for e in rows.evidence if e.confidential}
        self.plans: dict[tuple[str, str], Plan] = {}  # by sheet and schema name

    def published(self, sheet: str, rec: R) -> R:
        """Public output: the row as it may be published, without what only its confidential
        sources state (``targets.public_values``): a birth date only a confidential witness
        gives is no more published than the witness."""
        if not self.public:
            return rec
        found = public_values(sheet, rec, self.secret, self.holding)
        return replace(rec, **as_fields(rec, found)) if found else rec

    def only_secret_says(self, rec: PositionRow | InvolvementRow) -> bool:
        """Public output: whether the row's quoted words are held only by its confidential
        sources, so that the row leaves with them (``Holding.only_in``)."""
        return self.public and self.holding.only_in(rec.quote, rec.evidence_ids, self.secret)

    def run(self) -> None:
        """The bodies, persons and posts, then the documents, incidents and acts: the two
        halves share nothing but IDs known ahead, so a long list has the second built on the
        other core meanwhile (``told_apart``), each half cleaning the values it adds."""
        rows = self.rows
        told = len(rows.evidence) + len(rows.incidents) + len(rows.involvement)
        apart = self.told_apart() if told >= APART_FROM else None
        try:
            self.organizations()
            self.people()
            self.positions()
        except BaseException:
            if apart is not None:
                apart.stop()  # the conversion failed: what is built apart is not wanted
            raise
        if apart is None:
            self.tell()
        else:
            self.take(apart)
        self.emit_events_and_people()
        self.relations()

    def tell(self) -> None:
        """The documents, the incidents and the acts on them."""
        self.evidence()
        self.incidents()
        self.involvement()

    def told_apart(self) -> Beside[Told] | None:
        """``tell`` on the other core while the persons and their posts are built here: it
        needs nothing of them but the persons' IDs, and changes nothing of theirs but which
        persons are supported. None where there is no second core."""
        if not can_fork():
            return None

        def build() -> Told:
            alone = copy.copy(self)  # the same rows, entities and sets of its own
            alone.graph = Graph(self.graph.prefix, describe=self.graph.describe)
            alone.documents, alone.events = {}, {}
            alone.supported, alone.hidden_victims = set(), set()
            alone.tell()
            return Told(
                [packed(entity) for entity in alone.graph.entities.values()],
                [(key, packed(event)) for key, event in alone.events.items()],
                alone.graph.losses,
                alone.supported,
                alone.hidden_victims,
            )

        return Beside(build)

    def take(self, apart: Beside[Told]) -> None:
        """What was built apart, emitted in the order it was made, as if made here; where the
        second process was lost, built here after all."""
        try:
            told = apart.wait()
        except Exception:
            self.tell()  # raises, here, whatever went wrong there in the entities themselves
            return
        for sent in told.entities:
            self.graph.emit(unpacked(sent))
        self.events = {key: unpacked(sent) for key, sent in told.events}
        self.graph.losses.extend(told.losses)
        self.supported |= told.supported
        self.hidden_victims |= told.hidden_victims

    def put(
        self, entity: EntityProxy, prop: str, value: object, sheet: str, row: int, column: str
    ) -> None:
        self.graph.put(entity, prop, value, (sheet, row, column))

    def fill(
        self, entity: EntityProxy, sheet: str, rec: Any, skip: frozenset[str] = frozenset()
    ) -> None:
        """Every property of ``PROPERTIES[sheet]`` from the row's cells, but ``skip``'s columns."""
        key = (sheet, entity.schema.name)
        plan = self.plans.get(key)
        if plan is None:
            plan = self.plans[key] = compile_plan(entity.schema, PROPERTIES[sheet])
        self.graph.fill(entity, plan, rec, sheet, skip)

    def cite(
        self,
        entity: EntityProxy,
        evidence_ids: list[str],
        said: Callable[[str], Anchor] | None = None,
        quoted_at: Where | None = None,
    ) -> bool:
        """Add ``proof`` for each cited document; False when nothing citable is left (public
        output). A Thing (an incident's Event) also gets a Documentation edge (role "evidence")
        from each document. An Interval (a post held, an act, a tie) cannot: FtM's
        Documentation points at a Thing. Such an entity carries instead, in its own
        ``summary``, what each document says of it (``said``: given a document's ID, the
        passages of the row that document holds; ``quoted_at``: the row's quote cell, named if
        FtM refused the text), introduced by the document's title as a document cites a
        source: ``[Title]: “…” (para. 72)``."""
        graph, documents, entity_id = self.graph, self.document_ids, entity.id or ""
        cited = [eid for eid in evidence_ids if eid in documents]
        thing = entity.schema.is_a(THING)
        proof, add = entity.schema.properties["proof"], entity.unsafe_add
        for eid in cited:
            doc_id = documents[eid]
            add(proof, doc_id, cleaned=True)  # an ID made here: nothing to clean
            if thing:
                graph.emit(graph.documentation(doc_id, entity_id))
            elif said is not None and quoted_at is not None:
                graph.put(entity, "summary", statement(said(eid), self.source_of(eid)), quoted_at)
        return bool(cited)

    def source_of(self, eid: str) -> str:
        """A document as a summary introduces what it says: ``[Title]``; one known only
        through another, read in that one's copy, says so, as the letters do: ``[Title], as
        cited in [Other title]`` (its locators point into the other)."""
        source = _titled(self.documents[eid], eid)
        record = self.evidence_rows.get(eid)
        other = record.known_through if record is not None and not record.file else None
        if other and other in self.documents:
            source += f", as cited in {_titled(self.documents[other], other)}"
        return source

    def said_in(self, anchor: Anchor, cited: list[str]) -> Callable[[str], Anchor]:
        """For each document, the row's passages it holds (all of them where its copy cannot
        show which), with their locators and whose account they are."""

        found = passages(anchor.quote, anchor.locator)

        def of(eid: str) -> Anchor:
            kept = [p for p in found if eid in (self.holding.holders(p.text, cited) or cited)]
            if len(kept) == len(found) and len(anchor.locator) == len(found):
                return anchor  # every passage, each with its own locator, as the row has them
            return replace(
                anchor,
                quote=tuple(p.text for p in kept),
                locator=tuple(p.locator or "" for p in kept),
            )

        return of

    # -- evidence ---------------------------------------------------------------------------

    def evidence(self) -> None:
        for rec in self.rows.evidence:
            if self.public and rec.confidential:
                continue
            self.documents[rec.evidence_id] = self.graph.emit(self.document(rec))

    def document(self, rec: EvidenceRow) -> EntityProxy:
        doc = self.graph.made("Document", self.document_ids[rec.evidence_id])
        self.fill(doc, "evidence", rec)
        self.put(doc, "sourceUrl", [rec.url, rec.archive_url], "evidence", rec.row, "url")
        # FtM requires a file name; without a local copy, name the document by its ID.
        name = rec.file or _url_file(rec.url) or rec.evidence_id
        self.put(doc, "fileName", name, "evidence", rec.row, "file")
        # FtM's checksum is a SHA-1, of the copy itself; the SHA-256 the row records is not one
        digest = self.holding.sha1.get(rec.evidence_id)
        self.put(doc, "contentHash", digest, "evidence", rec.row, "file")
        return doc

    # -- bodies and people ------------------------------------------------------------------

    def organizations(self) -> None:
        for rec in self.rows.organizations:
            self.orgs[rec.org_id] = self.organization(rec)
            self.org_types[rec.org_id] = rec.type or "other"
        for rec in self.rows.organizations:
            parent = rec.parent_org_id
            if parent in self.orgs:
                self.orgs[rec.org_id].add("parent", self.orgs[parent].id)
        for org in self.orgs.values():
            self.graph.emit(org)

    def organization(self, rec: OrganizationRow) -> EntityProxy:
        schema = "PublicBody" if (rec.type or "other") in STATE_BODY_TYPES else "Organization"
        org = self.graph.make(schema, "org", rec.org_id)
        self.fill(org, "organizations", rec)
        return org

    def people(self) -> None:
        for rec in self.rows.persons:
            if rec.status != "withdrawn":
                self.persons[rec.person_id] = self.person(rec)

    def person(self, rec: PersonRow) -> EntityProxy:
        person = self.graph.made("Person", self.person_ids[rec.person_id])
        rec = self.published("persons", rec)
        self.fill(person, "persons", rec)
        if rec.exculpatory:
            # what goes against the case travels with it, as on every page
            text = f"Contrary information: {rec.exculpatory}"
            self.put(person, "notes", text, "persons", rec.row, "exculpatory")
        return person

    # -- posts --------------------------------------------------------------------------------

    def positions(self) -> None:
        today = self.as_of or dates.today().isoformat()
        for rec in self.rows.positions:
            person = self.persons.get(rec.person_id)
            org = self.orgs.get(rec.org_id)
            if person is None or org is None:
                continue
            if self.only_secret_says(rec):
                continue
            rec = self.published("positions", rec)
            post = self.post(rec, org)
            occupancy = self.graph.make(
                "Occupancy",
                "occupancy",
                rec.person_id,
                rec.org_id,
                rec.title,
                rec.start_date or "",
                rec.end_date or "",
            )
            if not self.cite(occupancy, rec.evidence_ids):
                continue  # public output: the post rests only on confidential evidence
            self.occupy(occupancy, rec, person, post, today)
            kind = self.org_types[rec.org_id]
            if (rec.person_id, kind) not in self.topical:  # the same topics, once a person
                self.topical.add((rec.person_id, kind))
                topics = org_topics()[kind]["person"]
                self.put(person, "topics", topics, "positions", rec.row, "org_id")
            self.supported.add(rec.person_id)
            self.graph.emit(post)
            self.graph.emit(occupancy)

    def post(self, rec: PositionRow, org: EntityProxy) -> EntityProxy:
        """One Position per body and title, shared by its holders."""
        post = self.posts.get((rec.org_id, rec.title))
        if post is not None:
            return post
        post = self.graph.make("Position", "position", rec.org_id, rec.title)

        def put(prop: str, value: object, column: str) -> None:
            self.put(post, prop, value, "positions", rec.row, column)

        put("name", f"{rec.title}, {org.first('name')}", "title")
        put("organization", org.id, "org_id")
        put("country", org.get("country"), "org_id")
        put("topics", org_topics()[self.org_types[rec.org_id]]["position"], "org_id")
        self.posts[rec.org_id, rec.title] = post
        return post

    def occupy(
        self,
        occupancy: EntityProxy,
        rec: PositionRow,
        person: EntityProxy,
        post: EntityProxy,
        today: str,
    ) -> None:
        """Holder, post, dates, and whether the post is still held."""
        self.graph.link(occupancy, "holder", person.id or "")
        self.graph.link(occupancy, "post", post.id or "")
        self.fill(occupancy, "positions", rec)
        # A post known only from someone's account says whose, as every document does: the
        # file would otherwise state it as fact.
        by = teller(rec.account, rec.account_by)
        if by is not None:
            text = f"According to {by}."
            self.put(occupancy, "description", text, "positions", rec.row, "account_by")
        # No end date is no evidence that a post is still held: the sources are reports on
        # past events, not a roster kept up to date, so the status is "unknown" (as
        # OpenSanctions' crawlers set it for such sources, ``no_end_implies_current=False``).
        # Each status is a word of ours, clean as it is.
        status = None
        if rec.end_date is not None:
            status = "ended" if dates.last_day(rec.end_date) < today else "current"
        elif rec.start_date is not None or rec.as_of is not None:
            status = "unknown"
        if status is not None:
            occupancy.unsafe_add(_STATUS, status, cleaned=True)

    # -- incidents ------------------------------------------------------------------------------

    def incidents(self) -> None:
        for rec in self.rows.incidents:
            if self.public and rec.confidential:
                continue
            event = self.incident(rec)
            if event is not None:
                self.events[rec.incident_id] = event

    def incident(self, rec: IncidentRow) -> EntityProxy | None:
        """The Event, or None when nothing citable supports it, or only confidential sources
        say when it happened (public output)."""
        rec = self.published("incidents", rec)
        if not rec.date:
            return None
        event = self.graph.make("Event", "event", rec.incident_id)
        if not self.cite(event, rec.evidence_ids):
            return None

        def put(prop: str, value: object, column: str) -> None:
            self.put(event, prop, value, "incidents", rec.row, column)

        location = items(rec.place)
        if self.public and rec.victims_confidential:
            # The title, summary and victims may name whom the editor marked confidential.
            self.fill(event, "incidents", rec, WITHHELD["incidents"])
            kinds = ", ".join(v.replace("_", " ") for v in rec.violation_types)
            put("name", f"Incident on {rec.date} ({kinds})", "title")
            self.hidden_victims.add(rec.incident_id)
        else:
            self.fill(event, "incidents", rec)
            put("namesMentioned", rec.victims, "victims")
        put("location", location, "place")
        return event

    def involvement(self) -> None:
        for rec in self.rows.involvement:
            person_id = self.person_ids.get(rec.person_id)
            event = self.events.get(rec.incident_id)
            if person_id is None or event is None or self.only_secret_says(rec):
                continue
            rec = self.published("involvement", rec)
            anchor = Anchor.of(rec)
            key = act_key(rec.person_id, rec.incident_id, rec.role, anchor)
            link = self.graph.make("UnknownLink", "involvement", *key)
            # A description or passage of an act on victims whose names are withheld may name
            # them. Otherwise the act says what each document says of it, in the document's
            # words and as whose account (model/attribution.py).
            secret = rec.incident_id in self.hidden_victims
            said = self.said_in(anchor, rec.evidence_ids)
            where = ("involvement", rec.row, "quote")
            if not self.cite(link, rec.evidence_ids, None if secret else said, where):
                continue
            self.graph.link(link, "subject", person_id)
            self.graph.link(link, "object", event.id or "")
            # No Event.involved: it would state "involved" of anyone with a row, a statement
            # about the incident as much as a part in it.
            self.fill(link, "involvement", rec, WITHHELD["involvement"] if secret else frozenset())
            self.supported.add(rec.person_id)
            self.graph.emit(link)

    def emit_events_and_people(self) -> None:
        """Events once every involvement has named its people; in public output, a person only
        if some post or act of theirs is left to show."""
        for event in self.events.values():
            self.graph.emit(event)
        for pid, person in self.persons.items():
            if pid in self.supported or not self.public:
                self.graph.emit(person)

    def relations(self) -> None:
        for rec in self.rows.relations:
            person = self.persons.get(rec.person_id)
            if person is None or person.id not in self.graph.entities:
                continue
            related = self.persons.get(rec.related_person_id or "")
            if related is not None and related.id not in self.graph.entities:
                continue
            if related is None and rec.related_name:
                related = self.relative(rec)
            if related is not None:
                self.relation(rec, person, related)

    def relative(self, rec: RelationRow) -> EntityProxy:
        """A relative or associate who is not on the persons sheet, known by name alone."""
        name = rec.related_name or ""  # asked only of a row that names the relative
        related = self.graph.make("Person", "relative", rec.person_id, name)
        self.put(related, "name", rec.related_name, "relations", rec.row, "related_name")
        related.add("topics", "role.rca")
        return related

    def relation(self, rec: RelationRow, person: EntityProxy, related: EntityProxy) -> None:
        family = rec.relationship in FAMILY_RELATIONSHIPS
        edge = self.graph.make(
            "Family" if family else "Associate",
            "relation",
            rec.person_id,
            related.id or "",  # every entity made here has its ID
            rec.relationship,
        )
        if not self.cite(edge, rec.evidence_ids):
            return

        def put(prop: str, value: object, column: str) -> None:
            self.put(edge, prop, value, "relations", rec.row, column)

        put("person", person.id, "person_id")
        put("relative" if family else "associate", related.id, "related_person_id")
        # FtM says what the relative is to the person ("mother": the relative is the person's
        # mother); the sheet says what the person is to the relative ("parent": the person is
        # the relative's parent).
        put("relationship", RELATIVE_IS.get(rec.relationship, rec.relationship), "relationship")
        self.graph.emit(related)
        self.graph.emit(edge)


def _url_file(url: str | None) -> str | None:
    if not isinstance(url, str):
        return None
    tail = url.rstrip("/").rsplit("/", 1)[-1]
    return tail if tail and "." in tail and "/" in url.split("://", 1)[-1] else None
