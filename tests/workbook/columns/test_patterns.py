"""The value checks' regular expressions run inside Arrow (RE2), not in a Python loop."""

from __future__ import annotations

import re

import pandas as pd
import pytest

from sanctions.common import dates
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
}  # fmt: skip


@pytest.mark.parametrize("value", sorted(PARTING))
@pytest.mark.parametrize("pattern", ["SUSPECT", "NEEDS_CLEANING"])
def test_a_short_column_is_searched_as_a_long_one(pattern, value, monkeypatch):
    """A short column is searched value by value in Python, a long one in Arrow: the answer
    is the same either way, and the right one."""
    compiled = re.compile(getattr(hygiene, pattern))
    column = pd.Series(["plain", None, value], dtype="str")
    one_by_one = hygiene.any_match(column, compiled)
    monkeypatch.setattr(hygiene, "SEARCHED_ONE_BY_ONE", 0)
    assert hygiene.any_match(column, compiled) == one_by_one
    assert one_by_one == PARTING[value][pattern == "NEEDS_CLEANING"]
