"""The second core: a job beside the main one, its failures raised where it is waited for."""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Any

import pytest

from sanctions.common import beside
from sanctions.common.beside import Beside
from sanctions.common.errors import InputError
from tests.processes import helper_outlives_killed_parent


def _write_pid(path: Path) -> None:
    path.write_text(str(os.getpid()), encoding="utf-8")


def _fail() -> None:
    raise InputError("report/: cannot write here")


@pytest.mark.skipif(not beside.can_fork(), reason="one core or no fork here")
def test_the_job_runs_in_another_process(tmp_path: Path) -> None:
    job = Beside(lambda: _write_pid(tmp_path / "pid"))
    job.wait()
    assert int((tmp_path / "pid").read_text()) != os.getpid()


def test_one_process_runs_the_job_in_place_when_waited_for(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(beside.PROCESSES_ENV, "1")
    job = Beside(lambda: _write_pid(tmp_path / "pid"))
    assert not (tmp_path / "pid").exists()
    job.wait()
    assert int((tmp_path / "pid").read_text()) == os.getpid()


@pytest.mark.parametrize("processes", ["1", "2"])
def test_a_failure_is_raised_by_wait_with_its_message(
    processes: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(beside.PROCESSES_ENV, processes)
    job = Beside(_fail)
    with pytest.raises(InputError, match="cannot write here"):
        job.wait()


def test_a_job_killed_from_outside_is_a_failure(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(beside.PROCESSES_ENV, "2")
    if not beside.can_fork():
        pytest.skip("no fork here")
    job = Beside(lambda: os.kill(os.getpid(), 9))
    with pytest.raises(RuntimeError, match=r"without an answer|ended with code"):
        job.wait()


def _pid_after(seconds: float) -> int:
    import time

    time.sleep(seconds)
    return os.getpid()


@pytest.mark.skipif(sys.platform != "linux", reason="no fork here")
def test_shared_jobs_run_on_both_sides_and_answer_in_order(monkeypatch: pytest.MonkeyPatch) -> None:
    from functools import partial

    from sanctions.common.beside import PROCESSES_ENV, shared

    monkeypatch.setenv(PROCESSES_ENV, "2")
    jobs = [partial(_pid_after, 0.3), *(partial(_pid_after, 0.05) for _ in range(5))]
    pids = shared(jobs)
    assert len(pids) == 6 and len(set(pids)) == 2  # the long first job did not hold the rest
    assert pids[0] != os.getpid()  # the first is always the other process's
    monkeypatch.setenv(PROCESSES_ENV, "1")
    assert set(shared(jobs)) == {os.getpid()}
    assert shared([lambda: 1, lambda: 2, lambda: 3]) == [1, 2, 3]


def _started(counter: Any, seconds: float) -> int:
    """The order in which this job started among all, then a wait."""
    import time

    with counter.get_lock():
        counter.value += 1
        order = int(counter.value)
    time.sleep(seconds)
    return order


@pytest.mark.skipif(sys.platform != "linux", reason="no fork here")
def test_shared_jobs_are_taken_in_their_order(monkeypatch: pytest.MonkeyPatch) -> None:
    """Longest first, as given: the other process on the first, this one on the second and
    then each the next, so that the shortest, last, are what either core ends on."""
    import multiprocessing
    from functools import partial

    from sanctions.common.beside import PROCESSES_ENV, shared

    monkeypatch.setenv(PROCESSES_ENV, "2")
    counter = multiprocessing.get_context("fork").Value("i", 0)
    jobs = [partial(_started, counter, 1.0), *(partial(_started, counter, 0.05) for _ in range(5))]
    order = shared(jobs)
    assert order[1:] == sorted(order[1:])  # taken from the front, not from the back


def test_a_failing_shared_job_is_raised(monkeypatch: pytest.MonkeyPatch) -> None:
    from sanctions.common.beside import PROCESSES_ENV, shared

    def fails() -> int:
        raise ValueError("job 2 failed")

    monkeypatch.setenv(PROCESSES_ENV, "2")
    with pytest.raises(ValueError, match="job 2 failed"):
        shared([lambda: 1, fails, lambda: 3, lambda: 4])


@pytest.mark.skipif(not beside.can_fork(), reason="one core or no fork here")
def test_a_job_ends_when_its_parent_is_killed() -> None:
    # an export killed outright must leave no helper writing, holding the list's lock
    assert not helper_outlives_killed_parent(
        """
        import time
        from sanctions.common.beside import Beside
        job = Beside(lambda: time.sleep(120))
        print(job._process.pid, flush=True)
        time.sleep(120)
        """
    )


def _sets_handlers(send: Any) -> None:
    """In a forked helper: which stops it starts with held, and holds once its handlers set."""
    import signal

    def holding() -> bool:
        blocked = signal.pthread_sigmask(signal.SIG_BLOCK, [])
        return signal.SIGINT in blocked and signal.SIGTERM in blocked

    first = holding()
    beside.helper_handlers()
    send.send((first, holding()))
    os.kill(os.getpid(), signal.SIGINT)  # the parent's to act on: this goes on
    os.kill(os.getpid(), signal.SIGTERM)  # the parent ending it: this ends
    os._exit(0)


@pytest.mark.skipif(sys.platform != "linux", reason="fork and signal masks: Linux")
def test_a_helper_is_forked_with_stops_held_until_its_handlers_are_set() -> None:
    """A stop that reached a helper in its first moments, before Python had made itself ready
    after the fork, was dropped with the pending signals then: the scorer forked ahead of a
    screening and ended at once was never ended, and the suite waited for it. A helper is
    forked with the stops held by the system, and takes them with its own handlers; the
    parent holds them only for the fork."""
    import multiprocessing
    import signal

    context = multiprocessing.get_context("fork")
    receive, send = context.Pipe(duplex=False)
    with beside.forking():
        process = context.Process(target=_sets_handlers, args=(send,), daemon=True)
        process.start()
    parent_holds = signal.SIGTERM in signal.pthread_sigmask(signal.SIG_BLOCK, [])
    first, after = receive.recv()
    process.join(timeout=10)
    if process.is_alive():
        process.kill()
        process.join()
    assert first and not after and not parent_holds
    assert process.exitcode == -signal.SIGTERM


@pytest.mark.skipif(sys.platform != "linux", reason="fork and signal masks: Linux")
def test_a_stop_during_the_fork_reaches_the_parent_after_it(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The parent's stop held for the fork is not lost: its handler takes it when the fork is
    done."""
    import signal

    got: list[int] = []
    previous = signal.signal(signal.SIGTERM, lambda sig, _: got.append(sig))
    try:
        with beside.forking():
            os.kill(os.getpid(), signal.SIGTERM)
            assert got == []  # held
        assert got == [signal.SIGTERM]
    finally:
        signal.signal(signal.SIGTERM, previous)
