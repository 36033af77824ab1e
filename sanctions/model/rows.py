"""A validated workbook's rows as typed records: the one reading of its cells that every later
step shares.

The FtM entities, the per-target view that documents print and the screening queries all read
the same columns. They read them here, once and alike: a ``;``-separated cell is a list, a
yes/no cell a bool, an empty cell ``None``. Which column is which comes from the layout
(``schemas/``), so a column added there needs only a field here. Each record keeps its Excel
row, so the converter can still name the cell a value came from.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field, fields
from functools import partial
from typing import Any, Protocol, TypeVar, cast, runtime_checkable

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from sanctions.workbook.columns.values import arrow_text, dealt, item_spans
from sanctions.workbook.layout import ColumnSpec, Layout, load_layout

T = TypeVar("T")


class Cleaned(Protocol):
    """A workbook's cleaned sheets: a validation result, or the sheets the rules read."""

    @property
    def frames(self) -> dict[str, pd.DataFrame]: ...


@runtime_checkable
class Derives(Protocol):
    """Sheets that keep what is worked out of them (``workbook.sheets.Sheets``)."""

    @property
    def frames(self) -> dict[str, pd.DataFrame]: ...

    def derived(self, key: str, compute: Callable[[Any], T]) -> T: ...


@dataclass(slots=True)
class PersonRow:
    row: int
    person_id: str
    name: str
    name_original: list[str]
    first_name: str | None
    patronymic: str | None
    last_name: str | None
    aliases: list[str]
    gender: str | None
    birth_date: str | None
    birth_place: str | None
    nationality: list[str]
    id_numbers: list[str]
    identity_evidence_ids: list[str]  # the sources of the identifying details
    identity_account: str | None  # whose statement they are (schemas/accounts.yaml)
    identity_account_by: str | None  # who gives them, when not the source's own finding
    summary: str | None
    status: str
    jurisdictions: list[str]
    ties: list[str]
    exculpatory: str | None
    exculpatory_evidence_ids: list[str]  # the sources that state it
    impact: str | None
    offence: str | None  # why the conduct is a serious crime in Lithuanian law


@dataclass(slots=True)
class OrganizationRow:
    row: int
    org_id: str
    name: str
    name_original: list[str]
    type: str
    country: str
    parent_org_id: str | None


@dataclass(slots=True)
class PositionRow:
    row: int
    person_id: str
    org_id: str
    title: str
    start_date: str | None
    end_date: str | None
    as_of: str | None
    evidence_ids: list[str]
    quote: list[str]  # the source's own words that state the row's fact
    locator: list[str]  # where each passage is (para. 72)
    account: str | None  # whose statement it is (schemas/accounts.yaml)
    account_by: str | None  # who gives it, when not the source's own finding


@dataclass(slots=True)
class IncidentRow:
    row: int
    incident_id: str
    title: str
    date: str
    end_date: str | None
    place: str | None
    country: str
    violation_types: list[str]
    summary: str
    victims: list[str]
    victims_confidential: bool
    victim_activity: str | None
    pattern: str | None
    consequences: str | None
    evidence_ids: list[str]
    confidential: bool
    quote: list[str]  # the source's own words that state the row's fact
    locator: list[str]  # where each passage is (para. 72)
    account: str | None  # whose statement it is (schemas/accounts.yaml)
    account_by: str | None  # who gives it, when not the source's own finding


@dataclass(slots=True)
class InvolvementRow:
    row: int
    person_id: str
    incident_id: str
    role: str
    part_in: list[str]  # the incident's violations the act is part of, if not all
    description: str
    evidence_ids: list[str]
    quote: list[str]  # the source's own words that state the row's fact
    locator: list[str]  # where each passage is (para. 72)
    account: str | None  # whose statement it is (schemas/accounts.yaml)
    account_by: str | None  # who gives it, when not the source's own finding


@dataclass(slots=True)
class EvidenceRow:
    row: int
    evidence_id: str
    title: str
    publisher: str | None
    published_date: str | None
    kind: str
    url: str | None
    archive_url: str | None
    file: str | None
    sha256: str | None
    language: str | None
    known_through: str | None
    confidential: bool


@dataclass(slots=True)
class RelationRow:
    row: int
    person_id: str
    related_person_id: str | None
    related_name: str | None
    relationship: str
    evidence_ids: list[str]


@dataclass(slots=True)
class SubmissionRow:
    row: int
    person_id: str
    jurisdiction: str
    status: str
    date: str | None
    reference: str | None
    notes: str | None


@dataclass
class Rows:
    """Every sheet of one workbook, in workbook order."""

    persons: list[PersonRow]
    organizations: list[OrganizationRow]
    positions: list[PositionRow]
    incidents: list[IncidentRow]
    involvement: list[InvolvementRow]
    evidence: list[EvidenceRow]
    relations: list[RelationRow]
    submitter: dict[str, str] = field(default_factory=dict)  # the keys that have a value
    submissions: list[SubmissionRow] = field(default_factory=list)

    @classmethod
    def of(cls, source: Cleaned | Rows) -> Rows:
        """The rows of a validated workbook, or rows already read. A validation's sheets keep
        theirs (``Sheets.derived``): read once, the same rows for every step that reads them
        (the rules, the entities, the packages, the report), and what is worked out of a row
        once (``targets.public_values``) serves them all."""
        if isinstance(source, Rows):
            return source
        sheets = getattr(source, "sheets", source)
        if isinstance(sheets, Derives):
            return sheets.derived("_rows", _read_kept)
        return read_rows(source)


def sheet_rows(source: Cleaned | Rows, sheet: str) -> list[Any]:
    """One sheet's rows (``sheet`` is a field of ``Rows``): the same records as ``Rows.of``'s.
    A validation's sheets keep each sheet's apart, so that a rule reading two sheets, in a
    process of its own, reads those two and not the nine (a second of a large list's)."""
    if isinstance(source, Rows):
        found: list[Any] = getattr(source, sheet)
        return found
    sheets = getattr(source, "sheets", source)
    if isinstance(sheets, Derives):
        return sheets.derived(f"_rows.{sheet}", partial(_read_one, sheet))
    return cast(list[Any], getattr(read_rows(source), sheet))


def _read_one(sheet: str, source: Cleaned) -> list[Any]:
    return read_sheet(source.frames[sheet], RECORDS[sheet], sheet, load_layout())


def _read_kept(source: Cleaned) -> Rows:
    """``read_rows``, each sheet's rows those ``sheet_rows`` keeps."""
    return read_rows(source, read=lambda sheet: sheet_rows(source, sheet))


# The record type of each sheet; its fields (but ``row``) are the sheet's columns.
RECORDS: dict[str, type] = {
    "persons": PersonRow,
    "organizations": OrganizationRow,
    "positions": PositionRow,
    "incidents": IncidentRow,
    "involvement": InvolvementRow,
    "evidence": EvidenceRow,
    "relations": RelationRow,
    "submissions": SubmissionRow,
}
R = TypeVar("R")


def _converter(col: ColumnSpec) -> Callable[[Any], Any] | None:
    """How a cleaned cell (or one item of a cell that takes several) becomes the record's
    value, as the column's type reads it: countries and languages as codes, however the editor
    typed them; a yes/no as a bool."""
    return col.kind.parse(col)


def _once_each(column: pa.Array, convert: Callable[[Any], Any] | None) -> list[Any]:
    """``[convert(v) for v in column]`` (or the values as they are), ``convert`` called once per
    distinct cell and equal cells sharing one object: a column repeats its codes, dates and
    IDs, and a list of 100,000 persons would otherwise hold millions of copies of them. Arrow
    finds the distinct values and numpy lays them out, with no Python work per cell."""
    encoded = pc.dictionary_encode(column)
    distinct: list[Any] = encoded.dictionary.to_pylist()
    if convert is not None:
        distinct = [convert(value) for value in distinct]
    empty = convert(None) if encoded.null_count and convert is not None else None
    # fromiter: a value that is itself a sequence stays one object
    table = np.fromiter([*distinct, empty], dtype=object, count=len(distinct) + 1)
    at = encoded.indices.fill_null(len(distinct)).to_numpy(zero_copy_only=False)
    read: list[Any] = table[at].tolist()
    return read


def read_sheet(frame: pd.DataFrame, record: type[R], sheet: str, layout: Layout) -> list[R]:
    """One record per row of a cleaned frame, column by column."""
    spec = layout.sheet(sheet)
    names = [f.name for f in fields(cast(Any, record)) if f.name != "row"]
    columns: list[list[Any]] = []
    for name in names:
        col = spec.column(name)
        cells = arrow_text(frame[name])
        if col.multi:  # split at once, each distinct item read once as its type
            flat, ends = item_spans(cells)
            read = _once_each(flat, _converter(col))
            columns.append(dealt(read, ends))
        else:
            columns.append(_once_each(cells, _converter(col)))
    make = cast(Callable[..., R], record)
    # each row's values as the tuple zip makes (unpacking ``row, *values`` built a list a row)
    return [make(*values) for values in zip(frame.index.tolist(), *columns, strict=True)]


def read_rows(
    source: Cleaned, layout: Layout | None = None, read: Callable[[str], list[Any]] | None = None
) -> Rows:
    """Every sheet's records; ``read``, where given, reads one sheet's (``sheet_rows``)."""
    layout = layout or load_layout()
    frames = source.frames

    def sheet(name: str, record: type[R]) -> list[R]:
        if read is not None:
            return cast(list[R], read(name))
        return read_sheet(frames[name], record, name, layout)

    submitter = frames["submitter"].dropna(subset=["key"])
    given = {
        str(k): str(v)
        for k, v in zip(submitter["key"], submitter["value"], strict=True)
        if isinstance(v, str)
    }
    return Rows(
        persons=sheet("persons", PersonRow),
        organizations=sheet("organizations", OrganizationRow),
        positions=sheet("positions", PositionRow),
        incidents=sheet("incidents", IncidentRow),
        involvement=sheet("involvement", InvolvementRow),
        evidence=sheet("evidence", EvidenceRow),
        relations=sheet("relations", RelationRow),
        submitter=given,
        submissions=sheet("submissions", SubmissionRow),
    )
