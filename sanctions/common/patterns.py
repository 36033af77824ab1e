"""A regular expression over a column of text: where it is found, or whether it is anywhere.

pandas hands a pattern to pyarrow (RE2) for the whole column at once, but parses it again with
Python's parser on every call first, to learn whether RE2 can take it: half a millisecond a
call, more than searching a short column value by value. A workbook's checks make hundreds of
such calls, a tenth of a second of the default list's validation, before and while its cells
are checked. So a short column is searched value by value with Python's ``re``, a long one by
pandas in Arrow. The patterns given here are written for both: the value checks' tests
(``tests/workbook/columns/test_patterns``) hold the two ways to the same answers on the values
where Python and RE2 could part.
"""

from __future__ import annotations

import re
import warnings
from functools import cache

import numpy as np
import pandas as pd

# Fewer values than this are searched one by one.
SEARCHED_ONE_BY_ONE = 2_000


@cache
def _compiled(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern)


def found(values: pd.Series, pattern: str, whole: bool = False) -> np.ndarray:
    """For each value, whether ``pattern`` is found in it (``whole``: whether it is the whole
    value); False for an empty cell."""
    if len(values) < SEARCHED_ONE_BY_ONE:
        compiled = _compiled(pattern)
        test = compiled.fullmatch if whole else compiled.search
        return np.fromiter(
            (isinstance(v, str) and test(v) is not None for v in values.tolist()),
            dtype=bool,
            count=len(values),
        )
    text = values.str
    if whole:
        hits = text.fullmatch(pattern)
    else:
        with warnings.catch_warnings():  # that its groups are not kept: only where it is found
            warnings.filterwarnings("ignore", "This pattern is interpreted", UserWarning)
            hits = text.contains(pattern, regex=True)
    return hits.fillna(False).to_numpy(dtype=bool)


def anywhere(values: pd.Series, pattern: str) -> bool:
    """Whether ``pattern`` is found in any value (a short column: up to the first)."""
    if len(values) < SEARCHED_ONE_BY_ONE:
        search = _compiled(pattern).search
        return any(search(v) for v in values.tolist() if isinstance(v, str))
    return bool(found(values, pattern).any())
