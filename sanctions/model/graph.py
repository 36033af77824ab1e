"""The entities of one list, with stable IDs, and the checks that nothing was lost making them.

IDs follow the zavod convention: ``<prefix>-<sha1>`` over a fixed kind word and the sheet's own
stable IDs, never over names or birth dates. FtM drops values it cannot clean without a word, so
every value added through ``Graph.put`` is checked, and ``check`` stops the conversion on any
loss, missing required property or dangling reference, naming the cell it came from.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from functools import cache, partial
from hashlib import sha1
from typing import Any

from followthemoney import EntityProxy, Property, Schema, model
from followthemoney.types import registry

from sanctions.common.errors import ListNotReady

DOCUMENTATION = model["Documentation"]
THING = model["Thing"]  # what a Documentation's ``entity`` may be
_DOCUMENTED = DOCUMENTATION.properties


class ModelError(ListNotReady):
    """The workbook passed validation but could not be converted faithfully: a bug to report."""

    plain = True

    def __init__(self, message: str) -> None:
        super().__init__(f"conversion failed, please report this: {message}")


@dataclass
class Loss:
    origin: str
    prop: str
    value: str


Where = tuple[str, int, str]  # sheet, Excel row, column: turned into "sheet!C7" only when needed


# FtM's cleaning of each distinct value, by type: lists repeat countries, dates and names. A
# dict per type rather than ``lru_cache`` over (type, value): the lookup is in the hot loop of
# every conversion, and a one-argument dict lookup costs a third of a two-argument cached call.
_CLEANED: dict[str, dict[str, str | None]] = {}
CLEANED_LIMIT = 500_000  # distinct values kept per type, so a long process does not grow
_UNSEEN = object()


def clean_value(type_name: str, value: str) -> str | None:
    """FtM's cleaning of one value, once per distinct value."""
    seen = _CLEANED.setdefault(type_name, {})
    cleaned = seen.get(value, _UNSEEN)
    if cleaned is _UNSEEN:
        if len(seen) >= CLEANED_LIMIT:
            seen.clear()
        cleaned = seen[value] = registry[type_name].clean(value)
    return cleaned  # type: ignore[return-value]


def entity_key(prefix: str, *parts: str) -> str:
    """``make_entity_id(*parts, key_prefix=prefix)`` for clean text, without its per-part
    sanitising (which costs more than the hash): the digests are the same, as hashing the parts
    one after another is hashing them joined."""
    return sha1("".join((prefix, *parts)).encode("utf-8")).hexdigest()


# A sheet's (column, property) pairs made ready for one schema: each property object, and the
# cleaned values of its type (None for references, which are IDs made here), looked up once
# per sheet rather than once per cell.
Plan = tuple[tuple[str, Property, "dict[str, str | None] | None"], ...]


def compile_plan(schema: Schema, pairs: Sequence[tuple[str, str]]) -> Plan:
    """``pairs`` ((column, property name)) as ``Graph.fill`` takes them for ``schema``."""
    plan = []
    for column, name in pairs:
        prop = schema.properties[name]
        kind = prop.type
        plan.append(
            (column, prop, None if kind is registry.entity else _CLEANED.setdefault(kind.name, {}))
        )
    return tuple(plan)


@dataclass
class Graph:
    """The entities of one list, keyed by ID, with what was lost on the way (nothing, normally)."""

    prefix: str
    entities: dict[str, EntityProxy] = field(default_factory=dict)
    losses: list[Loss] = field(default_factory=list)
    describe: Callable[[Where], str] = field(default=lambda where: f"{where[0]} row {where[1]}")
    _pointing: dict[str, list[str]] | None = field(default=None, repr=False, compare=False)

    def make(self, schema: str, kind: str, *parts: str) -> EntityProxy:
        # Not ``model.make_entity``: it imports EntityProxy again at every call, four times
        # the cost of making the proxy, and a list makes one per row.
        return self.made(schema, self.id_of(kind, *parts))

    def made(self, schema: str, entity_id: str) -> EntityProxy:
        """An empty entity of ``schema`` with an ID made here (``id_of``)."""
        entity = EntityProxy(model.schemata[schema], {})
        entity.id = entity_id
        return entity

    def id_of(self, kind: str, *parts: str) -> str:
        return f"{self.prefix}-{entity_key(self.prefix, kind, *parts)}"

    def link(self, entity: EntityProxy, prop: str, target_id: str) -> None:
        """Add a reference to an entity made here: its ID needs no cleaning."""
        entity.unsafe_add(entity.schema.properties[prop], target_id, cleaned=True)

    def put(self, entity: EntityProxy, prop: str, values: object, where: Where | str) -> None:
        """Add values, recording each one FtM would have dropped (unclean, or over a size limit)."""
        if values is None or values == "":
            return
        prop_obj = entity.schema.properties[prop]
        if type(values) is str:  # one text value: most cells
            self.add(entity, prop_obj, values, where)
            return
        many: Iterable[Any] = values if isinstance(values, list | tuple | set) else (values,)
        for value in many:
            if value is None or value == "":
                continue
            text = (
                value
                if type(value) is str
                else str(value.id if isinstance(value, EntityProxy) else value)
            )
            self.add(entity, prop_obj, text, where)

    def add(self, entity: EntityProxy, prop: Property, text: str, where: Where | str) -> None:
        """One text value, cleaned as FtM cleans it (once per distinct value), or its loss
        recorded."""
        cleaned = text if prop.type is registry.entity else clean_value(prop.type.name, text)
        if cleaned is None or entity.unsafe_add(prop, cleaned, cleaned=True) is None:
            self.lost(entity, prop.name, text, where)

    def lost(self, entity: EntityProxy, prop: str, text: str, where: Where | str) -> None:
        origin = where if isinstance(where, str) else self.describe(where)
        self.losses.append(Loss(origin, f"{entity.schema.name}:{prop}", text))

    def fill(
        self,
        entity: EntityProxy,
        plan: Plan,
        row: Any,
        sheet: str,
        skip: frozenset[str] = frozenset(),
    ) -> None:
        """Each (column, property) of ``plan`` (``compile_plan``) from a row's cells (a text or
        a list of texts), but ``skip``'s columns: ``put`` for a whole row, in one loop, as
        every row is filled so (a list's conversion adds most of its values here)."""
        add = entity.unsafe_add
        for column, prop, seen in plan:
            value = getattr(row, column)
            if not value or column in skip:  # an empty cell is None, "" or []
                continue
            for text in (value,) if type(value) is str else value:
                if not text:
                    continue
                cleaned = text if seen is None else seen.get(text, _UNSEEN)
                if cleaned is _UNSEEN:
                    cleaned = clean_value(prop.type.name, text)
                if cleaned is None or add(prop, cleaned, cleaned=True) is None:  # type: ignore[arg-type]
                    self.lost(entity, prop.name, text, (sheet, row.row, column))

    def documentation(self, document: str, entity: str) -> EntityProxy:
        """The Documentation edge (role "evidence") between a document and the Thing it
        supports.

        Built value by value on an empty proxy: there are as many of these as citations, and
        every value is an ID made here (a proxy made from a dict of its properties, which FtM
        copies and de-duplicates, costs twice as much).
        """
        edge = EntityProxy(DOCUMENTATION, {"id": self.id_of("documentation", document, entity)})
        add = edge.unsafe_add
        add(_DOCUMENTED["document"], document, cleaned=True)
        add(_DOCUMENTED["entity"], entity, cleaned=True)
        add(_DOCUMENTED["role"], "evidence", cleaned=True)
        return edge

    def pointing_at(self, entity_id: str) -> list[str]:
        """The IDs of the entities that refer to ``entity_id`` (its edges, its Documentation),
        from an index made on the first question: a package asks it of each of its targets."""
        if self._pointing is None:
            pointing: dict[str, list[str]] = {}
            for key, entity in self.entities.items():
                for ref in refs(entity):
                    pointing.setdefault(ref, []).append(key)
            self._pointing = pointing
        return self._pointing.get(entity_id, [])

    def emit(self, entity: EntityProxy) -> EntityProxy:
        assert entity.id is not None
        self._pointing = None
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


# An entity as sent between processes: its ID, schema name, values by property, and their size.
Packed = tuple[str, str, dict[str, list[str]], int]


def packed(entity: EntityProxy) -> Packed:
    """The entity as ``unpacked`` makes it again: half the time, both ways, of pickling the
    proxy, which pickles a dict of its slots for each (a list's 20,000 acts are sent so)."""
    return (entity.id or "", entity.schema.name, entity._properties, entity._size)


def unpacked(sent: Packed) -> EntityProxy:
    """The entity ``packed`` sent, its values as they were (clean and unique already: not
    added again one by one, nor checked again as FtM's constructor checks a dict's)."""
    entity_id, schema, properties, size = sent
    entity = EntityProxy(model.schemata[schema], {})
    entity.id = entity_id
    entity._properties = properties
    entity._size = size
    return entity


@cache
def reference_properties(schema: Schema) -> tuple[str, ...]:
    """The schema's properties whose values are other entities' IDs."""
    return tuple(
        name
        for name, prop in schema.properties.items()
        if prop.type == registry.entity and not prop.stub
    )


def refs(entity: EntityProxy) -> list[str]:
    """The IDs an entity refers to."""
    return [ref for name in reference_properties(entity.schema) for ref in entity.get(name)]


# Per schema name: its required properties, and its references, each with the names of the
# schemata the reference may point at (the property's range and every schema descending from it).
Duties = tuple[tuple[str, ...], tuple[tuple[str, str, frozenset[str]], ...]]


@cache
def _duties(schema: Schema) -> Duties:
    referring = []
    for name in reference_properties(schema):
        wanted = _range(schema.properties[name])
        within = frozenset(s.name for s in model.schemata.values() if s.is_a(wanted))
        referring.append((name, wanted.name, within))
    return tuple(sorted(schema.required)), tuple(referring)


def _range(prop: Property) -> Schema:
    wanted = prop.range
    assert isinstance(wanted, Schema)  # an entity property's range is a schema
    return wanted


# A graph of fewer entities than this is checked in one process: a second costs more.
CHECK_APART_FROM = 150_000


def check(graph: Graph) -> None:
    """Fail loudly on anything FtM would let pass silently: a value it dropped, a required
    property missing, a reference to no entity or to one outside the property's range (FtM
    adds an ID whatever it names; its mapper and its readers take the range as given). A large
    graph is checked half here, half on the other core (``beside.shared``): each entity's
    duties need nothing of another's but to be there."""
    problems = [f"{loss.origin}: {loss.prop} dropped {loss.value!r}" for loss in graph.losses]
    entities = graph.entities
    found: list[tuple[str, str]] = []  # (entity ID, problem), sorted below: the dict's order
    if len(entities) >= CHECK_APART_FROM:  # is the build's, not the output's
        from sanctions.common.beside import shared

        ids = list(entities)
        half = len(ids) // 2
        try:
            halves = shared(
                [partial(_problems, entities, ids[:half]), partial(_problems, entities, ids[half:])]
            )
            found = [problem for part in halves for problem in part]
        except Exception:  # the second process was lost: all of it here
            found = _problems(entities, ids)
    else:
        found = _problems(entities, entities)
    problems.extend(problem for _, problem in sorted(found, key=lambda pair: pair[0]))
    if problems:
        more = f" (+{len(problems) - 20} more)" if len(problems) > 20 else ""
        raise ModelError("; ".join(problems[:20]) + more)


def _problems(entities: dict[str, EntityProxy], ids: Iterable[str]) -> list[tuple[str, str]]:
    """(entity ID, problem) for each of ``ids``' entities: a required property missing, a
    reference to no entity of ``entities`` or to one outside the property's range."""
    duties: dict[str, Duties] = {}  # by schema name: a str's hash is kept, a Schema's is not
    found: list[tuple[str, str]] = []
    for entity_id in ids:
        entity = entities[entity_id]
        schema = entity.schema
        duty = duties.get(schema.name)
        if duty is None:
            duty = duties[schema.name] = _duties(schema)
        required, referring = duty
        # Read in place: FtM's ``get`` names the property again and copies its values, half
        # a million times for a list of 20,000 persons.
        values = entity._properties
        missing = [p for p in required if not values.get(p)]
        if missing:
            found.append((entity_id, f"{schema.name} {entity_id}: no {', '.join(missing)}"))
        for name, wanted, within in referring:
            for ref in values.get(name, ()):
                target = entities.get(ref)
                if target is None:
                    found.append((entity_id, f"{schema.name} {entity_id}: {name} -> unknown {ref}"))
                elif target.schema.name not in within:
                    problem = (
                        f"{schema.name} {entity_id}: {name} -> {target.schema.name} {ref}, "
                        f"not a {wanted}"
                    )
                    found.append((entity_id, problem))
    return found
