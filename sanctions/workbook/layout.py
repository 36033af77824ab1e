"""The workbook layout, read from the YAML files in ``schemas/``.

The validator, the editor's template and ``docs/workbook.md`` are all generated from these
specs, so that they cannot disagree with each other.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

from sanctions.common.data import SpecError, government_files, read_yaml, schemas_dir
from sanctions.workbook.columns.base import ColumnType
from sanctions.workbook.columns.registry import TYPES


@dataclass(frozen=True)
class ColumnSpec:
    name: str
    type: str
    description: str = ""
    example: str = ""
    required: bool = False
    unique: bool = False
    multi: bool = False
    vocabulary: str | None = None
    references: tuple[str, str] | None = None
    latin: bool = False
    birth: bool = False
    not_future: bool = False
    # The column of the same row that cites the evidence for this one's content (a birth date's
    # sources, a description's): what is typed here is looked for in their copies, and a value
    # typed without them is warned of.
    sources: str | None = None
    # How its value is looked for in those copies (``FOUND_AS``): a date in any usual form, a
    # place or a person's name in any spelling, script or grammatical case, an ID number's
    # letters and digits, a country by its name or its people's; prose, by the words it sets
    # in quotation marks. None without sources.
    found_as: str | None = None

    @property
    def kind(self) -> ColumnType:
        """The column's type: its rules, cleaning, reading and look in the template."""
        return TYPES[self.type]


@dataclass(frozen=True)
class SheetSpec:
    name: str
    entity: str
    description: str
    columns: tuple[ColumnSpec, ...]
    optional: bool = False
    date_order: tuple[str, str] | None = None
    column_index: dict[str, ColumnSpec] = field(default_factory=dict, compare=False)

    @property
    def key(self) -> ColumnSpec | None:
        """The sheet's own identifier column: the first unique id column."""
        for col in self.columns:
            if col.type == "id" and col.unique:
                return col
        return None

    def column(self, name: str) -> ColumnSpec:
        return self.column_index[name]


@dataclass(frozen=True, eq=False)
class Layout:
    """The whole layout. Compared and hashed by identity: there is one per schemas/ folder."""

    sheets: tuple[SheetSpec, ...]
    vocabularies: dict[str, dict[str, str]]

    def sheet(self, name: str) -> SheetSpec:
        for sheet in self.sheets:
            if sheet.name == name:
                return sheet
        raise KeyError(name)


def _column(sheet: str, raw: dict[str, Any], vocabularies: dict[str, dict[str, str]]) -> ColumnSpec:
    name = raw.get("name")
    ctype = raw.get("type")
    if not isinstance(name, str) or ctype not in TYPES:
        raise SpecError(f"schemas/{sheet}.yaml: column {name!r} has an unknown type {ctype!r}")
    vocab = raw.get("vocabulary")
    if TYPES[ctype].vocabulary and vocab not in vocabularies:
        raise SpecError(f"schemas/{sheet}.yaml: column {name!r} names unknown vocabulary {vocab!r}")
    ref = raw.get("references")
    references = None
    if ref is not None:
        target_sheet, _, target_col = str(ref).partition(".")
        references = (target_sheet, target_col)
    return ColumnSpec(
        name=name,
        type=ctype,
        description=str(raw.get("description", "")).strip(),
        example=str(raw.get("example", "")),
        required=bool(raw.get("required", False)),
        unique=bool(raw.get("unique", False)),
        multi=bool(raw.get("multi", False)),
        vocabulary=vocab,
        references=references,
        latin=bool(raw.get("latin", False)),
        birth=bool(raw.get("birth", False)),
        not_future=bool(raw.get("not_future", False)),
        sources=str(raw["sources"]) if raw.get("sources") else None,
        found_as=_found_as(sheet, name, ctype, raw),
    )


# How a value is looked for in the copies of its sources, by what it is.
FOUND_AS = ("date", "place", "name", "number", "country", "quoted")


def _found_as(sheet: str, name: str, ctype: str, raw: dict[str, Any]) -> str | None:
    """The column's ``found_as``: as the schema gives it, else a date as a date and any other
    text by its quoted words; None for a column without ``sources``."""
    given = raw.get("found_as")
    if not raw.get("sources"):
        if given:
            raise SpecError(f"schemas/{sheet}.yaml: {name}: found_as without sources")
        return None
    if given is None:
        return "date" if ctype == "date" else "quoted"
    if given not in FOUND_AS:
        raise SpecError(
            f"schemas/{sheet}.yaml: {name}: found_as {given!r} is none of {', '.join(FOUND_AS)}"
        )
    return str(given)


# The order in which sheets appear in the template and the docs.
SHEET_ORDER = (
    "persons",
    "organizations",
    "positions",
    "incidents",
    "involvement",
    "evidence",
    "relations",
    "submissions",
    "submitter",
)


ROLES_FILE = "roles.yaml"
ACCOUNTS_FILE = "accounts.yaml"
VIOLATIONS_FILE = "violations.yaml"


def _vocabularies(folder: Path) -> dict[str, dict[str, str]]:
    """vocabularies.yaml, with the vocabularies made from other files: the involvement roles
    from roles.yaml, the violation types from violations.yaml, the accounts from accounts.yaml,
    the governments from jurisdictions/*.yaml."""
    derived: dict[str, Callable[[], dict[str, str]]] = {
        "roles": lambda: {
            role: str(entry["description"])
            for role, entry in read_yaml(folder / ROLES_FILE)["roles"].items()
        },
        "violations": lambda: {
            code: str(entry["description"])
            for code, entry in read_yaml(folder / VIOLATIONS_FILE)["violations"].items()
        },
        "accounts": lambda: {
            code: str(entry["description"])
            for code, entry in read_yaml(folder / ACCOUNTS_FILE)["accounts"].items()
        },
        "governments": lambda: {
            f.code: f.name for f in government_files(folder.parent / "jurisdictions")
        },
    }
    out = {}
    for key, values in read_yaml(folder / "vocabularies.yaml").items():
        if isinstance(values, str):
            if values not in derived:
                raise SpecError(f"schemas/vocabularies.yaml: {key}: no source named {values!r}")
            out[key] = derived[values]()
        else:
            out[key] = {str(v): str(d) for v, d in values.items()}
    return out


@cache
def load_layout(directory: Path | None = None) -> Layout:
    folder = directory or schemas_dir()
    vocabularies = _vocabularies(folder)
    sheets: list[SheetSpec] = []
    for name in SHEET_ORDER:
        raw = read_yaml(folder / f"{name}.yaml")
        columns = tuple(_column(name, c, vocabularies) for c in raw["columns"])
        order = raw.get("date_order")
        sheets.append(
            SheetSpec(
                name=raw["sheet"],
                entity=raw["entity"],
                description=str(raw.get("description", "")).strip(),
                columns=columns,
                optional=bool(raw.get("optional", False)),
                date_order=(order[0], order[1]) if order else None,
                column_index={c.name: c for c in columns},
            )
        )
    layout = Layout(sheets=tuple(sheets), vocabularies=vocabularies)
    for sheet in layout.sheets:
        for col in sheet.columns:
            if col.references is not None:
                target, target_col = col.references
                try:
                    layout.sheet(target).column(target_col)
                except KeyError as exc:
                    raise SpecError(
                        f"schemas/{sheet.name}.yaml: {col.name} references unknown {target}.{target_col}"
                    ) from exc
            if col.sources is not None:
                cites = sheet.column_index.get(col.sources)
                if cites is None or cites.references != ("evidence", "evidence_id"):
                    raise SpecError(
                        f"schemas/{sheet.name}.yaml: {col.name}: sources names {col.sources!r}, "
                        "which is no column of the sheet citing evidence.evidence_id"
                    )
    return layout
