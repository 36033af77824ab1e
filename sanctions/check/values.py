"""Vectorised checks on one column of text values. Each returns True where a value is fine.

They run inside pandera (``sanctions.check.sheet_rules``) on Series whose nulls pandera has already
dropped. Regular expressions use explicit code-point ranges so that they mean the same in
Python's ``re`` and in Arrow's RE2. They avoid ``\\s``, ``$`` and look-arounds, which make
pandas fall back from RE2 to a Python loop (``test_patterns_run_in_arrow`` keeps it so).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from sanctions.common import dates
from sanctions.common.countries import country_code, language_code
from sanctions.workbook.layout import MULTI_SEPARATOR

Check = Callable[[pd.Series], pd.Series]

ID_PATTERN = r"[A-Za-z0-9][A-Za-z0-9._-]{0,63}"
SHA256_PATTERN = r"[0-9a-fA-F]{64}"
# http(s), a host with a dot (or localhost), an optional port, then anything but spaces.
URL_PATTERN = (
    r"https?://(([^ \t\r\n/?#:@.]+\.)+[^ \t\r\n/?#:@.]+|localhost)(:[0-9]{1,5})?([/?#][^ \t\r\n]*)?"
)
LATIN = "A-Za-z\u00c0-\u024f\u1e00-\u1eff"
OTHER_ALPHABETS = "\u0370-\u03ff\u0400-\u052f"  # Greek and Cyrillic: the homoglyph sources
MIXED_SCRIPT_WORD = (
    f"[{LATIN}][{LATIN}{OTHER_ALPHABETS}]*[{OTHER_ALPHABETS}]"
    f"|[{OTHER_ALPHABETS}][{LATIN}{OTHER_ALPHABETS}]*[{LATIN}]"
)
NOT_LATIN = "[^\u0000-\u024f\u1e00-\u1eff\u2000-\u206f]"
INVISIBLE_CHARS = "\u00a0\u00ad\u180e\u2007\u200b-\u200f\u202a-\u202f\u2060-\u2064\ufeff"
INVISIBLE = f"[{INVISIBLE_CHARS}]"
BAD_WHITESPACE = "^[ \t\r\n]|[ \t\r\n]\\Z|  "
# Control characters other than tab and line breaks: Excel stores a pasted one as _x0001_, and
# no .xlsx writer may write it back (openpyxl refuses the whole file).
CONTROL = r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]"


def _arrow(values: pd.Series | pd.Index | Iterable[str]) -> pa.Array:
    if isinstance(values, pd.Series | pd.Index):
        values = values.array
    return pa.array(values, type=pa.large_string(), from_pandas=True)


def isin(values: pd.Series, allowed: pd.Series | Iterable[str]) -> pd.Series:
    """``values.isin(allowed)`` at Arrow speed (pandas' own loops over ``allowed`` in Python)."""
    mask = pc.is_in(_arrow(values), value_set=_arrow(allowed), skip_nulls=True)
    return pd.Series(mask.fill_null(False).to_numpy(zero_copy_only=False), index=values.index)


def split_multi(values: pd.Series) -> pd.Series:
    """One entry per item of a ';'-separated cell, indexed by the cell's Excel row."""
    present = values.dropna()
    lists = pc.split_pattern(_arrow(present), MULTI_SEPARATOR)
    flat = pc.utf8_trim_whitespace(pc.list_flatten(lists))
    rows = present.index.take(pc.list_parent_indices(lists).to_numpy())
    items = pd.Series(pd.array(flat, dtype="str"), index=rows)
    return items[items != ""]


def per_item(check: Check) -> Check:
    """Apply an item check to every item of a multi-valued cell: the cell is fine if all are."""

    def run(values: pd.Series) -> pd.Series:
        items = split_multi(values)
        ok = check(items).groupby(level=0).all() if len(items) else pd.Series(dtype=bool)
        return ok.reindex(values.index, fill_value=True).astype(bool)

    return run


def matches(pattern: str) -> Check:
    def run(values: pd.Series) -> pd.Series:
        return values.str.fullmatch(pattern).fillna(False).astype(bool)

    return run


def lacks(pattern: str) -> Check:
    def run(values: pd.Series) -> pd.Series:
        return ~values.str.contains(pattern, regex=True).fillna(False).astype(bool)

    return run


def in_vocabulary(allowed: set[str]) -> Check:
    vocabulary = sorted(allowed)

    def run(values: pd.Series) -> pd.Series:
        return isin(values, vocabulary)

    return run


def by_unique(test: Callable[[str], bool], suspect: str | None = None) -> Check:
    """Run a slow per-value test once per distinct value; with ``suspect``, only on the values
    that pattern finds, the others being known to pass."""

    def run(values: pd.Series) -> pd.Series:
        if suspect is None:
            tested = np.ones(len(values), dtype=bool)
        else:
            tested = values.str.contains(suspect, regex=True).fillna(False).to_numpy(dtype=bool)
        ok = np.ones(len(values), dtype=bool)
        if tested.any():
            some = values[tested]
            verdicts = {v: test(v) for v in some.unique()}
            ok[tested] = some.map(verdicts).to_numpy(dtype=bool)
        return pd.Series(ok, index=values.index)

    return run


_LETTER_RUNS = re.compile(r"[^\W\d_]+")
_LATIN_LETTER = re.compile(f"[{LATIN}]")


# Only a value with a letter outside ASCII can have a word without a Latin letter.
NOT_ASCII = r"[^\x00-\x7f]"


def no_word_in_other_script(value: str) -> bool:
    """False when a word is written wholly in another script (``Арман``): that name belongs in
    name_original. A word with one look-alike letter among Latin ones (``Dаuletov``) is a
    typing slip, reported as text.mixed_script, and passes here."""
    return all(_LATIN_LETTER.search(word) for word in _LETTER_RUNS.findall(value))


def is_country(value: str) -> bool:
    return country_code(value) is not None


def is_language(value: str) -> bool:
    return language_code(value) is not None


def valid_date(values: pd.Series) -> pd.Series:
    return dates.is_valid(values)


def not_future(values: pd.Series) -> pd.Series:
    valid = dates.is_valid(values)
    return ~valid | (dates.earliest(values) <= dates.today().isoformat())


def plausible_birth(values: pd.Series) -> pd.Series:
    """Born after 1900 and at least 14 years ago: anything else is almost surely a typo."""
    valid = dates.is_valid(values)
    years = values.str.slice(0, 4).where(valid, "1950").astype("int64")
    return ~valid | years.between(1900, dates.today().year - 14)
