"""The value checks' regular expressions run inside Arrow (RE2), not in a Python loop."""

from __future__ import annotations

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
