"""The cycle collector paused for a build, and what the build made counted as old after it."""

from __future__ import annotations

import gc
import weakref
from collections.abc import Iterator

import pytest

from sanctions.common.bulk import bulk


class Node:
    me: Node | None = None


@pytest.fixture(autouse=True)
def collecting() -> Iterator[None]:
    was = gc.isenabled()
    gc.enable()
    yield
    if not was:
        gc.disable()


def test_the_collector_is_paused_in_the_block_and_runs_again_after() -> None:
    with bulk():
        assert not gc.isenabled()
        with bulk():  # blocks nest
            assert not gc.isenabled()
        assert not gc.isenabled()
    assert gc.isenabled()


def test_the_collector_stays_paused_after_a_block_where_it_was_paused() -> None:
    gc.disable()
    with bulk():
        pass
    assert not gc.isenabled()


def test_what_the_block_made_is_old_at_once_and_its_garbage_still_freed() -> None:
    with bulk():
        kept = [[i] for i in range(20_000)]  # more than a young collection waits for
        cycle = Node()
        cycle.me = cycle
        freed = weakref.ref(cycle)
        del cycle
    young, _, _ = gc.get_count()
    assert young < 1_000  # the block's objects left the youngest generation unwalked
    gc.collect(1)  # a collection of the younger generations does not walk them
    assert freed() is not None
    gc.collect()  # the oldest generation's does, and frees the block's garbage
    assert freed() is None
    assert len(kept) == 20_000


def test_objects_frozen_by_someone_else_stay_frozen() -> None:
    gc.freeze()
    try:
        frozen = gc.get_freeze_count()
        with bulk():
            made = [[i] for i in range(100)]
        assert gc.get_freeze_count() == frozen and made
    finally:
        gc.unfreeze()
