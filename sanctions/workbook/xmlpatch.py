"""A copy of a workbook with some cells set, and everything else kept byte for byte.

Loading a workbook with openpyxl and saving it drops what openpyxl does not model: pictures,
shapes, charts' formatting, form controls, slicers. A command that hands the editor a copy "to
use in place of" their workbook must keep all of it, so only the one sheet's XML is rewritten:
each cell set is written as an inline string (no shared-strings table to renumber) keeping its
style, and every other part of the file is copied as it is, with its own timestamp, so that
the same workbook gives the same bytes.
"""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

from lxml import etree

from sanctions.rules.finding import column_number
from sanctions.workbook.gate import NOT_STRICT_XML, UnreadableWorkbook
from sanctions.workbook.xmlscan import sheet_parts

MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
_REF = re.compile(r"([A-Z]+)(\d+)")


def column_letter(index: int) -> str:
    """``1`` -> ``A``, ``27`` -> ``AA``."""
    letters = ""
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def set_cells(workbook: Path, out: Path, sheet: str, values: dict[tuple[int, int], str]) -> None:
    """Write to ``out`` a copy of ``workbook`` whose sheet ``sheet`` has each (row, column) of
    ``values`` (1-based, as Excel numbers them) set to its text."""
    with zipfile.ZipFile(workbook) as source:
        part = sheet_parts(source)[sheet]
        with zipfile.ZipFile(out, "w") as target:
            for info in source.infolist():
                data = source.read(info)
                if info.filename == part and values:
                    try:
                        data = _patched(data, values)
                    except etree.XMLSyntaxError as exc:
                        message = NOT_STRICT_XML.format(error=exc)
                        raise UnreadableWorkbook(f"{workbook} {message}") from exc
                target.writestr(info, data, compress_type=info.compress_type)


def _patched(data: bytes, values: dict[tuple[int, int], str]) -> bytes:
    parser = etree.XMLParser(resolve_entities=False, no_network=True, remove_blank_text=False)
    root = etree.fromstring(data, parser)
    data_el = root.find(f"{{{MAIN}}}sheetData")
    if data_el is None:
        data_el = etree.SubElement(root, f"{{{MAIN}}}sheetData")
    rows = {int(r.get("r") or 0): r for r in data_el.findall(f"{{{MAIN}}}row") if r.get("r")}
    for (row, column), text in sorted(values.items()):
        row_el = rows.get(row)
        if row_el is None:
            row_el = _insert_row(data_el, row)
            rows[row] = row_el
        _set(row_el, row, column, text)
    _widen_dimension(root, values)
    return bytes(etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True))


def _widen_dimension(root: etree._Element, values: dict[tuple[int, int], str]) -> None:
    """The sheet's ``<dimension ref="A1:P30">`` widened to the cells set: readers that trust it
    (openpyxl's read-only mode) read no cell outside it, so a column added past it is lost."""
    dimension = root.find(f"{{{MAIN}}}dimension")
    if dimension is None or not values:
        return
    corners = [_REF.fullmatch(c) for c in (dimension.get("ref") or "").split(":")]
    found = [(int(m.group(2)), column_number(m.group(1))) for m in corners if m]
    found += list(values)
    rows, columns = [r for r, _ in found], [c for _, c in found]
    first = f"{column_letter(min(columns))}{min(rows)}"
    last = f"{column_letter(max(columns))}{max(rows)}"
    dimension.set("ref", first if first == last else f"{first}:{last}")


def _insert_row(data_el: etree._Element, row: int) -> etree._Element:
    new = etree.Element(f"{{{MAIN}}}row", r=str(row))
    for k, existing in enumerate(data_el):
        if int(existing.get("r", "0")) > row:
            data_el.insert(k, new)
            return new
    data_el.append(new)
    return new


def _set(row_el: etree._Element, row: int, column: int, text: str) -> None:
    ref = f"{column_letter(column)}{row}"
    cell = None
    at = len(row_el)
    for k, existing in enumerate(row_el):
        found = _REF.fullmatch(existing.get("r", ""))
        number = column_number(found.group(1)) if found else 0
        if number == column:
            cell = existing
            break
        if number > column:
            at = k
            break
    if cell is None:
        cell = etree.Element(f"{{{MAIN}}}c", r=ref)
        row_el.insert(at, cell)
    for child in list(cell):
        cell.remove(child)
    cell.set("t", "inlineStr")
    inline = etree.SubElement(cell, f"{{{MAIN}}}is")
    etree.SubElement(inline, f"{{{MAIN}}}t").text = text
    spans = row_el.get("spans")
    if spans and ":" in spans:
        first, last = spans.split(":")
        row_el.set("spans", f"{min(int(first), column)}:{max(int(last), column)}")
