"""One record per problem, and the two ways of showing them to an editor."""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from dataclasses import asdict, dataclass, replace
from typing import Literal

Severity = Literal["error", "warning"]
FIELDS = ("severity", "code", "file", "sheet", "cell", "row", "column", "value", "message")


@dataclass(frozen=True)
class Finding:
    """A problem at one place in a workbook.

    ``code`` is stable and dotted (``date.invalid``) so that scripts can rely on it; ``message``
    is for people and may be reworded.
    """

    severity: Severity
    code: str
    file: str
    sheet: str | None
    cell: str | None
    row: int | None
    column: str | None
    value: str | None
    message: str

    @property
    def location(self) -> str:
        if self.sheet is None:
            return self.file
        if self.cell is None:
            # A column the sheet does not have yet: the row still says where to look.
            return f"{self.sheet} row {self.row}" if self.row else self.sheet
        return f"{self.sheet}!{self.cell}"

    def sort_key(self) -> tuple[str, str, int, int, str]:
        col = self.cell.rstrip("0123456789") if self.cell else ""
        return (self.file, self.sheet or "", self.row or 0, column_number(col), self.code)


def column_number(letters: str) -> int:
    """The 1-based number of Excel column letters (A -> 1, AA -> 27)."""
    number = 0
    for ch in letters:
        number = number * 26 + (ord(ch) - 64)
    return number


def column_letter(column_index: int) -> str:
    """Excel column letters for a 0-based index (0 -> A, 26 -> AA)."""
    letters = ""
    n = column_index + 1
    while n:
        n, rem = divmod(n - 1, 26)
        letters = chr(65 + rem) + letters
    return letters


def cell_ref(column_index: int, row: int) -> str:
    """A1 reference from a 0-based column index and an Excel row number."""
    return f"{column_letter(column_index)}{row}"


def strict(findings: Iterable[Finding]) -> list[Finding]:
    """--strict: every warning counts as an error."""
    return [replace(f, severity="error") for f in findings]


def sort_findings(findings: Iterable[Finding]) -> list[Finding]:
    return sorted(findings, key=Finding.sort_key)


def render_json(findings: list[Finding]) -> str:
    return json.dumps([asdict(f) for f in findings], ensure_ascii=False, indent=2)


def summary_line(findings: list[Finding], workbooks: int) -> str:
    errors = sum(1 for f in findings if f.severity == "error")
    warnings = len(findings) - errors
    noun = "workbook" if workbooks == 1 else "workbooks"
    line = f"{_count(errors, 'error')}, {_count(warnings, 'warning')} in {workbooks} {noun}"
    # the checks of each proposed person's case are judged on rows that read, so they wait on
    # the errors: an editor who sees none of them should know they are still to come
    return f"{line}{WAITING}" if errors else line


WAITING = (
    "; each proposed person's case (whether their passages name them, the arguments to "
    "write, the governments it is ready for) is checked once the errors are fixed"
)


def _count(n: int, word: str) -> str:
    return f"{n} {word}" if n == 1 else f"{n} {word}s"


# From this many findings of one code on one sheet, the text report gives them one line (the
# cells as ranges, the first message as the example); ``verbose`` lists every one.
GROUPED_FROM = 4
QUOTED = re.compile(r"'[^']*'")


def render_text(findings: list[Finding], workbooks: int, verbose: bool = False) -> str:
    """Grouped by workbook and sheet, errors and warnings interleaved by cell: one line per
    finding, but one line for a code that recurs on a sheet (unless ``verbose``), so that a
    list which honestly leaves 28 birth dates open does not drown the one problem that matters."""
    lines: list[str] = []
    current: tuple[str, str | None] | None = None
    counts: dict[tuple[str, str | None, str], list[Finding]] = {}
    for f in findings:
        counts.setdefault((f.file, f.sheet, f.code), []).append(f)
    grouped = {
        key
        for key, same in counts.items()
        if not verbose and len(same) >= GROUPED_FROM and key[1] is not None and _alike(same)
    }  # judged once per code and sheet: a list of 10,000 rows has 10,000 findings of one code
    shown: set[tuple[str, str | None, str]] = set()
    for f in findings:
        key = (f.file, f.sheet, f.code)
        same = counts[key]
        many = key in grouped
        if many and key in shown:
            continue
        group = (f.file, f.sheet)
        if group != current:
            if current is None or current[0] != f.file:
                lines.append(f"{f.file}")
            lines.append(f"  {f.sheet or '(workbook)'}")
            current = group
        if many:
            shown.add(key)
            at = {g.cell for g in same if g.cell}  # a cell may have several findings
            lines.append(
                f"    {f.sheet}!{cell_ranges(list(at))} ({_count(len(at), 'cell')}): {f.message}; "
                f"and {len(same) - 1} more like it (--verbose lists each)  [{f.severity} {f.code}]"
            )
        else:
            lines.append(f"    {f.location}: {f.message}  [{f.severity} {f.code}]")
    lines.append(summary_line(findings, workbooks))
    return "\n".join(lines)


def _alike(findings: list[Finding]) -> bool:
    """Whether the messages differ only in what they quote (an ID, a value): one example then
    says what each says. Messages that differ in substance (which governments, what is
    missing) are each shown."""
    return len({QUOTED.sub("''", f.message) for f in findings}) == 1


def cell_ranges(cells: list[str]) -> str:
    """``I2, I3, I4, I7, K2`` -> ``I2:I4, I7, K2``: runs of a column's rows as ranges."""
    runs: list[list[tuple[int, int, str]]] = []
    for ref in sorted(set(cells), key=_cell_key):
        column, row = _cell_key(ref)
        last = runs[-1][-1] if runs else None
        if last is not None and last[0] == column and last[1] + 1 == row:
            runs[-1].append((column, row, ref))
        else:
            runs.append([(column, row, ref)])
    return ", ".join(r[0][2] if len(r) == 1 else f"{r[0][2]}:{r[-1][2]}" for r in runs)


def _cell_key(ref: str) -> tuple[int, int]:
    letters = ref.rstrip("0123456789")
    return column_number(letters), int(ref[len(letters) :] or 0)
