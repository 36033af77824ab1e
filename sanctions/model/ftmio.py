"""FtM JSON Lines, written the same way every time: sorted by ID, keys sorted, one per line."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

import orjson
from followthemoney import EntityProxy

from sanctions.common.places import CONFIDENTIAL_ENTITIES_FILE, ENTITIES_FILE


def record(entity: EntityProxy, dataset: str) -> dict[str, object]:
    """The entity as OpenSanctions publishes it (the form ``ftm validate`` writes back)."""
    data = entity.to_dict()
    data["datasets"] = [dataset]
    data["referents"] = []
    return data


def dumps(entities: Iterable[EntityProxy], dataset: str) -> bytes:
    ordered = sorted(entities, key=lambda e: e.id or "")
    options = orjson.OPT_SORT_KEYS | orjson.OPT_APPEND_NEWLINE
    return b"".join(orjson.dumps(record(e, dataset), option=options) for e in ordered)


def write(path: Path, entities: Iterable[EntityProxy], dataset: str) -> None:
    path.write_bytes(dumps(entities, dataset))


def write_split(
    folder: Path,
    everything: Iterable[EntityProxy],
    publishable: Iterable[EntityProxy],
    dataset: str,
) -> None:
    """``entities.ftm.json`` without anything confidential and, when the two differ,
    ``entities-confidential.ftm.json`` with everything: the file name says what it holds."""
    public = dumps(publishable, dataset)
    (folder / ENTITIES_FILE).write_bytes(public)
    full = dumps(everything, dataset)
    if full != public:
        (folder / CONFIDENTIAL_ENTITIES_FILE).write_bytes(full)


def write_one(
    folder: Path,
    everything: Iterable[EntityProxy],
    publishable: Iterable[EntityProxy],
    dataset: str,
) -> None:
    """One file for a reader who may hold everything (a government's package): named
    ``entities-confidential.ftm.json`` when it holds confidential material, so that the name
    still says what it holds, and ``entities.ftm.json`` when it holds none."""
    full = dumps(everything, dataset)
    name = ENTITIES_FILE if full == dumps(publishable, dataset) else CONFIDENTIAL_ENTITIES_FILE
    (folder / name).write_bytes(full)
