"""Rules that need more than one column or more than one sheet.

They run on the cleaned tables after the per-sheet pass, so a reference is compared without the
stray spaces or invisible characters already reported there.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

import pandas as pd

from sanctions.check.codes import finding
from sanctions.check.findings import Finding, cell_ref
from sanctions.check.values import isin, split_multi
from sanctions.common import dates
from sanctions.workbook.layout import Layout
from sanctions.workbook.reader import Table, row_number, text_or_none

REQUIRED_SUBMITTER_KEYS = ("organisation", "contact_person", "email")


@dataclass
class Sheets:
    """The cleaned tables of one workbook, with what is needed to point at their cells."""

    file: str
    layout: Layout
    tables: dict[str, Table]
    frames: dict[str, pd.DataFrame]

    def finding(
        self, code: str, sheet: str, column: str, row: int, value: object, message: str
    ) -> Finding:
        table = self.tables[sheet]
        index = table.columns.get(column)
        cell = cell_ref(index, row) if index is not None else None
        return finding(
            code,
            self.file,
            table.sheet,
            message,
            cell=cell,
            row=row,
            column=column,
            value=text_or_none(value),
        )

    def ids(self, sheet: str, column: str) -> pd.Series:
        """The distinct values of one column, for vectorised ``isin`` tests."""
        return pd.Series(self.frames[sheet][column].dropna().unique(), dtype="str")


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


def _article(word: str) -> str:
    return "an" if word[:1].lower() in "aeiou" else "a"


def references(sheets: Sheets) -> Iterator[Finding]:
    for sheet in sheets.layout.sheets:
        frame = sheets.frames[sheet.name]
        for col in sheet.columns:
            if col.references is None:
                continue
            target, target_col = col.references
            known = sheets.ids(target, target_col)
            entity = sheets.layout.sheet(target).entity
            values = frame[col.name].dropna()
            items = split_multi(values) if col.multi else values
            bad = items[~isin(items, known)]
            named = _ids_by_label(sheets, target, target_col) if len(bad) else {}
            for row, item in bad.items():
                ident = named.get(str(item).casefold())
                suggestion = f"; did you mean {ident} (the row named '{item}')?" if ident else ""
                yield sheets.finding(
                    f"ref.unknown_{entity}",
                    sheet.name,
                    col.name,
                    row_number(row),
                    frame.at[row, col.name],
                    f"{col.name} '{item}' is not {_article(target_col)} {target_col} on the "
                    f"{target} sheet{suggestion}",
                )


def org_parents(sheets: Sheets) -> Iterator[Finding]:
    orgs = sheets.frames["organizations"][["org_id", "parent_org_id"]].dropna()
    parent = dict(zip(orgs["org_id"], orgs["parent_org_id"], strict=True))
    row_of = {oid: row_number(row) for row, oid in orgs["org_id"].items()}
    reported: set[str] = set()
    for oid in sorted(parent):
        if parent[oid] == oid:
            reported.add(oid)
            yield sheets.finding(
                "ref.self",
                "organizations",
                "parent_org_id",
                row_of[oid],
                oid,
                f"parent_org_id '{oid}' is the organisation itself",
            )
            continue
        path = [oid]
        node = parent.get(oid)
        while node is not None and node not in path and node in parent:
            path.append(node)
            node = parent.get(node)
        if node == oid and oid not in reported:
            loop = " → ".join([*path, oid])
            for member in path:
                reported.add(member)
                yield sheets.finding(
                    "ref.org_cycle",
                    "organizations",
                    "parent_org_id",
                    row_of[member],
                    parent[member],
                    f"parent_org_id '{parent[member]}' makes a loop: {loop}",
                )


def date_order(sheets: Sheets) -> Iterator[Finding]:
    for sheet in sheets.layout.sheets:
        if sheet.date_order is None:
            continue
        start_col, end_col = sheet.date_order
        frame = sheets.frames[sheet.name][[start_col, end_col]].dropna()
        if frame.empty:
            continue
        start, end = frame[start_col], frame[end_col]
        valid = dates.is_valid(start) & dates.is_valid(end)
        start, end = start[valid], end[valid]
        wrong = dates.latest(end) < dates.earliest(start)
        for row in wrong[wrong].index:
            yield sheets.finding(
                "date.order",
                sheet.name,
                end_col,
                row_number(row),
                end[row],
                f"{end_col} '{end[row]}' is before {start_col} '{start[row]}'",
            )


def persons_linked(sheets: Sheets) -> Iterator[Finding]:
    persons = sheets.frames["persons"]
    active = persons[persons["status"].fillna("") != "withdrawn"]
    ids = active["person_id"].dropna()
    for sheet, code in (
        ("positions", "person.no_position"),
        ("involvement", "person.no_involvement"),
    ):
        for row, pid in ids[~isin(ids, sheets.ids(sheet, "person_id"))].items():
            yield sheets.finding(
                code,
                "persons",
                "person_id",
                row_number(row),
                pid,
                f"person '{pid}' has no row on the {sheet} sheet",
            )
    for column, code, what in (
        ("birth_date", "person.no_birth_date", "a birth date"),
        ("nationality", "person.no_nationality", "a nationality"),
    ):
        for row in active.index[active[column].isna() & active["person_id"].notna()]:
            pid = text_or_none(active.at[row, "person_id"])
            yield sheets.finding(
                code,
                "persons",
                column,
                row_number(row),
                None,
                f"person '{pid}' has no {column}; add {what} if a source gives one",
            )


def relations(sheets: Sheets) -> Iterator[Finding]:
    frame = sheets.frames["relations"]
    lonely = (
        frame["person_id"].notna()
        & frame["related_person_id"].isna()
        & frame["related_name"].isna()
    )
    for row in frame.index[lonely]:
        yield sheets.finding(
            "relation.no_target",
            "relations",
            "related_person_id",
            row_number(row),
            None,
            "give either related_person_id or related_name",
        )
    same = frame["person_id"].notna() & (frame["person_id"] == frame["related_person_id"])
    for row in frame.index[same.fillna(False).astype(bool)]:
        yield sheets.finding(
            "ref.self",
            "relations",
            "related_person_id",
            row_number(row),
            frame.at[row, "related_person_id"],
            "related_person_id is the person themself",
        )


def _citations(sheets: Sheets, sheet: str) -> pd.Series:
    """Every evidence_id a sheet cites, one per item, indexed by the citing row."""
    return split_multi(sheets.frames[sheet]["evidence_ids"])


def evidence_use(sheets: Sheets) -> Iterator[Finding]:
    evidence = sheets.frames["evidence"]
    citing = [s.name for s in sheets.layout.sheets if "evidence_ids" in s.column_index]
    cited = pd.concat(
        [_citations(sheets, name) for name in citing] + [evidence["known_through"].dropna()]
    )
    ids = evidence["evidence_id"].dropna()
    for row, eid in ids[~isin(ids, cited)].items():
        yield sheets.finding(
            "evidence.uncited",
            "evidence",
            "evidence_id",
            row_number(row),
            eid,
            f"evidence '{eid}' is not cited by any row",
        )
    confidential = evidence.loc[
        evidence["confidential"].fillna("") == "yes", "evidence_id"
    ].dropna()
    if confidential.empty:
        return
    parts = []
    for name in ("positions", "involvement", "relations"):
        items = _citations(sheets, name)
        owners = sheets.frames[name]["person_id"].reindex(items.index)
        parts.append(
            pd.DataFrame(
                {"person_id": owners.to_numpy(), "secret": isin(items, confidential).to_numpy()}
            )
        )
    cited_by = pd.concat(parts).dropna(subset=["person_id"])
    only_secret = cited_by.groupby("person_id")["secret"].all()
    persons = sheets.frames["persons"]
    for row, pid in persons["person_id"].dropna().items():
        if only_secret.get(pid, False):
            eids = sorted(set(_citations_of(sheets, str(pid))))
            yield sheets.finding(
                "person.confidential_evidence_only",
                "persons",
                "person_id",
                row_number(row),
                pid,
                f"person '{pid}' rests only on confidential evidence ({', '.join(eids)}): "
                "nothing public can support the listing",
            )


def _citations_of(sheets: Sheets, pid: str) -> list[str]:
    out: list[str] = []
    for name in ("positions", "involvement", "relations"):
        frame = sheets.frames[name]
        out += [str(e) for e in split_multi(frame.loc[frame["person_id"] == pid, "evidence_ids"])]
    return out


def submitter(sheets: Sheets) -> Iterator[Finding]:
    frame = sheets.frames["submitter"]
    given = set(frame.loc[frame["value"].notna(), "key"].dropna())
    missing = [k for k in REQUIRED_SUBMITTER_KEYS if k not in given]
    if missing:
        table = sheets.tables["submitter"]
        yield finding(
            "submitter.missing",
            sheets.file,
            table.sheet,
            f"the submitter sheet has no {', '.join(missing)}: the exports' cover letters need them",
            column="key",
        )


# Steps that answer or undo a submission: each needs one to the same government before it.
AFTER_SUBMISSION = ("acknowledged", "designated", "rejected", "withdrawn")


def submission_order(sheets: Sheets) -> Iterator[Finding]:
    """Nothing designated (acknowledged, rejected, withdrawn) before it was submitted; and no
    step but a planned one in the future."""
    frame = sheets.frames["submissions"]
    if frame.empty:
        return
    steps = frame.dropna(subset=["person_id", "jurisdiction", "status"])
    dated = steps["date"].where(dates.is_valid(steps["date"].fillna("")), None)
    # The first day each target may have been submitted to each government; "" when a
    # submission is recorded without a (valid) date, which then orders nothing.
    days: dict[tuple[str, str], list[str]] = {}
    for row in steps.index[steps["status"] == "submitted"]:
        key = (str(steps.at[row, "person_id"]), str(steps.at[row, "jurisdiction"]))
        when = text_or_none(dated[row])
        days.setdefault(key, []).append(dates.first_day(when) if when else "")
    first = {key: "" if "" in found else min(found) for key, found in days.items()}
    for row in steps.index[steps["status"].isin(AFTER_SUBMISSION)]:
        pid, code = str(steps.at[row, "person_id"]), str(steps.at[row, "jurisdiction"])
        status, when = str(steps.at[row, "status"]), text_or_none(dated[row])
        since = first.get((pid, code))
        if since is None:
            yield sheets.finding(
                "submission.order",
                "submissions",
                "status",
                row_number(row),
                status,
                f"'{status}' for {pid} by {code}, but no row says {pid} was submitted to {code}: "
                "add the submission (status submitted, with its date)",
            )
        elif when is not None and since and dates.last_day(when) < since:
            yield sheets.finding(
                "submission.order",
                "submissions",
                "date",
                row_number(row),
                when,
                f"'{status}' on {when} is before {pid} was first submitted to {code} "
                f"({since}): check both dates",
            )
    today = dates.today().isoformat()
    for row in steps.index[(steps["status"] != "planned") & dated.notna()]:
        when = str(dated[row])
        if dates.first_day(when) > today:
            yield sheets.finding(
                "date.future",
                "submissions",
                "date",
                row_number(row),
                when,
                f"'{text_or_none(steps.at[row, 'status'])}' on {when} is in the future; only a "
                "planned step "
                "can be",
            )


# Run in this order by validate, after the per-sheet pass.
LINK_RULES = (
    references,
    org_parents,
    date_order,
    persons_linked,
    relations,
    evidence_use,
    submitter,
    submission_order,
)
