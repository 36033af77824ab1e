"""Whatever an editor types, the validator reports; it never crashes."""

from __future__ import annotations

import datetime as dt
import tempfile
from pathlib import Path

import pandas as pd
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sanctions.check.validate import validate
from sanctions.common import dates
from sanctions.workbook.columns import countries, hygiene, urls, values
from sanctions.workbook.columns import dates as date_column
from sanctions.workbook.layout import load_layout
from tests import workbooks

# What a cell can hold once Excel has saved it (openpyxl refuses control characters).
text = st.text(
    alphabet=st.characters(blacklist_categories=("Cs", "Cc"))
    | st.sampled_from(list(" ;\u200b\u00a0\u0430-")),
    max_size=30,
)
cell_value = st.one_of(
    st.none(),
    text,
    st.integers(-(10**9), 10**9),
    st.floats(allow_nan=False, allow_infinity=False),
    st.booleans(),
    st.dates(dt.date(1900, 1, 1), dt.date(2100, 1, 1)),
    st.sampled_from(["#REF!", "#N/A", "P001", "O001", "E001", "I001", "1965-13-01", "yes", "=1+1"]),
)
LAYOUT = load_layout()
positions = st.tuples(
    st.sampled_from([s.name for s in LAYOUT.sheets]), st.integers(0, 1), st.integers(0, 12)
)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.tuples(positions, cell_value), min_size=1, max_size=8))
def test_random_cells_never_crash_the_validator(edits):
    rows = workbooks.valid_rows()
    for (sheet, index, column_no), value in edits:
        columns = workbooks.headers(sheet)
        records = rows.setdefault(sheet, [{}, {}])  # an optional sheet the rows lack
        if index < len(records):
            records[index][columns[column_no % len(columns)]] = value
    with tempfile.TemporaryDirectory() as tmp:
        result = validate(workbooks.write(Path(tmp) / "b.xlsx", rows))
    for finding in result.findings:
        assert finding.severity in ("error", "warning")
        assert finding.message


@settings(max_examples=300, deadline=None)
@given(st.lists(text, min_size=1, max_size=20))
def test_value_checks_take_any_text(items):
    series = pd.Series(items, dtype="str")
    for check in (
        dates.is_valid,
        date_column.not_future,
        date_column.plausible_birth,
        values.per_item(values.by_unique(countries.is_country)),
        values.matches(urls.PATTERN),
        values.lacks(hygiene.MIXED_SCRIPT_WORD),
    ):
        result = check(series)
        assert len(result) == len(series) and result.dtype == bool


@given(st.dates(dt.date(1000, 1, 1), dt.date(9999, 12, 31)))
def test_every_real_date_is_valid(day):
    iso = pd.Series([day.isoformat(), day.isoformat()[:7], day.isoformat()[:4]], dtype="str")
    assert dates.is_valid(iso).all()


@settings(max_examples=400, deadline=None)
@given(st.lists(text | st.sampled_from(["Dаuletov", "Арман Bek", " x", "µ", "a\tb"]), min_size=1))
def test_a_value_the_hygiene_screen_passes_fails_no_hygiene_check(items):
    """The validator skips a column's hygiene checks when nothing in it is suspect: that is
    safe only if every value some check fails is suspect."""
    series = pd.Series(items, dtype="str")
    suspect = series.str.contains(hygiene.SUSPECT, regex=True).fillna(False).to_numpy(bool)
    column = LAYOUT.sheet("persons").column("name")
    rules = {
        rule
        for col in (column, LAYOUT.sheet("persons").column("person_id"))
        for rule in col.kind.hygiene(col)
    }
    assert rules == set(hygiene.RULES)  # every raw-text rule is tried
    for rule in rules:
        assert rule.test is not None
        failed = ~rule.test(column, LAYOUT)(series).to_numpy(bool)
        assert not (failed & ~suspect).any(), (rule.code, series[failed & ~suspect].tolist())
