"""The rules checked cell by cell, run as pandera schemas built from each sheet's column types.

Two schemas run per sheet. One checks the cleaned values (types, vocabularies, formats); the
other checks the raw text the editor typed (stray spaces, invisible characters, look-alike
letters). Every pandera check carries its rule's code as its ``error``, so a failure maps
straight back to the rule, which words the finding.
"""

from __future__ import annotations

import re
from functools import cache
from typing import TYPE_CHECKING

import pandas as pd

from sanctions.rules.finding import Finding, cell_ref
from sanctions.workbook.columns.base import ID_DUPLICATE, VALUE_MISSING, cell_rules
from sanctions.workbook.columns.cellrule import CellRule
from sanctions.workbook.columns.hygiene import any_suspect
from sanctions.workbook.columns.values import per_item
from sanctions.workbook.layout import ColumnSpec, Layout, SheetSpec
from sanctions.workbook.reader import Table, row_number, text_or_none

if TYPE_CHECKING:
    import pandera.pandas as pa

# pandera's name for an empty required cell
NOT_NULLABLE = "not_nullable"


def _check(rule: CellRule, col: ColumnSpec, layout: Layout) -> pa.Check:
    import pandera.pandas as pa

    assert rule.test is not None
    test = rule.test(col, layout)
    return pa.Check(per_item(test) if col.multi and rule.per_item else test, error=rule.code)


@cache
def schemas(
    sheet: SheetSpec, layout: Layout, present: frozenset[str]
) -> tuple[pa.DataFrameSchema, pa.DataFrameSchema]:
    # pandera is imported where the schemas are first built, not at the command's start: a
    # validation runs this job beside others on the second core, so its import (a fifth of a
    # second) is no longer paid before the cores can share the work.
    import pandera.pandas as pa

    cols = [c for c in sheet.columns if c.name in present]
    clean = pa.DataFrameSchema(
        {
            c.name: pa.Column(
                None,
                [_check(rule, c, layout) for rule in cell_rules(c)],
                nullable=not c.required,
                required=False,
            )
            for c in cols
        },
        name=sheet.name,
    )
    raw = pa.DataFrameSchema(
        {
            c.name: pa.Column(
                None,
                [_check(rule, c, layout) for rule in c.kind.hygiene(c)],
                nullable=True,
                required=False,
            )
            for c in cols
        },
        name=f"{sheet.name} (raw text)",
    )
    return clean, raw


@cache
def _rules(sheet: SheetSpec) -> dict[tuple[str, str], CellRule]:
    """(column, code) -> the rule that checks it: a failure is worded by its own rule."""
    return {
        (col.name, rule.code): rule
        for col in sheet.columns
        for rule in (*cell_rules(col), *col.kind.hygiene(col))
    }


def check_sheet(
    file: str, sheet: SheetSpec, layout: Layout, table: Table, clean: pd.DataFrame
) -> list[Finding]:
    # A column no rule can fail is left out: an empty optional column (rules skip empty
    # cells), and for the raw text a column with nothing suspect in it.
    headed = [c for c in sheet.columns if c.name in table.columns]
    filled = frozenset(c.name for c in headed if c.required or clean[c.name].notna().any())
    suspect = frozenset(c.name for c in headed if any_suspect(table.frame[c.name]))
    from pandera.errors import SchemaErrors

    clean_schema, _ = schemas(sheet, layout, filled)
    _, raw_schema = schemas(sheet, layout, suspect)
    findings: list[Finding] = []
    for schema, frame, present in (
        (clean_schema, clean, filled),
        (raw_schema, table.frame, suspect),
    ):
        if not present:
            continue
        try:
            schema.validate(frame[sorted(present)], lazy=True)
        except SchemaErrors as exc:
            findings.extend(_to_findings(file, sheet, layout, table, frame, exc.failure_cases))
    return findings


def _to_findings(
    file: str,
    sheet: SheetSpec,
    layout: Layout,
    table: Table,
    frame: pd.DataFrame,
    cases: pd.DataFrame,
) -> list[Finding]:
    out: list[Finding] = []
    seen: set[tuple[str, int, str]] = set()
    first_rows: dict[str, dict[str, int]] = {}
    for case in cases.to_dict("records"):
        column, check, label = str(case["column"]), str(case["check"]), case["index"]
        if text_or_none(label) is None or column not in table.columns:
            continue
        rule = VALUE_MISSING if check == NOT_NULLABLE else _rules(sheet).get((column, check))
        if rule is None:
            # A check crashed or pandera added one of its own: a bug here, not the editor's.
            raise RuntimeError(
                f"{table.sheet}.{column} row {label}: {check}: {case['failure_case']}"
            )
        row = row_number(label)
        key = (column, row, rule.code)
        if key in seen:
            continue
        seen.add(key)
        value = text_or_none(frame.at[row, column])
        col = sheet.column(column)
        message = rule.describe(col, value, layout)
        if rule is ID_DUPLICATE:
            if column not in first_rows:
                firsts = frame[column].dropna().drop_duplicates()
                first_rows[column] = {str(v): row_number(r) for r, v in firsts.items()}
            message += f" (first on row {first_rows[column].get(value or '', row)})"
            free = _free_id(value or "", set(first_rows[column]))
            if free:
                message += f"; if this row is another one, give it its own ID, such as {free}"
        cell = cell_ref(table.columns[column], row)
        out.append(
            rule.finding(
                file, table.sheet, cell=cell, row=row, column=column, value=value, message=message
            )
        )
    return out


def _free_id(value: str, used: set[str]) -> str | None:
    """The first ID after the highest of ``value``'s kind that no row has (P008 after P007)."""
    shape = re.fullmatch(r"([A-Za-z]*)(\d+)", value)
    if shape is None:
        return None
    prefix, digits = shape.groups()
    numbers = [
        int(m.group(2))
        for u in used
        if (m := re.fullmatch(r"([A-Za-z]*)(\d+)", u)) and m.group(1) == prefix
    ]
    return f"{prefix}{max(numbers, default=0) + 1:0{len(digits)}d}"
