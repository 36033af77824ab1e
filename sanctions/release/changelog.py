"""A diff shown three ways: text for a terminal, JSON for scripts (sorted keys, the same bytes
for the same diff), and a Markdown changelog an editor pastes into a release note.

Each line says which row, what changed and where, in both workbooks when the cell moved:
``P001 Arman Testbayev: birth_date "1970-05-01" → "1970-05-02" (persons!I2)``. Rows that are
confidential (evidence or incidents marked so, victims kept confidential) say so on their line,
and a changelog that holds any starts with a warning: a diff is internal.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import asdict
from typing import Any

import orjson

from sanctions.release.diff import Change, Diff, Entry, SheetDiff

ARROW = "→"
EMPTY = "(empty)"
# The kinds of entry, in the order they are shown, with their headings.
SECTIONS = (
    ("added", "Added"),
    ("removed", "Removed"),
    ("changed", "Changed"),
    ("renamed", "Renamed"),
)
NO_CHANGES = "no changes"
INTERNAL = (
    "Internal: this changelog lists confidential material (the rows marked confidential, or "
    "resting on them); "
    "do not publish it."
)
# Characters that would start emphasis, a link, code or HTML in Markdown. An underscore
# inside a word (birth_date) starts nothing and is left as it is.
MARKDOWN_SPECIAL = re.compile(r"([\\`*\[\]<>|#])|(?<!\w)_|_(?!\w)")

Escape = Callable[[str], str]


def _plain(text: str) -> str:
    return text


def escape_markdown(text: str) -> str:
    return MARKDOWN_SPECIAL.sub(lambda m: "\\" + m.group(0), text)


def show(value: str | None) -> str:
    """A value in quotes, on one line; an empty cell as (empty)."""
    if value is None:
        return EMPTY
    return '"' + value.replace("\r", "").replace("\n", "\\n") + '"'


def cells(old: str | None, new: str | None) -> str:
    """``persons!I2`` when the cell stayed put, ``persons!C4 → persons!C5`` when it moved."""
    if old == new or new is None:
        return old or ""
    if old is None:
        return new
    return f"{old} {ARROW} {new}"


def _field(change: Change, esc: Escape) -> str:
    where = cells(change.old_cell, change.new_cell)
    return f"{esc(change.column)} {esc(show(change.old))} {ARROW} {esc(show(change.new))}" + (
        f" ({where})" if where else ""
    )


def _lines(kind: str, entry: Entry, esc: Escape, mark: Callable[[str], str]) -> list[str]:
    """The lines of one entry; a line that starts with a tab belongs under the one before."""
    marks = "".join(f" {mark(word)}" for word in entry.confidential)
    label = esc(entry.label)
    if kind == "changed":
        return [f"{label}: {_field(c, esc)}{marks}" for c in entry.changes]
    if kind == "renamed":
        head = (
            f"{esc(entry.old_id or '')} {ARROW} {label} ({cells(entry.old_cell, entry.new_cell)})"
        )
        return [head + marks] + ["\t" + _field(c, esc) for c in entry.changes]
    where = entry.new_cell if kind == "added" else entry.old_cell
    return [f"{label} ({where}){marks}"]


def counts(diff: Diff) -> dict[str, int]:
    return {kind: sum(len(getattr(sheet, kind)) for sheet in diff.sheets) for kind, _ in SECTIONS}


def summary(diff: Diff) -> str:
    """``1 added, 0 removed, 3 changed, 1 renamed``, or ``no changes``."""
    if diff.empty:
        return NO_CHANGES
    return ", ".join(f"{n} {kind}" for kind, n in counts(diff).items())


def render_text(diff: Diff) -> str:
    lines = [f"{diff.old} {ARROW} {diff.new}"]
    width = max(len(kind) for kind, _ in SECTIONS)
    for sheet in _changed(diff):
        lines.append(sheet.sheet)
        for kind, _ in SECTIONS:
            for entry in getattr(sheet, kind):
                for i, line in enumerate(_lines(kind, entry, _plain, lambda w: f"[{w}]")):
                    first = kind if i == 0 and not line.startswith("\t") else ""
                    lines.append(f"  {first:<{width}}  {line.replace(chr(9), '    ')}")
    lines.append(summary(diff))
    return "\n".join(lines)


def render_markdown(diff: Diff, title: str | None = None, intro: str | None = None) -> str:
    """The changelog: ``# title``, a ``## Sheet`` per changed sheet, ``### Added`` …"""
    lines = [f"# {title or f'Changes from {diff.old} to {diff.new}'}", ""]
    if intro:
        lines += [intro, ""]
    if diff.confidential:
        lines += [f"> **{INTERNAL}**", ""]
    if diff.empty:
        lines += ["No changes.", ""]
    for sheet in _changed(diff):
        lines += [f"## {sheet.sheet.capitalize()}", ""]
        for kind, heading in SECTIONS:
            entries: tuple[Entry, ...] = getattr(sheet, kind)
            if not entries:
                continue
            lines += [f"### {heading}", ""]
            for entry in entries:
                for line in _lines(kind, entry, escape_markdown, lambda w: f"**({w})**"):
                    indent = "  " if line.startswith("\t") else ""
                    lines.append(f"{indent}- {line.lstrip(chr(9))}")
            lines.append("")
    return "\n".join(lines).rstrip("\n") + "\n"


def _changed(diff: Diff) -> list[SheetDiff]:
    return [sheet for sheet in diff.sheets if not sheet.empty]


def to_data(diff: Diff) -> dict[str, Any]:
    """The diff as plain data: every sheet of the layout, each kind a list (empty or not)."""

    def entry(e: Entry) -> dict[str, Any]:
        data = asdict(e)
        data["values"] = dict(e.values)
        return data

    return {
        "old": diff.old,
        "new": diff.new,
        "notes": list(diff.notes),
        "summary": counts(diff),
        "confidential": diff.confidential,
        "sheets": {
            sheet.sheet: {kind: [entry(e) for e in getattr(sheet, kind)] for kind, _ in SECTIONS}
            for sheet in diff.sheets
        },
    }


def render_json(diff: Diff) -> str:
    """Sorted keys, two-space indents: the same diff always gives the same bytes."""
    options = orjson.OPT_SORT_KEYS | orjson.OPT_INDENT_2
    return orjson.dumps(to_data(diff), option=options).decode("utf-8")


RENDERERS: dict[str, Callable[[Diff], str]] = {
    "text": render_text,
    "json": render_json,
    "markdown": render_markdown,
}
