"""Scores from nomenklatura's logic-v2, the algorithm yente calls "best".

Two things are added around it, both about names, never about the evidence that decides:
the spellings from ``variants.py`` become extra names on both sides, and a name given only
as initials (``I. I. Ivanov``) is compared in initials on the other side too, but only when
both sides give the same full birth date. The birth date and nationality penalties of
logic-v2 apply unchanged.

logic-v2 caches its name analysis by entity ID (``Entity.__hash__`` compares IDs only), so an
ID reused for a different entity in one process returns the first entity's score. Every
entity made here carries the number of the ``Scorer`` that made it, and a new ``Scorer``
clears those caches too.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass
from typing import Any

from followthemoney import EntityProxy, model

from sanctions.screen.variants import (
    full_parts,
    has_initials,
    initialled,
    name_tokens,
    query_names,
    reference_names,
)

_RUNS = itertools.count(1)
# Birth dates must agree to the day before initials may stand for a name.
FULL_DATE = 10


@dataclass(frozen=True)
class Score:
    score: float
    name: str  # the reference name that matched best, as the reference writes it
    explanation: str


def reset_caches() -> None:
    """Clear every cache in logic-v2 that is keyed on an entity."""
    from nomenklatura.matching.logic_v2 import identifiers
    from nomenklatura.matching.logic_v2.names import analysis

    for module in (analysis, identifiers):
        for value in vars(module).values():
            clear = getattr(value, "cache_clear", None)
            if callable(clear) and hasattr(value, "cache_info"):
                clear()


class Scorer:
    def __init__(self) -> None:
        from nomenklatura.matching import LogicV2

        reset_caches()
        self.run = next(_RUNS)
        self.algorithm = LogicV2
        self.config = LogicV2.default_config()
        self.own_names: dict[str, list[str]] = {}

    def _entity(self, key: str, schema: str, props: dict[str, list[str]]) -> EntityProxy:
        data = {
            "id": f"screen{self.run}-{key}",
            "schema": schema,
            "properties": {k: v for k, v in props.items() if v},
        }
        return model.get_proxy(data, cleaned=False)

    def query(self, key: str, names: list[str], props: dict[str, list[str]]) -> EntityProxy:
        """A workbook person as a query; ``key`` must be unique within this scorer."""
        variants = query_names(names)
        return self._entity(
            f"q-{key}", "Person", {"name": variants[:1], "alias": variants[1:], **props}
        )

    def reference(self, key: str, schema: str, props: dict[str, Any]) -> EntityProxy:
        """A reference entity with its folded spellings as extra aliases."""
        names = [n for p in ("name", "alias", "previousName") for n in props.get(p) or []]
        extra = [n for n in reference_names(names) if n not in names]
        aliases = list(props.get("alias") or []) + extra
        entity = self._entity(f"r-{key}", schema, {**props, "alias": aliases})
        self.own_names[entity.id or ""] = names
        return entity

    def score(self, query: EntityProxy, candidate: EntityProxy) -> Score:
        result = self.algorithm.compare(query, candidate, self.config)
        best, explanation = result.score, _explain(result)
        alt = self._initials(query, candidate)
        if alt is not None:
            other = self.algorithm.compare(alt[0], alt[1], self.config)
            if other.score > best:
                best, explanation = other.score, _explain(other) + " (compared as initials)"
        own = self.own_names.get(candidate.id or "") or [candidate.caption]
        return Score(round(best, 4), _matched_name(query, own), explanation)

    def _initials(
        self, query: EntityProxy, candidate: EntityProxy
    ) -> tuple[EntityProxy, EntityProxy] | None:
        """The pair rewritten so that the side with full names also reads in initials."""
        q_birth = {d for d in query.get("birthDate") if len(d) >= FULL_DATE}
        c_birth = {d for d in candidate.get("birthDate") if len(d) >= FULL_DATE}
        if not q_birth & c_birth:
            return None
        q_names, c_names = query.names, candidate.names
        if has_initials(c_names) and not has_initials(q_names):
            extra = initialled(q_names, full_parts(c_names))
            if extra:
                props = {p: query.get(p) for p in query.properties}
                props["alias"] = props.get("alias", []) + extra
                return self._entity(f"{query.id}~{candidate.id}", "Person", props), candidate
        if has_initials(q_names) and not has_initials(c_names):
            extra = initialled(c_names, full_parts(q_names))
            if extra:
                props = {p: candidate.get(p) for p in candidate.properties}
                props["alias"] = props.get("alias", []) + extra
                return query, self._entity(
                    f"{candidate.id}~{query.id}", candidate.schema.name, props
                )
        return None


def _explain(result: Any) -> str:
    parts = []
    for feature, found in sorted(result.explanations.items()):
        if found.score:
            parts.append(f"{feature} {found.score:.2f}: {found.detail}")
    return "; ".join(parts)


def _matched_name(query: EntityProxy, own: list[str]) -> str:
    """The reference's own name (not a spelling added here) sharing most parts with the query."""
    wanted = {t for n in query.names for t in name_tokens(n)}
    return max(own, key=lambda n: (len(wanted & set(name_tokens(n))), -own.index(n)))
