"""What changed between two versions of a list: rows added, removed, changed field by field, and
persons whose ID changed (renamed), each with the cell it is in, in both workbooks.

Rows are matched by what identifies them:

* a sheet with an ID column of its own (``SheetSpec.key``: persons.person_id,
  organizations.org_id, incidents.incident_id, evidence.evidence_id) by that ID;
* a sheet without one by its natural key, the columns of ``NATURAL_KEYS``:

  ============  ===================================================
  positions     person_id, org_id, title, start_date
  involvement   person_id, incident_id, role
  relations     person_id, related_person_id, related_name, relationship
  submissions   person_id, jurisdiction, status, date
  submitter     key
  ============  ===================================================

  so that a post whose end date or evidence changed is one post changed, while a post with
  another title or start is another post. A sheet added to the layout later and missing from
  the table is keyed by its single-valued reference columns plus title, role and start_date
  where it has them (``GENERIC_EXTRA``), or else by all its columns.

Rows with the same key in one workbook (a duplicate ID in an old release) are paired in sheet
order. Values are compared as ``validate`` cleaned them (invisible characters and stray spaces
gone, vocabulary values lower-case); a ``;``-separated cell is compared as the set of its items,
so reordering aliases or evidence IDs is not a change.

A person whose ID changed is reported as renamed when the old row and the new row share a name
key (``common.names.key_table`` over name, aliases and name_original) and the same birth date,
both present, and neither could be the other of some second pair (a match must be one-to-one).
Rows of other sheets that point at a renamed person are matched through the new ID, so that the
rename shows as their person_id changing, not as rows removed and added.

Confidential rows (``CONFIDENTIAL``) carry the reason on every entry; the diff is internal.
Everything here is plain dataclasses; ``changelog`` renders them.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path

import pandas as pd

from sanctions.check.validate import Result, validate
from sanctions.common.names import key_table
from sanctions.rules.finding import cell_ref
from sanctions.workbook.columns.values import MULTI_SEPARATOR
from sanctions.workbook.gate import UnreadableWorkbook
from sanctions.workbook.layout import Layout, SheetSpec, load_layout
from sanctions.workbook.reader import Table, row_number, text_or_none

Value = str | None
Key = tuple[Value, ...]

NATURAL_KEYS: dict[str, tuple[str, ...]] = {
    "positions": ("person_id", "org_id", "title", "start_date"),
    "involvement": ("person_id", "incident_id", "role"),
    "relations": ("person_id", "related_person_id", "related_name", "relationship"),
    "submissions": ("person_id", "jurisdiction", "status", "date"),
    "submitter": ("key",),
}
GENERIC_EXTRA = ("title", "role", "start_date")

# How a row is named in a report: (column, the word before its value), values left out when
# empty. A sheet not listed here is named by its key.
LABELS: dict[str, tuple[tuple[str, str], ...]] = {
    "persons": (("person_id", ""), ("name", "")),
    "organizations": (("org_id", ""), ("name", "")),
    "incidents": (("incident_id", ""), ("title", "")),
    "evidence": (("evidence_id", ""), ("title", "")),
    "positions": (("person_id", ""), ("title", ""), ("org_id", "at "), ("start_date", "from ")),
    "involvement": (("person_id", ""), ("role", ""), ("incident_id", "in ")),
    "relations": (
        ("person_id", ""),
        ("relationship", ""),
        ("related_person_id", "of "),
        ("related_name", "of "),
    ),
    "submissions": (("person_id", ""), ("jurisdiction", ""), ("status", ""), ("date", "on ")),
    "submitter": (("key", ""),),
}

# Columns that make a row confidential when they say yes, and the words that mark it so.
CONFIDENTIAL: dict[str, tuple[tuple[str, str], ...]] = {
    "evidence": (("confidential", "confidential"),),
    "incidents": (
        ("confidential", "confidential"),
        ("victims_confidential", "victims confidential"),
    ),
}
YES = "yes"

# The sheet whose rows may be renamed, the columns holding its names, and its birth date.
RENAMED_SHEET = "persons"
NAME_COLUMNS = ("name", "aliases", "name_original")
BIRTH_COLUMN = "birth_date"


@dataclass(frozen=True)
class Change:
    """One field of a row that differs: its values and its cell in each workbook."""

    column: str
    old: Value
    new: Value
    old_cell: str | None
    new_cell: str | None


@dataclass(frozen=True)
class Entry:
    """A row added, removed, changed or renamed, named by ``label`` as the newer workbook has
    it. ``old_row``/``new_row`` are its Excel rows and ``old_cell``/``new_cell`` its key cell
    in each workbook (None where it is not there); ``changes`` the fields that differ (for a
    renamed row, besides its ID: ``old_id`` -> ``new_id``); ``values`` an added or removed
    row's filled cells; ``confidential`` why the row is confidential, if it is."""

    key: Key
    label: str
    old_row: int | None
    new_row: int | None
    old_cell: str | None
    new_cell: str | None
    changes: tuple[Change, ...] = ()
    values: tuple[tuple[str, str], ...] = ()
    confidential: tuple[str, ...] = ()
    old_id: Value = None
    new_id: Value = None


@dataclass(frozen=True)
class SheetDiff:
    """One sheet's entries, each kind sorted by key."""

    sheet: str
    added: tuple[Entry, ...] = ()
    removed: tuple[Entry, ...] = ()
    changed: tuple[Entry, ...] = ()
    renamed: tuple[Entry, ...] = ()

    @property
    def empty(self) -> bool:
        return not (self.added or self.removed or self.changed or self.renamed)

    def entries(self) -> tuple[Entry, ...]:
        return self.added + self.removed + self.changed + self.renamed


@dataclass(frozen=True)
class Diff:
    """Every sheet of the layout, in layout order, changed or not."""

    old: str
    new: str
    sheets: tuple[SheetDiff, ...]
    notes: tuple[str, ...] = ()

    @property
    def empty(self) -> bool:
        return all(s.empty for s in self.sheets)

    @property
    def confidential(self) -> bool:
        return any(e.confidential for s in self.sheets for e in s.entries())


@dataclass(frozen=True)
class _Row:
    """One row of one workbook: its Excel row and its cleaned values by column."""

    row: int
    values: Mapping[str, Value]


@dataclass
class _Side:
    """One workbook's view of a sheet."""

    table: Table
    rows: list[_Row] = field(default_factory=list)

    def cell(self, column: str, row: int) -> str | None:
        j = self.table.columns.get(column)
        return None if j is None else f"{self.table.sheet}!{cell_ref(j, row)}"

    def anchor(self, columns: Iterable[str], row: int) -> str:
        """The row's first key cell there is, or its first cell."""
        for column in (*columns, *self.table.columns):
            found = self.cell(column, row)
            if found is not None:
                return found
        return f"{self.table.sheet}!{row}:{row}"


Placed = tuple[_Side, _Row]  # a row and the workbook's sheet it is in


def key_columns(sheet: SheetSpec) -> tuple[str, ...]:
    """The columns whose values identify a row of ``sheet`` across versions."""
    if sheet.key is not None:
        return (sheet.key.name,)
    if sheet.name in NATURAL_KEYS:
        return NATURAL_KEYS[sheet.name]
    generic = [c.name for c in sheet.columns if c.references is not None and not c.multi]
    generic += [c.name for c in sheet.columns if c.name in GENERIC_EXTRA]
    return tuple(generic) or tuple(c.name for c in sheet.columns)


def validation_note(name: str, result: Result) -> str | None:
    """A note when a compared workbook has errors: they do not stop a diff, since an old
    release may predate a rule."""
    errors = len(result.errors)
    if not errors:
        return None
    noun = "error" if errors == 1 else "errors"
    return (
        f"{name} has {errors} validation {noun}; it is compared as it is "
        f"(run `sanctions validate {name}` to see them)"
    )


def compare_files(old: Path, new: Path) -> Diff:
    """`sanctions diff`: two workbooks validated and compared (errors do not stop a diff; an
    unreadable workbook does)."""
    results = []
    for path in (old, new):
        try:
            results.append(validate(path))
        except UnreadableWorkbook as exc:  # which of the two, in the one line said
            raise UnreadableWorkbook(f"{path}: {exc}") from exc
    return compare(results[0], results[1], str(old), str(new))


def compare(
    old: Result, new: Result, old_name: str, new_name: str, layout: Layout | None = None
) -> Diff:
    """The differences from ``old`` to ``new``, every sheet of the layout."""
    layout = layout or load_layout()
    specs = {s.name: s for s in layout.sheets}
    sides = {name: (_side(old, spec), _side(new, spec)) for name, spec in specs.items()}
    renames: dict[tuple[str, str], dict[str, str]] = {}
    results: dict[str, SheetDiff] = {}
    # The renamed sheet first: the others are matched through its new IDs.
    for name in sorted(specs, key=lambda n: n != RENAMED_SHEET):
        spec = specs[name]
        before, after = sides[name]
        results[name], renamed = _compare_sheet(spec, before, after, renames)
        if renamed and spec.key is not None:
            renames[(name, spec.key.name)] = renamed
    notes = tuple(
        n for n in (validation_note(old_name, old), validation_note(new_name, new)) if n is not None
    )
    secret = _secrets(sides)
    marked = {name: _indirectly(results[name], sides[name], secret) for name in results}
    return Diff(old_name, new_name, tuple(marked[s.name] for s in layout.sheets), notes)


# The columns whose IDs a row cites its sources by, and the one it names its incident by.
CITING = ("evidence_ids", "identity_evidence_ids", "exculpatory_evidence_ids")


def _secrets(sides: Mapping[str, tuple[_Side, _Side]]) -> tuple[set[str], set[str]]:
    """The evidence and the incidents marked confidential in either workbook."""

    def marked(sheet: str, key: str, columns: tuple[str, ...]) -> set[str]:
        return {
            str(r.values.get(key))
            for side in sides[sheet]
            for r in side.rows
            if any((r.values.get(c) or "").lower() == YES for c in columns)
        }

    return (
        marked("evidence", "evidence_id", ("confidential",)),
        marked("incidents", "incident_id", ("confidential", "victims_confidential")),
    )


def _indirectly(
    found: SheetDiff, sides: tuple[_Side, _Side], secret: tuple[set[str], set[str]]
) -> SheetDiff:
    """The sheet's entries, each also marked where it is confidential through another row: a
    fact cited only to confidential sources, or to one among others (what it gives may be that
    source's alone), an act in a confidential incident. A changelog is pasted into release
    notes; such a row is no more public than what it rests on."""
    evidence, incidents = secret
    by_row = [{r.row: r for r in side.rows} for side in sides]

    def words(entry: Entry) -> tuple[str, ...]:
        rows = [
            table[n]
            for table, n in zip(by_row, (entry.old_row, entry.new_row), strict=True)
            if n is not None and n in table
        ]
        more = set(entry.confidential)
        for row in rows:
            for column in CITING:
                cited = [
                    i.strip() for i in str(row.values.get(column) or "").split(";") if i.strip()
                ]
                if cited and all(i in evidence for i in cited):
                    more.add("cited only to confidential sources")
                elif any(i in evidence for i in cited):
                    # a value or words only that source states may be in it (evidence/withheld)
                    more.add("cites a confidential source")
            if found.sheet != "incidents" and row.values.get("incident_id") in incidents:
                more.add("in a confidential incident")
        return tuple(sorted(more))

    def each(entries: tuple[Entry, ...]) -> tuple[Entry, ...]:
        return tuple(replace(e, confidential=words(e)) for e in entries)

    return replace(
        found,
        added=each(found.added),
        removed=each(found.removed),
        changed=each(found.changed),
        renamed=each(found.renamed),
    )


def _side(result: Result, spec: SheetSpec) -> _Side:
    table = result.tables[spec.name]
    frame = result.frames[spec.name]
    columns = [c.name for c in spec.columns if c.name in frame.columns]
    records = frame[columns].to_dict("index") if columns else {i: {} for i in frame.index}
    rows = [
        _Row(row_number(label), {c: text_or_none(record.get(c)) for c in columns})
        for label, record in records.items()
    ]
    return _Side(table, sorted(rows, key=lambda r: r.row))


def _items(value: Value) -> tuple[str, ...]:
    if value is None:
        return ()
    return tuple(sorted({i.strip() for i in value.split(MULTI_SEPARATOR)} - {""}))


def _same(spec: SheetSpec, column: str, a: Value, b: Value) -> bool:
    if spec.column(column).multi:
        return _items(a) == _items(b)
    return a == b


def _key(row: _Row, columns: tuple[str, ...], translate: Mapping[str, Mapping[str, str]]) -> Key:
    """The row's key; values pointing at a renamed row read as its new ID."""
    out = []
    for column in columns:
        value = row.values.get(column)
        moved = translate.get(column, {})
        out.append(moved.get(value, value) if value is not None else None)
    return tuple(out)


def _translations(
    spec: SheetSpec, renames: Mapping[tuple[str, str], Mapping[str, str]]
) -> dict[str, Mapping[str, str]]:
    """For each column of ``spec`` that references a renamed sheet: old ID -> new ID."""
    return {
        c.name: renames[c.references]
        for c in spec.columns
        if c.references is not None and c.references in renames
    }


def _compare_sheet(
    spec: SheetSpec,
    before: _Side,
    after: _Side,
    renames: Mapping[tuple[str, str], Mapping[str, str]],
) -> tuple[SheetDiff, dict[str, str]]:
    """The sheet's entries, and old ID -> new ID of the rows renamed in it."""
    columns = key_columns(spec)
    translate = _translations(spec, renames)
    old_by_key: dict[Key, list[_Row]] = defaultdict(list)
    new_by_key: dict[Key, list[_Row]] = defaultdict(list)
    for row in before.rows:
        old_by_key[_key(row, columns, translate)].append(row)
    for row in after.rows:
        new_by_key[_key(row, columns, {})].append(row)
    pairs: list[tuple[Key, _Row, _Row]] = []
    removed: list[tuple[Key, _Row]] = []
    added: list[tuple[Key, _Row]] = []
    for key in sorted({*old_by_key, *new_by_key}, key=_order):
        olds, news = old_by_key.get(key, []), new_by_key.get(key, [])
        pairs += [(key, a, b) for a, b in zip(olds, news, strict=False)]
        removed += [(key, a) for a in olds[len(news) :]]
        added += [(key, b) for b in news[len(olds) :]]
    renamed_pairs = _renames(spec, removed, added)
    taken_old = {id(a) for _, a, _ in renamed_pairs}
    taken_new = {id(b) for _, _, b in renamed_pairs}
    removed = [(k, r) for k, r in removed if id(r) not in taken_old]
    added = [(k, r) for k, r in added if id(r) not in taken_new]

    changed = []
    for key, a, b in pairs:
        changes = _changes(spec, before, after, a, b, skip=())
        if changes:
            changed.append(_entry(spec, columns, key, (before, a), (after, b), changes))
    renamed = []
    moved: dict[str, str] = {}
    id_column = columns[0]
    for key, a, b in renamed_pairs:
        changes = _changes(spec, before, after, a, b, skip=(id_column,))
        entry = _entry(spec, columns, key, (before, a), (after, b), changes)
        old_id, new_id = a.values.get(id_column), b.values.get(id_column)
        renamed.append(replace(entry, old_id=old_id, new_id=new_id))
        if old_id is not None and new_id is not None:
            moved[old_id] = new_id
    sheet = SheetDiff(
        spec.name,
        added=_sorted(_entry(spec, columns, k, None, (after, r)) for k, r in added),
        removed=_sorted(_entry(spec, columns, k, (before, r), None) for k, r in removed),
        changed=_sorted(changed),
        renamed=_sorted(renamed),
    )
    return sheet, moved


def _order(key: Key) -> tuple[str, ...]:
    return tuple(v or "" for v in key)


def _sorted(entries: Iterable[Entry]) -> tuple[Entry, ...]:
    """By key, then (rows sharing a key) by row."""
    return tuple(sorted(entries, key=lambda e: (_order(e.key), e.old_row or 0, e.new_row or 0)))


def _changes(
    spec: SheetSpec, before: _Side, after: _Side, a: _Row, b: _Row, skip: tuple[str, ...]
) -> tuple[Change, ...]:
    return tuple(
        Change(
            c.name,
            a.values.get(c.name),
            b.values.get(c.name),
            before.cell(c.name, a.row),
            after.cell(c.name, b.row),
        )
        for c in spec.columns
        if c.name not in skip
        and not _same(spec, c.name, a.values.get(c.name), b.values.get(c.name))
    )


def _entry(
    spec: SheetSpec,
    columns: tuple[str, ...],
    key: Key,
    old: Placed | None,
    new: Placed | None,
    changes: tuple[Change, ...] = (),
) -> Entry:
    """An entry for a row in the old workbook, the new one, or both (named as it is now)."""
    rows = [placed[1] for placed in (old, new) if placed is not None]
    only = rows[0] if len(rows) == 1 else None
    values = (
        tuple((c.name, v) for c in spec.columns if (v := only.values.get(c.name)) is not None)
        if only is not None
        else ()
    )
    marks = {word for row in rows for word in _confidential(spec, row)}
    return Entry(
        key=key,
        label=label(spec.name, rows[-1].values, columns),
        old_row=old[1].row if old is not None else None,
        new_row=new[1].row if new is not None else None,
        old_cell=old[0].anchor(columns, old[1].row) if old is not None else None,
        new_cell=new[0].anchor(columns, new[1].row) if new is not None else None,
        changes=changes,
        values=values,
        confidential=tuple(sorted(marks)),
    )


def _confidential(spec: SheetSpec, row: _Row) -> list[str]:
    return [
        word
        for column, word in CONFIDENTIAL.get(spec.name, ())
        if (row.values.get(column) or "").lower() == YES
    ]


def label(sheet: str, values: Mapping[str, Value], key: tuple[str, ...]) -> str:
    """How a row is named in a report: ``P001 Arman Testbayev``, ``P001 Minister at O001``."""
    parts = LABELS.get(sheet, tuple((c, "") for c in key))
    words = [f"{before}{values[c]}" for c, before in parts if values.get(c)]
    return " ".join(words) or "(a row with no key)"


def _renames(
    spec: SheetSpec, removed: list[tuple[Key, _Row]], added: list[tuple[Key, _Row]]
) -> list[tuple[Key, _Row, _Row]]:
    """(new key, old row, new row) of each removed row that is, one to one, an added row with
    another ID: a shared name key and the same birth date, both present."""
    if spec.name != RENAMED_SHEET or not removed or not added:
        return []
    old_keys = _name_keys([r for _, r in removed])
    new_keys = _name_keys([r for _, r in added])
    by_key: dict[str, set[int]] = defaultdict(set)
    for j, keys in new_keys.items():
        for k in keys:
            by_key[k].add(j)
    candidates: dict[int, set[int]] = {}
    for i, keys in old_keys.items():
        born = removed[i][1].values.get(BIRTH_COLUMN)
        if born is None:
            continue
        found = {j for k in keys for j in by_key.get(k, ())}
        candidates[i] = {j for j in found if added[j][1].values.get(BIRTH_COLUMN) == born}
    claimed: dict[int, int] = defaultdict(int)
    for js in candidates.values():
        for j in js:
            claimed[j] += 1
    pairs = []
    for i, js in sorted(candidates.items()):
        if len(js) != 1:
            continue
        (j,) = js
        if claimed[j] == 1:
            pairs.append((added[j][0], removed[i][1], added[j][1]))
    return pairs


def _name_keys(rows: list[_Row]) -> dict[int, set[str]]:
    """Position in ``rows`` -> the name keys of every name the row carries."""
    labels: list[int] = []
    names: list[str] = []
    for i, row in enumerate(rows):
        for column in NAME_COLUMNS:
            for name in _items(row.values.get(column)):
                labels.append(i)
                names.append(name)
    keys: dict[int, set[str]] = defaultdict(set)
    if not names:
        return keys
    table = key_table(pd.Series(names, index=labels, dtype="object"))
    for i, k in zip(table["label"].tolist(), table["key"].tolist(), strict=True):
        keys[int(i)].add(str(k))
    return keys
