"""Vectorised tests on one column of text values, shared by every column type. Each returns True
where a value is fine.

They run inside pandera (``sanctions.check.cells``) on Series whose nulls pandera has already
dropped. Regular expressions use explicit code-point ranges so that they mean the same in
Python's ``re`` and in Arrow's RE2. They avoid ``\\s``, ``$`` and look-arounds, which make
pandas fall back from RE2 to a Python loop (``test_patterns_run_in_arrow`` keeps it so).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import TypeVar

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from sanctions.common.patterns import found

Check = Callable[[pd.Series], pd.Series]
T = TypeVar("T")

# What separates the values of a cell that takes several: `torture; arbitrary_detention`.
MULTI_SEPARATOR = ";"


def arrow_text(values: pd.Series | pd.Index | Iterable[str]) -> pa.Array:
    """A column of text as one Arrow array (pandas' text columns are Arrow underneath)."""
    if isinstance(values, pd.Series | pd.Index):
        values = values.array
    column = pa.array(values, type=pa.large_string(), from_pandas=True)
    return column.combine_chunks() if isinstance(column, pa.ChunkedArray) else column


_arrow = arrow_text


def isin(values: pd.Series, allowed: pd.Series | Iterable[str]) -> pd.Series:
    """``values.isin(allowed)`` at Arrow speed (pandas' own loops over ``allowed`` in Python)."""
    if not isinstance(allowed, pd.Series | pd.Index):
        allowed = [str(a) for a in allowed]
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


def item_lists(values: pd.Series) -> list[list[str]]:
    """``[items(v) for v in values]``, the column split, trimmed and emptied of blank items
    by Arrow at once: a list of 100,000 persons has millions of such cells."""
    flat, ends = item_spans(arrow_text(values))
    return dealt(flat.to_pylist(), ends)


def dealt(flat: list[T], ends: list[int]) -> list[list[T]]:
    """``flat`` dealt back to its cells: cell i's items are ``flat[ends[i-1]:ends[i]]``."""
    return [flat[start:end] for start, end in zip([0, *ends], ends, strict=False)]


def item_spans(column: pa.Array) -> tuple[pa.Array, list[int]]:
    """Every item of a column of ``;``-separated cells, trimmed and without blanks, in order,
    and where each cell's items end in that list (cell i's are ``flat[ends[i-1]:ends[i]]``):
    split by Arrow at once, with no Python work per cell."""
    lists = pc.split_pattern(column, MULTI_SEPARATOR)
    flat = pc.utf8_trim_whitespace(pc.list_flatten(lists))
    kept = pc.not_equal(flat, "")
    parents = pc.list_parent_indices(lists).filter(kept).to_numpy(zero_copy_only=False)
    ends = np.cumsum(np.bincount(parents, minlength=len(column))).tolist()
    return flat.filter(kept), ends


def items(value: object) -> list[str]:
    """The ';'-separated items of one cleaned cell."""
    if value is None or (isinstance(value, float) and value != value):
        return []
    text = str(value)
    if MULTI_SEPARATOR not in text:  # most cells: one item (a list of 100,000 has millions)
        text = text.strip()
        return [text] if text else []
    return [part.strip() for part in text.split(MULTI_SEPARATOR) if part.strip()]


def per_item(check: Check) -> Check:
    """Apply an item check to every item of a multi-valued cell: the cell is fine if all are."""

    def run(values: pd.Series) -> pd.Series:
        found = split_multi(values)
        ok = check(found).groupby(level=0).all() if len(found) else pd.Series(dtype=bool)
        return ok.reindex(values.index, fill_value=True).astype(bool)

    return run


def matches(pattern: str) -> Check:
    def run(values: pd.Series) -> pd.Series:
        return pd.Series(found(values, pattern, whole=True), index=values.index)

    return run


def lacks(pattern: str) -> Check:
    def run(values: pd.Series) -> pd.Series:
        return pd.Series(~found(values, pattern), index=values.index)

    return run


def by_unique(test: Callable[[str], bool], suspect: str | None = None) -> Check:
    """Run a slow per-value test once per distinct value; with ``suspect``, only on the values
    that pattern finds, the others being known to pass."""

    def run(values: pd.Series) -> pd.Series:
        tested = np.ones(len(values), dtype=bool) if suspect is None else found(values, suspect)
        ok = np.ones(len(values), dtype=bool)
        if tested.any():
            some = values[tested]
            verdicts = {v: test(v) for v in some.unique()}
            ok[tested] = some.map(verdicts).to_numpy(dtype=bool)
        return pd.Series(ok, index=values.index)

    return run
