"""docs/workbook.md, generated from schemas/ and the registered rules, so it cannot drift."""

from __future__ import annotations

from pathlib import Path

from sanctions.check.registry import RULES
from sanctions.common.files import write_text
from sanctions.common.places import refuse_file
from sanctions.governments.registry import load as load_governments
from sanctions.workbook.layout import ColumnSpec, Layout, load_layout


def _kind(col: ColumnSpec) -> str:
    kind = col.kind.kind(col)
    if col.multi:
        kind += ", several ;-separated"
    return kind


def _rules(col: ColumnSpec) -> str:
    rules = []
    if col.required:
        rules.append("required")
    if col.unique:
        rules.append("unique")
    if col.references:
        rules.append(f"→ {col.references[0]}.{col.references[1]}")
    if col.latin:
        rules.append("Latin script")
    if col.not_future:
        rules.append("not in the future")
    if col.birth:
        rules.append("plausible birth date")
    if col.sources:
        rules.append(
            f"sources in `{col.sources}`, its words in quotation marks found in their copies"
        )
    return ", ".join(rules)


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def write_reference(out: Path) -> None:
    """docs/workbook.md, or another Markdown file: never over a workbook or in lists/."""
    refuse_file(out, (".md",))
    write_text(out, workbook_reference())


# The sheet an argument's ``sources`` entry names by its singular (``person.impact``).
ARGUMENT_SHEETS = {"person": "persons", "incident": "incidents"}


def _asked_for() -> dict[tuple[str, str], str]:
    """For each column a government's argument reads, which governments ask for it and as
    what: from the government files, so that no description names a government by hand."""
    found: dict[tuple[str, str], list[str]] = {}
    for jurisdiction in load_governments().values():
        for argument in jurisdiction.arguments:
            for source in argument.sources:
                kind, _, column = source.partition(".")
                key = (ARGUMENT_SHEETS.get(kind, kind), column)
                found.setdefault(key, []).append(f"{jurisdiction.name} ({argument.title.lower()})")
    return {key: f" Asked for by: {'; '.join(names)}." for key, names in found.items()}


def workbook_reference(layout: Layout | None = None) -> str:
    layout = layout or load_layout()
    out = [
        "# Workbook reference",
        "",
        "Generated from `schemas/` by `sanctions docs`; do not edit by hand (`make docs` rewrites it).",
        "",
        "Dates are ISO partial dates written as text (`1965`, `1965-06`, `1965-06-15`) or real Excel",
        "date cells. Cells that take several values separate them with `;`. Sheets whose names start",
        "with `_` are ignored.",
        "",
    ]
    for sheet in layout.sheets:
        out += [
            f"## `{sheet.name}`" + (" (optional)" if sheet.optional else ""),
            "",
            sheet.description,
            "",
        ]
        if sheet.date_order:
            out += [f"`{sheet.date_order[1]}` may not be before `{sheet.date_order[0]}`.", ""]
        out += ["| column | kind | rules | description | example |", "|---|---|---|---|---|"]
        asked = _asked_for()
        for col in sheet.columns:
            told = col.description + asked.get((sheet.name, col.name), "")
            out.append(
                f"| `{col.name}` | {_kind(col)} | {_rules(col)} | {_cell(told)} | {_cell(col.example)} |"
            )
        out.append("")
    out += ["## Vocabularies", ""]
    for name, values in layout.vocabularies.items():
        out += [f"### `{name}`", "", "| value | meaning |", "|---|---|"]
        out += [f"| `{v}` | {_cell(d)} |" for v, d in values.items()]
        out.append("")
    out += ["## Finding codes", "", "| code | severity | meaning |", "|---|---|---|"]
    out += [f"| `{r.code}` | {r.severity} | {_cell(r.meaning)} |" for r in RULES]
    out.append("")
    return "\n".join(out)
