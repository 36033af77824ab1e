"""Reference data to screen against: a FollowTheMoney entities file, read once as a stream.

OpenSanctions publishes ``entities.ftm.json``: one entity per line, already aggregated. A
screening run needs only two things from it: the people (and other legal entities a person
can match) with the properties the scorer reads, and the Sanction entities that say who
listed them. Arrow's JSON reader parses the file block by block in C++ and drops every other
property, so a million entities fit in a few hundred megabytes and a few seconds.
"""

from __future__ import annotations

import gzip
import re
import zlib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.json as pj
from followthemoney import model  # here, before the scorer is forked (``ahead``), which needs it

from sanctions.screen.download import MAX_BYTES

# What the scorer (logic-v2) reads of a candidate, and what candidate search reads of its names.
PERSON_PROPS = (
    "name",
    "alias",
    "previousName",
    "weakAlias",
    "birthDate",
    "nationality",
    "citizenship",
    "country",
    "gender",
)
NAME_PROPS = ("name", "alias", "previousName")
SANCTION_PROPS = (
    "entity",
    "authority",
    "program",
    "programId",
    "listingDate",
    "startDate",
    "endDate",
    "status",
    "country",
    "sourceUrl",
)

_TEXTS = pa.list_(pa.string())
_SCHEMA = pa.schema(
    [
        ("id", pa.string()),
        ("schema", pa.string()),
        ("datasets", _TEXTS),
        (
            "properties",
            pa.struct([(p, _TEXTS) for p in sorted(set(PERSON_PROPS) | set(SANCTION_PROPS))]),
        ),
    ]
)
BLOCK_SIZE = 16 << 20


class ReferenceError(Exception):
    """The file is not a FollowTheMoney entities file we can read."""


@dataclass
class Reference:
    """People and sanctions from one or more entities files.

    ``people`` has one row per entity that can match a Person: ``id``, ``schema``,
    ``datasets`` and one list column per property in ``PERSON_PROPS``. ``sanctions`` has
    ``id``, ``datasets`` and one list column per property in ``SANCTION_PROPS``.
    """

    people: pa.Table
    sanctions: pa.Table
    sources: list[str]

    def __len__(self) -> int:
        return int(self.people.num_rows)


def as_scored(record: dict[str, Any]) -> tuple[str, dict[str, list[str]]]:
    """A record as the scorer reads it, and nothing else (``kept`` keys a score by it): its
    schema, and the properties of ``PERSON_PROPS``."""
    return record["schema"], {p: record[p] or [] for p in PERSON_PROPS}


def matchable_schemata() -> list[str]:
    """Schemata a Person query may match (Person itself, LegalEntity, ...)."""
    person = model.get("Person")
    assert person is not None
    return sorted(s.name for s in model.schemata.values() if person.can_match(s))


def _flatten(batch: pa.RecordBatch, props: tuple[str, ...]) -> pa.Table:
    props_col = batch.column("properties")
    columns: dict[str, pa.Array] = {
        "id": batch.column("id"),
        "schema": batch.column("schema"),
        "datasets": batch.column("datasets"),
    }
    for prop in props:
        values = pc.struct_field(props_col, prop)
        # an empty list is no value, as FtM reads it: a file may write either
        empty = pc.equal(pc.list_value_length(values), 0)
        columns[prop] = pc.if_else(empty, pa.scalar(None, values.type), values)
    return pa.table(columns)


def _is_gzip(path: Path) -> bool:
    with open(path, "rb") as fh:
        return fh.read(2) == b"\x1f\x8b"


class Capped:
    """A decompressed stream that stops with an error past ``limit`` bytes, so that a small
    gzip file that inflates to gigabytes (a "zip bomb") is refused early."""

    def __init__(self, stream: pa.NativeFile, limit: int, path: Path) -> None:
        self.stream, self.limit, self.path, self.seen = stream, limit, path, 0
        self.closed = False

    def read(self, size: int = -1) -> bytes:
        data: bytes = self.stream.read(size if size >= 0 else None)
        self.seen += len(data)
        if self.seen > self.limit:
            raise ReferenceError(too_large(self.path, self.limit))
        return data

    def close(self) -> None:
        self.closed = True
        self.stream.close()


def too_large(path: Path, limit: int) -> str:
    return (
        f"{path}: holds more than {limit:,} bytes of entities, the limit (--max-size); "
        "raise it if the file is genuine"
    )


def _first_line(path: Path, compression: str | None) -> bytes:
    """The file's first line that is not blank, its start only (a line is read up to a
    megabyte), without its leading spaces; empty if there is none in the first thousand."""
    opener = gzip.open if compression == "gzip" else open
    try:
        with opener(path, "rb") as fh:
            for _ in range(1000):
                line = fh.readline(1 << 20)
                if not line:
                    break
                if line.strip():
                    return line.lstrip().removeprefix(b"\xef\xbb\xbf")  # a BOM, as Windows writes
    except (OSError, EOFError, zlib.error):
        return b"{"  # a damaged stream is for the reader to say, as it does
    return b""


def read_file(path: Path, max_bytes: int = MAX_BYTES) -> Reference:
    """Read one entities file (JSON lines, plain or gzip), of at most ``max_bytes`` once
    decompressed."""
    size = path.stat().st_size
    if size == 0:
        raise ReferenceError(f"{path}: the file is empty")
    if size > max_bytes:
        raise ReferenceError(too_large(path, max_bytes))
    compression = "gzip" if _is_gzip(path) else None
    if not _first_line(path, compression).startswith(b"{"):
        # Arrow's reader, given a schema, crashes the process on a first line of "null"
        raise ReferenceError(
            f"{path}: not a FollowTheMoney entities file (one JSON entity per line): its first "
            "line is not a JSON object"
        )
    person_schemata = pa.array(matchable_schemata())
    every_schema = pa.array(sorted(model.schemata))
    people: list[pa.Table] = []
    sanctions: list[pa.Table] = []
    entities = 0  # lines with an ID and a schema FtM knows
    try:
        with pa.input_stream(str(path), compression=compression) as raw:
            stream = pa.PythonFile(Capped(raw, max_bytes, path), mode="r")
            reader = pj.open_json(
                stream,
                read_options=pj.ReadOptions(block_size=BLOCK_SIZE),
                parse_options=pj.ParseOptions(
                    explicit_schema=_SCHEMA, unexpected_field_behavior="ignore"
                ),
            )
            for batch in reader:
                schema = batch.column("schema")
                known = pc.and_(pc.is_in(schema, value_set=every_schema), pc.is_valid(batch["id"]))
                entities += pc.sum(known).as_py() or 0
                is_person = pc.is_in(schema, value_set=person_schemata)
                if pc.any(is_person).as_py():
                    people.append(_flatten(batch.filter(is_person), PERSON_PROPS))
                is_sanction = pc.equal(schema, "Sanction")
                if pc.any(is_sanction).as_py():
                    sanctions.append(_flatten(batch.filter(is_sanction), SANCTION_PROPS))
    except (pa.ArrowInvalid, OSError, EOFError, gzip.BadGzipFile) as exc:
        raise ReferenceError(
            f"{path}: not a FollowTheMoney entities file (one JSON entity per line): "
            f"{_said(str(exc).splitlines()[0], size, compression is None)}"
        ) from exc
    for table in (*people, *sanctions):  # Arrow's reader takes any bytes for text
        try:
            table.validate(full=True)
        except pa.ArrowInvalid as exc:
            raise ReferenceError(
                f"{path}: some of its text is not UTF-8, in which FollowTheMoney files are "
                "written; save it again as UTF-8 (a text editor's Save As offers the encoding)"
            ) from exc
    if not entities:  # JSON, but nothing FtM: no screening could find a designation in it
        raise ReferenceError(
            f'{path}: holds no FollowTheMoney entities (no line has an "id" and a '
            '"schema" such as Person or Sanction); give an entities file, such as '
            "OpenSanctions' entities.ftm.json"
        )
    return Reference(
        people=_concat(people, PERSON_PROPS),
        sanctions=_concat(sanctions, SANCTION_PROPS),
        sources=[str(path)],
    )


def _said(message: str, size: int, plain: bool) -> str:
    """Arrow's message with the entity counted as an editor counts: Arrow numbers rows (the
    file's entities, blank lines aside) from 0, and within the block it was reading, so a row
    is the file's entity only in a plain file of one block; otherwise the row is left out
    rather than misnamed."""
    row = re.search(r"\s*in row (\d+)\.?$", message)
    if row is None:
        return message
    head = message[: row.start()].rstrip(". ")
    if plain and size <= BLOCK_SIZE:
        return f"{head}, in entity {int(row.group(1)) + 1} of the file (one per line)"
    return head


def _empty(props: tuple[str, ...]) -> pa.Table:
    fields = [("id", pa.string()), ("schema", pa.string()), ("datasets", _TEXTS)]
    return pa.schema(fields + [(p, _TEXTS) for p in props]).empty_table()


def _concat(tables: list[pa.Table], props: tuple[str, ...]) -> pa.Table:
    if not tables:
        return _empty(props)
    table = pa.concat_tables(tables)
    return table.filter(pc.is_valid(table["id"]))


def read_files(paths: list[Path], max_bytes: int = MAX_BYTES) -> Reference:
    """Several files as one reference: OpenSanctions' collections overlap, so an entity ID
    seen twice keeps its first row."""
    parts = [read_file(p, max_bytes) for p in paths]
    people = pa.concat_tables([p.people for p in parts]) if parts else _empty(PERSON_PROPS)
    sanctions = pa.concat_tables([p.sanctions for p in parts]) if parts else _empty(SANCTION_PROPS)
    if len(parts) > 1:
        people = _first_per_id(people)
        sanctions = _first_per_id(sanctions)
    return Reference(people, sanctions, [s for p in parts for s in p.sources])


def _first_per_id(table: pa.Table) -> pa.Table:
    numbered = table.append_column("_row", pa.array(range(table.num_rows), pa.int64()))
    first = numbered.group_by("id", use_threads=False).aggregate([("_row", "min")])
    keep = pc.sort_indices(first["_row_min"])
    return table.take(first["_row_min"].take(keep))
