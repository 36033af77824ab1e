"""FtM JSON Lines, written the same way every time: sorted by ID, keys sorted, one per line."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

import orjson
from followthemoney import EntityProxy

from sanctions.common.places import CONFIDENTIAL_ENTITIES_FILE, ENTITIES_FILE
from sanctions.model.graph import Graph


def record(entity: EntityProxy, dataset: str) -> dict[str, object]:
    """The entity as OpenSanctions publishes it (the form ``ftm validate`` writes back)."""
    data = entity.to_dict()
    data["datasets"] = [dataset]
    data["referents"] = []
    return data


OPTIONS = orjson.OPT_SORT_KEYS | orjson.OPT_APPEND_NEWLINE


def line(entity: EntityProxy, dataset: str) -> bytes:
    return orjson.dumps(record(entity, dataset), option=OPTIONS)


class Lines:
    """The entities of finished graphs as their lines, each made once per process: a list's
    packages write the same entities again and again (each package its targets' share, and
    twice, the whole and the publishable, to compare them). Only the graphs' own entities are
    kept; a copy changed for one reader (``subset``) is written anew. Nothing may change the
    graphs' entities once this is made."""

    def __init__(self, *graphs: Graph) -> None:
        self._graphs = graphs
        self._made: dict[tuple[int, str, str], bytes] = {}

    def of(self, entity: EntityProxy, dataset: str) -> bytes:
        key = entity.id or ""
        for number, graph in enumerate(self._graphs):
            if graph.entities.get(key) is entity:
                made = self._made.get((number, key, dataset))
                if made is None:
                    made = self._made[(number, key, dataset)] = line(entity, dataset)
                return made
        return line(entity, dataset)


def dumps(entities: Iterable[EntityProxy], dataset: str, lines: Lines | None = None) -> bytes:
    ordered = sorted(entities, key=lambda e: e.id or "")
    made = lines.of if lines is not None else line
    return b"".join(made(e, dataset) for e in ordered)


def write(path: Path, entities: Iterable[EntityProxy], dataset: str) -> None:
    path.write_bytes(dumps(entities, dataset))


def write_split(
    folder: Path,
    everything: Iterable[EntityProxy],
    publishable: Iterable[EntityProxy],
    dataset: str,
    lines: Lines | None = None,
) -> None:
    """``entities.ftm.json`` without anything confidential and, when the two differ,
    ``entities-confidential.ftm.json`` with everything: the file name says what it holds."""
    public = dumps(publishable, dataset, lines)
    (folder / ENTITIES_FILE).write_bytes(public)
    full = dumps(everything, dataset, lines)
    if full != public:
        (folder / CONFIDENTIAL_ENTITIES_FILE).write_bytes(full)


def write_one(
    folder: Path,
    everything: Iterable[EntityProxy],
    publishable: Iterable[EntityProxy],
    dataset: str,
    lines: Lines | None = None,
) -> None:
    """One file for a reader who may hold everything (a government's package): named
    ``entities-confidential.ftm.json`` when it holds confidential material, so that the name
    still says what it holds, and ``entities.ftm.json`` when it holds none."""
    full = dumps(everything, dataset, lines)
    same = full == dumps(publishable, dataset, lines)
    (folder / (ENTITIES_FILE if same else CONFIDENTIAL_ENTITIES_FILE)).write_bytes(full)
