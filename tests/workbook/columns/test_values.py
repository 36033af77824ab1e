"""A multi-valued cell's items: split, trimmed and without blanks, the same whether one cell is
read or a whole column at once."""

from __future__ import annotations

import pandas as pd
from hypothesis import given
from hypothesis import strategies as st

from sanctions.workbook.columns.values import item_lists, items

CELLS = st.one_of(
    st.none(),
    st.text(
        alphabet=st.sampled_from(list("ab; É\u00a0\n\t\u2003\u3000\u200b\x1c\u2028\x85")),
        max_size=12,
    ),
)


@given(st.lists(CELLS, max_size=8))
def test_a_column_splits_as_its_cells_do(cells: list[str | None]) -> None:
    column = pd.Series(cells, dtype="str")
    assert item_lists(column) == [items(v) for v in column.tolist()]


def test_items_are_trimmed_and_blanks_dropped() -> None:
    column = pd.Series(["E1; E2", " E3 ;; ", None, ";", "E4"], dtype="str")
    assert item_lists(column) == [["E1", "E2"], ["E3"], [], [], ["E4"]]


def test_a_column_held_by_arrow_in_chunks_splits_the_same() -> None:
    import pyarrow as pa

    chunks = pa.chunked_array([["E1; E2", None], [" E3 ;; ", "E4"]], type=pa.large_string())
    column = pd.Series(pd.arrays.ArrowExtensionArray(chunks))
    assert item_lists(column) == [["E1", "E2"], [], ["E3"], ["E4"]]
