"""The value checks' regular expressions: in Arrow (RE2) over a long column, in Python over a
short one, with the same answers."""

from __future__ import annotations

import pandas as pd
import pytest

from sanctions.common import dates, patterns
from sanctions.workbook.columns import hashes, hygiene, identifiers, urls, values

PATTERNS = {
    "id": identifiers.PATTERN,
    "sha256": hashes.PATTERN,
    "url": urls.PATTERN,
    "mixed script": hygiene.MIXED_SCRIPT_WORD,
    "not latin": hygiene.NOT_LATIN,
    "not ascii": hygiene.NOT_ASCII,
    "hygiene suspect": hygiene.SUSPECT,
    "invisible": hygiene.INVISIBLE,
    "whitespace": hygiene.BAD_WHITESPACE,
    "control": hygiene.CONTROL,
    "partial date": dates.PARTIAL_DATE,
    "needs cleaning": hygiene.NEEDS_CLEANING,
}


@pytest.mark.parametrize("name", sorted(PATTERNS))
def test_patterns_run_in_arrow(name):
    array = pd.array(["x\ny", "é"], dtype="str")
    assert not array._needs_python_regex(PATTERNS[name])


@pytest.mark.parametrize(
    ("value", "ok"),
    [
        ("https://example.org/report?id=1#x", True),
        ("http://localhost:8000/x", True),
        ("https://www.gov.kz/memleket/entities/knb/press/news/details/309530", True),
        ("ftp://example.org/x", False),
        ("https://exa mple.org", False),
        ("https://nodot", False),
        ("example.org", False),
    ],
)
def test_url_pattern(value, ok):
    assert values.matches(urls.PATTERN)(pd.Series([value], dtype="str")).iloc[0] == ok


@pytest.mark.parametrize(
    ("value", "bad"),
    [
        (" lead", True),
        ("trail ", True),
        ("dou  ble", True),
        ("line\nbreak", False),
        ("fine", False),
        ("end\n", True),
    ],
)
def test_whitespace_pattern(value, bad):
    assert (
        not values.lacks(hygiene.BAD_WHITESPACE)(pd.Series([value], dtype="str")).iloc[0]
    ) == bad


# Values on which Python's expressions and Arrow's (RE2) could part (ends of lines, non-ASCII
# letters and spaces, invisible and control characters): whether each is suspect, and whether
# it needs cleaning.
PARTING = {
    "fine": (False, False), "end\n": (True, True), "line\nbreak": (False, False),
    "two  spaces": (True, True), " lead": (True, True), "Иван": (True, False),
    "Ivаn": (True, False), "a\u00a0b": (True, True), "zero\u200bwidth": (True, True),
    "bell\x07": (True, False), "tab\tin": (False, True), "trail\r": (True, True),
    "1965": (False, False), "1965-06-15\n": (True, True), "P-0001": (False, False),
    "https://example.org/x": (False, False), "٣": (True, False),
}  # fmt: skip


@pytest.mark.parametrize("name", sorted(PATTERNS))
def test_a_short_column_is_searched_as_a_long_one(name, monkeypatch):
    """Each pattern, searched value by value in Python (a short column) or in Arrow (a long
    one), finds the same values, in part and whole."""
    column = pd.Series([None, *PARTING], dtype="str")
    pattern = PATTERNS[name]
    short = [patterns.found(column, pattern, whole) for whole in (False, True)]
    anywhere = patterns.anywhere(column[2:3], pattern)
    monkeypatch.setattr(patterns, "SEARCHED_ONE_BY_ONE", 0)
    long = [patterns.found(column, pattern, whole) for whole in (False, True)]
    assert [list(s) for s in short] == [list(found) for found in long]
    assert patterns.anywhere(column[2:3], pattern) == anywhere == bool(short[0][2])


@pytest.mark.parametrize("value", sorted(PARTING))
def test_suspect_and_needing_cleaning(value):
    suspect, needs_cleaning = PARTING[value]
    column = pd.Series(["plain", None, value], dtype="str")
    assert hygiene.any_suspect(column) == suspect
    assert patterns.anywhere(column, hygiene.NEEDS_CLEANING) == needs_cleaning
