"""The value checks' regular expressions run inside Arrow (RE2), not in a Python loop."""

from __future__ import annotations

import pandas as pd
import pytest

from sanctions.check import sheet_rules, values
from sanctions.common import dates

PATTERNS = {
    "id": values.ID_PATTERN,
    "sha256": values.SHA256_PATTERN,
    "url": values.URL_PATTERN,
    "mixed script": values.MIXED_SCRIPT_WORD,
    "not latin": values.NOT_LATIN,
    "not ascii": values.NOT_ASCII,
    "hygiene suspect": sheet_rules.HYGIENE_SUSPECT,
    "invisible": values.INVISIBLE,
    "whitespace": values.BAD_WHITESPACE,
    "control": values.CONTROL,
    "partial date": dates.PARTIAL_DATE,
    "needs cleaning": sheet_rules.NEEDS_CLEANING,
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
    assert values.matches(values.URL_PATTERN)(pd.Series([value], dtype="str")).iloc[0] == ok


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
    assert (not values.lacks(values.BAD_WHITESPACE)(pd.Series([value], dtype="str")).iloc[0]) == bad
