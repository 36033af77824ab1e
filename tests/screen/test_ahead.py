"""The scorer made ready on the other core: the same scores as here, list after list, its
failures raised where the scores are waited for, and no process left behind. Every name is
invented."""

from __future__ import annotations

import multiprocessing
import sys

import pytest

from sanctions.common.beside import PROCESSES_ENV
from sanctions.screen import ahead
from sanctions.screen.matching import Query
from sanctions.screen.reference import PERSON_PROPS
from tests.processes import helper_outlives_killed_parent

pytestmark = pytest.mark.skipif(sys.platform != "linux", reason="no fork here")


def record(name: str, birth: str | None = None) -> dict[str, object]:
    rec: dict[str, object] = {p: None for p in PERSON_PROPS}
    rec.update(schema="Person", name=[name], birthDate=[birth] if birth else None)
    return rec


QUERIES = [
    Query("P001", "Ivan Fictov", "proposed", ["Ivan Fictov", "Иван Фиктов"], None, [], None),
    Query("P002", "Dana Madeupova", "proposed", ["Dana Madeupova"], "1970-01-02", [], "female"),
]
RECORDS = {
    7: record("Ivan Fiktov"),
    9: record("Dana Madeupova", "1970-01-02"),
    11: record("Pyotr Otherov"),
}
PAIRS = [(0, 7), (0, 11), (1, 9), (1, 11)]


def test_the_scorer_ahead_scores_as_this_process_does(monkeypatch: pytest.MonkeyPatch) -> None:
    here = ahead.score_pairs(QUERIES, RECORDS, PAIRS)
    high = {qi: [ri for ri, s in hits if s.score >= 0.5] for qi, hits in here.items()}
    assert high == {0: [7], 1: [9]}
    monkeypatch.setenv(PROCESSES_ENV, "2")
    with ahead.scoring_ahead():
        assert ahead._AHEAD  # started
        first = ahead.score((QUERIES, RECORDS, PAIRS))
        second = ahead.score((QUERIES[1:], RECORDS, [(0, 9)]))  # a second list
    assert first == here
    assert second == {0: [hit for hit in here[1] if hit[0] == 9]}
    assert not ahead._AHEAD and not multiprocessing.active_children()


def test_one_core_scores_here(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(PROCESSES_ENV, "1")
    with ahead.scoring_ahead():
        assert not ahead._AHEAD
        assert ahead.score((QUERIES, RECORDS, PAIRS)) == ahead.score_pairs(QUERIES, RECORDS, PAIRS)


def test_a_failure_in_the_scorer_is_raised_where_the_scores_are_waited_for(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv(PROCESSES_ENV, "2")
    broken = {7: {"schema": "Person"}}  # a record without its properties
    with ahead.scoring_ahead():
        with pytest.raises(KeyError):
            ahead.score((QUERIES, broken, [(0, 7)]))
        # and it still serves the next list
        assert ahead.score((QUERIES, RECORDS, [(1, 9)]))[1][0][0] == 9
    assert not multiprocessing.active_children()


def test_a_screening_that_ends_early_stops_the_scorer_still_being_built(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A list that fails its check, or sanctions data that cannot be read, ends the screening
    before any score: its message is not kept waiting for a scorer nobody needs."""
    import time

    monkeypatch.setenv(PROCESSES_ENV, "2")
    monkeypatch.setattr(ahead, "_warm_up", lambda: time.sleep(600))  # forked with it
    with ahead.scoring_ahead():
        (started,) = ahead._AHEAD
        assert started._process.is_alive()
    assert not started._process.is_alive() and not multiprocessing.active_children()


def test_no_pairs_are_nothing_to_wait_for_and_the_tagger_is_built_last(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A screening without candidates, or whose scores were all kept, does not wait for a
    scorer still building its tagger; that building runs at the lowest priority, so that
    checking the lists goes first."""
    import os
    import time

    monkeypatch.setenv(PROCESSES_ENV, "2")
    monkeypatch.setattr(ahead, "_warm_up", lambda: time.sleep(600))  # forked with it
    with ahead.scoring_ahead():
        (started,) = ahead._AHEAD
        with monkeypatch.context() as waiting:
            waiting.setattr(ahead.Ahead, "score", lambda *_: pytest.fail("waited for the scorer"))
            assert ahead.score((QUERIES, RECORDS, [])) == {}
        mine = os.getpriority(os.PRIO_PROCESS, 0)
        lower = min(mine + ahead.NICER, 19)  # as the child lowers its own, whatever ours is
        assert lower > mine, "run this test at a priority that can be lowered"
        for _ in range(500):  # the child lowers its own priority as it starts
            if os.getpriority(os.PRIO_PROCESS, started._process.pid or 0) == lower:
                break
            time.sleep(0.01)
        assert os.getpriority(os.PRIO_PROCESS, started._process.pid or 0) == lower
    assert not multiprocessing.active_children()


def test_the_scorer_ends_when_the_screening_is_killed() -> None:
    assert not helper_outlives_killed_parent(
        """
        import os, time
        os.environ["SANCTIONS_PROCESSES"] = "2"
        from sanctions.screen import ahead
        with ahead.scoring_ahead():
            print(ahead._AHEAD[0]._process.pid, flush=True)
            time.sleep(120)
        """
    )


def test_a_scorer_that_dies_is_said_in_words_not_a_traceback(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Killed for want of memory, or broken by an update under it: the editor is told what
    happened and what to do, as every other problem is (``ToolError``)."""
    import os
    import signal

    from sanctions.common.errors import ToolError

    monkeypatch.setenv(PROCESSES_ENV, "2")
    with ahead.scoring_ahead():
        scorer = ahead._AHEAD[0]
        pid = scorer._process.pid
        assert pid is not None
        os.kill(pid, signal.SIGKILL)
        with pytest.raises(ToolError, match=r"stopped by signal 9 .*memory runs out.*run the"):
            ahead.score((QUERIES, RECORDS, PAIRS))
    assert not multiprocessing.active_children()
