"""Rules on the IDs that tie the sheets together: every reference names a row that exists, no
row points at itself, and organisations do not form a loop of parents.

They run on the cleaned sheets, so a reference is compared without the stray spaces or
invisible characters the cell rules already reported.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Callable, Iterator

import pandas as pd

from sanctions.rules.finding import Finding, cell_ref
from sanctions.workbook.columns.values import isin, items, split_multi
from sanctions.workbook.layout import load_layout
from sanctions.workbook.reader import row_number
from sanctions.workbook.sheets import Sheets, SheetsRule

# Columns that name a row, for suggesting the ID of the row an editor typed the name of.
LABELS = ("name", "title", "name_original")


def _ids_by_label(sheets: Sheets, target: str, key: str) -> dict[str, str]:
    """Each row's name or title (case-folded) and its ID, first row first."""
    frame = sheets.frames[target]
    out: dict[str, str] = {}
    for label in LABELS:
        if label not in frame or key not in frame:
            continue
        pairs = frame[[key, label]].dropna()
        for ident, text in zip(pairs[key], pairs[label], strict=True):
            out.setdefault(str(text).casefold(), str(ident))
    return out


def _suggestion(
    item: str, named: dict[str, str], known: pd.Series, repeated: list[tuple[str, str]]
) -> str:
    """What the editor probably meant: a row that repeats another's ID (typed for this one),
    else the ID of the row named so, else the nearest IDs (``E4`` is E004, ``E099`` may be
    E009)."""
    if repeated:
        where = " or ".join(f"{cell} (a second '{ident}')" for cell, ident in repeated)
        return f"; is {where} meant to be {item}?"
    ident = named.get(item.casefold())
    if ident:
        return f"; did you mean {ident} (the row named '{item}')?"
    near = _nearest_ids(item, known.tolist())
    return f"; did you mean {' or '.join(near)}?" if near else ""


def _nearest_ids(item: str, known: list[str]) -> list[str]:
    """IDs equal to ``item`` but for leading zeros or case, else those a typo away."""
    shape = re.fullmatch(r"([A-Za-z]*)0*(\d+)", item.strip())
    if shape:
        same = [
            k
            for k in known
            if (m := re.fullmatch(r"([A-Za-z]*)0*(\d+)", k))
            and m.group(1).casefold() == shape.group(1).casefold()
            and m.group(2) == shape.group(2)
        ]
        if same:
            return same[:1]
    return difflib.get_close_matches(item, known, n=2, cutoff=0.75)


def _repeated(sheets: Sheets, target: str, key: str) -> list[tuple[str, str]]:
    """The cells of ``target`` that repeat an ID of an earlier row, with that ID."""
    frame = sheets.frames[target]
    if key not in frame:
        return []
    ids = frame[key].dropna()
    twice = ids[ids.duplicated()]
    table = sheets.tables[target].columns.get(key)
    return [
        (f"{target}!{cell_ref(table, row_number(row))}" if table is not None else target, str(i))
        for row, i in twice.iloc[:3].items()
    ]


def _article(word: str) -> str:
    return "an" if word[:1].lower() in "aeiou" else "a"


def _unknown(entity: str) -> Callable[[Sheets], Iterator[Finding]]:
    """The check of references to the sheet of one kind of row (persons, organisations …)."""

    def check(sheets: Sheets) -> Iterator[Finding]:
        rule = UNKNOWN[entity]
        for sheet in sheets.layout.sheets:
            frame = sheets.frames[sheet.name]
            for col in sheet.columns:
                if col.references is None:
                    continue
                target, target_col = col.references
                if sheets.layout.sheet(target).entity != entity:
                    continue
                known = sheets.ids(target, target_col)
                values = frame[col.name].dropna()
                found = split_multi(values) if col.multi else values
                bad = found[~isin(found, known)]
                named = _ids_by_label(sheets, target, target_col) if len(bad) else {}
                repeated = _repeated(sheets, target, target_col) if len(bad) else []
                for row, item in bad.items():
                    yield sheets.finding(
                        rule,
                        sheet.name,
                        col.name,
                        row_number(row),
                        frame.at[row, col.name],
                        header=col.name,
                        item=item,
                        article=_article(target_col),
                        key=target_col,
                        target=target,
                        suggestion=_suggestion(str(item), named, known, repeated),
                    )

    return check


def _parents(sheets: Sheets) -> tuple[dict[str, str], dict[str, int]]:
    orgs = sheets.frames["organizations"][["org_id", "parent_org_id"]].dropna()
    parent = dict(zip(orgs["org_id"], orgs["parent_org_id"], strict=True))
    return parent, {oid: row_number(row) for row, oid in orgs["org_id"].items()}


def _self_references(sheets: Sheets) -> Iterator[Finding]:
    parent, row_of = _parents(sheets)
    for oid in sorted(parent):
        if parent[oid] == oid:
            yield sheets.finding(
                SELF,
                "organizations",
                "parent_org_id",
                row_of[oid],
                oid,
                header="parent_org_id",
                target=oid,
                itself="the organisation itself",
            )
    frame = sheets.frames["relations"]
    same = frame["person_id"].notna() & (frame["person_id"] == frame["related_person_id"])
    for row in frame.index[same.fillna(False).astype(bool)]:
        yield sheets.finding(
            SELF,
            "relations",
            "related_person_id",
            row_number(row),
            frame.at[row, "related_person_id"],
            header="related_person_id",
            target=frame.at[row, "related_person_id"],
            itself="the person themself",
        )


def _org_cycles(sheets: Sheets) -> Iterator[Finding]:
    parent, row_of = _parents(sheets)
    reported: set[str] = {oid for oid, up in parent.items() if up == oid}
    for oid in sorted(parent):
        if oid in reported:
            continue
        path = [oid]
        node = parent.get(oid)
        while node is not None and node not in path and node in parent:
            path.append(node)
            node = parent.get(node)
        if node == oid:
            loop = " → ".join([*path, oid])
            for member in path:
                reported.add(member)
                yield sheets.finding(
                    ORG_CYCLE,
                    "organizations",
                    "parent_org_id",
                    row_of[member],
                    parent[member],
                    parent=parent[member],
                    loop=loop,
                )


def _relation_targets(sheets: Sheets) -> Iterator[Finding]:
    frame = sheets.frames["relations"]
    lonely = (
        frame["person_id"].notna()
        & frame["related_person_id"].isna()
        & frame["related_name"].isna()
    )
    for row in frame.index[lonely]:
        yield sheets.finding(
            RELATION_NO_TARGET, "relations", "related_person_id", row_number(row), None
        )


def _parts_outside(sheets: Sheets) -> Iterator[Finding]:
    """An act said to be part of a violation its incident does not have."""
    frame = sheets.frames["involvement"]
    if "part_in" not in frame:
        return
    typed = frame.loc[frame["part_in"].notna()]
    if typed.empty:
        return
    incidents = sheets.frames["incidents"]
    vocabulary = frozenset(load_layout().vocabularies["violation_type"])
    # an incident whose own violation types are mistyped or missing is told at its cell: no
    # part_in is judged against it, nor a value that is no violation type at all (vocab.invalid)
    kinds = {
        str(ident): found
        for ident, value in zip(incidents["incident_id"], incidents["violation_types"], strict=True)
        if (found := items(value)) and set(found) <= vocabulary
    }
    for label, incident, value in zip(
        typed.index, typed["incident_id"], typed["part_in"], strict=True
    ):
        known = kinds.get(str(incident))
        if known is None:  # an unknown incident, or one mistyped: said at its own cell
            continue
        for kind in items(value):
            if kind in vocabulary and kind not in known:
                yield sheets.finding(
                    PART_OUTSIDE, "involvement", "part_in", row_number(label), value,
                    kind=kind, incident=incident, kinds="; ".join(known),
                )  # fmt: skip


def _unknown_rule(entity: str, meaning: str) -> SheetsRule:
    return SheetsRule(
        f"ref.unknown_{entity}",
        "error",
        meaning,
        "{header} '{item}' is not {article} {key} on the {target} sheet{suggestion}",
        check=_unknown(entity),
    )


UNKNOWN: dict[str, SheetsRule] = {
    "person": _unknown_rule("person", "A person_id that is not on the persons sheet."),
    "org": _unknown_rule("org", "An org_id that is not on the organizations sheet."),
    "incident": _unknown_rule("incident", "An incident_id that is not on the incidents sheet."),
    "evidence": _unknown_rule("evidence", "An evidence_id that is not on the evidence sheet."),
}
ORG_CYCLE = SheetsRule(
    "ref.org_cycle",
    "error",
    "Organisations whose parents form a loop.",
    "parent_org_id '{parent}' makes a loop: {loop}",
    check=_org_cycles,
)
SELF = SheetsRule(
    "ref.self",
    "error",
    "A row that points at itself (an organisation its own parent, a person their own relative).",
    "{header} '{target}' is {itself}",
    check=_self_references,
)
RELATION_NO_TARGET = SheetsRule(
    "relation.no_target",
    "error",
    "A relation with neither related_person_id nor related_name.",
    "give either related_person_id or related_name",
    check=_relation_targets,
)

PART_OUTSIDE = SheetsRule(
    "ref.part_outside",
    "error",
    "An act said to be part of a violation (part_in) that its incident's violation_types do "
    "not have.",
    "part_in '{kind}' is not one of the violation types of incident {incident} ({kinds}): "
    "name only those of the incident the act is part of, or add it to the incident's "
    "violation_types if the sources show the incident involved it",
    check=_parts_outside,
)

RULES = (*UNKNOWN.values(), ORG_CYCLE, SELF, RELATION_NO_TARGET, PART_OUTSIDE)
