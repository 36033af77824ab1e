"""Find formula cells, error cells (``#REF!``, ``#N/A`` …) and hidden rows and columns in a
workbook's sheet XML.

calamine returns the cached result of a formula and an empty string for an error cell, so
neither is visible in its output. A byte-level scan of each sheet's XML finds both without a
second, slow parse: formulas and errors are rare, so only their few matches are inspected.
"""

from __future__ import annotations

import posixpath
import re
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

from defusedxml import ElementTree

NS_MAIN = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
NS_REL = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
NS_PKG_REL = "{http://schemas.openxmlformats.org/package/2006/relationships}"

# Literal markers of a formula (<f …>, or <x:f …> with a namespace prefix) or an error cell.
# bytes.find on them runs at memory speed; the few hits are then checked with the regexes.
MARKERS = (b"<f", b":f", b' t="e"')
CELL_START = re.compile(rb'<(?:\w+:)?c\s[^>]*?\br="([A-Z]+)(\d+)"([^>]*)>')
ERROR_VALUE = re.compile(rb"<(?:\w+:)?v>([^<]*)</(?:\w+:)?v>")
CELL_END = re.compile(rb"</(?:\w+:)?c>")
FORMULA = re.compile(rb"<(?:\w+:)?f[\s>/]")


HIDDEN_MARKERS = (b'hidden="1"', b'hidden="true"')
TAG = re.compile(rb"<(?:\w+:)?(row|col)\s[^>]*>")
ATTRIBUTE = re.compile(rb'\b(r|min|max)="(\d+)"')


MERGED = re.compile(rb'<(?:\w+:)?mergeCell\s[^>]*?\bref="([A-Z]+)(\d+)(?::([A-Z]+)(\d+))?"')


@dataclass
class Hidden:
    """What reading a sheet's cell values does not show: its hidden rows (Excel numbers) and
    columns (1-based numbers), and its merged ranges (A1-style, ``K10:K11``), of which only
    the first cell holds a value while Excel shows it across the range."""

    rows: set[int]
    columns: set[int]
    merged: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class SpecialCell:
    column: str
    row: int
    error: str | None  # the error value, e.g. "#REF!", or None for a formula with a result
    formula: bool


def sheet_parts(archive: zipfile.ZipFile) -> dict[str, str]:
    """Map each sheet name to its XML part inside the zip."""
    workbook = ElementTree.fromstring(archive.read("xl/workbook.xml"))
    rels = ElementTree.fromstring(archive.read("xl/_rels/workbook.xml.rels"))
    targets = {r.get("Id"): r.get("Target", "") for r in rels.iter(f"{NS_PKG_REL}Relationship")}
    parts: dict[str, str] = {}
    for sheet in workbook.iter(f"{NS_MAIN}sheet"):
        target = targets.get(sheet.get(f"{NS_REL}id"), "")
        if target.startswith("/"):
            part = target.lstrip("/")
        else:
            part = posixpath.normpath(posixpath.join("xl", target))
        parts[sheet.get("name", "")] = part
    return parts


def scan(path: Path) -> tuple[dict[str, list[SpecialCell]], dict[str, Hidden]]:
    """Formula and error cells, and hidden rows and columns, per sheet name."""
    found: dict[str, list[SpecialCell]] = {}
    hidden: dict[str, Hidden] = {}
    with zipfile.ZipFile(path) as archive:
        for sheet, part in sheet_parts(archive).items():
            try:
                data = archive.read(part)
            except KeyError:
                continue
            cells = _scan_part(data)
            if cells:
                found[sheet] = cells
            parts = _hidden(data)
            parts.merged = _merged(data)
            if parts.rows or parts.columns or parts.merged:
                hidden[sheet] = parts
    return found, hidden


def _hidden(data: bytes) -> Hidden:
    """Rows and columns marked hidden; found by ``bytes.find``, as they are rare."""
    out = Hidden(set(), set())
    for marker in HIDDEN_MARKERS:
        at = data.find(marker)
        while at >= 0:
            start = data.rfind(b"<", 0, at)
            tag = TAG.match(data, start) if start >= 0 else None
            if tag is not None and tag.end() > at:
                numbers = {k.decode(): int(v) for k, v in ATTRIBUTE.findall(tag.group(0))}
                if tag.group(1) == b"row" and "r" in numbers:
                    out.rows.add(numbers["r"])
                elif tag.group(1) == b"col" and "min" in numbers:
                    low = numbers["min"]
                    out.columns.update(range(low, min(numbers.get("max", low), 16384) + 1))
            at = data.find(marker, at + 1)
    return out


def _merged(data: bytes) -> list[str]:
    """The merged ranges, listed after the sheet's data (``<mergeCells>``)."""
    at = data.rfind(b"</sheetData")
    at = data.find(b"mergeCell", max(at, 0))
    if at < 0:
        return []
    return [
        f"{a.decode()}{b.decode()}:{c.decode()}{d.decode()}" if c else f"{a.decode()}{b.decode()}"
        for a, b, c, d in MERGED.findall(data, max(at - 64, 0))
    ]


def _scan_part(data: bytes) -> list[SpecialCell]:
    cells: dict[tuple[str, int], SpecialCell] = {}
    start = max(data.find(b"<sheetData"), 0)
    end = data.rfind(b"</sheetData")
    end = end if end > 0 else len(data)
    for at in sorted(_marker_positions(data, start, end)):
        window_start = max(start, at - 4096)
        tag_end = data.find(b">", at) + 1
        heads = list(CELL_START.finditer(data, window_start, max(tag_end, at + 1)))
        if not heads:
            continue
        head = heads[-1]
        column, row = head.group(1).decode(), int(head.group(2))
        if (column, row) in cells:
            continue
        close = CELL_END.search(data, head.end())
        body = data[head.end() : close.start() if close else len(data)]
        error = None
        if b't="e"' in head.group(0):
            value = ERROR_VALUE.search(body)
            error = value.group(1).decode("utf-8", "replace") if value else "#ERROR"
        has_formula = FORMULA.search(body) is not None
        if error is not None or has_formula:
            cells[(column, row)] = SpecialCell(column, row, error, has_formula)
    return list(cells.values())


def _marker_positions(data: bytes, start: int, end: int) -> set[int]:
    found: set[int] = set()
    prefixed = data.find(b"<sheetData") != data.find(b"sheetData") - 1  # e.g. <x:sheetData>
    for marker in MARKERS if prefixed else (MARKERS[0], MARKERS[2]):
        at = data.find(marker, start, end)
        while at >= 0:
            found.add(at)
            at = data.find(marker, at + 1, end)
    return found
