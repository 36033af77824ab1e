"""Per-sheet rules: each sheet's pandera schema, built from its spec, and its failures as findings.

Two schemas run per sheet. One checks the cleaned values (types, vocabularies, formats); the
other checks the raw text the editor typed (stray spaces, invisible characters, look-alike
letters). Every check's ``error`` is a finding code, so a failure maps straight to a Finding.
"""

from __future__ import annotations

from functools import cache

import pandas as pd
import pandera.pandas as pa
from pandera.errors import SchemaErrors

from sanctions.check import values as v
from sanctions.check.codes import CODES, finding
from sanctions.check.findings import Finding, cell_ref
from sanctions.check.hints import hint
from sanctions.workbook.layout import ColumnSpec, Layout, SheetSpec
from sanctions.workbook.reader import Table, row_number, text_or_none

NAME_TYPES = {"name", "text"}


def value_checks(col: ColumnSpec, layout: Layout) -> list[pa.Check]:
    """Format and vocabulary checks on cleaned values."""
    item: v.Check | None = None
    extra: list[pa.Check] = []
    if col.type == "id":
        item = v.matches(v.ID_PATTERN)
        code = "id.invalid"
    elif col.type == "date":
        item, code = v.valid_date, "date.invalid"
        if col.not_future:
            extra.append(pa.Check(v.not_future, error="date.future"))
        if col.birth:
            extra.append(pa.Check(v.plausible_birth, error="date.implausible_birth"))
    elif col.type == "country":
        item, code = v.by_unique(v.is_country), "country.unknown"
    elif col.type == "language":
        item, code = v.by_unique(v.is_language), "language.unknown"
    elif col.type == "url":
        item, code = v.matches(v.URL_PATTERN), "url.invalid"
    elif col.type == "sha256":
        item, code = v.matches(v.SHA256_PATTERN), "sha256.invalid"
    elif col.type == "enum" and col.vocabulary:
        item, code = v.in_vocabulary(set(layout.vocabularies[col.vocabulary])), "vocab.invalid"
    checks: list[pa.Check] = []
    if item is not None:
        checks.append(pa.Check(v.per_item(item) if col.multi else item, error=code))
    checks.extend(extra)
    if col.unique:
        checks.append(pa.Check(lambda s: ~s.duplicated(keep="first"), error="id.duplicate"))
    return checks


def hygiene_checks(col: ColumnSpec) -> list[pa.Check]:
    """Checks on the raw text, before cleaning."""
    checks = [
        pa.Check(v.lacks(v.BAD_WHITESPACE), error="text.whitespace"),
        pa.Check(v.lacks(v.CONTROL), error="text.control"),
    ]
    if col.type == "id":
        checks.append(pa.Check(v.lacks(v.INVISIBLE), error="id.invisible"))
    else:
        checks.append(pa.Check(v.lacks(v.INVISIBLE), error="text.invisible"))
    if col.type in NAME_TYPES:
        checks.append(pa.Check(v.lacks(v.MIXED_SCRIPT_WORD), error="text.mixed_script"))
    if col.latin:
        checks.append(
            pa.Check(v.by_unique(v.no_word_in_other_script, v.NOT_ASCII), error="name.not_latin")
        )
    return checks


# A value none of the hygiene checks can fail matches none of these: a column without such a
# value skips them all, at the cost of one pass instead of one per check.
HYGIENE_SUSPECT = "|".join(
    (v.BAD_WHITESPACE, v.CONTROL, v.INVISIBLE, v.MIXED_SCRIPT_WORD, v.NOT_ASCII)
)


@cache
def schemas(
    sheet: SheetSpec, layout: Layout, present: frozenset[str]
) -> tuple[pa.DataFrameSchema, pa.DataFrameSchema]:
    cols = [c for c in sheet.columns if c.name in present]
    clean = pa.DataFrameSchema(
        {
            c.name: pa.Column(
                None, value_checks(c, layout), nullable=not c.required, required=False
            )
            for c in cols
        },
        name=sheet.name,
    )
    raw = pa.DataFrameSchema(
        {c.name: pa.Column(None, hygiene_checks(c), nullable=True, required=False) for c in cols},
        name=f"{sheet.name} (raw text)",
    )
    return clean, raw


NEEDS_CLEANING = f"[{v.INVISIBLE_CHARS}\t]|  |^[ \r\n]|[ \r\n]\\Z"


def clean_text(raw: pd.DataFrame) -> pd.DataFrame:
    """What the rest of the pipeline sees: no invisible characters, single spaces, no padding."""
    out = {}
    for name in raw.columns:
        s = raw[name]
        dirty = s.str.contains(NEEDS_CLEANING, regex=True).fillna(False).astype(bool)
        if dirty.any():  # rare: clean only the values that need it
            fixed = s[dirty].str.replace("[\u00a0\u2007\u202f]", " ", regex=True)
            fixed = fixed.str.replace(v.INVISIBLE, "", regex=True)
            fixed = fixed.str.replace("[ \t]+", " ", regex=True).str.strip()
            s = s.copy()
            s[dirty] = fixed.where(fixed != "", None)
        out[name] = s
    return pd.DataFrame(out, index=raw.index, dtype="str")


def check_sheet(
    file: str, sheet: SheetSpec, layout: Layout, table: Table, clean: pd.DataFrame
) -> list[Finding]:
    # A column no check can fail is left out: an empty optional column (checks skip empty
    # cells), and for the raw text a column with nothing suspect in it.
    headed = [c for c in sheet.columns if c.name in table.columns]
    filled = frozenset(c.name for c in headed if c.required or clean[c.name].notna().any())
    suspect = frozenset(c.name for c in headed if _any_suspect(table.frame[c.name]))
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


def _any_suspect(raw: pd.Series) -> bool:
    return bool(raw.str.contains(HYGIENE_SUSPECT, regex=True).fillna(False).any())


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
        code = "value.missing" if check == "not_nullable" else check
        if code not in CODES:
            # A check crashed or pandera added one of its own: a bug here, not the editor's.
            raise RuntimeError(
                f"{table.sheet}.{column} row {label}: {check}: {case['failure_case']}"
            )
        row = row_number(label)
        key = (column, row, code)
        if key in seen:
            continue
        seen.add(key)
        value = text_or_none(frame.at[row, column])
        col = sheet.column(column)
        message = describe(code, col, value, layout)
        if code == "id.duplicate":
            if column not in first_rows:
                firsts = frame[column].dropna().drop_duplicates()
                first_rows[column] = {str(v): row_number(r) for r, v in firsts.items()}
            message += f" (first on row {first_rows[column].get(value or '', row)})"
        cell = cell_ref(table.columns[column], row)
        out.append(
            finding(
                code, file, table.sheet, message, cell=cell, row=row, column=column, value=value
            )
        )
    return out


def show(value: str | None) -> str:
    """Quote a value so that invisible and look-alike characters can be seen."""
    if value is None:
        return "(empty)"
    shown = "".join(_SHOWN.get(ch, "") if ch in _INVISIBLE_SET else _printable(ch) for ch in value)
    if len(shown) > 80:
        shown = shown[:77] + "…"
    return f"'{shown}'"


def _printable(ch: str) -> str:
    return ch if ch.isprintable() or ch == " " else "?"


# An invisible character is shown as what the eye sees (a space, or nothing); the message then
# names it and says where it is (``check/hints.py``).
_SHOWN = {"\u00a0": " ", "\u2007": " ", "\u202f": " "}
_INVISIBLE_SET = {
    chr(c)
    for lo, hi in (
        (0x00A0, 0x00A0),
        (0x00AD, 0x00AD),
        (0x180E, 0x180E),
        (0x2007, 0x2007),
        (0x200B, 0x200F),
        (0x202A, 0x202F),
        (0x2060, 0x2064),
        (0xFEFF, 0xFEFF),
    )
    for c in range(lo, hi + 1)
}


# The sentence each per-cell code prints; {column} and {value} are filled in, and {hint} by
# ``check/hints.py`` (what to do about this value), or else by ``DEFAULT_HINTS``.
MESSAGES = {
    "value.missing": "{column} is required but empty",
    "id.duplicate": "{column} {value} is used on an earlier row too",
    "id.invalid": "{column} {value} is not a valid identifier: use letters, digits, '.', '_' or '-'",
    "id.invisible": "{column} {value} contains an invisible character{hint}",
    "date.invalid": "{column} {value} is not a valid date{hint}",
    "date.future": "{column} {value} is in the future",
    "date.implausible_birth": "{column} {value} is not a plausible birth date",
    "country.unknown": "{column} {value}{hint}",
    "language.unknown": "{column} {value} is not an ISO 639 language code (e.g. en, ru, kk)",
    "url.invalid": "{column} {value} is not a valid http(s) address",
    "sha256.invalid": "{column} {value} is not a SHA-256 hash (64 hexadecimal characters)",
    "vocab.invalid": "{column} {value}{hint}",
    "text.whitespace": "{column} {value} has leading, trailing or doubled spaces",
    "text.invisible": "{column} {value} contains an invisible character{hint}",
    "text.control": "{column} {value} contains a control character (pasted from another program?); retype the text",
    "text.mixed_script": "{column} {value}{hint}",
    "name.not_latin": "{column} {value} is not in Latin script; put the original-script form in name_original",
}
DEFAULT_HINTS = {
    "date.invalid": "; write 1965, 1965-06 or 1965-06-15",
    "country.unknown": " is not a country",
    "vocab.invalid": " is not allowed",
    "text.mixed_script": " mixes Latin and Cyrillic/Greek letters in one word (a look-alike letter?)",
}
SERIAL_HINT = " (it looks like an Excel serial number: format the cell as text or date)"


def describe(code: str, col: ColumnSpec, value: str | None, layout: Layout) -> str:
    said = hint(code, col, value, layout) or DEFAULT_HINTS.get(code, "")
    if value is not None and value.isdigit() and len(value) == 5:
        said += SERIAL_HINT
    return MESSAGES[code].format(column=col.name, value=show(value), hint=said)
