"""Work done on the second core: a job run in a forked process beside the main one, or a
list of jobs shared by both.

An export writes eight packages and a review report from the same prepared data; the two
share nothing but their inputs, so the report is written by a forked copy of the process
while the packages are built. Validation judges the readiness of every proposed person while
the other rules run. A fork starts in milliseconds and needs nothing pickled but the answer. Where there is no ``fork`` (Windows, macOS's default is unsafe with some libraries)
or only one core, the job runs in place when it is waited for: the same bytes either way.

A failure in the child is raised again in the parent when it waits: the child's exception
itself when it can be pickled (an ``InputError`` keeps its message for the editor), else a
``RuntimeError`` carrying its traceback. A child ends when its parent does, however the parent
ended (``die_with_parent``): a run killed mid-export leaves no helper behind, still writing
into a folder the next run clears and holding the list's lock, which it inherited.
"""

from __future__ import annotations

import ctypes
import multiprocessing
import os
import signal
import sys
import traceback
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from multiprocessing.connection import Connection
from pathlib import Path
from typing import Any, Generic, TypeVar

from sanctions.common.files import STOPPING, together

T = TypeVar("T")

# Set by tests and by a run that wants one core only (SANCTIONS_PROCESSES=1).
PROCESSES_ENV = "SANCTIONS_PROCESSES"


def cores() -> int:
    """The cores this process may use (its CPU affinity where the system tells it)."""
    wanted = os.environ.get(PROCESSES_ENV, "")
    if wanted.isdecimal() and int(wanted) > 0:
        return int(wanted)
    if hasattr(os, "sched_getaffinity"):
        return len(os.sched_getaffinity(0))
    return os.cpu_count() or 1


def can_fork() -> bool:
    return sys.platform == "linux" and cores() > 1


def running(pid: int) -> bool:
    """Whether process ``pid`` runs (an ended one not yet reaped does not)."""
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # another user's: it runs
    try:
        stat = Path(f"/proc/{pid}/stat").read_text(encoding="ascii")
    except OSError:
        return True  # no /proc to ask: os.kill found it
    return stat.rsplit(")", 1)[-1].split()[0] != "Z"


@contextmanager
def forking() -> Iterator[None]:
    """Fork a helper in the block: the stops (Ctrl-C, SIGTERM) are held by the system for its
    steps, in this process and in the helper, which inherits them held and takes them once it
    has set its own handlers (``helper_handlers``). A stop that came to the helper in its first
    moments, before Python had made itself ready after the fork, was dropped with the other
    pending signals then, and the helper, never ended, was waited for forever (a screening's
    scorer, once in hundreds of runs). Here, a stop held meanwhile is taken by this process's
    handlers when the block ends (``together``'s, which act on it after)."""
    with together():
        held = signal.pthread_sigmask(signal.SIG_BLOCK, STOPPING)
        try:
            yield
        finally:
            signal.pthread_sigmask(signal.SIG_SETMASK, held)


def helper_handlers() -> None:
    """A forked helper's own handlers, set first thing (forked in ``forking``, with the stops
    held): a Ctrl-C is its parent's to act on (it ends its helpers), and a SIGTERM, from a
    parent ending it, ends it; then the stops held are taken, by these handlers."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    signal.pthread_sigmask(signal.SIG_UNBLOCK, STOPPING)


PR_SET_PDEATHSIG = 1  # linux/prctl.h: the signal a process gets when its parent ends


def die_with_parent(parent: int) -> None:
    """Have this forked process killed when ``parent`` (the process that forked it) ends, by
    Linux's parent-death signal; a parent already gone means ending now. A parent killed
    outright runs no code of its own, so the child must ask for this itself."""
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(PR_SET_PDEATHSIG, signal.SIGKILL)
    except (OSError, AttributeError):  # not Linux's C library: nothing to ask
        pass
    if os.getppid() != parent:  # it ended before the signal was asked for
        os._exit(1)


class Beside(Generic[T]):
    """``job()`` started now on another core (or later in place); ``wait()`` for its answer."""

    def __init__(self, job: Callable[[], T]) -> None:
        self._job = job
        self._process: Any = None
        self._answer: Connection | None = None
        if can_fork():
            context = multiprocessing.get_context("fork")
            receive, send = context.Pipe(duplex=False)
            self._process = context.Process(target=_run, args=(job, send, os.getpid()), daemon=True)
            with forking():
                self._process.start()
            send.close()
            self._answer = receive

    def wait(self) -> T:
        """The job's answer, when it is done; raise what it raised."""
        if self._process is None:
            return self._job()
        assert self._answer is not None
        try:
            ok, answer = self._answer.recv()
        except EOFError:
            ok, answer = False, RuntimeError("the second process ended without an answer")
        self._process.join()
        self._answer.close()
        if ok and self._process.exitcode != 0:
            ok = False
            answer = RuntimeError(f"the second process ended with code {self._process.exitcode}")
        if not ok:
            raise answer
        return answer  # type: ignore[no-any-return]

    def stop(self) -> None:
        """End the job if it still runs (the main work failed: its output is not wanted)."""
        if self._process is not None and self._process.is_alive():
            self._process.terminate()
            self._process.join()


def _run(job: Callable[[], Any], send: Connection, parent: int) -> None:
    # Ctrl-C reaches every process of the terminal's group: the parent stops the run and
    # ends this one (``stop``, or the parent-death signal); this one says nothing of it
    helper_handlers()
    die_with_parent(parent)
    try:
        answer = job()
    except BaseException as exc:  # sent to the parent, which raises it
        try:
            send.send((False, exc))
        except Exception:
            send.send((False, RuntimeError("".join(traceback.format_exception(exc)))))
        send.close()
        sys.stderr.flush()
        os._exit(1)
    send.send((True, answer))
    send.close()
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(0)  # no atexit handlers, no flushing of the parent's buffers twice


def shared(jobs: Sequence[Callable[[], T]]) -> list[T]:
    """Every job's answer, in the jobs' order, the jobs run by this process and a forked one
    together. The forked one starts on the first job (its memory is then that process's, not
    this one's), this one on the second; then each takes the next when it is free. Give them
    longest first: the two cores then end within the shortest jobs of each other, where taking
    from both ends of the list left one core idle for up to a whole job at the end. In place,
    in order, where there is no fork. A failure on either side is raised here, the other side's
    work abandoned."""
    if not can_fork() or len(jobs) < 2:
        return [job() for job in jobs]
    context = multiprocessing.get_context("fork")
    following = context.Value("i", 1)  # the next job either may take; the first is theirs

    def take() -> int | None:
        with following.get_lock():
            index = int(following.value)
            if index >= len(jobs):
                return None
            following.value = index + 1
            return index

    def theirs() -> dict[int, T]:
        done = {0: jobs[0]()}
        while (index := take()) is not None:
            done[index] = jobs[index]()
        return done

    other = Beside(theirs)
    answers: dict[int, T] = {}
    try:
        while (index := take()) is not None:
            answers[index] = jobs[index]()
        answers.update(other.wait())
    finally:
        other.stop()
    return [answers[i] for i in range(len(jobs))]
